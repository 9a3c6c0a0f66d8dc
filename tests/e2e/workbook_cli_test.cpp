// Workbooks end to end: the fixtures of tests/fixtures/exports (written by
// openpyxl, Python's zipfile and LibreOffice) assessed by the real binary.
// Hand calculation (survei-mini: d1 = mean(q1, q2), d2 = mean(q3, q4),
// index = mean(d1, d2), respondents combined by their mean):
//   Kota Bandung    R1 (4,5,3,2), R2 (5,5,4,3): q = 4.5, 5, 3.5, 2.5
//                   d1 = 4.75, d2 = 3.0, index 3.875 -> 3.88 (half up)
//   Kabupaten Garut R3 (2,3,4,5): d1 = 2.5, d2 = 4.5, index 3.5 -> 3.50
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "e2e/run_siap.hpp"

using json = nlohmann::json;

namespace {
const std::string kExports = std::string(SIAP_SOURCE_DIR) + "/tests/fixtures/exports/";
const std::string kFramework = kExports + "survei-mini.yaml";
}  // namespace

TEST_CASE("XLSX from openpyxl and by hand, and ODS from LibreOffice, give the hand-calculated scores", "[e2e][workbook]") {
  for (const char* file : {"survei-openpyxl.xlsx", "survei-handmade.xlsx", "survei-libreoffice.ods"}) {
    INFO(file);
    auto r = run_siap({"assess", kExports + file, "-f", kFramework, "--format", "json"});
    REQUIRE(r.exit_code == 0);
    auto j = json::parse(r.out);
    CHECK(j["counts"]["rows_read"] == 3);
    CHECK(j["counts"]["rows_accepted"] == 3);
    REQUIRE(j["units"].size() == 2);
    const auto& bandung = j["units"][0];
    CHECK(bandung["name"] == "Kota Bandung");
    CHECK(bandung["respondents"] == 2);
    CHECK(bandung["index"]["exact"] == "3.875");
    CHECK(bandung["index"]["published"] == 3.88);
    CHECK(bandung["nodes"]["d1"]["exact"] == "4.75");
    CHECK(bandung["nodes"]["d2"]["exact"] == "3");
    const auto& garut = j["units"][1];
    CHECK(garut["name"] == "Kabupaten Garut");
    CHECK(garut["index"]["exact"] == "3.5");
    CHECK(garut["nodes"]["d1"]["exact"] == "2.5");
    CHECK(garut["nodes"]["d2"]["exact"] == "4.5");
    CHECK(j["inputs"][0]["sha256"].get<std::string>().size() == 64);
  }
}

TEST_CASE("a workbook with several sheets says which it read; --sheet chooses another", "[e2e][workbook]") {
  auto r = run_siap({"assess", kExports + "survei-openpyxl.xlsx", "-f", kFramework});
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("membaca lembar 1 'Data'; lembar lain tidak dibaca: 'Catatan' (pilih dengan --sheet)") != std::string::npos);
  auto other = run_siap({"--lang", "en", "assess", kExports + "survei-openpyxl.xlsx", "-f", kFramework, "--sheet", "Catatan"});
  CHECK(other.exit_code == 1);  // that sheet has no survey header
  auto missing = run_siap({"--lang", "en", "assess", kExports + "survei-openpyxl.xlsx", "-f", kFramework, "--sheet", "Sheet9"});
  CHECK(missing.exit_code == 1);
  CHECK(missing.err.find("no sheet 'Sheet9'; the sheets are: 1 'Data', 2 'Catatan'") != std::string::npos);
}
