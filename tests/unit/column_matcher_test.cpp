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
