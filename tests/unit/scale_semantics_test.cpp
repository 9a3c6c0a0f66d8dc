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
    "  - {id: d, name: D, scale: down}\n"
    "  - {id: gr, name: GR, scale: h, reverse: true}\n";

// The score a cell gives for leaf `id`, as text, or the problem.
std::string score(const siap::Framework& fw, const char* id, std::string_view cell, bool decimal_comma = false,
                  const std::vector<std::string>& no_answer = {}) {
  siap::ItemColumn column;
  const siap::Node& node = fw.nodes[std::size_t(*fw.find_node(id))];
  siap::ItemParser parser(fw, node, column, no_answer);
  siap::Cell c = parser.parse(cell, siap::NumberFormat{decimal_comma, 0});
  switch (c.kind) {
    case siap::Cell::Kind::missing:
      return "missing";
    case siap::Cell::Kind::no_answer:
      return "no_answer";
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

TEST_CASE("two-decimal answers on a fractional scale: each text parsed once, as the full parser reads it", "[scale][numbers]") {
  auto fw = siap::load_framework(kFramework, "s.yaml");
  REQUIRE(fw.has_value());
  const siap::NumberFormat comma{true, 0}, point{false, 0};
  auto read = [&](siap::ItemParser& parser, siap::ItemColumn& column, const siap::Node& node, std::string_view cell, siap::NumberFormat format) {
    siap::Cell c = parser.parse(cell, format);
    switch (c.kind) {
      case siap::Cell::Kind::invalid:
        return parser.explain(c.problem).first;
      case siap::Cell::Kind::code:
        return "code " + column.scores[std::size_t(c.code) - 1].to_string();
      case siap::Cell::Kind::decimal:
        return "decimal " + siap::leaf_score(*fw, node, c.decimal).to_string();
      default:
        return std::string("other");
    }
  };
  for (const char* id : {"g", "gr"}) {
    const siap::Node& node = fw->nodes[std::size_t(*fw->find_node(id))];
    siap::ItemColumn column;
    siap::ItemParser parser(*fw, node, column);
    REQUIRE(parser.fractional());
    // Worked by hand: kept exactly; reverse keying is 1 + 5 - x.
    const std::string kept = std::string(id) == "g" ? "decimal 2.72" : "decimal 3.28";
    CHECK(read(parser, column, node, "2,72", comma) == kept);
    CHECK(read(parser, column, node, "2,72", comma) == kept);  // the second time, remembered
    CHECK(read(parser, column, node, "5,01", comma) == "out_of_scale");
    CHECK(read(parser, column, node, "0,99", comma) == "out_of_scale");
    // Another file's format: the remembered cells are not reused.
    CHECK(read(parser, column, node, "2.72", point) == kept);
    CHECK(read(parser, column, node, "2,72", point) == "not_a_number");
    CHECK(read(parser, column, node, "2,72", comma) == kept);
    // '.' declared as the thousands separator: "2.72" is not a number.
    CHECK(read(parser, column, node, "2.72", siap::NumberFormat{true, '.'}) == "not_a_number");
    // Every "d,dd" reads as "d.dd" does in the same decimal-comma file,
    // which is not remembered: the full parser reads it each time.
    for (int v = 0; v < 1000; ++v) {
      std::string with_comma = std::to_string(v / 100) + "," + std::to_string(v / 10 % 10) + std::to_string(v % 10);
      std::string with_point = with_comma;
      with_point[1] = '.';
      INFO(with_comma);
      CHECK(read(parser, column, node, with_comma, comma) == read(parser, column, node, with_point, comma));
    }
  }
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

namespace {

// Answers as survey tools export them (shared/domain/data-and-formats.md §2):
// a seven-point agreement scale with aliases, a categorical scale reversed,
// and skip markers.
const char* const kTools =
    "schema: siap/framework/v1\n"
    "id: t\n"
    "version: '1'\n"
    "title: {id: T, en: T}\n"
    "status: project-defined\n"
    "input: {kind: units, unit_column: wilayah}\n"
    "score: {min: 1, max: 5}\n"
    "scales:\n"
    "  - id: setuju\n"
    "    type: likert\n"
    "    min: 1\n"
    "    max: 5\n"
    "    no_answer: [n/a, '-', '99']\n"
    "    levels:\n"
    "      - {value: 1, label: {id: Sangat tidak setuju, en: Strongly disagree}, aliases: [STS]}\n"
    "      - {value: 2, label: {id: Tidak setuju, en: Disagree}, aliases: [TS]}\n"
    "      - {value: 3, label: {id: Netral, en: Neutral}, aliases: [N]}\n"
    "      - {value: 4, label: {id: Setuju, en: Agree}, aliases: [S]}\n"
    "      - {value: 5, label: {id: Sangat setuju, en: Strongly agree}, aliases: [SS]}\n"
    "  - {id: dok, type: categorical, categories: [{answer: Lengkap, score: 5}, {answer: Sebagian, score: 3.5}, {answer: Tidak ada, score: 1}]}\n"
    "tree:\n"
    "  - {id: q, name: Q, scale: setuju}\n"
    "  - {id: r, name: R, scale: setuju, reverse: true}\n"
    "  - {id: c, name: C, scale: dok}\n"
    "  - {id: cr, name: CR, scale: dok, reverse: true}\n";

}  // namespace

TEST_CASE("answers as tools write them: numbered labels, aliases, punctuation, no-answer markers", "[scale][answers]") {
  auto fw = siap::load_framework(kTools, "t.yaml");
  if (!fw) {
    for (const auto& e : fw.errors()) UNSCOPED_INFO(e.render(siap::Lang::en));
  }
  REQUIRE(fw.has_value());
  CHECK(score(*fw, "q", "4. Setuju") == "4");
  CHECK(score(*fw, "q", "5 - Sangat setuju") == "5");
  CHECK(score(*fw, "q", "5 (SS)") == "5");
  CHECK(score(*fw, "q", "2) Disagree") == "2");
  CHECK(score(*fw, "q", "3 \xE2\x80\x93 Netral") == "3");  // an en dash
  CHECK(score(*fw, "q", "4. Slightly agree") == "4");      // the tool's own words: its number counts
  CHECK(score(*fw, "q", "4. Sangat setuju") == "conflicting_answer");
  // A number, then punctuation, then more digits is not a numbered label:
  // "2-72" and "3 - 5" were read as 2 and 3.
  CHECK(score(*fw, "q", "2-72") == "not_a_number");
  CHECK(score(*fw, "q", "3 - 5") == "not_a_number");
  CHECK(score(*fw, "q", "4.5") == "not_integer");
  CHECK(score(*fw, "q", "SS") == "5");
  CHECK(score(*fw, "q", "sts") == "1");
  CHECK(score(*fw, "q", "Sangat Setuju.") == "5");  // punctuation folded
  CHECK(score(*fw, "q", "S") == "4");
  CHECK(score(*fw, "q", "9. Setuju") == "conflicting_answer");  // 9 is no level; the words say 4
  CHECK(score(*fw, "q", "9. Lainnya") == "out_of_scale");
  CHECK(score(*fw, "r", "5 (SS)") == "1");  // reverse-keyed after reading
  // Skip markers: counted as no answer, never an error or a score.
  CHECK(score(*fw, "q", "N/A") == "no_answer");
  CHECK(score(*fw, "q", "-") == "no_answer");
  CHECK(score(*fw, "q", "99") == "no_answer");
  CHECK(score(*fw, "q", "98") == "out_of_scale");
  CHECK(score(*fw, "c", "tidak tahu", false, {"Tidak tahu"}) == "no_answer");  // --no-answer
  // A categorical scale reverse-keyed mirrors scores in the score range 1..5.
  CHECK(score(*fw, "c", "Sebagian") == "3.5");
  CHECK(score(*fw, "cr", "Sebagian") == "2.5");
  CHECK(score(*fw, "cr", "Lengkap") == "1");
}

TEST_CASE("a no-answer marker that is a valid answer is found", "[scale][answers]") {
  auto fw = siap::load_framework(kTools, "t.yaml");
  REQUIRE(fw.has_value());
  siap::ItemColumn column;
  siap::ItemParser parser(*fw, fw->nodes[std::size_t(*fw->find_node("q"))], column, {"n/a", "3"});
  REQUIRE(parser.clashing_marker() != nullptr);
  CHECK(*parser.clashing_marker() == "3");
  siap::ItemColumn other;
  CHECK(siap::ItemParser(*fw, fw->nodes[std::size_t(*fw->find_node("q"))], other, {"tidak tahu"}).clashing_marker() == nullptr);
}
