#include "siap/edit_distance.hpp"

#include <catch2/catch.hpp>

#include "siap/limits.hpp"

using siap::closest_match;
using siap::edit_distance;

TEST_CASE("edit_distance counts insertions, deletions, substitutions and transpositions", "[edit_distance]") {
  CHECK(edit_distance("", "") == 0);
  CHECK(edit_distance("weight", "weight") == 0);
  CHECK(edit_distance("wieght", "weight") == 1);  // one transposition
  CHECK(edit_distance("weigth", "weight") == 1);
  CHECK(edit_distance("ca", "abc") == 3);  // optimal string alignment, not full Damerau
  CHECK(edit_distance("weigt", "weight") == 1);
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("Weight", "weight") == 0);  // case-insensitive
}

TEST_CASE("edit_distance stops early past the limit", "[edit_distance]") { CHECK(edit_distance("abcdefgh", "zzzzzzzz", 2) == 3); }

TEST_CASE("closest_match suggests only plausible typos", "[edit_distance]") {
  std::vector<std::string> keys{"id", "name", "weight", "children", "scale"};
  CHECK(closest_match("wieght", keys) == std::optional<std::string>("weight"));
  CHECK(closest_match("childern", keys) == std::optional<std::string>("children"));
  CHECK(closest_match("scael", keys) == std::optional<std::string>("scale"));
  CHECK_FALSE(closest_match("colour", keys).has_value());
  CHECK_FALSE(closest_match("x", std::vector<std::string>{}).has_value());
}

TEST_CASE("edit_distance answers at once when the lengths alone exceed the limit", "[edit_distance]") {
  // Found by fuzzing: a 1 MB cell was compared in full with every region name.
  std::string huge(1u << 20, 'a');
  CHECK(edit_distance(huge, "bandung", 8) == 9);
  CHECK(edit_distance("bandung", huge, 8) == 9);
  CHECK(edit_distance("abc", "abcdefgh", 4) == 5);
  CHECK(edit_distance("abc", "abcdefgh", 5) == 5);
}

TEST_CASE("closest_match gives no suggestion for a word too long to be a typo, and a bounded distance", "[edit_distance]") {
  std::string long_word(siap::limits::kMaxSuggestionLength + 1, 'x');
  CHECK_FALSE(closest_match(long_word, std::vector<std::string>{long_word}).has_value());
  std::string at_limit(siap::limits::kMaxSuggestionLength, 'x');
  CHECK(closest_match(at_limit, std::vector<std::string>{at_limit}) == std::optional<std::string>(at_limit));
  // 60 characters would allow 20 edits at a third of the length; the cap is 8.
  std::string base(60, 'k');
  std::string nine_off = base;
  for (int i = 0; i < 9; ++i) nine_off[std::size_t(i * 6)] = 'z';
  std::string eight_off = base;
  for (int i = 0; i < 8; ++i) eight_off[std::size_t(i * 6)] = 'z';
  CHECK_FALSE(closest_match(nine_off, std::vector<std::string>{base}).has_value());
  CHECK(closest_match(eight_off, std::vector<std::string>{base}) == std::optional<std::string>(base));
  CHECK(siap::suggestion_distance(base, 3, 1) == siap::limits::kMaxSuggestionDistance);
  // The closest of several wins, the first among equals.
  CHECK(closest_match("scal", std::vector<std::string>{"scales", "scale", "scalf"}) == std::optional<std::string>("scale"));
}
