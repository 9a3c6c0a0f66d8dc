// What the reports derive from an Assessment: the section models (summary,
// ranking, profiles, quality, method), profile axes, strongest and weakest
// elements, band colours and text contrast. Expected values are the
// fixture's hand calculations (report_fixture.hpp).
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

// Marks `s`, a score of `a`, assessed at `value` (exact and published).
void score(siap::Assessment& a, siap::NodeScore& s, const char* value) {
  s.assessed = true;
  a.scores.exact(s) = siap::Number::of(*Decimal::parse(value));
  s.published = *Decimal::parse(value);
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
  siap::Assessment a;
  a.framework = &fw;
  a.scores = siap::ScoreBlock(fw.nodes.size());
  siap::UnitResult r;
  r.nodes = a.scores.slice(0, fw.nodes.size());
  score(a, r.nodes[std::size_t(*fw.find_node("a1"))], "3.1");
  score(a, r.nodes[std::size_t(*fw.find_node("a2"))], "4.5");
  score(a, r.nodes[std::size_t(*fw.find_node("b1"))], "2.0");
  // b2 not assessed: neither strongest nor weakest
  auto ex = siap::report::extremes(a, r, 3);
  auto id = [&](int n) { return fw.nodes[std::size_t(n)].id; };
  REQUIRE(ex.strongest.size() == 1);  // three scored elements: one from each end
  CHECK(id(ex.strongest[0]) == "a2");
  CHECK(id(ex.weakest[0]) == "b1");
  score(a, r.nodes[std::size_t(*fw.find_node("b2"))], "3.1");
  ex = siap::report::extremes(a, r, 3);
  REQUIRE(ex.strongest.size() == 2);
  CHECK(id(ex.strongest[1]) == "a1");  // tie with b2 keeps framework order
  CHECK(id(ex.weakest[1]) == "b2");
}

