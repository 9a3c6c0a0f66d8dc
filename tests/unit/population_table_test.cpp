#include <catch2/catch.hpp>

#include <fstream>

#include "siap/regions.hpp"
#include "siap/rollup.hpp"

TEST_CASE("the bundled population: every province and kabupaten/kota, each province the sum of its own", "[rollup][population]") {
  const siap::PopulationTable& table = siap::PopulationTable::builtin();
  const siap::RegionTable& regions = siap::RegionTable::builtin();
  double national = 0;
  std::vector<double> by_province(regions.regions().size(), 0);
  for (const siap::Region& region : regions.regions()) {
    CAPTURE(region.code);
    auto n = table.find(region.code);
    REQUIRE(n);
    if (region.type != siap::RegionType::provinsi) {
      national += *n;
      by_province[std::size_t(region.province)] += *n;
    }
  }
  for (std::size_t p = 0; p < regions.regions().size(); ++p) {
    if (regions.regions()[p].type == siap::RegionType::provinsi) CHECK(by_province[p] == *table.find(regions.regions()[p].code));
  }
  CHECK(national == 284973643.0);  // data/regions/README.md
  CHECK(*table.find("32.73") == 2591763.0);
  CHECK_FALSE(table.find("99.99"));
  CHECK(table.source().en.find("not BPS projections") != std::string::npos);
}
