// Competition ranks against their definition: 1 + the number of items of
// the same group with a higher score, counted pair by pair.
#include "scoring/competition_ranks.hpp"

#include <catch2/catch.hpp>
#include <limits>
#include <random>

namespace {

using siap::Decimal;
using siap::RankMethod;

std::vector<int> by_definition(const std::vector<int>& groups, const std::vector<Decimal>& scores) {
  std::vector<int> ranks(scores.size(), 0);
  for (std::size_t i = 0; i < scores.size(); ++i) {
    if (groups[i] < 0) continue;
    ranks[i] = 1;
    for (std::size_t j = 0; j < scores.size(); ++j) ranks[i] += groups[j] == groups[i] && scores[i] < scores[j];
  }
  return ranks;
}

Decimal d(const char* text) { return Decimal::parse(text).value(); }

}  // namespace

TEST_CASE("competition ranks: ties share a rank, the next rank skips, groups apart", "[ranks]") {
  const std::vector<int> groups{0, 0, 0, 1, 1, -1, 0};
  const std::vector<Decimal> scores{d("4.00"), d("3.00"), d("3.00"), d("2.50"), d("2.50"), d("5.00"), d("2.00")};
  const std::vector<int> expected{1, 2, 2, 1, 1, 0, 4};  // worked by hand
  CHECK(siap::competition_ranks(groups, scores) == expected);
  CHECK(siap::competition_ranks(groups, scores, RankMethod::sort) == expected);
  CHECK(siap::competition_ranks(std::vector<int>{-1, -1}, std::vector<Decimal>{d("1"), d("2")}) == std::vector<int>{0, 0});
  CHECK(siap::competition_ranks(std::vector<int>{}, std::vector<Decimal>{}).empty());
}

TEST_CASE("competition ranks by counting and by sorting agree with the definition", "[ranks]") {
  std::mt19937_64 random(20261203);
  for (int round = 0; round < 20; ++round) {
    const std::size_t n = 1 + random() % 2000;
    std::vector<int> groups(n);
    std::vector<Decimal> scores(n);
    for (std::size_t i = 0; i < n; ++i) {
      groups[i] = int(random() % 7) - 1;  // -1..5
      switch (round % 4) {
        case 0:  // a two-decimal index on 1-5: counted
          scores[i] = Decimal::from_scaled(100 + std::int64_t(random() % 401), 2);
          break;
        case 1:  // a few values, many ties
          scores[i] = Decimal::from_scaled(std::int64_t(random() % 4), 0);
          break;
        case 2:  // mixed scales, equal values among them (3.5 and 3.50): sorted
          scores[i] =
              random() % 2 ? Decimal::from_scaled(30 + std::int64_t(random() % 10), 1) : Decimal::from_scaled(300 + std::int64_t(random() % 100), 2);
          break;
        default:  // a range far wider than the items: sorted
          scores[i] = Decimal::from_scaled(std::int64_t(random() % 2) ? std::numeric_limits<std::int64_t>::max() - std::int64_t(random() % 3)
                                                                      : std::numeric_limits<std::int64_t>::min() + std::int64_t(random() % 3),
                                           2);
          break;
      }
    }
    const std::vector<int> truth = by_definition(groups, scores);
    INFO("round " << round << ", " << n << " items");
    CHECK(siap::competition_ranks(groups, scores) == truth);
    CHECK(siap::competition_ranks(groups, scores, RankMethod::sort) == truth);
  }
}
