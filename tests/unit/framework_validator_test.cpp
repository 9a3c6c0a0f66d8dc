// The whole-framework rules of framework_validator.cpp (bands that tile the
// score range, band limits, scales inside the score range, geometric means
// on positive scores, one column per header), each through the loader with
// its exact message and location.
#include <catch2/catch.hpp>

#include "unit/mini_framework.hpp"

using namespace mini_framework;

TEST_CASE("bands must tile the score range without gaps or overlaps", "[loader][errors][bands]") {
  CHECK(errors(with_line(15, "      - {id: tinggi, label: Tinggi, from: 3.5, to: 5}")) ==
        Lines{"fw.yaml:15:9: gap between bands 'rendah' and 'tinggi': scores from 3 up to 3.5 fall in no band (at bands[0].ranges[1].from)"});
  CHECK(errors(with_line(15, "      - {id: tinggi, label: Tinggi, from: 2.5, to: 5}")) ==
        Lines{"fw.yaml:15:9: bands 'rendah' and 'tinggi' overlap: scores from 2.5 up to 3 fall in both (at bands[0].ranges[1].from)"});
  CHECK(errors(with_line(14, "      - {id: rendah, label: Rendah, from: 1.5, to: 3}")) ==
        Lines{"fw.yaml:14:9: scores from 1 up to 1.5 fall in no band (at bands[0].ranges[0].from)"});
  CHECK(errors(with_line(15, "      - {id: tinggi, label: Tinggi, from: 3, to: 4.5}")) ==
        Lines{"fw.yaml:15:9: scores above 4.5 up to 5 fall in no band (at bands[0].ranges[1].to)"});
  CHECK(errors(with_line(15, "      - {id: tinggi, label: Tinggi, from: 5, to: 3}")) ==
        Lines{"fw.yaml:15:9: band 'tinggi': 'from' (5) must be less than 'to' (3) (at bands[0].ranges[1])"});
  CHECK(errors(with_line(13, "    depths: [3]\n    ranges:")) ==
        Lines{"fw.yaml:12:5: depth 3 does not exist; this tree is 2 deep (0 = the overall index) (at bands[0].depths)"});
}

TEST_CASE("band sets per depth and bands per set are limited (a node score keeps its bands inline)", "[loader][errors][bands]") {
  CHECK(errors(with_line(13, "    depths: [0, 0, 0, 0]\n    ranges:")).empty());
  CHECK(errors(with_line(13, "    depths: [0, 0, 0, 0, 0]\n    ranges:")) ==
        Lines{"fw.yaml:12:5: more than 4 band sets at depth 0 (at bands[0].depths)"});
  std::string many = "    ranges:";
  for (int b = 0; b < 101; ++b) many += "\n      - {id: b" + std::to_string(b) + ", label: B, from: 1, to: 5}";
  std::string text = with_line(13, many);
  text = text.replace(text.find("      - {id: rendah"), std::string("      - {id: rendah, label: Rendah, from: 1, to: 3}\n").size(), "");
  text = text.replace(text.find("      - {id: tinggi"), std::string("      - {id: tinggi, label: Tinggi, from: 3, to: 5}\n").size(), "");
  CHECK(errors(text) == Lines{"fw.yaml:12:5: 101 bands; at most 100 in one set (at bands[0].ranges)"});
}

TEST_CASE("a band that fails to load is reported once, without echoes from the tiling check", "[loader][errors][bands]") {
  CHECK(errors(with_line(15, "      - {id: tinggi, label: Tinggi, to: 5}")) ==
        Lines{"fw.yaml:15:9: missing required key 'from' (at bands[0].ranges[1].from)"});
}

