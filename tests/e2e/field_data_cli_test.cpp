// Field data as it arrives (#11): numbers that could be grouped, Excel's
// blank lines, files with nothing usable. The framework is survei-mini
// (tests/fixtures/exports): four Likert items, d1 = {q1, q2}, d2 = {q3, q4}.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>

#include "e2e/run_siap.hpp"

using json = nlohmann::json;

namespace {
const std::string kFramework = std::string(SIAP_SOURCE_DIR) + "/tests/fixtures/exports/survei-mini.yaml";
const std::string kHeader = "id_responden;kabupaten_kota;q1;q2;q3;q4\n";

// The unit of that name in an assessment.json (units are in rank order).
json unit_named(const json& assessment, const std::string& name) {
  for (const auto& u : assessment["units"]) {
    if (u["name"] == name) return u;
  }
  FAIL("no unit named " << name);
  return {};
}
}  // namespace

TEST_CASE("an Excel-resaved semicolon file: decimal commas, a grouped 1.000, delimiter-only lines", "[e2e][field]") {
  ScratchDir dir;
  // R1's q4 "1.000" is one thousand to an Indonesian writer and one to a
  // reader that guesses: it must be neither. Bandung then has q4 = 3 (R2) only.
  write_file(dir.file("excel.csv"), kHeader +
                                        "R1;Kota Bandung;4;5;3;1.000\n"
                                        ";;;;;\n"
                                        "R2;Kota Bandung;5;5;4;3\n"
                                        ";;;;;;;;\n"
                                        "R3;Kabupaten Garut;2;3;4;5\n");
  auto r = run_siap({"--lang", "en", "assess", dir.file("excel.csv"), "-f", kFramework, "--format", "json", "-o", dir.file("out")});
  REQUIRE(r.exit_code == 0);
  auto j = json::parse(read_file(dir.file("out/assessment.json")));
  CHECK(j["counts"]["rows_read"] == 3);  // the two delimiter-only lines are blank lines
  CHECK(j["counts"]["rows_rejected"] == 0);
  // Bandung: q1 4.5, q2 5, q3 3.5, q4 3 -> d1 4.75, d2 3.25, index 4.
  CHECK(j["units"][0]["name"] == "Kota Bandung");
  CHECK(j["units"][0]["nodes"]["d2"]["exact"] == "3.25");
  CHECK(j["units"][0]["index"]["exact"] == "4");
  std::string quality = read_file(dir.file("out/quality.csv"));
  CHECK(quality.find(",2,q4,1.000,cell ignored,ambiguous_number,") != std::string::npos);
}

TEST_CASE("a declared thousands separator reads 1.000 as one thousand: outside the scale, never 1", "[e2e][field]") {
  ScratchDir dir;
  write_file(dir.file("t.csv"), kHeader + "R1;Kota Bandung;4;5;3;1.000\nR2;Kota Bandung;5;5;4;3\n");
  auto r = run_siap({"--lang", "en", "validate", dir.file("t.csv"), "-f", kFramework, "--thousands", "."});
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("q4,1.000,cell ignored,out_of_scale") != std::string::npos);
  auto clash = run_siap({"--lang", "en", "validate", dir.file("t.csv"), "-f", kFramework, "--thousands", ","});
  CHECK(clash.exit_code == 1);
  CHECK(clash.err.find("the thousands separator ',' is this file's decimal mark") != std::string::npos);
}

