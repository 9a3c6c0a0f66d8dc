#include <catch2/catch.hpp>

#include <stdexcept>

#include "siap/assessment.hpp"

TEST_CASE("a score block's slices start as unassessed scores with exact 0, small or mapped on huge pages", "[scoring][block]") {
  for (std::size_t count : {std::size_t(10), std::size_t(100'000)}) {  // 320 bytes, and 3.2 MB (mapped)
    siap::ScoreBlock block(count);
    CHECK(block.size() == count);
    CHECK(block.keeps_exact());
    auto first = block.slice(0, 3);
    auto last = block.slice(count - 2, 2);
    for (const siap::NodeScore* s : {&first[0], &first[2], &last[1]}) {
      CHECK_FALSE(s->assessed);
      CHECK(block.exact(*s) == siap::Number::of(0));
      CHECK(block.exact(*s).is_exact());
      CHECK(s->bands.empty());
      CHECK(s->coverage().is_zero());
    }
    block.exact(last[1]) = siap::Number::ratio(7, 3);  // writable, beside its score
    CHECK(block.exact(last[1]).to_string() != "0");
    CHECK(block.exact(last[0]).to_string() == "0");  // and no other
    // A score that is not the block's has no exact value here: an error, never another's.
    siap::NodeScore elsewhere;
    CHECK_THROWS_AS(block.exact(elsewhere), std::logic_error);
  }
  siap::ScoreBlock moved = siap::ScoreBlock(4);
  CHECK(moved.size() == 4);
}

TEST_CASE("a score block without exact values says so when one is asked for", "[scoring][block]") {
  siap::ScoreBlock block(6, false);
  CHECK_FALSE(block.keeps_exact());
  auto scores = block.slice(0, 6);
  CHECK_FALSE(scores[5].assessed);
  CHECK_THROWS_AS(block.exact(scores[0]), std::logic_error);
}

TEST_CASE("a node score is 32 bytes: a national unit sheet keeps millions", "[scoring][block]") { STATIC_REQUIRE(sizeof(siap::NodeScore) <= 32); }
