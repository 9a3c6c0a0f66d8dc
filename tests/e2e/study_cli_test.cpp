// siap study end to end: three runs, one failing on its data; folders all or
// nothing; the summary lists all three; --jobs 1 and --jobs 2 write the same bytes.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>

#include "e2e/run_siap.hpp"

using json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

const std::string kSample = std::string(SIAP_SOURCE_DIR) + "/samples/spbe-2020-jabar.csv";

// Every file under `root` and its bytes.
std::map<std::string, std::string> tree(const std::string& root) {
  std::map<std::string, std::string> out;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_regular_file()) out[fs::relative(entry.path(), root).string()] = read_file(entry.path().string());
  }
  return out;
}

void write_study(const ScratchDir& dir) {
  write_file(dir.file("rusak.csv"), "instansi,i01\nOPD,9\n");  // 46 required columns missing: the run fails (exit 1)
  write_file(dir.file("studi.yaml"),
             "schema: siap/study/v1\n"
             "title: Kajian SPBE\n"
             "output: hasil\n"
             "runs:\n"
             "  - {name: jabar-2025, framework: spbe-2020, inputs: [" +
                 kSample +
                 "], formats: [html, csv], year: 2025}\n"
                 "  - {name: rusak, framework: spbe-2020, inputs: [rusak.csv]}\n"
                 "  - {name: jabar-2026, framework: spbe-2020, inputs: [" +
                 kSample +
                 "], formats: [md], rollup: province, year: 2026}\n"
                 "comparisons:\n"
                 "  - {name: perubahan, runs: [jabar-2025, jabar-2026], formats: [json, csv]}\n");
}

}  // namespace

TEST_CASE("study: a failing run leaves no folder, stops the rest unless --keep-going, and the summary lists every run", "[e2e][study]") {
  ScratchDir dir;
  write_study(dir);
  const std::vector<std::string> env{"SOURCE_DATE_EPOCH=1795392000"};
  auto stopped = run_siap({"study", dir.file("studi.yaml")}, "", env);
  CHECK(stopped.exit_code == 1);
  CHECK(fs::exists(dir.file("hasil/jabar-2025/penilaian.html")));
  CHECK_FALSE(fs::exists(dir.file("hasil/rusak")));
  CHECK_FALSE(fs::exists(dir.file("hasil/jabar-2026")));  // not started after the failure
  for (const auto& entry : fs::directory_iterator(dir.file("hasil"))) CHECK(entry.path().filename().string().find(".partial") == std::string::npos);
  json summary = json::parse(read_file(dir.file("hasil/ringkasan.json")));
  REQUIRE(summary["runs"].size() == 3);
  CHECK(summary["runs"][0]["status"] == "ok");
  CHECK(summary["runs"][0]["units"] == 27);
  CHECK(summary["runs"][1]["status"] == "failed");
  CHECK(summary["runs"][1]["exit_code"] == 1);
  CHECK(summary["runs"][2]["status"] == "skipped");
  CHECK(summary["comparisons"][0]["status"] == "skipped");
  CHECK(stopped.err.find("rusak: gagal (status 1)") != std::string::npos);
  CHECK(read_file(dir.file("hasil/ringkasan.xlsx")).rfind("PK", 0) == 0);

  // With --keep-going the third runs, and so does the comparison; one job, then two.
  fs::remove_all(dir.file("hasil"));
  auto one = run_siap({"study", dir.file("studi.yaml"), "--keep-going", "--jobs", "1"}, "", env);
  CHECK(one.exit_code == 1);
  summary = json::parse(read_file(dir.file("hasil/ringkasan.json")));
  CHECK(summary["runs"][2]["status"] == "ok");
  CHECK(summary["comparisons"][0]["status"] == "ok");
  CHECK(fs::exists(dir.file("hasil/jabar-2026/penilaian.md")));
  CHECK(fs::exists(dir.file("hasil/perubahan/perubahan.json")));
  CHECK(read_file(dir.file("hasil/index.html")).find("<a href=\"jabar-2025/penilaian.html\">jabar-2025</a>") != std::string::npos);
  const auto first = tree(dir.file("hasil"));
  fs::remove_all(dir.file("hasil"));
  auto two = run_siap({"study", dir.file("studi.yaml"), "--keep-going", "--jobs", "2"}, "", env);
  CHECK(two.exit_code == 1);
  const auto second = tree(dir.file("hasil"));
  REQUIRE(first.size() == second.size());
  for (const auto& [file, bytes] : first) {
    CAPTURE(file);
    REQUIRE(second.count(file) == 1);
    CHECK(second.at(file) == bytes);
  }
}

TEST_CASE("study: a manifest larger than the YAML limit is refused before it is read whole", "[e2e][study][hostile]") {
  ScratchDir dir;
  write_file(dir.file("besar.yaml"), "schema: siap/study/v1\n# " + std::string(5u << 20, 'x') + "\n");
  auto r = run_siap({"--lang", "en", "study", dir.file("besar.yaml")});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("besar.yaml: file is larger than the limit of 4194304 bytes") != std::string::npos);
}

TEST_CASE("study: a manifest is checked as strictly as a framework, every error with its line and column", "[e2e][study]") {
  ScratchDir dir;
  write_file(dir.file("salah.yaml"),
             "schema: siap/study/v1\n"
             "output: hasil\n"
             "runs:\n"
             "  - {name: a, framework: spbe-2020, inputs: [tidak-ada.csv]}\n"
             "  - {name: a, framework: spbe-2020, inputs: [" +
                 kSample +
                 "], formats: [pdf], bootstrap: banyak}\n"
                 "  - {name: c, framework: spbe-2020, inputs: [" +
                 kSample +
                 "], rolup: province}\n"
                 "comparisons:\n"
                 "  - {name: d, runs: [a, z]}\n");
  auto r = run_siap({"--lang", "en", "study", dir.file("salah.yaml")});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("salah.yaml:4:") != std::string::npos);
  CHECK(r.err.find("no such file") != std::string::npos);
  CHECK(r.err.find("the name 'a' is already taken") != std::string::npos);
  CHECK(r.err.find("unknown format 'pdf'") != std::string::npos);
  CHECK(r.err.find("rolup") != std::string::npos);
  CHECK(r.err.find("no run named 'z'") != std::string::npos);
  CHECK_FALSE(fs::exists(dir.file("hasil")));
  auto none = run_siap({"study", dir.file("tidak-ada.yaml")});
  CHECK(none.exit_code == 1);
}