TEST_CASE("nothing usable is exit 1 with a plain message and no report", "[e2e][field]") {
  ScratchDir dir;
  struct Case {
    const char* name;
    std::string content;
    const char* message;
  };
  for (const Case& c : {Case{"header.csv", kHeader, "the input has only a header row"},
                        Case{"rejected.csv", kHeader + "R1;Kota Zzz;1;2;3;4\n", "1 rows read and every one rejected"},
                        Case{"no-answers.csv", kHeader + "R1;Kota Bandung;;;;x\n", "1 rows read and every one rejected"}}) {
    INFO(c.name);
    write_file(dir.file(c.name), c.content);
    auto r = run_siap({"--lang", "en", "assess", dir.file(c.name), "-f", kFramework, "-o", dir.file(std::string("out-") + c.name)});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find(c.message) != std::string::npos);
    CHECK(r.err.find("no report written") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir.file(std::string("out-") + c.name)));
  }
  // A unit sheet whose only row has no usable value.
  write_file(dir.file("units.csv"), "instansi,D1,D2,D3,D4\nKota Bandung,,,,x\n");
  auto units = run_siap({"--lang", "en", "assess", dir.file("units.csv"), "-f", "spbe-2020"});
  CHECK(units.exit_code == 1);
  CHECK(units.err.find("1 rows accepted, but no answer cell could be used") != std::string::npos);
}

TEST_CASE("a LimeSurvey-style export: numbered long answers and skip markers", "[e2e][field]") {
  ScratchDir dir;
  // Bandung R1: 4, 5, 3, n/a; R2: 5, 5, 4, 3 -> q4 = 3 (n/a is no answer), as the first test.
  write_file(dir.file("lime.csv"),
             "\"id_responden\",\"kabupaten_kota\",\"q1\",\"q2\",\"q3\",\"q4\"\r\n"
             "\"R1\",\"Kota Bandung\",\"4. Setuju\",\"5 - Sangat setuju\",\"3 (N)\",\"n/a\"\r\n"
             "\"R2\",\"Kota Bandung\",\"5 (SS)\",\"Sangat Setuju\",\"4) Agree\",\"3\"\r\n"
             "\"R3\",\"Kabupaten Garut\",\"2\",\"3\",\"4\",\"5\"\r\n\r\n");
  auto r = run_siap({"--lang", "en", "assess", dir.file("lime.csv"), "-f", kFramework, "--no-answer", "n/a,-", "--format", "json"});
  REQUIRE(r.exit_code == 0);
  auto j = json::parse(r.out);
  CHECK(j["quality"].empty());
  CHECK(j["units"][0]["nodes"]["d2"]["exact"] == "3.25");
  CHECK(j["units"][0]["index"]["exact"] == "4");
  CHECK(r.err.find("1 cells hold a no-answer marker (not scored, not errors)") != std::string::npos);
  // A marker that is also an answer would be read two ways: refused.
  auto clash = run_siap({"--lang", "en", "assess", dir.file("lime.csv"), "-f", kFramework, "--no-answer", "3"});
  CHECK(clash.exit_code == 1);
  CHECK(clash.err.find("the no-answer marker '3' is a valid answer on scale 'setuju'") != std::string::npos);
}

