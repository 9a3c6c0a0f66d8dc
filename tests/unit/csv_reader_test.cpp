#include "input/csv_reader.hpp"

#include <catch2/catch.hpp>

using siap::CsvOptions;
using siap::CsvReader;
using Rows = std::vector<std::vector<std::string>>;

namespace {

Rows read_all(const std::string& text, CsvOptions options = {}, char* delimiter = nullptr, std::vector<int>* lines = nullptr) {
  auto reader = CsvReader::from_string(text, "t.csv", options);
  Rows rows;
  std::vector<std::string_view> fields;
  while (reader->next(fields)) {
    rows.emplace_back(fields.begin(), fields.end());
    if (lines) lines->push_back(reader->line());
  }
  REQUIRE_FALSE(reader->error().has_value());
  if (delimiter) *delimiter = reader->delimiter();
  return rows;
}

std::string error_of(const std::string& text, CsvOptions options = {}) {
  auto reader = CsvReader::from_string(text, "t.csv", options);
  std::vector<std::string_view> fields;
  while (reader->next(fields)) {
  }
  return reader->error() ? reader->error()->render(siap::Lang::en) : "";
}

}  // namespace

TEST_CASE("RFC 4180 quoting: delimiters, quotes and newlines inside fields", "[csv]") {
  std::vector<int> lines;
  Rows rows = read_all("a,b,c\n\"x,y\",\"say \"\"hi\"\"\",\"two\nlines\"\n1,,3\n", {}, nullptr, &lines);
  REQUIRE(rows.size() == 3);
  CHECK(rows[1] == std::vector<std::string>{"x,y", "say \"hi\"", "two\nlines"});
  CHECK(rows[2] == std::vector<std::string>{"1", "", "3"});
  CHECK(lines == std::vector<int>{1, 2, 4});  // physical lines: the quoted newline counts
}

TEST_CASE("CRLF and LF line ends, a missing final newline, blank lines", "[csv]") {
  Rows rows = read_all("a,b\r\n1,2\r\n\r\n3,4");
  CHECK(rows == Rows{{"a", "b"}, {"1", "2"}, {"3", "4"}});
  CHECK(read_all("a\n\n\nb\n") == Rows{{"a"}, {"b"}});
  CHECK(read_all("a,b\n\"\"\n") == Rows{{"a", "b"}, {""}});  // a quoted empty field is a row
}

TEST_CASE("a UTF-8 byte order mark is stripped", "[csv]") { CHECK(read_all("\xEF\xBB\xBFwilayah,q1\nBandung,3\n")[0][0] == "wilayah"); }

TEST_CASE("the delimiter is sniffed from the header line", "[csv]") {
  char d = 0;
  read_all("a;b;c\n1;2,5;3\n", {}, &d);
  CHECK(d == ';');
  read_all("a\tb\n1\t2\n", {}, &d);
  CHECK(d == '\t');
  read_all("\"x;y\",b\n", {}, &d);  // the ';' is quoted: comma wins
  CHECK(d == ',');
  CsvOptions semicolon;
  semicolon.delimiter = ';';
  CHECK(read_all("a,b;c\n", semicolon, &d) == Rows{{"a,b", "c"}});
}

TEST_CASE("invalid UTF-8 names the first bad line and suggests cp1252", "[csv][encoding]") {
  CHECK(error_of("wilayah,nama\nx,ok\ny,caf\xE9\n") ==
        "t.csv:3: the file is not valid UTF-8 (first at this line); if Excel saved it as ANSI, use --encoding cp1252");
  CsvOptions cp1252;
  cp1252.encoding = siap::TextEncoding::cp1252;
  auto rows = read_all("wilayah,nama\ny,caf\xE9 \x93q\x94\n", cp1252);
  CHECK(rows[1][1] == "caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D");  // é, curly quotes
}

