#include "siap/framework.hpp"

#include <catch2/catch.hpp>

#include "siap/framework_loader.hpp"

TEST_CASE("a framework's band sets by depth, nodes by id, leaves", "[framework]") {
  auto fw = siap::load_framework(
      "schema: siap/framework/v1\n"
      "id: f\n"
      "version: '1'\n"
      "title: {id: F, en: F}\n"
      "status: project-defined\n"
      "input: {kind: units, unit_column: wilayah}\n"
      "score: {min: 1, max: 5}\n"
      "scale: l\n"
      "scales: [{id: l, type: ordinal, min: 1, max: 5}]\n"
      "bands:\n"
      "  - {id: utama, ranges: [{id: r, label: R, from: 1, to: 3}, {id: t, label: T, from: 3, to: 5}]}\n"
      "  - {id: rinci, depths: [0, 1], ranges: [{id: a, label: A, from: 1, to: 5}]}\n"
      "tree: [{id: d, name: D, children: [{id: q1, name: Q1}, {id: q2, name: Q2}]}, {id: e, name: E}]\n",
      "f.yaml");
  REQUIRE(fw.has_value());
  CHECK(fw->band_sets_at(0) == std::vector<int>{0, 1});  // a band set with no depths applies to the overall index
  CHECK(fw->band_sets_at(1) == std::vector<int>{1});
  CHECK(fw->band_sets_at(2).empty());
  REQUIRE(fw->find_node("q2").has_value());
  CHECK(fw->nodes[std::size_t(*fw->find_node("q2"))].depth == 2);
  CHECK_FALSE(fw->find_node("nope").has_value());
  CHECK(fw->leaves.size() == 3);  // q1, q2, e
  CHECK(fw->root().children.size() == 2);
}
