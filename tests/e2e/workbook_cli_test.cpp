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

TEST_CASE("a workbook with several sheets says which it read, --sheet chooses another", "[e2e][workbook]") {
  auto r = run_siap({"assess", kExports + "survei-openpyxl.xlsx", "-f", kFramework});
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("membaca lembar 1 'Data'; lembar lain tidak dibaca: 'Catatan' (pilih dengan --sheet)") != std::string::npos);
  auto other = run_siap({"--lang", "en", "assess", kExports + "survei-openpyxl.xlsx", "-f", kFramework, "--sheet", "Catatan"});
  CHECK(other.exit_code == 1);  // that sheet has no survey header
  auto missing = run_siap({"--lang", "en", "assess", kExports + "survei-openpyxl.xlsx", "-f", kFramework, "--sheet", "Sheet9"});
  CHECK(missing.exit_code == 1);
  CHECK(missing.err.find("no sheet 'Sheet9'; the sheets are: 1 'Data', 2 'Catatan'") != std::string::npos);
}

// Repeat groups (tests/fixtures/exports/make_exports.py): the answers are in
// the repeat table, the region and the review status in the main one.
TEST_CASE("ODK Central's ZIP and a Kobo XLSX with a repeat group: each respondent gets its visit's region and status", "[e2e][workbook]") {
  for (const char* fixture : {"odk-central-repeat.zip", "kobo-repeat.xlsx"}) {
    INFO(fixture);
    ScratchDir dir;
    const std::string exports = std::string(SIAP_FIXTURES) + "/exports/";
    auto r = run_siap({"--lang", "en", "assess", exports + fixture, "-f", exports + "survei-mini.yaml", "--format", "json", "-o", dir.file("out")});
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.find("read the repeat table") != std::string::npos);
    auto j = json::parse(read_file(dir.file("out/assessment.json")));
    CHECK(j["counts"]["rows_read"] == 4);
    CHECK(j["counts"]["rows_accepted"] == 3);
    CHECK(j["counts"]["rows_rejected"] == 1);  // R4, of the rejected / not approved visit
    // By hand: Bandung (R1, R2) q1 4.5, q2 5, q3 3.5, q4 2.5 -> d1 4.75, d2 3, index 3.875; Garut (R3) d1 2.5, d2 4.5, index 3.5.
    REQUIRE(j["units"].size() == 2);
    CHECK(j["units"][0]["name"] == "Kota Bandung");
    CHECK(j["units"][0]["nodes"]["d1"]["exact"] == "4.75");
    CHECK(j["units"][0]["nodes"]["d2"]["exact"] == "3");
    CHECK(j["units"][0]["index"]["exact"] == "3.875");
    CHECK(j["units"][1]["name"] == "Kabupaten Garut");
    CHECK(j["units"][1]["index"]["exact"] == "3.5");
    const std::string code = std::string(fixture).ends_with(".zip") ? "review_rejected" : "not_approved";
    CHECK(j["quality"][0]["code"] == code);
    CHECK(j["quality"][0]["line"] == 5);  // R4's line in the repeat table
    auto all =
        run_siap({"--lang", "en", "assess", exports + fixture, "-f", exports + "survei-mini.yaml", "--format", "json", "--include-incomplete"});
    REQUIRE(all.exit_code == 0);
    CHECK(json::parse(all.out)["counts"]["rows_accepted"] == 4);
  }
}

TEST_CASE("Google Forms in Indonesian (CSV, XLSX) and Kobo XLSX (labels with '/', XML names with '.'): the same scores", "[e2e][workbook]") {
  for (const char* fixture : {"google-forms.csv", "google-forms.xlsx", "kobo-labels.xlsx", "kobo-xml-dot.xlsx"}) {
    INFO(fixture);
    const std::string exports = std::string(SIAP_FIXTURES) + "/exports/";
    auto r = run_siap({"--lang", "en", "-v", "assess", exports + fixture, "-f", exports + "survei-mini.yaml", "--format", "json"});
    REQUIRE(r.exit_code == 0);
    const bool google = std::string(fixture).starts_with("google");
    CHECK(r.err.find(google ? "ignored columns: Cap waktu\n" : "ignored columns: start, end, _id, _uuid, _index\n") != std::string::npos);
    auto j = json::parse(r.out);
    CHECK(j["counts"]["rows_read"] == 3);
    CHECK(j["counts"]["rows_rejected"] == 0);
    CHECK(j["counts"]["cells_ignored"] == 0);
    // The same rows as the other fixtures: Bandung 3.875, published half up as 3.88; Garut 3.5.
    CHECK(j["units"][0]["name"] == "Kota Bandung");
    CHECK(j["units"][0]["index"]["exact"] == "3.875");
    CHECK(j["units"][0]["index"]["published"] == 3.88);
    CHECK(j["units"][1]["index"]["exact"] == "3.5");
  }
}
