// libFuzzer harness: any bytes as a survey or indicator file, through the
// whole pipeline (load and check, score, every text report) against three
// contrasting built-in frameworks: a respondent survey on a Likert scale with
// groups (kominfo-readiness), a respondent survey on a half-step stage scale
// (garuda-gscm) and an indicator sheet per instansi with given domain values
// (spbe-2020), and a composite indicator of secondary data treated across
// units (a denominator column, imputation, winsorisation, min-max and
// percentile ranks, geometric means). The first byte picks the framework
// (low two bits) and the load options, including the two-part parallel
// parse on tiny files.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "fuzz_target_util.hpp"
#include "siap/framework_catalog.hpp"
#include "siap/framework_loader.hpp"
#include "siap/report.hpp"

namespace {

const char* const kComposite =
    "schema: siap/framework/v1\nid: c\nversion: '1'\ntitle: {id: C, en: C}\nstatus: project-defined\n"
    "input: {kind: units, unit_column: wilayah}\nscore: {min: 0, max: 100}\naggregation: {method: geometric, min_coverage: 0.5}\n"
    "treatment: {outliers: winsorise, impute: province_median, normalise: minmax, range: [1, 100]}\n"
    "scale: up\nscales: [{id: up, type: numeric, direction: higher}, {id: down, type: numeric, direction: lower}]\n"
    "tree:\n  - {id: a, name: A, children: [{id: x1, name: X1, treatment: {denominator: {column: rt}, per: 1000}}, {id: x2, name: X2, scale: "
    "down}]}\n"
    "  - {id: b, name: B, aggregation: {method: harmonic}, children: [{id: x3, name: X3, treatment: {denominator: area}}, {id: x4, name: X4, "
    "treatment: {normalise: percentile_rank, range: [1, 100]}}]}\n";

const siap::Framework& framework(int which) {
  static const siap::Framework readiness = *siap::load_builtin_framework("kominfo-readiness");
  static const siap::Framework gscm = *siap::load_builtin_framework("garuda-gscm");
  static const siap::Framework spbe = *siap::load_builtin_framework("spbe-2020");
  static const siap::Framework composite = *siap::load_framework(kComposite, "composite.yaml");
  return which == 0 ? readiness : which == 1 ? gscm : which == 2 ? spbe : composite;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::uint8_t mode = data[0];
  const siap::Framework& fw = framework(mode & 3);
  siap::LoadOptions options;
  options.allow_non_regions = (mode & 4) != 0;
  options.decimal_comma = (mode & 8) ? siap::DecimalComma::yes : siap::DecimalComma::automatic;
  options.region_coding = (mode & 16) ? siap::RegionCoding::kemendagri : siap::RegionCoding::unspecified;
  options.csv.encoding = (mode & 32) ? siap::TextEncoding::cp1252 : siap::TextEncoding::utf8;
  options.parallel_min_bytes = (mode & 64) ? 16 : std::size_t(1) << 40;
  siap::fuzz::write_scratch(data + 1, size - 1);
  auto loaded = siap::load_dataset(fw, {siap::fuzz::scratch_path()}, options);
  if (!loaded) {
    for (const auto& e : loaded.errors()) siap::fuzz::check_text(e.render(siap::Lang::en));
    return 0;
  }
  siap::fuzz::check_counts(*loaded);
  siap::Assessment a = siap::assess(fw, std::move(*loaded));
  siap::ReportOptions report;
  report.lang = (mode & 128) ? siap::Lang::en : siap::Lang::id;
  report.date = "2026-12-01";
  report.tool_version = "fuzz";
  siap::fuzz::check_text(siap::render_text(a, report));
  siap::fuzz::check_text(siap::render_json(a, report));
  siap::fuzz::check_text(siap::render_csv(a, report));
  siap::fuzz::check_text(siap::render_markdown(a, report));
  siap::fuzz::check_text(siap::render_html(a, report));
  siap::fuzz::check_text(siap::render_quality_csv(*a.data, report));
  return 0;
}
