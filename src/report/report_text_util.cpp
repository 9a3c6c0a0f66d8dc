#include <fmt/format.h>

#include <algorithm>

#include "siap/report.hpp"

namespace siap {

std::string format_published(const Decimal& value, int decimals, Lang lang) { return value.format(decimals, lang == Lang::en ? '.' : ','); }

std::string spreadsheet_safe(std::string_view text) {
  if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' || text[0] == '\t' || text[0] == '\r')) {
    return "'" + std::string(text);
  }
  return std::string(text);
}

std::string csv_field(std::string_view text, char delimiter) {
  bool quote = text.find_first_of(std::string{delimiter, '"', '\n', '\r'}) != std::string_view::npos;
  if (!quote) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace siap
