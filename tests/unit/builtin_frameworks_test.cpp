// The frameworks compiled into the binary: each one is valid, named after its
// file, and (for those encoded so far) structurally equal to its source.
#include <catch2/catch.hpp>

#include <set>

#include "siap/effective_weights.hpp"
#include "siap/framework_catalog.hpp"

using siap::Decimal;

TEST_CASE("every built-in framework loads and its id matches its file name", "[builtin]") {
  auto ids = siap::builtin_framework_ids();
  REQUIRE_FALSE(ids.empty());
  for (const auto& id : ids) {
    INFO(id);
    auto fw = siap::load_builtin_framework(id);
    if (!fw) {
      for (const auto& e : fw.errors()) UNSCOPED_INFO(e.render(siap::Lang::en));
    }
    REQUIRE(fw.has_value());
    CHECK(fw->id == id);
    CHECK_FALSE(fw->title.en.empty());
    CHECK_FALSE(fw->sources.empty());
    // Effective shares of the leaves add up to the whole index, under every profile.
    for (int profile = -1; profile < int(fw->profiles.size()); ++profile) {
      auto w = siap::effective_weights(*fw, profile);
      double total = 0;
      for (int leaf : fw->leaves) total += w.share[std::size_t(leaf)];
      CHECK(total == Approx(1.0).margin(1e-12));
    }
  }
}

TEST_CASE("an unknown built-in id suggests the closest one", "[builtin]") {
  auto fw = siap::load_builtin_framework("spbe-202");
  REQUIRE_FALSE(fw.has_value());
  CHECK(fw.errors()[0].render(siap::Lang::en) == "spbe-202: unknown built-in framework; did you mean 'spbe-2020'?");
}

TEST_CASE("spbe-2020 has the structure of PermenPANRB 59/2020", "[builtin][spbe-2020]") {
  auto fw = siap::load_builtin_framework("spbe-2020");
  REQUIRE(fw.has_value());
  // spbe.md 1.1: 4 domains, 8 aspects, 47 indicators.
  const auto& root = fw->root();
  REQUIRE(root.children.size() == 4);
  std::size_t aspects = 0;
  for (int d : root.children) aspects += fw->nodes[std::size_t(d)].children.size();
  CHECK(aspects == 8);
  CHECK(fw->leaves.size() == 47);
  // Indicators per aspect: 10, 4, 4, 2, 8, 3, 10, 6.
  std::vector<std::size_t> per_aspect;
  for (int d : root.children) {
    for (int a : fw->nodes[std::size_t(d)].children) per_aspect.push_back(fw->nodes[std::size_t(a)].children.size());
  }
  CHECK(per_aspect == std::vector<std::size_t>{10, 4, 4, 2, 8, 3, 10, 6});
  // Domain weights 13 / 25 / 16.5 / 45.5, exactly.
  std::vector<std::string> domain_weights;
  for (int d : root.children) domain_weights.push_back(fw->nodes[std::size_t(d)].weight.to_string());
  CHECK(domain_weights == std::vector<std::string>{"13", "25", "16.5", "45.5"});
  // Integer levels 1-5; Layanan (D4) uses the technical-function level names.
  const auto& d4_leaf = fw->nodes[std::size_t(*fw->find_node("i32"))];
  const auto& scale = fw->scales[std::size_t(d4_leaf.scale)];
  CHECK(scale.points.front().label.id == "Informasi");
  CHECK(scale.points.back().label.id == "Optimalisasi");
  CHECK(scale.integer_only);
  CHECK(fw->scales[std::size_t(fw->nodes[std::size_t(*fw->find_node("i01"))].scale)].points[0].label.id == "Rintisan");
  CHECK(fw->score.decimals == 2);
}

TEST_CASE("spbe-2020 predikat edges are inclusive lower bounds", "[builtin][spbe-2020][bands]") {
  auto fw = siap::load_builtin_framework("spbe-2020");
  REQUIRE(fw.has_value());
  REQUIRE(fw->band_sets.size() == 1);
  const auto& set = fw->band_sets[0];
  CHECK(set.depths == std::vector<int>{0, 1});  // the index and the domains
  auto label = [&](const char* score) { return set.bands[std::size_t(*set.band_of(*Decimal::parse(score)))].label.id; };
  // spbe.md 1.5 and 4: 3.5 is Sangat Baik, not Baik.
  CHECK(label("3.5") == "Sangat Baik");
  CHECK(label("3.4999") == "Baik");
  CHECK(label("4.2") == "Memuaskan");
  CHECK(label("5") == "Memuaskan");
  CHECK(label("2.6") == "Baik");
  CHECK(label("2.59") == "Cukup");
  CHECK(label("1.8") == "Cukup");
  CHECK(label("1.79") == "Kurang");
  CHECK(label("1") == "Kurang");
  // Published pairs (spbe.md 1.5): 4.02 Sangat Baik, 4.23 Memuaskan, 1.55 Kurang, 2.48 Cukup, 3.39 Baik.
  CHECK(label("4.02") == "Sangat Baik");
  CHECK(label("4.23") == "Memuaskan");
  CHECK(label("1.55") == "Kurang");
  CHECK(label("2.48") == "Cukup");
  CHECK(label("3.39") == "Baik");
}

