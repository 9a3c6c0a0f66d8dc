// The respondent bootstrap against independent truth: R's boot on a
// committed example (by distribution, as two random streams can only
// agree), a unit whose respondents all answer alike (a zero-width
// interval), R's norm.inter for the order statistics, and the fast engine
// against the plain one, draw for draw.
#include "siap/bootstrap.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "siap/assessment_json.hpp"
#include "siap/framework_loader.hpp"
#include "siap/report.hpp"

namespace {

const std::string kFixtures = SIAP_SOURCE_DIR "/tests/fixtures/statistics/";

std::string framework(const std::string& groups) {
  return "schema: siap/framework/v1\n"
         "id: boot\n"
         "version: '1'\n"
         "title: {id: B, en: B}\n"
         "status: project-defined\n"
         "input: {kind: respondents, unit_column: wilayah" +
         std::string(groups.empty() ? "" : ", group_column: kelompok") +
         "}\n"
         "respondents: {combine: mean, min_respondents: 1" +
         groups +
         "}\n"
         "score: {min: 1, max: 5, decimals: 2}\n"
         "scale: l\n"
         "scales:\n"
         "  - {id: l, type: ordinal, min: 1, max: 5}\n"
         "tree:\n"
         "  - {id: q1, name: Q1}\n"
         "  - {id: q2, name: Q2}\n"
         "  - {id: q3, name: Q3}\n"
         "  - {id: q4, name: Q4}\n";
}

siap::Assessment assess_file(const siap::Framework& fw, const std::string& path) {
  auto data = siap::load_dataset(fw, {path}, siap::LoadOptions{});
  REQUIRE(data.has_value());
  return siap::assess(fw, std::move(*data));
}

siap::Assessment assess_text(const siap::Framework& fw, const std::string& csv, const std::string& name) {
  auto path = std::filesystem::temp_directory_path() / name;
  std::ofstream(path) << csv;
  auto a = assess_file(fw, path.string());
  std::filesystem::remove(path);
  return a;
}

// boot_golden.csv: case -> column -> value.
std::map<std::string, std::map<std::string, double>> golden() {
  std::ifstream in(kFixtures + "boot_golden.csv");
  REQUIRE(in);
  std::string line;
  std::getline(in, line);
  std::vector<std::string> header;
  std::stringstream hs(line);
  for (std::string cell; std::getline(hs, cell, ',');) header.push_back(cell);
  std::map<std::string, std::map<std::string, double>> out;
  while (std::getline(in, line)) {
    std::stringstream ls(line);
    std::string name, cell;
    std::getline(ls, name, ',');
    for (std::size_t c = 1; std::getline(ls, cell, ','); ++c) out[name][header[c]] = std::stod(cell);
  }
  return out;
}

// Both not computed, or within `tolerance`.
bool close(double x, double y, double tolerance) { return std::isnan(x) ? std::isnan(y) : std::abs(x - y) < tolerance; }

// Equal to the bit (NaN included, which == would not call equal).
bool same_bits(const std::vector<std::vector<double>>& x, const std::vector<std::vector<double>>& y) {
  if (x.size() != y.size()) return false;
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (x[i].size() != y[i].size() || std::memcmp(x[i].data(), y[i].data(), x[i].size() * sizeof(double)) != 0) return false;
  }
  return true;
}

}  // namespace

TEST_CASE("boot's order statistics: (B + 1) alpha, interpolated on the normal scale (norm.inter)", "[stats][bootstrap]") {
  // R: boot:::norm.inter(c(3.1, 2.7, 4.4, 3.9, 3.3, 2.2, 4.0, 3.6, 3.0, 2.9), c(0.025, 0.1, 0.5, 0.9, 0.975))
  std::vector<double> t{3.1, 2.7, 4.4, 3.9, 3.3, 2.2, 4.0, 3.6, 3.0, 2.9};
  std::sort(t.begin(), t.end());
  CHECK(siap::bootstrap_quantile(t, 0.025) == 2.2);
  CHECK(siap::bootstrap_quantile(t, 0.1) == Approx(2.26283533372639).epsilon(1e-12));
  CHECK(siap::bootstrap_quantile(t, 0.5) == Approx(3.2).epsilon(1e-12));
  CHECK(siap::bootstrap_quantile(t, 0.9) == Approx(4.34973173301889).epsilon(1e-12));
  CHECK(siap::bootstrap_quantile(t, 0.975) == 4.4);
}

