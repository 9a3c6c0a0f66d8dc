// The scoring kernel on any set of respondents: hand-computed values, a
// resample with repeats, and the same values by unit and by row list.
#include "siap/scoring_kernel.hpp"

#include <catch2/catch.hpp>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <random>
#include <string>

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
  // Per process: ctest runs this file's cases side by side.
  auto path = std::filesystem::temp_directory_path() / ("siap-kernel-test-" + std::to_string(::getpid()) + ".csv");
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

namespace {

// A unit sheet on a fractional scale (answers on its grid of tenths are
// coded, others kept as exact decimals) under weights whose shares are
// thirds and sixths, two levels deep.
const char* const kUnitSheet =
    "schema: siap/framework/v1\n"
    "id: u\n"
    "version: '1'\n"
    "title: {id: U, en: U}\n"
    "status: project-defined\n"
    "input: {kind: units, unit_column: wilayah}\n"
    "score: {min: 1, max: 5, decimals: 2}\n"
    "aggregation: {min_coverage: 1}\n"
    "scale: s\n"
    "scales:\n"
    "  - {id: s, type: ordinal, min: 1, max: 5, integer: false}\n"
    "  - {id: n, type: numeric, direction: higher, target: 100}\n"
    "tree:\n"
    "  - {id: a, name: A, weight: 3, children: [{id: q1, name: Q1, weight: 1}, {id: q2, name: Q2, weight: 1}, {id: q3, name: Q3, weight: 1}]}\n"
    "  - {id: b, name: B, weight: 4, children: [{id: q4, name: Q4, weight: 2.5}, {id: q5, name: Q5, weight: 0.5, SCALE}]}\n";

std::string unit_sheet(const std::string& q5_scale) {
  std::string text = kUnitSheet;
  const std::string placeholder = ", SCALE";
  text.replace(text.find(placeholder), placeholder.size(), q5_scale);
  return text;
}

siap::Dataset load_units(const siap::Framework& fw, const std::string& csv) {
  auto path = std::filesystem::temp_directory_path() / ("siap-kernel-units-test-" + std::to_string(::getpid()) + ".csv");
  std::ofstream(path) << csv;
  siap::LoadOptions options;
  options.allow_non_regions = true;
  auto data = siap::load_dataset(fw, {path.string()}, options);
  std::filesystem::remove(path);
  REQUIRE(data.has_value());
  return std::move(*data);
}

}  // namespace

TEST_CASE("a unit sheet scored in integers gives each node the exact value of the exact path", "[kernel][fixed]") {
  auto fw = siap::load_framework(unit_sheet(""), "u.yaml");
  REQUIRE(fw.has_value());
  // 600 units: answers from 1 to 5 with 0 to 4 decimals (on the grid of
  // tenths, or off it), every tenth unit with one blank cell.
  std::mt19937 random(20261206);
  std::string csv = "wilayah,q1,q2,q3,q4,q5\n";
  std::vector<bool> complete;
  for (int u = 0; u < 600; ++u) {
    csv += "Unit " + std::to_string(u);
    const int blank = u % 10 == 3 ? int(random() % 5) : -1;
    for (int q = 0; q < 5; ++q) {
      const int places = int(random() % 5);
      const std::int64_t scale = std::int64_t(std::pow(10, places));
      const std::int64_t mantissa = scale + std::int64_t(random() % std::uint64_t(4 * scale + 1));  // 1 to 5
      csv += q == blank ? std::string(",") : "," + siap::Decimal::from_scaled(mantissa, places).to_string();
    }
    csv += "\n";
    complete.push_back(u % 10 != 3);
  }
  auto data = load_units(*fw, csv);
  REQUIRE(data.units.size() == 600);
  siap::ScoringKernel kernel(*fw, data);
  REQUIRE(kernel.has_fixed_point());
  std::vector<std::size_t> every_node(fw->nodes.size());
  std::iota(every_node.begin(), every_node.end(), std::size_t(0));
  std::size_t fixed_units = 0;
  for (std::size_t u = 0; u < data.units.size(); ++u) {
    INFO("unit " << u);
    std::vector<std::uint32_t> rows;
    for (std::size_t r = 0; r < data.rows; ++r) {
      if (std::size_t(data.row_unit[r]) == u) rows.push_back(std::uint32_t(r));
    }
    std::vector<siap::NodeValue> exact(fw->nodes.size());
    kernel.evaluate_unit(int(u), rows, exact, {});
    std::vector<siap::Number::int128> numerators(every_node.size());
    const bool fixed = kernel.evaluate_unit_fixed(int(u), rows, every_node, numerators);
    CHECK(fixed == complete[u]);  // a blank cell takes the exact path
    if (!fixed) continue;
    ++fixed_units;
    for (std::size_t n : every_node) {
      INFO("node " << fw->nodes[n].id);
      REQUIRE(exact[n].assessed);
      CHECK(exact[n].coverage.is_one());
      CHECK(siap::Number::ratio(numerators[n], kernel.fixed_denominator(n)) == exact[n].exact);
      CHECK(siap::Number::ratio(numerators[n], kernel.fixed_denominator(n)).to_string() == exact[n].exact.to_string());
    }
  }
  CHECK(fixed_units == 540);
}

