// "Did you mean" suggestions, as ninja does for unknown targets.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace siap {

// Edit distance counting insertions, deletions, substitutions and adjacent
// transpositions (optimal string alignment), ASCII case-insensitive. Stops early and returns
// max_distance + 1 once the distance must exceed max_distance (0 = no limit).
int edit_distance(std::string_view a, std::string_view b, int max_distance = 0);

// Returns max_distance + 1 at once when the lengths alone differ by more.

// How far a suggestion may be from `word`: word.size() / divisor, at least
// `floor`, at most limits::kMaxSuggestionDistance.
int suggestion_distance(std::string_view word, int divisor, int floor);

// The candidate closest to `word`, if any is close enough to be a plausible
// typo: distance at most suggestion_distance(word, 3, 1). A word longer than
// limits::kMaxSuggestionLength gets none, so the cost is linear in the input.
std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace siap