TEST_CASE("R boot at B = 9,999 on the committed example: SE and endpoints within Monte-Carlo error", "[stats][bootstrap]") {
  const auto truth = golden();
  for (const std::string name : {"plain", "grouped"}) {
    DYNAMIC_SECTION(name) {
      const std::string groups = name == "grouped" ? ", groups: [{id: g1, weight: 2}, {id: g2, weight: 1}]" : "";
      auto fw = siap::load_framework(framework(groups), "boot.yaml");
      REQUIRE(fw.has_value());
      const auto a = assess_file(*fw, kFixtures + "boot_example.csv");
      siap::BootstrapOptions options;
      options.resamples = 9999;
      options.seed = 7;
      const auto result = siap::bootstrap(a, options);
      REQUIRE(result.units.size() == 1);
      CHECK_FALSE(result.plain);
      const auto& root = result.units[0].nodes[0];
      const auto& r = truth.at(name);
      CHECK(root.estimate == Approx(r.at("estimate")).epsilon(1e-9));
      CHECK(root.assessed == 9999);
      // The SE of a bootstrap SE is about SE / sqrt(2B), 0.7 %; two
      // independent runs differ by about 1 %: 4 % is four of those.
      CHECK(root.standard_error == Approx(r.at("se")).epsilon(0.04));
      // An endpoint's Monte-Carlo SD here is about 0.003 and the values lie
      // on a grid of 1/240 (60 respondents x 4 items): 0.015 is about
      // three SDs of the difference plus one grid step.
      const double se = r.at("se");
      CHECK(std::abs(root.percentile.low - r.at("perc_low")) < 0.015);
      CHECK(std::abs(root.percentile.high - r.at("perc_high")) < 0.015);
      CHECK(std::abs(root.bca.low - r.at("bca_low")) < 0.02);
      CHECK(std::abs(root.bca.high - r.at("bca_high")) < 0.02);
      // And not trivially: the interval is about four SEs wide.
      CHECK(root.percentile.high - root.percentile.low > 3.5 * se);
    }
  }
}

TEST_CASE("a unit whose respondents all answer alike has a zero-width interval and its nominal rank", "[stats][bootstrap]") {
  auto fw = siap::load_framework(framework(""), "boot.yaml");
  REQUIRE(fw.has_value());
  std::string csv = "wilayah,q1,q2,q3,q4\n";
  for (int i = 0; i < 12; ++i) csv += "Kota Bandung,4,3,5,4\n";                                 // 4.00 every time
  for (int i = 0; i < 12; ++i) csv += i % 2 ? "Kota Bogor,1,2,1,2\n" : "Kota Bogor,2,1,2,1\n";  // 1.50 every time
  const auto a = assess_text(*fw, csv, "siap-boot-same.csv");
  siap::BootstrapOptions options;
  options.resamples = 500;
  const auto result = siap::bootstrap(a, options);
  REQUIRE(result.units.size() == 2);
  const auto& bandung = result.units[0];
  CHECK(a.unit_of(a.results[0]).name == "Kota Bandung");
  CHECK(bandung.nodes[0].estimate == 4.0);
  CHECK(bandung.nodes[0].percentile.low == 4.0);
  CHECK(bandung.nodes[0].percentile.high == 4.0);
  CHECK(bandung.nodes[0].standard_error == 0.0);
  CHECK(std::isnan(bandung.nodes[0].bca.low));  // BCa is not defined when no resample differs
  CHECK(bandung.median_rank == 1);
  CHECK(bandung.rank_low == 1);
  CHECK(bandung.rank_high == 1);
  CHECK(bandung.p_top == 1.0);
  // Kota Bogor's items vary between respondents but its index does not
  // (exactly 1.5; the sums engine's double arithmetic, which multiplies by
  // reciprocals, may land an ulp from it).
  const auto& bogor = result.units[1];
  CHECK(bogor.nodes[0].percentile.low == Approx(1.5).margin(1e-12));
  CHECK(bogor.nodes[0].percentile.high == Approx(1.5).margin(1e-12));
  CHECK(bogor.nodes[1].percentile.low < bogor.nodes[1].percentile.high);  // q1 does vary
  CHECK(bogor.rank_low == 2);
  CHECK(result.unresolved.empty());
}