TEST_CASE("rows and quoted fields that cross the 1 MiB read chunk", "[csv][chunks]") {
  std::string big = "id,text\n";
  for (int i = 0; i < 40000; ++i) big += std::to_string(i) + ",\"a, \"\"quoted\"\"\nvalue\"\n";
  Rows rows = read_all(big);
  REQUIRE(rows.size() == 40001);
  CHECK(rows[40000] == std::vector<std::string>{"39999", "a, \"quoted\"\nvalue"});
  for (std::size_t i = 1; i < rows.size(); ++i) REQUIRE(rows[i][1] == "a, \"quoted\"\nvalue");
}

TEST_CASE("a multi-byte UTF-8 character split across chunks is not an error", "[csv][chunks]") {
  std::string text = "a\n" + std::string((1u << 20) - 3, 'x') + "\xC3\xA9\n";
  Rows rows = read_all(text);
  CHECK(rows[1][0].size() == (1u << 20) - 1);
}

TEST_CASE("hostile input is bounded: huge rows and endless fields", "[csv][hostile]") {
  CsvOptions small;
  small.max_row_bytes = 4u << 20;
  std::string no_newline = "a\n\"" + std::string(6u << 20, 'x');
  CHECK(error_of(no_newline, small).find("row longer than 4194304 bytes") != std::string::npos);
  CsvOptions few;
  few.max_fields = 10;
  CHECK(error_of("a\n" + std::string(50, ','), few).find("row has more than 10 fields") != std::string::npos);
}

TEST_CASE("an unterminated quote at the end keeps what is there", "[csv]") { CHECK(read_all("a,b\n1,\"open") == Rows{{"a", "b"}, {"1", "open"}}); }

TEST_CASE("the reader hashes every byte it read", "[csv]") {
  auto reader = CsvReader::from_string("abc", "t.csv", {});
  std::vector<std::string_view> fields;
  while (reader->next(fields)) {
  }
  CHECK(reader->sha256_hex() == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("rows of every length around the 16-byte blocks: CR, LF, quotes and delimiters at each offset", "[csv][blocks]") {
  // The row splitter works 16 bytes at a time; each special byte is placed
  // at every offset of the first three blocks and compared with the fields
  // built by hand here.
  for (int length = 0; length < 50; ++length) {
    for (const char* ending : {"\n", "\r\n"}) {
      for (int comma = -1; comma < length; ++comma) {
        std::string row(std::size_t(length), 'x');
        std::vector<std::string> expected;
        if (comma >= 0) {
          row[std::size_t(comma)] = ',';
          expected = {row.substr(0, std::size_t(comma)), row.substr(std::size_t(comma) + 1)};
        } else {
          expected = {row};
        }
        if (length == 0) continue;  // an empty line is a blank row; tested elsewhere
        std::string text = "h1,h2\n" + row + ending + "a,b\n";
        Rows rows = read_all(text, {}, nullptr);
        INFO("length " << length << " comma at " << comma << (ending[0] == '\r' ? " CRLF" : " LF"));
        REQUIRE(rows.size() == 3);
        CHECK(rows[1] == expected);
        CHECK(rows[2] == std::vector<std::string>{"a", "b"});
      }
      // A quoted field starting at each offset (after a comma) must still be unquoted.
      for (int at = 1; at + 2 < length; ++at) {
        std::string head(std::size_t(at - 1), 'y'), tail(std::size_t(length - at - 2), 'w');
        std::string row = head + ",\"q,\"\"z\"," + tail;
        Rows rows = read_all("h1,h2,h3\n" + row + ending, {}, nullptr);
        INFO("quote at " << at << " in " << row);
        REQUIRE(rows.size() == 2);
        CHECK(rows[1] == std::vector<std::string>{head, "q,\"z", tail});
      }
    }
  }
  // A lone CR (old Mac line end) ends a row, at every offset.
  for (int at = 1; at < 40; ++at) {
    std::string row = std::string(std::size_t(at), 'c') + "\r" + "d,e";
    Rows rows = read_all("h1,h2\n" + row + "\n");
    INFO("CR at " << at);
    REQUIRE(rows.size() == 3);
    CHECK(rows[1] == std::vector<std::string>{std::string(std::size_t(at), 'c')});
    CHECK(rows[2] == std::vector<std::string>{"d", "e"});
  }
}
