// siap assess --rollup end to end: province values against hand
// calculations (plain mean, population-weighted with the Dukcapil counts,
// pooled respondents) on a small survey, against the mean of the units'
// own values on the Jawa Barat sample, and the coverage rule.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

#include "e2e/run_siap.hpp"

using json = nlohmann::json;
using Catch::Matchers::WithinAbs;

namespace {

const std::string kSynthetic = std::string(SIAP_SOURCE_DIR) + "/tests/fixtures/statistics/synthetic.yaml";

// synthetic.yaml: index = mean of d1 (S1-S3) and d2 (S4, 6 - S5); a unit's
// item = mean of its respondents. Kota Bandung: two respondents, every item
// 5 and 3 (S5 answered 1 and 3): index 4. Kota Bogor: one respondent, every
// item 1: index 1. Kabupaten Garut: no answer at all (not assessable).
// Kota Semarang (Jawa Tengah): index 4.
const char* kSurvey =
    "id,wilayah,S1,S2,S3,S4,S5\n"
    "1,Kota Bandung,5,5,5,5,1\n"
    "2,Kota Bandung,3,3,3,3,3\n"
    "3,Kota Bogor,1,1,1,1,5\n"
    "4,Kabupaten Garut,,,,,\n"
    "5,Kota Semarang,4,4,4,4,2\n";

json rollup(const ScratchDir& dir, std::vector<std::string> extra) {
  std::vector<std::string> args{"assess", dir.file("s.csv"), "-f", kSynthetic, "--format", "json", "-q"};
  args.insert(args.end(), extra.begin(), extra.end());
  auto r = run_siap(args);
  REQUIRE(r.exit_code == 0);
  return json::parse(r.out)["rollup"];
}

const json& province(const json& rollup, const std::string& code) {
  for (const json& p : rollup["provinces"]) {
    if (p["code"] == code) return p;
  }
  FAIL("no province " << code);
  static json none;
  return none;
}

}  // namespace

TEST_CASE("rollup: mean, population-weighted and pooled province values equal the hand calculation", "[e2e][rollup]") {
  ScratchDir dir;
  write_file(dir.file("s.csv"), kSurvey);
  // Jawa Barat has 2 of 27 assessed (7.4 %): rolled up at a 5 % minimum.
  const json mean = rollup(dir, {"--rollup", "province", "--min-coverage", "0.05"});
  const json& jabar = province(mean, "32");
  CHECK(jabar["assessed"] == true);
  CHECK(jabar["nodes"]["index"]["published"].get<double>() == 2.5);  // (4 + 1) / 2
  CHECK(jabar["coverage"]["total"] == 27);
  CHECK(jabar["coverage"]["assessed"] == json::array({"32.73", "32.71"}));
  CHECK(jabar["coverage"]["not_assessable"] == json::array({"32.05"}));
  CHECK(jabar["coverage"]["missing"].size() == 24);
  // Dukcapil: Kota Bandung 2,591,763 and Kota Bogor 1,144,108 of Jawa Barat's 51,316,378.
  CHECK_THAT(jabar["coverage"]["population_share"].get<double>(), WithinAbs(3735871.0 / 51316378.0, 1e-9));
  CHECK(jabar["respondents"] == 3);
  // Jawa Tengah: 1 of 35 (2.9 %) is below 5 %.
  const json& jateng = province(mean, "33");
  CHECK(jateng["assessed"] == false);
  CHECK(jateng["not_assessed_code"] == "too_few_kabupaten_kota");
  CHECK(jateng["not_assessed_reason"]["id"] == "hanya 1 dari 35 kabupaten/kota dinilai (2,86 %); minimal 5,00 %");
  CHECK(jateng["coverage"]["total"] == 35);

  // (4 x 2,591,763 + 1 x 1,144,108) / 3,735,871 = 3.08125...
  const json population = rollup(dir, {"--rollup", "province", "--min-coverage", "0.05", "--rollup-method", "population"});
  CHECK(province(population, "32")["nodes"]["index"]["published"].get<double>() == 3.08);
  CHECK(population["weights"]["en"].get<std::string>().find("Dukcapil") != std::string::npos);

  // Pooled: every item's mean over the three respondents is (5 + 3 + 1) / 3 = 3.
  const json pooled = rollup(dir, {"--rollup", "province", "--min-coverage", "0.05", "--rollup-method", "pooled"});
  CHECK(province(pooled, "32")["nodes"]["index"]["published"].get<double>() == 3.0);

  // The default minimum (half) rolls up neither; Indonesia neither.
  const json strict = rollup(dir, {"--rollup", "national"});
  CHECK(province(strict, "32")["assessed"] == false);
  CHECK(strict["national"]["assessed"] == false);
  CHECK(strict["national"]["coverage"]["total"] == 514);
  CHECK(strict["national"]["coverage"]["assessed"].size() == 3);
}

