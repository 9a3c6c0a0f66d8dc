// Streaming RFC 4180 CSV reading that survives real survey exports
// (shared/domain/data-and-formats.md §2): quoted fields with delimiters,
// quotes and newlines; CRLF or LF; a UTF-8 BOM; the delimiter sniffed among
// ',', ';' and tab; cp1252 files (Excel "ANSI") read only when asked.
// Memory is bounded by the longest row, not the file size.
#pragma once

#include <array>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "siap/diagnostic.hpp"
#include "siap/expected.hpp"
#include "siap/csv_options.hpp"
#include "util/huge_pages.hpp"
#include "input/row_source.hpp"

namespace siap {

class CsvReader final : public RowSource {
 public:
  // `path` "-" reads standard input. Errors (cannot open) are diagnostics.
  static Expected<std::unique_ptr<CsvReader>> open(const std::string& path, const CsvOptions& options);
  // Reads bytes [offset, offset + length) of a file as a CSV body: no header
  // sniffing or BOM (options.delimiter must be set), line numbers counted from
  // `first_line`, no hashing. Used to parse a large file in parallel parts.
  static Expected<std::unique_ptr<CsvReader>> open_range(const std::string& path, std::size_t offset, std::size_t length, const CsvOptions& options,
                                                         int first_line);
  // Reads from memory (tests, embedded data).
  static std::unique_ptr<CsvReader> from_string(std::string text, const std::string& name, const CsvOptions& options);
  ~CsvReader() override;

  // The next row's fields, valid until the following call. False at the end
  // of input or on an error (see error()). Blank lines are skipped.
  bool next(std::vector<std::string_view>& fields) override;

  const std::optional<Diagnostic>& error() const override { return error_; }
  // True when the input ended inside a quoted field (a part boundary that
  // cut through a quoted newline, or a truly unterminated quote).
  bool ended_inside_a_value() const override { return ended_in_open_quote_; }
  int next_line() const override { return line_; }  // physical line where the next row would begin
  int line() const override { return row_line_; }   // 1-based physical line where the last row began
  char delimiter() const override { return delimiter_; }
  const std::string& name() const { return name_; }
  std::size_t bytes_read() const { return bytes_read_; }
  // Total input size when known (a regular file or a string), else 0: lets
  // callers reserve memory once instead of growing it by doubling.
  std::size_t size_hint() const override;
  // Bytes of input consumed by the rows returned so far (approximate for cp1252).
  std::size_t bytes_consumed() const override { return bytes_read_ - (end_ - begin_); }
  // SHA-256 of the whole input; call after next() returned false.
  std::string sha256_hex() const;
  SourceFacts facts() const override { return {sha256_hex(), bytes_read_}; }
  // A UTF-8 file (not stdin) split at the line end after its middle.
  std::optional<SplitBody> split_body() override;

 private:
  CsvReader(std::FILE* file, bool owns_file, std::string name, const CsvOptions& options, bool hash = true);
  bool fill();  // reads more input; false at end of file
  void fail(int line, LocalizedText message);
  void sniff_delimiter();
  void fit_buffer();

  std::string path_;  // as opened; empty for stdin and strings (they cannot split)
  std::FILE* file_ = nullptr;
  bool owns_file_ = false;
  std::string name_;
  CsvOptions options_;
  std::string memory_;                                 // from_string input
  std::vector<char, HugePageAllocator<char>> buffer_;  // [begin_, end_) unread
  std::size_t chunk_ = std::size_t(1) << 20;           // bytes read at a time; less for a small input
  std::size_t begin_ = 0;
  std::size_t end_ = 0;
  bool eof_ = false;
  bool started_ = false;
  char delimiter_ = ',';
  int line_ = 1;  // physical line at begin_
  int row_line_ = 0;
  std::size_t bytes_read_ = 0;
  std::optional<Diagnostic> error_;
  class Hasher;  // SHA-256 on a second thread, off the parsing path
  std::unique_ptr<Hasher> hasher_;
  mutable std::string sha256_;
  std::size_t validated_ = 0;                // buffer_[begin_, validated_) is known-good UTF-8
  std::vector<char> raw_;                    // cp1252 input before transcoding
  std::vector<std::size_t> escaped_;         // fields of the current row holding doubled quotes
  std::size_t remaining_ = std::size_t(-1);  // bytes left in a range; unlimited otherwise
  std::size_t range_length_ = 0;
  bool ended_in_open_quote_ = false;
  std::array<unsigned char, 256> special_{};  // delimiter, CR, LF
};

}  // namespace siap