TEST_CASE("a unit sheet is scored in integers by hand, and only where the plan holds", "[kernel][fixed]") {
  auto fw = siap::load_framework(unit_sheet(""), "u.yaml");
  REQUIRE(fw.has_value());
  // By hand: a = (1 + 2 + 4.5) / 3 = 2.5; b = (2.5 x 3.25 + 0.5 x 1.1) / 3 = 8.675 / 3;
  // index = (3 x 2.5 + 4 x 8.675 / 3) / 7 = (7.5 + 11.5666...) / 7 = 57.2 / 21.
  auto data = load_units(*fw, "wilayah,q1,q2,q3,q4,q5\nUnit A,1,2,4.5,3.25,1.1\n");
  siap::ScoringKernel kernel(*fw, data);
  REQUIRE(kernel.has_fixed_point());
  const std::vector<std::size_t> nodes{0, std::size_t(*fw->find_node("a")), std::size_t(*fw->find_node("b"))};
  std::vector<siap::Number::int128> numerators(3);
  REQUIRE(kernel.evaluate_unit_fixed(0, std::vector<std::uint32_t>{0}, nodes, numerators));
  CHECK(siap::Number::ratio(numerators[0], kernel.fixed_denominator(0)) == siap::Number::ratio(572, 210));
  CHECK(siap::Number::ratio(numerators[1], kernel.fixed_denominator(nodes[1])) == siap::Number::ratio(5, 2));
  CHECK(siap::Number::ratio(numerators[2], kernel.fixed_denominator(nodes[2])) == siap::Number::ratio(8675, 3000));

  // A leaf on numeric goalposts is mapped, not its answer: no plan.
  auto numeric = siap::load_framework(unit_sheet(", scale: n"), "u.yaml");
  REQUIRE(numeric.has_value());
  auto numeric_data = load_units(*numeric, "wilayah,q1,q2,q3,q4,q5\nUnit A,1,2,4.5,3.25,50\n");
  CHECK_FALSE(siap::ScoringKernel(*numeric, numeric_data).has_fixed_point());

  // A domain given as a column (SPBE's D1-D4) takes the exact path; a
  // framework that allows it, with the column absent, keeps the plan.
  auto spbe = siap::load_builtin_framework("spbe-2020");
  REQUIRE(spbe.has_value());
  auto given = load_units(*spbe, "instansi,D1,D2,D3,D4\nKota Bandung,3.405,3.405,3.405,3.405\n");
  CHECK_FALSE(siap::ScoringKernel(*spbe, given).has_fixed_point());
  std::string header = "instansi", row = "Kota Bandung";
  for (int i = 1; i <= 47; ++i) {
    header += (i < 10 ? ",i0" : ",i") + std::to_string(i);
    row += ",3";
  }
  auto levels = load_units(*spbe, header + "\n" + row + "\n");
  CHECK(siap::ScoringKernel(*spbe, levels).has_fixed_point());

  // A survey of respondents has no plan.
  auto survey = siap::load_framework(kFramework, "k.yaml");
  REQUIRE(survey.has_value());
  CHECK_FALSE(siap::ScoringKernel(*survey, load(*survey, "wilayah,q1,q2,q3\nKota Bandung,5,2,100\n")).has_fixed_point());
}
