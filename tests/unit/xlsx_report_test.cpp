// The workbook read back with siap's own XLSX reader (itself checked
// against openpyxl-written fixtures, workbook_reader_test.cpp) and its XML
// parts; tests/e2e/check_workbook.py does the same with openpyxl.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>

#include "input/workbook_parts.hpp"
#include "input/workbook_reader.hpp"
#include "unit/report_fixture.hpp"

namespace {

// Row -> (column -> text) of one sheet.
std::map<long, std::map<long, std::string>> sheet_cells(const std::string& bytes, const std::string& sheet) {
  auto book = siap::read_workbook(bytes, siap::WorkbookKind::xlsx, "r.xlsx", sheet);
  REQUIRE(book.has_value());
  std::map<long, std::map<long, std::string>> out;
  for (const auto& c : book->sheet.cells) out[long(c.row)][long(c.column)] = std::string(book->sheet.at(c));
  return out;
}

// The row whose cell in `column` is `text`.
std::map<long, std::string> row_with(const std::map<long, std::map<long, std::string>>& cells, long column, const std::string& text) {
  for (const auto& [row, line] : cells) {
    auto it = line.find(column);
    if (it != line.end() && it->second == text) return line;
  }
  FAIL("no row with " << text);
  return {};
}

}  // namespace

TEST_CASE("XLSX: sheets in the chosen language, hand-computed scores stored as numbers", "[report][xlsx]") {
  auto f = report_fixture::make();
  auto id = siap::render_xlsx(f.assessment, f.options(siap::Lang::id));
  REQUIRE(id.has_value());
  auto book = siap::read_workbook(*id, siap::WorkbookKind::xlsx, "r.xlsx", "");
  REQUIRE(book.has_value());
  CHECK(book->sheet_names.front() == "Ringkasan");
  CHECK(std::find(book->sheet_names.begin(), book->sheet_names.end(), "Kualitas Data") != book->sheet_names.end());
  // Summary: rank, code, region, type, province, score, band.
  auto summary = sheet_cells(*id, "Ringkasan");
  auto bandung = row_with(summary, 2, "Kota Bandung");
  CHECK(bandung[0] == "1");
  CHECK(bandung[1] == "32.73");
  CHECK(bandung[5] == "4.75");  // a number: its stored digits, not "4,75"
  CHECK(bandung[6] == "Tinggi");
  auto garut = row_with(summary, 2, "Kabupaten Garut");
  CHECK(garut[0] == "2");
  CHECK(garut[5] == "2.75");
  CHECK(garut[6] == "Rendah");

  auto en = siap::render_xlsx(f.assessment, f.options(siap::Lang::en));
  REQUIRE(en.has_value());
  auto english = siap::read_workbook(*en, siap::WorkbookKind::xlsx, "r.xlsx", "");
  REQUIRE(english.has_value());
  CHECK(english->sheet_names.front() == "Summary");
  CHECK(row_with(sheet_cells(*en, "Summary"), 2, "Kota Bandung")[6] == "High");
}

TEST_CASE("XLSX: a name from the input is a string cell, never a formula, and the workbook is reproducible", "[report][xlsx]") {
  auto f = report_fixture::make();
  auto bytes = siap::render_xlsx(f.assessment, f.options(siap::Lang::en));
  REQUIRE(bytes.has_value());
  auto summary = sheet_cells(*bytes, "Summary");
  row_with(summary, 2, "=HYPERLINK(\"x\")<b>|");  // kept as typed
  siap::workbook::Package package(*bytes);
  for (int i = 1; i <= 6; ++i) {
    auto xml = package.find("xl/worksheets/sheet" + std::to_string(i) + ".xml");
    if (!xml) continue;
    INFO("sheet" << i);
    CHECK(xml->find("<f>") == std::string::npos);
  }
  // A fixed date gives the same bytes twice.
  auto again = siap::render_xlsx(f.assessment, f.options(siap::Lang::en));
  REQUIRE(again.has_value());
  CHECK(*again == *bytes);
}
