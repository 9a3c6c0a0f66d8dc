// Messages a user sees when the command line or a path is wrong (#11): in
// the chosen language throughout, naming what was typed, and suggesting
// what was probably meant.
#include <catch2/catch.hpp>

#include "e2e/run_siap.hpp"

namespace {
const std::string kSample = std::string(SIAP_SOURCE_DIR) + "/samples/spbe-2020-jabar.csv";

// CLI11's own English wording must not reach an Indonesian user.
void no_option_parser_english(const std::string& err) {
  for (const char* phrase : {"is required", "not expected", "not in {", "required TEXT missing", "A subcommand", "Run 'siap"}) {
    INFO(err);
    CHECK(err.find(phrase) == std::string::npos);
  }
}
}  // namespace

TEST_CASE("an unknown command is named, with the commands there are and the closest one", "[e2e][messages]") {
  auto foo = run_siap({"foo"});
  CHECK(foo.exit_code == 2);
  CHECK(foo.err ==
        "siap: galat: perintah tidak dikenal 'foo'; perintah siap: assess, validate, questionnaire, reliability, uncertainty, compare, study, "
        "frameworks, regions\n"
        "Jalankan 'siap --help' untuk bantuan.\n");
  auto typo = run_siap({"--lang", "en", "asess", "x.csv"});
  CHECK(typo.exit_code == 2);
  CHECK(typo.err.find("unknown command 'asess'; the commands of siap: assess, validate, questionnaire, reliability, uncertainty, compare, study, "
                      "frameworks, regions; did you "
                      "mean 'assess'?") != std::string::npos);
  // Below a command; a global option's value ("en") is not taken for a command.
  auto nested = run_siap({"--lang", "en", "frameworks", "lst"});
  CHECK(nested.exit_code == 2);
  CHECK(nested.err ==
        "siap: error: unknown command 'lst'; the commands of siap frameworks: list, show, check; did you mean 'list'?\n"
        "Run 'siap frameworks --help' for help.\n");
  auto none = run_siap({});
  CHECK(none.exit_code == 2);
  CHECK(none.err.find("siap memerlukan perintah: assess, validate, questionnaire, reliability, uncertainty, compare, study, frameworks, regions") !=
        std::string::npos);
  no_option_parser_english(none.err);
}

TEST_CASE("option errors in the chosen language, with did-you-mean", "[e2e][messages]") {
  auto required = run_siap({"assess", kSample});
  CHECK(required.exit_code == 2);
  CHECK(required.err == "siap: galat: --framework wajib diberikan\nJalankan 'siap assess --help' untuk bantuan.\n");
  auto value = run_siap({"assess", kSample, "-f"});
  CHECK(value.err.find("--framework memerlukan nilai") != std::string::npos);
  no_option_parser_english(value.err);
  auto typo = run_siap({"assess", kSample, "-f", "spbe-2020", "--formt", "html"});
  CHECK(typo.exit_code == 2);
  // As close to --form as to --format: both are named.
  CHECK(typo.err.find("argumen tidak dikenal: --formt; maksud Anda '--form' atau '--format'?") != std::string::npos);
  auto closer = run_siap({"assess", kSample, "-f", "spbe-2020", "--formatt", "html"});
  CHECK(closer.err.find("argumen tidak dikenal: --formatt; maksud Anda '--format'?") != std::string::npos);
  auto choice = run_siap({"assess", kSample, "-f", "spbe-2020", "--encoding", "cp1253"});
  CHECK(choice.exit_code == 2);
  CHECK(choice.err.find("--encoding: nilai tidak dikenal 'cp1253'; pilihan: 'utf8', 'cp1252'; maksud Anda 'cp1252'?") != std::string::npos);
  no_option_parser_english(choice.err);
  // A delimiter set that contains ',' is listed readably.
  auto delimiter = run_siap({"--lang", "en", "assess", kSample, "-f", "spbe-2020", "--delimiter", "|"});
  CHECK(delimiter.err.find("--delimiter: unknown value '|'; expected one of: ',', ';', 'tab'") != std::string::npos);
}

