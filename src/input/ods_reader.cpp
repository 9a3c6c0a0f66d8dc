// ODS (OpenDocument spreadsheet) through liborcus's ODS filter, which
// expands repeated rows and columns and hands each cell to the sink below;
// only the chosen sheet's cells are kept. A number's text is the shortest
// that reads back as the same double: ODS stores office:value in that form.
#include <fmt/format.h>
#include <orcus/orcus_ods.hpp>
#include <orcus/spreadsheet/import_interface.hpp>

#include <memory>
#include <optional>

#include "input/workbook_parts.hpp"
#include "siap/limits.hpp"

namespace siap::workbook {
namespace {

namespace ss = orcus::spreadsheet;
namespace iface = orcus::spreadsheet::iface;

// A number as stored: the shortest text that reads back as the same double
// ("2.75", "4", "0.30000000000000004"), never a display format's rounding.
std::string number_text(double value) { return fmt::format("{}", value); }

// The shared string table (XLSX sharedStrings, ODS inline strings), in one arena.
class SharedStrings final : public iface::import_shared_strings {
 public:
  std::string_view get(std::size_t id) const {
    if (id >= offsets_.size()) return {};
    std::size_t end = id + 1 < offsets_.size() ? offsets_[id + 1] : text_.size();
    return std::string_view(text_).substr(offsets_[id], end - offsets_[id]);
  }
  std::size_t append(std::string_view s) override {
    if (offsets_.size() >= limits::kMaxSheetCells) {
      throw Refused(
          {fmt::format("lebih dari {} teks bersama", limits::kMaxSheetCells), fmt::format("more than {} shared strings", limits::kMaxSheetCells)});
    }
    offsets_.push_back(text_.size());
    text_.append(s);
    return offsets_.size() - 1;
  }
  std::size_t add(std::string_view s) override { return append(s); }
  // Rich text arrives in segments; only its characters matter here.
  void set_segment_font(std::size_t) override {}
  void set_segment_bold(bool) override {}
  void set_segment_italic(bool) override {}
  void set_segment_font_name(std::string_view) override {}
  void set_segment_font_size(double) override {}
  void set_segment_font_color(ss::color_elem_t, ss::color_elem_t, ss::color_elem_t, ss::color_elem_t) override {}
  void append_segment(std::string_view s) override { segments_.append(s); }
  std::size_t commit_segments() override {
    std::size_t id = append(segments_);
    segments_.clear();
    return id;
  }

 private:
  std::vector<std::size_t> offsets_;
  std::string text_;
  std::string segments_;
};

// A sheet's cells, kept only for the chosen sheet.
class SheetSink;

// A formula cell contributes its cached result.
class FormulaSink final : public iface::import_formula {
 public:
  explicit FormulaSink(SheetSink& sheet) : sheet_(sheet) {}
  void set_position(ss::row_t row, ss::col_t col) override {
    row_ = row;
    col_ = col;
    result_.reset();
  }
  void set_formula(ss::formula_grammar_t, std::string_view) override {}
  void set_shared_formula_index(std::size_t) override {}
  void set_result_string(std::string_view value) override { result_ = std::string(value); }
  void set_result_value(double value) override { result_ = number_text(value); }
  void set_result_bool(bool value) override { result_ = value ? "TRUE" : "FALSE"; }
  void set_result_empty() override { result_.reset(); }
  void commit() override;

 private:
  SheetSink& sheet_;
  ss::row_t row_ = 0;
  ss::col_t col_ = 0;
  std::optional<std::string> result_;
};

class SheetSink final : public iface::import_sheet {
 public:
  SheetSink(const SharedStrings& strings, SheetCells* keep) : strings_(strings), keep_(keep), formula_(*this) {}

  void put(ss::row_t row, ss::col_t col, std::string_view text) {
    if (keep_ != nullptr) add_cell(*keep_, row, col, text);
  }

