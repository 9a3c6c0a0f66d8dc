#include <fmt/format.h>

#include <algorithm>

#include "siap/report.hpp"

namespace siap {

std::string format_published(const Decimal& value, int decimals, Lang lang) { return value.format(decimals, lang == Lang::en ? '.' : ','); }

namespace {

bool starts_like_formula(std::string_view text) {
  return !text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' || text[0] == '\t' || text[0] == '\r');
}

}  // namespace

std::string spreadsheet_safe(std::string_view text) { return starts_like_formula(text) ? "'" + std::string(text) : std::string(text); }

std::string csv_field(std::string_view text, char delimiter) {
  std::string out;
  append_csv_field(out, text, delimiter);
  return out;
}

void append_csv_field(std::string& out, std::string_view text, char delimiter, bool formula_safe) {
  const bool apostrophe = formula_safe && starts_like_formula(text);
  // One pass comparing each byte with the four specials: find_first_of
  // searched the set once per byte, and a unit sheet's report writes
  // millions of fields.
  const bool quote = std::any_of(text.begin(), text.end(), [delimiter](char c) { return c == delimiter || c == '"' || c == '\n' || c == '\r'; });
  if (quote) out += '"';
  if (apostrophe) out += '\'';
  if (!quote) {
    out += text;
    return;
  }
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

void append_csv_row(std::string& out, const std::vector<std::string>& fields, char delimiter) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += delimiter;
    append_csv_field(out, fields[i], delimiter);
  }
  out += "\r\n";
}

std::string html_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      case '\t':
      case '\n':
      case '\r':
        out += c;
        break;
      default:
        // Other control characters are not allowed in HTML text.
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
          out += "\xEF\xBF\xBD";
        } else {
          out += c;
        }
    }
  }
  return out;
}

std::string terminal_safe(std::string_view s) {
  std::string out;
  for (char c : s) out += (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) ? ' ' : c;
  return out;
}

std::string markdown_escape(std::string_view s) {
  std::string out;
  bool leading_digits = true;  // "12." at the start would open a list
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\n' || c == '\r') {
      out += ' ';
      leading_digits = false;
      continue;
    }
    // What can start markup inside a line, a table cell or a heading, and a
    // list marker at the start; other punctuation stays as it is so versions
    // and addresses read normally.
    bool marker = (i == 0 && (c == '-' || c == '+')) || (leading_digits && i > 0 && (c == '.' || c == ')'));
    if (marker || std::string_view("\\`*_[]<>#|~&").find(c) != std::string_view::npos) out += '\\';
    leading_digits = leading_digits && c >= '0' && c <= '9';
    out += c;
  }
  return out;
}

}  // namespace siap
