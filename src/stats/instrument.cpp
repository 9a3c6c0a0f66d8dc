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
  const ScoringKernel kernel(fw, data, profile);
  if (kernel.sums_suffice()) {
    // Coded answers only: one respondent's leaf value is its answer's
    // score, as the kernel computes it (the integer score over the item's
    // denominator, divided in long double), looked up per code instead of
    // rolling the whole tree up once per respondent; the matrix keeps the
    // codes and the values per code.
    std::vector<std::size_t> column_of(fw.nodes.size(), std::size_t(-1));
    for (std::size_t i = 0; i < fw.leaves.size(); ++i) column_of[std::size_t(fw.leaves[i])] = i;
    std::vector<std::size_t> code_column(m.items, std::size_t(-1));  // per matrix column: its column in data.codes
    m.code_values.assign(m.items * ItemMatrix::kCodes, std::numeric_limits<double>::quiet_NaN());
    std::size_t coded = 0;
    for (std::size_t item = 0; item < data.items.size(); ++item) {
      const ItemColumn& column = data.items[item];
      if (!column.coded) continue;
      const std::size_t code_index = coded++;
      const std::size_t at = column_of[std::size_t(column.node)];
      if (at == std::size_t(-1)) continue;
      code_column[at] = code_index;
      for (std::size_t code = 1; code <= column.scores.size() && code < ItemMatrix::kCodes; ++code) {
        m.code_values[at * ItemMatrix::kCodes + code] =
            double(static_cast<long double>(kernel.integer_score(item, int(code))) / static_cast<long double>(kernel.score_denominator(item)));
      }
    }
    // Row by row: the matrix is row-major. A leaf without a column (no
    // answers in the input) keeps code 0, no answer.
    m.codes.assign(data.rows * m.items, 0);
    for (std::size_t r = 0; r < data.rows; ++r) {
      std::uint8_t* out = m.codes.data() + r * m.items;
      const std::uint8_t* in = data.codes.data() + r * data.coded_items;
      for (std::size_t i = 0; i < m.items; ++i) {
        if (code_column[i] != std::size_t(-1)) out[i] = in[code_column[i]];
      }
    }
    return m;
  }
  m.values.assign(data.rows * m.items, std::numeric_limits<double>::quiet_NaN());
  for_each_respondent(fw, data, profile, [&](std::size_t r, std::span<const NodeValue> nodes) {
    for (std::size_t i = 0; i < m.items; ++i) {
      const NodeValue& v = nodes[std::size_t(fw.leaves[i])];
      if (v.assessed) m.values[r * m.items + i] = double(v.exact.value());
    }
  });
  return m;
}

InstrumentAnalysis analyse_instrument(const Framework& fw, const Dataset& data, const ReliabilityOptions& options, bool by_unit) {
  InstrumentAnalysis out;
  out.options = options;
  out.respondents = data.rows;
  const ItemMatrix all = respondent_scores(fw, data);
  // The scales first, analysed after (below) on two cores.
  auto analyse = [&](std::string id, LocalizedText name, std::vector<int> leaves) {
    out.scales.push_back({std::move(id), std::move(name), std::move(leaves), {}});
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
  std::vector<std::vector<std::size_t>> columns(out.scales.size());
  for (std::size_t i = 0; i < out.scales.size(); ++i) {
    for (int leaf : out.scales[i].leaves) columns[i].push_back(std::size_t(std::find(fw.leaves.begin(), fw.leaves.end(), leaf) - fw.leaves.begin()));
  }
  // The missing answers (and, when none is, the moments) once for all
  // scales; each scale's passes run on two cores (analyse_reliability).
  const ItemMoments moments = item_moments(all, options.missing == MissingAnswers::listwise ? columns : std::vector<std::vector<std::size_t>>{});
  for (std::size_t s = 0; s < out.scales.size(); ++s) out.scales[s].result = analyse_reliability(all, columns[s], options, &moments);
  if (!by_unit) return out;
  // Per unit: its respondents' rows of the same matrix.
  std::vector<std::vector<std::uint32_t>> rows_of(data.units.size());
  for (std::size_t r = 0; r < data.rows; ++r) rows_of[std::size_t(data.row_unit[r])].push_back(std::uint32_t(r));
  for (std::size_t u = 0; u < data.units.size(); ++u) {
    ItemMatrix m;
    m.items = all.items;
    m.code_values = all.code_values;
    auto copy_rows = [&](const auto& from, auto& to) {
      to.reserve(rows_of[u].size() * all.items);
      for (std::uint32_t r : rows_of[u])
        to.insert(to.end(), from.begin() + std::ptrdiff_t(r * all.items), from.begin() + std::ptrdiff_t((r + 1) * all.items));
    };
    if (all.codes.empty()) {
      copy_rows(all.values, m.values);
    } else {
      copy_rows(all.codes, m.codes);
    }
    const ItemMoments unit_moments = item_moments(m);
    UnitInstrument unit{data.units[u].code(), data.units[u].name, rows_of[u].size(), {}};
    for (std::size_t s = 0; s < out.scales.size(); ++s) {
      unit.scales.push_back({out.scales[s].id, out.scales[s].name, out.scales[s].leaves, analyse_reliability(m, columns[s], options, &unit_moments)});
    }
    out.units.push_back(std::move(unit));
  }
  return out;
}

}  // namespace siap
