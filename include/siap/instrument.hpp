// The instrument analysis of a respondent survey ("uji validitas dan
// reliabilitas"): Cronbach's alpha and the item analysis for every scale the
// framework defines, on the answers as scored (reverse keying applied, by
// the scoring kernel, so that they are exactly what the scores are made of).
#pragma once

#include <functional>
#include <span>
#include <string>
#include <vector>

#include "siap/dataset.hpp"
#include "siap/framework.hpp"
#include "siap/reliability.hpp"
#include "siap/scoring_kernel.hpp"
#include "siap/text.hpp"

namespace siap {

struct ScaleAnalysis {
  std::string id;           // "" for the whole instrument, a node id, or "facet:value"
  LocalizedText name;       // "Seluruh instrumen", the node's or facet value's name
  std::vector<int> leaves;  // framework node indices, in framework order
  ReliabilityResult result;
};

// The same scales for one unit's respondents (--by-unit).
struct UnitInstrument {
  std::string code;  // Kemendagri code, or "" for a non-region
  std::string name;
  std::size_t respondents = 0;
  std::vector<ScaleAnalysis> scales;  // parallel to InstrumentAnalysis::scales
};

struct InstrumentAnalysis {
  ReliabilityOptions options;
  std::size_t respondents = 0;        // accepted rows analysed
  std::vector<ScaleAnalysis> scales;  // the whole instrument, then nodes with two or more leaves (pre-order), then facet values
  std::vector<UnitInstrument> units;  // with by_unit: every unit, in Dataset order
};

// Calls `visit` for each accepted row with every node's value for that
// respondent alone (the scoring kernel's evaluate on one row): rows in
// order, one at a time, so that a million respondents need no more memory
// than one.
void for_each_respondent(const Framework& fw, const Dataset& data, int profile,
                         const std::function<void(std::size_t row, std::span<const NodeValue> nodes)>& visit);

// Each respondent's score on each leaf (rows x fw.leaves, NaN when not
// answered), computed by the scoring kernel one respondent at a time.
ItemMatrix respondent_scores(const Framework& fw, const Dataset& data, int profile = -1);

// Every scale on all respondents and, with `by_unit`, on each unit's own.
InstrumentAnalysis analyse_instrument(const Framework& fw, const Dataset& data, const ReliabilityOptions& options, bool by_unit = false);

}  // namespace siap
