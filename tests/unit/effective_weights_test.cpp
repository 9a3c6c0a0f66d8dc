#include "siap/effective_weights.hpp"

#include <catch2/catch.hpp>

#include "siap/framework_catalog.hpp"
#include "siap/framework_loader.hpp"

using Catch::Matchers::WithinAbs;

namespace {

const char* const kTree =
    "schema: siap/framework/v1\n"
    "id: w\n"
    "version: \"1\"\n"
    "title: {id: W, en: W}\n"
    "status: project-defined\n"
    "input: {kind: units, unit_column: wilayah}\n"
    "score: {min: 1, max: 5}\n"
    "scale: s\n"
    "scales: [{id: s, type: ordinal, min: 1, max: 5}]\n"
    "profiles:\n"
    "  - id: flat\n"
    "    weights: {a: 1, b: 1, a2: 1}\n"
    "tree:\n"
    "  - id: a\n"
    "    name: A\n"
    "    weight: 2\n"
    "    children:\n"
    "      - {id: a1, name: A1, weight: 1}\n"
    "      - {id: a2, name: A2, weight: 3}\n"
    "  - {id: b, name: B, weight: 1}\n";

}  // namespace

TEST_CASE("effective shares multiply sibling shares down the tree", "[weights]") {
  auto fw = siap::load_framework(kTree, "w.yaml");
  REQUIRE(fw.has_value());
  auto w = siap::effective_weights(*fw);
  // By hand: a = 2/3, a1 = 2/3 * 1/4 = 1/6, a2 = 2/3 * 3/4 = 1/2, b = 1/3.
  CHECK_THAT(w.share[0], WithinAbs(1.0, 1e-15));
  CHECK_THAT(w.share[1], WithinAbs(2.0 / 3.0, 1e-15));
  CHECK_THAT(w.share[2], WithinAbs(1.0 / 6.0, 1e-15));
  CHECK_THAT(w.share[3], WithinAbs(0.5, 1e-15));
  CHECK_THAT(w.share[4], WithinAbs(1.0 / 3.0, 1e-15));
}

TEST_CASE("a weight profile replaces the weights it names", "[weights]") {
  auto fw = siap::load_framework(kTree, "w.yaml");
  REQUIRE(fw.has_value());
  auto w = siap::effective_weights(*fw, *fw->find_profile("flat"));
  // a = b = 1/2; within a: a1 = 1, a2 = 1, so each 1/4.
  CHECK(w.weight[1].to_string() == "1");
  CHECK_THAT(w.share[2], WithinAbs(0.25, 1e-15));
  CHECK_THAT(w.share[3], WithinAbs(0.25, 1e-15));
  CHECK_THAT(w.share[4], WithinAbs(0.5, 1e-15));
}

TEST_CASE("SPBE 2020 leaf shares equal the published indicator weights", "[weights][spbe-2020]") {
  auto fw = siap::load_builtin_framework("spbe-2020");
  REQUIRE(fw.has_value());
  auto w = siap::effective_weights(*fw);
  // PermenPANRB 59/2020 per-indicator weights (spbe.md 1.1): 1.3 / 2.5 / 1.5 / 2.75 / 3 %.
  auto share_of = [&](const char* id) { return w.share[std::size_t(*fw->find_node(id))]; };
  for (int i = 1; i <= 47; ++i) {
    double expected = i <= 10 ? 0.013 : i <= 20 ? 0.025 : i <= 31 ? 0.015 : i <= 41 ? 0.0275 : 0.03;
    std::string id = (i < 10 ? "i0" : "i") + std::to_string(i);
    INFO(id);
    CHECK_THAT(share_of(id.c_str()), WithinAbs(expected, 1e-12));
  }
  CHECK_THAT(share_of("D1"), WithinAbs(0.13, 1e-12));
  CHECK_THAT(share_of("D2"), WithinAbs(0.25, 1e-12));
  CHECK_THAT(share_of("D3"), WithinAbs(0.165, 1e-12));
  CHECK_THAT(share_of("D4"), WithinAbs(0.455, 1e-12));
  double total = 0;
  for (int leaf : fw->leaves) total += w.share[std::size_t(leaf)];
  CHECK_THAT(total, WithinAbs(1.0, 1e-12));
}
