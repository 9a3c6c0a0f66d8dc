// The instrument analysis's fast paths against the slow ones they replace:
// each respondent's leaf values looked up per code against the scoring
// kernel run on that respondent alone, and the listwise covariance pass
// against the pairwise one on data without missing answers.
#include "siap/instrument.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "siap/framework_catalog.hpp"

namespace {

const std::string kFixtures = SIAP_SOURCE_DIR "/tests/fixtures/statistics/";

// The fixture with a region column, as a survey file.
std::string as_survey(const std::string& name) {
  std::ifstream in(kFixtures + name);
  std::string line, out = "id,wilayah,S1,S2,S3,S4,S5\n";
  std::getline(in, line);
  while (std::getline(in, line)) {
    const auto comma = line.find(',');
    out += line.substr(0, comma) + ",Kota Bandung" + line.substr(comma) + "\n";
  }
  const auto path = (std::filesystem::temp_directory_path() / ("siap-instrument-" + name)).string();
  std::ofstream(path) << out;
  return path;
}

}  // namespace

TEST_CASE("respondent scores looked up per code equal the kernel on each respondent alone", "[stats][instrument]") {
  auto fw = siap::resolve_framework(kFixtures + "synthetic.yaml");
  REQUIRE(fw.has_value());
  // synthetic_missing.csv: S5 reverse-keyed by the framework, some answers blank.
  const std::string path = as_survey("synthetic_missing.csv");
  auto data = siap::load_dataset(*fw, {path}, siap::LoadOptions{});
  std::filesystem::remove(path);
  REQUIRE(data.has_value());
  const siap::ItemMatrix fast = siap::respondent_scores(*fw, *data);
  CHECK_FALSE(fast.codes.empty());  // every item is coded: the compact form
  std::vector<double> slow(fast.respondents() * fast.items, std::nan(""));
  siap::for_each_respondent(*fw, *data, -1, [&](std::size_t r, std::span<const siap::NodeValue> nodes) {
    for (std::size_t i = 0; i < fw->leaves.size(); ++i) {
      const auto& v = nodes[std::size_t(fw->leaves[i])];
      if (v.assessed) slow[r * fw->leaves.size() + i] = double(v.exact.value());
    }
  });
  std::vector<double> looked_up(slow.size());
  for (std::size_t r = 0; r < fast.respondents(); ++r) {
    for (std::size_t i = 0; i < fast.items; ++i) looked_up[r * fast.items + i] = fast.at(r, i);
  }
  std::size_t missing = 0;
  for (double v : slow) missing += std::isnan(v) ? 1 : 0;
  CHECK(missing > 0);
  CHECK(std::memcmp(looked_up.data(), slow.data(), slow.size() * sizeof(double)) == 0);
}

TEST_CASE("without missing answers the listwise pass and the pairwise loop give the same tables", "[stats][instrument]") {
  siap::ItemMatrix m;
  m.items = 4;
  m.values = {4, 5, 3, 4, 2, 3, 2, 1, 5, 5, 4, 5, 3, 3, 3, 2, 4, 4, 5, 4, 1, 2, 2, 1, 3, 4, 3, 3};
  siap::ReliabilityOptions listwise, pairwise;
  pairwise.missing = siap::MissingAnswers::pairwise;
  const auto a = siap::analyse_reliability(m, listwise), b = siap::analyse_reliability(m, pairwise);
  REQUIRE(a.value);
  REQUIRE(b.value);
  CHECK(a.value->alpha == Approx(b.value->alpha).epsilon(1e-14));
  CHECK(a.value->scale_variance == Approx(b.value->scale_variance).epsilon(1e-14));
  for (std::size_t i = 0; i < 4; ++i) {
    CHECK(a.value->item[i].r_corrected == Approx(b.value->item[i].r_corrected).epsilon(1e-14));
    CHECK(a.value->item[i].alpha_if_deleted == Approx(b.value->item[i].alpha_if_deleted).epsilon(1e-14));
  }
  // A scale of columns 1 and 3 read in place equals that scale copied out.
  siap::ItemMatrix copy;
  copy.items = 2;
  for (std::size_t r = 0; r < 7; ++r) {
    copy.values.push_back(m.at(r, 1));
    copy.values.push_back(m.at(r, 3));
  }
  const std::size_t columns[] = {1, 3};
  const auto in_place = siap::analyse_reliability(m, columns, listwise), copied = siap::analyse_reliability(copy, listwise);
  REQUIRE(in_place.value);
  CHECK(in_place.value->alpha == copied.value->alpha);
}
