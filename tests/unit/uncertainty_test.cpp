// Uncertainty and sensitivity analysis: the fast engine against the
// straightforward rebuild of every run from the raw data (exact
// arithmetic, composite_values), the Saltelli/Jansen estimators against a
// model with known indices, a case with a known answer (choices that
// change nothing give zero-width rank intervals), determinism, and the
// spec's errors.
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <numeric>
#include <random>
#include <sstream>

#include "siap/assessment.hpp"
#include "siap/composite.hpp"
#include "siap/framework_loader.hpp"
#include "siap/uncertainty.hpp"

using siap::Lang;

namespace {

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Sample {
  siap::Framework fw;
  std::shared_ptr<const siap::Dataset> data;
};

const Sample& sample() {
  static const Sample s = [] {
    auto fw = siap::load_framework(read(std::string(SIAP_SOURCE_DIR) + "/samples/frameworks/indikator-digital.yaml"), "indikator-digital.yaml");
    REQUIRE(fw.has_value());
    auto data = siap::load_dataset(*fw, {std::string(SIAP_SOURCE_DIR) + "/samples/indikator-digital-jabar.csv"}, {});
    REQUIRE(data.has_value());
    return Sample{std::move(*fw), std::make_shared<const siap::Dataset>(std::move(*data))};
  }();
  return s;
}

siap::UncertaintySpec spec(const std::string& text) {
  auto s = siap::load_uncertainty_spec(text, "ua.yaml", sample().fw);
  if (!s) {
    for (const auto& e : s.errors()) UNSCOPED_INFO(e.render(Lang::en));
  }
  REQUIRE(s.has_value());
  return std::move(*s);
}

std::vector<std::string> spec_errors(const std::string& text) {
  auto s = siap::load_uncertainty_spec(text, "ua.yaml", sample().fw);
  std::vector<std::string> out;
  if (!s) {
    for (const auto& e : s.errors()) out.push_back(e.render(Lang::en));
  }
  return out;
}

const char* const kEveryChoice =
    "schema: siap/uncertainty/v1\n"
    "replicates: 60\n"
    "seed: 7\n"
    "analysis: sensitivity\n"
    "vary:\n"
    "  weights: {noise: 0.3}\n"
    "  aggregation: [as_declared, arithmetic, geometric, harmonic, {method: power, power: 2}]\n"
    "  normalisation: [as_declared, {normalise: minmax, range: [1, 100]}, {normalise: percentile_rank, range: [1, 100]}, {normalise: rank}]\n"
    "  imputation: [as_declared, none, median]\n"
    "  outliers: [as_declared, none]\n"
    "  leave_out: true\n";

}  // namespace

TEST_CASE("the engine agrees run by run with rebuilding every run from the raw data", "[uncertainty]") {
  // 60 x (6 + 2) = 480 runs over every kind of choice, including runs that
  // leave units unassessed (no imputation, full coverage required).
  const auto s = spec(kEveryChoice);
  const std::size_t runs = 480;
  const auto fast = siap::engine_runs(sample().fw, *sample().data, s, runs);
  const auto plain = siap::rebuild_runs(sample().fw, *sample().data, s, runs);
  REQUIRE(fast.size() == runs);
  REQUIRE(plain.size() == runs);
  std::size_t compared = 0, missing = 0;
  double worst = 0;
  for (std::size_t r = 0; r < runs; ++r) {
    REQUIRE(fast[r].size() == plain[r].size());
    for (std::size_t u = 0; u < fast[r].size(); ++u) {
      INFO("run " << r << ", unit " << u);
      REQUIRE(std::isnan(fast[r][u]) == std::isnan(plain[r][u]));
      if (std::isnan(fast[r][u])) {
        ++missing;
        continue;
      }
      worst = std::max(worst, std::fabs(fast[r][u] - plain[r][u]) / std::max(1.0, std::fabs(plain[r][u])));
      ++compared;
    }
  }
  CHECK(worst < 1e-9);
  CHECK(compared > 10000);
  CHECK(missing > 0);  // the no-imputation runs leave Garut and Pangandaran out
}

TEST_CASE("Saltelli and Jansen estimators recover the indices of a linear model", "[uncertainty]") {
  // Y = X1 + 2 X2 (+ 0 X3), X uniform: Var = (1 + 4) / 12, so S1 = ST1 = 0.2,
  // S2 = ST2 = 0.8, S3 = ST3 = 0. The design drawn here with std::mt19937.
  const std::size_t n = 200000, d = 3;
  std::mt19937_64 rng(42);
  std::uniform_real_distribution<double> u(0, 1);
  std::vector<std::array<double, 3>> a(n), b(n);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < d; ++j) a[i][j] = u(rng), b[i][j] = u(rng);
  }
  auto f = [](const std::array<double, 3>& x) { return x[0] + 2 * x[1]; };
  std::vector<double> y;
  for (const auto& x : a) y.push_back(f(x));
  for (const auto& x : b) y.push_back(f(x));
  for (std::size_t j = 0; j < d; ++j) {
    for (std::size_t i = 0; i < n; ++i) {
      auto x = a[i];
      x[j] = b[i][j];
      y.push_back(f(x));
    }
  }
  double variance = 0;
  const auto s = siap::sensitivity_indices(y, n, d, 0, 1, &variance);
  CHECK(variance == Approx(5.0 / 12).epsilon(0.01));
  CHECK(s[0].first == Approx(0.2).margin(0.01));
  CHECK(s[1].first == Approx(0.8).margin(0.01));
  CHECK(s[2].first == Approx(0).margin(0.01));
  CHECK(s[0].total == Approx(0.2).margin(0.01));
  CHECK(s[1].total == Approx(0.8).margin(0.01));
  CHECK(s[2].total == 0);  // column 3 changes nothing: exactly zero
  // With bootstrap, the intervals hold the estimate.
  const auto boot = siap::sensitivity_indices(y, n, d, 50, 1);
  CHECK(boot[1].first_q05 <= boot[1].first);
  CHECK(boot[1].first <= boot[1].first_q95);
  CHECK(boot[1].total_q05 <= boot[1].total);
  CHECK(boot[1].total <= boot[1].total_q95);
}