namespace {

std::string weights_of(const siap::Framework& fw, const std::vector<int>& nodes) {
  std::string out;
  for (int n : nodes) out += (out.empty() ? "" : "/") + fw.nodes[std::size_t(n)].weight.to_string();
  return out;
}

Decimal sum_of_top_weights(const siap::Framework& fw) {
  // The top-level weights are the published percentages: they sum to 100 exactly.
  Decimal total = Decimal::from_int(0);
  for (int d : fw.root().children) total = *checked_add(total, fw.nodes[std::size_t(d)].weight);
  return total;
}

}  // namespace

TEST_CASE("spbe-2018 has the structure of PermenPANRB 5/2018", "[builtin][spbe-2018]") {
  auto fw = siap::load_builtin_framework("spbe-2018");
  REQUIRE(fw.has_value());
  // spbe.md 2.1: 3 domains, 7 aspects, 35 indicators, indicator 35 rated for three services.
  CHECK(fw->root().children.size() == 3);
  std::vector<std::size_t> per_aspect;
  for (int d : fw->root().children) {
    for (int a : fw->nodes[std::size_t(d)].children) per_aspect.push_back(fw->nodes[std::size_t(a)].children.size());
  }
  CHECK(per_aspect == std::vector<std::size_t>{7, 10, 2, 2, 3, 7, 6});
  CHECK(fw->leaves.size() == 37);
  CHECK(fw->find_node("i35_3").has_value());
  CHECK(weights_of(*fw, fw->root().children) == "17/28/55");
  CHECK(sum_of_top_weights(*fw) == Decimal::from_int(100));
  CHECK(fw->score.min == Decimal::from_int(0));  // levels 0-5
  CHECK(fw->scales[0].min == Decimal::from_int(0));
}

TEST_CASE("pemdi-2026 has 7 aspects and 20 weighted indicators summing to 100", "[builtin][pemdi-2026]") {
  auto fw = siap::load_builtin_framework("pemdi-2026");
  REQUIRE(fw.has_value());
  CHECK(fw->provenance.status == siap::Status::third_party);
  CHECK(fw->root().children.size() == 7);
  CHECK(fw->leaves.size() == 20);
  // spbe.md 2.2: aspect weights 10/10/15/15/10/15/25.
  CHECK(weights_of(*fw, fw->root().children) == "10/10/15/15/10/15/25");
  CHECK(sum_of_top_weights(*fw) == Decimal::from_int(100));
  // Each aspect weight is the sum of its indicators'.
  for (int a : fw->root().children) {
    Decimal sum = Decimal::from_int(0);
    for (int i : fw->nodes[std::size_t(a)].children) sum = *checked_add(sum, fw->nodes[std::size_t(i)].weight);
    CHECK(sum == fw->nodes[std::size_t(a)].weight);
  }
  const auto& set = fw->band_sets[0];
  auto label = [&](const char* s) { return set.bands[std::size_t(*set.band_of(*Decimal::parse(s)))].label.en; };
  CHECK(label("1") == "Poor (Initiate)");
  CHECK(label("1.49") == "Poor (Initiate)");
  CHECK(label("1.5") == "Fair (Emerging)");
  CHECK(label("2.5") == "Good (Developing)");
  CHECK(label("3.5") == "Very good (Embedded)");
  CHECK(label("3.99") == "Very good (Embedded)");
  CHECK(label("4") == "Satisfactory (Leading)");
  CHECK(label("5") == "Satisfactory (Leading)");
}

