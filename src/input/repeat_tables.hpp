// Exports whose answers may sit in a repeat group, read as one table:
// ODK Central's ZIP of CSVs (the main table and `<form>-<repeat>.csv`, a
// repeat row naming its parent's KEY in PARENT_KEY) and KoboToolbox's XLSX
// (a sheet per repeat, a row naming its parent's _index in _parent_index,
// the parent sheet in _parent_table_name). The table holding most of the
// framework's answer columns is read; when it is a repeat, each row gets
// its ancestors' columns (the unit, group and respondent of the submission
// it belongs to) appended. docs/inputs.md, "Repeat groups".
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "input/row_source.hpp"
#include "input/workbook_reader.hpp"

namespace siap {

struct Table {
  std::string name;  // the ZIP entry or the sheet
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;  // each as wide as the header
  std::vector<int> lines;                      // where each row is in its file or sheet
};

// The CSV entries of an ODK Central ZIP, the main table (no '-' after the
// form id) first.
Expected<std::vector<Table>> read_zip_tables(std::string_view bytes, const std::string& file, const CsvOptions& options);

// True when some table after the first links rows to a parent (PARENT_KEY or _parent_index).
bool has_repeat_tables(const std::vector<Table>& tables);

// Every sheet of an XLSX as a table, in workbook order, when a sheet after
// the first is a repeat (has_repeat_tables); otherwise none. `first` is the
// workbook as read for its first sheet, which is not parsed again.
Expected<std::vector<Table>> read_repeat_sheets(std::string_view bytes, const std::string& file, const Workbook& first);

// The table `count` finds most answers in (the first on a tie), joined with
// its ancestors. A repeat row whose parent is missing, or a key two parent
// rows share, is an error naming the file, table, line and column.
Expected<std::unique_ptr<RowSource>> open_joined_table(std::vector<Table> tables, const std::string& file, const ItemCounter& count,
                                                       SourceFacts facts);

}  // namespace siap
