// How CSV input is read (the CLI's --delimiter and --encoding).
#pragma once

#include <cstddef>

namespace siap {

enum class TextEncoding { utf8, cp1252 };

struct CsvOptions {
  char delimiter = 0;  // 0: sniff from the header line
  TextEncoding encoding = TextEncoding::utf8;
  std::size_t max_row_bytes = 16u << 20;  // a longer row is an error, not unbounded memory
  std::size_t max_fields = 100'000;
};

}  // namespace siap
