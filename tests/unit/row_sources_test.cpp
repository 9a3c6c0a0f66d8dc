#include "input/row_source.hpp"

#include <catch2/catch.hpp>
#include <unistd.h>

#include <filesystem>
#include <fstream>

TEST_CASE("any file name opens as CSV until another format claims it; a missing file is an error naming it", "[input][sources]") {
  auto path = std::filesystem::temp_directory_path() / ("siap-sources-" + std::to_string(::getpid()) + ".TXT");
  std::ofstream(path) << "wilayah;a\nKota Bandung;4\n";
  auto source = siap::open_row_source(path.string(), siap::CsvOptions{});
  REQUIRE(source.has_value());
  std::vector<std::string_view> fields;
  REQUIRE((*source)->next(fields));
  CHECK((*source)->delimiter() == ';');
  REQUIRE((*source)->next(fields));
  CHECK(fields[0] == "Kota Bandung");
  CHECK((*source)->line() == 2);
  CHECK_FALSE((*source)->next(fields));
  CHECK((*source)->facts().bytes == 25);
  CHECK((*source)->facts().sha256.size() == 64);
  std::filesystem::remove(path);
  auto missing = siap::open_row_source("/nonexistent/siap.csv", siap::CsvOptions{});
  REQUIRE_FALSE(missing.has_value());
  CHECK(missing.errors()[0].render(siap::Lang::en).rfind("/nonexistent/siap.csv: cannot open the file", 0) == 0);
}
