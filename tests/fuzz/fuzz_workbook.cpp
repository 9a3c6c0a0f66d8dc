// libFuzzer harness: any bytes as an XLSX or ODS workbook, taken the way
// open_row_source takes a file (the ZIP directory checked first, then the
// sheet read and turned into rows). A workbook must give rows or one
// error, never a crash, a hang or unbounded memory; every cell's text is
// valid UTF-8, cells come sorted and within the sheet limits.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

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
