// The bootstrap's hot loop: draw n rows of a unit's answer matrix and add
// them up per column, answers and answers given together. Each entry is
// `present << shift | value` (0 when unanswered), so one addition per entry
// counts both: the running 16-bit sum of a column is `count << shift |
// value sum` until `flush_every` draws, when it is split into 32-bit sums.
// Entries are one byte when the values span at most 7 (Likert scales: a
// group of 400 respondents' rows then stays in the first-level cache), two
// bytes otherwise.
// Chosen once per matrix width and machine: for up to 4 blocks of 32
// columns the running sums stay in registers, with AVX2 or AVX-512 where
// the processor has them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "stats/resampler.hpp"

namespace siap::resampling {

// Columns per block: a row is `blocks` x 32 entries (64 bytes, one AVX-512
// register), padded with zeros.
inline constexpr std::size_t kBlockColumns = 32;

// How values and presence share an entry: `shift` bits of value sum below
// the count, and the draws after which they could overflow either.
struct Packing {
  unsigned shift = 8;
  std::uint32_t flush_every = 1;
  std::size_t entry_bytes = 2;  // 1 or 2
};
// The packing for values 0..span (span <= 255).
Packing packing_for(unsigned span);

// Adds rows[from + stream.below(n)] for n draws into sums and counts
// (blocks x 32 columns each); `matrix` holds entries of packing.entry_bytes.
using DrawSums = void (*)(Stream& stream, std::uint32_t from, std::uint32_t n, const void* matrix, std::size_t blocks, Packing packing,
                          std::uint32_t* sums, std::uint32_t* counts);

// The fastest this machine has for the width and entry size.
DrawSums draw_sums_for(std::size_t blocks, std::size_t entry_bytes);

// count draws of stream.below(n) into out, exactly as count calls would
// give them (16 at a time where the processor has AVX-512).
void draw_indices(Stream& stream, std::uint32_t n, std::uint32_t count, std::uint32_t* out);

// Every variant this machine can run, by name, for tests that hold them
// to one another.
struct NamedDrawSums {
  std::string name;
  DrawSums function;
};
std::vector<NamedDrawSums> draw_sums_variants(std::size_t blocks, std::size_t entry_bytes);

}  // namespace siap::resampling