TEST_CASE("bands without colours get a red-to-green ramp, text contrasts with its fill", "[report]") {
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

TEST_CASE("the summary view counts rows and units as the fixture's hand count", "[report][summary]") {
  auto f = report_fixture::make();
  auto s = siap::report::summary_view(f.assessment);
  CHECK(s.rows_read == 3);
  CHECK(s.rows_accepted == 3);
  CHECK(s.rows_rejected == 0);
  CHECK(s.cells_ignored == 0);
  CHECK(s.units == 3);
  CHECK(s.units_assessed == 2);        // Bandung, Garut
  CHECK(s.units_not_assessable == 1);  // the hostile name: coverage 25 %
}

TEST_CASE("the ranking view: assessed units in rank order with bands, then the units not assessable", "[report][ranking]") {
  auto f = report_fixture::make();
  auto view = siap::report::ranking_view(f.assessment);
  REQUIRE(view.columns.size() == 2);
  CHECK(f.framework->nodes[std::size_t(view.columns[0])].id == "a");
  REQUIRE(view.ranked.size() == 2);
  CHECK(view.ranked[0].unit->name == "Kota Bandung");
  CHECK(view.ranked[0].result->rank == 1);
  REQUIRE(view.ranked[0].band != nullptr);
  CHECK(view.ranked[0].band->label.in(Lang::en) == "High");  // 4.75
  CHECK(view.ranked[0].province == "Jawa Barat");
  CHECK(view.ranked[1].unit->name == "Kabupaten Garut");
  REQUIRE(view.ranked[1].band != nullptr);
  CHECK(view.ranked[1].band->label.in(Lang::id) == "Rendah");  // 2.75
  REQUIRE(view.not_assessed.size() == 1);
  CHECK(view.not_assessed[0].unit->name == "=HYPERLINK(\"x\")<b>|");
  CHECK(view.not_assessed[0].band == nullptr);
  CHECK(view.not_assessed[0].province.empty());  // a non-region has no province
  CHECK(view.several_provinces);                 // Jawa Barat and none
}

TEST_CASE("the ranking view: several tiers (kabupaten/kota, a province's government, an OPD) each start with a heading", "[report][ranking]") {
  auto f = report_fixture::make(
      "wilayah,a,b\n"
      "Dinas Kominfo,5,5\n"
      "Provinsi Jawa Barat,4,5\n"
      "Kabupaten Garut,2,3\n"
      "Kota Bandung,3,3\n");
  auto view = siap::report::ranking_view(f.assessment);
  REQUIRE(view.ranked.size() == 4);
  CHECK(view.several_tiers);
  std::vector<std::string> names;
  std::vector<int> ranks;
  std::vector<bool> first;
  for (const auto& row : view.ranked) {
    names.push_back(row.unit->name);
    ranks.push_back(row.result->rank);
    first.push_back(row.first_of_tier);
  }
  CHECK(names == std::vector<std::string>{"Kota Bandung", "Kabupaten Garut", "Provinsi Jawa Barat", "Dinas Kominfo"});
  CHECK(ranks == std::vector<int>{1, 2, 1, 1});
  CHECK(first == std::vector<bool>{true, false, true, true});
  std::string text = siap::render_text(f.assessment, f.options(Lang::id));
  auto kabkota = text.find("\nKabupaten/Kota\n"), province = text.find("\nPemerintah Provinsi\n"), other = text.find("\nUnit lain\n");
  REQUIRE(kabkota != std::string::npos);
  REQUIRE(province != std::string::npos);
  REQUIRE(other != std::string::npos);
  CHECK(kabkota < text.find("Kota Bandung"));
  CHECK(text.find("Kabupaten Garut") < province);
  CHECK(province < text.find("Provinsi Jawa Barat"));
  CHECK(other < text.find("Dinas Kominfo"));
  std::string html = siap::render_html(f.assessment, f.options(Lang::en));
  CHECK(html.find("<tr class=\"tier\"><th colspan=\"7\">Provincial governments</th></tr>") != std::string::npos);
  // One tier: no headings.
  auto single = report_fixture::make();
  CHECK_FALSE(siap::report::ranking_view(single.assessment).several_tiers);
  CHECK(siap::render_text(single.assessment, single.options(Lang::id)).find("\nKabupaten/Kota\n") == std::string::npos);
}

TEST_CASE("the profiles view: axes, gap to the next band, strongest and weakest, and whether only the top are shown", "[report][profile]") {
  auto f = report_fixture::make();
  auto options = f.options(Lang::en);
  auto view = siap::report::profiles_view(f.assessment, options);
  REQUIRE(view.units.size() == 2);
  CHECK_FALSE(view.top_only);
  const auto& garut = view.units[1];
  CHECK(garut.unit->name == "Kabupaten Garut");
  REQUIRE(garut.axes.size() == 2);  // two top-level leaves: no second level to fall back to
  CHECK(garut.axes[0].name == "A");
  CHECK(garut.axes[0].score->published.to_string() == "2.00");
  REQUIRE(garut.next_band != nullptr);
  CHECK(garut.next_band->label.in(Lang::en) == "High");
  CHECK(garut.result->gap_to_next_band->to_string() == "0.25");  // 3 - 2.75
  REQUIRE(garut.strongest.size() == 1);                          // one from each end of two elements
  CHECK(garut.strongest[0].name == "B");
  CHECK(garut.weakest[0].name == "A");
  CHECK(view.units[0].next_band == nullptr);  // Bandung is in the top band

  options.profile_limit = 1;
  auto top = siap::report::profiles_view(f.assessment, options);
  REQUIRE(top.units.size() == 1);
  CHECK(top.top_only);
  options.profile_units = {top.units[0].result->unit};
  CHECK_FALSE(siap::report::profiles_view(f.assessment, options).top_only);  // chosen by the user
}

TEST_CASE("the quality view: rows per file and problems per reason code", "[report][quality]") {
  // Garut's a = 9 is outside the scale 1–5; Kota Bogor's row stops after its name.
  auto f = report_fixture::make("wilayah,a,b\nKota Bandung,4,5\nKabupaten Garut,9,3\nKota Bogor\n");
  auto view = siap::report::quality_view(f.assessment);
  REQUIRE(view.files->size() == 1);
  CHECK((*view.files)[0].rows_read == 3);
  CHECK(view.problems == 2);
  CHECK(view.elided == 0);
  REQUIRE(view.by_code.size() == 2);
  CHECK(view.by_code[0].code == "out_of_scale");
  CHECK(view.by_code[0].first->line == 3);
  CHECK(view.by_code[0].first->value == "9");
  CHECK(view.by_code[1].code == "too_few_fields");
  CHECK(view.by_code[1].first->line == 4);
  CHECK(siap::report::summary_view(f.assessment).cells_ignored == 2);
}