TEST_CASE("submissions their tool marks incomplete, not approved or rejected are set aside unless included", "[e2e][field]") {
  ScratchDir dir;
  // LimeSurvey: R9 has no submitdate (abandoned halfway). Kept, it would pull
  // Bandung's q1 from 4.5 to 3.33 (4, 5, 1).
  write_file(dir.file("lime.csv"),
             "id_responden,submitdate,kabupaten_kota,q1,q2,q3,q4\n"
             "R1,2026-03-01 10:00:00,Kota Bandung,4,5,3,3\n"
             "R2,2026-03-01 11:00:00,Kota Bandung,5,5,4,3\n"
             "R9,,Kota Bandung,1,1,1,1\n"
             "R3,2026-03-02 09:00:00,Kabupaten Garut,2,3,4,5\n");
  auto r = run_siap({"--lang", "en", "assess", dir.file("lime.csv"), "-f", kFramework, "--format", "json"});
  REQUIRE(r.exit_code == 0);
  auto j = json::parse(r.out);
  CHECK(j["counts"]["rows_read"] == 4);
  CHECK(j["counts"]["rows_rejected"] == 1);
  REQUIRE(j["quality"].size() == 1);
  CHECK(j["quality"][0]["code"] == "incomplete_response");
  CHECK(j["quality"][0]["column"] == "submitdate");
  // Bandung from R1 and R2: d1 = (4.5 + 5) / 2 = 4.75, d2 = (3.5 + 3) / 2 = 3.25, index 4.
  CHECK(unit_named(j, "Kota Bandung")["index"]["exact"] == "4");
  auto kept = run_siap({"--lang", "en", "assess", dir.file("lime.csv"), "-f", kFramework, "--format", "json", "--include-incomplete"});
  REQUIRE(kept.exit_code == 0);
  auto k = json::parse(kept.out);
  CHECK(k["counts"]["rows_rejected"] == 0);
  // With R9: q1 10/3, q2 11/3 -> d1 3.5; q3 8/3, q4 7/3 -> d2 2.5; index 3.
  CHECK(unit_named(k, "Kota Bandung")["index"]["exact"] == "3");

  // KoboToolbox's _validation_status and ODK Central's ReviewState.
  write_file(dir.file("kobo.csv"),
             "id_responden,kabupaten_kota,q1,q2,q3,q4,_validation_status\n"
             "R1,Kota Bandung,4,5,3,3,Approved\n"
             "R2,Kota Bandung,5,5,4,3,\n"
             "R9,Kota Bandung,1,1,1,1,Not Approved\n"
             "R3,Kabupaten Garut,2,3,4,5,On Hold\n");
  auto kobo = run_siap({"--lang", "en", "assess", dir.file("kobo.csv"), "-f", kFramework, "--format", "json"});
  REQUIRE(kobo.exit_code == 0);
  auto kj = json::parse(kobo.out);
  CHECK(kj["counts"]["rows_rejected"] == 1);
  CHECK(kj["quality"][0]["code"] == "not_approved");
  CHECK(unit_named(kj, "Kota Bandung")["index"]["exact"] == "4");
  write_file(dir.file("odk.csv"),
             "id_responden,kabupaten_kota,q1,q2,q3,q4,ReviewState\n"
             "R1,Kota Bandung,4,5,3,3,approved\n"
             "R2,Kota Bandung,5,5,4,3,hasIssues\n"
             "R9,Kota Bandung,1,1,1,1,rejected\n"
             "R3,Kabupaten Garut,2,3,4,5,\n");
  auto odk = run_siap({"--lang", "en", "assess", dir.file("odk.csv"), "-f", kFramework, "--format", "json"});
  REQUIRE(odk.exit_code == 0);
  auto oj = json::parse(odk.out);
  CHECK(oj["counts"]["rows_rejected"] == 1);
  CHECK(oj["quality"][0]["code"] == "review_rejected");
  CHECK(unit_named(oj, "Kota Bandung")["index"]["exact"] == "4");
}

TEST_CASE("headers as the tools write them: labels, LimeSurvey codes, Google Forms grids, a foreign file shows its columns", "[e2e][field]") {
  ScratchDir dir;
  // Kobo labels ("Kabupaten/Kota", group/label), a LimeSurvey code, a Google Forms grid row.
  write_file(dir.file("tools.csv"),
             "ID Responden,Kabupaten/Kota,Dimensi Satu/Pertanyaan satu,q2. Pertanyaan dua,"
             "Seberapa setuju Anda? [Question three],grup-q4\n"
             "R1,Kota Bandung,4,5,3,2\n"
             "R2,Kota Bandung,5,5,4,3\n");
  auto r = run_siap({"--lang", "en", "assess", dir.file("tools.csv"), "-f", kFramework, "--format", "json", "-o", dir.file("out")});
  REQUIRE(r.exit_code == 0);
  auto j = json::parse(read_file(dir.file("out/assessment.json")));
  // By hand: q1 4.5, q2 5, q3 3.5, q4 2.5 -> d1 4.75, d2 3, index 3.875.
  CHECK(j["units"][0]["nodes"]["d1"]["exact"] == "4.75");
  CHECK(j["units"][0]["nodes"]["d2"]["exact"] == "3");
  CHECK(j["units"][0]["index"]["exact"] == "3.875");

  write_file(dir.file("other.csv"), "Nama,Umur,Alamat\nAni,30,Jl. Merdeka\n");
  auto other = run_siap({"--lang", "en", "assess", dir.file("other.csv"), "-f", kFramework});
  CHECK(other.exit_code == 1);
  CHECK(other.err.find("required columns missing: 'kabupaten_kota', 'q1'") != std::string::npos);
  CHECK(other.err.find("; the file's columns: 'Nama', 'Umur', 'Alamat'\n") != std::string::npos);
  // A near miss is named, in whichever form of the header it was close to.
  write_file(dir.file("near.csv"), "id_responden,kabupaten_kota,grup/q1,grup/q2,grup/q3,grup/qq4\nR1,Kota Bandung,4,5,3,2\n");
  auto near = run_siap({"--lang", "en", "assess", dir.file("near.csv"), "-f", kFramework});
  CHECK(near.exit_code == 1);
  CHECK(near.err.find("required columns missing: 'q4' (closest: 'grup/qq4')\n") != std::string::npos);
}

