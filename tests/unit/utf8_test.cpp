#include "siap/utf8.hpp"

#include <catch2/catch.hpp>

using siap::escape_invalid_utf8;
using siap::is_valid_utf8;

TEST_CASE("is_valid_utf8 follows RFC 3629", "[utf8]") {
  CHECK(is_valid_utf8(""));
  CHECK(is_valid_utf8("Kabupaten Bandung"));
  CHECK(is_valid_utf8("Bali \xE2\x80\x93 Denpasar \xF0\x9F\x98\x80"));  // en dash, an emoji
  CHECK_FALSE(is_valid_utf8("\xC0\xAF"));                               // overlong '/'
  CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));                           // a UTF-16 surrogate
  CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));                       // above U+10FFFF
  CHECK_FALSE(is_valid_utf8("caf\xE9"));                                // Latin-1
  CHECK_FALSE(is_valid_utf8("\xE2\x80"));                               // cut off
}

TEST_CASE("escape_invalid_utf8 shows each bad byte as a hex escape and keeps the rest", "[utf8]") {
  CHECK(escape_invalid_utf8("caf\xE9 ok") == "caf\\xE9 ok");
  CHECK(escape_invalid_utf8("a\xFF\xFE"
                            "b") == "a\\xFF\\xFEb");
  CHECK(escape_invalid_utf8("\xE2\x80") == "\\xE2\\x80");
  CHECK(escape_invalid_utf8("\xE2\x80\x93") == "\xE2\x80\x93");
  CHECK(is_valid_utf8(escape_invalid_utf8("\xC0\xAF\xED\xA0\x80 x \xF0")));
}

TEST_CASE("code points and whole-character prefixes", "[utf8]") {
  CHECK(siap::code_points("") == 0);
  CHECK(siap::code_points("Kota Bandung") == 12);
  CHECK(siap::code_points("Bali \xE2\x80\xA6 \xC3\xA9") == 8);  // "…" is 3 bytes, "é" 2
  const std::string text =
      "ab\xE2\x80\xA6"
      "c";  // a b … c: bytes 0 1 [2 3 4] 5
  CHECK(siap::whole_characters(text, 10) == 6);
  CHECK(siap::whole_characters(text, 5) == 5);
  CHECK(siap::whole_characters(text, 4) == 2);  // would end inside "…"
  CHECK(siap::whole_characters(text, 3) == 2);
  CHECK(siap::whole_characters(text, 2) == 2);
  CHECK(siap::whole_characters(text, 0) == 0);
}

TEST_CASE("shorten cuts to a number of code points, with an ellipsis, never inside a character", "[utf8]") {
  using siap::shorten;
  const std::string e = "\xC3\xA9";                  // "é", two bytes
  CHECK(shorten("Kota Bogor", 10) == "Kota Bogor");  // fits exactly: unchanged
  CHECK(shorten("Kota Bogor", 9) == "Kota Bog\xE2\x80\xA6");
  CHECK(shorten("Kota Bogor", 1) == "\xE2\x80\xA6");
  CHECK(shorten("Kota Bogor", 0) == "");
  CHECK(shorten("", 3) == "");
  CHECK(shorten(e + e + e, 3) == e + e + e);  // three characters, six bytes: fits
  CHECK(shorten(e + e + e + e, 3) == e + e + "\xE2\x80\xA6");
  CHECK(shorten("a" + e + "\xF0\x9F\x98\x80" + "b", 3) == "a" + e + "\xE2\x80\xA6");  // an emoji is one character
}
