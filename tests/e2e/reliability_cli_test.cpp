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

TEST_CASE("reliability --pilot reads a pilot file without a region column, --by-unit gives each unit its own alpha", "[e2e][reliability]") {
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

TEST_CASE("reliability as SPSS's tables: Markdown in Indonesian with decimal commas, digits from R", "[e2e][reliability]") {
  // Expected cells from R 4.2.2 with psych 2.2.9 (make_psych_golden.R) rounded
  // half up by hand to SPSS's digits: means 4, variances 3, SDs 5, r 3.
  auto r = run_siap(
      {"reliability", fixture("synthetic_S1-S5_raw.csv"), "-f", fixture("synthetic.yaml"), "--pilot", "--format", "md", "--title", "Uji coba"});
  REQUIRE(r.exit_code == 0);
  const std::string& md = r.out;
  CHECK(md.rfind("# Uji validitas dan reliabilitas\n", 0) == 0);
  CHECK(md.find("**Ringkasan Pemrosesan Kasus (Case Processing Summary)**") != std::string::npos);
  CHECK(md.find("| Kasus Valid | 20 | 100,0 |") != std::string::npos);
  CHECK(md.find("| Alfa Cronbach | Alfa Cronbach berdasarkan butir terstandar | Jumlah butir |\n|---:|---:|---:|\n| 0,926 | 0,929 | 5 |") !=
        std::string::npos);
  CHECK(md.find("| Feldt | 0,859 | 0,967 |") != std::string::npos);
  CHECK(md.find("| Duhachek | 0,873 | 0,980 |") != std::string::npos);
  CHECK(md.find("| S1 | 3,5000 | 1,14708 | 20 |") != std::string::npos);
  CHECK(md.find("| S1 | 13,6500 | 17,608 | 0,957 | 0,924 | 0,882 |") != std::string::npos);
  CHECK(md.find("| S5 | 13,7500 | 16,618 | 0,953 | 0,913 | 0,879 |") != std::string::npos);
  CHECK(md.find("| 17,1500 | 28,134 | 5,30417 | 5 |") != std::string::npos);
  // Uji validitas: r tabel 0.4437634 at df 18; S3's Sig. 0.000882 rounds to 0,001.
  CHECK(md.find("| S3 | 0,684 | 0,801 | 0,444 | 0,001 | Valid |") != std::string::npos);
  CHECK(md.find("df = n − 2 = 18") != std::string::npos);

  auto en = run_siap({"--lang", "en", "reliability", fixture("synthetic_S1-S5_raw.csv"), "-f", fixture("synthetic.yaml"), "--pilot", "--format", "md",
                      "--pairwise"});
  REQUIRE(en.exit_code == 0);
  CHECK(en.out.find("**Item-Total Statistics**") != std::string::npos);
  CHECK(en.out.find("| S1 | 13.6500 | 17.608 | 0.957 | 0.924 | 0.882 |") != std::string::npos);
  CHECK(en.out.find("pairwise covariances as psych") != std::string::npos);
}

TEST_CASE("reliability CSV: one row per scale and item at full precision, equal to psych", "[e2e][reliability]") {
  auto r = run_siap({"reliability", fixture("synthetic_S1-S5_raw.csv"), "-f", fixture("synthetic.yaml"), "--pilot", "--format", "csv"});
  REQUIRE(r.exit_code == 0);
  std::istringstream in(r.out);
  std::string line;
  std::getline(in, line);
  std::vector<std::string> header;
  {
    std::istringstream fields(line);
    std::string f;
    while (std::getline(fields, f, ',')) header.push_back(f);
  }
  REQUIRE(header.size() == 32);
  auto column = [&](const std::string& name) { return std::size_t(std::find(header.begin(), header.end(), name) - header.begin()); };
  std::vector<std::vector<std::string>> rows;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::vector<std::string> f;
    std::istringstream fields(line);
    std::string x;
    while (std::getline(fields, x, ',')) f.push_back(x);
    if (line.back() == ',') f.push_back("");
    REQUIRE(f.size() == 32);
    rows.push_back(f);
  }
  REQUIRE(rows.size() == 5 + 3 + 2);  // the instrument's items, d1's, d2's
  const auto& s1 = rows[0];
  CHECK(s1[column("cakupan")] == "semua");
  CHECK(s1[column("butir")] == "S1");
  CHECK_THAT(std::stod(s1[column("alfa")]), WithinAbs(0.926480217005, 1e-9));
  CHECK_THAT(std::stod(s1[column("r_terkoreksi")]), WithinAbs(0.956769960875, 1e-9));
  CHECK_THAT(std::stod(s1[column("sig_2_sisi")]), WithinAbs(4.279664951e-11, 1e-12));
  CHECK_THAT(std::stod(s1[column("varians_skala_bila_dihapus")]), WithinAbs(17.607894736842, 1e-9));
  CHECK_THAT(std::stod(s1[column("varians_skala")]), WithinAbs(28.134210526316, 1e-9));
  CHECK(s1[column("valid")] == "ya");
  CHECK(rows[5][column("skala")] == "d1");
  auto comma = run_siap({"reliability", fixture("synthetic_S1-S5_raw.csv"), "-f", fixture("synthetic.yaml"), "--pilot", "--format", "csv",
                         "--csv-decimal-comma", "--csv-bom"});
  CHECK(comma.out.rfind("\xEF\xBB\xBF"
                        "cakupan;kode;unit;skala;",
                        0) == 0);
  CHECK(comma.out.find(";0,926480217005;") != std::string::npos);
}

