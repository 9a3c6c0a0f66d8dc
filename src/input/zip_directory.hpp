// The table of contents of a ZIP archive (XLSX, ODS and ODK Central exports
// are ZIP files), read from its central directory without inflating
// anything: what the archive holds, to tell the kind of file by content, and
// what inflating it would cost, to refuse a zip bomb before any memory is
// spent on it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "siap/expected.hpp"

namespace siap {

struct ZipEntry {
  std::string name;
  std::uint64_t compressed = 0;    // bytes, as declared
  std::uint64_t uncompressed = 0;  // bytes, as declared
  std::uint16_t method = 0;        // 0 stored, 8 deflated
};

struct ZipDirectory {
  std::vector<ZipEntry> entries;
  std::uint64_t total_uncompressed = 0;
  const ZipEntry* find(std::string_view name) const;
};

// True when `head` (the first bytes of a file) starts a ZIP archive.
bool looks_like_zip(std::string_view head);

// Reads the central directory of the archive whose bytes are `data`. Errors
// (a broken archive, a limit of limits.hpp exceeded) name `file`.
Expected<ZipDirectory> read_zip_directory(std::string_view data, const std::string& file);

}  // namespace siap
