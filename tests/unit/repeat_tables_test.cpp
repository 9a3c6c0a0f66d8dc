#include "input/repeat_tables.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

namespace {

siap::Table table(std::string name, std::vector<std::string> header, std::vector<std::vector<std::string>> rows) {
  siap::Table t{std::move(name), std::move(header), std::move(rows), {}};
  for (std::size_t r = 0; r < t.rows.size(); ++r) t.lines.push_back(int(r) + 2);
  return t;
}

// Counts headers that start with 'q' as answer columns.
const siap::ItemCounter kQs = [](const std::vector<std::string_view>& header) {
  std::size_t n = 0;
  for (auto h : header) n += h.starts_with("q");
  return n;
};

std::vector<std::string> read_all(siap::RowSource& source) {
  std::vector<std::string> out;
  std::vector<std::string_view> fields;
  while (source.next(fields)) {
    std::string line = std::to_string(source.line()) + ":";
    for (std::size_t i = 0; i < fields.size(); ++i) line += (i ? "|" : "") + std::string(fields[i]);
    out.push_back(line);
  }
  return out;
}

}  // namespace

TEST_CASE("a nested repeat gets its parent's and grandparent's columns, the main table alone when it holds the answers", "[input][repeat]") {
  std::vector<siap::Table> tables{
      table("f.csv", {"wilayah", "KEY"}, {{"Kota Bandung", "uuid:1"}, {"Kabupaten Garut", "uuid:2"}}),
      table("f-dinas.csv", {"dinas", "PARENT_KEY", "KEY"}, {{"Kominfo", "uuid:1", "uuid:1/dinas[1]"}, {"Bappeda", "uuid:2", "uuid:2/dinas[1]"}}),
      table("f-dinas-orang.csv", {"q1", "PARENT_KEY", "KEY"}, {{"4", "uuid:2/dinas[1]", "k1"}, {"5", "uuid:1/dinas[1]", "k2"}}),
  };
  auto source = siap::open_joined_table(tables, "f.zip", kQs, {});
  REQUIRE(source.has_value());
  CHECK(read_all(**source) == std::vector<std::string>{"1:q1|PARENT_KEY|KEY|dinas|wilayah", "2:4|uuid:2/dinas[1]|k1|Bappeda|Kabupaten Garut",
                                                       "3:5|uuid:1/dinas[1]|k2|Kominfo|Kota Bandung"});
  // The answers in the main table: it is read as it is, and the others named as unread.
  tables[0].header[0] = "q_wilayah";
  auto main = siap::open_joined_table(tables, "f.zip", kQs, {});
  REQUIRE(main.has_value());
  CHECK(read_all(**main).front() == "1:q_wilayah|KEY");
  CHECK((*main)->notes().at(0).en == "read table 'f.csv'; other tables not read: 'f-dinas.csv', 'f-dinas-orang.csv'");
}

TEST_CASE("a repeat row whose parent is missing, or a key two rows share, is an error naming the cell", "[input][repeat]") {
  auto orphan = siap::open_joined_table({table("f.csv", {"wilayah", "KEY"}, {{"Kota Bandung", "uuid:1"}}),
                                         table("f-r.csv", {"q1", "PARENT_KEY", "KEY"}, {{"4", "uuid:1", "a"}, {"5", "uuid:9", "b"}})},
                                        "f.zip", kQs, {});
  REQUIRE_FALSE(orphan.has_value());
  CHECK(orphan.errors()[0].render(siap::Lang::en) == "f.zip:3:2: table 'f-r.csv': no parent with KEY 'uuid:9'");
  auto twice = siap::open_joined_table({table("f.csv", {"wilayah", "KEY"}, {{"Kota Bandung", "uuid:1"}, {"Kabupaten Garut", "uuid:1"}}),
                                        table("f-r.csv", {"q1", "PARENT_KEY", "KEY"}, {{"4", "uuid:1", "a"}})},
                                       "f.zip", kQs, {});
  REQUIRE_FALSE(twice.has_value());
  CHECK(twice.errors()[0].render(siap::Lang::en) == "f.zip:3:2: table 'f.csv': KEY 'uuid:1' appears twice");
  // Kobo: _parent_index into the sheet _parent_table_name names.
  auto kobo = siap::open_joined_table({table("Utama", {"wilayah", "_index"}, {{"Kota Bandung", "1"}}),
                                       table("r", {"q1", "_index", "_parent_table_name", "_parent_index"}, {{"4", "1", "Utama", "2"}})},
                                      "k.xlsx", kQs, {});
  REQUIRE_FALSE(kobo.has_value());
  CHECK(kobo.errors()[0].render(siap::Lang::en) == "k.xlsx:2:4: table 'r': no row with _index '2' in table 'Utama'");
  auto circular = siap::open_joined_table({table("Utama", {"wilayah", "_index"}, {{"Kota Bandung", "1"}}),
                                           table("r", {"q1", "_index", "_parent_table_name", "_parent_index"}, {{"4", "1", "r", "1"}})},
                                          "k.xlsx", kQs, {});
  REQUIRE_FALSE(circular.has_value());
  CHECK(circular.errors()[0].render(siap::Lang::en) == "k.xlsx:2:3: table 'r': no parent table 'r'");
}

TEST_CASE("a ZIP whose directory liborcus refuses is an error, not an exception", "[input][repeat]") {
  // Found by fuzzing: liborcus threw its own zip_error from the directory,
  // past the archive checks, and nothing caught it.
  std::ifstream in(std::string(SIAP_SOURCE_DIR) + "/tests/fuzz/corpus/workbook/regression-zip-tables-orcus-directory-error", std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  const std::string bytes = s.str().substr(1);  // the harness's mode byte
  REQUIRE(bytes.size() > 20);
  auto tables = siap::read_zip_tables(bytes, "f.zip", {});
  REQUIRE_FALSE(tables.has_value());
  CHECK(tables.errors()[0].render(siap::Lang::en).rfind("f.zip: a broken ZIP archive: ", 0) == 0);
}
