// Keeps docs/framework-schema.md true: its worked example is the sample file,
// verbatim, and it loads without errors.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "siap/framework_loader.hpp"

namespace {
std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}
}  // namespace

TEST_CASE("the schema document's worked example is the sample file and is valid", "[docs]") {
  std::filesystem::path root = SIAP_SOURCE_DIR;
  std::string doc = slurp(root / "docs" / "framework-schema.md");
  std::string sample = slurp(root / "samples" / "frameworks" / "contoh-kesiapan.yaml");
  auto start = doc.find("```yaml\n");
  REQUIRE(start != std::string::npos);
  start += 8;
  auto end = doc.find("```", start);
  REQUIRE(end != std::string::npos);
  CHECK(doc.substr(start, end - start) == sample);
  auto fw = siap::load_framework(sample, "contoh-kesiapan.yaml");
  REQUIRE(fw.has_value());
  CHECK(fw->leaves.size() == 5);
}

TEST_CASE("every sample framework is valid", "[docs]") {
  std::filesystem::path dir = std::filesystem::path(SIAP_SOURCE_DIR) / "samples" / "frameworks";
  int count = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".yaml") continue;
    ++count;
    auto fw = siap::load_framework_file(entry.path());
    INFO(entry.path().string());
    if (!fw) {
      for (const auto& e : fw.errors()) UNSCOPED_INFO(e.render(siap::Lang::en));
    }
    CHECK(fw.has_value());
  }
  CHECK(count > 0);
}
