// siap compare end to end: a file coded before the 2022 Papua expansion
// against one coded after, and what is not comparable across frameworks.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

#include "e2e/run_siap.hpp"

using json = nlohmann::json;
using Catch::Matchers::WithinAbs;

namespace {

const std::string kSynthetic = std::string(SIAP_SOURCE_DIR) + "/tests/fixtures/statistics/synthetic.yaml";

struct Moved {
  std::string code_then, name_then, code_now, name_now;
};

// The 26 code changes, read from the bundled table as a user could read it.
std::vector<Moved> moved_regions() {
  std::ifstream in(std::string(SIAP_SOURCE_DIR) + "/data/regions/kabkota-changes.csv");
  std::string line;
  std::getline(in, line);
  std::vector<Moved> out;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::vector<std::string> f;
    std::stringstream fields(line);
    std::string x;
    while (std::getline(fields, x, ',')) f.push_back(x);
    if (f.size() == 6 && f[5] == "code") out.push_back({f[0], f[1], f[3], f[4]});
  }
  return out;
}

// One respondent per region, every item answered `answer` (S5, reversed, as 6 - answer).
std::string survey(const std::vector<std::string>& names, int answer) {
  std::string out = "id,wilayah,S1,S2,S3,S4,S5\n";
  int id = 0;
  const std::string a = std::to_string(answer);
  for (const std::string& name : names)
    out += std::to_string(++id) + "," + name + "," + a + "," + a + "," + a + "," + a + "," + std::to_string(6 - answer) + "\n";
  return out;
}

std::string assess_json(const ScratchDir& dir, const std::string& name, const std::string& csv) {
  write_file(dir.file(name + ".csv"), csv);
  auto r = run_siap({"assess", dir.file(name + ".csv"), "-f", kSynthetic, "--format", "json", "-q"});
  REQUIRE(r.exit_code == 0);
  return r.out;
}

