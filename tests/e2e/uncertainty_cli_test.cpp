// siap uncertainty end to end: the README's example on the bundled sample,
// every format, the same output for the same seed, exit codes for a bad
// spec (1, with file:line:col) and a missing --spec (2).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <set>

#include "e2e/run_siap.hpp"

using json = nlohmann::json;

namespace {

std::string source(const std::string& path) { return std::string(SIAP_SOURCE_DIR) + "/" + path; }

std::vector<std::string> command(const std::string& spec, const std::vector<std::string>& more) {
  std::vector<std::string> args{
      "uncertainty", source("samples/indikator-digital-jabar.csv"), "-f", source("samples/frameworks/indikator-digital.yaml"), "--spec", spec};
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

}  // namespace

TEST_CASE("uncertainty: the bundled sample's sensitivity analysis in JSON, repeatable for its seed", "[e2e][uncertainty]") {
  const std::string spec = source("samples/ketidakpastian-indikator-digital.yaml");
  auto r = run_siap(command(spec, {"--format", "json", "--parameters"}));
  REQUIRE(r.exit_code == 0);
  const auto j = json::parse(r.out);
  CHECK(j["schema"] == "siap/uncertainty-result/v1");
  CHECK(j["analysis"] == "sensitivity");
  CHECK(j["replicates"] == 1000);
  CHECK(j["runs"] == 1000 * (6 + 2));  // N (d + 2)
  REQUIRE(j["units"].size() == 27);
  std::set<int> nominal;
  for (const auto& u : j["units"]) {
    nominal.insert(u["nominal"].get<int>());
    CHECK(u["ranked"] == 2000);  // the A and B runs; no unit is ever unassessed here
    CHECK(u["p05"].get<double>() <= u["median"].get<double>());
    CHECK(u["median"].get<double>() <= u["p95"].get<double>());
  }
  CHECK(nominal.size() == 27);  // ranks 1..27 as siap assess gives them
  REQUIRE(j["sensitivity"].size() == 6);
  for (const auto& s : j["sensitivity"]) {
    CHECK(s["total"].get<double>() >= 0);
    CHECK(s["total_p05"].get<double>() <= s["total_p95"].get<double>());
  }
  REQUIRE(j["parameters"].size() == 1000);
  CHECK(j["parameters"][0].size() == 6);
  // The same seed: byte for byte the same.
  CHECK(run_siap(command(spec, {"--format", "json", "--parameters"})).out == r.out);
}

TEST_CASE("uncertainty: text, csv, markdown and html, the html with the rank-interval chart", "[e2e][uncertainty]") {
  const std::string spec = source("samples/ketidakpastian-indikator-digital.yaml");
  auto text = run_siap(command(spec, {}));
  REQUIRE(text.exit_code == 0);
  CHECK(text.out.find("Analisis ketidakpastian dan sensitivitas") != std::string::npos);
  CHECK(text.out.find("Kota Bandung") != std::string::npos);
  auto csv = run_siap(command(spec, {"--format", "csv", "--lang", "en"}));
  REQUIRE(csv.exit_code == 0);
  CHECK(csv.out.rfind("code,region,nominal,median,mean,p05,p95,replicates_ranked\r\n", 0) == 0);
  auto md = run_siap(command(spec, {"--format", "md"}));
  CHECK(md.out.find("| Wilayah |") != std::string::npos);
  ScratchDir dir;
  auto html = run_siap(command(spec, {"--format", "html", "-o", dir.file("u.html")}));
  REQUIRE(html.exit_code == 0);
  const std::string page = read_file(dir.file("u.html"));
  CHECK(page.find("<svg class=\"rank-intervals\"") != std::string::npos);
  CHECK(page.find("<svg class=\"sensitivity\"") != std::string::npos);
  // The workbook: a ranks sheet and a sensitivity sheet, each with its chart
  // (the ZIP's local headers name the parts); it needs -o.
  auto xlsx = run_siap(command(spec, {"--format", "xlsx", "-o", dir.file("u.xlsx")}));
  REQUIRE(xlsx.exit_code == 0);
  const std::string book = read_file(dir.file("u.xlsx"));
  CHECK(book.rfind("PK", 0) == 0);
  CHECK(book.find("xl/charts/chart1.xml") != std::string::npos);
  CHECK(book.find("xl/charts/chart2.xml") != std::string::npos);
  CHECK(book.find("xl/worksheets/sheet2.xml") != std::string::npos);
  CHECK(run_siap(command(spec, {"--format", "xlsx"})).exit_code == 2);
}

TEST_CASE("uncertainty: a wrong spec is bad input naming its line, no --spec is a usage error", "[e2e][uncertainty]") {
  ScratchDir dir;
  write_file(dir.file("ua.yaml"),
             "schema: siap/uncertainty/v1\nreplicates: 100\nseed: 1\nvary:\n  aggregation: [arithmetic, geometric]\n"
             "  normalisation: [{normalise: minmax, range: [0, 100]}, as_declared]\n");
  auto r = run_siap(command(dir.file("ua.yaml"), {"--lang", "en"}));
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("ua.yaml:6:19: an aggregation that needs positive values (geometric/harmonic) cannot be combined with the minmax normalisation") !=
        std::string::npos);
  CHECK(r.err.find("(at vary.normalisation[0])") != std::string::npos);
  std::vector<std::string> args{"uncertainty", source("samples/indikator-digital-jabar.csv"), "-f",
                                source("samples/frameworks/indikator-digital.yaml")};
  CHECK(run_siap(args).exit_code == 2);
}

