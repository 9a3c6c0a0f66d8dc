// libFuzzer harness: any bytes as a CSV file, read by every path the loader
// uses (sniffed or fixed delimiter, UTF-8 or cp1252). Rows must come out, or
// one located error, never a crash or a hang; fields are valid UTF-8 (the
// reader validates or transcodes every byte).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "input/csv_reader.hpp"
#include "siap/utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  // The first byte picks the options; the rest is the file.
  const std::uint8_t mode = data[0];
  siap::CsvOptions options;
  options.encoding = (mode & 1) ? siap::TextEncoding::cp1252 : siap::TextEncoding::utf8;
  const char delimiters[] = {0, ',', ';', '\t'};
  options.delimiter = delimiters[(mode >> 1) & 3];
  options.max_row_bytes = 1u << 16;  // small limits, so that the limit paths are reached too
  options.max_fields = 256;
  std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  auto csv = siap::CsvReader::from_string(std::move(text), "fuzz.csv", options);
  std::vector<std::string_view> fields;
  std::size_t rows = 0;
  int last_line = 0;
  while (csv->next(fields)) {
    ++rows;
    if (fields.size() > options.max_fields) std::abort();
    if (csv->line() < last_line) std::abort();  // lines only go forward
    last_line = csv->line();
    for (std::string_view f : fields) {
      if (!siap::is_valid_utf8(f)) std::abort();
    }
  }
  if (rows > size) std::abort();  // never more rows than bytes
  return 0;
}
