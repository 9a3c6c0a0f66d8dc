// Everything here follows from the item covariance matrix C (n - 1
// denominators): listwise, of the respondents who answered every item (as
// SPSS); pairwise, each entry from the respondents who answered both items
// (as psych::alpha). Item-total correlations are taken from C too, as psych
// does, so both modes agree with their reference.
#include "siap/reliability.hpp"

#include <boost/math/distributions/fisher_f.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

#include "util/parallel.hpp"

namespace siap {
namespace {

// acc[i][j] += d[i] d[j] for j >= i: the centred cross-products' upper
// triangle, a national survey's hot loop (k²/2 per respondent). Compiled
// for AVX-512, AVX2 and the baseline, chosen when the program loads; no FMA
// (ISO C++ mode does not contract), so that all give the same sums.
__attribute__((target_clones("avx512f", "avx2", "default"))) void add_cross_products(const double* d, std::size_t k, double* acc) {
  for (std::size_t i = 0; i < k; ++i) {
    const double di = d[i];
    double* row = acc + i * k;
    for (std::size_t j = i; j < k; ++j) row[j] += di * d[j];
  }
}

// The means and the centred cross-products' upper triangle (k x k) of
// `columns` over the `n` rows that `use` accepts, in two row-major passes
// (a national survey is 60 million answers). Past 65,536 rows each pass runs
// on two halves on two cores, always split at the same row, so that the sums
// are the same on any machine.
struct ListwiseMoments {
  std::vector<double> mean, cross;
};
template <typename Use>
ListwiseMoments listwise_moments(const ItemMatrix& matrix, std::span<const std::size_t> columns, double n, Use&& use) {
  const std::size_t k = columns.size(), rows = matrix.respondents();
  auto at = [&](std::size_t r, std::size_t i) { return matrix.at(r, columns[i]); };
  auto halves = [&](std::size_t size, auto&& pass) {
    std::vector<double> first(size, 0.0), second(size, 0.0);
    if (rows < 65536) {
      pass(0, rows, first);
    } else {
      run_in_parallel({[&] { pass(0, rows / 2, first); }, [&] { pass(rows / 2, rows, second); }});
    }
    for (std::size_t i = 0; i < size; ++i) first[i] += second[i];
    return first;
  };
  ListwiseMoments out;
  out.mean = halves(k, [&](std::size_t from, std::size_t to, std::vector<double>& acc) {
    for (std::size_t r = from; r < to; ++r) {
      if (!use(r)) continue;
      for (std::size_t i = 0; i < k; ++i) acc[i] += at(r, i);
    }
  });
  for (double& m : out.mean) m /= n;
  out.cross = halves(k * k, [&](std::size_t from, std::size_t to, std::vector<double>& acc) {
    std::vector<double> d(k);
    for (std::size_t r = from; r < to; ++r) {
      if (!use(r)) continue;
      for (std::size_t i = 0; i < k; ++i) d[i] = at(r, i) - out.mean[i];
      add_cross_products(d.data(), k, acc.data());
    }
  });
  return out;
}

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

using Matrix = std::vector<std::vector<double>>;

// k/(k-1) · (1 - tr(C) / ΣC) over the items in `keep`.
double alpha_of(const Matrix& c, const std::vector<std::size_t>& keep) {
  const double k = double(keep.size());
  if (keep.size() < 2) return kNaN;
  double trace = 0, total = 0;
  for (std::size_t i : keep) {
    trace += c[i][i];
    for (std::size_t j : keep) total += c[i][j];
  }
  return k / (k - 1) * (1 - trace / total);
}

// The inverse of a symmetric matrix by Gauss-Jordan elimination with partial
// pivoting; empty when it is singular.
std::optional<Matrix> inverse(Matrix a) {
  const std::size_t n = a.size();
  Matrix inv(n, std::vector<double>(n, 0.0));
  for (std::size_t i = 0; i < n; ++i) inv[i][i] = 1;
  for (std::size_t col = 0; col < n; ++col) {
    std::size_t pivot = col;
    for (std::size_t r = col + 1; r < n; ++r) {
      if (std::fabs(a[r][col]) > std::fabs(a[pivot][col])) pivot = r;
    }
    if (std::fabs(a[pivot][col]) < 1e-12) return std::nullopt;
    std::swap(a[pivot], a[col]);
    std::swap(inv[pivot], inv[col]);
    const double d = a[col][col];
    for (std::size_t j = 0; j < n; ++j) {
      a[col][j] /= d;
      inv[col][j] /= d;
    }
    for (std::size_t r = 0; r < n; ++r) {
      if (r == col) continue;
      const double f = a[r][col];
      if (f == 0) continue;
      for (std::size_t j = 0; j < n; ++j) {
        a[r][j] -= f * a[col][j];
        inv[r][j] -= f * inv[col][j];
      }
    }
  }
  return inv;
}

}  // namespace

double r_table(double level, double df) {
  const boost::math::students_t t_dist(df);
  const double t = boost::math::quantile(boost::math::complement(t_dist, level / 2));
  return t / std::sqrt(df + t * t);
}

ReliabilityResult analyse_reliability(const ItemMatrix& m, const ReliabilityOptions& options) {
  std::vector<std::size_t> all(m.items);
  for (std::size_t i = 0; i < m.items; ++i) all[i] = i;
  return analyse_reliability(m, all, options);
}

namespace {

// Every scale's listwise sums in one pass over the rows (the masks say which
// scales a row belongs to); in two halves on two cores past 65,536 rows,
// always split at the same row.
std::vector<ScaleMoments> listwise_scale_moments(const ItemMatrix& matrix, const std::vector<std::uint64_t>& missing,
                                                 std::span<const std::vector<std::size_t>> scales) {
  const std::size_t rows = matrix.respondents(), items = matrix.items;
  std::vector<double> shift(items, 0.0);  // per column: its first answer
  for (std::size_t c = 0; c < items; ++c) {
    for (std::size_t r = 0; r < rows; ++r) {
      if (!((missing[r] >> c) & 1)) {
        shift[c] = matrix.at(r, c);
        break;
      }
    }
  }
  std::vector<std::uint64_t> needs(scales.size(), 0);
  for (std::size_t s = 0; s < scales.size(); ++s) {
    for (std::size_t c : scales[s]) needs[s] |= std::uint64_t(1) << c;
  }
  struct Sums {
    std::vector<std::size_t> used;
    std::vector<std::vector<double>> sum, cross;  // per scale
  };
  auto pass = [&](std::size_t from, std::size_t to, Sums& out) {
    out.used.assign(scales.size(), 0);
    out.sum.resize(scales.size());
    out.cross.resize(scales.size());
    for (std::size_t s = 0; s < scales.size(); ++s) {
      out.sum[s].assign(scales[s].size(), 0.0);
      out.cross[s].assign(scales[s].size() * scales[s].size(), 0.0);
    }
    std::vector<double> d(items);
    for (std::size_t r = from; r < to; ++r) {
      for (std::size_t s = 0; s < scales.size(); ++s) {
        if (missing[r] & needs[s]) continue;
        const std::size_t k = scales[s].size();
        for (std::size_t i = 0; i < k; ++i) d[i] = matrix.at(r, scales[s][i]) - shift[scales[s][i]];
        for (std::size_t i = 0; i < k; ++i) out.sum[s][i] += d[i];
        add_cross_products(d.data(), k, out.cross[s].data());
        ++out.used[s];
      }
    }
  };
  Sums first, second;
  if (rows < 65536) {
    pass(0, rows, first);
    pass(rows, rows, second);
  } else {
    run_in_parallel({[&] { pass(0, rows / 2, first); }, [&] { pass(rows / 2, rows, second); }});
  }
  std::vector<ScaleMoments> out(scales.size());
  for (std::size_t s = 0; s < scales.size(); ++s) {
    const std::size_t k = scales[s].size();
    ScaleMoments& m = out[s];
    m.columns = scales[s];
    m.used = first.used[s] + second.used[s];
    const double n = double(m.used);
    std::vector<double> sum(k);
    for (std::size_t i = 0; i < k; ++i) sum[i] = first.sum[s][i] + second.sum[s][i];
    m.mean.resize(k);
    for (std::size_t i = 0; i < k; ++i) m.mean[i] = m.used > 0 ? shift[scales[s][i]] + sum[i] / n : kNaN;
    // Σ(x - x̄)(y - ȳ) = Σ dx dy - Σdx Σdy / n for d = x - shift.
    m.cross.assign(k * k, 0.0);
    for (std::size_t i = 0; i < k; ++i) {
      for (std::size_t j = i; j < k; ++j) {
        const double raw = first.cross[s][i * k + j] + second.cross[s][i * k + j];
        m.cross[i * k + j] = m.used > 0 ? raw - sum[i] * sum[j] / n : kNaN;
      }
    }
  }
  return out;
}

}  // namespace

ItemMoments item_moments(const ItemMatrix& matrix, std::span<const std::vector<std::size_t>> listwise_scales) {
  ItemMoments out;
  const std::size_t k = matrix.items, rows = matrix.respondents();
  out.respondents = rows;
  bool any_missing = false;
  if (k <= 64) {
    out.missing.assign(rows, 0);
    auto masks = [&](std::size_t from, std::size_t to) {
      for (std::size_t r = from; r < to; ++r) {
        std::uint64_t mask = 0;
        for (std::size_t i = 0; i < k; ++i) mask |= std::uint64_t(std::isnan(matrix.at(r, i))) << i;
        out.missing[r] = mask;
      }
    };
    if (rows < 65536) {
      masks(0, rows);
    } else {
      run_in_parallel({[&] { masks(0, rows / 2); }, [&] { masks(rows / 2, rows); }});
    }
    for (std::size_t r = 0; r < rows && !any_missing; ++r) any_missing = out.missing[r] != 0;
  } else {
    for (std::size_t r = 0; r < rows && !any_missing; ++r) {
      for (std::size_t i = 0; i < k; ++i) any_missing = any_missing || std::isnan(matrix.at(r, i));
    }
  }
  if (any_missing && !out.missing.empty() && !listwise_scales.empty()) out.scales = listwise_scale_moments(matrix, out.missing, listwise_scales);
  if (any_missing || rows < 2) return out;
  out.complete = true;
  std::vector<std::size_t> all(k);
  for (std::size_t i = 0; i < k; ++i) all[i] = i;
  ListwiseMoments moments = listwise_moments(matrix, all, double(rows), [](std::size_t) { return true; });
  out.mean = std::move(moments.mean);
  out.covariance.assign(k * k, 0.0);
  for (std::size_t i = 0; i < k; ++i) {
    for (std::size_t j = i; j < k; ++j) out.covariance[i * k + j] = out.covariance[j * k + i] = moments.cross[i * k + j] / double(rows - 1);
  }
  return out;
}

ReliabilityResult analyse_reliability(const ItemMatrix& matrix, std::span<const std::size_t> columns, const ReliabilityOptions& options,
                                      const ItemMoments* moments) {
  ReliabilityResult out;
  const std::size_t k = columns.size(), rows = matrix.respondents();
  // The scale's items: columns of the matrix, read in place.
  struct View {
    const ItemMatrix& matrix;
    std::span<const std::size_t> columns;
    double at(std::size_t r, std::size_t i) const { return matrix.at(r, columns[i]); }
  } m{matrix, columns};
  if (k < 2) {
    out.why_not_id = "perlu sedikitnya dua butir";
    out.why_not_en = "needs at least two items";
    return out;
  }
  auto present = [&](std::size_t r, std::size_t i) { return !std::isnan(m.at(r, i)); };
  const bool shared = moments != nullptr && moments->complete && moments->respondents == rows;
  const bool masks = !shared && moments != nullptr && moments->respondents == rows && !moments->missing.empty();
  std::vector<bool> complete(rows, true), any(rows, shared);
  if (masks) {
    std::uint64_t scale = 0;
    for (std::size_t c : columns) scale |= std::uint64_t(1) << c;
    for (std::size_t r = 0; r < rows; ++r) {
      const std::uint64_t gone = moments->missing[r] & scale;
      complete[r] = gone == 0;
      any[r] = gone != scale;
    }
  }
  for (std::size_t r = 0; r < rows && !shared && !masks; ++r) {
    std::size_t answered = 0;
    for (std::size_t i = 0; i < k; ++i) answered += present(r, i) ? 1 : 0;
    complete[r] = answered == k;
    any[r] = answered > 0;
  }
  const bool listwise = options.missing == MissingAnswers::listwise;
  auto in = [&](std::size_t r) { return listwise ? bool(complete[r]) : bool(any[r]); };
  Reliability rel;
  rel.respondents = rows;
  rel.items = k;
  for (std::size_t r = 0; r < rows; ++r) rel.used += in(r) ? 1 : 0;
  if (rel.used < 3) {
    out.why_not_id = "perlu sedikitnya tiga responden dengan jawaban lengkap";
    out.why_not_en = "needs at least three respondents with complete answers";
    return out;
  }

  // Means and covariances: listwise over the complete rows; pairwise over
  // the rows holding both items (each mean over the rows of its pair, as R's cov does).
  Matrix c(k, std::vector<double>(k, 0.0));
  rel.item.resize(k);
  if (shared) {
    for (std::size_t i = 0; i < k; ++i) {
      for (std::size_t j = 0; j < k; ++j) c[i][j] = moments->covariance[columns[i] * matrix.items + columns[j]];
      rel.item[i].n = rows;
      rel.item[i].mean = moments->mean[columns[i]];
      rel.item[i].sd = std::sqrt(c[i][i]);
    }
  } else if (listwise) {
    // Every pair has the same rows.
    const double n = double(rel.used);
    // From item_moments' single pass when it has this scale.
    const ScaleMoments* found = nullptr;
    for (std::size_t s = 0; moments != nullptr && moments->respondents == rows && s < moments->scales.size(); ++s) {
      if (std::equal(columns.begin(), columns.end(), moments->scales[s].columns.begin(), moments->scales[s].columns.end()))
        found = &moments->scales[s];
    }
    const ListwiseMoments moments = found != nullptr ? ListwiseMoments{found->mean, found->cross}
                                                     : listwise_moments(matrix, columns, n, [&](std::size_t r) { return bool(complete[r]); });
    for (std::size_t i = 0; i < k; ++i) {
      for (std::size_t j = 0; j < k; ++j) c[i][j] = rel.used >= 2 ? moments.cross[std::min(i, j) * k + std::max(i, j)] / (n - 1) : kNaN;
      rel.item[i].n = rel.used;
      rel.item[i].mean = moments.mean[i];
      rel.item[i].sd = std::sqrt(c[i][i]);
    }
  }
  for (std::size_t i = 0; i < k && !listwise && !shared; ++i) {
    for (std::size_t j = i; j < k; ++j) {
      double sum_i = 0, sum_j = 0;
      std::size_t n = 0;
      for (std::size_t r = 0; r < rows; ++r) {
        if (!in(r) || !present(r, i) || !present(r, j)) continue;
        sum_i += m.at(r, i);
        sum_j += m.at(r, j);
        ++n;
      }
      double cov = kNaN;
      if (n >= 2) {
        const double mean_i = sum_i / double(n), mean_j = sum_j / double(n);
        double s = 0;
        for (std::size_t r = 0; r < rows; ++r) {
          if (!in(r) || !present(r, i) || !present(r, j)) continue;
          s += (m.at(r, i) - mean_i) * (m.at(r, j) - mean_j);
        }
        cov = s / double(n - 1);
      }
      c[i][j] = c[j][i] = cov;
      if (i == j) {
        rel.item[i].n = n;
        rel.item[i].mean = n > 0 ? sum_i / double(n) : kNaN;
        rel.item[i].sd = std::sqrt(cov);
      }
    }
  }
  double trace = 0, total = 0, off_diagonal = 0, r_sum = 0, trace_c2 = 0, ones_c2_ones = 0;
  for (std::size_t i = 0; i < k; ++i) {
    trace += c[i][i];
    double row = 0;
    for (std::size_t j = 0; j < k; ++j) {
      total += c[i][j];
      row += c[i][j];
      trace_c2 += c[i][j] * c[j][i];
      if (i != j) {
        off_diagonal += c[i][j];
        r_sum += c[i][j] / std::sqrt(c[i][i] * c[j][j]);
      }
    }
    ones_c2_ones += row * row;  // 1ᵀC²1 = Σ_i (Σ_j C_ij)² for symmetric C
  }
  const double kd = double(k);
  std::vector<std::size_t> all(k);
  for (std::size_t i = 0; i < k; ++i) all[i] = i;
  rel.alpha = alpha_of(c, all);
  const double mean_r = r_sum / (kd * (kd - 1));
  rel.standardized_alpha = kd * mean_r / (1 + (kd - 1) * mean_r);
  rel.average_covariance = off_diagonal / (kd * (kd - 1));

  // Feldt: (1 - α) scaled by F quantiles with n - 1 and (n - 1)(k - 1) degrees of freedom.
  const double n = double(rel.used);
  const boost::math::fisher_f f(n - 1, (n - 1) * (kd - 1));
  const double tail = (1 - options.confidence) / 2;
  rel.feldt_lower = 1 - (1 - rel.alpha) * boost::math::quantile(f, 1 - tail);
  rel.feldt_upper = 1 - (1 - rel.alpha) * boost::math::quantile(f, tail);
  // Duhachek's asymptotic standard error; psych uses the literal 1.96 for 95 %, and so do we.
  const double q = 2 * kd * kd / ((kd - 1) * (kd - 1) * std::pow(total, 3)) * (total * (trace_c2 + trace * trace) - 2 * trace * ones_c2_ones);
  const double ase = std::sqrt(q / n);
  const double z = options.confidence == 0.95 ? 1.96 : boost::math::quantile(boost::math::normal(), 1 - tail);
  rel.duhachek_lower = rel.alpha - z * ase;
  rel.duhachek_upper = rel.alpha + z * ase;

  // The sum of the items: its mean from the item means, its variance ΣC.
  for (std::size_t i = 0; i < k; ++i) rel.scale_mean += rel.item[i].mean;
  rel.scale_variance = total;
  const double df = n - 2;
  rel.r_table = df >= 1 ? r_table(options.validity_level, df) : kNaN;

  // Squared multiple correlations from the inverse of the correlation matrix.
  Matrix r(k, std::vector<double>(k));
  for (std::size_t i = 0; i < k; ++i) {
    for (std::size_t j = 0; j < k; ++j) r[i][j] = c[i][j] / std::sqrt(c[i][i] * c[j][j]);
  }
  const auto r_inverse = inverse(r);
  const boost::math::students_t t_dist(df >= 1 ? df : 1);
  for (std::size_t i = 0; i < k; ++i) {
    ItemAnalysis& item = rel.item[i];
    double with_others = 0;  // Σ_j C_ij
    for (std::size_t j = 0; j < k; ++j) with_others += c[i][j];
    item.r_uncorrected = with_others / std::sqrt(c[i][i] * total);
    const double rest = total - 2 * with_others + c[i][i];  // variance of the sum of the other items
    item.r_corrected = (with_others - c[i][i]) / std::sqrt(c[i][i] * rest);
    item.scale_mean_if_deleted = rel.scale_mean - item.mean;
    item.scale_variance_if_deleted = rest;
    std::vector<std::size_t> others;
    for (std::size_t j = 0; j < k; ++j) {
      if (j != i) others.push_back(j);
    }
    item.alpha_if_deleted = alpha_of(c, others);
    item.smc = r_inverse ? 1 - 1 / (*r_inverse)[i][i] : kNaN;
    if (df >= 1 && std::fabs(item.r_corrected) < 1) {
      const double t = item.r_corrected * std::sqrt(df / (1 - item.r_corrected * item.r_corrected));
      item.p_corrected = 2 * boost::math::cdf(boost::math::complement(t_dist, std::fabs(t)));
    } else {
      item.p_corrected = df >= 1 ? 0 : kNaN;
    }
  }
  out.value = std::move(rel);
  return out;
}

}  // namespace siap
