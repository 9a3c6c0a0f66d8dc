#include <catch2/catch.hpp>

#include "siap/assessment.hpp"

TEST_CASE("a score block's slices start as unassessed scores, small or mapped on huge pages", "[scoring][block]") {
  for (std::size_t count : {std::size_t(10), std::size_t(100'000)}) {  // 640 bytes, and 6.4 MB (mapped)
    siap::ScoreBlock block(count);
    CHECK(block.size() == count);
    auto first = block.slice(0, 3);
    auto last = block.slice(count - 2, 2);
    for (const auto& s : {first[0], first[2], last[1]}) {
      CHECK_FALSE(s.assessed);
      CHECK(s.exact == siap::Number::of(0));
      CHECK(s.exact.is_exact());
      CHECK(s.bands.empty());
      CHECK(s.coverage().is_zero());
    }
    last[1].exact = siap::Number::ratio(7, 3);  // writable where it lies
    CHECK(last[1].exact.to_string() != "0");
  }
  siap::ScoreBlock moved = siap::ScoreBlock(4);
  CHECK(moved.size() == 4);
}
