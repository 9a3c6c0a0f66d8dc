#include "input/sheet_row_source.hpp"

#include <fmt/format.h>

namespace siap {
namespace {

class SheetRowSource final : public RowSource {
 public:
  SheetRowSource(Workbook book, std::string file, SourceFacts facts) : book_(std::move(book)), file_(std::move(file)), facts_(std::move(facts)) {}

  bool next(std::vector<std::string_view>& fields) override {
    const auto& cells = book_.sheet.cells;
    if (error_ || at_ >= cells.size()) return false;
    const std::uint32_t row = cells[at_].row;
    fields.clear();
    for (; at_ < cells.size() && cells[at_].row == row; ++at_) {
      const auto& cell = cells[at_];
      if (fields.size() <= cell.column) {
        fields.resize(std::size_t(cell.column) + 1);
      } else {
        // Two cells at one address: a broken or hand-made file; never guess which.
        error_ = Diagnostic{{file_, int(row) + 1, int(cell.column) + 1},
                            "",
                            {"dua sel pada alamat yang sama dalam lembar kerja", "two cells at the same address in the sheet"}};
        return false;
      }
      fields[cell.column] = book_.sheet.at(cell);
    }
    // A sheet stores no empty cells, so a row whose last answers are empty
    // is shorter than the header; that is not a short row as in a CSV file.
    if (width_ == 0) width_ = fields.size();
    if (fields.size() < width_) fields.resize(width_);
    line_ = int(row) + 1;
    next_line_ = at_ < cells.size() ? int(cells[at_].row) + 1 : line_ + 1;
    return true;
  }
  int line() const override { return line_; }
  int next_line() const override { return next_line_; }
  const std::optional<Diagnostic>& error() const override { return error_; }
  SourceFacts facts() const override { return facts_; }
  std::vector<LocalizedText> notes() const override {
    const auto& names = book_.sheet_names;
    if (names.size() < 2) return {};
    std::string others;
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (i != book_.chosen) others += fmt::format("{}'{}'", others.empty() ? "" : ", ", names[i]);
    }
    return {
        {fmt::format("membaca lembar {} '{}'; lembar lain tidak dibaca: {} (pilih dengan --sheet)", book_.chosen + 1, names[book_.chosen], others),
         fmt::format("read sheet {} '{}'; other sheets not read: {} (choose with --sheet)", book_.chosen + 1, names[book_.chosen], others)}};
  }

 private:
  Workbook book_;
  std::string file_;
  SourceFacts facts_;
  std::size_t at_ = 0;
  std::size_t width_ = 0;  // the header's
  int line_ = 0;
  int next_line_ = 1;
  std::optional<Diagnostic> error_;
};

}  // namespace

std::unique_ptr<RowSource> make_sheet_row_source(Workbook book, std::string file, SourceFacts facts) {
  return std::make_unique<SheetRowSource>(std::move(book), std::move(file), std::move(facts));
}

}  // namespace siap
