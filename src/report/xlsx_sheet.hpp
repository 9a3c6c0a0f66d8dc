// A worksheet that remembers how wide its columns need to be. Text goes in
// only as string cells (never a formula), cut to Excel's 32,767-character
// cell limit on a UTF-8 boundary.
#pragma once

#include <xlsxwriter.h>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace siap {

class XlsxSheet {
 public:
  // Prints landscape on A4, one page wide.
  explicit XlsxSheet(lxw_worksheet* sheet);

  // `measure`: false for titles and notes that may overflow into empty cells.
  void text(lxw_row_t row, lxw_col_t col, std::string_view value, lxw_format* format = nullptr, bool measure = true);
  void number(lxw_row_t row, lxw_col_t col, double value, lxw_format* format = nullptr);
  // Freezes the rows above `row` and columns left of `col`; the frozen rows
  // repeat on every printed page.
  void freeze(lxw_row_t row, lxw_col_t col);
  // A label spanning columns first..last (text, never a formula).
  void merged_text(lxw_row_t row, lxw_col_t first, lxw_col_t last, std::string_view value, lxw_format* format);
  void autofilter(lxw_row_t first_row, lxw_col_t first_col, lxw_row_t last_row, lxw_col_t last_col) {
    worksheet_autofilter(sheet_, first_row, first_col, last_row, last_col);
  }
  // Sets each used column to its widest content (in characters), between 6
  // and `max_width`; `fixed` overrides chosen columns.
  void fit_columns(double max_width, const std::map<lxw_col_t, double>& fixed = {});

  std::string name() const { return sheet_->name; }
  lxw_worksheet* raw() { return sheet_; }

 private:
  void widen(lxw_col_t col, double width);
  lxw_worksheet* sheet_;
  std::vector<double> widths_;
};

// Display width in characters of UTF-8 text (code points).

}  // namespace siap
