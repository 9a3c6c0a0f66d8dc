// How respondents' answers become node values: the one computation that
// assess(), instrument statistics, a respondent bootstrap and uncertainty
// analysis share. Pure: it reads a Dataset and writes values; it does not
// round, band or rank (publishing is assess()'s).
#pragma once

#include <cstdint>
#include <memory>
#include <span>

#include "siap/dataset.hpp"
#include "siap/framework.hpp"
#include "siap/number.hpp"

namespace siap {

// A node's (or facet value's) value before publishing.
struct NodeValue {
  bool assessed = false;      // false: not enough answers or coverage
  bool given = false;         // taken from an input column, not computed
  std::uint32_t answers = 0;  // leaves: respondents who answered
  Number exact;               // meaningful when assessed
  Number coverage;            // share of the children's weight present (leaves: 1)
};

// The same in double, for resampling: a bootstrap evaluates every unit
// thousands of times, and its intervals need no exact rationals.
struct ResampleValue {
  bool assessed = false;
  bool given = false;
  double exact = 0;
  double coverage = 0;
};

class ScoringKernel {
 public:
  // `profile`: index into fw.profiles, -1 for the tree's weights. Both must
  // outlive the kernel.
  ScoringKernel(const Framework& fw, const Dataset& data, int profile = -1);
  ~ScoringKernel();
  ScoringKernel(const ScoringKernel&) = delete;
  ScoringKernel& operator=(const ScoringKernel&) = delete;

  std::size_t facet_values() const;  // over all facets, in order: the size of evaluate()'s `facets`

  // Every node's value (`nodes`, parallel to fw.nodes) and every facet
  // value's (`facets`) for the respondents `rows`: indices into the
  // Dataset, in any order, repeats allowed (a resample). Spans must be
  // default-initialised. Safe to call from several threads at once.
  void evaluate(std::span<const std::uint32_t> rows, std::span<NodeValue> nodes, std::span<NodeValue> facets) const;
  // The same for exactly the rows of `unit` (as assess() scores it: the
  // unit's exact-decimal answers are found without a search).
  void evaluate_unit(int unit, std::span<const std::uint32_t> rows, std::span<NodeValue> nodes, std::span<NodeValue> facets) const;

  // A unit sheet in integers. When every leaf is a column whose score is
  // its answer (no numeric goalposts), every internal node a weighted
  // arithmetic mean, and nothing is grouped or faceted, a unit with an
  // answer in every column has each node's exact value as a fixed integer
  // combination of its answers (at 9 decimals) over a constant:
  // evaluate_unit_fixed() gives numerator / fixed_denominator(node) for
  // each of `nodes`, the value evaluate_unit() gives, with every node
  // assessed at full coverage and each leaf answered once. False
  // (`numerators` unspecified) when there is no such plan, or when this
  // unit needs evaluate_unit(): a blank cell, more than one row, an answer
  // beyond 9 decimals or 2^53 at that scale.
  bool has_fixed_point() const;
  Number::int128 fixed_denominator(std::size_t node) const;
  bool evaluate_unit_fixed(int unit, std::span<const std::uint32_t> rows, std::span<const std::size_t> nodes,
                           std::span<Number::int128> numerators) const;

  // Internal nodes (but given ones) and facets again from the leaves in
  // `nodes`: after the leaves were changed across units (treat_indicators).
  void roll_up(std::span<NodeValue> nodes, std::span<NodeValue> facets) const;

  // Resampling. When sums_suffice() (every item coded and combined by the
  // mean), a set of rows enters the node values only through, per item and
  // respondent group, the sum of its answers' integer scores and their
  // number; evaluate_sums() takes those (index item * groups() + group)
  // and gives what evaluate() gives, in double. `reciprocal[n]` must be
  // 1.0 / n for every count n that occurs.
  bool sums_suffice() const;
  std::size_t groups() const;                                    // respondent groups, at least 1
  std::int64_t integer_score(std::size_t item, int code) const;  // code >= 1; the score times score_denominator(item)
  std::int64_t score_denominator(std::size_t item) const;
  void evaluate_sums(std::span<const std::int64_t> sums, std::span<const std::uint32_t> counts, std::span<const double> reciprocal,
                     std::span<ResampleValue> nodes, std::span<ResampleValue> facets) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace siap
