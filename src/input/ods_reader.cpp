// ODS (OpenDocument spreadsheet) read from its content.xml with liborcus's
// ZIP reader and expat. liborcus's ODS filter is not used: Debian 12 builds
// it with assertions on, and a malformed styles or content part aborts the
// process inside it (found by fuzzing). A cell's text is what the file
// stores: office:value for numbers (the digits as written), the date, time
// or boolean value, else the cell's paragraphs; never a display format.
#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include <string>
#include <utility>
#include <vector>

#include "input/workbook_parts.hpp"
#include "input/xml_events.hpp"
#include "siap/limits.hpp"
#include "siap/utf8.hpp"

namespace siap::workbook {
namespace {

// A repeat count ("table:number-rows-repeated"): absent is 1; anything but
// 1 to 9 digits is a broken file.
long repeat_count(const xml::Attributes& a, std::string_view name) {
  std::string_view text = a.get(name);
  if (text.empty()) return 1;
  long out = 0;
  for (char c : text) {
    if (c < '0' || c > '9' || out >= 100'000'000) {
      const std::string_view shown = text.substr(0, whole_characters(text, 20));
      throw Refused({fmt::format("{}=\"{}\" bukan bilangan yang sah", name, shown), fmt::format("{}=\"{}\" is not a valid count", name, shown)});
    }
    out = out * 10 + (c - '0');
  }
  if (out < 1) throw Refused({fmt::format("{}=\"0\" tidak sah", name), fmt::format("{}=\"0\" is not valid", name)});
  return out;
}

// The names of the spreadsheet's sheets (top-level table:table elements).
std::vector<std::string> sheet_names(const std::string& content) {
  std::vector<std::string> names;
  int depth = 0;
  xml::Handlers h;
  h.start = [&](std::string_view name, const xml::Attributes& a) {
    if (name != "table") return;
    if (depth++ == 0) names.emplace_back(a.get("table:name"));
  };
  h.end = [&](std::string_view name) {
    if (name == "table") --depth;
  };
  xml::parse("content.xml", content, h);
  return names;
}

// The cells of the `chosen`-th top-level table. Rows and cells may carry a
// repeat count: LibreOffice writes a run of equal cells once, and the empty
// rest of a sheet as one row repeated a million times; only filled cells
// are kept, so that costs nothing.
class SheetReader {
 public:
  SheetReader(std::size_t chosen, SheetCells& sheet) : chosen_(chosen), sheet_(sheet) {}

  void read(const std::string& content) {
    xml::Handlers h;
    h.start = [this](std::string_view name, const xml::Attributes& a) { start(name, a); };
    h.end = [this](std::string_view name) { end(name); };
    h.text = [this](std::string_view text) {
      if (in_paragraph_ > 0 && in_annotation_ == 0) append(text);
    };
    xml::parse("content.xml", content, h);
  }

 private:
  bool reading() const { return table_depth_ == 1 && table_index_ == chosen_; }

  void start(std::string_view name, const xml::Attributes& a) {
    if (name == "table") {
      if (table_depth_++ == 0) ++table_index_;
      return;
    }
    if (!reading()) return;
    if (name == "table-row") {
      row_repeat_ = repeat_count(a, "table:number-rows-repeated");
      row_cells_.clear();
      row_bytes_ = 0;
      column_ = 0;
    } else if (name == "table-cell" || name == "covered-table-cell") {
      in_cell_ = true;
      column_repeat_ = repeat_count(a, "table:number-columns-repeated");
      text_.clear();
      paragraphs_ = 0;
      value_ = stored_value(a);
    } else if (!in_cell_) {
      return;
    } else if (name == "annotation") {
      ++in_annotation_;  // a comment on the cell, not its content
    } else if (in_annotation_ > 0) {
      return;
    } else if (name == "p" || name == "h") {
      if (paragraphs_++ > 0) append("\n");
      ++in_paragraph_;
    } else if (in_paragraph_ > 0 && name == "s") {
      // text:s is a run of spaces; its count is bounded by the cell's limit.
      long spaces = repeat_count(a, "text:c");
      for (long i = 0; i < spaces; ++i) append(" ");
    } else if (in_paragraph_ > 0 && name == "tab") {
      append("\t");
    } else if (in_paragraph_ > 0 && name == "line-break") {
      append("\n");
    }
  }

  void end(std::string_view name) {
    if (name == "table") {
      --table_depth_;
      return;
    }
    if (!reading()) return;
    if (name == "table-row") {
      end_row();
    } else if ((name == "table-cell" || name == "covered-table-cell") && in_cell_) {
      in_cell_ = false;
      end_cell();
    } else if (name == "annotation" && in_annotation_ > 0) {
      --in_annotation_;
    } else if ((name == "p" || name == "h") && in_paragraph_ > 0 && in_annotation_ == 0) {
      --in_paragraph_;
    }
  }

