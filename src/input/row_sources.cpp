// Input formats by file name: the one place a new format is registered.
#include <algorithm>
#include <array>
#include <string_view>

#include "input/csv_reader.hpp"
#include "input/row_source.hpp"

namespace siap {
namespace {

using Opener = Expected<std::unique_ptr<RowSource>> (*)(const std::string& path, const CsvOptions& options);

Expected<std::unique_ptr<RowSource>> open_csv(const std::string& path, const CsvOptions& options) {
  auto reader = CsvReader::open(path, options);
  if (!reader) return reader.errors();
  return std::unique_ptr<RowSource>(std::move(*reader));
}

struct Format {
  std::string_view extension;  // lower case, with the dot; "" matches any name
  Opener open;
};

// First match wins; CSV reads anything else (survey tools name CSV exports .txt or nothing).
constexpr std::array kFormats{
    Format{"", &open_csv},
};

bool ends_with_ignoring_case(std::string_view text, std::string_view suffix) {
  if (suffix.size() > text.size()) return false;
  return std::equal(suffix.begin(), suffix.end(), text.end() - std::ptrdiff_t(suffix.size()), [](char a, char b) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
    return lower(a) == lower(b);
  });
}

}  // namespace

Expected<std::unique_ptr<RowSource>> open_row_source(const std::string& path, const CsvOptions& options) {
  for (const Format& f : kFormats) {
    if (ends_with_ignoring_case(path, f.extension)) return f.open(path, options);
  }
  return open_csv(path, options);
}

}  // namespace siap
