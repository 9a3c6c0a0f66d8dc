// Standard competition ranking (1, 2, 2, 4) of scores within groups: the
// scorer's ranks overall, within a type and within a province.
#pragma once

#include <span>
#include <vector>

#include "siap/decimal.hpp"

namespace siap {

enum class RankMethod {
  automatic,  // counting where the scores allow it, else sorting
  sort,       // sorting keys, always
};

// The rank of each item within its group: 1 + the number of items of the
// same group with a higher score. Items of group -1 are not ranked (0).
// Published scores are decimals of one scale in a narrow range (1-5 at two
// decimals takes 401 values): they are ranked by counting, in linear time,
// instead of by sorting the keys (a third of a 238,000-unit sheet's ranking
// time). Other scores are sorted.
std::vector<int> competition_ranks(std::span<const int> group_of, std::span<const Decimal> scores, RankMethod method = RankMethod::automatic);

}  // namespace siap