TEST_CASE("a study scoped with --province: other provinces' regions are rejected as outside_scope, suggestions from the scope first",
          "[e2e][field]") {
  ScratchDir dir;
  write_file(dir.file("jateng.csv"), kHeader +
                                         "R1;Kota Semarang;4;5;3;2\n"
                                         "R2;Kota Bandung;4;4;4;4\n"  // Jawa Barat
                                         "R3;Solo;2;2;2;2\n"          // Kota Surakarta
                                         "R4;Kab. Semarang (Ungaran);3;3;3;3\n"
                                         "R5;Purwokerto;5;5;5;5\n"  // a town in Kabupaten Banyumas: never guessed
                                         "R6;Kota Semarag;3;3;3;3\n");
  auto r = run_siap(
      {"--lang", "en", "assess", dir.file("jateng.csv"), "-f", kFramework, "--province", "Jawa Tengah", "--format", "json", "-o", dir.file("out")});
  REQUIRE(r.exit_code == 0);
  auto j = json::parse(read_file(dir.file("out/assessment.json")));
  CHECK(j["counts"]["rows_read"] == 6);
  CHECK(j["counts"]["rows_accepted"] == 3);
  CHECK(j["counts"]["rows_rejected"] == 3);
  CHECK(unit_named(j, "Kota Surakarta")["index"]["exact"] == "2");
  CHECK(unit_named(j, "Kabupaten Semarang")["index"]["exact"] == "3");
  // Kota Semarang by hand: d1 (4+5)/2 = 4.5, d2 (3+2)/2 = 2.5, index 3.5.
  CHECK(unit_named(j, "Kota Semarang")["index"]["exact"] == "3.5");
  const std::string quality = read_file(dir.file("out/quality.csv"));
  CHECK(quality.find(",3,kabupaten_kota,Kota Bandung,row rejected,outside_scope,outside the study's scope: Kota Bandung (32.73) is in Jawa Barat; "
                     "the scope: Provinsi Jawa Tengah (33)") != std::string::npos);
  CHECK(quality.find(",6,kabupaten_kota,Purwokerto,row rejected,unknown_region,") != std::string::npos);
  CHECK(quality.find(",7,kabupaten_kota,Kota Semarag,row rejected,unknown_region,unknown region; did you mean Kota Semarang (33.74)") !=
        std::string::npos);
  auto wrong = run_siap({"--lang", "en", "assess", dir.file("jateng.csv"), "-f", kFramework, "--province", "Kota Semarang"});
  CHECK(wrong.exit_code == 2);
  CHECK(wrong.err.find("--province 'Kota Semarang': Kota Semarang (33.74) is not a province") != std::string::npos);
}

