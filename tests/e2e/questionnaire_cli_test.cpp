// siap questionnaire as a user runs it: files written, usage errors, and a
// framework that cannot make a form. The form's content and the export
// round trip are checked with openpyxl in check_xlsform.py.
#include <catch2/catch.hpp>

#include <filesystem>

#include "e2e/run_siap.hpp"

TEST_CASE("questionnaire: an XLSForm (with kabkota.csv when national) and a codebook, nothing else in the directory", "[e2e][questionnaire]") {
  ScratchDir dir;
  auto national = run_siap({"questionnaire", "kominfo-readiness", "--format", "XLSForm, codebook", "-o", dir.file("nasional")});
  REQUIRE(national.exit_code == 0);
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir.file("nasional"))) files.push_back(entry.path().filename().string());
  std::sort(files.begin(), files.end());
  CHECK(files == std::vector<std::string>{"buku-kode.csv", "formulir.xlsx", "kabkota.csv"});
  auto scoped = run_siap({"--lang", "en", "questionnaire", "kominfo-readiness", "--province", "Jawa Barat", "-o", dir.file("jabar")});
  REQUIRE(scoped.exit_code == 0);
  CHECK(std::filesystem::exists(dir.file("jabar/form.xlsx")));
  CHECK_FALSE(std::filesystem::exists(dir.file("jabar/kabkota.csv")));  // 27 kabupaten/kota are choices in the form
  // The codebook alone goes to stdout.
  auto codebook = run_siap({"--lang", "en", "questionnaire", "kominfo-readiness", "--format", "codebook"});
  REQUIRE(codebook.exit_code == 0);
  CHECK(codebook.out.rfind("column,question_id,question_en,scale,scale_type,values,reverse,path,facets,node\r\n", 0) == 0);
}

TEST_CASE("questionnaire: usage errors are exit 2 and say what to do", "[e2e][questionnaire]") {
  auto no_dir = run_siap({"--lang", "en", "questionnaire", "kominfo-readiness"});
  CHECK(no_dir.exit_code == 2);
  CHECK(no_dir.err.find("xlsform (an XLSX and kabkota.csv) needs -o DIR") != std::string::npos);
  auto typo = run_siap({"--lang", "en", "questionnaire", "kominfo-readiness", "--format", "xlsfrom", "-o", "x"});
  CHECK(typo.exit_code == 2);
  CHECK(typo.err.find("unknown format 'xlsfrom'; expected one of: xlsform, html, md, template, codebook; did you mean 'xlsform'?") !=
        std::string::npos);
  auto bad_id = run_siap({"--lang", "en", "questionnaire", "kominfo-readiness", "--form-id", "my form", "-o", "x"});
  CHECK(bad_id.exit_code == 2);
  CHECK(bad_id.err.find("--form-id 'my form': not a valid XLSForm name") != std::string::npos);
  auto province = run_siap({"--lang", "en", "questionnaire", "kominfo-readiness", "--province", "Kota Bandung", "-o", "x"});
  CHECK(province.exit_code == 2);
  CHECK(province.err.find("--province 'Kota Bandung': Kota Bandung (32.73) is not a province") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists("x"));
}

TEST_CASE("questionnaire: a framework that cannot make a form is exit 1 with the place and reason, and frameworks check warns",
          "[e2e][questionnaire]") {
  ScratchDir dir;
  std::string yaml = read_file(std::string(SIAP_SOURCE_DIR) + "/samples/frameworks/contoh-kesiapan.yaml");
  const std::string column = "column: masterplan ";
  REQUIRE(yaml.find(column) != std::string::npos);
  yaml.replace(yaml.find(column), column.size(), "column: rencana induk ");
  write_file(dir.file("k.yaml"), yaml);
  auto r = run_siap({"--lang", "en", "questionnaire", dir.file("k.yaml"), "-o", dir.file("out")});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("k.yaml:102:9: item column 'rencana induk' is not a valid XLSForm name") != std::string::npos);
  CHECK(r.err.find("this framework cannot make a form; no file written") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir.file("out")));
  auto check = run_siap({"--lang", "en", "frameworks", "check", dir.file("k.yaml")});
  CHECK(check.exit_code == 0);  // valid for scoring
  CHECK(check.err.find("item column 'rencana induk' is not a valid XLSForm name") != std::string::npos);
  CHECK(check.err.find("[cannot make an XLSForm]") != std::string::npos);
}
