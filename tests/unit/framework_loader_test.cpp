// Every class of framework validation error, with its exact message and
// location. The base document is valid; each test changes one or two lines
// and names the line it changed, so the expected file:line:col can be read
// off the text below.
#include "siap/framework_loader.hpp"

#include <catch2/catch.hpp>

#include "unit/mini_framework.hpp"

using siap::Lang;
using siap::load_framework;

using namespace mini_framework;

TEST_CASE("the base document is valid and builds the tree in pre-order", "[loader]") {
  auto fw = load_framework(kBase, "fw.yaml");
  REQUIRE(fw.has_value());
  CHECK(fw->id == "mini");
  REQUIRE(fw->nodes.size() == 5);  // root, a, a1, a2, b
  CHECK(fw->nodes[1].id == "a");
  CHECK(fw->nodes[2].id == "a1");
  CHECK(fw->nodes[4].id == "b");
  CHECK(fw->leaves == std::vector<int>{2, 3, 4});
  CHECK(fw->nodes[2].column.name == "a1");  // the id is the default column
  CHECK(fw->nodes[2].depth == 2);
  CHECK(fw->nodes[4].scale == 0);                                          // inherited from the top-level `scale`
  CHECK(fw->nodes[2].provenance.status == siap::Status::project_defined);  // inherited
  CHECK(fw->nodes[2].where.line == 21);
  CHECK(fw->nodes[2].path == "tree[0].children[0]");
}

TEST_CASE("unknown keys are errors with a did-you-mean suggestion", "[loader][errors]") {
  CHECK(errors(with_line(19, "    wieght: 2")) == Lines{"fw.yaml:19:5: unknown key 'wieght'; did you mean 'weight'? (at tree[0].wieght)"});
  CHECK(errors(with_line(19, "    colour: red")) ==
        Lines{"fw.yaml:19:5: unknown key 'colour'; expected one of: id, name, description, weight, status, sources, "
              "aggregation, column, aliases, scale, reverse, facets, children, treatment (at tree[0].colour)"});
  // Without the top-level `scale`, each leaf then lacks one too.
  CHECK(errors(with_line(8, "scael: lima")) ==
        Lines{"fw.yaml:8:1: unknown key 'scael'; did you mean 'scale'? (at scael)",
              "fw.yaml:21:9: leaf 'a1' has no scale; set 'scale' on it, on an ancestor, or at the top of the framework (at tree[0].children[0])",
              "fw.yaml:22:9: leaf 'a2' has no scale; set 'scale' on it, on an ancestor, or at the top of the framework (at tree[0].children[1])",
              "fw.yaml:23:5: leaf 'b' has no scale; set 'scale' on it, on an ancestor, or at the top of the framework (at tree[1])"});
}

TEST_CASE("a leaf without a scale is an error at the leaf", "[loader][errors]") {
  CHECK(
      errors(with_line(8, "")) ==
      Lines{"fw.yaml:20:9: leaf 'a1' has no scale; set 'scale' on it, on an ancestor, or at the top of the framework (at tree[0].children[0])",
            "fw.yaml:21:9: leaf 'a2' has no scale; set 'scale' on it, on an ancestor, or at the top of the framework (at tree[0].children[1])",
            "fw.yaml:22:5: leaf 'b' has no scale; set 'scale' on it, on an ancestor, or at the top of the framework (at tree[1])"});  // line 8
                                                                                                                                      // deleted: all
                                                                                                                                      // shift up one
}

TEST_CASE("missing required keys name the key and the mapping", "[loader][errors]") {
  CHECK(errors(with_line(2, "")) == Lines{"fw.yaml:1:1: missing required key 'id' (at id)"});
  CHECK(errors(with_line(24, "")) == Lines{"fw.yaml:23:5: missing required key 'name' (at tree[1].name)"});
}

TEST_CASE("wrong value types say what was expected and what was found", "[loader][errors]") {
  CHECK(errors(with_line(19, "    weight: heavy")) ==
        Lines{"fw.yaml:19:13: expected a decimal number such as 2.75, found 'heavy' (at tree[0].weight)"});
  CHECK(errors(with_line(19, "    weight: [1]")) ==
        Lines{"fw.yaml:19:13: expected a decimal number such as 2.75, found a sequence (at tree[0].weight)"});
  CHECK(errors(with_line(6, "input: units")) == Lines{"fw.yaml:6:8: expected a mapping (key: value), found 'units' (at input)"});
  std::string mapping_tree = kBase;
  mapping_tree = mapping_tree.substr(0, mapping_tree.find("tree:\n")) + "tree: {a: 1}\n";
  CHECK(errors(mapping_tree) == Lines{"fw.yaml:16:7: expected a sequence (- ...), found a mapping (at tree)"});
}

