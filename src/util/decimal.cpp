#include "siap/decimal.hpp"

#include <cmath>
#include <cstdlib>
#include <limits>

namespace siap {
namespace {

__extension__ typedef __int128 int128;  // GCC builtin; __extension__ keeps -Wpedantic quiet

constexpr std::int64_t kMantissaLimit = 999'999'999'999'999'999;  // 18 digits

int128 pow10(int n) {
  int128 p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

// Mantissa of `d` re-expressed at a larger `scale`; fits in int128 because
// both the mantissa and 10^(scale difference) are below 10^18.
int128 widen(const Decimal& d, int scale) { return int128(d.mantissa()) * pow10(scale - d.scale()); }

// Smallest scale that represents `mantissa / 10^scale` exactly.
Decimal normalized(int128 mantissa, int scale) {
  while (scale > 0 && mantissa % 10 == 0) {
    mantissa /= 10;
    --scale;
  }
  return Decimal::from_scaled(static_cast<std::int64_t>(mantissa), scale);
}

std::string digits_of(int128 value) {
  if (value == 0) return "0";
  std::string out;
  while (value > 0) {
    out.insert(out.begin(), char('0' + int(value % 10)));
    value /= 10;
  }
  return out;
}

}  // namespace

std::optional<Decimal> Decimal::parse(std::string_view text) {
  std::size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
    negative = text[i] == '-';
    ++i;
  }
  int128 mantissa = 0;
  int scale = 0;
  int integer_digits = 0;
  int significant = 0;
  bool seen_point = false;
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (c == '.' && !seen_point) {
      seen_point = true;
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
    if (seen_point) {
      ++scale;
    } else {
      ++integer_digits;
    }
    mantissa = mantissa * 10 + (c - '0');
    if (mantissa != 0) ++significant;
    if (significant > 18 || scale > kMaxScale) return std::nullopt;
  }
  if (integer_digits == 0 && scale == 0) return std::nullopt;  // "", ".", "-"
  if (seen_point && scale == 0) return std::nullopt;           // "3."
  if (seen_point && integer_digits == 0) return std::nullopt;  // ".5"
  Decimal d = normalized(mantissa, scale);
  if (negative) d.mantissa_ = -d.mantissa_;
  return d;
}

bool Decimal::is_integer() const { return scale_ == 0; }

double Decimal::to_double() const {
  // strtod on the exact text gives the correctly rounded double.
  return std::strtod(to_string().c_str(), nullptr);
}

std::string Decimal::to_string() const {
  int128 magnitude = mantissa_ < 0 ? -int128(mantissa_) : int128(mantissa_);
  std::string digits = digits_of(magnitude);
  if (scale_ > 0) {
    if (int(digits.size()) <= scale_) digits.insert(0, std::size_t(scale_ - int(digits.size()) + 1), '0');
    digits.insert(digits.size() - std::size_t(scale_), 1, '.');
  }
  return mantissa_ < 0 ? "-" + digits : digits;
}

Decimal Decimal::round_half_up(int decimals) const {
  if (decimals >= scale_) return *this;
  int128 divisor = pow10(scale_ - decimals);
  int128 magnitude = mantissa_ < 0 ? -int128(mantissa_) : int128(mantissa_);
  int128 rounded = (magnitude + divisor / 2) / divisor;
  return normalized(mantissa_ < 0 ? -rounded : rounded, decimals);
}

std::string Decimal::format(int decimals, char decimal_separator) const {
  std::string out;
  append_format(out, decimals, decimal_separator);
  return out;
}

void Decimal::append_format(std::string& out, int decimals, char decimal_separator) const {
  const Decimal r = round_half_up(decimals);
  // Written from the last digit into a buffer and appended once: reports
  // format millions of values, and a character at a time cost a capacity
  // check each. Below 10^36, so at most 37 digits with the leading zeros a
  // fraction needs ("0.05"), a separator and a sign. 64-bit division when
  // the value fits: the 128-bit one is a library call.
  char text[48];
  char* const end = text + sizeof text;
  char* p = end;
  const int128 magnitude = (r.mantissa_ < 0 ? -int128(r.mantissa_) : int128(r.mantissa_)) * pow10(decimals - r.scale_);
  auto write = [&](auto v) {
    for (int i = 0; i < decimals; ++i) {
      *--p = char('0' + int(v % 10));
      v /= 10;
    }
    if (decimals > 0) *--p = decimal_separator;
    do {  // one integer digit at least
      *--p = char('0' + int(v % 10));
      v /= 10;
    } while (v > 0);
  };
  if (magnitude <= int128(UINT64_MAX)) {
    write(std::uint64_t(magnitude));
  } else {
    write(magnitude);
  }
  if (r.mantissa_ < 0) *--p = '-';
  out.append(p, std::size_t(end - p));
}

std::optional<Decimal> checked_add(Decimal a, Decimal b) {
  int scale = std::max(a.scale_, b.scale_);
  int128 sum = widen(a, scale) + widen(b, scale);
  while (scale > 0 && sum % 10 == 0) {
    sum /= 10;
    --scale;
  }
  if (sum > kMantissaLimit || sum < -int128(kMantissaLimit)) return std::nullopt;
  return Decimal(static_cast<std::int64_t>(sum), scale);
}

std::strong_ordering Decimal::compare_scales(const Decimal& a, const Decimal& b) {
  int scale = std::max(a.scale_, b.scale_);
  return widen(a, scale) <=> widen(b, scale);
}

}  // namespace siap