TEST_CASE("choices that change nothing give every unit its nominal rank with a zero-width interval", "[uncertainty]") {
  // The sample aggregates its root geometrically and two dimensions
  // arithmetically; imputation "as declared" vs the same methods written
  // out changes nothing.
  const auto s = spec(
      "schema: siap/uncertainty/v1\nreplicates: 200\nseed: 3\nvary:\n"
      "  imputation: [as_declared, as_declared]\n");
  const siap::Assessment nominal = siap::assess(sample().fw, sample().data);
  const auto result = siap::analyse_uncertainty(sample().fw, *sample().data, nominal, s);
  REQUIRE(result.units.size() == 27);
  for (const auto& u : result.units) {
    INFO(sample().data->units[std::size_t(u.unit)].name);
    CHECK(u.ranked == 200);
    CHECK(u.median == u.nominal);
    CHECK(u.q05 == u.nominal);
    CHECK(u.q95 == u.nominal);
    CHECK(u.mean == u.nominal);
  }
}

TEST_CASE("rank statistics equal those computed here from the engine's runs, on two threads or one", "[uncertainty]") {
  auto s = spec(kEveryChoice);
  s.sensitivity = false;
  s.replicates = 101;
  s.keep_parameters = true;
  const siap::Assessment nominal = siap::assess(sample().fw, sample().data);
  const auto result = siap::analyse_uncertainty(sample().fw, *sample().data, nominal, s);
  const auto runs = siap::engine_runs(sample().fw, *sample().data, s, s.replicates);
  // Ranks by hand: 1 + the number of units with a higher value (all are kabupaten/kota).
  const std::size_t units = sample().data->units.size();
  std::vector<std::vector<double>> ranks(units);
  for (const auto& run : runs) {
    for (std::size_t u = 0; u < units; ++u) {
      if (std::isnan(run[u])) continue;
      int rank = 1;
      for (std::size_t v = 0; v < units; ++v) rank += !std::isnan(run[v]) && run[v] > run[u];
      ranks[u].push_back(rank);
    }
  }
  auto type7 = [](std::vector<double> x, double p) {
    std::sort(x.begin(), x.end());
    const double h = double(x.size() - 1) * p;
    const std::size_t lo = std::size_t(h);
    return lo + 1 < x.size() ? x[lo] + (h - double(lo)) * (x[lo + 1] - x[lo]) : x[lo];
  };
  for (const auto& u : result.units) {
    const auto& mine = ranks[std::size_t(u.unit)];
    REQUIRE(u.ranked == mine.size());
    if (mine.empty()) continue;
    CHECK(u.median == Approx(type7(mine, 0.5)));
    CHECK(u.q05 == Approx(type7(mine, 0.05)));
    CHECK(u.q95 == Approx(type7(mine, 0.95)));
    CHECK(u.mean == Approx(std::accumulate(mine.begin(), mine.end(), 0.0) / double(mine.size())));
  }
  // The same seed, the same result.
  const auto again = siap::analyse_uncertainty(sample().fw, *sample().data, nominal, s);
  for (std::size_t i = 0; i < result.units.size(); ++i) CHECK(again.units[i].q95 == result.units[i].q95);
  CHECK(again.parameters == result.parameters);
  CHECK(result.parameters.size() == 101 * s.inputs.size());
}

TEST_CASE("an uncertainty spec is checked against the framework, every error with its line", "[uncertainty]") {
  const std::string head = "schema: siap/uncertainty/v1\nreplicates: 100\nseed: 1\n";
  // A geometric mean among the alternatives with a normaliser that can give 0.
  CHECK(spec_errors(head + "vary:\n  aggregation: [arithmetic, geometric]\n  normalisation: [{normalise: minmax, range: [0, 100]}, as_declared]\n")
            .front()
            .find("cannot be combined with the minmax normalisation") != std::string::npos);
  CHECK(spec_errors(head + "vary:\n  weights: {profiles: [default, expert]}\n").front() ==
        "ua.yaml:5:33: the framework has no weight profile 'expert' (at vary.weights.profiles[1])");
  CHECK(spec_errors(head + "analysis: sensitivity\nvary:\n  leave_out: true\n").front().find("needs at least two choices") != std::string::npos);
  CHECK(spec_errors(head + "vary:\n  aggregation: [arithmetic]\n").front() == "ua.yaml:5:16: needs at least two alternatives (at vary.aggregation)");
  CHECK(spec_errors(head + "vary:\n  colour: [red, blue]\n").front().find("unknown key 'colour'") != std::string::npos);
  CHECK(spec_errors(head + "target: ipm\nvary:\n  leave_out: true\n").front().find("'ipm' is not an internal node") != std::string::npos);
}
