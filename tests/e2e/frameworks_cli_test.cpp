// `siap frameworks ...` end to end: the real binary, its output and exit codes.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>

#include "e2e/run_siap.hpp"

using json = nlohmann::json;

namespace {
const std::string kFixtures = SIAP_FIXTURES;
const std::string kMini = std::string(SIAP_SOURCE_DIR) + "/samples/frameworks/contoh-kesiapan.yaml";
const std::string kManyErrors = kFixtures + "/frameworks/many-errors.yaml";
}  // namespace

TEST_CASE("version and help flags exit 0", "[cli]") {
  auto version = run_siap({"--version"});
  CHECK(version.exit_code == 0);
  CHECK(version.out.rfind("siap 0.", 0) == 0);
  auto help = run_siap({"--help"});
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("frameworks") != std::string::npos);
  CHECK(help.out.find("Contoh:") != std::string::npos);  // Indonesian by default
  auto help_en = run_siap({"--lang", "en", "--help"});
  CHECK(help_en.out.find("Examples:") != std::string::npos);
  for (auto args : std::vector<std::vector<std::string>>{
           {"frameworks", "--help"}, {"frameworks", "list", "--help"}, {"frameworks", "show", "--help"}, {"frameworks", "check", "--help"}}) {
    auto r = run_siap(args);
    INFO(args[args.size() - 2]);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("Contoh:") != std::string::npos);
  }
}

TEST_CASE("usage errors exit 2 with a message on stderr", "[cli]") {
  auto none = run_siap({});
  CHECK(none.exit_code == 2);
  auto unknown = run_siap({"frobnicate"});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.out.empty());
  CHECK_FALSE(unknown.err.empty());
  CHECK(run_siap({"--lang", "fr", "frameworks", "list"}).exit_code == 2);
  CHECK(run_siap({"frameworks", "show"}).exit_code == 2);
  CHECK(run_siap({"frameworks", "show", "spbe-2020", "--format", "xml"}).exit_code == 2);
  auto profile = run_siap({"frameworks", "show", kMini, "--profile", "tata-kelola-brat", "--lang", "en"});
  CHECK(profile.exit_code == 2);
  CHECK(profile.err == "siap: error: unknown weight profile 'tata-kelola-brat'; did you mean 'tata-kelola-berat'?\n");
}

