// Shared by the harnesses: a private scratch file per process (the loader
// reads files by path, as the CLI does) and the checks every output must pass.
#pragma once

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "siap/assessment.hpp"
#include "siap/utf8.hpp"

namespace siap::fuzz {

inline const std::string& scratch_path() {
  static const std::string path = "/tmp/siap-fuzz-" + std::to_string(::getpid()) + ".csv";
  return path;
}

inline void write_scratch(const std::uint8_t* data, std::size_t size) {
  std::FILE* f = std::fopen(scratch_path().c_str(), "wb");
  if (f == nullptr) std::abort();
  if (size > 0 && std::fwrite(data, 1, size, f) != size) std::abort();
  std::fclose(f);
}

// Every row is used or rejected, and the per-file counts add up to the totals.
inline void check_counts(const Dataset& d) {
  std::size_t read = 0, accepted = 0, rejected = 0;
  for (const auto& f : d.files) {
    if (f.rows_read != f.rows_accepted + f.rows_rejected) std::abort();
    read += f.rows_read;
    accepted += f.rows_accepted;
    rejected += f.rows_rejected;
  }
  if (read != d.rows_read || accepted != d.rows || rejected != d.rows_rejected) std::abort();
  if (d.row_unit.size() != d.rows || d.codes.size() != d.rows * d.coded_items) std::abort();
}

// On failure, says which call (the harness's line) rendered the bad text.
inline void check_text(std::string_view out, int line = __builtin_LINE()) {
  if (is_valid_utf8(out)) return;
  std::fprintf(stderr, "check_text: output rendered at line %d is not valid UTF-8\n", line);
  std::abort();
}

}  // namespace siap::fuzz
