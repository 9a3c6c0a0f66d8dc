#include "input/row_source.hpp"

#include <catch2/catch.hpp>
#include <unistd.h>

#include <filesystem>
#include <fstream>

TEST_CASE("any file name opens as CSV until another format claims it, a missing file is an error naming it", "[input][sources]") {
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

namespace {

std::string temp_copy(const std::string& bytes, const std::string& name) {
  auto path = std::filesystem::temp_directory_path() / ("siap-sources-" + std::to_string(::getpid()) + "-" + name);
  std::ofstream(path, std::ios::binary) << bytes;
  return path.string();
}

std::string fixture(const std::string& name) {
  std::ifstream in(std::string(SIAP_FIXTURES) + "/exports/" + name, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

TEST_CASE("the format is told by content: an XLSX named .csv is read as a workbook", "[input][sources]") {
  std::string path = temp_copy(fixture("survei-openpyxl.xlsx"), "renamed.csv");
  auto source = siap::open_row_source(path, siap::CsvOptions{});
  REQUIRE(source.has_value());
  std::vector<std::string_view> fields;
  REQUIRE((*source)->next(fields));
  CHECK(fields.size() == 6);
  CHECK(fields[1] == "kabupaten_kota");
  CHECK((*source)->delimiter() == 0);
  REQUIRE((*source)->next(fields));
  CHECK(fields[1] == "Kota Bandung");
  CHECK((*source)->line() == 2);
  REQUIRE((*source)->next(fields));
  REQUIRE((*source)->next(fields));
  CHECK((*source)->line() == 5);  // the sheet's own row number, after a blank row
  CHECK_FALSE((*source)->next(fields));
  CHECK((*source)->facts().bytes == fixture("survei-openpyxl.xlsx").size());
  REQUIRE((*source)->notes().size() == 1);
  CHECK((*source)->notes()[0].en == "read sheet 1 'Data'; other sheets not read: 'Catatan' (choose with --sheet)");
  std::filesystem::remove(path);
}

TEST_CASE("files that are not data tables are named for what they are", "[input][sources]") {
  auto refusal = [](const std::string& bytes, const std::string& name) {
    std::string path = temp_copy(bytes, name);
    auto source = siap::open_row_source(path, siap::CsvOptions{});
    std::filesystem::remove(path);
    REQUIRE_FALSE(source.has_value());
    std::string message = source.errors()[0].render(siap::Lang::en);
    return message.substr(message.find(": ") + 2);
  };
  CHECK(refusal("%PDF-1.7\n...", "laporan.csv") == "cannot be read as survey data: a PDF document, not a data table");
  CHECK(refusal(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + "rest", "lama.xls") ==
        "cannot be read as survey data: an Office 97–2003 file (.xls/.doc): save it again as .xlsx or UTF-8 CSV");
  CHECK(refusal("\xFF\xFEw\0i\0", "unicode.txt").find("UTF-16") != std::string::npos);
}
