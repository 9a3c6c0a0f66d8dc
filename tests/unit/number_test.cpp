#include "siap/number.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <iterator>
#include <vector>

using siap::Decimal;
using siap::Number;

namespace {
Number n(const char* s) { return Number::of(*Decimal::parse(s)); }
}  // namespace

TEST_CASE("Number keeps rationals exact", "[number]") {
  Number third = Number::of(1) / Number::of(3);
  CHECK(third.is_exact());
  CHECK((third * Number::of(3)) == Number::of(1));
  CHECK((n("0.1") + n("0.2")) == n("0.3"));
  CHECK((n("2.75") * Number::of(10)).to_string() == "27.5");
  CHECK(third.to_string().rfind("0.333333333333333", 0) == 0);
  CHECK((n("1.5") - n("2")).to_string() == "-0.5");
}

TEST_CASE("Number rounds half up on the exact value", "[number][rounding]") {
  CHECK(n("3.405").round_half_up(2).to_string() == "3.41");
  CHECK(n("2.675").round_half_up(2).to_string() == "2.68");
  CHECK((Number::of(681) / Number::of(200)).round_half_up(2).to_string() == "3.41");  // 3.405 as a fraction
  CHECK((Number::of(2) / Number::of(3)).round_half_up(2).to_string() == "0.67");
  CHECK(n("-2.675").round_half_up(2).to_string() == "-2.68");
  // SPBE: index = sum(w * level) / 100 in basis points, e.g. 31277 / 10000.
  CHECK((Number::of(31277) / Number::of(10000)).round_half_up(2).to_string() == "3.13");
}

TEST_CASE("Number falls back to long double on overflow and still rounds ties up", "[number]") {
  // Denominators that multiply past 128 bits.
  Number x = Number::of(1);
  for (int p : {1000003, 1000033, 1000037, 1000039, 1000081, 1000099, 1000117, 1000121}) x = x + Number::of(1) / Number::of(p);
  CHECK_FALSE(x.is_exact());  // the exact denominator needs 160 bits (Python's fractions)
  CHECK(static_cast<double>(x.value()) == Approx(1.0000079994700486).epsilon(1e-15));
  CHECK(Number::approximate(3.405L).round_half_up(2).to_string() == "3.41");
  CHECK(Number::approximate(3.4049L).round_half_up(2).to_string() == "3.40");
}

TEST_CASE("Number compares exactly", "[number]") {
  CHECK(n("3.5") == Number::of(7) / Number::of(2));
  CHECK(n("3.4999") < n("3.5"));
  CHECK(Number::of(1) / Number::of(3) < n("0.3334"));
}

TEST_CASE("Number reduces and rounds alike in 64 and 128 bits", "[number][rounding]") {
  using int128 = Number::int128;
  // Small fractions (the 64-bit path), either sign.
  CHECK(Number::ratio(-272, 100).to_string() == "-2.72");
  CHECK(Number::ratio(-272, -100).to_string() == "2.72");
  CHECK(Number::ratio(272, -100) == n("-2.72"));
  // Beyond 64 bits: 3 * 2^70 / (4 * 2^70) is 3/4.
  const int128 big = int128(1) << 70;
  CHECK(Number::ratio(3 * big, 4 * big).to_string() == "0.75");
  CHECK(Number::ratio(-3 * big, 4 * big).round_half_up(1).to_string() == "-0.8");  // -0.75: away from zero
  // 2^62 + 1/2: its doubled numerator exceeds int64, its rounded value does not.
  const Number half_past = Number::ratio((int128(1) << 63) + 1, 2);
  CHECK(half_past.is_exact());
  CHECK(half_past.round_half_up(0).to_string() == "4611686018427387905");
  CHECK(Number::ratio(-5, 1000).round_half_up(2).to_string() == "-0.01");
  CHECK(Number::ratio(4, 1000).round_half_up(2).to_string() == "0.00");
}

TEST_CASE("a fraction rounds half up as given, without being reduced first", "[number][rounding]") {
  using int128 = Number::int128;
  auto rounded = [](int128 num, int128 den, int places) {
    auto d = Number::round_half_up_fraction(num, den, places);
    return d ? d->to_string() : std::string("none");
  };
  // By hand: 1005/1000 = 1.005 is a tie (up: 1.01); 2010/2000 is the same value, unreduced.
  CHECK(rounded(1005, 1000, 2) == "1.01");
  CHECK(rounded(2010, 2000, 2) == "1.01");
  CHECK(rounded(-1005, 1000, 2) == "-1.01");  // away from zero
  CHECK(rounded(1004999, 1000000, 2) == "1.00");
  CHECK(rounded(2, 3, 2) == "0.67");
  CHECK(rounded(1, 3, 2) == "0.33");
  CHECK(rounded(7, 1, 2) == "7.00");
  // Beyond 64 bits: 1.005 over 2^80.
  const int128 big = int128(1) << 80;
  CHECK(rounded(1005 * big, 1000 * big, 2) == "1.01");
  CHECK(rounded(-335 * big, 100 * big, 1) == "-3.4");
  // No denominator, or a result beyond a decimal's 64 bits: nothing.
  CHECK(rounded(1, 0, 2) == "none");
  CHECK(rounded(int128(1) << 100, 1, 0) == "none");
  // The same as the reduced Number's rounding, for a range of fractions.
  for (std::int64_t num = -2000; num <= 2000; num += 7) {
    for (std::int64_t den : {1, 3, 8, 40, 200, 1000, 7000}) {
      INFO(num << "/" << den);
      CHECK(rounded(num * 6, den * 6, 2) == Number::ratio(num, den).round_half_up(2).to_string());
    }
  }
}

