// Scores as exact rationals while they fit in 128 bits, so that a published
// value rounds half up on the exact decimal value (an exact 3.405 gives 3.41).
// Arithmetic that would overflow, or that is irrational (geometric means),
// continues in long double (64-bit mantissa) and is marked inexact; rounding
// then treats a value within 1e-11 of a tie (in units of the last published
// digit) as the tie. Official unit-level indices (SPBE, Pemdi, evaluation)
// always stay exact.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>

#include "siap/decimal.hpp"

namespace siap {

class Number {
 public:
  __extension__ typedef __int128 int128;

  Number() = default;  // exact 0
  friend class WeightedSum;
  static Number of(const Decimal& d);
  static Number of(std::int64_t n) { return ratio(n, 1); }
  static Number ratio(int128 numerator, int128 denominator);  // denominator != 0
  static Number approximate(long double value);

  bool is_exact() const { return den_ != 0; }
  long double value() const { return is_exact() ? static_cast<long double>(num_) / static_cast<long double>(den_) : approx_; }
  bool is_zero() const { return is_exact() ? num_ == 0 : approx_ == 0; }
  bool is_one() const { return is_exact() && num_ == 1 && den_ == 1; }  // exactly 1 (a full share)

  friend Number operator+(const Number& a, const Number& b);
  friend Number operator-(const Number& a, const Number& b);
  friend Number operator*(const Number& a, const Number& b);
  friend Number operator/(const Number& a, const Number& b);  // b != 0
  friend std::partial_ordering operator<=>(const Number& a, const Number& b);
  friend bool operator==(const Number& a, const Number& b) { return (a <=> b) == 0; }

  // Rounded half up (away from zero on a tie) to `decimals` places.
  Decimal round_half_up(int decimals) const;
  // numerator / denominator (denominator > 0, any common factor) rounded as
  // round_half_up() rounds that value, without reducing the fraction first;
  // nothing when the arithmetic would pass 128 bits or the result 64.
  static std::optional<Decimal> round_half_up_fraction(int128 numerator, int128 denominator, int decimals);
  // An exact number's reduced fraction (denominator > 0); meaningless when
  // !is_exact().
  int128 numerator() const { return num_; }
  int128 denominator() const { return den_; }
  // Shortest text: exact fractions as decimals when they terminate within 18
  // places, else the long double value to 17 significant digits.
  std::string to_string() const;

 private:
  // 32 bytes (results keep two per node and unit): a reduced fraction
  // num_/den_ with den_ > 0, or, when den_ == 0, the approximation approx_.
  union {
    int128 num_ = 0;
    long double approx_;
  };
  int128 den_ = 1;
};

// A sum of products w·x, as the tree's weighted means need it: exact terms
// accumulate over a common denominator and are reduced once, at value(),
// instead of by a gcd at every step. The value is the same Number that
// adding the products one by one gives: a sum that would overflow is reduced
// and continued in Number arithmetic, as before.
class WeightedSum {
 public:
  void add(const Number& weight, const Number& x);
  Number value() const;
  // value() / d (d != 0), reduced once: a weighted mean is this sum over
  // the weight present, and dividing the reduced value cost three more gcds.
  Number divided_by(const Number& d) const;

 private:
  Number::int128 num_ = 0;
  Number::int128 den_ = 1;
  bool lazy_ = true;  // false: continued in sum_
  Number sum_;
};

}  // namespace siap
