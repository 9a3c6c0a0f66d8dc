// Rows of a workbook sheet (XLSX, ODS) as a RowSource: the first row with
// any filled cell is the header, each later non-empty row a data row, its
// "line" the sheet's row number as the spreadsheet shows it.
#pragma once

#include <memory>
#include <string>

#include "input/row_source.hpp"
#include "input/workbook_reader.hpp"

namespace siap {

std::unique_ptr<RowSource> make_sheet_row_source(Workbook book, std::string file, SourceFacts facts);

}  // namespace siap
