#include "scoring/competition_ranks.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <stdexcept>

namespace siap {
namespace {

std::vector<int> by_sorting(std::span<const int> group_of, std::span<const Decimal> scores) {
  struct Key {
    int group;
    std::uint32_t index;
    Decimal score;
  };
  std::vector<Key> keys;
  keys.reserve(scores.size());
  for (std::size_t i = 0; i < scores.size(); ++i) {
    if (group_of[i] >= 0) keys.push_back({group_of[i], std::uint32_t(i), scores[i]});
  }
  std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) { return a.group != b.group ? a.group < b.group : a.score > b.score; });
  std::vector<int> ranks(scores.size(), 0);
  std::size_t group_start = 0;  // where the current group begins in `keys`
  for (std::size_t k = 0; k < keys.size(); ++k) {
    int& out = ranks[keys[k].index];
    if (k == 0 || keys[k - 1].group != keys[k].group) {
      group_start = k;
      out = 1;
    } else if (keys[k - 1].score == keys[k].score) {
      out = ranks[keys[k - 1].index];
    } else {
      out = int(k - group_start + 1);  // position within the group, 1-based
    }
  }
  return ranks;
}

}  // namespace

std::vector<int> competition_ranks(std::span<const int> group_of, std::span<const Decimal> scores, RankMethod method) {
  if (group_of.size() != scores.size()) throw std::logic_error("competition_ranks: one group per score");
  if (scores.size() > std::size_t(std::numeric_limits<int>::max())) throw std::length_error("competition_ranks: too many scores");
  // Counting needs one scale and a table of groups x values no larger than
  // a few times the items.
  int groups = 0, scale = -1;
  std::int64_t low = 0, high = 0;
  bool one_scale = true;
  for (std::size_t i = 0; i < scores.size(); ++i) {
    if (group_of[i] < 0) continue;
    const std::int64_t m = scores[i].mantissa();
    if (scale < 0) {
      scale = scores[i].scale();
      low = high = m;
    }
    one_scale = one_scale && scores[i].scale() == scale;
    low = std::min(low, m);
    high = std::max(high, m);
    groups = std::max(groups, group_of[i] + 1);
  }
  if (scale < 0) return std::vector<int>(scores.size(), 0);
  const std::size_t limit = 4 * scores.size() + 65'536;
  const auto span = static_cast<std::uint64_t>(high) - static_cast<std::uint64_t>(low);  // no overflow: as unsigned
  if (method == RankMethod::sort || !one_scale || span >= limit || (span + 1) * std::uint64_t(groups) > limit) return by_sorting(group_of, scores);

  // count[g * values + v]: items of group g whose score is low + v; then,
  // from the highest score down, the rank of each (group, score).
  const std::size_t values = std::size_t(span) + 1;
  std::vector<int> count(std::size_t(groups) * values, 0);
  for (std::size_t i = 0; i < scores.size(); ++i) {
    if (group_of[i] >= 0) ++count[std::size_t(group_of[i]) * values + std::size_t(scores[i].mantissa() - low)];
  }
  for (std::size_t g = 0; g < std::size_t(groups); ++g) {
    int higher = 0;  // items of group g above the current score
    for (std::size_t v = values; v-- > 0;) {
      int& c = count[g * values + v];
      const int here = c;
      c = higher + 1;
      higher += here;
    }
  }
  std::vector<int> ranks(scores.size(), 0);
  for (std::size_t i = 0; i < scores.size(); ++i) {
    if (group_of[i] >= 0) ranks[i] = count[std::size_t(group_of[i]) * values + std::size_t(scores[i].mantissa() - low)];
  }
  return ranks;
}

}  // namespace siap
