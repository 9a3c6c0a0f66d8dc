#include "siap/effective_weights.hpp"

namespace siap {

EffectiveWeights effective_weights(const Framework& fw, int profile) {
  EffectiveWeights out;
  out.weight.reserve(fw.nodes.size());
  for (const auto& node : fw.nodes) out.weight.push_back(node.weight);
  if (profile >= 0) {
    for (const auto& [node, weight] : fw.profiles[std::size_t(profile)].weights) out.weight[std::size_t(node)] = weight;
  }
  out.share.assign(fw.nodes.size(), 0.0);
  if (fw.nodes.empty()) return out;
  out.share[0] = 1.0;
  // Pre-order: a parent's share is known before its children's.
  for (std::size_t i = 0; i < fw.nodes.size(); ++i) {
    const Node& node = fw.nodes[i];
    if (node.children.empty()) continue;
    // Sum in double: sibling sums are small, and shares are for display and
    // facet weighting; exact index arithmetic uses the Decimal weights.
    double total = 0;
    for (int child : node.children) total += out.weight[std::size_t(child)].to_double();
    for (int child : node.children) {
      out.share[std::size_t(child)] = out.share[i] * out.weight[std::size_t(child)].to_double() / total;
    }
  }
  return out;
}

}  // namespace siap
