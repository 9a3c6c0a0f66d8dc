#include "siap/edit_distance.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>

#include "siap/limits.hpp"

namespace siap {

int edit_distance(std::string_view a, std::string_view b, int max_distance) {
  // Optimal string alignment: Levenshtein plus adjacent transpositions, so
  // "wieght" is one edit from "weight", as a typist would count it.
  const int size_gap = std::abs(int(a.size()) - int(b.size()));
  // The length difference alone needs that many insertions or deletions.
  if (max_distance > 0 && size_gap > max_distance) return max_distance + 1;
  // ASCII only, without the C library's locale lookup per character.
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c + ('a' - 'A')) : c; };
  // Three rows; on the stack for the short words suggestions compare.
  constexpr std::size_t kStackRow = 128;
  std::array<int, 3 * kStackRow> stack_rows;
  std::vector<int> heap_rows;
  int* rows = stack_rows.data();
  const std::size_t row = b.size() + 1;
  if (row > kStackRow) {
    heap_rows.resize(3 * row);
    rows = heap_rows.data();
  }
  int* before = rows;
  int* previous = rows + row;
  int* current = rows + 2 * row;
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = int(j);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = int(i);
    int best = current[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      int cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
      current[j] = std::min({current[j - 1] + 1, previous[j] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) && lower(a[i - 2]) == lower(b[j - 1])) {
        current[j] = std::min(current[j], before[j - 2] + 1);
      }
      best = std::min(best, current[j]);
    }
    if (max_distance > 0 && best > max_distance) return max_distance + 1;
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[b.size()];
}

int suggestion_distance(std::string_view word, int divisor, int floor) {
  return std::min(limits::kMaxSuggestionDistance, std::max(floor, int(word.size()) / divisor));
}

std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  if (word.size() > limits::kMaxSuggestionLength) return std::nullopt;
  int limit = suggestion_distance(word, 3, 1);
  std::optional<std::string> best;
  int best_distance = limit + 1;
  for (const auto& candidate : candidates) {
    int d = edit_distance(word, candidate, best_distance - 1 > 0 ? best_distance - 1 : limit);
    if (d < best_distance) {
      best_distance = d;
      best = candidate;
      if (d == 0) break;
    }
  }
  return best;
}

}  // namespace siap