TEST_CASE("frameworks list shows every built-in with its indicator count", "[cli][list]") {
  auto r = run_siap({"frameworks", "list"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("ID") == 0);
  // Columns: id, version, status, indicator count, title.
  auto line = r.out.substr(r.out.find("\nspbe-2020 ") + 1);
  line = line.substr(0, line.find('\n'));
  CHECK(line.find(" 59/2020 ") != std::string::npos);
  CHECK(line.find(" resmi ") != std::string::npos);
  CHECK(line.find(" 47 ") != std::string::npos);
  auto j = run_siap({"frameworks", "list", "--format", "json"});
  REQUIRE(j.exit_code == 0);
  auto list = json::parse(j.out);
  bool found = false;
  for (const auto& f : list) {
    if (f["id"] == "spbe-2020") {
      found = true;
      CHECK(f["indicators"] == 47);
      CHECK(f["status"] == "official");
      CHECK(f["title"]["en"] == "E-Government (SPBE) Index (PermenPANRB 59/2020)");
    }
  }
  CHECK(found);
}

TEST_CASE("built-in frameworks work from any directory", "[cli]") {
  ScratchDir elsewhere;
  auto r = run_siap({"frameworks", "show", "spbe-2020", "--format", "json"}, elsewhere.path);
  CHECK(r.exit_code == 0);
  CHECK(json::parse(r.out)["leaves"].size() == 47);
}

TEST_CASE("frameworks show prints the tree with effective shares", "[cli][show]") {
  auto r = run_siap({"frameworks", "show", "spbe-2020"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("16,5     16,50%   D3  Manajemen SPBE") != std::string::npos);
  CHECK(r.out.find("2,75     2,75%        i32") != std::string::npos);
  CHECK(r.out.find("100,00%  jumlah porsi indikator") != std::string::npos);
  CHECK(r.out.find("[pihak ketiga]") != std::string::npos);  // aspect 5's weight is third-party
  auto en = run_siap({"frameworks", "show", "spbe-2020", "--lang", "en"});
  CHECK(en.out.find("16.5     16.50%   D3  E-government management") != std::string::npos);
  CHECK(en.out.find("100.00%  sum of indicator shares") != std::string::npos);
  CHECK(en.out.find("Very good") != std::string::npos);
}

TEST_CASE("frameworks show --format json gives the tree and the leaves in order", "[cli][show][json]") {
  auto r = run_siap({"frameworks", "show", kMini, "--format", "json"});
  REQUIRE(r.exit_code == 0);
  auto j = json::parse(r.out);
  CHECK(j["schema"] == "siap/framework-view/v1");
  CHECK(j["id"] == "contoh-kesiapan");
  CHECK(j["status"] == "project-defined");
  REQUIRE(j["leaves"].size() == 5);
  std::vector<std::string> order;
  for (const auto& leaf : j["leaves"]) order.push_back(leaf["id"]);
  CHECK(order == std::vector<std::string>{"q1", "q2", "q3", "q4", "q5"});
  CHECK(j["leaves"][2]["column"]["name"] == "masterplan");
  CHECK(j["leaves"][2]["column"]["aliases"][0] == "rencana_induk");
  CHECK(j["leaves"][1]["reverse"] == true);
  // By hand: each domain 1/2; q1..q3 1/3 of 1/2; q4 1/3 and q5 2/3 of 1/2.
  CHECK(j["leaves"][0]["share"].get<double>() == Approx(1.0 / 6.0).margin(1e-12));
  CHECK(j["leaves"][3]["share"].get<double>() == Approx(1.0 / 6.0).margin(1e-12));
  CHECK(j["leaves"][4]["share"].get<double>() == Approx(1.0 / 3.0).margin(1e-12));
  CHECK(j["tree"][0]["aggregation"]["method"] == "geometric");
  CHECK(j["respondents"]["groups"][0]["weight"] == 2);
  CHECK(j["bands"][0]["ranges"][0]["id"] == "belum");  // stored ascending
  double total = 0;
  for (const auto& leaf : j["leaves"]) total += leaf["share"].get<double>();
  CHECK(total == Approx(1.0).margin(1e-12));

  // Under the profile, governance weighs 3 against 1: q1 = 3/4 * 1/3 = 1/4.
  auto p = run_siap({"frameworks", "show", kMini, "--format", "json", "--profile", "tata-kelola-berat"});
  REQUIRE(p.exit_code == 0);
  auto pj = json::parse(p.out);
  CHECK(pj["profile"] == "tata-kelola-berat");
  CHECK(pj["leaves"][0]["share"].get<double>() == Approx(0.25).margin(1e-12));
  // Exact decimals stay exact in JSON.
  auto spbe = json::parse(run_siap({"frameworks", "show", "spbe-2020", "--format", "json"}).out);
  CHECK(spbe["tree"][2]["weight"].dump() == "16.5");
  CHECK(spbe["leaves"][31]["weight"].dump() == "2.75");
  CHECK(spbe["leaves"][0]["share"].dump() == "0.013");
}

TEST_CASE("frameworks show -o writes the file atomically and nothing to stdout", "[cli][show]") {
  ScratchDir dir;
  std::string target = dir.file("spbe.json");
  auto r = run_siap({"frameworks", "show", "spbe-2020", "--format", "json", "-o", target});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.empty());
  CHECK(json::parse(read_file(target))["id"] == "spbe-2020");
  CHECK(std::distance(std::filesystem::directory_iterator(dir.path), std::filesystem::directory_iterator()) == 1);
  auto bad = run_siap({"frameworks", "show", "spbe-2020", "-o", dir.file("missing/x.txt")});
  CHECK(bad.exit_code == 1);
  CHECK(bad.err.find("missing/x.txt") != std::string::npos);
}

TEST_CASE("frameworks check reports every error with its location and exits 1", "[cli][check]") {
  auto r = run_siap({"frameworks", "check", kManyErrors, "--lang", "en"});
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  std::string f = kManyErrors;
  CHECK(r.err == "siap: error: " + f +
                     ":5:9: unknown status 'offical'; did you mean 'official'? (at status)\n"
                     "siap: error: " +
                     f +
                     ":15:9: gap between bands 'rendah' and 'tinggi': scores from 3 up to 3.5 fall in no band (at bands[0].ranges[1].from)\n"
                     "siap: error: " +
                     f +
                     ":19:5: unknown key 'wieght'; did you mean 'weight'? (at tree[0].wieght)\n"
                     "siap: error: " +
                     f +
                     ":20:9: duplicate node id 'a' (first defined at line 17) (at tree[1].id)\n"
                     "siap: error: " +
                     f + ":22:13: weight must be greater than 0, found 0 (at tree[1].weight)\n" + f + ": INVALID (5 errors)\n");
}

TEST_CASE("frameworks check accepts valid files and built-in ids, and never modifies input", "[cli][check]") {
  std::string before = read_file(kMini);
  auto r = run_siap({"frameworks", "check", kMini, "spbe-2020"});
  CHECK(r.exit_code == 0);
  CHECK(r.err == kMini + ": valid (contoh-kesiapan 0.1, 5 indikator)\nspbe-2020: valid (spbe-2020 59/2020, 47 indikator)\n");
  CHECK(read_file(kMini) == before);
  auto quiet = run_siap({"frameworks", "check", "--quiet", kMini});
  CHECK(quiet.exit_code == 0);
  CHECK(quiet.err.empty());
  auto mixed = run_siap({"frameworks", "check", kMini, kManyErrors});
  CHECK(mixed.exit_code == 1);
}

TEST_CASE("frameworks check handles unreadable and hostile files", "[cli][check][hostile]") {
  ScratchDir dir;
  auto missing = run_siap({"frameworks", "check", dir.file("nope.yaml"), "--lang", "en"});
  CHECK(missing.exit_code == 1);
  // Not found, not "cannot be read" (#11).
  CHECK(missing.err.find(dir.file("nope.yaml") + ": cannot open the file: not found") != std::string::npos);

  write_file(dir.file("deep.yaml"), std::string(200000, '['));
  auto deep = run_siap({"frameworks", "check", dir.file("deep.yaml"), "--lang", "en"});
  CHECK(deep.exit_code == 1);
  CHECK(deep.err.find("nesting deeper than 64 levels; refused") != std::string::npos);

  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'k'; ++c) {
    bomb += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 10; ++i) bomb += std::string(i ? ", " : "") + "*" + char(c - 1);
    bomb += "]\n";
  }
  write_file(dir.file("bomb.yaml"), bomb);
  auto b = run_siap({"frameworks", "check", dir.file("bomb.yaml"), "--lang", "en"});
  CHECK(b.exit_code == 1);
  CHECK(b.err.find("anchors and aliases") != std::string::npos);

  write_file(dir.file("huge.yaml"), "a: " + std::string(5u << 20, 'x') + "\n");
  auto huge = run_siap({"frameworks", "check", dir.file("huge.yaml"), "--lang", "en"});
  CHECK(huge.exit_code == 1);
  CHECK(huge.err.find("larger than the limit of 4194304 bytes") != std::string::npos);

  write_file(dir.file("binary.yaml"), std::string("\x00\xff\xfe garbage \x01", 13));
  auto bin = run_siap({"frameworks", "check", dir.file("binary.yaml")});
  CHECK(bin.exit_code == 1);

  auto directory = run_siap({"frameworks", "check", dir.path + "/", "--lang", "en"});
  CHECK(directory.exit_code == 1);
  CHECK(directory.err.find(": cannot open the file: is a directory, not a file") != std::string::npos);
}

