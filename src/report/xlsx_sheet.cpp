#include "xlsx_sheet.hpp"
#include "siap/utf8.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace siap {
namespace {

constexpr std::size_t kMaxCellChars = 32767;

// The longest prefix within Excel's cell limit, which counts UTF-16 code
// units (a character beyond U+FFFF counts two), never splitting a UTF-8
// sequence. Counting bytes instead cut non-ASCII text at half the limit.
std::string_view cell_limit(std::string_view s) {
  std::size_t units = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if ((c & 0xC0) == 0x80) continue;  // a continuation byte
    const std::size_t width = c >= 0xF0 ? 2 : 1;
    if (units + width > kMaxCellChars) return s.substr(0, i);
    units += width;
  }
  return s;
}

// Characters XML 1.0 cannot hold (C0 controls other than tab, LF and CR;
// U+FFFE, U+FFFF) become U+FFFD. libxlsxwriter escapes them in cells, but
// copies chart labels into the chart XML as they are, which breaks the file.
std::string xml_safe(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
      out += "\xEF\xBF\xBD";
    } else if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBF &&
               (static_cast<unsigned char>(s[i + 2]) == 0xBE || static_cast<unsigned char>(s[i + 2]) == 0xBF)) {
      out += "\xEF\xBF\xBD";
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

}  // namespace

void XlsxSheet::text(lxw_row_t row, lxw_col_t col, std::string_view value, lxw_format* format, bool measure) {
  std::string cell = xml_safe(cell_limit(value));
  if (cell.empty() && format) {
    worksheet_write_blank(sheet_, row, col, format);
    return;
  }
  worksheet_write_string(sheet_, row, col, cell.c_str(), format);
  if (!measure) return;
  // Headers with line breaks are measured by their longest line.
  std::size_t longest = 0, start = 0;
  while (start <= cell.size()) {
    std::size_t end = cell.find('\n', start);
    if (end == std::string::npos) end = cell.size();
    longest = std::max(longest, code_points(std::string_view(cell).substr(start, end - start)));
    start = end + 1;
  }
  widen(col, double(longest));
}

XlsxSheet::XlsxSheet(lxw_worksheet* sheet) : sheet_(sheet) {
  worksheet_set_landscape(sheet_);
  worksheet_set_paper(sheet_, 9);  // A4
  worksheet_fit_to_pages(sheet_, 1, 0);
  worksheet_set_margins(sheet_, 0.4, 0.4, 0.5, 0.5);
}

void XlsxSheet::freeze(lxw_row_t row, lxw_col_t col) {
  worksheet_freeze_panes(sheet_, row, col);
  if (row > 0) worksheet_repeat_rows(sheet_, 0, row - 1);
}

void XlsxSheet::merged_text(lxw_row_t row, lxw_col_t first, lxw_col_t last, std::string_view value, lxw_format* format) {
  std::string cell = xml_safe(cell_limit(value));
  worksheet_merge_range(sheet_, row, first, row, last, cell.c_str(), format);
}

void XlsxSheet::number(lxw_row_t row, lxw_col_t col, double value, lxw_format* format) {
  worksheet_write_number(sheet_, row, col, value, format);
  widen(col, 8);
}

void XlsxSheet::widen(lxw_col_t col, double width) {
  if (widths_.size() <= col) widths_.resize(std::size_t(col) + 1, 0);
  widths_[col] = std::max(widths_[col], width);
}

void XlsxSheet::fit_columns(double max_width, const std::map<lxw_col_t, double>& fixed) {
  for (std::size_t c = 0; c < widths_.size(); ++c) {
    auto it = fixed.find(lxw_col_t(c));
    double width = it != fixed.end() ? it->second : std::clamp(widths_[c] + 2, 6.0, max_width);
    worksheet_set_column(sheet_, lxw_col_t(c), lxw_col_t(c), width, nullptr);
  }
}

}  // namespace siap
