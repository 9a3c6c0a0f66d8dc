#include "input/column_matcher.hpp"

#include <catch2/catch.hpp>

#include "siap/framework_loader.hpp"

TEST_CASE("headers match columns whatever their case and spacing, by alias, and under Kobo or ODK group paths", "[input][columns]") {
  auto fw = siap::load_framework(
      "schema: siap/framework/v1\n"
      "id: c\n"
      "version: '1'\n"
      "title: {id: C, en: C}\n"
      "status: project-defined\n"
      "input: {kind: respondents, unit_column: {name: kabupaten_kota, aliases: [wilayah]}, respondent_id_column: _id}\n"
      "score: {min: 1, max: 5}\n"
      "scale: l\n"
      "scales: [{id: l, type: ordinal, min: 1, max: 5}]\n"
      "tree: [{id: q1, name: Q1}, {id: q2, name: Q2}]\n",
      "c.yaml");
  if (!fw) {
    for (const auto& e : fw.errors()) UNSCOPED_INFO(e.render(siap::Lang::en));
  }
  REQUIRE(fw.has_value());
  siap::ColumnMatcher m(*fw, {*fw->find_node("q1"), *fw->find_node("q2")});
  using Role = siap::ColumnTarget::Role;
  auto role = [&](const char* header) { return m.match(header) ? int(m.match(header)->role) : -1; };
  auto item = [&](const char* header) { return m.match(header) ? m.match(header)->item : -2; };
  CHECK(role("Kabupaten Kota") == int(Role::unit));
  CHECK(role(" KABUPATEN-KOTA ") == int(Role::unit));
  CHECK(role("Wilayah") == int(Role::unit));  // an alias
  CHECK(role("_id") == int(Role::respondent_id));
  CHECK(item("q2") == 1);
  CHECK(item("tata_kelola/q1") == 0);  // KoboToolbox group path
  CHECK(item("grup-q2") == 1);         // ODK group path
  CHECK_FALSE(m.match("q3").has_value());
  CHECK(m.canonical(*m.match("wilayah")) == "kabupaten_kota");
}

TEST_CASE("headers as survey tools write them: punctuation, question text, LimeSurvey codes, Google Forms grids, labels with '/'",
          "[input][columns]") {
  auto fw = siap::load_framework(
      "schema: siap/framework/v1\n"
      "id: c\n"
      "version: '1'\n"
      "title: {id: C, en: C}\n"
      "status: project-defined\n"
      "input: {kind: respondents, unit_column: kabupaten_kota}\n"
      "score: {min: 1, max: 5}\n"
      "scale: l\n"
      "scales: [{id: l, type: ordinal, min: 1, max: 5}]\n"
      "tree:\n"
      "  - {id: q1, name: {id: Pemda memiliki rencana induk, en: The government has a master plan}}\n"
      "  - {id: q2, column: Q2_SQ001, name: {id: Data dibuka dan/atau dibagi, en: Data is opened and/or shared}}\n"
      "  - {id: q3, name: {id: Sama, en: Same}}\n"
      "  - {id: q4, name: {id: Sama, en: Same.}}\n"
      "  - {id: q5, column: q5.1, name: Q5}\n"
      "  - {id: q6, column: q51, name: Q6}\n",
      "c.yaml");
  if (!fw) {
    for (const auto& e : fw.errors()) UNSCOPED_INFO(e.render(siap::Lang::en));
  }
  REQUIRE(fw.has_value());
  std::vector<int> nodes;
  for (const char* id : {"q1", "q2", "q3", "q4", "q5", "q6"}) nodes.push_back(*fw->find_node(id));
  siap::ColumnMatcher m(*fw, nodes);
  auto item = [&](const char* header) {
    auto t = m.match(header);
    return !t ? -2 : t->role == siap::ColumnTarget::Role::unit ? -1 : t->item;
  };
  CHECK(item("Kabupaten/Kota") == -1);
  CHECK(item("KABUPATEN.KOTA") == -1);
  CHECK(item("q1. Pemda memiliki rencana induk") == 0);                      // LimeSurvey code and text
  CHECK(item("Q2[SQ001]") == 1);                                             // LimeSurvey array subquestion
  CHECK(item("Q2[SQ001]. Data dibuka [baris satu]") == 1);                   // ... with its text
  CHECK(item("Pemda memiliki rencana induk") == 0);                          // Kobo label header, Indonesian
  CHECK(item("The government has a master plan?") == 0);                     // English, punctuation ignored
  CHECK(item("Seberapa setuju Anda? [Pemda memiliki rencana induk]") == 0);  // Google Forms grid row
  CHECK(item("Tata Kelola/Data dibuka dan/atau dibagi") == 1);               // a '/' inside a Kobo label
  CHECK(item("tata_kelola.q1") == 0);                                        // Kobo group.item
  // Two questions worded alike: their text names neither.
  CHECK(item("Sama") == -2);
  // q5.1 and q51 share a loose key: "q5,1" is neither, while exact names still match.
  CHECK(item("q5,1") == -2);
  CHECK(item("q5.1") == 4);
  CHECK(item("Q51") == 5);
  CHECK(item("start") == -2);
  CHECK(item("meta/instanceID") == -2);
}
