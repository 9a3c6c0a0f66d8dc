// RowsByUnit (src/scoring/rows_by_unit.hpp): every accepted row under its
// unit, in input order, and units without rows empty.
#include <catch2/catch.hpp>

#include <vector>

#include "scoring/rows_by_unit.hpp"

TEST_CASE("rows grouped by unit keep their input order, a unit with no rows has none", "[scoring]") {
  siap::Dataset data;
  data.units.resize(4);
  for (int u : {2, 0, 2, 3, 0, 2}) data.row_unit.push_back(u);
  data.rows = data.row_unit.size();
  const siap::RowsByUnit rows(data);
  auto of = [&](std::size_t u) {
    const auto span = rows.of(u);
    return std::vector<std::uint32_t>(span.begin(), span.end());
  };
  CHECK(of(0) == std::vector<std::uint32_t>{1, 4});
  CHECK(of(1).empty());
  CHECK(of(2) == std::vector<std::uint32_t>{0, 2, 5});
  CHECK(of(3) == std::vector<std::uint32_t>{3});
}

TEST_CASE("a dataset without rows gives every unit none", "[scoring]") {
  siap::Dataset data;
  data.units.resize(2);
  const siap::RowsByUnit rows(data);
  CHECK(rows.of(0).empty());
  CHECK(rows.of(1).empty());
}