TEST_CASE("a framework written for a province (input.provinces) scopes the study, --province replaces it, 'all' lifts it", "[e2e][field]") {
  ScratchDir dir;
  std::string yaml = read_file(kFramework);
  const std::string unit_line = "  unit_column: kabupaten_kota\n";
  REQUIRE(yaml.find(unit_line) != std::string::npos);
  yaml.replace(yaml.find(unit_line), unit_line.size(), unit_line + "  provinces: [Jawa Tengah]\n");
  write_file(dir.file("jateng.yaml"), yaml);
  write_file(dir.file("survei.csv"), kHeader +
                                         "R1;Kota Semarang;4;5;3;2\n"
                                         "R2;Kota Bandung;4;4;4;4\n");
  auto scoped = run_siap({"--lang", "en", "assess", dir.file("survei.csv"), "-f", dir.file("jateng.yaml"), "--format", "csv"});
  REQUIRE(scoped.exit_code == 0);
  CHECK(scoped.out.find("Kota Semarang") != std::string::npos);
  CHECK(scoped.out.find("Kota Bandung") == std::string::npos);
  CHECK(scoped.err.find("outside the study's scope: Kota Bandung (32.73) is in Jawa Barat") != std::string::npos);
  auto replaced = run_siap({"--lang", "en", "assess", dir.file("survei.csv"), "-f", dir.file("jateng.yaml"), "--province", "32", "--format", "csv"});
  REQUIRE(replaced.exit_code == 0);
  CHECK(replaced.out.find("Kota Semarang") == std::string::npos);
  CHECK(replaced.out.find("Kota Bandung") != std::string::npos);
  auto everywhere =
      run_siap({"--lang", "en", "assess", dir.file("survei.csv"), "-f", dir.file("jateng.yaml"), "--province", "all", "--format", "csv"});
  REQUIRE(everywhere.exit_code == 0);
  CHECK(everywhere.out.find("Kota Semarang") != std::string::npos);
  CHECK(everywhere.out.find("Kota Bandung") != std::string::npos);
}

TEST_CASE("a region map (--region-map) reads a study's own names, noting each row it mapped, a bad map names its cell", "[e2e][field]") {
  ScratchDir dir;
  write_file(dir.file("peta.csv"),
             "teks,wilayah,catatan\n"
             "Kota Smg,33.74,singkatan\n"
             "Purwokerto,Kabupaten Banyumas,ibu kota kabupaten\n");
  write_file(dir.file("survei.csv"), kHeader +
                                         "R1;Kota Smg;4;5;3;2\n"
                                         "R2;Purwokerto;4;4;4;4\n"
                                         "R3;Kota Semarang;2;2;2;2\n"
                                         "R4;KOTA  SMG;3;3;3;3\n");
  auto r = run_siap({"--lang", "en", "assess", dir.file("survei.csv"), "-f", kFramework, "--region-map", dir.file("peta.csv"), "--format", "json",
                     "-o", dir.file("out"), "--strict"});
  REQUIRE(r.exit_code == 0);  // notes are not problems, even with --strict
  auto j = json::parse(read_file(dir.file("out/assessment.json")));
  CHECK(j["counts"]["rows_read"] == 4);
  CHECK(j["counts"]["rows_accepted"] == 4);
  // Kota Semarang from R1, R3, R4: q1 (4+2+3)/3 = 3, q2 (5+2+3)/3 = 10/3, q3 (3+2+3)/3 = 8/3, q4 (2+2+3)/3 = 7/3;
  // d1 = 19/6, d2 = 15/6 = 2.5; index = 17/6 = 2.8333..., published 2.83.
  CHECK(unit_named(j, "Kota Semarang")["index"]["published"] == 2.83);
  CHECK(unit_named(j, "Kabupaten Banyumas")["index"]["exact"] == "4");
  const std::string quality = read_file(dir.file("out/quality.csv"));
  CHECK(quality.find(",2,kabupaten_kota,Kota Smg,value mapped,region_mapped,read as Kota Semarang (33.74) by the region map " +
                     dir.file("peta.csv")) != std::string::npos);
  CHECK(quality.find(",5,kabupaten_kota,KOTA  SMG,value mapped,region_mapped,") != std::string::npos);
  CHECK(quality.find(",4,kabupaten_kota,") == std::string::npos);  // Kota Semarang is a name siap knows
  CHECK(j["settings"].dump().find("region_map=") != std::string::npos);

  write_file(dir.file("salah.csv"), "teks;wilayah\nKota Smg;33.74\nkota smg;Kota Bandung\nx;Bandung\ny;Atlantis\n;32.73\n");
  auto bad = run_siap({"--lang", "en", "assess", dir.file("survei.csv"), "-f", kFramework, "--region-map", dir.file("salah.csv")});
  CHECK(bad.exit_code == 1);
  CHECK(bad.err == "siap: error: " + dir.file("salah.csv") +
                       ":3:1: 'kota smg' is already mapped to Kota Semarang (33.74), here to Kota Bandung (32.73)\n" +
                       "siap: error: " + dir.file("salah.csv") + ":4:2: ambiguous region 'Bandung'; write its Kemendagri code\n" + "siap: error: " +
                       dir.file("salah.csv") + ":5:2: unknown region 'Atlantis' (a dotted Kemendagri code such as 33.74, or the official name)\n" +
                       "siap: error: " + dir.file("salah.csv") + ":6:1: empty text\n");
}

