#include "input/dataset_rows.hpp"

#include <catch2/catch.hpp>

namespace {

// A dataset of two coded items and one decimal slot; rows (unit, line, codes, decimal or none).
siap::Dataset make(std::vector<std::tuple<int, int, std::uint8_t, std::uint8_t, const char*>> rows) {
  siap::Dataset d;
  d.coded_items = 2;
  d.decimals.emplace_back();
  for (auto [unit, line, c1, c2, decimal] : rows) {
    std::uint8_t* codes = siap::dataset_rows::begin_row(d);
    codes[0] = c1;
    codes[1] = c2;
    if (decimal != nullptr) siap::dataset_rows::add_decimal(d, 0, *siap::Decimal::parse(decimal));
    siap::dataset_rows::accept_row(d, unit, -1, 0, line);
  }
  return d;
}

}  // namespace

TEST_CASE("rows read, taken back, appended with units renumbered, and dropped in order", "[loader][rows]") {
  auto d = make({{0, 2, 1, 2, "1.5"}, {1, 3, 3, 4, nullptr}});
  siap::dataset_rows::begin_row(d);  // a third row, rejected while read
  siap::dataset_rows::cancel_row(d);
  REQUIRE(d.rows == 2);
  CHECK(d.codes.size() == 4);

  auto later = make({{0, 1, 5, 5, "2.5"}, {1, 2, 4, 4, "3"}});  // a later part: its unit 0 is our unit 1, lines from 1
  siap::dataset_rows::append(d, later, {1, 0}, 10);
  REQUIRE(d.rows == 4);
  CHECK(std::vector<int>(d.row_unit.begin(), d.row_unit.end()) == std::vector<int>{0, 1, 1, 0});
  CHECK(std::vector<std::uint32_t>(d.row_line.begin(), d.row_line.end()) == std::vector<std::uint32_t>{2, 3, 11, 12});
  CHECK(d.code(2, 0) == 5);
  REQUIRE(d.decimals[0].size() == 3);
  CHECK(d.decimals[0][1].row == 2);  // renumbered after our two rows
  CHECK(d.decimals[0][2].value().to_string() == "3");

  siap::dataset_rows::drop(d, {false, true, false, false});  // the second row goes
  REQUIRE(d.rows == 3);
  CHECK(std::vector<std::uint32_t>(d.row_line.begin(), d.row_line.end()) == std::vector<std::uint32_t>{2, 11, 12});
  CHECK(d.code(1, 0) == 5);
  CHECK(d.code(2, 1) == 4);
  REQUIRE(d.decimals[0].size() == 3);
  CHECK(d.decimals[0][1].row == 1);
  CHECK(d.decimals[0][2].row == 2);
}