TEST_CASE("weights must be positive", "[loader][errors]") {
  CHECK(errors(with_line(19, "    weight: 0")) == Lines{"fw.yaml:19:13: weight must be greater than 0, found 0 (at tree[0].weight)"});
  CHECK(errors(with_line(22, "      - {id: a2, name: A2, weight: -3}")) ==
        Lines{"fw.yaml:22:36: weight must be greater than 0, found -3 (at tree[0].children[1].weight)"});
}

TEST_CASE("exact decimal weights survive", "[loader]") {
  auto fw = load_framework(with_line(19, "    weight: 16.5\n").append(""), "fw.yaml");
  REQUIRE(fw.has_value());
  CHECK(fw->nodes[1].weight.to_string() == "16.5");
  auto fw2 = load_framework(with_line(21, "      - {id: a1, name: A1, weight: 2.75}"), "fw.yaml");
  REQUIRE(fw2.has_value());
  CHECK(fw2->nodes[2].weight.to_string() == "2.75");
}

TEST_CASE("duplicate ids name the first definition", "[loader][errors]") {
  CHECK(errors(with_line(22, "      - {id: a1, name: A2, weight: 3}")) ==
        Lines{"fw.yaml:22:14: duplicate node id 'a1' (first defined at line 21) (at tree[0].children[1].id)"});
  CHECK(errors(with_line(15, "      - {id: rendah, label: Tinggi, from: 3, to: 5}")) ==
        Lines{"fw.yaml:15:14: duplicate band id 'rendah' (first defined at line 14) (at bands[0].ranges[1].id)"});
}

TEST_CASE("repeated mapping keys are errors", "[loader][errors]") {
  CHECK(errors(with_line(19, "    weight: 2\n    weight: 3")) == Lines{"fw.yaml:20:5: key 'weight' appears more than once (at tree[0].weight)"});
}

TEST_CASE("bands may be listed highest first and are stored ascending", "[loader][bands]") {
  std::string text = with_line(14, "      - {id: tinggi, label: Tinggi, from: 3, to: 5}");
  text = text.replace(text.find("      - {id: tinggi, label: Tinggi, from: 3, to: 5}\n      - {id: tinggi"),
                      std::string("      - {id: tinggi, label: Tinggi, from: 3, to: 5}\n      - {id: tinggi, label: Tinggi, from: 3, to: 5}").size(),
                      "      - {id: tinggi, label: Tinggi, from: 3, to: 5}\n      - {id: rendah, label: Rendah, from: 1, to: 3}");
  auto fw = load_framework(text, "fw.yaml");
  REQUIRE(fw.has_value());
  const auto& set = fw->band_sets[0];
  CHECK(set.bands[0].id == "rendah");
  CHECK(set.bands[1].id == "tinggi");
}

TEST_CASE("a band's lower edge is inclusive and only the top band includes its upper edge", "[loader][bands]") {
  auto fw = load_framework(kBase, "fw.yaml");
  REQUIRE(fw.has_value());
  const auto& set = fw->band_sets[0];
  auto band = [&](const char* s) { return set.band_of(*siap::Decimal::parse(s)); };
  CHECK(band("1") == 0);
  CHECK(band("2.9999") == 0);
  CHECK(band("3") == 1);
  CHECK(band("5") == 1);
  CHECK_FALSE(band("5.01").has_value());
  CHECK_FALSE(band("0.99").has_value());
}

TEST_CASE("an empty tree is an error", "[loader][errors]") {
  std::string text = kBase;
  text = text.substr(0, text.find("tree:\n")) + "tree: []\n";
  CHECK(errors(text) == Lines{"fw.yaml:16:7: the tree is empty; a framework needs at least one node (at tree)"});
}

