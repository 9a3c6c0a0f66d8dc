#include "siap/number.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <fmt/format.h>

#include <limits>
#include <optional>

#include <stdexcept>
#include <string>

namespace siap {
namespace {

using int128 = Number::int128;
__extension__ typedef unsigned __int128 uint128;

int128 abs128(int128 v) { return v < 0 ? -v : v; }

int128 gcd128(int128 a, int128 b) {
  a = abs128(a);
  b = abs128(b);
  // Scores' fractions are almost always small: 64-bit division is several
  // times cheaper than 128-bit (a libgcc call).
  if (a <= int128(UINT64_MAX) && b <= int128(UINT64_MAX)) {
    std::uint64_t x = std::uint64_t(a), y = std::uint64_t(b);
    while (y != 0) {
      std::uint64_t t = x % y;
      x = y;
      y = t;
    }
    return x;
  }
  while (b != 0) {
    int128 t = a % b;
    a = b;
    b = t;
  }
  return a;
}

bool fits_int64(int128 v) { return v >= int128(INT64_MIN) && v <= int128(INT64_MAX); }

// Scores' numerators and denominators almost always fit in 64 bits, and the
// product of two such cannot overflow 128: one multiplication instead of
// libgcc's checked 128-bit one (__muloti4, a call per product).
bool mul(int128 a, int128 b, int128& out) {
  if (fits_int64(a) && fits_int64(b)) {
    out = int128(std::int64_t(a)) * std::int64_t(b);
    return true;
  }
  return !__builtin_mul_overflow(a, b, &out);
}
bool add(int128 a, int128 b, int128& out) { return !__builtin_add_overflow(a, b, &out); }

// a / b for b > 0, in 64 bits when both fit (as gcd128 and ratio() do).
int128 quotient(int128 a, int128 b) { return fits_int64(a) && fits_int64(b) ? int128(std::int64_t(a) / std::int64_t(b)) : a / b; }

int128 pow10(int n) {
  static constexpr std::int64_t kSmall[19] = {1,
                                              10,
                                              100,
                                              1'000,
                                              10'000,
                                              100'000,
                                              1'000'000,
                                              10'000'000,
                                              100'000'000,
                                              1'000'000'000,
                                              10'000'000'000,
                                              100'000'000'000,
                                              1'000'000'000'000,
                                              10'000'000'000'000,
                                              100'000'000'000'000,
                                              1'000'000'000'000'000,
                                              10'000'000'000'000'000,
                                              100'000'000'000'000'000,
                                              1'000'000'000'000'000'000};
  if (n >= 0 && n <= 18) return kSmall[n];
  int128 p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

}  // namespace

Number Number::of(const Decimal& d) {
  // gcd(m, 10^s) holds only the factors 2 and 5 (at most s of each): they
  // are counted instead of found by Euclid's algorithm, which took half a
  // dozen divisions per answer of a unit sheet.
  const int scale = d.scale();
  const bool negative = d.mantissa() < 0;
  std::uint64_t m = negative ? 0 - std::uint64_t(d.mantissa()) : std::uint64_t(d.mantissa());
  Number n;
  if (m == 0) return n;  // 0/1
  int twos = std::min(__builtin_ctzll(m), scale);
  m >>= twos;
  int fives = 0;
  while (fives < scale && m % 5 == 0) {
    m /= 5;
    ++fives;
  }
  std::int64_t den = std::int64_t(1) << (scale - twos);  // 2^(s - twos) 5^(s - fives) <= 10^18
  for (int i = fives; i < scale; ++i) den *= 5;
  n.num_ = negative ? -int128(m) : int128(m);
  n.den_ = den;
  return n;
}

Number Number::ratio(int128 numerator, int128 denominator) {
  Number n;
  if (denominator < 0) {
    numerator = -numerator;
    denominator = -denominator;
  }
  int128 g = gcd128(numerator, denominator);
  if (g > 1) {
    // In 64 bits when both fit, as gcd128 does: a 128-bit division is a
    // libgcc call, and every score of every unit is reduced here.
    if (fits_int64(numerator) && fits_int64(denominator)) {
      numerator = std::int64_t(numerator) / std::int64_t(g);
      denominator = std::int64_t(denominator) / std::int64_t(g);
    } else {
      numerator /= g;
      denominator /= g;
    }
  }
  n.num_ = numerator;
  n.den_ = denominator;
  return n;
}

Number Number::approximate(long double value) {
  Number n;
  n.den_ = 0;
  n.approx_ = value;
  return n;
}

Number operator+(const Number& a, const Number& b) {
  if (a.is_exact() && b.is_exact()) {
    int128 g = gcd128(a.den_, b.den_);
    const int128 a_den = quotient(a.den_, g), b_den = quotient(b.den_, g);
    int128 left, right, num, den;
    if (mul(a.num_, b_den, left) && mul(b.num_, a_den, right) && add(left, right, num) && mul(a_den, b.den_, den)) {
      return Number::ratio(num, den);
    }
  }
  return Number::approximate(a.value() + b.value());
}

Number operator-(const Number& a, const Number& b) {
  Number negative = b;
  if (negative.is_exact()) {
    negative.num_ = -negative.num_;
  } else {
    negative.approx_ = -negative.approx_;
  }
  return a + negative;
}

Number operator*(const Number& a, const Number& b) {
  if (a.is_exact() && b.is_exact()) {
    int128 g1 = gcd128(a.num_, b.den_);
    int128 g2 = gcd128(b.num_, a.den_);
    if (g1 == 0) g1 = 1;
    if (g2 == 0) g2 = 1;
    int128 num, den;
    if (mul(quotient(a.num_, g1), quotient(b.num_, g2), num) && mul(quotient(a.den_, g2), quotient(b.den_, g1), den)) return Number::ratio(num, den);
  }
  return Number::approximate(a.value() * b.value());
}

Number operator/(const Number& a, const Number& b) {
  if (b.is_exact() && b.num_ != 0) {
    Number inverse;
    inverse.num_ = b.den_;
    inverse.den_ = b.num_;
    if (inverse.den_ < 0) {
      inverse.num_ = -inverse.num_;
      inverse.den_ = -inverse.den_;
    }
    return a * inverse;
  }
  return Number::approximate(a.value() / b.value());
}

std::partial_ordering operator<=>(const Number& a, const Number& b) {
  if (a.is_exact() && b.is_exact()) {
    int128 left, right;
    if (mul(a.num_, b.den_, left) && mul(b.num_, a.den_, right)) return left <=> right;
  }
  return a.value() <=> b.value();
}

std::optional<Decimal> Number::round_half_up_fraction(int128 numerator, int128 denominator, int decimals) {
  if (denominator <= 0) return std::nullopt;
  // In 64 bits when the fraction and |numerator| x 10^decimals fit: every
  // published score of every unit comes here.
  if (decimals >= 0 && decimals <= 18 && fits_int64(numerator) && fits_int64(denominator)) {
    const std::int64_t num = std::int64_t(numerator);
    const std::uint64_t magnitude = num < 0 ? 0 - std::uint64_t(num) : std::uint64_t(num);
    const uint128 scaled = static_cast<uint128>(magnitude) * std::uint64_t(pow10(decimals));
    if (scaled <= UINT64_MAX) {
      const std::uint64_t s = std::uint64_t(scaled), d = std::uint64_t(std::int64_t(denominator));
      std::uint64_t q = s / d;
      const std::uint64_t r = s % d;
      if (r >= d - r) ++q;  // 2r >= d, without overflow
      if (q <= std::uint64_t(INT64_MAX)) return Decimal::from_scaled(num < 0 ? -std::int64_t(q) : std::int64_t(q), decimals);
    }
  }
  // Beyond 64 bits (what fits took the path above).
  int128 scaled;
  if (numerator != std::numeric_limits<int128>::min() && mul(abs128(numerator), pow10(decimals), scaled)) {
    int128 q = scaled / denominator;
    const int128 r = scaled % denominator;
    if (r >= denominator - r) ++q;
    if (q <= int128(INT64_MAX)) return Decimal::from_scaled(static_cast<std::int64_t>(numerator < 0 ? -q : q), decimals);
  }
  return std::nullopt;
}

Decimal Number::round_half_up(int decimals) const {
  if (is_exact()) {
    if (auto rounded = round_half_up_fraction(num_, den_, decimals)) return *rounded;
  }
  long double scaled = std::fabs(value()) * std::pow(10.0L, decimals);
  long double floor = std::floor(scaled);
  // Within 1e-11 of a tie counts as the tie: long double error is far smaller.
  long double q = scaled - floor >= 0.5L - 1e-11L ? floor + 1 : floor;
  // No decimal holds a mantissa beyond 64 bits (nor a value that is not a
  // number): an internal error, never a wrapped or undefined conversion.
  if (!(q < 9223372036854775808.0L)) {
    throw std::range_error("Number::round_half_up: " + to_string() + " does not fit in a decimal at " + std::to_string(decimals) + " places");
  }
  auto mantissa = static_cast<std::int64_t>(q);
  return Decimal::from_scaled(value() < 0 ? -mantissa : mantissa, decimals);
}

std::string Number::to_string() const {
  if (is_exact()) {
    // Terminates iff the reduced denominator has only factors 2 and 5.
    int128 d = den_;
    int twos = 0, fives = 0;
    while (d % 2 == 0) {
      d /= 2;
      ++twos;
    }
    while (d % 5 == 0) {
      d /= 5;
      ++fives;
    }
    int places = std::max(twos, fives);
    if (d == 1 && places <= 18) {
      int128 scaled;
      if (mul(num_, pow10(places) / den_, scaled) && abs128(scaled) <= int128(INT64_MAX)) {
        return Decimal::from_scaled(static_cast<std::int64_t>(scaled), places).to_string();
      }
    }
  }
  return fmt::format("{:.17g}", static_cast<double>(value()));
}

void WeightedSum::add(const Number& weight, const Number& x) {
  // In 64 bits when everything fits (a framework's weights and decimal
  // answers) and one denominator divides the other (it almost always does:
  // the sum's grows to the answers' common 10^k): no gcd, no 128-bit
  // product. The state is the one the general path below leaves.
  if (lazy_ && weight.is_exact() && x.is_exact() && fits_int64(weight.num_) && fits_int64(weight.den_) && fits_int64(x.num_) && fits_int64(x.den_) &&
      fits_int64(num_) && fits_int64(den_)) {
    std::int64_t tnum, tden, scaled;
    const std::int64_t sum = std::int64_t(num_), den = std::int64_t(den_);
    if (!__builtin_mul_overflow(std::int64_t(weight.num_), std::int64_t(x.num_), &tnum) &&
        !__builtin_mul_overflow(std::int64_t(weight.den_), std::int64_t(x.den_), &tden)) {
      if (den % tden == 0) {  // the term's denominator divides the sum's (or equals it)
        if (!__builtin_mul_overflow(tnum, den / tden, &scaled) && !__builtin_add_overflow(sum, scaled, &scaled)) {
          num_ = scaled;
          return;
        }
      } else if (tden % den == 0) {  // the sum's divides the term's
        if (!__builtin_mul_overflow(sum, tden / den, &scaled) && !__builtin_add_overflow(scaled, tnum, &scaled)) {
          num_ = scaled;
          den_ = tden;
          return;
        }
      }
    }
  }
  if (lazy_ && weight.is_exact() && x.is_exact()) {
    int128 tnum, tden;
    if (mul(weight.num_, x.num_, tnum) && mul(weight.den_, x.den_, tden)) {
      if (tden == den_) {
        int128 sum;
        if (siap::add(num_, tnum, sum)) {
          num_ = sum;
          return;
        }
      } else {
        // Over the least common denominator: decimal answers' denominators
        // (25, 10, 100, 4 ...) share factors, and their product made the
        // final reduction a long Euclid.
        const int128 g = gcd128(den_, tden);
        const int128 sum_den = quotient(den_, g), term_den = quotient(tden, g);
        int128 left, right, den;
        if (mul(num_, term_den, left) && mul(tnum, sum_den, right) && siap::add(left, right, left) && mul(sum_den, tden, den)) {
          num_ = left;
          den_ = den;
          return;
        }
      }
      // Would overflow: from here on, one reduced step at a time (below).
    }
  }
  if (lazy_) {
    sum_ = Number::ratio(num_, den_);
    lazy_ = false;
  }
  sum_ = sum_ + weight * x;
}

Number WeightedSum::value() const { return lazy_ ? Number::ratio(num_, den_) : sum_; }

Number WeightedSum::divided_by(const Number& d) const {
  if (lazy_ && d.is_exact() && !d.is_zero()) {
    int128 num, den;
    // (num_ / den_) / (d.num_ / d.den_); ratio() moves the sign to the numerator.
    if (mul(num_, d.den_, num) && mul(den_, d.num_, den)) return Number::ratio(num, den);
  }
  return value() / d;
}

}  // namespace siap
