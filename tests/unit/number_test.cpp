#include "siap/number.hpp"

#include <catch2/catch.hpp>

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
