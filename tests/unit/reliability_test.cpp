// Cronbach's alpha and the item analysis against independent truth: the
// golden values R 4.2.2 / psych 2.2.9 give on the synthetic S1-S5 set
// (shared/domain/statistics.md §2), and the published r tabel for df 1..100.
#include "siap/reliability.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

namespace {

std::vector<std::vector<double>> read_csv(const std::string& name) {
  std::ifstream in(std::string(SIAP_SOURCE_DIR) + "/tests/fixtures/statistics/" + name);
  REQUIRE(in);
  std::string line;
  std::getline(in, line);  // header
  std::vector<std::vector<double>> rows;
  while (std::getline(in, line)) {
    std::vector<double> row;
    std::stringstream fields(line);
    std::string f;
    while (std::getline(fields, f, ',')) row.push_back(f.empty() ? std::nan("") : std::stod(f));
    if (!line.empty() && line.back() == ',') row.push_back(std::nan(""));  // getline drops an empty last field
    rows.push_back(row);
  }
  return rows;
}

// S1..S5 of the synthetic set, S5 reversed (6 - S5) unless told otherwise.
siap::ItemMatrix synthetic(bool reverse_s5 = true) {
  siap::ItemMatrix m;
  m.items = 5;
  for (const auto& row : read_csv("synthetic_S1-S5_raw.csv")) {
    for (std::size_t i = 1; i <= 5; ++i) m.values.push_back(i == 5 && reverse_s5 ? 6 - row[i] : row[i]);
  }
  return m;
}

using Catch::Matchers::WithinAbs;

}  // namespace

TEST_CASE("synthetic S1-S5 with S5 reversed: psych's alpha, both intervals, item-total and alpha if deleted", "[stats][reliability]") {
  auto result = siap::analyse_reliability(synthetic());
  REQUIRE(result.value);
  const siap::Reliability& r = *result.value;
  CHECK(r.respondents == 20);
  CHECK(r.used == 20);
  CHECK_THAT(r.alpha, WithinAbs(0.926480217005, 1e-9));
  CHECK_THAT(r.standardized_alpha, WithinAbs(0.928500370602, 1e-9));
  CHECK_THAT(r.feldt_lower, WithinAbs(0.859347489348, 1e-9));
  CHECK_THAT(r.feldt_upper, WithinAbs(0.967208007445, 1e-9));
  CHECK_THAT(r.duhachek_lower, WithinAbs(0.872549697872, 1e-9));
  CHECK_THAT(r.duhachek_upper, WithinAbs(0.980410736138, 1e-9));
  // Given to six decimals in the notes.
  const double r_drop[] = {0.956770, 0.819323, 0.684001, 0.658959, 0.953193};
  const double if_deleted[] = {0.881582, 0.908522, 0.934723, 0.938292, 0.879177};
  const double sd[] = {1.14708, 1.09904, 1.27321, 1.23117, 1.27321};
  REQUIRE(r.item.size() == 5);
  for (std::size_t i = 0; i < 5; ++i) {
    CAPTURE(i);
    CHECK_THAT(r.item[i].r_corrected, WithinAbs(r_drop[i], 5e-7));
    CHECK_THAT(r.item[i].alpha_if_deleted, WithinAbs(if_deleted[i], 5e-7));
    CHECK_THAT(r.item[i].sd, WithinAbs(sd[i], 5e-6));
    CHECK(r.item[i].n == 20);
  }
  CHECK(r.average_covariance > 0);
}

TEST_CASE("synthetic S1-S5 without reversing S5: the low alpha and the negative item SPSS warns about", "[stats][reliability]") {
  auto result = siap::analyse_reliability(synthetic(false));
  REQUIRE(result.value);
  const siap::Reliability& r = *result.value;
  CHECK_THAT(r.alpha, WithinAbs(0.159255755282, 1e-9));
  const double if_deleted[] = {-1.082867, -0.696570, -0.579942, -0.386109, 0.879177};
  for (std::size_t i = 0; i < 5; ++i) CHECK_THAT(r.item[i].alpha_if_deleted, WithinAbs(if_deleted[i], 5e-7));
  CHECK_THAT(r.item[4].r_corrected, WithinAbs(-0.953193, 5e-7));
}

