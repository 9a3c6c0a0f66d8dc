#include "siap/report_formats.hpp"

#include <catch2/catch.hpp>

#include <set>
#include <string>

TEST_CASE("the format table: unique names, a file of its own for each, only binary formats need a directory", "[report][formats]") {
  std::set<std::string> names, files_id, files_en;
  for (const auto& f : siap::report_formats()) {
    CHECK(names.insert(std::string(f.name)).second);
    // The file each writes with -o: its own name, or the report's name with its extension.
    CHECK(files_id.insert(f.file_id.empty() ? "penilaian." + std::string(f.extension) : std::string(f.file_id)).second);
    CHECK(files_en.insert(f.file_en.empty() ? "assessment." + std::string(f.extension) : std::string(f.file_en)).second);
    CHECK(f.file_id.empty() == f.file_en.empty());
    CHECK(f.render != nullptr);
    CHECK(f.needs_output_dir == (f.name == "xlsx" || f.name == "map-png"));  // binary: never to a terminal
  }
  CHECK(siap::report_format_names() == "text, json, csv, md, html, xlsx, responses, intervals, map, map-png, rollup");
  CHECK(siap::find_report_format("rollup")->file_id == "provinsi.csv");
  CHECK(siap::find_report_format("rollup")->needs_rollup);
  CHECK(siap::find_report_format("responses")->file_id == "responden.csv");
  REQUIRE(siap::find_report_format("text") != nullptr);
  CHECK(siap::find_report_format("text")->extension == "txt");
  CHECK(siap::find_report_format("pdf") == nullptr);
  CHECK(siap::find_report_format("") == nullptr);
}
