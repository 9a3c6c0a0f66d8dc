#include "siap/atomic_file.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "siap-test-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    path = pattern;
  }
  ~TempDir() { fs::remove_all(path); }
};

std::string read(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::size_t entries(const fs::path& dir) { return std::size_t(std::distance(fs::directory_iterator(dir), fs::directory_iterator())); }

}  // namespace

TEST_CASE("AtomicFile replaces the target only on commit", "[atomic_file]") {
  TempDir dir;
  fs::path target = dir.path / "report.json";
  siap::write_file_atomically(target, "old");
  {
    siap::AtomicFile file(target);
    file.write("new content");
    CHECK(read(target) == "old");  // not visible before commit
    file.commit();
  }
  CHECK(read(target) == "new content");
  CHECK(entries(dir.path) == 1);  // no temporary left behind
}

TEST_CASE("AtomicFile without commit leaves the target untouched and cleans up", "[atomic_file]") {
  TempDir dir;
  fs::path target = dir.path / "report.json";
  siap::write_file_atomically(target, "kept");
  {
    siap::AtomicFile file(target);
    file.write("abandoned");
  }
  CHECK(read(target) == "kept");
  CHECK(entries(dir.path) == 1);
}

TEST_CASE("AtomicFile reports a missing directory as an error", "[atomic_file]") {
  TempDir dir;
  CHECK_THROWS_AS(siap::AtomicFile(dir.path / "missing" / "x.json"), std::system_error);
}
