// One sheet of an XLSX or ODS workbook (xlsx_reader.cpp, ods_reader.cpp: the
// package opened with liborcus's ZIP reader, its XML read with expat): the
// text of its cells as the workbook stores them (never as a cell format
// displays them; a formula by its cached result), in row order.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "siap/expected.hpp"

namespace siap {

enum class WorkbookKind { xlsx, ods };

struct SheetCells {
  struct Cell {
    std::uint32_t row = 0, column = 0;   // 0-based
    std::uint32_t offset = 0, size = 0;  // into `text`
  };
  std::vector<Cell> cells;  // sorted by row, then column; no empty cells
  std::string text;
  std::string_view at(const Cell& c) const { return std::string_view(text).substr(c.offset, c.size); }
};

struct Workbook {
  static constexpr std::size_t kNone = std::size_t(-1);
  std::vector<std::string> sheet_names;  // in workbook order
  std::size_t chosen = kNone;            // index of the sheet read
  SheetCells sheet;
};

// `sheet`: "" for the first sheet, a 1-based number, or a name (case is
// ignored when no sheet has the exact name). Errors name `file`.
Expected<Workbook> read_workbook(std::string_view bytes, WorkbookKind kind, const std::string& file, const std::string& sheet);

}  // namespace siap
