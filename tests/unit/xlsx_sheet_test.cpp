// XlsxSheet writes through libxlsxwriter; the file is read back with
// siap's XLSX reader and its XML parts.
#include "report/xlsx_sheet.hpp"

#include <catch2/catch.hpp>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "input/workbook_parts.hpp"
#include "input/workbook_reader.hpp"

namespace {

// A workbook with one sheet filled by `fill`, as bytes.
template <typename Fill>
std::string workbook_with(Fill fill) {
  const auto path = std::filesystem::temp_directory_path() / ("siap-xlsx-sheet-" + std::to_string(::getpid()) + ".xlsx");
  lxw_workbook* wb = workbook_new(path.c_str());
  REQUIRE(wb != nullptr);
  siap::XlsxSheet sheet(workbook_add_worksheet(wb, "Uji"));
  fill(sheet);
  REQUIRE(workbook_close(wb) == LXW_NO_ERROR);
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  std::filesystem::remove(path);
  return bytes.str();
}

std::string cell(const std::string& bytes, std::uint32_t row, std::uint32_t column) {
  auto book = siap::read_workbook(bytes, siap::WorkbookKind::xlsx, "t.xlsx", "");
  REQUIRE(book.has_value());
  for (const auto& c : book->sheet.cells) {
    if (c.row == row && c.column == column) return std::string(book->sheet.at(c));
  }
  return "";
}

}  // namespace

TEST_CASE("XlsxSheet: text is a string even when it looks like a formula, XML-illegal characters become U+FFFD", "[report][xlsx]") {
  auto bytes = workbook_with([](siap::XlsxSheet& s) {
    s.text(0, 0, "=SUM(A2:A9)");
    s.text(1, 0, "+62 812");
    s.text(2, 0,
           std::string("a\x01"
                       "b\xEF\xBF\xBE"
                       "c"));
    s.number(3, 0, 3.405);
  });
  CHECK(cell(bytes, 0, 0) == "=SUM(A2:A9)");
  CHECK(cell(bytes, 1, 0) == "+62 812");
  CHECK(cell(bytes, 2, 0) ==
        "a\xEF\xBF\xBD"
        "b\xEF\xBF\xBD"
        "c");
  CHECK(cell(bytes, 3, 0) == "3.405");
  auto xml = siap::workbook::Package(bytes).part("xl/worksheets/sheet1.xml");
  CHECK(xml.find("<f>") == std::string::npos);
}

TEST_CASE("XlsxSheet: text is cut at Excel's 32,767 characters (UTF-16 units) on a character boundary", "[report][xlsx]") {
  std::string accents;
  for (int i = 0; i < 40000; ++i) accents += "\xC3\xA9";  // é: two bytes, one unit
  std::string emoji = "a";
  for (int i = 0; i < 20000; ++i) emoji += "\xF0\x9F\x98\x80";  // U+1F600: four bytes, two units
  auto bytes = workbook_with([&](siap::XlsxSheet& s) {
    s.text(0, 0, accents);
    s.text(1, 0, emoji);
    s.text(2, 0, std::string(32767, 'x'));
  });
  CHECK(cell(bytes, 0, 0) == accents.substr(0, 2 * 32767));
  CHECK(cell(bytes, 1, 0) == emoji.substr(0, 1 + 4 * 16383));  // 1 + 2 x 16,383 = 32,767 units
  CHECK(cell(bytes, 2, 0).size() == 32767);                    // exactly the limit is kept whole
}

TEST_CASE("XlsxSheet: columns fit their widest text plus 2, between 6 and the maximum, fixed widths win", "[report][xlsx]") {
  auto bytes = workbook_with([](siap::XlsxSheet& s) {
    s.text(0, 0, "ab");                        // 2 + 2 -> the minimum, 6
    s.text(0, 1, "Kabupaten Garut");           // 15 + 2 = 17
    s.text(1, 1, "baris satu\nbaris kedua!");  // longest line 12: still 17
    s.text(0, 2, std::string(100, 'x'));       // capped at 40
    s.text(0, 3, "lebar tetap");
    s.fit_columns(40, {{3, 9}});
  });
  auto xml = siap::workbook::Package(bytes).part("xl/worksheets/sheet1.xml");
  CHECK(xml.find("<col min=\"1\" max=\"1\" width=\"6.7109375\" customWidth=\"1\"/>") != std::string::npos);
  INFO(xml.substr(xml.find("<cols>"), 400));
  CHECK(xml.find("<col min=\"2\" max=\"2\" width=\"17.7109375\" customWidth=\"1\"/>") != std::string::npos);
  CHECK(xml.find("<col min=\"3\" max=\"3\" width=\"40.7109375\" customWidth=\"1\"/>") != std::string::npos);
  CHECK(xml.find("<col min=\"4\" max=\"4\" width=\"9.7109375\" customWidth=\"1\"/>") != std::string::npos);
}