TEST_CASE("references to unknown ids get suggestions", "[loader][errors]") {
  // The broken reference is reported once, where it is written, not on every leaf.
  CHECK(errors(with_line(8, "scale: lma")) == Lines{"fw.yaml:8:8: unknown scale 'lma'; did you mean 'lima'? (at scale)"});
  CHECK(errors(with_line(25, "    weight: 1\n    sources: [permen]")) ==
        Lines{"fw.yaml:26:15: unknown source 'permen'; no source is defined (at tree[1].sources[0])"});
}

TEST_CASE("enumerated values list the choices or suggest one", "[loader][errors]") {
  CHECK(errors(with_line(5, "status: offical")) == Lines{"fw.yaml:5:9: unknown status 'offical'; did you mean 'official'? (at status)"});
  CHECK(errors(with_line(10, "  - {id: lima, type: ordinl, min: 1, max: 5}")) ==
        Lines{"fw.yaml:10:22: unknown scale type 'ordinl'; did you mean 'ordinal'? (at scales[0].type)"});
  CHECK(errors(with_line(6, "input: {kind: rows, unit_column: wilayah}")) ==
        Lines{"fw.yaml:6:15: unknown input kind 'rows'; expected one of: units, respondents, both (at input.kind)"});
}

TEST_CASE("unsupported schema versions are refused", "[loader][errors]") {
  CHECK(errors(with_line(1, "schema: siap/framework/v2")) ==
        Lines{"fw.yaml:1:9: unsupported schema 'siap/framework/v2'; this siap reads 'siap/framework/v1' (at schema)"});
}

TEST_CASE("ids must be plain identifiers", "[loader][errors]") {
  CHECK(
      errors(with_line(23, "  - id: \"b c\"")) ==
      Lines{
          "fw.yaml:23:9: invalid id 'b c'; use letters, digits, '_', '-' or '.', starting with a letter or digit, at most 64 long (at tree[1].id)"});
}

TEST_CASE("every kind of scale loads", "[loader][scales]") {
  std::string scales =
      "  - {id: lima, type: ordinal, min: 1, max: 5}\n"
      "  - id: setuju\n"
      "    type: likert\n"
      "    min: 1\n"
      "    max: 5\n"
      "    levels:\n"
      "      - {value: 1, label: {id: Sangat tidak setuju, en: Strongly disagree}}\n"
      "      - {value: 5, label: {id: Sangat setuju, en: Strongly agree}}\n"
      "  - {id: ya, type: yes_no}\n"
      "  - {id: persen, type: numeric, direction: higher, target: 100}\n"
      "  - {id: jarak, type: numeric, direction: lower, goalposts: [0.5, 30]}\n"
      "  - {id: dok, type: categorical, categories: [{answer: Ada, score: 5}, {answer: Tidak ada, score: 1}]}";
  auto fw = load_framework(with_line(10, scales), "fw.yaml");
  REQUIRE(fw.has_value());
  REQUIRE(fw->scales.size() == 6);
  CHECK(fw->scales[1].kind == siap::ScaleKind::likert);
  CHECK(fw->scales[1].points[1].label.en == "Strongly agree");
  CHECK(fw->scales[2].yes_score == siap::Decimal::from_int(5));  // defaults to score.max
  CHECK(fw->scales[2].no_score == siap::Decimal::from_int(1));
  CHECK(fw->scales[3].high_goalpost == siap::Decimal::from_int(100));
  CHECK(fw->scales[4].direction == siap::Direction::lower_is_better);
  CHECK(fw->scales[5].categories[1].answer == "Tidak ada");
}

TEST_CASE("facets classify leaves and must be referenced correctly", "[loader][facets]") {
  std::string facets =
      "facets:\n"
      "  - id: pilar\n"
      "    values:\n"
      "      - id: struktur\n"
      "        children: [{id: sdm}, {id: anggaran}]\n"
      "      - id: infrastruktur\n"
      "tree:";
  std::string text = with_line(16, facets);
  auto ok = text;
  ok.replace(ok.find("{id: a1, name: A1, weight: 1}"), 29, "{id: a1, name: A1, weight: 1, facets: {pilar: sdm}}");
  auto fw = load_framework(ok, "fw.yaml");
  REQUIRE(fw.has_value());
  REQUIRE(fw->facets.size() == 1);
  CHECK(fw->facets[0].values.size() == 4);
  CHECK(fw->facets[0].values[1].parent == 0);
  CHECK(fw->nodes[2].facet_values.at(0) == 1);

  auto bad_value = text;
  bad_value.replace(bad_value.find("{id: a1, name: A1, weight: 1}"), 29, "{id: a1, name: A1, weight: 1, facets: {pilar: sdn}}");
  CHECK(errors(bad_value) == Lines{"fw.yaml:27:55: unknown facet value 'sdn'; did you mean 'sdm'? (at tree[0].children[0].facets.pilar)"});

  auto not_leaf_value = text;
  not_leaf_value.replace(not_leaf_value.find("{id: a1, name: A1, weight: 1}"), 29, "{id: a1, name: A1, weight: 1, facets: {pilar: struktur}}");
  CHECK(errors(not_leaf_value) ==
        Lines{"fw.yaml:27:9: facet value 'struktur' has sub-values; tag the leaf with one of: sdm, anggaran (at tree[0].children[0].facets.pilar)"});
}