TEST_CASE("a weighted sum divided by the weight present is the weighted mean, reduced", "[number]") {
  siap::WeightedSum sum;  // 13% x 3 + 25% x 4 + 16% x 2, over 54%
  sum.add(n("0.13"), Number::of(3));
  sum.add(n("0.25"), Number::of(4));
  sum.add(n("0.16"), Number::of(2));
  // (0.39 + 1.00 + 0.32) / 0.54 = 171 / 54 = 19 / 6
  CHECK(sum.divided_by(n("0.54")) == Number::ratio(19, 6));
  CHECK(sum.divided_by(n("0.54")).to_string() == (sum.value() / n("0.54")).to_string());
  CHECK(sum.divided_by(n("-0.54")) == Number::ratio(-19, 6));
  CHECK(sum.divided_by(Number::of(1)) == n("1.71"));
  // Past 128 bits the sum continues reduced, and so does the division.
  siap::WeightedSum wide;
  const Number huge = Number::ratio(Number::int128(1) << 100, 3);
  wide.add(huge, huge);
  wide.add(Number::ratio(1, 7), Number::of(1));
  CHECK(wide.divided_by(Number::of(2)) == wide.value() / Number::of(2));
}

TEST_CASE("a decimal's Number is its mantissa over 10^scale, reduced, for every scale and sign", "[number]") {
  // Number::of strips the factors 2 and 5 it shares with 10^scale by
  // counting them; Number::ratio reduces by Euclid's gcd: the definition.
  std::uint64_t state = 0x9E3779B97F4A7C15u;
  auto next = [&] {  // xorshift64: reproducible mantissas over the whole range
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  std::vector<std::int64_t> mantissas{0, 1, -1, 5, 25, 1024, -3125, 1'000'000'000'000'000'000, INT64_MAX, INT64_MIN, INT64_MIN + 1};
  for (int i = 0; i < 2000; ++i) {
    const std::uint64_t r = next();
    // Small values with many factors of 2 and 5, and values over the whole range.
    mantissas.push_back(i % 2 == 0 ? std::int64_t(r % 100'000) * (i % 4 == 0 ? 1 : -1) : std::int64_t(r));
  }
  for (std::int64_t m : mantissas) {
    for (int scale = 0; scale <= Decimal::kMaxScale; ++scale) {
      Number::int128 power = 1;
      for (int e = 0; e < scale; ++e) power *= 10;
      const Number fast = Number::of(Decimal::from_scaled(m, scale));
      const Number slow = Number::ratio(m, power);
      REQUIRE(fast == slow);
      REQUIRE(fast.to_string() == slow.to_string());
      // At no more places than the scale the rounded mantissa fits, but for
      // -2^63 itself (its magnitude is one past int64: tested below).
      const int places = std::min(2, scale);
      if (m != INT64_MIN || places < scale) REQUIRE(fast.round_half_up(places) == slow.round_half_up(places));
    }
  }
}

TEST_CASE("a weighted sum over decimals of different denominators equals the products added one by one", "[number]") {
  // The sum keeps the least common denominator (25, 10, 100, 4 -> 100);
  // adding reduced Numbers one at a time is the definition.
  const char* xs[] = {"2.72", "2.84", "2.10", "1.41", "2.25", "0.005", "-3.125", "4.8", "1.0625"};
  const char* ws[] = {"10", "20", "30", "20", "20", "0.3", "1.5", "2", "0.125"};
  siap::WeightedSum sum;
  Number by_hand, present;
  for (std::size_t i = 0; i < std::size(xs); ++i) {
    sum.add(n(ws[i]), n(xs[i]));
    by_hand = by_hand + n(ws[i]) * n(xs[i]);
    present = present + n(ws[i]);
    CHECK(sum.value() == by_hand);
    CHECK(sum.value().to_string() == by_hand.to_string());
  }
  CHECK(sum.divided_by(present) == by_hand / present);
  CHECK(sum.divided_by(present).to_string() == (by_hand / present).to_string());
}

TEST_CASE("a value whose rounded mantissa needs more than 64 bits is an error, never a wrapped number", "[number][rounding]") {
  // -2^63 at two places is -922337203685477580800: 21 digits, beyond any decimal.
  const Number huge = Number::of(INT64_MIN);
  CHECK_THROWS_AS(huge.round_half_up(2), std::range_error);
  CHECK_THROWS_AS(Number::of(INT64_MAX).round_half_up(1), std::range_error);
  CHECK(Number::of(INT64_MAX).round_half_up(0).to_string() == "9223372036854775807");  // fits: kept exactly
  CHECK(Number::of(INT64_MIN + 1).round_half_up(0).to_string() == "-9223372036854775807");
}
