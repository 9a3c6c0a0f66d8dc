// YamlReader and MapReader on their own: typed scalars with the location and
// path of each error, the error cap, unknown and repeated keys.
#include "framework/yaml_reader.hpp"

#include <catch2/catch.hpp>

using siap::Lang;

namespace {

struct Read {
  siap::Diagnostics errors;
  siap::YamlReader reader{"t.yaml", errors};
  YAML::Node doc;
  explicit Read(const char* text) : doc(YAML::Load(text)) {}
  std::string first() const { return errors.empty() ? "" : errors[0].render(Lang::en); }
};

}  // namespace

TEST_CASE("typed scalars read exactly and say what they found when wrong", "[yaml]") {
  Read r("a: 2.75\nb: dua\nc: 7\nd: yes\ne: [1]\n");
  CHECK(r.reader.decimal(r.doc["a"], "a")->to_string() == "2.75");
  CHECK_FALSE(r.reader.decimal(r.doc["b"], "b").has_value());
  CHECK(r.first() == "t.yaml:2:4: expected a decimal number such as 2.75, found 'dua' (at b)");
  CHECK(r.reader.integer(r.doc["c"], "c", 1, 10) == 7);
  CHECK_FALSE(r.reader.integer(r.doc["c"], "c", 1, 5).has_value());
  CHECK_FALSE(r.reader.string(r.doc["e"], "e").has_value());
  CHECK(r.errors.back().render(Lang::en) == "t.yaml:5:4: expected a text, found a sequence (at e)");
  CHECK(r.errors.back().render(Lang::id) == "t.yaml:5:4: diharapkan teks, ditemukan daftar (sequence) (di e)");
  CHECK(r.reader.error_count() == 3);  // b, c outside 1..5, e
}

TEST_CASE("a text is one string for both languages or {id, en}", "[yaml]") {
  Read r("a: Sama\nb: {id: Satu, en: One}\n");
  CHECK(r.reader.text(r.doc["a"], "a")->en == "Sama");
  auto b = r.reader.text(r.doc["b"], "b");
  REQUIRE(b.has_value());
  CHECK(b->id == "Satu");
  CHECK(b->en == "One");
  CHECK(r.errors.empty());
}

TEST_CASE("identifiers: letters, digits, '_', '-', '.', starting with a letter or digit", "[yaml]") {
  Read r("a: tata_kelola-1.2\nb: _x\nc: 'a b'\n");
  CHECK(r.reader.identifier(r.doc["a"], "a") == "tata_kelola-1.2");
  CHECK_FALSE(r.reader.identifier(r.doc["b"], "b").has_value());
  CHECK_FALSE(r.reader.identifier(r.doc["c"], "c").has_value());
  CHECK(r.errors.size() == 2);
}

TEST_CASE("a choice outside its list suggests the nearest", "[yaml]") {
  Read r("m: meen\n");
  CHECK_FALSE(r.reader.choice(r.doc["m"], "m", {"metode", "method"}, {"mean", "median"}).has_value());
  CHECK(r.first() == "t.yaml:1:4: unknown method 'meen'; did you mean 'mean'? (at m)");
}

TEST_CASE("a mapping read against its allowed keys reports unknown and missing ones", "[yaml]") {
  Read r("x: {id: a, wieght: 2}\n");
  siap::MapReader map(r.reader, r.doc["x"], "x", {"id", "weight", "name"});
  CHECK(map.valid());
  CHECK(map.has("id"));
  CHECK_FALSE(map.has("weight"));
  CHECK(r.first() == "t.yaml:1:12: unknown key 'wieght'; did you mean 'weight'? (at x.wieght)");
  CHECK_FALSE(map.required("name").IsDefined());
  CHECK(r.errors.back().render(Lang::en) == "t.yaml:1:4: missing required key 'name' (at x.name)");
  CHECK(map.path_of("id") == "x.id");
  CHECK(siap::index_path("tree", 3) == "tree[3]");
}

TEST_CASE("after the cap, errors are only counted and summed up in one line", "[yaml]") {
  Read r("a: x\n");
  for (std::size_t i = 0; i < siap::limits::kMaxFrameworkErrors + 5; ++i) r.reader.decimal(r.doc["a"], "a");
  CHECK(r.errors.size() == siap::limits::kMaxFrameworkErrors);
  CHECK(r.reader.full());
  CHECK(r.reader.error_count() == siap::limits::kMaxFrameworkErrors + 5);
  auto more = r.reader.suppressed_errors();
  REQUIRE(more.has_value());
  CHECK(more->message.en == "and 5 more errors (only the first 100 are shown)");
}
