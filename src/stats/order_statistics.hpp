// A few order statistics of many values without sorting them all: the
// bootstrap summarises tens of thousands of columns of B values, each by
// the handful of order statistics its percentile and BCa endpoints need.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace siap {

// The k-th smallest (1-based) of `values` for each k in `wanted` (ascending,
// each in 1..values.size()), in that order. `values` must hold no NaN.
// By a histogram over [min, max]: one pass counts the values per bucket,
// the counts say which bucket holds each wanted k, a second pass collects
// those buckets' values, and only they are sorted. Whatever the values'
// spread, the answer is the exact order statistic (a bucket holding most
// values only costs a larger sort).
std::vector<double> order_statistics(std::span<const double> values, std::span<const std::size_t> wanted);

}  // namespace siap
