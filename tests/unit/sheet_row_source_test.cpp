#include "input/sheet_row_source.hpp"

#include <catch2/catch.hpp>

namespace {

// A sheet from (row, column, text), 0-based, in the order given.
siap::Workbook book(std::vector<std::tuple<std::uint32_t, std::uint32_t, std::string>> cells, std::vector<std::string> names = {"Data"}) {
  siap::Workbook b;
  b.sheet_names = std::move(names);
  b.chosen = 0;
  for (const auto& [row, column, text] : cells) {
    b.sheet.cells.push_back({row, column, std::uint32_t(b.sheet.text.size()), std::uint32_t(text.size())});
    b.sheet.text += text;
  }
  return b;
}

std::string joined(const std::vector<std::string_view>& fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) out += (i ? "|" : "") + std::string(fields[i]);
  return out;
}

}  // namespace

TEST_CASE("sheet rows: lines as the spreadsheet numbers them, gaps as empty fields, short rows padded to the header", "[input][workbook]") {
  // Row 1 (index 0) empty; header on row 2; a data row on 3 with B empty; row 4 empty; row 5 ends early.
  auto source =
      siap::make_sheet_row_source(book({{1, 0, "id"}, {1, 1, "wilayah"}, {1, 2, "q1"}, {2, 0, "R1"}, {2, 2, "4"}, {4, 0, "R2"}}), "s.xlsx", {});
  std::vector<std::string_view> fields;
  REQUIRE(source->next(fields));
  CHECK(source->line() == 2);
  CHECK(joined(fields) == "id|wilayah|q1");
  CHECK(source->next_line() == 3);
  REQUIRE(source->next(fields));
  CHECK(source->line() == 3);
  CHECK(joined(fields) == "R1||4");
  CHECK(source->next_line() == 5);  // row 4 holds nothing: not a row
  REQUIRE(source->next(fields));
  CHECK(source->line() == 5);
  CHECK(joined(fields) == "R2||");  // padded to the header's width: empty answers, not too few fields
  CHECK_FALSE(source->next(fields));
  CHECK_FALSE(source->error().has_value());
  CHECK(source->notes().empty());  // one sheet: nothing to say
}

TEST_CASE("sheet rows: two cells at one address are an error naming it, other sheets are noted", "[input][workbook]") {
  auto source = siap::make_sheet_row_source(book({{0, 0, "a"}, {0, 1, "b"}, {1, 1, "x"}, {1, 1, "y"}}, {"Data", "Kode", "Catatan"}), "s.xlsx", {});
  std::vector<std::string_view> fields;
  REQUIRE(source->next(fields));
  CHECK_FALSE(source->next(fields));
  REQUIRE(source->error().has_value());
  CHECK(source->error()->render(siap::Lang::en) == "s.xlsx:2:2: two cells at the same address in the sheet");
  REQUIRE(source->notes().size() == 1);
  CHECK(source->notes()[0].en == "read sheet 1 'Data'; other sheets not read: 'Kode', 'Catatan' (choose with --sheet)");
}