TEST_CASE("kominfo-evaluation weighs 10/20/30/20/20, with the Sleman 10/20/30/30/10 profile", "[builtin][kominfo-evaluation]") {
  auto fw = siap::load_builtin_framework("kominfo-evaluation");
  REQUIRE(fw.has_value());
  CHECK(weights_of(*fw, fw->root().children) == "10/20/30/20/20");
  auto profile = fw->find_profile("sleman");
  REQUIRE(profile.has_value());
  CHECK(fw->profiles[std::size_t(*profile)].provenance.status == siap::Status::official);
  std::string sleman;
  for (int n : fw->root().children) {
    sleman += (sleman.empty() ? "" : "/") + fw->profiles[std::size_t(*profile)].weights.at(n).to_string();
  }
  CHECK(sleman == "10/20/30/30/10");
  CHECK(fw->score.decimals == 2);
}

TEST_CASE("kominfo-readiness: six dimensions x three elements, pillars as a facet, project-defined items", "[builtin][kominfo-readiness]") {
  auto fw = siap::load_builtin_framework("kominfo-readiness");
  REQUIRE(fw.has_value());
  // smart-city.md 1.2: Governance, Branding, Economy, Living, Society, Environment; three elements each.
  std::vector<std::string> dimensions;
  for (int d : fw->root().children) {
    dimensions.push_back(fw->nodes[std::size_t(d)].id);
    CHECK(fw->nodes[std::size_t(d)].children.size() == 3);
    CHECK(fw->nodes[std::size_t(d)].provenance.status == siap::Status::official);
  }
  CHECK(dimensions == std::vector<std::string>{"governance", "branding", "economy", "living", "society", "environment"});
  CHECK(fw->leaves.size() == 54);
  // smart-city.md 1.3: struktur, infrastruktur, suprastruktur with three sub-elements each; every item tagged.
  REQUIRE(fw->facets.size() == 1);
  const auto& pillars = fw->facets[0];
  std::vector<std::string> top;
  for (const auto& v : pillars.values) {
    if (v.parent < 0) {
      top.push_back(v.id);
      CHECK(v.children.size() == 3);
    }
  }
  CHECK(top == std::vector<std::string>{"struktur", "infrastruktur", "suprastruktur"});
  std::vector<int> per_sub(pillars.values.size(), 0);
  int reverse = 0;
  for (int leaf : fw->leaves) {
    const auto& node = fw->nodes[std::size_t(leaf)];
    REQUIRE(node.facet_values.count(0) == 1);
    ++per_sub[std::size_t(node.facet_values.at(0))];
    reverse += node.reverse;
    CHECK(node.provenance.status == siap::Status::project_defined);
    CHECK_FALSE(node.name.en.empty());
  }
  for (std::size_t v = 0; v < pillars.values.size(); ++v) {
    if (pillars.values[v].children.empty()) CHECK(per_sub[v] > 0);  // every sub-element is asked about
  }
  CHECK(reverse >= 3);
  REQUIRE(fw->respondents.has_value());
  CHECK(fw->respondents->groups.size() == 5);  // the pentahelix
  CHECK(fw->respondents->provenance.status == siap::Status::project_defined);
  CHECK(fw->band_sets[0].provenance.status == siap::Status::project_defined);
  CHECK(fw->provenance.status == siap::Status::project_defined);
}

TEST_CASE("garuda-gscm: goals and enablers, five stages with project-defined cut-offs", "[builtin][garuda-gscm]") {
  auto fw = siap::load_builtin_framework("garuda-gscm");
  REQUIRE(fw.has_value());
  std::vector<std::string> components;
  for (int p : fw->root().children) {
    for (int c : fw->nodes[std::size_t(p)].children) components.push_back(fw->nodes[std::size_t(c)].id);
  }
  // smart-city.md 2.1: goals ekonomi, sosial, lingkungan; enablers tata kelola, infrastruktur & teknologi, masyarakat.
  CHECK(components == std::vector<std::string>{"ekonomi", "sosial", "lingkungan", "tata_kelola", "infrastruktur_teknologi", "masyarakat"});
  const auto& stages = fw->band_sets[0];
  CHECK(stages.provenance.status == siap::Status::project_defined);
  std::vector<std::string> labels;
  for (const auto& b : stages.bands) labels.push_back(b.label.en);
  CHECK(labels == std::vector<std::string>{"Ad-hoc", "Initiative", "Scattered", "Integrated", "Smart"});
  // Nearest stage: 2.49 is Initiative, 2.5 Scattered.
  CHECK(stages.bands[std::size_t(*stages.band_of(*Decimal::parse("2.49")))].id == "initiative");
  CHECK(stages.bands[std::size_t(*stages.band_of(*Decimal::parse("2.5")))].id == "scattered");
  CHECK_FALSE(fw->scales[0].integer_only);  // half steps allowed
}
