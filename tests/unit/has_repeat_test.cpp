#include "util/has_repeat.hpp"

#include <catch2/catch.hpp>
#include <cstdint>
#include <limits>
#include <random>
#include <set>
#include <vector>

using siap::has_repeat;

namespace {

// The plain answer: a set of the values seen.
bool repeats_by_set(const std::vector<std::uint64_t>& values) {
  std::set<std::uint64_t> seen;
  for (std::uint64_t v : values) {
    if (!seen.insert(v).second) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("has_repeat on small lists", "[has-repeat]") {
  CHECK_FALSE(has_repeat({}));
  CHECK_FALSE(has_repeat({0}));
  CHECK(has_repeat({0, 0}));
  CHECK_FALSE(has_repeat({0, std::numeric_limits<std::uint64_t>::max()}));
  CHECK(has_repeat({5, 1, 9, 1}));
  CHECK_FALSE(has_repeat({5, 1, 9, 2}));
}

TEST_CASE("has_repeat agrees with a set on lists of every size, above and below the bucketed path", "[has-repeat]") {
  std::mt19937_64 rng(20261205);
  for (std::size_t n : {2u, 63u, 64u, 65u, 1000u, 70'000u, 300'000u}) {
    std::vector<std::uint64_t> values(n);
    for (auto& v : values) v = rng();
    INFO("n = " << n);
    CHECK_FALSE(has_repeat(values));
    CHECK(has_repeat(values) == repeats_by_set(values));
    // One repeat, placed first and last: the two copies are as far apart as they can be.
    auto with_ends = values;
    with_ends.back() = with_ends.front();
    CHECK(has_repeat(with_ends));
    // A repeat in the middle of the list.
    auto with_middle = values;
    with_middle[n / 2] = with_middle[n / 3];
    CHECK(has_repeat(with_middle) == (n / 2 != n / 3));
  }
}

TEST_CASE("has_repeat is not misled by values that share their top bits", "[has-repeat]") {
  // Every value in one bucket of the counting sort, differing only in the
  // low bits: the bucket's own sort must tell them apart.
  std::vector<std::uint64_t> values;
  for (std::uint64_t i = 0; i < 5000; ++i) values.push_back((std::uint64_t(0xABCD) << 48) | (i * 7919));
  CHECK_FALSE(has_repeat(values));
  values.push_back(std::uint64_t(0xABCD) << 48);  // i = 0 again
  CHECK(has_repeat(values));
  // Values spread over the top bits but equal low bits are all distinct.
  std::vector<std::uint64_t> spread;
  for (std::uint64_t i = 0; i < 5000; ++i) spread.push_back((i << 50) | 42);
  CHECK_FALSE(has_repeat(spread));
}