TEST_CASE("weight profiles override named nodes", "[loader][profiles]") {
  std::string text = std::string(kBase) + "profiles:\n  - id: alt\n    weights: {a: 1, b: 3}\n";
  auto fw = load_framework(text, "fw.yaml");
  REQUIRE(fw.has_value());
  REQUIRE(fw->profiles.size() == 1);
  CHECK(fw->profiles[0].weights.at(1) == siap::Decimal::from_int(1));
  CHECK(errors(std::string(kBase) + "profiles:\n  - id: alt\n    weights: {aa: 1, b: 0}\n") ==
        Lines{"fw.yaml:28:15: unknown node 'aa'; did you mean 'a'? (at profiles[0].weights.aa)",
              "fw.yaml:28:25: weight must be greater than 0, found 0 (at profiles[0].weights.b)"});
  CHECK(errors(std::string(kBase) + "profiles:\n  - id: default\n    weights: {a: 1}\n") ==
        Lines{"fw.yaml:27:9: profile id 'default' is reserved for the tree's own weights (at profiles[0].id)"});
}

TEST_CASE("respondent settings need respondent input", "[loader][errors]") {
  CHECK(errors(with_line(6, "input: {kind: units, unit_column: wilayah}\nrespondents: {combine: mean}")) ==
        Lines{"fw.yaml:7:14: 'respondents' applies only when input.kind is respondents or both (at respondents)"});
  auto fw = load_framework(with_line(6,
                                     "input: {kind: respondents, unit_column: wilayah, group_column: kelompok}\n"
                                     "respondents:\n"
                                     "  combine: median\n"
                                     "  min_respondents: 5\n"
                                     "  groups:\n"
                                     "    - {id: pemerintah, weight: 2, aliases: [pemda]}\n"
                                     "    - {id: akademisi}"),
                           "fw.yaml");
  REQUIRE(fw.has_value());
  REQUIRE(fw->respondents.has_value());
  CHECK(fw->respondents->combine == siap::CombineMethod::median);
  CHECK(fw->respondents->min_respondents == 5);
  CHECK(fw->respondents->groups[0].weight == siap::Decimal::from_int(2));
  CHECK(fw->respondents->groups[1].weight == siap::Decimal::from_int(1));
}

TEST_CASE("one pass reports every error, in document order", "[loader][errors]") {
  std::string text = with_line(19, "    weight: -2");
  text = text.replace(text.find("status: project-defined"), 23, "status: offcial");
  text = text.replace(text.find("    name: B\n"), 12, "    nmae: B\n");
  auto found = errors(text);
  REQUIRE(found.size() == 4);
  CHECK(found[0].rfind("fw.yaml:5:9: unknown status", 0) == 0);
  CHECK(found[1].rfind("fw.yaml:19:13: weight must be greater than 0", 0) == 0);
  CHECK(found[2].rfind("fw.yaml:23:5: missing required key 'name'", 0) == 0);
  CHECK(found[3].rfind("fw.yaml:24:5: unknown key 'nmae'; did you mean 'name'?", 0) == 0);
}

TEST_CASE("messages are in Indonesian by default", "[loader][errors][lang]") {
  CHECK(errors(with_line(19, "    wieght: 2"), Lang::id) ==
        Lines{"fw.yaml:19:5: kunci 'wieght' tidak dikenal; maksud Anda 'weight'? (di tree[0].wieght)"});
  CHECK(errors(with_line(19, "    weight: 0"), Lang::id) == Lines{"fw.yaml:19:13: bobot harus lebih besar dari 0, ditemukan 0 (di tree[0].weight)"});
}

