#include "siap/edit_distance.hpp"

#include <algorithm>
#include <cctype>

namespace siap {

int edit_distance(std::string_view a, std::string_view b, int max_distance) {
  auto lower = [](char c) { return char(std::tolower(static_cast<unsigned char>(c))); };
  // One row of the dynamic-programming table.
  std::vector<int> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = int(j);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    int diagonal = row[0];
    row[0] = int(i);
    int best = row[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      int above = row[j];
      int cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
      row[j] = std::min({row[j - 1] + 1, above + 1, diagonal + cost});
      diagonal = above;
      best = std::min(best, row[j]);
    }
    if (max_distance > 0 && best > max_distance) return max_distance + 1;
  }
  return row[b.size()];
}

std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  int limit = std::max(1, int(word.size()) / 3);
  std::optional<std::string> best;
  int best_distance = limit + 1;
  for (const auto& candidate : candidates) {
    int d = edit_distance(word, candidate, limit);
    if (d < best_distance) {
      best_distance = d;
      best = candidate;
    }
  }
  return best;
}

}  // namespace siap
