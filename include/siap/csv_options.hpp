// How input files are read: CSV (the CLI's --delimiter and --encoding) and
// workbooks (--sheet).
#pragma once

#include <cstddef>
#include <string>

namespace siap {

enum class TextEncoding { utf8, cp1252 };

struct CsvOptions {
  char delimiter = 0;  // 0: sniff from the header line
  TextEncoding encoding = TextEncoding::utf8;
  std::size_t max_row_bytes = 16u << 20;  // a longer row is an error, not unbounded memory
  std::size_t max_fields = 100'000;
  std::string sheet;  // of a workbook: "" the first, a 1-based number, or a name
};

}  // namespace siap
