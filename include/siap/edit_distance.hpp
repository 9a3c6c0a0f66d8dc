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

// The candidate closest to `word`, if any is close enough to be a plausible
// typo: distance at most max(1, word.size() / 3).
std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace siap
