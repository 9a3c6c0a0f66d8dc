#include "siap/os_error.hpp"

#include <catch2/catch.hpp>

#include <cerrno>
#include <cstring>
#include <filesystem>

TEST_CASE("OS errors in both languages, an unknown errno keeps its number and the C library's text", "[util]") {
  CHECK(siap::os_error_text(ENOENT).id == "tidak ditemukan");
  CHECK(siap::os_error_text(ENOENT).en == "not found");
  CHECK(siap::os_error_text(EACCES).id == "tidak ada izin");
  CHECK(siap::os_error_text(ENOSPC).en == "no space left on the device");
  const auto unknown = siap::os_error_text(EDOM);
  CHECK(unknown.en == std::string("system error ") + std::to_string(EDOM) + " (" + std::strerror(EDOM) + ")");
  CHECK(unknown.id.rfind("galat sistem ", 0) == 0);
}

TEST_CASE("open_for_reading tells a missing file from a directory", "[util]") {
  const std::string dir = std::filesystem::temp_directory_path().string();
  auto directory = siap::open_for_reading(dir);
  REQUIRE_FALSE(directory.has_value());
  CHECK(directory.errors()[0].render(siap::Lang::en) == dir + ": cannot open the file: is a directory, not a file");
  auto missing = siap::open_for_reading(dir + "/siap-no-such-file-here");
  REQUIRE_FALSE(missing.has_value());
  CHECK(missing.errors()[0].render(siap::Lang::id) == dir + "/siap-no-such-file-here: berkas tidak dapat dibuka: tidak ditemukan");
}
