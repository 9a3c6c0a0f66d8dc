// Exact decimal numbers for weights, band edges and published values.
//
// Official indices are published rounded half up on the exact decimal value
// (an exact 3.405 publishes as 3.41). Binary floating point cannot hold 1.3 or
// 3.405 exactly, so everything that comes from a framework file or is
// published is kept as a Decimal: an integer mantissa and a power-of-ten scale.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace siap {

// 12 bytes, 4-aligned (packed): results hold one published value per node
// and unit, millions on a national unit sheet, and 4 bytes of padding each
// were memory first touched for nothing (docs/performance.md).
class __attribute__((packed, aligned(4))) Decimal {
 public:
  static constexpr int kMaxScale = 18;

  constexpr Decimal() = default;
  static Decimal from_int(std::int64_t value) { return Decimal(value, 0); }
  // Parses plain decimal notation: optional sign, digits, optional fraction
  // ("16.5", "-0.25", "3"). No exponents, no thousands separators. Empty
  // optional when the text is not such a number or does not fit.
  static std::optional<Decimal> parse(std::string_view text);
  // value / 10^scale; requires 0 <= scale <= kMaxScale.
  static Decimal from_scaled(std::int64_t mantissa, int scale) { return Decimal(mantissa, scale); }

  std::int64_t mantissa() const { return mantissa_; }
  int scale() const { return scale_; }
  bool is_zero() const { return mantissa_ == 0; }
  bool is_negative() const { return mantissa_ < 0; }
  bool is_integer() const;
  double to_double() const;

  // Shortest exact text: "16.5", "2.75", "3".
  std::string to_string() const;
  // Text with exactly `decimals` fraction digits, rounded half up (away from
  // zero on an exact tie), with '.' or ',' as the decimal separator.
  std::string format(int decimals, char decimal_separator = '.') const;
  // format(), appended to `out` (reports write millions of values).
  void append_format(std::string& out, int decimals, char decimal_separator = '.') const;

  // Rounded half up (away from zero on an exact tie) to `decimals` places.
  Decimal round_half_up(int decimals) const;

  // Sum; empty optional on overflow.
  friend std::optional<Decimal> checked_add(Decimal a, Decimal b);
  friend std::strong_ordering operator<=>(const Decimal& a, const Decimal& b) {
    // Published scores share one scale: compare them without widening.
    return a.scale_ == b.scale_ ? a.mantissa_ <=> b.mantissa_ : compare_scales(a, b);
  }
  friend bool operator==(const Decimal& a, const Decimal& b) { return (a <=> b) == 0; }

 private:
  static std::strong_ordering compare_scales(const Decimal& a, const Decimal& b);
  constexpr Decimal(std::int64_t mantissa, int scale) : mantissa_(mantissa), scale_(scale) {}
  std::int64_t mantissa_ = 0;
  int scale_ = 0;
};
static_assert(sizeof(Decimal) == 12 && alignof(Decimal) == 4);

std::optional<Decimal> checked_add(Decimal a, Decimal b);

}  // namespace siap