TEST_CASE(
    "a LimeSurvey export as it writes one: BOM, semicolon, every field quoted, CRLF, 'code. text' headings, long answers, an unfinished response",
    "[e2e][field]") {
  ScratchDir dir;
  // shared/domain/data-and-formats.md 2.1: CsvWriter's ';' and quoting, a UTF-8 BOM, CRLF and an extra
  // blank line at the end; "full" headings are "code. question text". R9 did not finish (empty submitdate).
  write_file(
      dir.file("results-survey123456.csv"),
      "\xEF\xBB\xBF\"Response ID\";\"Date submitted\";\"Last page\";\"Start language\";\"Seed\";"
      "\"kabupaten_kota. Kabupaten/kota tempat Anda bekerja\";\"q1. Pertanyaan satu\";\"q2. Pertanyaan dua\";"
      "\"q3. Pertanyaan tiga\";\"q4. Pertanyaan empat\"\r\n"
      "\"1\";\"2026-03-01 10:00:00\";\"2\";\"id\";\"111\";\"Kota Bandung\";\"Setuju\";\"Sangat setuju\";\"Netral\";\"Tidak setuju\"\r\n"
      "\"2\";\"2026-03-01 11:00:00\";\"2\";\"id\";\"222\";\"Kota Bandung\";\"5. Sangat setuju\";\"Sangat setuju\";\"4. Setuju\";\"3. Netral\"\r\n"
      "\"9\";\"\";\"1\";\"id\";\"999\";\"Kota Bandung\";\"Sangat tidak setuju\";\"\";\"\";\"\"\r\n"
      "\"3\";\"2026-03-02 09:00:00\";\"2\";\"id\";\"333\";\"Kabupaten Garut\";\"Tidak setuju\";\"Netral\";\"Setuju\";\"Sangat setuju\"\r\n"
      "\r\n");
  auto r = run_siap({"--lang", "en", "assess", dir.file("results-survey123456.csv"), "-f", kFramework, "--format", "json"});
  REQUIRE(r.exit_code == 0);
  auto j = json::parse(r.out);
  CHECK(j["counts"]["rows_read"] == 4);
  CHECK(j["counts"]["rows_rejected"] == 1);
  REQUIRE(j["quality"].size() == 1);
  CHECK(j["quality"][0]["code"] == "incomplete_response");
  CHECK(j["quality"][0]["line"] == 4);
  // Bandung (1, 2): q1 4.5, q2 5, q3 3.5, q4 2.5 -> d1 4.75, d2 3, index 3.875; Garut 3.5.
  CHECK(unit_named(j, "Kota Bandung")["index"]["exact"] == "3.875");
  CHECK(unit_named(j, "Kabupaten Garut")["index"]["exact"] == "3.5");
}
