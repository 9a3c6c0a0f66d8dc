// What score a cell gives: level labels, reverse keying, half steps on the
// code grid, yes/no words, categories, and goalposts by direction.
#include "framework/scale_semantics.hpp"

#include <catch2/catch.hpp>

#include "siap/framework_loader.hpp"

namespace {

const char* const kFramework =
    "schema: siap/framework/v1\n"
    "id: s\n"
    "version: '1'\n"
    "title: {id: S, en: S}\n"
    "status: project-defined\n"
    "input: {kind: units, unit_column: wilayah}\n"
    "score: {min: 1, max: 5}\n"
    "scales:\n"
    "  - {id: l, type: likert, min: 1, max: 5, levels: [{value: 1, label: Sangat Tidak Setuju}, {value: 5, label: Sangat Setuju}]}\n"
    "  - {id: h, type: ordinal, min: 1, max: 5, integer: false}\n"
    "  - {id: up, type: numeric, direction: higher, goalposts: [0, 100]}\n"
    "  - {id: down, type: numeric, direction: lower, goalposts: [10, 50]}\n"
    "tree:\n"
    "  - {id: q, name: Q, scale: l}\n"
    "  - {id: r, name: R, scale: l, reverse: true}\n"
    "  - {id: g, name: G, scale: h}\n"
    "  - {id: u, name: U, scale: up}\n"
    "  - {id: d, name: D, scale: down}\n";

// The score a cell gives for leaf `id`, as text, or the problem.
std::string score(const siap::Framework& fw, const char* id, std::string_view cell, bool decimal_comma = false) {
  siap::ItemColumn column;
  const siap::Node& node = fw.nodes[std::size_t(*fw.find_node(id))];
  siap::ItemParser parser(fw, node, column);
  siap::Cell c = parser.parse(cell, siap::NumberFormat{decimal_comma, 0});
  switch (c.kind) {
    case siap::Cell::Kind::missing:
      return "missing";
    case siap::Cell::Kind::invalid:
      return parser.explain(c.problem).first;
    case siap::Cell::Kind::code:
      return column.scores[std::size_t(c.code) - 1].to_string();
    case siap::Cell::Kind::decimal:
      return siap::leaf_score(fw, node, c.decimal).to_string();
  }
  return "?";
}

}  // namespace

TEST_CASE("a cell's score for its leaf", "[scale]") {
  auto fw = siap::load_framework(kFramework, "s.yaml");
  if (!fw) {
    for (const auto& e : fw.errors()) UNSCOPED_INFO(e.render(siap::Lang::en));
  }
  REQUIRE(fw.has_value());
  CHECK(score(*fw, "q", "4") == "4");
  CHECK(score(*fw, "q", " sangat setuju ") == "5");  // a level label, any case and spacing
  CHECK(score(*fw, "q", "") == "missing");
  CHECK(score(*fw, "q", "6") == "out_of_scale");
  CHECK(score(*fw, "q", "3.5") == "not_integer");
  CHECK(score(*fw, "r", "4") == "2");  // reverse-keyed: 1 + 5 - 4
  CHECK(score(*fw, "r", "Sangat Tidak Setuju") == "5");
  CHECK(score(*fw, "g", "3,5", true) == "3.5");  // a half step on the grid, decimal comma
  CHECK(score(*fw, "g", "2.37") == "2.37");      // off the grid: kept exactly
  // Goalposts: 0..100 onto 1..5 higher is better; 10..50 lower is better; clamped outside.
  CHECK(score(*fw, "u", "50") == "3");
  CHECK(score(*fw, "u", "150") == "5");
  CHECK(score(*fw, "d", "20") == "4");  // 1 + 4 * (50 - 20) / 40
  CHECK(score(*fw, "d", "5") == "5");
  CHECK(score(*fw, "d", "abc") == "not_a_number");
}

TEST_CASE("numbers: a separator that could group thousands is never guessed", "[semantics][numbers]") {
  using siap::NumberFormat;
  using Status = siap::NumberRead::Status;
  auto read = [](const char* text, NumberFormat f) {
    siap::NumberRead r = siap::parse_number(text, f);
    return r.status == Status::ok ? r.value.to_string() : r.status == Status::ambiguous ? std::string("ambiguous") : std::string("nan");
  };
  const NumberFormat comma{true, 0}, comma_dots{true, '.'}, point{false, 0}, point_commas{false, ','};
  // Decimal commas (an Indonesian ';' file): "12.300" is twelve thousand three hundred to its writer.
  CHECK(read("3,5", comma) == "3.5");
  CHECK(read("12.300", comma) == "ambiguous");
  CHECK(read("1.000", comma) == "ambiguous");
  CHECK(read("42.150,75", comma) == "ambiguous");
  CHECK(read("1.000.000", comma) == "ambiguous");
  CHECK(read("3.5", comma) == "3.5");        // one digit after the dot: cannot group thousands
  CHECK(read("2.75", comma) == "2.75");      // two digits: neither
  CHECK(read("0.300", comma) == "0.3");      // nobody groups a leading zero
  CHECK(read("1.2345", comma) == "1.2345");  // four digits: not a group
  // With --thousands . the same cells are exact.
  CHECK(read("12.300", comma_dots) == "12300");
  CHECK(read("42.150,75", comma_dots) == "42150.75");
  CHECK(read("1.000.000", comma_dots) == "1000000");
  CHECK(read("-1.500", comma_dots) == "-1500");
  CHECK(read("3.5", comma_dots) == "nan");  // a dot in the wrong place is not a number
  CHECK(read("12.30,5", comma_dots) == "nan");
  // Decimal points: "1,000" is the same trap the other way round.
  CHECK(read("1,000", point) == "ambiguous");
  CHECK(read("12,300.5", point) == "ambiguous");
  CHECK(read("3,5", point) == "nan");
  CHECK(read("2.75", point) == "2.75");
  CHECK(read("1,000", point_commas) == "1000");
  CHECK(read("12,300.5", point_commas) == "12300.5");
  CHECK(read("1,00", point_commas) == "nan");
}
