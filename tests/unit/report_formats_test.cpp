#include "siap/report_formats.hpp"

#include <catch2/catch.hpp>

#include <set>

TEST_CASE("the format table: unique names, files by extension, only the workbook needs a directory", "[report][formats]") {
  std::set<std::string_view> names, extensions;
  for (const auto& f : siap::report_formats()) {
    CHECK(names.insert(f.name).second);
    CHECK(extensions.insert(f.extension).second);
    CHECK(f.render != nullptr);
    CHECK(f.needs_output_dir == (f.name == "xlsx"));
  }
  CHECK(siap::report_format_names() == "text, json, csv, md, html, xlsx");
  REQUIRE(siap::find_report_format("text") != nullptr);
  CHECK(siap::find_report_format("text")->extension == "txt");
  CHECK(siap::find_report_format("pdf") == nullptr);
  CHECK(siap::find_report_format("") == nullptr);
}
