#include "framework/yaml_guard.hpp"

#include <catch2/catch.hpp>

using siap::check_yaml_safety;
using siap::Lang;

namespace {
std::string refusal(const std::string& text, const siap::YamlLimits& limits = {}) {
  auto d = check_yaml_safety(text, "hostile.yaml", limits);
  return d ? d->render(Lang::en) : "";
}
}  // namespace

TEST_CASE("safe YAML passes the guard", "[yaml_guard]") { CHECK(refusal("a: 1\nb: [1, 2, {c: d}]\n").empty()); }

TEST_CASE("deep nesting is refused without recursion into the parser's limit", "[yaml_guard]") {
  // Balanced: the 65th '[' is the first too deep.
  std::string balanced = std::string(100000, '[') + std::string(100000, ']');
  CHECK(refusal(balanced) == "hostile.yaml:1:65: nesting deeper than 64 levels; refused");
  // Unbalanced: yaml-cpp marks an earlier bracket, but the refusal is the same.
  CHECK(refusal(std::string(100000, '[')).find("nesting deeper than 64 levels; refused") != std::string::npos);
  std::string deep_maps;
  for (int i = 0; i < 70; ++i) deep_maps += std::string(std::size_t(i) * 2, ' ') + "k:\n";
  CHECK(refusal(deep_maps).find("nesting deeper than 64 levels; refused") != std::string::npos);
}

TEST_CASE("anchors and aliases are refused, so alias bombs cannot expand", "[yaml_guard]") {
  std::string bomb =
      "a: &a [x, x, x, x, x, x, x, x, x]\n"
      "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
      "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n";
  CHECK(refusal(bomb) == "hostile.yaml:1:4: YAML anchors and aliases (&name) are not supported in framework files");
}

TEST_CASE("too many nodes and too many bytes are refused", "[yaml_guard]") {
  siap::YamlLimits limits;
  limits.max_nodes = 100;
  std::string many = "[";
  for (int i = 0; i < 200; ++i) many += "1,";
  many += "1]";
  CHECK(refusal(many, limits).find("document has more than 100 nodes; refused") != std::string::npos);
  limits = {};
  limits.max_bytes = 10;
  CHECK(refusal("a: 123456789012", limits) == "hostile.yaml: file is 15 bytes, larger than the limit of 10 bytes");
}

TEST_CASE("syntax errors and several documents are reported with a location", "[yaml_guard]") {
  CHECK(refusal("a: [1, 2\n").rfind("hostile.yaml:", 0) == 0);
  CHECK(refusal("a: [1, 2\n").find("invalid YAML") != std::string::npos);
  CHECK(refusal("a: 1\n---\nb: 2\n") == "hostile.yaml: file holds more than one YAML document; one file is one framework");
}
