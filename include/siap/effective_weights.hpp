// Sibling weights under a weight profile, and each node's effective share of
// the overall index (the product of its and its ancestors' shares among their
// siblings). Leaf shares sum to 1.
#pragma once

#include <vector>

#include "siap/decimal.hpp"
#include "siap/framework.hpp"

namespace siap {

struct EffectiveWeights {
  std::vector<Decimal> weight;  // per node: the profile's weight or the tree's
  std::vector<double> share;    // per node: share of the overall index; root = 1
};

// `profile` is an index into fw.profiles, or -1 for the tree's own weights.
EffectiveWeights effective_weights(const Framework& fw, int profile = -1);

}  // namespace siap
