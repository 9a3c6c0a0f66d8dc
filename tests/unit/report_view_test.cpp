// What the rich reports derive from an Assessment: profile axes, strongest and
// weakest elements, band colours and text contrast.
#include <catch2/catch.hpp>

#include "report/report_view.hpp"
#include "unit/report_fixture.hpp"
#include "siap/framework_loader.hpp"

using siap::Decimal;
using siap::Lang;

namespace {

// Two top-level nodes (too few for a radar) with 2 + 2 elements; bands without colours.
const char* const kTwoDomains =
    "schema: siap/framework/v1\n"
    "id: t\n"
    "version: '1'\n"
    "title: {id: T}\n"
    "status: project-defined\n"
    "input: {kind: units, unit_column: wilayah}\n"
    "score: {min: 1, max: 5, decimals: 2}\n"
    "scale: l\n"
    "scales: [{id: l, type: ordinal, min: 1, max: 5}]\n"
    "bands:\n"
    "  - id: b\n"
    "    depths: [0, 1, 2]\n"
    "    ranges: [{id: r, label: R, from: 1, to: 2}, {id: s, label: S, from: 2, to: 4}, {id: t, label: T, from: 4, to: 5}]\n"
    "tree:\n"
    "  - {id: a, name: {id: Satu, en: One}, children: [{id: a1, name: A1, children: [{id: q1, name: Q1}]}, {id: a2, name: A2, children: [{id: q2, "
    "name: Q2}]}]}\n"
    "  - {id: b, name: Dua, children: [{id: b1, name: B1, children: [{id: q3, name: Q3}]}, {id: b2, name: B2, children: [{id: q4, name: Q4}]}]}\n";

siap::Framework framework() {
  auto fw = siap::load_framework(kTwoDomains, "t.yaml");
  if (!fw) {
    for (const auto& e : fw.errors()) UNSCOPED_INFO(e.render(Lang::en));
  }
  REQUIRE(fw.has_value());
  return std::move(*fw);
}

siap::NodeScore scored(const char* value) {
  siap::NodeScore s;
  s.assessed = true;
  s.exact = siap::Number::of(*Decimal::parse(value));
  s.published = *Decimal::parse(value);
  return s;
}

}  // namespace

TEST_CASE("profile axes fall back to the second level when the top has fewer than three", "[report]") {
  auto fw = framework();
  std::vector<std::string> ids;
  for (int n : siap::report::profile_axes(fw)) ids.push_back(fw.nodes[std::size_t(n)].id);
  CHECK(ids == std::vector<std::string>{"a1", "a2", "b1", "b2"});
  CHECK(siap::report::node_path(fw, *fw.find_node("q3"), Lang::en) == "Dua › B1 › Q3");
  CHECK(siap::report::node_path(fw, *fw.find_node("a1"), Lang::en) == "One › A1");
}

TEST_CASE("strongest and weakest elements by exact score, never the same element twice", "[report]") {
  auto fw = framework();
  siap::UnitResult r;
  std::vector<siap::NodeScore> scores(fw.nodes.size());
  r.nodes = scores;
  r.nodes[std::size_t(*fw.find_node("a1"))] = scored("3.1");
  r.nodes[std::size_t(*fw.find_node("a2"))] = scored("4.5");
  r.nodes[std::size_t(*fw.find_node("b1"))] = scored("2.0");
  // b2 not assessed: neither strongest nor weakest
  auto ex = siap::report::extremes(fw, r, 3);
  auto id = [&](int n) { return fw.nodes[std::size_t(n)].id; };
  REQUIRE(ex.strongest.size() == 1);  // three scored elements: one from each end
  CHECK(id(ex.strongest[0]) == "a2");
  CHECK(id(ex.weakest[0]) == "b1");
  r.nodes[std::size_t(*fw.find_node("b2"))] = scored("3.1");
  ex = siap::report::extremes(fw, r, 3);
  REQUIRE(ex.strongest.size() == 2);
  CHECK(id(ex.strongest[1]) == "a1");  // tie with b2 keeps framework order
  CHECK(id(ex.weakest[1]) == "b2");
}

TEST_CASE("bands without colours get a red-to-green ramp; text contrasts with its fill", "[report]") {
  auto fw = framework();
  const siap::BandSet& set = fw.band_sets[0];
  CHECK(siap::report::band_color(set, 0) == "#D73027");
  CHECK(siap::report::band_color(set, 1) == "#FFFFBF");
  CHECK(siap::report::band_color(set, 2) == "#1A9850");
  siap::BandSet odd = set;
  odd.bands[0].color = "#\"><b>x";  // 7 characters, not a colour: never reaches an attribute
  CHECK(siap::report::band_color(odd, 0) == "#D73027");
  odd.bands[0].color = "#a6dba0";
  CHECK(siap::report::band_color(odd, 0) == "#a6dba0");
  CHECK(siap::report::text_color_on("#1B7837") == "#FFFFFF");  // dark green
  CHECK(siap::report::text_color_on("#D73027") == "#FFFFFF");  // red
  CHECK(siap::report::text_color_on("#A6DBA0") == "#000000");  // light green
  CHECK(siap::report::text_color_on("#FDB863") == "#000000");  // orange
}

TEST_CASE("counts carry the language's thousands separator", "[report]") {
  CHECK(siap::report::count_text(0, Lang::id) == "0");
  CHECK(siap::report::count_text(999, Lang::id) == "999");
  CHECK(siap::report::count_text(1000, Lang::id) == "1.000");
  CHECK(siap::report::count_text(1028000, Lang::id) == "1.028.000");
  CHECK(siap::report::count_text(1028000, Lang::en) == "1,028,000");
}

TEST_CASE("the method view: every node below the root with its weight and share of the index", "[report][method]") {
  auto f = report_fixture::make();
  auto view = siap::report::method_view(f.assessment, Lang::en);
  REQUIRE(view.tree.size() == 2);
  CHECK_FALSE(view.items_elsewhere);
  CHECK(view.tree[0].id == "a");
  CHECK(view.tree[0].weight.to_string() == "1");
  CHECK(view.tree[0].share == Approx(0.25));  // 1 of 4
  CHECK(view.tree[1].share == Approx(0.75));  // 3 of 4
  CHECK(view.tree[1].leaf);
  CHECK(view.tree[1].aggregation.empty());
  CHECK(view.tree[1].listed);
  CHECK(view.tree[1].status == "project-defined");  // inherited from the framework's status
}
