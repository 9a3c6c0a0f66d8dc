// Times the respondent bootstrap and the instrument analysis on the national
// survey (docs/performance.md), against the plain engine that re-scores
// every resample from its rows through the scoring kernel, and checks that
// both engines give the same values, draw for draw.
//
//   siap_bench_bootstrap SURVEY.csv FRAMEWORK [RESAMPLES] [PLAIN_RESAMPLES]
#include <malloc.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "siap/assessment.hpp"
#include "siap/bootstrap.hpp"
#include "siap/framework_catalog.hpp"
#include "siap/instrument.hpp"

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  // The allocator as the siap binary sets it (src/cli/main.cpp).
  mallopt(M_MMAP_THRESHOLD, 1 << 30);
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s SURVEY.csv FRAMEWORK [RESAMPLES] [PLAIN_RESAMPLES]\n", argv[0]);
    return 2;
  }
  const std::size_t resamples = argc > 3 ? std::size_t(std::atol(argv[3])) : 1000;
  const std::size_t plain_resamples = argc > 4 ? std::size_t(std::atol(argv[4])) : 5;
  auto fw = siap::resolve_framework(argv[2]);
  if (!fw) {
    std::fprintf(stderr, "%s\n", fw.errors().front().render(siap::Lang::en).c_str());
    return 1;
  }
  auto data = siap::load_dataset(*fw, {argv[1]}, {});
  if (!data) {
    std::fprintf(stderr, "%s\n", data.errors().front().render(siap::Lang::en).c_str());
    return 1;
  }
  const std::size_t rows = data->rows;
  siap::Assessment a = siap::assess(*fw, std::move(*data));
  std::printf("input: %zu respondents, %zu units, %zu leaves, %zu nodes\n", rows, a.results.size(), fw->leaves.size(), fw->nodes.size());

  siap::BootstrapOptions options;
  options.resamples = resamples;
  auto start = std::chrono::steady_clock::now();
  const siap::BootstrapResult full = siap::bootstrap(a, options);
  const double with_bca = seconds_since(start);
  options.bca = false;
  start = std::chrono::steady_clock::now();
  const siap::BootstrapResult percentile_only = siap::bootstrap(a, options);
  const double without_bca = seconds_since(start);
  std::printf("bootstrap B=%zu (%s engine): %.3f s with BCa, %.3f s percentile only\n", resamples, full.plain ? "plain" : "sums", with_bca,
              without_bca);

  // The plain engine on the first resamples, and the same draws by the sums engine.
  options.resamples = plain_resamples;
  options.keep_replicates = true;
  start = std::chrono::steady_clock::now();
  const siap::BootstrapResult sums = siap::bootstrap(a, options);
  const double sums_seconds = seconds_since(start);
  options.engine = siap::BootstrapEngine::plain;
  start = std::chrono::steady_clock::now();
  const siap::BootstrapResult plain = siap::bootstrap(a, options);
  const double plain_seconds = seconds_since(start);
  double largest = 0;
  std::size_t compared = 0, differ_in_nan = 0;
  for (std::size_t u = 0; u < sums.replicates.size(); ++u) {
    for (std::size_t i = 0; i < sums.replicates[u].size(); ++i) {
      const double x = sums.replicates[u][i], y = plain.replicates[u][i];
      if (std::isnan(x) != std::isnan(y)) ++differ_in_nan;
      if (std::isnan(x) || std::isnan(y)) continue;
      largest = std::max(largest, std::abs(x - y));
      ++compared;
    }
  }
  std::printf("B=%zu percentile only: plain %.3f s (%.3f s per resample), sums %.3f s; plain at B=%zu: %.0f s (extrapolated)\n", plain_resamples,
              plain_seconds, plain_seconds / double(plain_resamples), sums_seconds, resamples,
              plain_seconds / double(plain_resamples) * double(resamples));
  std::printf("draw for draw: %zu values compared, largest difference %.3g, %zu assessed in one engine only\n", compared, largest, differ_in_nan);

  siap::ReliabilityOptions reliability;
  start = std::chrono::steady_clock::now();
  const siap::InstrumentAnalysis analysis = siap::analyse_instrument(*fw, *a.data, reliability);
  std::printf("instrument analysis: %.3f s (%zu scales, alpha of the whole instrument %.4f)\n", seconds_since(start), analysis.scales.size(),
              analysis.scales.empty() || !analysis.scales[0].result.value ? NAN : analysis.scales[0].result.value->alpha);
  return differ_in_nan == 0 && largest < 1e-9 ? 0 : 1;
}
