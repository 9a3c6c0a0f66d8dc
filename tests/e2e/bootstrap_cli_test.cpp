// siap assess --bootstrap end to end: the committed R boot example through
// the real binary, the same seed giving the same bytes, the sections every
// format gains, and the usage errors.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

#include "e2e/run_siap.hpp"

using json = nlohmann::json;

namespace {

std::string fixture(const std::string& name) { return std::string(SIAP_SOURCE_DIR) + "/tests/fixtures/statistics/" + name; }

const char* const kFramework =
    "schema: siap/framework/v1\n"
    "id: boot\n"
    "version: '1'\n"
    "title: {id: B, en: B}\n"
    "status: project-defined\n"
    "input: {kind: respondents, unit_column: wilayah, group_column: kelompok}\n"
    "respondents: {combine: mean, min_respondents: 1, groups: [{id: g1, weight: 2}, {id: g2, weight: 1}]}\n"
    "score: {min: 1, max: 5, decimals: 2}\n"
    "scale: l\n"
    "scales:\n"
    "  - {id: l, type: ordinal, min: 1, max: 5}\n"
    "bands:\n"
    "  - id: p\n"
    "    ranges:\n"
    "      - {id: rendah, label: Rendah, from: 1, to: 3.5}\n"
    "      - {id: tinggi, label: Tinggi, from: 3.5, to: 5}\n"
    "tree:\n"
    "  - {id: q1, name: Q1}\n"
    "  - {id: q2, name: Q2}\n"
    "  - {id: q3, name: Q3}\n"
    "  - {id: q4, name: Q4}\n";

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("assess --bootstrap: R boot's example through the binary, every format, the same seed the same bytes", "[e2e][bootstrap]") {
  ScratchDir dir;
  write_file(dir.file("fw.yaml"), kFramework);
  auto r = run_siap({"assess", fixture("boot_example.csv"), "-f", dir.file("fw.yaml"), "--bootstrap", "9999", "--seed", "3", "--format",
                     "json,csv,md,html,text,intervals,xlsx", "-o", dir.file("out")});
  REQUIRE(r.exit_code == 0);
  auto j = json::parse(read(dir.file("out/penilaian.json")));
  const auto& boot = j["units"][0]["bootstrap"];
  // boot_golden.csv, case "grouped" (stratified by group, B = 9,999):
  // se 0.0937, percentile 3.258-3.625; by distribution (see bootstrap_test.cpp).
  CHECK(boot["nodes"]["index"]["standard_error"].get<double>() == Approx(0.09370589).epsilon(0.04));
  CHECK(std::abs(boot["nodes"]["index"]["percentile"]["low"].get<double>() - 3.258333) < 0.015);
  CHECK(std::abs(boot["nodes"]["index"]["percentile"]["high"].get<double>() - 3.625) < 0.015);
  CHECK(boot["rank"]["median"] == 1);
  // 3.45 published: "Rendah" in most resamples, "Tinggi" in some.
  const double low = boot["band_probability"]["rendah"].get<double>(), high = boot["band_probability"]["tinggi"].get<double>();
  CHECK(low + high == Approx(1.0));
  CHECK(high > 0.1);
  CHECK(high < 0.5);
  CHECK(j["bootstrap"]["resamples"] == 9999);
  CHECK(j["bootstrap"]["seed"] == "3");
  CHECK(j["settings"].dump().find("bootstrap=9999") != std::string::npos);

  const std::string csv = read(dir.file("out/penilaian.csv"));
  CHECK(csv.find("indeks_bawah,indeks_atas,peringkat_median,peringkat_p05,peringkat_p95,p_peringkat_maks_10") != std::string::npos);
  const std::string intervals = read(dir.file("out/selang.csv"));
  CHECK(intervals.rfind("kode,wilayah,simpul,nama,estimasi,galat_baku,persentil_bawah,persentil_atas,bca_bawah,bca_atas,sampel_ulang_dinilai\r\n",
                        0) == 0);
  CHECK(intervals.find(",indeks,B,3.445833,") != std::string::npos);  // 3.4458333 = 827/240
  CHECK(read(dir.file("out/penilaian.md")).find("## Ketidakpastian") != std::string::npos);
  const std::string html = read(dir.file("out/penilaian.html"));
  CHECK(html.find("class=\"whisker\"") != std::string::npos);
  CHECK(html.find("Selang peringkat per wilayah") != std::string::npos);
  CHECK(read(dir.file("out/penilaian.txt")).find("Bootstrap responden: 9.999 sampel ulang (benih acak 3)") != std::string::npos);

  // The same seed: the same bytes (the report date aside, none is in JSON's units).
  auto again = run_siap({"assess", fixture("boot_example.csv"), "-f", dir.file("fw.yaml"), "--bootstrap", "9999", "--seed", "3", "--format", "json"});
  REQUIRE(again.exit_code == 0);
  CHECK(json::parse(again.out)["units"] == j["units"]);
  auto other = run_siap({"assess", fixture("boot_example.csv"), "-f", dir.file("fw.yaml"), "--bootstrap", "9999", "--seed", "4", "--format", "json"});
  CHECK(json::parse(other.out)["units"] != j["units"]);
}

TEST_CASE("assess --bootstrap: usage errors say what is needed", "[e2e][bootstrap]") {
  ScratchDir dir;
  write_file(dir.file("fw.yaml"), kFramework);
  auto no_boot = run_siap({"assess", fixture("boot_example.csv"), "-f", dir.file("fw.yaml"), "--format", "intervals"});
  CHECK(no_boot.exit_code == 2);
  CHECK(no_boot.err.find("--format intervals memerlukan --bootstrap B") != std::string::npos);
  // An indicator sheet has no respondents to resample.
  auto sheet =
      run_siap({"--lang", "en", "assess", std::string(SIAP_SOURCE_DIR) + "/samples/spbe-2020-jabar.csv", "-f", "spbe-2020", "--bootstrap", "100"});
  CHECK(sheet.exit_code == 2);
  CHECK(sheet.err.find("this framework scores indicator sheets per unit, not respondents") != std::string::npos);
  auto zero = run_siap({"assess", fixture("boot_example.csv"), "-f", dir.file("fw.yaml"), "--bootstrap", "0"});
  CHECK(zero.exit_code == 2);
  auto many = run_siap({"assess", fixture("boot_example.csv"), "-f", dir.file("fw.yaml"), "--bootstrap", "100001"});
  CHECK(many.exit_code == 2);  // kMaxBootstrapResamples (docs/limits.md)
  auto confidence = run_siap({"assess", fixture("boot_example.csv"), "-f", dir.file("fw.yaml"), "--bootstrap", "10", "--confidence", "95"});
  CHECK(confidence.exit_code == 2);
}