TEST_CASE("colour never appears when NO_COLOR is set or output is not a terminal", "[cli]") {
  auto r = run_siap({"frameworks", "check", kManyErrors});
  CHECK(r.err.find('\033') == std::string::npos);
  auto s = run_siap({"frameworks", "show", "spbe-2020"});
  CHECK(s.out.find('\033') == std::string::npos);
}

TEST_CASE("a framework with a byte that is not UTF-8 is invalid at its line and column, for check, show and assess", "[cli][utf8]") {
  // Found by fuzzing: `check` said valid, `show --format json` exited 3 and the workbook's XML broke.
  ScratchDir dir;
  std::string text = read_file(kMini);
  std::size_t title = text.find("\ntitle:");
  REQUIRE(title != std::string::npos);
  std::size_t line = 1 + std::size_t(std::count(text.begin(), text.begin() + std::ptrdiff_t(title) + 1, '\n'));
  std::size_t end = text.find('\n', title + 1);
  text.insert(end, " # \xE9");  // a Latin-1 byte in a comment
  write_file(dir.file("bad.yaml"), text);
  auto check = run_siap({"--lang", "en", "frameworks", "check", dir.file("bad.yaml")});
  CHECK(check.exit_code == 1);
  CHECK(check.err.find(dir.file("bad.yaml") + ":" + std::to_string(line) + ":") != std::string::npos);
  CHECK(check.err.find("not valid UTF-8 (byte 0xE9)") != std::string::npos);
  auto show = run_siap({"frameworks", "show", dir.file("bad.yaml"), "--format", "json"});
  CHECK(show.exit_code == 1);
}

TEST_CASE("command-line text that is not UTF-8 is shown escaped", "[cli][utf8]") {
  auto r =
      run_siap({"--lang", "en", "assess", std::string(SIAP_SOURCE_DIR) + "/samples/spbe-2020-jabar.csv", "-f", "spbe-2020", "--format", "x\xFFy"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("unknown format 'x\\xFFy'") != std::string::npos);
  auto title = run_siap({"assess", std::string(SIAP_SOURCE_DIR) + "/samples/spbe-2020-jabar.csv", "-f", "spbe-2020", "--title", "Kajian \xC3"});
  CHECK(title.exit_code == 2);
}
