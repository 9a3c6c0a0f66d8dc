// siap reliability end to end: the synthetic S1-S5 set read as a survey,
// S5 reversed by the framework (not by hand), gives psych's golden values
// (shared/domain/statistics.md §2) through the loader and the scoring kernel.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "e2e/run_siap.hpp"

using json = nlohmann::json;
using Catch::Matchers::WithinAbs;

namespace {

std::string fixture(const std::string& name) { return std::string(SIAP_SOURCE_DIR) + "/tests/fixtures/statistics/" + name; }

// The raw set with a region column: "id","S1",... -> id,wilayah,S1,...
std::string survey() {
  std::ifstream in(fixture("synthetic_S1-S5_raw.csv"));
  std::string line, out;
  std::getline(in, line);
  out = "id,wilayah,S1,S2,S3,S4,S5\n";
  while (std::getline(in, line)) {
    auto comma = line.find(',');
    out += line.substr(0, comma) + ",Kota Bandung" + line.substr(comma) + "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("reliability: the synthetic set through the whole path gives psych's alpha, intervals and item-total r", "[e2e][reliability]") {
  ScratchDir dir;
  write_file(dir.file("s.csv"), survey());
  auto r = run_siap({"reliability", dir.file("s.csv"), "-f", fixture("synthetic.yaml"), "--format", "json"});
  REQUIRE(r.exit_code == 0);
  auto j = json::parse(r.out);
  REQUIRE(j["scales"].size() == 3);  // the instrument, d1, d2
  const json& all = j["scales"][0];
  CHECK(all["used"] == 20);
  CHECK_THAT(all["alpha"].get<double>(), WithinAbs(0.926480217005, 1e-9));
  CHECK_THAT(all["standardized_alpha"].get<double>(), WithinAbs(0.928500370602, 1e-9));
  CHECK_THAT(all["feldt"][0].get<double>(), WithinAbs(0.859347489348, 1e-9));
  CHECK_THAT(all["duhachek"][1].get<double>(), WithinAbs(0.980410736138, 1e-9));
  CHECK_THAT(all["item_statistics"][4]["r_corrected"].get<double>(), WithinAbs(0.953193, 5e-7));
  CHECK(all["reliable"] == true);
  CHECK(all["negative_average_covariance"] == false);
  // r tabel at df = 18.
  CHECK_THAT(all["r_table"].get<double>(), WithinAbs(0.4437634, 5e-7));
  CHECK(j["scales"][1]["id"] == "d1");
  CHECK(j["scales"][2]["items"] == json::array({"S4", "S5"}));
}

TEST_CASE("reliability: the text says which deletion, the threshold and the warning for a negative covariance", "[e2e][reliability]") {
  ScratchDir dir;
  write_file(dir.file("s.csv"), survey());
  // Without reversing S5 (a framework that forgot to mark it): alpha 0.159 and SPSS's warning.
  std::ifstream in(fixture("synthetic.yaml"));
  std::stringstream yaml;
  yaml << in.rdbuf();
  std::string text = yaml.str();
  text.replace(text.find(", reverse: true"), 15, "");
  write_file(dir.file("lupa.yaml"), text);
  auto r = run_siap({"--lang", "en", "reliability", dir.file("s.csv"), "-f", dir.file("lupa.yaml")});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("listwise deletion (as SPSS); reliable when alpha > 0.60") != std::string::npos);
  CHECK(r.out.find("Cronbach's alpha 0.159") != std::string::npos);
  CHECK(r.out.find("Not reliable (alpha 0.159 ≤ 0.60)") != std::string::npos);
  CHECK(r.out.find("Check the item codings (reverse-keyed items).") != std::string::npos);
  auto id = run_siap({"reliability", dir.file("s.csv"), "-f", fixture("synthetic.yaml")});
  CHECK(id.out.find("Alfa Cronbach 0,926") != std::string::npos);
  auto units = run_siap({"reliability", std::string(SIAP_SOURCE_DIR) + "/samples/spbe-2020-jabar.csv", "-f", "spbe-2020"});
  CHECK(units.exit_code == 1);
  CHECK(units.err.find("uji reliabilitas memerlukan data per responden") != std::string::npos);
}

TEST_CASE("the responses format: one row per respondent with the answers as scored (S5 reversed), beside the reports", "[e2e][responses]") {
  ScratchDir dir;
  write_file(dir.file("s.csv"), survey());
  auto r = run_siap({"assess", dir.file("s.csv"), "-f", fixture("synthetic.yaml"), "--format", "csv,responses", "-o", dir.file("out")});
  REQUIRE(r.exit_code == 0);
  const std::string table = read_file(dir.file("out/responden.csv"));
  // Respondent 1 answered 4,4,3,5,2: S5 = 2 is scored 6 - 2 = 4.
  CHECK(table.rfind("kode,wilayah,kelompok,berkas,baris,S1,S2,S3,S4,S5\r\n32.73,Kota Bandung,,", 0) == 0);
  CHECK(table.find(",2,4,4,3,5,4\r\n") != std::string::npos);
  CHECK(std::count(table.begin(), table.end(), '\n') == 21);
  CHECK(read_file(dir.file("out/penilaian.csv")).rfind("kode,wilayah", 0) == 0);  // the report keeps its name
  auto en = run_siap({"--lang", "en", "assess", dir.file("s.csv"), "-f", fixture("synthetic.yaml"), "--format", "responses", "--csv-decimal-comma"});
  REQUIRE(en.exit_code == 0);
  CHECK(en.out.rfind("code;region;group;file;line;S1;S2;S3;S4;S5\r\n", 0) == 0);
}

TEST_CASE("reliability --pilot reads a pilot file without a region column; --by-unit gives each unit its own alpha", "[e2e][reliability]") {
  ScratchDir dir;
  // The raw set as a pilot (uji coba): no wilayah column. psych's alpha 0.926480217005.
  auto pilot = run_siap({"reliability", fixture("synthetic_S1-S5_raw.csv"), "-f", fixture("synthetic.yaml"), "--pilot", "--format", "json"});
  REQUIRE(pilot.exit_code == 0);
  CHECK_THAT(json::parse(pilot.out)["scales"][0]["alpha"].get<double>(), WithinAbs(0.926480217005, 1e-9));
  auto without = run_siap({"reliability", fixture("synthetic_S1-S5_raw.csv"), "-f", fixture("synthetic.yaml")});
  CHECK(without.exit_code == 1);
  CHECK(without.err.find("kolom wajib tidak ada: 'wilayah'") != std::string::npos);

  // Kota Bandung: the synthetic set; Kota Bogor: the same rows with S1 and S2
  // swapped between respondents 1-10 and 11-20 (another alpha).
  std::string two = survey();
  std::istringstream in(survey());
  std::string line;
  std::getline(in, line);
  std::vector<std::string> rows;
  while (std::getline(in, line)) rows.push_back(line);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    std::string row = rows[i];
    row.replace(row.find("Kota Bandung"), 12, "Kota Bogor");
    const std::string& other = rows[(i + 10) % rows.size()];
    // id,wilayah,S1,S2,...: take S1 and S2 from another respondent.
    auto cut = [](const std::string& r, int field) {
      std::size_t at = 0;
      for (int f = 0; f < field; ++f) at = r.find(',', at) + 1;
      return at;
    };
    const std::string s12 = other.substr(cut(other, 2), cut(other, 4) - cut(other, 2));
    row = row.substr(0, cut(row, 2)) + s12 + row.substr(cut(row, 4));
    two += "10" + row + "\n";  // ids 101 ... 1020: none is Kota Bandung's
  }
  write_file(dir.file("two.csv"), two);
  auto r = run_siap({"reliability", dir.file("two.csv"), "-f", fixture("synthetic.yaml"), "--by-unit", "--format", "json"});
  REQUIRE(r.exit_code == 0);
  auto j = json::parse(r.out);
  REQUIRE(j["units"].size() == 2);
  CHECK(j["units"][0]["name"] == "Kota Bandung");
  CHECK(j["units"][0]["respondents"] == 20);
  CHECK_THAT(j["units"][0]["scales"][0]["alpha"].get<double>(), WithinAbs(0.926480217005, 1e-9));
  CHECK(j["units"][1]["name"] == "Kota Bogor");
  CHECK(std::abs(j["units"][1]["scales"][0]["alpha"].get<double>() - 0.926480217005) > 0.01);
  // The whole file's alpha is neither unit's.
  CHECK(j["scales"][0]["used"] == 40);
  auto text = run_siap({"reliability", dir.file("two.csv"), "-f", fixture("synthetic.yaml"), "--by-unit"});
  CHECK(text.out.find("Alfa Cronbach per unit") != std::string::npos);
  CHECK(text.out.find("Kota Bogor") != std::string::npos);
}
