#include "siap/decimal.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using siap::Decimal;

namespace {
Decimal d(const char* text) {
  auto value = Decimal::parse(text);
  REQUIRE(value.has_value());
  return *value;
}
}  // namespace

TEST_CASE("Decimal parses plain decimal notation exactly", "[decimal]") {
  CHECK(d("16.5").to_string() == "16.5");
  CHECK(d("2.75").to_string() == "2.75");
  CHECK(d("1.30").to_string() == "1.3");
  CHECK(d("-0.25").to_string() == "-0.25");
  CHECK(d("+7").to_string() == "7");
  CHECK(d("0.000001").to_string() == "0.000001");
  CHECK(d("100").is_integer());
  CHECK_FALSE(d("1.5").is_integer());
}

TEST_CASE("Decimal rejects anything that is not a plain decimal", "[decimal]") {
  for (const char* bad :
       {"", ".", "-", "3.", ".5", "1e3", "1,5", "1.2.3", "abc", " 1", "1 ", "0x10", "nan", "inf", "1234567890123456789", "0.0000000000000000001"}) {
    INFO(bad);
    CHECK_FALSE(Decimal::parse(bad).has_value());
  }
}

TEST_CASE("Decimal compares by value, not by representation", "[decimal]") {
  CHECK(d("3.5") == d("3.50"));
  CHECK(d("3.4999") < d("3.5"));
  CHECK(d("4.2") > d("4.19999999"));
  CHECK(d("-1") < d("0"));
  CHECK(d("16.5") == d("16.500000"));
}

TEST_CASE("Decimal rounds half up on the exact value", "[decimal][rounding]") {
  // spbe.md: an exact 3.405 publishes as 3.41; printf("%.2f", 3.405) gives 3.40.
  CHECK(d("3.405").format(2) == "3.41");
  CHECK(d("2.675").format(2) == "2.68");
  CHECK(d("2.665").format(2) == "2.67");
  CHECK(d("3.1277").format(2) == "3.13");  // Kab. Magelang 2022
  CHECK(d("3.404999").format(2) == "3.40");
  CHECK(d("2.0588").format(2) == "2.06");
  CHECK(d("3").format(2) == "3.00");
  CHECK(d("0.005").format(2) == "0.01");
  CHECK(d("0.004").format(2) == "0.00");
  CHECK(d("9.995").format(2) == "10.00");
  CHECK(d("-2.675").format(2) == "-2.68");  // away from zero on a tie
  CHECK(d("3.405").format(2, ',') == "3,41");
  CHECK(d("3.405").round_half_up(2) == d("3.41"));
  CHECK(d("3.45").round_half_up(1) == d("3.5"));
  CHECK(d("1.3").round_half_up(4) == d("1.3"));
}

TEST_CASE("Decimal appends its text after what is there, at any width", "[decimal]") {
  std::string out = "x=";
  d("3.405").append_format(out, 2, ',');
  CHECK(out == "x=3,41");
  out.clear();
  d("0").append_format(out, 0);
  CHECK(out == "0");
  // The widest value: 18 digits moved 18 places up (10^36 > 2^64, the 128-bit path).
  out.clear();
  d("999999999999999999").append_format(out, 18);
  CHECK(out == "999999999999999999.000000000000000000");
  out.clear();
  d("-0.000000000000000001").append_format(out, 18);
  CHECK(out == "-0.000000000000000001");
  // Either side of 2^64 = 18446744073709551616 once scaled by 10^9.
  CHECK(d("18446744073").format(9) == "18446744073.000000000");
  CHECK(d("18446744074").format(9) == "18446744074.000000000");
}

TEST_CASE("Decimal formats small published values as written by hand, at the edge of 10^9", "[decimal]") {
  // Against text built from the digits: integer part, separator, fraction
  // padded with zeros. Covers values shorter than their decimals ("0.05"),
  // values whose trailing zeros are not stored (4.8 at 2 places), and
  // either side of 10^9 once scaled (the 32-bit path's limit).
  auto by_hand = [](std::uint64_t scaled, int decimals, char separator) {
    std::string digits = std::to_string(scaled);
    if (decimals == 0) return digits;
    if (digits.size() <= std::size_t(decimals)) digits.insert(0, std::size_t(decimals) + 1 - digits.size(), '0');
    digits.insert(digits.size() - std::size_t(decimals), 1, separator);
    return digits;
  };
  for (int decimals = 0; decimals <= 9; ++decimals) {
    for (std::uint64_t scaled : {0ull, 1ull, 5ull, 10ull, 99ull, 480ull, 484ull, 1000ull, 12345ull, 999'999'999ull, 1'000'000'000ull,
                                 1'000'000'001ull, 4'294'967'295ull, 4'294'967'296ull, 123'456'789'012ull}) {
      const std::string expected = by_hand(scaled, decimals, ',');
      // The same value at every scale that holds it exactly.
      std::string written = expected;
      std::replace(written.begin(), written.end(), ',', '.');
      const Decimal value = d(written.c_str());
      std::string out = "x";
      value.append_format(out, decimals, ',');
      CHECK(out == "x" + expected);
      CHECK(value.format(decimals, ',') == expected);
    }
  }
  CHECK(d("4.8").format(2) == "4.80");
  CHECK(d("0.05").format(2) == "0.05");
  CHECK(d("-4.8").format(2) == "-4.80");
  CHECK(d("7").format(0) == "7");
}

TEST_CASE("Decimal sums exactly and detects overflow", "[decimal]") {
  // 13 + 25 + 16.5 + 45.5 = 100: the SPBE 2020 domain weights.
  Decimal total = Decimal::from_int(0);
  for (const char* w : {"13", "25", "16.5", "45.5"}) total = *checked_add(total, d(w));
  CHECK(total == Decimal::from_int(100));
  CHECK(total.to_string() == "100");
  // 0.1 + 0.2 is exactly 0.3 here.
  CHECK(*checked_add(d("0.1"), d("0.2")) == d("0.3"));
  CHECK_FALSE(checked_add(d("999999999999999999"), d("1")).has_value());
}

TEST_CASE("Decimal converts to the nearest double", "[decimal]") {
  CHECK(d("1.3").to_double() == 1.3);
  CHECK(d("2.75").to_double() == 2.75);
}
