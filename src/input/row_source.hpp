// Where the loader's rows come from: a header row, then data rows of fields,
// each with the physical line where it began. The loader reads only through
// this interface; each input format implements it in one file and is chosen
// by open_row_source() (row_sources.cpp).
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "siap/csv_options.hpp"
#include "siap/diagnostic.hpp"
#include "siap/expected.hpp"

namespace siap {

// What the reports say about an input file (its method section).
struct SourceFacts {
  std::string sha256;  // of the file's bytes
  std::size_t bytes = 0;
};

class RowSource;

// A body split in two parts that can be read at the same time.
struct SplitBody {
  std::unique_ptr<RowSource> first;    // lines numbered as in the file
  std::unique_ptr<RowSource> second;   // lines numbered from 1: add the first part's next_line() - 1
  std::function<SourceFacts()> facts;  // of the whole file; run beside the parts
};

class RowSource {
 public:
  virtual ~RowSource() = default;

  // The next row (the header first), its fields valid until the following
  // call. False at the end of input or on an error (see error()).
  virtual bool next(std::vector<std::string_view>& fields) = 0;
  virtual int line() const = 0;       // 1-based line where the last row began
  virtual int next_line() const = 0;  // where the next row would begin
  virtual const std::optional<Diagnostic>& error() const = 0;
  // The field delimiter, once the header is read; 0 for formats without one.
  virtual char delimiter() const { return 0; }
  // True when the input ended inside a quoted value (a part boundary that
  // cut through a quoted newline, or a truly unterminated quote).
  virtual bool ended_inside_a_value() const { return false; }
  // For reserving memory once: the input's size and how much of it the
  // rows so far took, in bytes; 0 when unknown.
  virtual std::size_t size_hint() const { return 0; }
  virtual std::size_t bytes_consumed() const { return 0; }
  // After next() returned false.
  virtual SourceFacts facts() const = 0;
  // What the user should know about how the file was read (which sheet of
  // a workbook, the sheets left unread); shown by the CLI.
  virtual std::vector<LocalizedText> notes() const { return {}; }
  // After the header: the rest of the input as two parts to read in
  // parallel, or nothing when this source cannot split. This source is not
  // read any further once split.
  virtual std::optional<SplitBody> split_body() { return std::nullopt; }
};

// How many of the framework's answer columns a header names: given, an
// export of several tables (ODK Central's ZIP, a Kobo XLSX with repeat
// sheets) is read from the table holding the answers (repeat_tables.hpp).
using ItemCounter = std::function<std::size_t(const std::vector<std::string_view>& header)>;

// A workbook or archive file's bytes, up to limits::kMaxWorkbookFileBytes;
// errors say why it cannot be read.
Expected<std::string> read_workbook_file(const std::string& path);

// The source for a path ("-": standard input), by the file's format.
Expected<std::unique_ptr<RowSource>> open_row_source(const std::string& path, const CsvOptions& options, const ItemCounter& count_items = {});

}  // namespace siap