TEST_CASE("rollup: a study's own population table weighs, a bad one is an error naming its line", "[e2e][rollup]") {
  ScratchDir dir;
  write_file(dir.file("s.csv"), kSurvey);
  write_file(dir.file("penduduk.csv"), "kode,penduduk\n32.73,1\n32.71,3\n33.74,7\n");
  // (4 x 1 + 1 x 3) / 4 = 1.75
  const json own =
      rollup(dir, {"--rollup", "province", "--min-coverage", "0.05", "--rollup-method", "population", "--population", dir.file("penduduk.csv")});
  CHECK(province(own, "32")["nodes"]["index"]["published"].get<double>() == 1.75);
  write_file(dir.file("salah.csv"), "kode,penduduk\n32.73,1.000\n99.99,5\n");
  auto bad = run_siap({"assess", dir.file("s.csv"), "-f", kSynthetic, "--rollup", "province", "--rollup-method", "population", "--population",
                       dir.file("salah.csv")});
  CHECK(bad.exit_code == 1);
  CHECK(bad.err.find("salah.csv:2:2") != std::string::npos);
  CHECK(bad.err.find("salah.csv:3:1: '99.99' bukan kode Kemendagri") != std::string::npos);
  // A table that lacks an assessed kabupaten/kota.
  write_file(dir.file("kurang.csv"), "code,population\n32.73,10\n");
  auto lacking = run_siap({"assess", dir.file("s.csv"), "-f", kSynthetic, "--rollup", "province", "--rollup-method", "population", "--population",
                           dir.file("kurang.csv"), "--min-coverage", "0"});
  CHECK(lacking.exit_code == 1);
  CHECK(lacking.err.find("Kota Bogor (32.71)") != std::string::npos);
}

TEST_CASE("rollup: usage errors say what is missing", "[e2e][rollup]") {
  ScratchDir dir;
  write_file(dir.file("s.csv"), kSurvey);
  auto no_rollup = run_siap({"assess", dir.file("s.csv"), "-f", kSynthetic, "--rollup-method", "pooled"});
  CHECK(no_rollup.exit_code == 2);
  auto csv_alone = run_siap({"assess", dir.file("s.csv"), "-f", kSynthetic, "--format", "rollup"});
  CHECK(csv_alone.exit_code == 2);
  CHECK(csv_alone.err.find("--format rollup memerlukan --rollup") != std::string::npos);
  auto sheet = run_siap({"assess", std::string(SIAP_SOURCE_DIR) + "/samples/spbe-2020-jabar.csv", "-f", "spbe-2020", "--rollup", "province",
                         "--rollup-method", "pooled"});
  CHECK(sheet.exit_code == 2);
  CHECK(sheet.err.find("tidak ada responden untuk digabung") != std::string::npos);
}

TEST_CASE("rollup: on the Jawa Barat sample the province is the mean of its 27 kabupaten/kota, node by node", "[e2e][rollup]") {
  auto r = run_siap({"assess", std::string(SIAP_SOURCE_DIR) + "/samples/kominfo-readiness-jabar.csv", "-f", "kominfo-readiness", "--format", "json",
                     "--rollup", "province", "-q"});
  REQUIRE(r.exit_code == 0);
  const json j = json::parse(r.out);
  const json& jabar = j["rollup"]["provinces"][0];
  REQUIRE(jabar["code"] == "32");
  CHECK(jabar["coverage"]["assessed"].size() == 27);
  CHECK(jabar["coverage"]["missing"].empty());
  // The units' exact values, averaged here and rounded half up to 2 decimals.
  std::map<std::string, long double> sum;
  for (const json& unit : j["units"]) {
    sum["index"] += std::stold(unit["index"]["exact"].get<std::string>());
    for (auto& [id, node] : unit["nodes"].items()) sum[id] += std::stold(node["exact"].get<std::string>());
  }
  int checked = 0;
  for (const auto& [id, total] : sum) {
    const long double mean = total / 27;
    const double expected = double(std::floor(mean * 100 + 0.5L) / 100);
    CAPTURE(id);
    CHECK_THAT(jabar["nodes"][id]["published"].get<double>(), WithinAbs(expected, 1e-9));
    ++checked;
  }
  CHECK(checked > 60);
  // The weakest dimension is the lowest of the six, and every lagging unit is below the province on it.
  const std::string weakest = jabar["weakest"];
  for (const char* d : {"governance", "branding", "economy", "living", "society", "environment"}) {
    CHECK(jabar["nodes"][weakest]["published"].get<double>() <= jabar["nodes"][d]["published"].get<double>());
  }
  for (const json& code : jabar["lagging"]) {
    for (const json& unit : j["units"]) {
      if (unit["code"] == code) CHECK(unit["nodes"][weakest]["published"].get<double>() < jabar["nodes"][weakest]["published"].get<double>());
    }
  }
}

