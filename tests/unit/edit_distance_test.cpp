#include "siap/edit_distance.hpp"

#include <catch2/catch.hpp>

using siap::closest_match;
using siap::edit_distance;

TEST_CASE("edit_distance counts insertions, deletions, substitutions and transpositions", "[edit_distance]") {
  CHECK(edit_distance("", "") == 0);
  CHECK(edit_distance("weight", "weight") == 0);
  CHECK(edit_distance("wieght", "weight") == 1);  // one transposition
  CHECK(edit_distance("weigth", "weight") == 1);
  CHECK(edit_distance("ca", "abc") == 3);         // optimal string alignment, not full Damerau
  CHECK(edit_distance("weigt", "weight") == 1);
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("Weight", "weight") == 0);  // case-insensitive
}

TEST_CASE("edit_distance stops early past the limit", "[edit_distance]") {
  CHECK(edit_distance("abcdefgh", "zzzzzzzz", 2) == 3);
}

TEST_CASE("closest_match suggests only plausible typos", "[edit_distance]") {
  std::vector<std::string> keys{"id", "name", "weight", "children", "scale"};
  CHECK(closest_match("wieght", keys) == std::optional<std::string>("weight"));
  CHECK(closest_match("childern", keys) == std::optional<std::string>("children"));
  CHECK(closest_match("scael", keys) == std::optional<std::string>("scale"));
  CHECK_FALSE(closest_match("colour", keys).has_value());
  CHECK_FALSE(closest_match("x", std::vector<std::string>{}).has_value());
}
