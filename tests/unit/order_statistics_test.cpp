// Order statistics by bracketing against the same ones read off a full sort.
#include "stats/order_statistics.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <random>
#include <vector>

namespace {

std::vector<double> sorted_truth(std::vector<double> values, const std::vector<std::size_t>& wanted) {
  std::sort(values.begin(), values.end());
  std::vector<double> out;
  for (std::size_t k : wanted) out.push_back(values[k - 1]);
  return out;
}

// The ks a percentile and a BCa interval at 95 % ask for, and the extremes.
std::vector<std::size_t> tails(std::size_t n) {
  std::vector<std::size_t> ks{1, n};
  for (double alpha : {0.005, 0.025, 0.05, 0.5, 0.95, 0.975, 0.995}) {
    const auto k = std::size_t(double(n + 1) * alpha);
    if (k >= 1 && k <= n) ks.push_back(k);
    if (k + 1 <= n) ks.push_back(k + 1);
  }
  std::sort(ks.begin(), ks.end());
  ks.erase(std::unique(ks.begin(), ks.end()), ks.end());
  return ks;
}

}  // namespace

TEST_CASE("order statistics equal those of a full sort", "[stats][order-statistics]") {
  std::mt19937_64 random(20261202);
  for (std::size_t n : {1u, 2u, 10u, 63u, 64u, 65u, 100u, 999u, 1000u, 9999u}) {
    std::normal_distribution<double> normal(3.0, 0.4);
    std::uniform_int_distribution<int> few(1, 5);
    for (int kind = 0; kind < 4; ++kind) {
      std::vector<double> values(n);
      for (std::size_t i = 0; i < n; ++i) values[i] = kind == 1 ? double(few(random)) : normal(random);  // kind 1: heavy ties
      if (kind == 2) std::sort(values.begin(), values.end());                                            // ascending
      if (kind == 3) std::sort(values.rbegin(), values.rend());                                          // descending
      const auto ks = tails(n);
      INFO("n = " << n << ", kind " << kind);
      CHECK(siap::order_statistics(values, ks) == sorted_truth(values, ks));
    }
  }
}

TEST_CASE("every order statistic at once, an outlier that crowds the rest into one bucket, equal values", "[stats][order-statistics]") {
  std::mt19937_64 random(7);
  std::uniform_real_distribution<double> uniform(0, 1);
  std::vector<double> values(500);
  for (double& v : values) v = uniform(random);
  std::vector<std::size_t> all(values.size());
  for (std::size_t k = 0; k < all.size(); ++k) all[k] = k + 1;
  CHECK(siap::order_statistics(values, all) == sorted_truth(values, all));
  // Values crowded into one bucket but for one far outlier, and huge and
  // tiny magnitudes: the histogram is no help there, and the answer must
  // still be exact.
  values.back() = 1e300;
  const std::vector<std::size_t> low{1, 12, 13, 250, 488, 489, 499, 500};
  CHECK(siap::order_statistics(values, low) == sorted_truth(values, low));
  values.back() = -1e300;
  values.front() = 1e-300;
  CHECK(siap::order_statistics(values, low) == sorted_truth(values, low));
  const std::vector<double> equal(100, 2.5);
  const std::vector<std::size_t> some{1, 50, 100};
  CHECK(siap::order_statistics(equal, some) == std::vector<double>(some.size(), 2.5));
}