TEST_CASE("choices ignore case and spaces: --lang EN, --format 'HTML, xlsx', --encoding UTF8", "[e2e][messages]") {
  ScratchDir dir;
  auto r = run_siap({"--lang", "EN", "assess", kSample, "-f", "spbe-2020", "--encoding", "UTF8", "--format", "HTML, xlsx", "-o", dir.file("out")});
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("written: " + dir.file("out") + "/assessment.html") != std::string::npos);
  CHECK(r.err.find("written: " + dir.file("out") + "/assessment.xlsx") != std::string::npos);
  auto unknown = run_siap({"assess", kSample, "-f", "spbe-2020", "--format", "htm"});
  CHECK(unknown.exit_code == 2);
  CHECK(
      unknown.err.find(
          "format tidak dikenal 'htm'; pilihan: text, json, csv, md, html, xlsx, responses, intervals, map, map-png, rollup; maksud Anda 'html'?") !=
      std::string::npos);
}

TEST_CASE("paths: not found, a directory, an output that cannot be written, in the chosen language", "[e2e][messages]") {
  ScratchDir dir;
  auto missing = run_siap({"assess", dir.file("tidak-ada.csv"), "-f", "spbe-2020"});
  CHECK(missing.exit_code == 1);
  CHECK(missing.err == "siap: galat: " + dir.file("tidak-ada.csv") + ": berkas tidak dapat dibuka: tidak ditemukan\n");
  auto directory = run_siap({"--lang", "en", "assess", dir.path, "-f", "spbe-2020"});
  CHECK(directory.exit_code == 1);
  CHECK(directory.err == "siap: error: " + dir.path + ": cannot open the file: is a directory, not a file\n");
  auto framework = run_siap({"assess", kSample, "-f", dir.file("kerangka.yaml")});
  CHECK(framework.exit_code == 1);
  CHECK(framework.err == "siap: galat: " + dir.file("kerangka.yaml") + ": berkas tidak dapat dibuka: tidak ditemukan\n");
  // -o below a regular file.
  write_file(dir.file("berkas"), "x");
  auto output = run_siap({"assess", kSample, "-f", "spbe-2020", "--format", "json", "-o", dir.file("berkas/hasil")});
  CHECK(output.exit_code == 1);
  CHECK(output.err.find(dir.file("berkas/hasil") + ": tidak dapat ditulis: bagian jalurnya bukan direktori\n") != std::string::npos);
}

TEST_CASE("with -v each file written is named once, by the command that wrote it", "[e2e][messages]") {
  ScratchDir dir;
  auto count = [](const std::string& text, const std::string& line) {
    std::size_t n = 0;
    for (std::size_t at = text.find(line); at != std::string::npos; at = text.find(line, at + 1)) ++n;
    return n;
  };
  auto assess = run_siap({"-v", "assess", kSample, "-f", "spbe-2020", "--format", "csv,html", "-o", dir.file("out")});
  REQUIRE(assess.exit_code == 0);
  INFO(assess.err);
  CHECK(count(assess.err, "ditulis: " + dir.file("out") + "/penilaian.csv\n") == 1);
  CHECK(count(assess.err, "ditulis: " + dir.file("out") + "/penilaian.html\n") == 1);
  CHECK(count(assess.err, "ditulis: " + dir.file("out") + "/quality.csv") == 1);  // with its count of problems
  auto forms = run_siap({"-v", "--lang", "en", "questionnaire", "kominfo-readiness", "--format", "codebook", "-o", dir.file("forms")});
  REQUIRE(forms.exit_code == 0);
  INFO(forms.err);
  CHECK(count(forms.err, "written: " + dir.file("forms") + "/") == 1);
  // A command that does not name its files itself still does so under -v.
  auto validate = run_siap({"-v", "validate", kSample, "-f", "spbe-2020", "-o", dir.file("q.csv")});
  INFO(validate.err);
  CHECK(count(validate.err, "ditulis: " + dir.file("q.csv") + "\n") == 1);
}
