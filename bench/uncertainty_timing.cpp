// Times the uncertainty and sensitivity analysis of a national composite
// index (514 kabupaten/kota x 60 indicators in 6 dimensions, synthetic
// secondary data written here with a fixed seed), against the
// straightforward reference that rebuilds every run from the raw data
// (rebuild_runs: treatments and tree in exact arithmetic, as assess()
// computes them), and checks that both give the same values, run for run.
//
//   siap_bench_uncertainty [REPLICATES] [SA_N] [REBUILD_RUNS]
#include <malloc.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "siap/assessment.hpp"
#include "siap/framework_loader.hpp"
#include "siap/regions.hpp"
#include "siap/uncertainty.hpp"

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

constexpr int kDimensions = 6, kPerDimension = 10;

std::string framework_yaml() {
  std::string y =
      "schema: siap/framework/v1\nid: bench-composite\nversion: '1'\ntitle: {id: Bench, en: Bench}\nstatus: project-defined\n"
      "input: {kind: units, unit_column: wilayah}\nscore: {min: 0, max: 100, decimals: 2}\n"
      "aggregation: {method: arithmetic, min_coverage: 0.5}\n"
      "treatment: {impute: none, outliers: winsorise, normalise: minmax, range: [1, 100]}\n"
      "scale: up\nscales:\n  - {id: up, type: numeric, direction: higher}\n  - {id: down, type: numeric, direction: lower}\ntree:\n";
  for (int d = 0; d < kDimensions; ++d) {
    y += "  - id: d" + std::to_string(d) + "\n    name: D" + std::to_string(d) + "\n    children:\n";
    for (int i = 0; i < kPerDimension; ++i) {
      const int k = d * kPerDimension + i;
      y += "      - {id: x" + std::to_string(k) + ", name: X" + std::to_string(k) + (k % 7 == 3 ? ", scale: down" : "") +
           (k % 5 == 1 ? ", treatment: {denominator: population, per: 100000}" : "") + "}\n";
    }
  }
  return y;
}

// Lognormal indicators (skewed, as counts and rupiah are), 1 % missing.
std::string data_csv() {
  std::mt19937_64 rng(20261202);
  std::lognormal_distribution<double> value(3, 0.8);
  std::uniform_real_distribution<double> u(0, 1);
  std::string csv = "wilayah";
  for (int k = 0; k < kDimensions * kPerDimension; ++k) csv += ",x" + std::to_string(k);
  csv += "\n";
  for (const siap::Region& r : siap::RegionTable::builtin().regions()) {
    if (r.type == siap::RegionType::provinsi) continue;
    csv += r.code;
    for (int k = 0; k < kDimensions * kPerDimension; ++k) {
      const double v = value(rng);
      csv += u(rng) < 0.01 ? "," : "," + std::to_string(std::round(v * 100) / 100);
    }
    csv += "\n";
  }
  return csv;
}

std::string spec_yaml(std::size_t n, bool sensitivity) {
  return "schema: siap/uncertainty/v1\nreplicates: " + std::to_string(n) + "\nseed: 11\n" +
         (sensitivity ? "analysis: sensitivity\nbootstrap: 100\n" : "") +
         "vary:\n  weights: {noise: 0.25}\n  aggregation: [arithmetic, geometric]\n"
         "  normalisation: [as_declared, {normalise: percentile_rank, range: [1, 100]}, {normalise: rank}]\n"
         "  imputation: [as_declared, mean]\n  outliers: [as_declared, none]\n  leave_out: true\n";
}

}  // namespace

