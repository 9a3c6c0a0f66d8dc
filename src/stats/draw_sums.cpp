#include "stats/draw_sums.hpp"

#include <algorithm>
#include <cstring>
#include <vector>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace siap::resampling {
namespace {

// 16 answers as bytes, 16 running sums as 16-bit lanes and as 32-bit sums
// (GCC's portable vector types: SSE2 on x86-64, NEON on ARM).
typedef std::uint8_t Bytes16 __attribute__((vector_size(16)));
typedef std::uint16_t Lanes16 __attribute__((vector_size(32)));
typedef std::uint32_t Sums16 __attribute__((vector_size(64)));

void flush_lanes(const Lanes16* lanes, std::size_t chunks, std::uint32_t* sums) {
  for (std::size_t c = 0; c < chunks; ++c) {
    Sums16 s;
    std::memcpy(&s, sums + c * 16, sizeof s);
    s += __builtin_convertvector(lanes[c], Sums16);
    std::memcpy(sums + c * 16, &s, sizeof s);
  }
}

// Portable, with the lanes in a local array the compiler can keep in
// registers when Chunks is small.
template <std::size_t Chunks>
void draw_sums_portable(Stream& stream, std::uint32_t from, std::uint32_t n, const std::uint8_t* matrix, std::size_t /*chunks*/,
                        std::uint32_t flush_every, std::uint32_t* sums) {
  Stream local = stream;
  Lanes16 lanes[Chunks] = {};
  std::uint32_t pending = 0;
  for (std::uint32_t i = 0; i < n; ++i) {
    const std::uint8_t* row = matrix + std::size_t(from + local.below(n)) * Chunks * 16;
    for (std::size_t c = 0; c < Chunks; ++c) {
      Bytes16 b;
      std::memcpy(&b, row + c * 16, sizeof b);
      lanes[c] += __builtin_convertvector(b, Lanes16);
    }
    if (++pending == flush_every) {
      flush_lanes(lanes, Chunks, sums);
      for (auto& l : lanes) l = Lanes16{};
      pending = 0;
    }
  }
  flush_lanes(lanes, Chunks, sums);
  stream = local;
}

// Any width: the lanes in memory.
void draw_sums_wide(Stream& stream, std::uint32_t from, std::uint32_t n, const std::uint8_t* matrix, std::size_t chunks, std::uint32_t flush_every,
                    std::uint32_t* sums) {
  Stream local = stream;
  std::vector<Lanes16> lanes(chunks, Lanes16{});
  std::uint32_t pending = 0;
  for (std::uint32_t i = 0; i < n; ++i) {
    const std::uint8_t* row = matrix + std::size_t(from + local.below(n)) * chunks * 16;
    for (std::size_t c = 0; c < chunks; ++c) {
      Bytes16 b;
      std::memcpy(&b, row + c * 16, sizeof b);
      Lanes16 l;
      std::memcpy(&l, &lanes[c], sizeof l);
      l += __builtin_convertvector(b, Lanes16);
      std::memcpy(&lanes[c], &l, sizeof l);
    }
    if (++pending == flush_every) {
      flush_lanes(lanes.data(), chunks, sums);
      std::fill(lanes.begin(), lanes.end(), Lanes16{});
      pending = 0;
    }
  }
  flush_lanes(lanes.data(), chunks, sums);
  stream = local;
}

#if defined(__x86_64__)
template <std::size_t Chunks>
__attribute__((target("avx2"))) void flush_avx2(__m256i* lanes, std::uint32_t* sums) {
  for (std::size_t c = 0; c < Chunks; ++c) {
    __m256i* out = reinterpret_cast<__m256i*>(sums + c * 16);
    const __m256i low = _mm256_cvtepu16_epi32(_mm256_castsi256_si128(lanes[c]));
    const __m256i high = _mm256_cvtepu16_epi32(_mm256_extracti128_si256(lanes[c], 1));
    _mm256_storeu_si256(out, _mm256_add_epi32(_mm256_loadu_si256(out), low));
    _mm256_storeu_si256(out + 1, _mm256_add_epi32(_mm256_loadu_si256(out + 1), high));
    lanes[c] = _mm256_setzero_si256();
  }
}

// AVX2: a chunk of 16 bytes widens to 16 lanes in one instruction.
template <std::size_t Chunks>
__attribute__((target("avx2"))) void draw_sums_avx2(Stream& stream, std::uint32_t from, std::uint32_t n, const std::uint8_t* matrix,
                                                    std::size_t /*chunks*/, std::uint32_t flush_every, std::uint32_t* sums) {
  Stream local = stream;
  __m256i lanes[Chunks];
  for (auto& l : lanes) l = _mm256_setzero_si256();
  // In blocks of flush_every draws, so that the loop keeps one counter.
  for (std::uint32_t start = 0; start < n; start += flush_every) {
    const std::uint32_t end = n - start > flush_every ? start + flush_every : n;
    for (std::uint32_t i = start; i < end; ++i) {
      const std::uint8_t* row = matrix + std::size_t(from + local.below(n)) * Chunks * 16;
      for (std::size_t c = 0; c < Chunks; ++c) {
        const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(row + c * 16));
        lanes[c] = _mm256_add_epi16(lanes[c], _mm256_cvtepu8_epi16(b));
      }
    }
    flush_avx2<Chunks>(lanes, sums);
  }
  stream = local;
}
#endif

template <std::size_t Chunks>
DrawSums pick() {
#if defined(__x86_64__)
  if (__builtin_cpu_supports("avx2")) return &draw_sums_avx2<Chunks>;
#endif
  return &draw_sums_portable<Chunks>;
}

}  // namespace

DrawSums draw_sums_for(std::size_t chunks) {
  switch (chunks) {
    case 1:
      return pick<1>();
    case 2:
      return pick<2>();
    case 3:
      return pick<3>();
    case 4:
      return pick<4>();
    case 5:
      return pick<5>();
    case 6:
      return pick<6>();
    case 7:
      return pick<7>();
    case 8:
      return pick<8>();
    default:
      return &draw_sums_wide;
  }
}

}  // namespace siap::resampling
