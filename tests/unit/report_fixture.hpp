// A small assessment whose every number is computed by hand, for the
// reporters' tests: two regions and one hostile non-region name.
//   Kota Bandung:    a = 4, b = 5 -> (1*4 + 3*5) / 4 = 4.75 (Tinggi), rank 1
//   Kabupaten Garut: a = 2, b = 3 -> (1*2 + 3*3) / 4 = 2.75 (Rendah), rank 2, 0.25 below Tinggi
//   =HYPERLINK("x")<b>|: a = 3, b missing -> coverage 1/4 = 25.0 % < 100 %: not assessed
#pragma once

#include <unistd.h>

#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

#include "siap/assessment.hpp"
#include "siap/framework_loader.hpp"
#include "siap/report.hpp"

namespace report_fixture {

inline const char* const kFramework =
    "schema: siap/framework/v1\n"
    "id: r\n"
    "version: '1'\n"
    "title: {id: Uji Laporan, en: Report test}\n"
    "status: project-defined\n"
    "input: {kind: units, unit_column: wilayah}\n"
    "score: {min: 1, max: 5, decimals: 2}\n"
    "aggregation: {min_coverage: 1}\n"
    "scale: l\n"
    "scales:\n"
    "  - {id: l, type: ordinal, min: 1, max: 5}\n"
    "bands:\n"
    "  - id: predikat\n"
    "    ranges: [{id: rendah, label: Rendah, from: 1, to: 3}, {id: tinggi, label: {id: Tinggi, en: High}, from: 3, to: 5}]\n"
    "tree:\n"
    "  - {id: a, name: A, weight: 1}\n"
    "  - {id: b, name: B, weight: 3}\n";

inline const char* const kData =
    "wilayah,a,b\n"
    "Kota Bandung,4,5\n"
    "Kabupaten Garut,2,3\n"
    "\"=HYPERLINK(\"\"x\"\")<b>|\",3,\n";

// The framework must outlive the assessment: both are kept here.
struct Fixture {
  std::unique_ptr<siap::Framework> framework;
  siap::Assessment assessment;
  siap::ReportOptions options(siap::Lang lang) const {
    siap::ReportOptions o;
    o.lang = lang;
    o.tool_version = "test";
    o.date = "2026-12-01";
    return o;
  }
};

// `rows` replaces the hand-computed rows for a test that needs other input.
inline Fixture make(const char* rows = kData) {
  Fixture f;
  auto fw = siap::load_framework(kFramework, "r.yaml");
  REQUIRE(fw.has_value());
  f.framework = std::make_unique<siap::Framework>(std::move(*fw));
  std::string path = (std::filesystem::temp_directory_path() / ("siap-report-fixture-" + std::to_string(::getpid()) + ".csv")).string();
  FILE* file = std::fopen(path.c_str(), "wb");
  std::fputs(rows, file);
  std::fclose(file);
  siap::LoadOptions options;
  options.allow_non_regions = true;
  auto data = siap::load_dataset(*f.framework, {path}, options);
  std::remove(path.c_str());
  REQUIRE(data.has_value());
  f.assessment = siap::assess(*f.framework, std::move(*data));
  return f;
}

}  // namespace report_fixture