TEST_CASE("scale statistics are of the sum, and the deleted-item columns follow from them", "[stats][reliability]") {
  // Hand calculation on three respondents and two items: a = 1, 2, 3; b = 2, 2, 5.
  siap::ItemMatrix m{2, {1, 2, 2, 2, 3, 5}};
  auto result = siap::analyse_reliability(m);
  REQUIRE(result.value);
  const siap::Reliability& r = *result.value;
  // var(a) = 1, var(b) = 3, cov = 1.5; sum = 3, 4, 8: mean 5, variance 7 = 1 + 3 + 2·1.5.
  CHECK_THAT(r.scale_mean, WithinAbs(5, 1e-12));
  CHECK_THAT(r.scale_variance, WithinAbs(7, 1e-12));
  // alpha = 2 · (1 - 4/7) = 6/7.
  CHECK_THAT(r.alpha, WithinAbs(6.0 / 7.0, 1e-12));
  CHECK_THAT(r.item[0].scale_mean_if_deleted, WithinAbs(3, 1e-12));
  CHECK_THAT(r.item[0].scale_variance_if_deleted, WithinAbs(3, 1e-12));
  // Corrected r of a is corr(a, b) = 1.5 / sqrt(3).
  CHECK_THAT(r.item[0].r_corrected, WithinAbs(1.5 / std::sqrt(3.0), 1e-12));
  CHECK(std::isnan(r.item[0].alpha_if_deleted));  // one item left
}

TEST_CASE("listwise drops a respondent with any missing answer, pairwise keeps each pair's", "[stats][reliability]") {
  siap::ItemMatrix m = synthetic();
  m.values[2 * 5 + 1] = std::nan("");  // respondent 3 skips S2
  auto listwise = siap::analyse_reliability(m);
  REQUIRE(listwise.value);
  CHECK(listwise.value->used == 19);
  // Listwise equals the analysis of the 19 complete rows.
  siap::ItemMatrix complete{5, {}};
  for (std::size_t r = 0; r < 20; ++r) {
    if (r == 2) continue;
    for (std::size_t i = 0; i < 5; ++i) complete.values.push_back(m.at(r, i));
  }
  CHECK_THAT(listwise.value->alpha, WithinAbs(siap::analyse_reliability(complete).value->alpha, 1e-15));
  siap::ReliabilityOptions pairwise_options;
  pairwise_options.missing = siap::MissingAnswers::pairwise;
  auto pairwise = siap::analyse_reliability(m, pairwise_options);
  REQUIRE(pairwise.value);
  CHECK(pairwise.value->used == 20);
  CHECK(pairwise.value->item[1].n == 19);
  CHECK(pairwise.value->item[0].n == 20);
  CHECK(pairwise.value->alpha != listwise.value->alpha);
}

TEST_CASE("too few items or respondents is said, not computed", "[stats][reliability]") {
  auto one_item = siap::analyse_reliability(siap::ItemMatrix{1, {1, 2, 3}});
  CHECK_FALSE(one_item.value);
  CHECK(one_item.why_not_en == "needs at least two items");
  auto two_rows = siap::analyse_reliability(siap::ItemMatrix{2, {1, 2, 3, 4}});
  CHECK_FALSE(two_rows.value);
}

TEST_CASE("r tabel at df = n - 2 equals the published table for df 1..100", "[stats][validity]") {
  auto rows = read_csv("r_tabel_df1-100.csv");
  REQUIRE(rows.size() == 100);
  for (const auto& row : rows) {
    CAPTURE(row[0]);
    CHECK_THAT(siap::r_table(0.05, row[0]), WithinAbs(row[2], 1e-12));
    CHECK_THAT(siap::r_table(0.01, row[0]), WithinAbs(row[3], 1e-12));
  }
  CHECK_THAT(siap::r_table(0.05, 28), WithinAbs(0.3610069077, 1e-10));  // the pilot of n = 30
}

