// The bootstrap's hot loop: draw n rows of a unit's answer matrix (one byte
// per answer, 16-byte chunks per row) and add them up per column. Chosen
// once per matrix width and machine: for up to 8 chunks (128 items) the
// running sums stay in registers, with AVX2 where the processor has it.
#pragma once

#include <cstddef>
#include <cstdint>

#include "stats/resampler.hpp"

namespace siap::resampling {

// Adds rows[from + stream.below(n)] for n draws into sums (chunks x 16 32-bit
// columns). `flush_every`: draws after which 16-bit running sums could
// overflow (65535 / the largest byte).
using DrawSums = void (*)(Stream& stream, std::uint32_t from, std::uint32_t n, const std::uint8_t* matrix, std::size_t chunks,
                          std::uint32_t flush_every, std::uint32_t* sums);

DrawSums draw_sums_for(std::size_t chunks);

}  // namespace siap::resampling
