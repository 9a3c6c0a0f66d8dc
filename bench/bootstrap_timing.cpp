// Times the respondent bootstrap and the instrument analysis on the national
// survey (docs/performance.md), against the plain engine that re-scores
// every resample from its rows through the scoring kernel, and checks that
// both engines give the same values, draw for draw.
//
//   siap_bench_bootstrap SURVEY.csv FRAMEWORK [RESAMPLES] [PLAIN_RESAMPLES] [REPEATS]
//
// With REPEATS > 1 each timing is taken that many times: the first, then
// the fastest and the median of the rest (a shared 2-core machine varies by
// 20 % from run to run).
#include <malloc.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "siap/assessment.hpp"
#include "siap/bootstrap.hpp"
#include "siap/framework_catalog.hpp"
#include "siap/instrument.hpp"

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Times `run` `repeats` times: "first s (then fastest f s, median m s of
// n)", or the one time. The first run is what a user's one call costs (its
// memory fresh from the system); the later ones reuse it.
template <typename Run>
std::string timed(std::size_t repeats, Run&& run) {
  std::vector<double> times;
  for (std::size_t r = 0; r < std::max<std::size_t>(repeats, 1); ++r) {
    const auto start = std::chrono::steady_clock::now();
    run();
    times.push_back(seconds_since(start));
  }
  const double first = times[0];
  std::sort(times.begin() + 1, times.end());
  char text[128];
  if (times.size() == 1) {
    std::snprintf(text, sizeof text, "%.3f s", first);
  } else {
    std::snprintf(text, sizeof text, "%.3f s (then fastest %.3f s, median %.3f s of %zu)", first, times[1], times[1 + (times.size() - 1) / 2],
                  times.size() - 1);
  }
  return text;
}

}  // namespace

int main(int argc, char** argv) {
  // The allocator as the siap binary sets it (src/cli/main.cpp).
  mallopt(M_MMAP_THRESHOLD, 1 << 30);
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s SURVEY.csv FRAMEWORK [RESAMPLES] [PLAIN_RESAMPLES] [REPEATS]\n", argv[0]);
    return 2;
  }
  const std::size_t resamples = argc > 3 ? std::size_t(std::atol(argv[3])) : 1000;
  const std::size_t plain_resamples = argc > 4 ? std::size_t(std::atol(argv[4])) : 5;
  const std::size_t repeats = argc > 5 ? std::size_t(std::atol(argv[5])) : 1;
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
  siap::BootstrapResult full;
  const std::string with_bca = timed(repeats, [&] { full = siap::bootstrap(a, options); });
  options.bca = false;
  const std::string without_bca = timed(repeats, [&] { siap::bootstrap(a, options); });
  std::printf("bootstrap B=%zu (%s engine): %s with BCa, %s percentile only\n", resamples, full.plain ? "plain" : "sums", with_bca.c_str(),
              without_bca.c_str());

  // The plain engine on the first resamples, and the same draws by the sums engine.
  options.resamples = plain_resamples;
  options.keep_replicates = true;
  auto start = std::chrono::steady_clock::now();
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
  siap::InstrumentAnalysis analysis;
  const std::string instrument = timed(repeats, [&] { analysis = siap::analyse_instrument(*fw, *a.data, reliability); });
  std::printf("instrument analysis: %s (%zu scales, alpha of the whole instrument %.4f)\n", instrument.c_str(), analysis.scales.size(),
              analysis.scales.empty() || !analysis.scales[0].result.value ? NAN : analysis.scales[0].result.value->alpha);
  return differ_in_nan == 0 && largest < 1e-9 ? 0 : 1;
}
