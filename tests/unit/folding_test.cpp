#include "siap/folding.hpp"

#include <catch2/catch.hpp>

TEST_CASE("headers fold alike whatever their case, spaces, '_' and '-'", "[folding]") {
  CHECK(siap::fold_header("Kabupaten_Kota") == "kabupatenkota");
  CHECK(siap::fold_header(" kabupaten-kota\t") == "kabupatenkota");
  CHECK(siap::fold_header("Tata Kelola/Q1") == "tatakelola/q1");
  CHECK(siap::fold_header("ÉTAT") == "\xC3\x89tat");  // only ASCII letters change; UTF-8 bytes stay
  CHECK(siap::ascii_lower("Sangat Setuju") == "sangat setuju");
  CHECK(siap::ascii_lower("A_B-C") == "a_b-c");
}
