// Cronbach's alpha and the item analysis of one scale, as SPSS's
// RELIABILITY (/MODEL=ALPHA /STATISTICS=SCALE DESCRIPTIVE /SUMMARY=TOTAL)
// and R's psych::alpha report them, with the "uji validitas" of Indonesian
// studies (r hitung against r tabel at df = n - 2). Formulas, traps and the
// golden values the tests check: shared/domain/statistics.md.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <span>
#include <vector>

namespace siap {

// Respondents × items, row-major, already reverse-keyed; NaN is a missing
// answer. Either the values themselves, or (a survey whose every item is
// coded) one byte per answer and each item's value per code: a national
// survey's 60 million answers are then 60 MB instead of 480 MB of doubles.
struct ItemMatrix {
  static constexpr std::size_t kCodes = 256;
  std::size_t items = 0;
  std::vector<double> values;
  std::vector<std::uint8_t> codes = {};  // when not empty, instead of values
  std::vector<double> code_values = {};  // items x kCodes: item i's value for code c at i * kCodes + c (NaN: no answer)
  std::size_t respondents() const { return items == 0 ? 0 : (codes.empty() ? values.size() : codes.size()) / items; }
  double at(std::size_t respondent, std::size_t item) const {
    const std::size_t cell = respondent * items + item;
    return codes.empty() ? values[cell] : code_values[item * kCodes + codes[cell]];
  }
};

// SPSS deletes a respondent with any missing answer (listwise); psych::alpha
// uses each pair of items' common respondents (pairwise).
enum class MissingAnswers { listwise, pairwise };

struct ReliabilityOptions {
  MissingAnswers missing = MissingAnswers::listwise;
  double confidence = 0.95;      // of the Feldt and Duhachek intervals
  double validity_level = 0.05;  // two-tailed α of r tabel
  double threshold = 0.60;       // a scale is called reliable when alpha exceeds it (Nunnally via Ghozali; 0.70 internationally)
};

struct ItemAnalysis {
  std::size_t n = 0;  // respondents with this item (listwise: n_used)
  double mean = 0, sd = 0;
  double r_uncorrected = 0;  // with the total including the item
  double r_corrected = 0;    // SPSS's Corrected Item-Total Correlation: with the sum of the other items
  double p_corrected = 0;    // Sig. (2-tailed) of r_corrected at df = n_used - 2
  double smc = 0;            // Squared Multiple Correlation; NaN when the correlations are singular
  double scale_mean_if_deleted = 0, scale_variance_if_deleted = 0;
  double alpha_if_deleted = 0;  // NaN with two items
};

struct Reliability {
  std::size_t respondents = 0;  // rows given
  std::size_t used = 0;         // listwise: rows with every item; pairwise: rows with any
  std::size_t items = 0;
  double alpha = 0, standardized_alpha = 0;
  double feldt_lower = 0, feldt_upper = 0;
  double duhachek_lower = 0, duhachek_upper = 0;
  double average_covariance = 0;              // negative: SPSS warns that item codings may be wrong
  double scale_mean = 0, scale_variance = 0;  // of the sum of the items
  double r_table = 0;                         // critical r at df = used - 2 and validity_level
  std::vector<ItemAnalysis> item;
};

// The r a correlation must exceed to be significant, two-tailed at `level`,
// with `df` degrees of freedom: t / sqrt(df + t²).
double r_table(double level, double df);

// Empty, with the reason, when there are fewer than two items or fewer than
// three usable respondents.
struct ReliabilityResult {
  std::optional<Reliability> value;
  std::string why_not_id, why_not_en;
};
ReliabilityResult analyse_reliability(const ItemMatrix& matrix, const ReliabilityOptions& options = {});

// What every scale of an instrument needs from the whole matrix, found in
// one pass instead of one per scale: which answers are missing, and when
// none is (then listwise and pairwise agree, and every scale uses every
// respondent) every column's mean and every pair's covariance.
// One scale's listwise moments: over the respondents who answered all of
// its columns, their number, each column's mean and each pair's centred
// cross-product (k x k, upper triangle).
struct ScaleMoments {
  std::vector<std::size_t> columns;
  std::size_t used = 0;
  std::vector<double> mean;
  std::vector<double> cross;
};
struct ItemMoments {
  std::size_t respondents = 0;
  std::vector<std::uint64_t> missing;  // per row, bit c: column c unanswered; empty beyond 64 columns
  bool complete = false;               // no answer missing; mean and covariance are set
  std::vector<double> mean;            // per column
  std::vector<double> covariance;      // columns x columns
  std::vector<ScaleMoments> scales;    // when answers are missing: the listwise moments of the scales asked for
};
// With `listwise_scales` (column lists), when some answers are missing, the
// listwise moments of every such scale in the same single pass over the
// matrix: a national survey's matrix is half a gigabyte, and reading it
// once per scale and twice (means, then cross-products) was the analysis'
// cost. Sums are of each answer less a fixed shift per column (its first
// answer), so one pass suffices: exact for answers that are integers.
ItemMoments item_moments(const ItemMatrix& matrix, std::span<const std::vector<std::size_t>> listwise_scales = {});

// The same for some of the matrix's columns (a scale of a larger
// instrument), read in place; from `moments` when given and complete.
ReliabilityResult analyse_reliability(const ItemMatrix& matrix, std::span<const std::size_t> columns, const ReliabilityOptions& options = {},
                                      const ItemMoments* moments = nullptr);

}  // namespace siap
