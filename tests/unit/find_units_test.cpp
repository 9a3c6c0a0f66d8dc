#include <catch2/catch.hpp>

#include "unit/report_fixture.hpp"

TEST_CASE("units by Kemendagri code or by name in any case, an unknown one names the closest", "[units][find]") {
  auto f = report_fixture::make();
  const auto& a = f.assessment;
  auto found = siap::find_units(a, {"32.05", "kota bandung"});
  REQUIRE(found.has_value());
  REQUIRE(found->size() == 2);
  CHECK(a.data->units[std::size_t((*found)[0])].name == "Kabupaten Garut");
  CHECK(a.data->units[std::size_t((*found)[1])].name == "Kota Bandung");
  auto missing = siap::find_units(a, {"Kota Bandungg"});
  REQUIRE_FALSE(missing.has_value());
  CHECK(missing.errors()[0].message.in(siap::Lang::en) == "unit 'Kota Bandungg' is not in the data; did you mean 'Kota Bandung'?");
}