TEST_CASE("a spec that never ends or exceeds the YAML limit is refused, not read into memory", "[e2e][uncertainty][hostile]") {
  // /dev/zero once took gigabytes in seconds and never stopped.
  auto endless = run_siap(command("/dev/zero", {"--lang", "en"}));
  CHECK(endless.exit_code == 1);
  CHECK(endless.err.find("/dev/zero: file is larger than the limit of 4194304 bytes") != std::string::npos);
  ScratchDir dir;
  write_file(dir.file("besar.yaml"), "schema: siap/uncertainty/v1\n# " + std::string(5u << 20, 'x') + "\n");
  std::vector<std::string> assess{"assess",
                                  source("samples/indikator-digital-jabar.csv"),
                                  "-f",
                                  source("samples/frameworks/indikator-digital.yaml"),
                                  "--uncertainty",
                                  dir.file("besar.yaml")};
  auto large = run_siap(assess);
  CHECK(large.exit_code == 1);
  CHECK(large.err.find("besar.yaml: berkas lebih besar dari batas 4194304 bita") != std::string::npos);
}

TEST_CASE("assess --uncertainty: the analysis as a section of every report and two sheets of the workbook", "[e2e][uncertainty]") {
  ScratchDir dir;
  auto r =
      run_siap({"assess", source("samples/indikator-digital-jabar.csv"), "-f", source("samples/frameworks/indikator-digital.yaml"), "--uncertainty",
                source("samples/ketidakpastian-indikator-digital.yaml"), "--format", "html,json,md,text,xlsx", "--lang", "en", "-o", dir.path, "-q"});
  REQUIRE(r.exit_code == 0);
  const auto j = json::parse(read_file(dir.file("assessment.json")));
  REQUIRE(j.contains("uncertainty_analysis"));
  CHECK(j["uncertainty_analysis"]["units"].size() == 27);
  CHECK_FALSE(j["uncertainty_analysis"].contains("parameters"));
  // The same numbers as siap uncertainty on its own.
  auto alone = run_siap(command(source("samples/ketidakpastian-indikator-digital.yaml"), {"--format", "json"}));
  REQUIRE(alone.exit_code == 0);
  CHECK(json::parse(alone.out)["units"] == j["uncertainty_analysis"]["units"]);
  CHECK(read_file(dir.file("assessment.html")).find("<section class=\"uncertainty-analysis\">") != std::string::npos);
  CHECK(read_file(dir.file("assessment.md")).find("## Uncertainty and sensitivity analysis") != std::string::npos);
  CHECK(read_file(dir.file("assessment.txt")).find("Uncertainty and sensitivity analysis") != std::string::npos);
  const std::string book = read_file(dir.file("assessment.xlsx"));
  CHECK(book.find("xl/charts/") != std::string::npos);
  // A spec that does not fit the framework stops before any report is written.
  write_file(dir.file("bad.yaml"), "schema: siap/uncertainty/v1\nreplicates: 10\nseed: 1\nvary:\n  weights: {profiles: [default, nope]}\n");
  auto bad = run_siap({"assess", source("samples/indikator-digital-jabar.csv"), "-f", source("samples/frameworks/indikator-digital.yaml"),
                       "--uncertainty", dir.file("bad.yaml"), "--lang", "en"});
  CHECK(bad.exit_code == 1);
  CHECK(bad.err.find("bad.yaml:5:33: the framework has no weight profile 'nope'") != std::string::npos);
}