TEST_CASE("psych's own numbers (committed by make_psych_golden.R): complete, and with missing answers listwise and pairwise",
          "[stats][reliability]") {
  // set,deletion,statistic,item,value
  std::ifstream in(std::string(SIAP_SOURCE_DIR) + "/tests/fixtures/statistics/psych_golden.csv");
  REQUIRE(in);
  std::string line;
  std::getline(in, line);
  siap::ItemMatrix missing{5, {}};
  for (const auto& row : read_csv("synthetic_missing.csv")) missing.values.insert(missing.values.end(), row.begin() + 1, row.end());
  siap::ReliabilityOptions pairwise;
  pairwise.missing = siap::MissingAnswers::pairwise;
  const siap::Reliability complete = *siap::analyse_reliability(synthetic()).value;
  const siap::Reliability missing_pairwise = *siap::analyse_reliability(missing, pairwise).value;
  const siap::Reliability missing_listwise = *siap::analyse_reliability(missing).value;
  CHECK(missing_listwise.used == 15);
  int checked = 0;
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::stringstream fields(line);
    std::string x;
    while (std::getline(fields, x, ',')) f.push_back(x);
    REQUIRE(f.size() == 5);
    CAPTURE(line);
    const siap::Reliability& r = f[0] == "complete" ? complete : f[1] == "pairwise" ? missing_pairwise : missing_listwise;
    const double expected = std::stod(f[4]);
    const std::size_t item = f[3].empty() ? 0 : std::size_t(f[3][1] - '1');
    const siap::ItemAnalysis& it = r.item[item];
    const std::map<std::string, double> got{{"alpha", r.alpha},
                                            {"standardized_alpha", r.standardized_alpha},
                                            {"scale_mean", r.scale_mean},
                                            {"scale_variance", r.scale_variance},
                                            {"r_corrected", it.r_corrected},
                                            {"alpha_if_deleted", it.alpha_if_deleted},
                                            {"smc", it.smc},
                                            {"mean", it.mean},
                                            {"sd", it.sd},
                                            {"r_uncorrected", it.r_uncorrected},
                                            {"sig_two_tailed", it.p_corrected},
                                            {"scale_mean_if_deleted", it.scale_mean_if_deleted},
                                            {"scale_variance_if_deleted", it.scale_variance_if_deleted}};
    REQUIRE(got.count(f[2]) == 1);
    CHECK_THAT(got.at(f[2]), WithinAbs(expected, 1e-9));
    ++checked;
  }
  CHECK(checked == 73);
}

TEST_CASE("every scale's listwise moments in one pass: psych's numbers, the per-scale pass's, and a shift changes nothing", "[stats][reliability]") {
  siap::ItemMatrix missing{5, {}};
  for (const auto& row : read_csv("synthetic_missing.csv")) missing.values.insert(missing.values.end(), row.begin() + 1, row.end());
  const std::vector<std::vector<std::size_t>> scales{{0, 1, 2, 3, 4}, {0, 2, 4}, {1, 3}};
  const siap::ItemMoments moments = siap::item_moments(missing, scales);
  REQUIRE(moments.scales.size() == 3);
  CHECK(moments.scales[0].used == 15);
  // psych::alpha on the respondents with every answer (make_psych_golden.R).
  const siap::Reliability whole = *siap::analyse_reliability(missing, scales[0], {}, &moments).value;
  CHECK_THAT(whole.alpha, WithinAbs(0.940882597835, 1e-9));
  CHECK_THAT(whole.standardized_alpha, WithinAbs(0.942513238886, 1e-9));
  CHECK_THAT(whole.item[0].alpha_if_deleted, WithinAbs(0.904138449962, 1e-9));
  CHECK_THAT(whole.item[4].alpha_if_deleted, WithinAbs(0.901629072682, 1e-9));
  // Each scale as the two-pass per-scale loop computes it, with and without
  // the shared pass; and the same answers moved by 1000.37 (not integers:
  // the shift no longer cancels exactly) give the same covariances.
  siap::ItemMatrix moved = missing;
  for (double& v : moved.values) v += 1000.37;
  const siap::ItemMoments moved_moments = siap::item_moments(moved, scales);
  for (std::size_t s = 0; s < scales.size(); ++s) {
    CAPTURE(s);
    const siap::Reliability one_pass = *siap::analyse_reliability(missing, scales[s], {}, &moments).value;
    const siap::Reliability per_scale = *siap::analyse_reliability(missing, scales[s]).value;
    const siap::Reliability shifted = *siap::analyse_reliability(moved, scales[s], {}, &moved_moments).value;
    CHECK(one_pass.used == per_scale.used);
    CHECK_THAT(one_pass.alpha, WithinAbs(per_scale.alpha, 1e-12));
    CHECK_THAT(one_pass.scale_variance, WithinAbs(per_scale.scale_variance, 1e-12));
    CHECK_THAT(shifted.alpha, WithinAbs(per_scale.alpha, 1e-9));
    for (std::size_t i = 0; i < scales[s].size(); ++i) {
      CHECK_THAT(one_pass.item[i].mean, WithinAbs(per_scale.item[i].mean, 1e-12));
      CHECK_THAT(one_pass.item[i].sd, WithinAbs(per_scale.item[i].sd, 1e-12));
      CHECK_THAT(one_pass.item[i].r_corrected, WithinAbs(per_scale.item[i].r_corrected, 1e-12));
      CHECK_THAT(shifted.item[i].mean, WithinAbs(per_scale.item[i].mean + 1000.37, 1e-9));
      CHECK_THAT(shifted.item[i].sd, WithinAbs(per_scale.item[i].sd, 1e-9));
    }
  }
}