  iface::import_formula* get_formula() override { return keep_ ? &formula_ : nullptr; }
  void set_auto(ss::row_t row, ss::col_t col, std::string_view s) override { put(row, col, s); }
  void set_string(ss::row_t row, ss::col_t col, ss::string_id_t id) override { put(row, col, strings_.get(id)); }
  void set_value(ss::row_t row, ss::col_t col, double value) override {
    if (keep_) put(row, col, number_text(value));
  }
  void set_bool(ss::row_t row, ss::col_t col, bool value) override { put(row, col, value ? "TRUE" : "FALSE"); }
  void set_date_time(ss::row_t row, ss::col_t col, int year, int month, int day, int hour, int minute, double second) override {
    if (keep_) put(row, col, fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", year, month, day, hour, minute, int(second)));
  }
  void set_format(ss::row_t, ss::col_t, std::size_t) override {}
  void set_format(ss::row_t, ss::col_t, ss::row_t, ss::col_t, std::size_t) override {}
  void fill_down_cells(ss::row_t, ss::col_t, ss::row_t) override {}
  ss::range_size_t get_sheet_size() const override { return {1'048'576, ss::col_t(limits::kMaxSheetColumns)}; }

 private:
  const SharedStrings& strings_;
  SheetCells* keep_;
  FormulaSink formula_;
};

void FormulaSink::commit() {
  if (result_) sheet_.put(row_, col_, *result_);
}

// Cell addresses in formulas ("B7", "$B$7", "Sheet1!B7"): liborcus
// asks for this to place each cell. Anything else is a broken file.
class AddressResolver final : public iface::import_reference_resolver {
 public:
  ss::src_address_t resolve_address(std::string_view text) override {
    if (auto bang = text.rfind('!'); bang != std::string_view::npos) text.remove_prefix(bang + 1);
    std::size_t i = 0;
    auto skip_dollar = [&] {
      if (i < text.size() && text[i] == '$') ++i;
    };
    skip_dollar();
    long column = 0, row = 0;
    std::size_t letters = i;
    for (; i < text.size() && ((text[i] >= 'A' && text[i] <= 'Z') || (text[i] >= 'a' && text[i] <= 'z')) && i - letters < 3; ++i) {
      column = column * 26 + ((text[i] | 0x20) - 'a' + 1);
    }
    const bool has_column = i > letters;
    skip_dollar();
    std::size_t digits = i;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9' && i - digits < 7; ++i) row = row * 10 + (text[i] - '0');
    if (!has_column || i == digits || i != text.size() || row < 1 || column > long(limits::kMaxSheetColumns)) {
      throw Refused({fmt::format("alamat sel tidak sah '{}'", text.substr(0, 40)), fmt::format("an invalid cell address '{}'", text.substr(0, 40))});
    }
    return {0, ss::row_t(row - 1), ss::col_t(column - 1)};
  }
  ss::src_range_t resolve_range(std::string_view text) override {
    auto colon = text.find(':');
    if (colon == std::string_view::npos) {
      auto at = resolve_address(text);
      return {at, at};
    }
    return {resolve_address(text.substr(0, colon)), resolve_address(text.substr(colon + 1))};
  }
};

// Sheets arrive one after another; the one `choice` names keeps its cells.
class Factory final : public iface::import_factory {
 public:
  Factory(Workbook& book, std::string choice) : book_(book), choice_(std::move(choice)) {}

  iface::import_shared_strings* get_shared_strings() override { return &strings_; }
  iface::import_reference_resolver* get_reference_resolver(ss::formula_ref_context_t) override { return &resolver_; }
  iface::import_sheet* append_sheet(ss::sheet_t, std::string_view name) override {
    book_.sheet_names.emplace_back(name);
    const std::size_t position = book_.sheet_names.size() - 1;
    bool chosen = book_.chosen == Workbook::kNone && matches(position, name);
    if (chosen) book_.chosen = position;
    sheets_.push_back(std::make_unique<SheetSink>(strings_, chosen ? &book_.sheet : nullptr));
    return sheets_.back().get();
  }
  iface::import_sheet* get_sheet(std::string_view name) override {
    for (std::size_t i = 0; i < book_.sheet_names.size(); ++i) {
      if (book_.sheet_names[i] == name) return sheets_[i].get();
    }
    return nullptr;
  }
  iface::import_sheet* get_sheet(ss::sheet_t index) override {
    return index >= 0 && std::size_t(index) < sheets_.size() ? sheets_[std::size_t(index)].get() : nullptr;
  }
  void finalize() override {}

 private:
  // Exact names only: sheets come one at a time, so a name that differs in
  // case is found by read_ods in a second pass.
  bool matches(std::size_t position, std::string_view name) const {
    if (choice_.empty()) return position == 0;
    if (choice_.size() < 6 && choice_.find_first_not_of("0123456789") == std::string::npos) return std::stoul(choice_) == position + 1;
    return name == choice_;
  }

  Workbook& book_;
  std::string choice_;
  SharedStrings strings_;
  AddressResolver resolver_;
  std::vector<std::unique_ptr<SheetSink>> sheets_;
};

}  // namespace

Expected<Workbook> read_ods(std::string_view bytes, const std::string&, const std::string& choice) {
  Workbook book;
  {
    Factory factory(book, choice);
    orcus::orcus_ods filter(&factory);
    filter.read_stream(bytes);
  }
  if (book.chosen == Workbook::kNone && !choice.empty()) {
    if (auto folded = choose_sheet(book.sheet_names, choice)) {
      Workbook again;
      Factory factory(again, book.sheet_names[*folded]);
      orcus::orcus_ods filter(&factory);
      filter.read_stream(bytes);
      return again;
    }
  }
  return book;
}

}  // namespace siap::workbook