int main(int argc, char** argv) {
  mallopt(M_MMAP_THRESHOLD, 1 << 30);
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
  const std::size_t replicates = argc > 1 ? std::size_t(std::atol(argv[1])) : 10000;
  const std::size_t sa_n = argc > 2 ? std::size_t(std::atol(argv[2])) : 1000;
  const std::size_t rebuild = argc > 3 ? std::size_t(std::atol(argv[3])) : 20;

  auto fw = siap::load_framework(framework_yaml(), "bench-composite.yaml");
  if (!fw) {
    std::fprintf(stderr, "%s\n", fw.errors().front().render(siap::Lang::en).c_str());
    return 1;
  }
  const std::string path = (std::filesystem::temp_directory_path() / ("siap-bench-composite-" + std::to_string(::getpid()) + ".csv")).string();
  std::ofstream(path, std::ios::binary) << data_csv();
  auto loaded = siap::load_dataset(*fw, {path}, {});
  std::filesystem::remove(path);
  if (!loaded) {
    std::fprintf(stderr, "%s\n", loaded.errors().front().render(siap::Lang::en).c_str());
    return 1;
  }
  auto data = std::make_shared<const siap::Dataset>(std::move(*loaded));
  auto start = std::chrono::steady_clock::now();
  const siap::Assessment nominal = siap::assess(*fw, data);
  std::printf("input: %zu units, %zu indicators; nominal assessment %.3f s\n", data->units.size(), fw->leaves.size(), seconds_since(start));

  auto ua = siap::load_uncertainty_spec(spec_yaml(replicates, false), "ua.yaml", *fw);
  auto sa = siap::load_uncertainty_spec(spec_yaml(sa_n, true), "sa.yaml", *fw);
  if (!ua || !sa) {
    std::fprintf(stderr, "spec: %s\n", (!ua ? ua.errors() : sa.errors()).front().render(siap::Lang::en).c_str());
    return 1;
  }
  start = std::chrono::steady_clock::now();
  const auto ua_result = siap::analyse_uncertainty(*fw, *data, nominal, *ua);
  const double ua_seconds = seconds_since(start);
  start = std::chrono::steady_clock::now();
  const auto sa_result = siap::analyse_uncertainty(*fw, *data, nominal, *sa);
  const double sa_seconds = seconds_since(start);

  // The reference on the first runs, timed, and compared value by value.
  start = std::chrono::steady_clock::now();
  const auto plain = siap::rebuild_runs(*fw, *data, *ua, rebuild);
  const double plain_seconds = seconds_since(start);
  const auto fast = siap::engine_runs(*fw, *data, *ua, rebuild);
  double worst = 0;
  std::size_t mismatched_missing = 0;
  for (std::size_t r = 0; r < rebuild; ++r) {
    for (std::size_t u = 0; u < fast[r].size(); ++u) {
      if (std::isnan(fast[r][u]) != std::isnan(plain[r][u])) {
        ++mismatched_missing;
      } else if (!std::isnan(fast[r][u])) {
        worst = std::max(worst, std::fabs(fast[r][u] - plain[r][u]));
      }
    }
  }
  const double per_rebuild = plain_seconds / double(rebuild);
  std::printf("uncertainty, %zu replicates (5 choices + leave-one-out): %.3f s (%.1f us per replicate)\n", ua_result.runs, ua_seconds,
              1e6 * ua_seconds / double(ua_result.runs));
  std::printf("sensitivity, N = %zu, d = %zu: %zu rebuilds in %.3f s, Si/STi with 100 bootstrap resamples\n", sa_n, sa->inputs.size(), sa_result.runs,
              sa_seconds);
  std::printf(
      "reference (rebuild every run from the raw data): %zu runs in %.3f s = %.1f ms per run; %zu replicates would take %.0f s, %zu rebuilds %.0f "
      "s\n",
      rebuild, plain_seconds, 1e3 * per_rebuild, ua_result.runs, per_rebuild * double(ua_result.runs), sa_result.runs,
      per_rebuild * double(sa_result.runs));
  std::printf("engine vs reference on those runs: max |difference| %.3g, missing-pattern mismatches %zu\n", worst, mismatched_missing);
  std::printf("speed-up: %.0fx (uncertainty), %.0fx (sensitivity)\n", per_rebuild * double(ua_result.runs) / ua_seconds,
              per_rebuild * double(sa_result.runs) / sa_seconds);
  return worst < 1e-9 && mismatched_missing == 0 ? 0 : 1;
}
