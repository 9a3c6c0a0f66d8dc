// A node score's derived and compacted parts: the coverage kept to the 4
// decimals reports show, the percent computed from the published value.
#include <stdexcept>

#include "siap/assessment.hpp"

namespace siap {

void NodeScore::set_coverage(const Number& share) {
  if (share.is_one()) {  // nearly every node of a complete unit: no rounding needed
    coverage_e4_ = 10'000;
    return;
  }
  const Decimal rounded = share.round_half_up(4);
  // A share of weights is in [0, 1]; anything else is a scoring bug.
  if (rounded.is_negative() || rounded.mantissa() > 10'000) throw std::logic_error("coverage " + share.to_string() + " is not a share");
  coverage_e4_ = std::uint16_t(rounded.mantissa());
}

std::optional<Decimal> NodeScore::percent(const ScoreSpec& score) const {
  if (!score.percent || !assessed) return std::nullopt;
  const Number pct = (Number::of(published) - Number::of(score.min)) * Number::of(100) / (Number::of(score.max) - Number::of(score.min));
  return pct.round_half_up(score.decimals);
}

}  // namespace siap