TEST_CASE("rollup: on the Jawa Barat sample the population-weighted province uses the Dukcapil counts, read here", "[e2e][rollup]") {
  auto r = run_siap({"assess", std::string(SIAP_SOURCE_DIR) + "/samples/kominfo-readiness-jabar.csv", "-f", "kominfo-readiness", "--format", "json",
                     "--rollup", "province", "--rollup-method", "population", "-q"});
  REQUIRE(r.exit_code == 0);
  const json j = json::parse(r.out);
  // code -> registered population, from the bundled table read as plain CSV.
  std::map<std::string, long double> population;
  std::ifstream in(std::string(SIAP_SOURCE_DIR) + "/data/regions/population-area.csv");
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    std::stringstream fields(line);
    std::string code, name, total;
    std::getline(fields, code, ',');
    std::getline(fields, name, ',');
    std::getline(fields, total, ',');
    population[code] = std::stold(total);
  }
  long double weight = 0;
  std::map<std::string, long double> sum;
  for (const json& unit : j["units"]) {
    const long double w = population.at(unit["code"].get<std::string>());
    weight += w;
    sum["index"] += w * std::stold(unit["index"]["exact"].get<std::string>());
    for (auto& [id, node] : unit["nodes"].items()) sum[id] += w * std::stold(node["exact"].get<std::string>());
  }
  const json& jabar = j["rollup"]["provinces"][0];
  for (const auto& [id, total] : sum) {
    CAPTURE(id);
    CHECK_THAT(jabar["nodes"][id]["published"].get<double>(), WithinAbs(double(std::floor(total / weight * 100 + 0.5L) / 100), 1e-9));
  }
}

TEST_CASE("rollup: pooled, the Jawa Barat sample's province equals the same respondents assessed as one region", "[e2e][rollup]") {
  // Every row that names a region names Kota Bandung instead: the loader and
  // the scorer then pool the province's respondents by themselves.
  ScratchDir dir;
  std::ifstream in(std::string(SIAP_SOURCE_DIR) + "/samples/kominfo-readiness-jabar.csv");
  std::string line, csv;
  std::getline(in, line);
  csv = line + "\n";
  while (std::getline(in, line)) {
    const std::size_t a = line.find(','), b = line.find(',', a + 1);
    if (b > a + 1) line = line.substr(0, a + 1) + "Kota Bandung" + line.substr(b);
    csv += line + "\n";
  }
  write_file(dir.file("satu.csv"), csv);
  auto one = run_siap({"assess", dir.file("satu.csv"), "-f", "kominfo-readiness", "--format", "json", "-q"});
  REQUIRE(one.exit_code == 0);
  const json bandung = json::parse(one.out)["units"][0];
  auto pooled = run_siap({"assess", std::string(SIAP_SOURCE_DIR) + "/samples/kominfo-readiness-jabar.csv", "-f", "kominfo-readiness", "--format",
                          "json", "--rollup", "province", "--rollup-method", "pooled", "-q"});
  REQUIRE(pooled.exit_code == 0);
  const json jabar = json::parse(pooled.out)["rollup"]["provinces"][0];
  CHECK(jabar["respondents"] == bandung["respondents"]);
  CHECK(jabar["nodes"]["index"]["exact"] == bandung["index"]["exact"]);
  int checked = 0;
  for (auto& [id, node] : bandung["nodes"].items()) {
    CAPTURE(id);
    CHECK(jabar["nodes"][id]["exact"] == node["exact"]);
    ++checked;
  }
  CHECK(checked > 60);
}