TEST_CASE("hostile and empty documents are refused with one clear message", "[loader][errors]") {
  CHECK(errors("") == Lines{"fw.yaml: file is empty"});
  CHECK(errors("a: *x\n").size() == 1);
  CHECK(errors(std::string(5000, '[') + std::string(5000, ']')) == Lines{"fw.yaml:1:65: nesting deeper than 64 levels; refused"});
  CHECK(errors("- 1\n- 2\n") == Lines{"fw.yaml:1:1: expected a mapping (key: value), found a sequence"});
}

TEST_CASE("a byte that is not UTF-8 is an error at its line and column, before anything is read", "[loader][errors]") {
  // Found by fuzzing: one bad byte in the title passed `frameworks check` and broke the workbook's XML.
  CHECK(errors(with_line(4, "title: {id: Mini\xE9, en: Mini}")) == Lines{"fw.yaml:4:17: not valid UTF-8 (byte 0xE9); save the file as UTF-8"});
  CHECK(errors(with_line(1, "\xFFschema: siap/framework/v1")) == Lines{"fw.yaml:1:1: not valid UTF-8 (byte 0xFF); save the file as UTF-8"});
  CHECK(errors(with_line(25, "    weight: 1 # komentar \xC3")) == Lines{"fw.yaml:25:26: not valid UTF-8 (byte 0xC3); save the file as UTF-8"});
  CHECK(errors(with_line(4, "title: {id: Mini\xE9, en: Mini}"), Lang::id) ==
        Lines{"fw.yaml:4:17: bukan UTF-8 yang valid (bita 0xE9); simpan berkas sebagai UTF-8"});
}

TEST_CASE("errors stop at a hundred, and an unknown id lists a few known ones, not all", "[loader][errors]") {
  // Found by fuzzing: 8,000 unknown references to 8,000 sources listed every id each time (440 MB of errors).
  std::string sources = "sources:\n";
  for (int i = 0; i < 2000; ++i) sources += "  - {id: s" + std::to_string(i) + ", citation: c}\n";
  std::string leaves;
  for (int i = 0; i < 300; ++i) leaves += "      - {id: q" + std::to_string(i) + ", name: Q, sources: [zz" + std::to_string(i) + "]}\n";
  std::string text = with_line(16, sources + "tree:");
  text = text.replace(text.find("      - {id: a1"), std::string("      - {id: a1, name: A1, weight: 1}\n").size(), leaves);
  auto found = errors(text);
  REQUIRE(found.size() == 101);
  CHECK(found.back() == "fw.yaml: and 200 more errors (only the first 100 are shown)");
  CHECK(found.front().find("unknown source 'zz0'; known: s0, s1, s10, s100, s1000, s1001, s1002, s1003 and 1992 more") != std::string::npos);
  CHECK(errors(text, Lang::id).back() == "fw.yaml: dan 200 galat lagi (hanya 100 yang pertama ditampilkan)");
}

TEST_CASE("input.provinces scopes a framework to provinces, named by code or name and stored as codes", "[loader][scope]") {
  auto fw = load_framework(with_line(6, "input: {kind: units, unit_column: wilayah, provinces: ['33', DI Yogyakarta]}"), "fw.yaml");
  REQUIRE(fw.has_value());
  CHECK(fw->input.provinces == std::vector<std::string>{"33", "34"});
  CHECK(errors(with_line(6, "input: {kind: units, unit_column: wilayah, provinces: [Jawa Tengha]}")) ==
        Lines{"fw.yaml:6:56: 'Jawa Tengha': not a known province; did you mean Provinsi Jawa Tengah (33)? (at input.provinces[0])"});
  CHECK(errors(with_line(6, "input: {kind: units, unit_column: wilayah, provinces: ['33', Kota Semarang]}")) ==
        Lines{"fw.yaml:6:62: 'Kota Semarang': Kota Semarang (33.74) is not a province (at input.provinces[1])"});
  CHECK(errors(with_line(6, "input: {kind: units, unit_column: wilayah, provinces: ['33', Jawa Tengah]}")) ==
        Lines{"fw.yaml:6:62: Provinsi Jawa Tengah (33) is listed twice (at input.provinces[1])"});
}
