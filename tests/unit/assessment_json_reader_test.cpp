// The assessment JSON read back and written again is the same bytes, for
// every golden output (every bundled sample, both languages): the reader
// loses nothing the writer wrote.
#include "siap/assessment_json.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "siap/framework_catalog.hpp"
#include "siap/report.hpp"

namespace {

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The framework a golden case was run with (tests/golden/cases.txt).
std::string framework_of(const std::string& case_name) {
  std::ifstream cases(std::string(SIAP_SOURCE_DIR) + "/tests/golden/cases.txt");
  for (std::string line; std::getline(cases, line);) {
    if (line.rfind(case_name + " |", 0) != 0) continue;
    auto f = line.find("-f ");
    auto end = line.find(' ', f + 3);
    return line.substr(f + 3, end == std::string::npos ? std::string::npos : end - f - 3);
  }
  return "";
}

}  // namespace

TEST_CASE("every golden assessment JSON reads back and writes out byte-identical", "[json][roundtrip]") {
  const std::filesystem::path golden = std::filesystem::path(SIAP_SOURCE_DIR) / "tests" / "golden" / "out";
  std::size_t checked = 0;
  for (const auto& case_dir : std::filesystem::directory_iterator(golden)) {
    std::string name = case_dir.path().filename().string();
    std::string fw_ref = framework_of(name);
    REQUIRE_FALSE(fw_ref.empty());
    auto fw = siap::resolve_framework(fw_ref.find('/') == std::string::npos ? fw_ref : std::string(SIAP_SOURCE_DIR) + "/" + fw_ref);
    REQUIRE(fw.has_value());
    for (const char* lang : {"id", "en"}) {
      for (const auto& file : std::filesystem::directory_iterator(case_dir.path() / lang)) {
        if (file.path().extension() != ".json") continue;
        INFO(file.path().string());
        const std::string written = slurp(file.path());
        auto saved = siap::read_assessment_json(written, file.path().string(), *fw);
        if (!saved) {
          for (const auto& e : saved.errors()) UNSCOPED_INFO(e.render(siap::Lang::en));
        }
        REQUIRE(saved.has_value());
        siap::ReportOptions options;
        options.tool_version = saved->tool_version;
        options.settings = saved->settings;
        CHECK(siap::render_json(saved->assessment, options) == written);
        ++checked;
      }
    }
  }
  CHECK(checked == 16);  // 8 cases x 2 languages
}

TEST_CASE("a JSON that is not siap's assessment for this framework is an error naming the place", "[json][roundtrip]") {
  auto spbe = siap::load_builtin_framework("spbe-2020");
  auto pemdi = siap::load_builtin_framework("pemdi-2026");
  REQUIRE((spbe.has_value() && pemdi.has_value()));
  const std::string written = slurp(std::filesystem::path(SIAP_SOURCE_DIR) / "tests/golden/out/spbe-2020-jabar/en/assessment.json");
  auto render = [](const siap::Expected<siap::SavedAssessment>& r) {
    REQUIRE_FALSE(r.has_value());
    return r.errors()[0].render(siap::Lang::en);
  };
  CHECK(render(siap::read_assessment_json(written, "a.json", *pemdi)) ==
        "a.json: not a siap/assessment/v1 assessment: 'spbe-2020', not 'pemdi-2026' (at framework.id)");
  CHECK(render(siap::read_assessment_json("{\n  \"schema\": \"siap/assessment/v1\",\n  oops\n}", "b.json", *spbe)) == "b.json:3:3: not valid JSON");
  std::string broken = written;
  broken.replace(broken.find("\"published\""), 11, "\"publishd\"");
  CHECK(render(siap::read_assessment_json(broken, "c.json", *spbe)) ==
        "c.json: not a siap/assessment/v1 assessment: key 'published' is missing (at units[0].index.published)");
  std::string huge = written;
  huge.replace(huge.find("\"published\": ") + 13, 4, "9223372036854775807.0");
  CHECK(render(siap::read_assessment_json(huge, "e.json", *spbe)) ==
        "e.json: not a siap/assessment/v1 assessment: must be a decimal number (at units[0].index.published)");
  CHECK(render(siap::read_assessment_json(std::string(100, '[') + std::string(100, ']'), "d.json", *spbe)) ==
        "d.json: JSON nested more than 64 levels");
  // Respondents are counted in 32 bits: one more is refused, not cut to 0.
  std::string many = written;
  many.replace(many.find("\"respondents\": 1") + 15, 1, "4294967296");
  CHECK(render(siap::read_assessment_json(many, "g.json", *spbe)) ==
        "g.json: not a siap/assessment/v1 assessment: number too large (at units[0].respondents)");
  // A coverage is a share of weight: outside [0, 1] it is not siap's.
  for (const char* share : {"1.0001", "-0.5", "70000"}) {
    std::string wide = written;
    const std::size_t at = wide.find("\"coverage\": ") + 12;
    wide.replace(at, wide.find_first_of(",\n}", at) - at, share);
    CHECK(render(siap::read_assessment_json(wide, "f.json", *spbe)) ==
          "f.json: not a siap/assessment/v1 assessment: coverage must be between 0 and 1 (at units[0].index.coverage)");
  }
}

TEST_CASE("results are found by region code, in a fresh assessment and in one read back", "[json][roundtrip]") {
  auto spbe = siap::load_builtin_framework("spbe-2020");
  REQUIRE(spbe.has_value());
  const std::string written = slurp(std::filesystem::path(SIAP_SOURCE_DIR) / "tests/golden/out/spbe-2020-jabar/en/assessment.json");
  auto saved = siap::read_assessment_json(written, "a.json", *spbe);
  REQUIRE(saved.has_value());
  const siap::UnitResult* bandung = saved->assessment.find("32.73");
  REQUIRE(bandung != nullptr);
  CHECK(saved->assessment.unit_of(*bandung).name == "Kota Bandung");
  CHECK(saved->assessment.find("99.99") == nullptr);
  CHECK(saved->assessment.find("") == nullptr);
}
