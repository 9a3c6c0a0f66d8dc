#include "siap/instrument.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace siap {

void for_each_respondent(const Framework& fw, const Dataset& data, int profile,
                         const std::function<void(std::size_t row, std::span<const NodeValue> nodes)>& visit) {
  const ScoringKernel kernel(fw, data, profile);
  std::vector<NodeValue> nodes(fw.nodes.size()), facets(kernel.facet_values());
  for (std::size_t r = 0; r < data.rows; ++r) {
    std::fill(nodes.begin(), nodes.end(), NodeValue{});
    std::fill(facets.begin(), facets.end(), NodeValue{});
    const std::uint32_t row = std::uint32_t(r);
    kernel.evaluate(std::span<const std::uint32_t>(&row, 1), nodes, facets);
    visit(r, nodes);
  }
}

ItemMatrix respondent_scores(const Framework& fw, const Dataset& data, int profile) {
  ItemMatrix m;
  m.items = fw.leaves.size();
  m.values.assign(data.rows * m.items, std::numeric_limits<double>::quiet_NaN());
  for_each_respondent(fw, data, profile, [&](std::size_t r, std::span<const NodeValue> nodes) {
    for (std::size_t i = 0; i < m.items; ++i) {
      const NodeValue& v = nodes[std::size_t(fw.leaves[i])];
      if (v.assessed) m.values[r * m.items + i] = double(v.exact.value());
    }
  });
  return m;
}

InstrumentAnalysis analyse_instrument(const Framework& fw, const Dataset& data, const ReliabilityOptions& options) {
  InstrumentAnalysis out;
  out.options = options;
  out.respondents = data.rows;
  const ItemMatrix all = respondent_scores(fw, data);
  auto analyse = [&](std::string id, LocalizedText name, std::vector<int> leaves) {
    ItemMatrix m;
    m.items = leaves.size();
    m.values.reserve(all.respondents() * m.items);
    std::vector<std::size_t> columns;
    for (int leaf : leaves) columns.push_back(std::size_t(std::find(fw.leaves.begin(), fw.leaves.end(), leaf) - fw.leaves.begin()));
    for (std::size_t r = 0; r < all.respondents(); ++r) {
      for (std::size_t c : columns) m.values.push_back(all.at(r, c));
    }
    out.scales.push_back({std::move(id), std::move(name), std::move(leaves), analyse_reliability(m, options)});
  };
  analyse("", {"Seluruh instrumen", "Whole instrument"}, fw.leaves);
  for (std::size_t n = 1; n < fw.nodes.size(); ++n) {
    const Node& node = fw.nodes[n];
    if (node.is_leaf()) continue;
    std::vector<int> leaves;
    for (int leaf : fw.leaves) {
      for (int up = fw.nodes[std::size_t(leaf)].parent; up > 0; up = fw.nodes[std::size_t(up)].parent) {
        if (up == int(n)) {
          leaves.push_back(leaf);
          break;
        }
      }
    }
    if (leaves.size() >= 2) analyse(node.id, node.name, std::move(leaves));
  }
  for (std::size_t f = 0; f < fw.facets.size(); ++f) {
    const Facet& facet = fw.facets[f];
    for (std::size_t v = 0; v < facet.values.size(); ++v) {
      std::vector<int> leaves;
      for (int leaf : fw.leaves) {
        // Tagged with this value or one below it.
        auto it = fw.nodes[std::size_t(leaf)].facet_values.find(int(f));
        if (it == fw.nodes[std::size_t(leaf)].facet_values.end()) continue;
        for (int up = it->second; up >= 0; up = facet.values[std::size_t(up)].parent) {
          if (up == int(v)) {
            leaves.push_back(leaf);
            break;
          }
        }
      }
      if (leaves.size() >= 2) analyse(facet.id + ":" + facet.values[v].id, facet.values[v].name, std::move(leaves));
    }
  }
  return out;
}

}  // namespace siap