  // The value a typed cell stores in its attributes; for text cells (and
  // untyped ones), the paragraphs are read instead.
  static std::optional<std::string> stored_value(const xml::Attributes& a) {
    std::string_view type = a.get("office:value-type");
    if (type == "float" || type == "percentage" || type == "currency") return std::string(a.get("office:value"));
    if (type == "date") return std::string(a.get("office:date-value"));
    if (type == "time") return std::string(a.get("office:time-value"));
    if (type == "boolean") {
      std::string_view b = a.get("office:boolean-value");
      return std::string(b == "true" ? "TRUE" : b == "false" ? "FALSE" : b);
    }
    if (type == "string" && !a.get("office:string-value").empty()) return std::string(a.get("office:string-value"));
    return std::nullopt;
  }

  void append(std::string_view text) {
    if (text_.size() + text.size() > limits::kMaxRowBytes) {
      throw Refused({fmt::format("sel baris {} lebih dari {} bita", row_ + 1, limits::kMaxRowBytes),
                     fmt::format("a cell in row {} exceeds {} bytes", row_ + 1, limits::kMaxRowBytes)});
    }
    text_.append(text);
  }

  void end_cell() {
    std::string value = value_ ? std::move(*value_) : std::move(text_);
    if (!value.empty()) {
      if (column_ + column_repeat_ > long(limits::kMaxSheetColumns)) {
        throw Refused({fmt::format("sel terisi di luar {} kolom (baris {})", limits::kMaxSheetColumns, row_ + 1),
                       fmt::format("filled cells beyond {} columns (row {})", limits::kMaxSheetColumns, row_ + 1)});
      }
      row_bytes_ += value.size() * std::size_t(column_repeat_);
      if (row_bytes_ > limits::kMaxRowBytes) {
        throw Refused({fmt::format("baris {} berisi lebih dari {} bita", row_ + 1, limits::kMaxRowBytes),
                       fmt::format("row {} holds more than {} bytes", row_ + 1, limits::kMaxRowBytes)});
      }
      for (long i = 0; i < column_repeat_; ++i) row_cells_.emplace_back(column_ + i, value);
    }
    // An empty run only moves the column on; past the limit it stays there.
    column_ = std::min(column_ + column_repeat_, long(limits::kMaxSheetColumns) + 1);
  }

  void end_row() {
    if (!row_cells_.empty()) {
      if (row_ + row_repeat_ > long(limits::kMaxSheetRows)) {
        throw Refused(
            {fmt::format("baris terisi di luar {} baris", limits::kMaxSheetRows), fmt::format("filled rows beyond {} rows", limits::kMaxSheetRows)});
      }
      // Checked before copying: a repeat count multiplies what one row holds.
      const auto repeat = std::size_t(row_repeat_);
      if (sheet_.cells.size() + row_cells_.size() * repeat > limits::kMaxSheetCells) {
        throw Refused({fmt::format("lebih dari {} sel terisi pada lembar", limits::kMaxSheetCells),
                       fmt::format("more than {} filled cells in the sheet", limits::kMaxSheetCells)});
      }
      if (sheet_.text.size() + row_bytes_ * repeat > limits::kMaxSheetTextBytes) {
        throw Refused({fmt::format("teks sel lembar lebih dari {} MiB", limits::kMaxSheetTextBytes >> 20),
                       fmt::format("the sheet's cell text exceeds {} MiB", limits::kMaxSheetTextBytes >> 20)});
      }
      for (long r = 0; r < row_repeat_; ++r) {
        for (const auto& [column, text] : row_cells_) add_cell(sheet_, row_ + r, column, text);
      }
    }
    row_ = std::min(row_ + row_repeat_, long(limits::kMaxSheetRows) + 1);
  }

  std::size_t chosen_;
  SheetCells& sheet_;
  int table_depth_ = 0;
  std::size_t table_index_ = std::size_t(-1);  // of the current top-level table
  long row_ = 0, row_repeat_ = 1;
  long column_ = 0, column_repeat_ = 1;
  bool in_cell_ = false;
  int in_paragraph_ = 0, in_annotation_ = 0, paragraphs_ = 0;
  std::optional<std::string> value_;
  std::string text_;
  std::vector<std::pair<long, std::string>> row_cells_;
  std::size_t row_bytes_ = 0;  // text of row_cells_
};

}  // namespace

Expected<Workbook> read_ods(std::string_view bytes, const std::string&, const std::string& choice) {
  Package package(bytes);
  const std::string content = package.part("content.xml");
  Workbook book;
  book.sheet_names = sheet_names(content);
  auto chosen = choose_sheet(book.sheet_names, choice);
  if (!chosen) return book;  // read_workbook names the sheets
  book.chosen = *chosen;
  SheetReader(*chosen, book.sheet).read(content);
  return book;
}

}  // namespace siap::workbook
