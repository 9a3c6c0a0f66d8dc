// XLSX and ODS sheets read from the fixtures of tests/fixtures/exports,
// which openpyxl, Python's zipfile and LibreOffice wrote (make_exports.py).
#include "input/workbook_reader.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

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

TEST_CASE("a sheet is chosen by number or name (case ignored when no name is exact); a wrong one lists the sheets", "[input][workbook]") {
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