TEST_CASE("the sums engine equals re-scoring every resample through the kernel, draw for draw", "[stats][bootstrap]") {
  // Groups, an unanswered item, a reversed item, a geometric node with a
  // coverage rule and a facet: every path of the roll-up.
  const std::string text =
      "schema: siap/framework/v1\n"
      "id: boot2\n"
      "version: '1'\n"
      "title: {id: B, en: B}\n"
      "status: project-defined\n"
      "input: {kind: respondents, unit_column: wilayah, group_column: kelompok}\n"
      "respondents: {combine: mean, min_respondents: 1, groups: [{id: g1, weight: 3}, {id: g2, weight: 1}]}\n"
      "score: {min: 1, max: 5, decimals: 2}\n"
      "scale: l\n"
      "scales:\n"
      "  - {id: l, type: ordinal, min: 1, max: 5}\n"
      "facets:\n"
      "  - id: f\n"
      "    name: F\n"
      "    values: [{id: x, name: X}, {id: y, name: Y}]\n"
      "tree:\n"
      "  - id: a\n"
      "    name: A\n"
      "    weight: 2\n"
      "    aggregation: {method: geometric, min_coverage: 0.6}\n"
      "    children:\n"
      "      - {id: q1, name: Q1, facets: {f: x}}\n"
      "      - {id: q2, name: Q2, reverse: true, facets: {f: y}}\n"
      "  - {id: q3, name: Q3, weight: 1, facets: {f: x}}\n";
  auto fw = siap::load_framework(text, "boot2.yaml");
  REQUIRE(fw.has_value());
  std::string csv = "wilayah,kelompok,q1,q2,q3\n";
  const char* answers[] = {"5,2,4", "4,,3", "1,3,", "3,5,2", "2,1,5", ",4,4", "4,4,4"};
  int k = 0;
  for (const char* unit : {"Kota Bandung", "Kota Bogor", "Kabupaten Garut"}) {
    for (int i = 0; i < 9; ++i, ++k) csv += std::string(unit) + "," + (k % 3 == 0 ? "g2" : "g1") + "," + answers[(k * 5) % 7] + "\n";
  }
  // Kota Depok: one respondent answers q2, so about (3/4)^4 of its
  // resamples have no q2 and A falls below its coverage.
  csv += "Kota Depok,g1,4,2,3\nKota Depok,g1,5,,3\nKota Depok,g1,2,,2\nKota Depok,g1,3,,5\nKota Depok,g2,1,,4\nKota Depok,g2,2,,3\n";
  const auto a = assess_text(*fw, csv, "siap-boot-engines.csv");
  siap::BootstrapOptions options;
  options.resamples = 300;
  options.seed = 11;
  options.keep_replicates = true;
  const auto fast = siap::bootstrap(a, options);
  options.engine = siap::BootstrapEngine::plain;
  const auto plain = siap::bootstrap(a, options);
  CHECK_FALSE(fast.plain);
  CHECK(plain.plain);
  REQUIRE(fast.replicates.size() == 4);
  std::size_t compared = 0, missing = 0;
  for (std::size_t u = 0; u < 4; ++u) {
    REQUIRE(fast.replicates[u].size() == plain.replicates[u].size());
    for (std::size_t i = 0; i < fast.replicates[u].size(); ++i) {
      const double x = fast.replicates[u][i], y = plain.replicates[u][i];
      REQUIRE(std::isnan(x) == std::isnan(y));
      if (std::isnan(x)) {
        ++missing;
        continue;
      }
      REQUIRE(std::abs(x - y) < 1e-12);
      ++compared;
    }
    // Intervals and the jackknife (BCa) agree as well.
    for (std::size_t n = 0; n < fw->nodes.size(); ++n) {
      CHECK(close(fast.units[u].nodes[n].percentile.low, plain.units[u].nodes[n].percentile.low, 1e-12));
      CHECK(close(fast.units[u].nodes[n].bca.high, plain.units[u].nodes[n].bca.high, 1e-9));
    }
  }
  CHECK(compared > 3000);
  CHECK(missing > 100);  // Kota Depok's A, and the index and facet value y with it
  // The same seed gives the same draws; another seed other draws.
  options.engine = siap::BootstrapEngine::automatic;
  CHECK(same_bits(siap::bootstrap(a, options).replicates, fast.replicates));
  options.seed = 12;
  CHECK_FALSE(same_bits(siap::bootstrap(a, options).replicates, fast.replicates));
}

TEST_CASE("an assessment JSON with the bootstrap reads back as the assessment it holds", "[stats][bootstrap][json]") {
  auto fw = siap::load_framework(framework(""), "boot.yaml");
  REQUIRE(fw.has_value());
  const auto a = assess_file(*fw, kFixtures + "boot_example.csv");
  siap::BootstrapOptions options;
  options.resamples = 50;
  const auto result = siap::bootstrap(a, options);
  siap::ReportOptions report;
  report.bootstrap = &result;
  const std::string with = siap::render_json(a, report);
  CHECK(with.find("\"bootstrap\"") != std::string::npos);
  auto saved = siap::read_assessment_json(with, "with.json", *fw);
  REQUIRE(saved.has_value());
  // Read back without it, it writes what an assessment without a bootstrap writes.
  report.bootstrap = nullptr;
  CHECK(siap::render_json(saved->assessment, report) == siap::render_json(a, report));
}
