// The scoring kernel on any set of respondents: hand-computed values, a
// resample with repeats, and the same values by unit and by row list.
#include "siap/scoring_kernel.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <numeric>

#include "siap/framework_catalog.hpp"
#include "siap/framework_loader.hpp"

namespace {

const char* const kFramework =
    "schema: siap/framework/v1\n"
    "id: k\n"
    "version: '1'\n"
    "title: {id: K, en: K}\n"
    "status: project-defined\n"
    "input: {kind: respondents, unit_column: wilayah}\n"
    "score: {min: 1, max: 5}\n"
    "scale: l\n"
    "scales:\n"
    "  - {id: l, type: ordinal, min: 1, max: 5}\n"
    "  - {id: n, type: numeric, direction: higher, target: 100}\n"
    "tree:\n"
    "  - {id: a, name: A, weight: 3, children: [{id: q1, name: Q1}, {id: q2, name: Q2}]}\n"
    "  - {id: q3, name: Q3, weight: 1, scale: n}\n";

siap::Dataset load(const siap::Framework& fw, const std::string& csv) {
  auto path = std::filesystem::temp_directory_path() / "siap-kernel-test.csv";
  std::ofstream(path) << csv;
  auto data = siap::load_dataset(fw, {path.string()}, siap::LoadOptions{});
  std::filesystem::remove(path);
  REQUIRE(data.has_value());
  return std::move(*data);
}

std::string text(const siap::NodeValue& v) { return v.assessed ? v.exact.to_string() : "-"; }

}  // namespace

TEST_CASE("the kernel's values by hand, and for a resample with repeats", "[kernel]") {
  auto fw = siap::load_framework(kFramework, "k.yaml");
  REQUIRE(fw.has_value());
  // Rows 0..2 are Kota Bandung's.
  auto data = load(*fw, "wilayah,q1,q2,q3\nKota Bandung,5,2,100\nKota Bandung,4,,50\nKota Bandung,1,3,\n");
  siap::ScoringKernel kernel(*fw, data);
  std::vector<siap::NodeValue> nodes(fw->nodes.size());
  const auto q1 = std::size_t(*fw->find_node("q1")), q2 = std::size_t(*fw->find_node("q2")), q3 = std::size_t(*fw->find_node("q3")),
             a = std::size_t(*fw->find_node("a"));

  std::vector<std::uint32_t> all{0, 1, 2};
  kernel.evaluate(all, nodes, {});
  // q1 = (5 + 4 + 1) / 3 = 10/3; q2 = (2 + 3) / 2 = 2.5;
  // q3 on goalposts 0..100 to 1..5: 100 -> 5, 50 -> 3, mean 4;
  // a = (10/3 + 2.5) / 2 = 35/12; index = (3 * 35/12 + 1 * 4) / 4 = 51/16 = 3.1875.
  CHECK(nodes[q1].exact == siap::Number::ratio(10, 3));
  CHECK(nodes[q1].answers == 3);
  CHECK(text(nodes[q2]) == "2.5");
  CHECK(nodes[q2].answers == 2);
  CHECK(text(nodes[q3]) == "4");
  CHECK(nodes[a].exact == siap::Number::ratio(35, 12));
  CHECK(text(nodes[0]) == "3.1875");

  // A bootstrap resample: row 0 twice, row 2 once (row 1 left out).
  std::vector<siap::NodeValue> again(fw->nodes.size());
  std::vector<std::uint32_t> resample{0, 2, 0};
  kernel.evaluate(resample, again, {});
  // q1 = (5 + 1 + 5) / 3 = 11/3; q2 = (2 + 3 + 2) / 3 = 7/3; q3 = 5 (row 0 twice; row 2 blank);
  // a = (11/3 + 7/3) / 2 = 3; index = (3 * 3 + 5) / 4 = 3.5.
  CHECK(again[q1].exact == siap::Number::ratio(11, 3));
  CHECK(again[q2].exact == siap::Number::ratio(7, 3));
  CHECK(text(again[q3]) == "5");
  CHECK(again[q3].answers == 2);
  CHECK(text(again[0]) == "3.5");
}

TEST_CASE("a unit's values are the same found by unit and by its list of rows", "[kernel]") {
  // A survey with half-step answers off the grid (exact decimals) and groups.
  for (const char* sample : {"garuda-gscm-jabar.csv", "kominfo-readiness-jabar.csv"}) {
    INFO(sample);
    auto fw = siap::load_builtin_framework(std::string(sample).find("gscm") != std::string::npos ? "garuda-gscm" : "kominfo-readiness");
    REQUIRE(fw.has_value());
    auto data = siap::load_dataset(*fw, {std::string(SIAP_SOURCE_DIR) + "/samples/" + sample}, siap::LoadOptions{});
    REQUIRE(data.has_value());
    siap::ScoringKernel kernel(*fw, *data);
    for (std::size_t u = 0; u < data->units.size(); ++u) {
      std::vector<std::uint32_t> rows;
      for (std::size_t r = 0; r < data->rows; ++r) {
        if (std::size_t(data->row_unit[r]) == u) rows.push_back(std::uint32_t(r));
      }
      std::vector<siap::NodeValue> by_unit(fw->nodes.size()), by_rows(fw->nodes.size());
      std::vector<siap::NodeValue> facets_unit(kernel.facet_values()), facets_rows(kernel.facet_values());
      kernel.evaluate_unit(int(u), rows, by_unit, facets_unit);
      kernel.evaluate(rows, by_rows, facets_rows);
      for (std::size_t n = 0; n < by_unit.size(); ++n) {
        CHECK(text(by_unit[n]) == text(by_rows[n]));
        CHECK(by_unit[n].answers == by_rows[n].answers);
      }
      for (std::size_t v = 0; v < facets_unit.size(); ++v) CHECK(text(facets_unit[v]) == text(facets_rows[v]));
    }
  }
}
