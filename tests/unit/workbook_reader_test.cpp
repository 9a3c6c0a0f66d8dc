// XLSX and ODS sheets read from the fixtures of tests/fixtures/exports,
// which openpyxl, Python's zipfile and LibreOffice wrote (make_exports.py).
#include "input/workbook_reader.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <fstream>
#include <sstream>

#include "siap/limits.hpp"
#include "unit/zip_builder.hpp"

using siap::Lang;
using siap::WorkbookKind;

namespace {

std::string bytes_of(const std::string& name) {
  std::ifstream in(std::string(SIAP_FIXTURES) + "/exports/" + name, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The sheet as rows of "text|text|..." for comparison.
std::vector<std::string> rows(const siap::Workbook& book) {
  std::vector<std::string> out;
  long row = -1;
  for (const auto& c : book.sheet.cells) {
    if (long(c.row) != row) {
      out.push_back(std::to_string(c.row + 1) + ":");
      row = c.row;
    }
    out.back() += std::string(1, char('A' + c.column)) + "=" + std::string(book.sheet.at(c)) + " ";
  }
  return out;
}

// An ODS package around a hand-written content.xml body (inside office:spreadsheet).
std::string ods(const std::string& spreadsheet) {
  return siap::testing::stored_zip(
      {{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"},
       {"content.xml",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
        "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\">"
        "<office:body><office:spreadsheet>" +
            spreadsheet + "</office:spreadsheet></office:body></office:document-content>"}});
}

const std::vector<std::string> kSurvey = {
    "1:A=id_responden B=kabupaten_kota C=q1 D=q2 E=q3 F=q4 ",
    "2:A=R1 B=Kota Bandung C=4 D=5 E=3 F=2 ",
    "3:A=R2 B=Kota Bandung C=5 D=5 E=4 F=3 ",
    "5:A=R3 B=Kabupaten Garut C=2 D=3 E=4 F=5 ",
};

}  // namespace

TEST_CASE("an openpyxl workbook (absolute part names, as pandas writes) reads cell for cell", "[input][workbook]") {
  auto book = siap::read_workbook(bytes_of("survei-openpyxl.xlsx"), WorkbookKind::xlsx, "w.xlsx", "");
  REQUIRE(book.has_value());
  CHECK(book->sheet_names == std::vector<std::string>{"Data", "Catatan"});
  CHECK(book->chosen == 0);
  CHECK(rows(*book) == kSurvey);  // the blank row 4 has no cells
}

TEST_CASE("a hand-made XLSX: prefixed names, inline and rich strings, formulas, cells without address", "[input][workbook]") {
  auto book = siap::read_workbook(bytes_of("survei-handmade.xlsx"), WorkbookKind::xlsx, "w.xlsx", "");
  REQUIRE(book.has_value());
  CHECK(book->sheet_names == std::vector<std::string>{"Jawaban"});
  // B1 joins two rich-text runs and leaves out the phonetic guide; C2 is the
  // cached result of =2+2; D1..F1 have no address and follow C1.
  CHECK(rows(*book) == kSurvey);
}

TEST_CASE("a LibreOffice ODS reads the same cells", "[input][workbook]") {
  auto book = siap::read_workbook(bytes_of("survei-libreoffice.ods"), WorkbookKind::ods, "w.ods", "");
  REQUIRE(book.has_value());
  CHECK(book->sheet_names == std::vector<std::string>{"Data", "Catatan"});
  CHECK(rows(*book) == kSurvey);
}

TEST_CASE("a sheet is chosen by number or name (case ignored when no name is exact), a wrong one lists the sheets", "[input][workbook]") {
  for (auto [file, kind] : {std::pair{"survei-openpyxl.xlsx", WorkbookKind::xlsx}, std::pair{"survei-libreoffice.ods", WorkbookKind::ods}}) {
    INFO(file);
    const std::string bytes = bytes_of(file);
    for (const char* choice : {"2", "Catatan", "catatan"}) {
      auto book = siap::read_workbook(bytes, kind, "w", choice);
      REQUIRE(book.has_value());
      CHECK(book->chosen == 1);
      CHECK(rows(*book) == std::vector<std::string>{"1:A=Survei mini untuk pengujian "});
    }
    auto missing = siap::read_workbook(bytes, kind, "w", "Jawaban");
    REQUIRE_FALSE(missing.has_value());
    CHECK(missing.errors()[0].render(Lang::en) == "w: no sheet 'Jawaban'; the sheets are: 1 'Data', 2 'Catatan'");
    CHECK_FALSE(siap::read_workbook(bytes, kind, "w", "3").has_value());
  }
}

TEST_CASE("a broken workbook is an error naming the file, never a crash", "[input][workbook]") {
  std::string bytes = bytes_of("survei-handmade.xlsx");
  auto cut = siap::read_workbook(bytes.substr(0, bytes.size() / 2), WorkbookKind::xlsx, "cut.xlsx", "");
  REQUIRE_FALSE(cut.has_value());
  CHECK(cut.errors()[0].render(Lang::en).rfind("cut.xlsx: a broken XLSX workbook", 0) == 0);
  auto garbage = siap::read_workbook("PK\x03\x04 not really", WorkbookKind::ods, "g.ods", "");
  CHECK_FALSE(garbage.has_value());
}

TEST_CASE("ODS as LibreOffice writes it: stored values not display text, repeats, spaces, notes and covered cells", "[input][workbook]") {
  const std::string body =
      "<table:table table:name=\"Data\">"
      "<table:table-column table:number-columns-repeated=\"1024\"/>"
      // B1:C1 one cell repeated; its display text "4,00" is not its value 4. D1 empty; E1 a percentage.
      "<table:table-row><table:table-cell office:value-type=\"string\"><text:p>id</text:p></table:table-cell>"
      "<table:table-cell table:number-columns-repeated=\"2\" office:value-type=\"float\" office:value=\"4\"><text:p>4,00</text:p></table:table-cell>"
      "<table:table-cell/>"
      "<table:table-cell office:value-type=\"percentage\" office:value=\"0.5\"><text:p>50%</text:p></table:table-cell></table:table-row>"
      // Two equal rows written once: two paragraphs, a run of two spaces, a span; the note is no part of the text.
      "<table:table-row table:number-rows-repeated=\"2\"><table:table-cell office:value-type=\"string\">"
      "<office:annotation><text:p>catatan</text:p></office:annotation>"
      "<text:p>a<text:s text:c=\"2\"/>b<text:span>c</text:span></text:p><text:p>d</text:p></table:table-cell>"
      "<table:covered-table-cell office:value-type=\"boolean\" office:boolean-value=\"true\"/></table:table-row>"
      // The empty rest of the sheet, as LibreOffice writes it.
      "<table:table-row table:number-rows-repeated=\"1048572\"><table:table-cell table:number-columns-repeated=\"1024\"/></table:table-row>"
      "</table:table>"
      "<table:table table:name=\"Kedua\"><table:table-row><table:table-cell office:value-type=\"date\" "
      "office:date-value=\"2026-03-01\"><text:p>01/03/26</text:p></table:table-cell></table:table-row></table:table>";
  auto book = siap::read_workbook(ods(body), WorkbookKind::ods, "h.ods", "");
  REQUIRE(book.has_value());
  CHECK(book->sheet_names == std::vector<std::string>{"Data", "Kedua"});
  CHECK(rows(*book) == std::vector<std::string>{"1:A=id B=4 C=4 E=0.5 ", "2:A=a  bc\nd B=TRUE ", "3:A=a  bc\nd B=TRUE "});
  auto second = siap::read_workbook(ods(body), WorkbookKind::ods, "h.ods", "kedua");
  REQUIRE(second.has_value());
  CHECK(rows(*second) == std::vector<std::string>{"1:A=2026-03-01 "});
}

TEST_CASE("an ODS repeat that would fill the sheet past its limits is refused before it is copied", "[input][workbook]") {
  // 16,384 columns x 1,000,000 rows of "x" from a few hundred bytes.
  auto huge = siap::read_workbook(ods("<table:table table:name=\"D\"><table:table-row table:number-rows-repeated=\"1000000\">"
                                      "<table:table-cell table:number-columns-repeated=\"16384\" office:value-type=\"string\">"
                                      "<text:p>x</text:p></table:table-cell></table:table-row></table:table>"),
                                  WorkbookKind::ods, "h.ods", "");
  REQUIRE_FALSE(huge.has_value());
  CHECK(huge.errors()[0].render(Lang::en) ==
        fmt::format("h.ods: ODS workbook refused: more than {} filled cells in the sheet", siap::limits::kMaxSheetCells));
  auto wide = siap::read_workbook(ods("<table:table table:name=\"D\"><table:table-row>"
                                      "<table:table-cell table:number-columns-repeated=\"16385\"><text:p>x</text:p></table:table-cell>"
                                      "</table:table-row></table:table>"),
                                  WorkbookKind::ods, "h.ods", "");
  REQUIRE_FALSE(wide.has_value());
  CHECK(wide.errors()[0].render(Lang::en) == "h.ods: ODS workbook refused: filled cells beyond 16384 columns (row 1)");
  auto bad = siap::read_workbook(ods("<table:table table:name=\"D\"><table:table-row table:number-rows-repeated=\"-1\"/></table:table>"),
                                 WorkbookKind::ods, "h.ods", "");
  REQUIRE_FALSE(bad.has_value());
  CHECK(bad.errors()[0].render(Lang::en) == "h.ods: ODS workbook refused: table:number-rows-repeated=\"-1\" is not a valid count");
  auto broken = siap::read_workbook(ods("<table:table table:name=\"D\"><table:table-row></table:table>"), WorkbookKind::ods, "h.ods", "");
  REQUIRE_FALSE(broken.has_value());
  CHECK(broken.errors()[0].render(Lang::en).find("h.ods: a broken ODS workbook: content.xml:2:") == 0);
}

TEST_CASE("a package entry declaring more than the file could hold is refused before anything is allocated", "[input][workbook]") {
  // The directory record of a fuzzed ODS declared 4 GB compressed; liborcus
  // allocated it before reading a byte.
  using siap::testing::Entry;
  const std::string content = "<office:document-content/>";
  auto lying = siap::testing::zip({{"mimetype", 0, 46, 46, "application/vnd.oasis.opendocument.spreadsheet"},
                                   {"content.xml", 0, 0xFFFFFFFFu, std::uint32_t(content.size()), content}});
  auto book = siap::read_workbook(lying, WorkbookKind::ods, "l.ods", "");
  REQUIRE_FALSE(book.has_value());
  CHECK(book.errors()[0].render(Lang::en) ==
        "l.ods: a broken ODS workbook: a broken or unsupported ZIP archive: entry 'content.xml' is larger than the file");
}