TEST_CASE("reliability --format xlsx needs a file, assess --reliability adds the tables to the reports that can show them", "[e2e][reliability]") {
  ScratchDir dir;
  auto terminal = run_siap({"reliability", fixture("synthetic_S1-S5_raw.csv"), "-f", fixture("synthetic.yaml"), "--pilot", "--format", "xlsx"});
  CHECK(terminal.exit_code == 2);
  CHECK(terminal.err.find("--format xlsx memerlukan -o BERKAS") != std::string::npos);
  auto file = run_siap(
      {"reliability", fixture("synthetic_S1-S5_raw.csv"), "-f", fixture("synthetic.yaml"), "--pilot", "--format", "xlsx", "-o", dir.file("r.xlsx")});
  CHECK(file.exit_code == 0);
  CHECK(read_file(dir.file("r.xlsx")).rfind("PK", 0) == 0);

  write_file(dir.file("s.csv"), survey());
  auto md = run_siap({"assess", dir.file("s.csv"), "-f", fixture("synthetic.yaml"), "--format", "md", "--reliability"});
  REQUIRE(md.exit_code == 0);
  CHECK(md.out.find("## Uji validitas dan reliabilitas") != std::string::npos);
  CHECK(md.out.find("### Seluruh instrumen (5 butir)") != std::string::npos);
  CHECK(md.out.find("| 0,926 | 0,929 | 5 |") != std::string::npos);
  auto text = run_siap({"assess", dir.file("s.csv"), "-f", fixture("synthetic.yaml"), "--reliability"});
  CHECK(text.out.find("Alfa Cronbach 0,926") != std::string::npos);
  auto html = run_siap({"assess", dir.file("s.csv"), "-f", fixture("synthetic.yaml"), "--format", "html", "--reliability"});
  CHECK(html.out.find("<caption>Statistik Butir-Total (Item-Total Statistics)</caption>") != std::string::npos);
  auto json_only = run_siap({"assess", dir.file("s.csv"), "-f", fixture("synthetic.yaml"), "--format", "json", "--reliability"});
  CHECK(json_only.exit_code == 2);
  CHECK(json_only.err.find("siap reliability --format json|csv") != std::string::npos);
  auto sheet = run_siap({"assess", std::string(SIAP_SOURCE_DIR) + "/samples/spbe-2020-jabar.csv", "-f", "spbe-2020", "--reliability"});
  CHECK(sheet.exit_code == 2);
  CHECK(sheet.err.find("--reliability: uji reliabilitas memerlukan data per responden") != std::string::npos);
}
