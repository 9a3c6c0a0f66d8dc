// libFuzzer harness: any bytes as an XLSX or ODS workbook (or, with mode
// bit 8, as an export of several tables joined by repeat keys), taken the way
// open_row_source takes a file (the ZIP directory checked first, then the
// sheet read and turned into rows). A workbook must give rows or one
// error, never a crash, a hang or unbounded memory; every cell's text is
// valid UTF-8, cells come sorted and within the sheet limits.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "input/repeat_tables.hpp"
#include "input/sheet_row_source.hpp"
#include "input/workbook_reader.hpp"
#include "input/zip_directory.hpp"
#include "siap/limits.hpp"
#include "siap/utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  // The first byte picks the format and the sheet; the rest is the file.
  const std::uint8_t mode = data[0];
  const siap::WorkbookKind kind = (mode & 1) ? siap::WorkbookKind::ods : siap::WorkbookKind::xlsx;
  const std::string sheet = (mode & 2) ? "2" : (mode & 4) ? "data" : "";
  std::string bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  auto directory = siap::read_zip_directory(bytes, "fuzz");
  if (!directory) return 0;
  if (mode & 8) {
    // An export of several tables (an ODK Central ZIP, a Kobo XLSX with
    // repeat sheets) joined to the table whose headers start with 'q'.
    const siap::ItemCounter qs = [](const std::vector<std::string_view>& header) {
      std::size_t n = 0;
      for (auto h : header) n += h.starts_with("q");
      return n;
    };
    siap::Expected<std::vector<siap::Table>> tables = std::vector<siap::Table>{};
    if (mode & 1) {
      tables = siap::read_zip_tables(bytes, "fuzz", {});
    } else if (auto first = siap::read_workbook(bytes, siap::WorkbookKind::xlsx, "fuzz", "")) {
      tables = siap::read_repeat_sheets(bytes, "fuzz", *first);
    }
    if (!tables || tables->empty()) return 0;
    auto joined = siap::open_joined_table(std::move(*tables), "fuzz", qs, {});
    if (!joined) return 0;
    std::vector<std::string_view> fields;
    std::size_t width = 0;
    while ((*joined)->next(fields)) {
      if (width == 0) width = fields.size();
      if (fields.size() != width) std::abort();  // every row as wide as the joined header
    }
    return 0;
  }
  auto book = siap::read_workbook(bytes, kind, "fuzz", sheet);
  if (!book) return 0;
  if (book->chosen >= book->sheet_names.size()) std::abort();
  const auto& cells = book->sheet.cells;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const auto& c = cells[i];
    if (c.column >= siap::limits::kMaxSheetColumns || c.row >= siap::limits::kMaxSheetRows) std::abort();
    if (i > 0 && (cells[i - 1].row > c.row || (cells[i - 1].row == c.row && cells[i - 1].column > c.column))) std::abort();
    if (!siap::is_valid_utf8(book->sheet.at(c))) std::abort();
  }
  auto source = siap::make_sheet_row_source(std::move(*book), "fuzz", {});
  std::vector<std::string_view> fields;
  int last = 0;
  while (source->next(fields)) {
    if (source->line() <= last) std::abort();  // rows only go forward
    last = source->line();
  }
  return 0;
}