void replace_all(std::string& s, const std::string& from, const std::string& to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("compare: a file coded before the 2022 Papua expansion meets one coded after, all 26 moved regions match, in their new provinces",
          "[e2e][compare]") {
  const std::vector<Moved> moved = moved_regions();
  REQUIRE(moved.size() == 26);
  std::vector<std::string> names{"Kota Bandung"};
  for (const Moved& m : moved) names.push_back(m.name_now);
  ScratchDir dir;
  // 2021: every item 3, written with the codes, names and province of then (as a siap of 2021 wrote them).
  std::string old_json = assess_json(dir, "lama", survey(names, 3));
  for (const Moved& m : moved) {
    replace_all(old_json, "\"code\": \"" + m.code_now + "\"", "\"code\": \"" + m.code_then + "\"");
    replace_all(old_json, "\"name\": \"" + m.name_now + "\"", "\"name\": \"" + m.name_then + "\"");
  }
  // Then, the four new provinces were part of Papua and Papua Barat.
  for (const auto& [now, then] : std::map<std::string, std::string>{
           {"Papua Selatan", "Papua"}, {"Papua Tengah", "Papua"}, {"Papua Pegunungan", "Papua"}, {"Papua Barat Daya", "Papua Barat"}}) {
    replace_all(old_json, "\"province\": \"" + now + "\"", "\"province\": \"" + then + "\"");
  }
  write_file(dir.file("2021.json"), old_json);
  REQUIRE(old_json.find("\"91.01\"") != std::string::npos);
  REQUIRE(old_json.find("\"93.01\"") == std::string::npos);
  write_file(dir.file("2026.json"), assess_json(dir, "baru", survey(names, 4)));

  auto r = run_siap({"compare", dir.file("2021.json"), dir.file("2026.json"), "-f", kSynthetic, "--years", "2021,2026", "--format", "json"});
  REQUIRE(r.exit_code == 0);
  const json j = json::parse(r.out);
  CHECK(j["partial"].empty());
  REQUIRE(j["units"].size() == 27);
  std::map<std::string, json> by_code;
  for (const json& u : j["units"]) by_code[u["code"]] = u;
  for (const Moved& m : moved) {
    CAPTURE(m.code_then);
    REQUIRE(by_code.count(m.code_now) == 1);
    const json& u = by_code[m.code_now];
    CHECK(u["name"] == m.name_now);
    CHECK(u["written_as"][0] == m.code_then + " " + m.name_then);
    CHECK(u["written_as"][1].is_null());
    CHECK(u["change"]["index"].get<double>() == 1.0);  // 4.00 - 3.00
    CHECK_THAT(u["annual_growth"].get<double>(), WithinAbs(std::pow(4.0 / 3.0, 1.0 / 5) - 1, 1e-9));
  }
  // Their provinces today, from the first two digits of today's code.
  CHECK(by_code["93.01"]["province"] == "Papua Selatan");
  CHECK(by_code["94.04"]["province"] == "Papua Tengah");
  CHECK(by_code["95.01"]["province"] == "Papua Pegunungan");
  CHECK(by_code["96.71"]["province"] == "Papua Barat Daya");
  CHECK(by_code["32.73"]["written_as"][0].is_null());
  CHECK(j["bands_comparable"] == true);
  CHECK(j["nodes"] == json::array({"index", "d1", "d2"}));

  // A side given as the data file itself, scored with the framework: the same comparison.
  auto raw = run_siap({"compare", dir.file("2021.json"), dir.file("baru.csv"), "-f", kSynthetic, "--years", "2021,2026", "--format", "json"});
  REQUIRE(raw.exit_code == 0);
  CHECK(json::parse(raw.out)["units"] == j["units"]);
  auto two_frameworks = run_siap({"compare", dir.file("2021.json"), dir.file("baru.csv"), "-f", kSynthetic, "-f", "spbe-2020"});
  CHECK(two_frameworks.exit_code == 2);

  // By province: the moved kabupaten/kota count in their provinces of today in 2021 too.
  auto provinces = run_siap({"compare", dir.file("2021.json"), dir.file("2026.json"), "-f", kSynthetic, "--rollup", "province", "--format", "json"});
  REQUIRE(provinces.exit_code == 0);
  const json p = json::parse(provinces.out);
  CHECK(p["partial"].empty());
  std::vector<std::string> codes;
  for (const json& u : p["units"]) {
    codes.push_back(u["code"]);
    CHECK(u["values"][0]["index"].get<double>() == 3.0);
    CHECK(u["values"][1]["index"].get<double>() == 4.0);
  }
  std::sort(codes.begin(), codes.end());
  CHECK(codes == std::vector<std::string>{"32", "93", "94", "95", "96"});

  auto text = run_siap({"compare", dir.file("2021.json"), dir.file("2026.json"), "-f", kSynthetic, "--years", "2021,2026"});
  CHECK(text.out.find("Kabupaten Merauke (ditulis 2021: 91.01 KAB. MERAUKE)") != std::string::npos);
  CHECK(text.out.find("+1,00") != std::string::npos);
  auto html = run_siap({"compare", dir.file("2021.json"), dir.file("2026.json"), "-f", kSynthetic, "--format", "html"});
  CHECK(html.out.find("<svg") != std::string::npos);
  CHECK(html.out.find("<script") == std::string::npos);
  auto xlsx = run_siap({"compare", dir.file("2021.json"), dir.file("2026.json"), "-f", kSynthetic, "--format", "xlsx", "-o", dir.file("p.xlsx")});
  CHECK(xlsx.exit_code == 0);
  CHECK(read_file(dir.file("p.xlsx")).rfind("PK", 0) == 0);
  auto terminal = run_siap({"compare", dir.file("2021.json"), dir.file("2026.json"), "-f", kSynthetic, "--format", "xlsx"});
  CHECK(terminal.exit_code == 2);
}

TEST_CASE("compare: across frameworks only the index on the same scale, with a warning, another scale is an error", "[e2e][compare]") {
  ScratchDir dir;
  std::ifstream in(kSynthetic);
  std::stringstream yaml;
  yaml << in.rdbuf();
  std::string other = yaml.str();
  replace_all(other, "id: synthetic-s1-s5", "id: synthetic-lain");
  write_file(dir.file("lain.yaml"), other);
  write_file(dir.file("a.csv"), survey({"Kota Bandung", "Kota Bogor"}, 2));
  write_file(dir.file("b.csv"), survey({"Kota Bandung", "Kota Cimahi"}, 5));
  REQUIRE(run_siap({"assess", dir.file("a.csv"), "-f", kSynthetic, "--format", "json", "-o", dir.file("a")}).exit_code == 0);
  REQUIRE(run_siap({"assess", dir.file("b.csv"), "-f", dir.file("lain.yaml"), "--format", "json", "-o", dir.file("b")}).exit_code == 0);
  auto r = run_siap({"compare", dir.file("a/penilaian.json"), dir.file("b/penilaian.json"), "-f", kSynthetic, "-f", dir.file("lain.yaml"), "--format",
                     "json", "--labels", "lama,baru"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("Kerangka berbeda (synthetic-s1-s5 1 → synthetic-lain 1): hanya indeks") != std::string::npos);
  const json j = json::parse(r.out);
  CHECK(j["nodes"] == json::array({"index"}));
  CHECK(j["bands_comparable"] == false);
  REQUIRE(j["units"].size() == 1);
  CHECK(j["units"][0]["code"] == "32.73");
  CHECK(j["units"][0]["change"]["index"].get<double>() == 3.0);  // 5 - 2
  REQUIRE(j["partial"].size() == 2);                             // Kota Bogor then, Kota Cimahi now

  std::string scale = other;
  replace_all(scale, "score: {min: 1, max: 5", "score: {min: 1, max: 4");
  replace_all(scale, "max: 5}", "max: 4}");
  replace_all(scale, "id: synthetic-lain", "id: synthetic-empat");
  write_file(dir.file("empat.yaml"), scale);
  write_file(dir.file("c.csv"), survey({"Kota Bandung"}, 4));
  REQUIRE(run_siap({"assess", dir.file("c.csv"), "-f", dir.file("empat.yaml"), "--format", "json", "-o", dir.file("c")}).exit_code == 0);
  auto bad = run_siap({"compare", dir.file("a/penilaian.json"), dir.file("c/penilaian.json"), "-f", kSynthetic, "-f", dir.file("empat.yaml")});
  CHECK(bad.exit_code == 1);
  CHECK(bad.err.find("tidak ada yang dapat dibandingkan") != std::string::npos);
  auto one = run_siap({"compare", dir.file("a/penilaian.json")});
  CHECK(one.exit_code == 2);
  auto unknown = run_siap({"compare", dir.file("a/penilaian.json"), dir.file("b/penilaian.json")});
  CHECK(unknown.exit_code == 1);
  CHECK(unknown.err.find("berikan berkas kerangka itu dengan -f") != std::string::npos);
}