TEST_CASE("scale definitions are checked against the score range", "[loader][errors][scales]") {
  CHECK(errors(with_line(10, "  - {id: lima, type: ordinal, min: 0, max: 5}")) ==
        Lines{"fw.yaml:10:5: scale 'lima' (0 to 5) lies outside the score range [1, 5]; an ordinal answer is its own score (at scales[0])"});
  CHECK(errors(with_line(10, "  - {id: lima, type: ordinal, min: 5, max: 1}")) ==
        Lines{"fw.yaml:10:5: scale 'lima': max (1) must be greater than min (5) (at scales[0])"});
  CHECK(errors(with_line(10, "  - {id: lima, type: ordinal, min: 1, max: 5, levels: [{value: 6, label: Six}]}")) ==
        Lines{"fw.yaml:10:56: level 6 is outside the scale's 1 to 5 (at scales[0].levels[0])"});
  CHECK(errors(with_line(10, "  - {id: lima, type: ordinal, min: 1, max: 5, levels: [{value: 2.5, label: Half}]}")) ==
        Lines{"fw.yaml:10:56: level 2.5 is not a whole number on an integer scale (at scales[0].levels[0])"});
  CHECK(errors(with_line(10, "  - {id: lima, type: likert, min: 1, max: 5}")) ==
        Lines{"fw.yaml:10:5: a likert scale needs labelled 'levels' (at scales[0].levels)"});
  CHECK(errors(with_line(10, "  - {id: lima, type: ordinal, min: 1, max: 5, target: 3}")) ==
        Lines{"fw.yaml:10:55: key 'target' does not apply to a scale of type ordinal (at scales[0].target)"});
  CHECK(errors(with_line(10, "  - {id: lima, type: numeric, direction: higher, goalposts: [10, 2]}")) ==
        Lines{"fw.yaml:10:61: goalposts: low (10) must be less than high (2) (at scales[0].goalposts)"});
  CHECK(errors(with_line(10, "  - {id: lima, type: numeric, direction: lower, target: 3}")) ==
        Lines{"fw.yaml:10:57: 'target' needs direction: higher; for lower-is-better give goalposts (at scales[0].target)"});
  CHECK(errors(with_line(10, "  - {id: lima, type: numeric, direction: higher, goalposts: [0, 5], target: 3}")) ==
        Lines{"fw.yaml:10:5: a numeric scale takes at most one of 'goalposts: [low, high]' or 'target' (at scales[0].goalposts)"});
  // Without either it is an indicator normalised across units: its leaves need a treatment.
  CHECK(errors(with_line(10, "  - {id: lima, type: numeric, direction: higher}")).front() ==
        "fw.yaml:21:9: leaf 'a1' uses a numeric scale without goalposts or target; give it a 'treatment' (normalisation across units) on it, "
        "on an ancestor, or at the top of the framework (at tree[0].children[0])");
  CHECK(errors(with_line(10, "  - {id: lima, type: categorical, categories: [{answer: Ada, score: 5}, {answer: ' ada ', score: 9}]}")) ==
        Lines{"fw.yaml:10:73: score 9 for ' ada ' is outside the score range [1, 5] (at scales[0].categories[1])",
              "fw.yaml:10:73: answer ' ada ' is the same as 'Ada' (case and spacing are ignored) (at scales[0].categories[1])"});
}

TEST_CASE("geometric aggregation needs a positive score range", "[loader][errors]") {
  std::string text = with_line(7, "score: {min: 0, max: 5}");
  text = text.replace(text.find("min: 1, max: 5}\nbands"), 15, "min: 0, max: 5}");
  text = text.replace(text.find("from: 1, to: 3"), 14, "from: 0, to: 3");
  text = text.replace(text.find("    weight: 2\n"), 14, "    weight: 2\n    aggregation: {method: geometric}\n");
  CHECK(errors(text) == Lines{"fw.yaml:17:5: a geometric mean needs positive scores, but score.min is 0 (at tree[0].aggregation)"});
  CHECK(errors(with_line(19, "    weight: 2\n    aggregation: {method: geometric, min_coverage: 1.5}")) ==
        Lines{"fw.yaml:20:52: min_coverage must be greater than 0 and at most 1, found 1.5 (at tree[0].aggregation.min_coverage)"});
}

TEST_CASE("two nodes may not read the same column", "[loader][errors]") {
  CHECK(errors(with_line(22, "      - {id: a2, name: A2, weight: 3, column: A1}")) ==
        Lines{"fw.yaml:22:9: column 'A1' is already used by 'a1' (line 21) (at tree[0].children[1].column)"});
  CHECK(errors(with_line(25, "    weight: 1\n    aliases: [Wilayah]")) ==
        Lines{"fw.yaml:23:5: column 'Wilayah' is already used by input.unit_column (at tree[1].column)"});
}
