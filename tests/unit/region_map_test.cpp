#include "siap/region_map.hpp"

#include <catch2/catch.hpp>
#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include "siap/regions.hpp"

namespace {

siap::Expected<siap::RegionMap> map_of(const std::string& text) {
  const std::string path = (std::filesystem::temp_directory_path() / ("siap-region-map-" + std::to_string(::getpid()) + ".csv")).string();
  std::FILE* f = std::fopen(path.c_str(), "wb");
  std::fputs(text.c_str(), f);
  std::fclose(f);
  auto map = siap::load_region_map(path);
  std::remove(path.c_str());
  return map;
}

std::string code_of(const siap::RegionMap& map, const char* text) {
  const int region = map.find(text);
  return region < 0 ? "" : siap::RegionTable::builtin().at(region).code;
}

}  // namespace

TEST_CASE("a region map: codes or names, texts matched ignoring case and spacing, repeats that agree, blank lines", "[regions]") {
  auto map = map_of("teks;wilayah;catatan\nKota Smg;33.74;x\n\nPurwokerto;Kabupaten Banyumas\nkota smg;33.74\n");
  REQUIRE(map.has_value());
  CHECK(map->regions.size() == 2);
  CHECK(code_of(*map, "KOTA  SMG") == "33.74");
  CHECK(code_of(*map, "Kota_Smg") == "33.74");
  CHECK(code_of(*map, "purwokerto") == "33.02");
  CHECK(code_of(*map, "Semarang").empty());
}

TEST_CASE("a region map with one column, or none of its rows usable, is an error at its first line", "[regions]") {
  auto narrow = map_of("teks\nKota Smg\n");
  REQUIRE_FALSE(narrow.has_value());
  CHECK(narrow.errors()[0].message.en == "a region map needs two columns: the text as typed, then the Kemendagri code or name of the region");
  CHECK(narrow.errors()[0].where.line == 1);
  auto undotted = map_of("teks,wilayah\nKota Smg,3374\n");
  REQUIRE_FALSE(undotted.has_value());
  CHECK(undotted.errors()[0].where.line == 2);
  CHECK(undotted.errors()[0].where.column == 2);
}
