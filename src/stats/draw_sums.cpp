#include "stats/draw_sums.hpp"

#include <algorithm>
#include <cstring>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace siap::resampling {
namespace {

// 16 entries as 16-bit lanes and as 32-bit sums (GCC's portable vector
// types: SSE2 on x86-64, NEON on ARM).
typedef std::uint8_t Bytes16 __attribute__((vector_size(16)));
typedef std::uint16_t Lanes16 __attribute__((vector_size(32)));
typedef std::uint32_t Sums16 __attribute__((vector_size(64)));

// Adds 16 entries of a row to 16-bit lanes (by reference: a 32-byte vector
// returned by value would change the ABI without AVX).
template <typename Entry>
void add_lanes(Lanes16& lanes, const Entry* at) {
  if constexpr (sizeof(Entry) == 1) {
    Bytes16 b;
    std::memcpy(&b, at, sizeof b);
    lanes += __builtin_convertvector(b, Lanes16);
  } else {
    Lanes16 l;
    std::memcpy(&l, at, sizeof l);
    lanes += l;
  }
}

void flush_portable(Lanes16* lanes, std::size_t vectors, Packing packing, std::uint32_t* sums, std::uint32_t* counts) {
  // Lane by lane: a scalar added to a vector would be an int first, which
  // GCC refuses to truncate at -O0.
  Lanes16 mask;
  for (int lane = 0; lane < 16; ++lane) mask[lane] = std::uint16_t((1u << packing.shift) - 1);
  for (std::size_t v = 0; v < vectors; ++v) {
    Sums16 s, c;
    std::memcpy(&s, sums + v * 16, sizeof s);
    std::memcpy(&c, counts + v * 16, sizeof c);
    s += __builtin_convertvector(lanes[v] & mask, Sums16);
    c += __builtin_convertvector(lanes[v] >> packing.shift, Sums16);
    std::memcpy(sums + v * 16, &s, sizeof s);
    std::memcpy(counts + v * 16, &c, sizeof c);
    lanes[v] = Lanes16{};
  }
}

// Portable, with the lanes in a local array the compiler can keep in
// registers when Blocks is small.
template <typename Entry, std::size_t Blocks>
void draw_sums_portable(Stream& stream, std::uint32_t from, std::uint32_t n, const void* matrix, std::size_t /*blocks*/, Packing packing,
                        std::uint32_t* sums, std::uint32_t* counts) {
  constexpr std::size_t kVectors = Blocks * 2;
  const Entry* entries = static_cast<const Entry*>(matrix);
  Stream local = stream;
  Lanes16 lanes[kVectors] = {};
  // In runs of flush_every draws, so that the loop keeps one counter.
  for (std::uint32_t start = 0; start < n; start += packing.flush_every) {
    const std::uint32_t end = n - start > packing.flush_every ? start + packing.flush_every : n;
    for (std::uint32_t i = start; i < end; ++i) {
      const Entry* row = entries + std::size_t(from + local.below(n)) * kVectors * 16;
      for (std::size_t v = 0; v < kVectors; ++v) add_lanes(lanes[v], row + v * 16);
    }
    flush_portable(lanes, kVectors, packing, sums, counts);
  }
  stream = local;
}

// Any width: the lanes in memory.
template <typename Entry>
void draw_sums_wide(Stream& stream, std::uint32_t from, std::uint32_t n, const void* matrix, std::size_t blocks, Packing packing, std::uint32_t* sums,
                    std::uint32_t* counts) {
  const std::size_t vectors = blocks * 2;
  const Entry* entries = static_cast<const Entry*>(matrix);
  Stream local = stream;
  std::vector<Lanes16> lanes(vectors, Lanes16{});
  for (std::uint32_t start = 0; start < n; start += packing.flush_every) {
    const std::uint32_t end = n - start > packing.flush_every ? start + packing.flush_every : n;
    for (std::uint32_t i = start; i < end; ++i) {
      const Entry* row = entries + std::size_t(from + local.below(n)) * vectors * 16;
      for (std::size_t v = 0; v < vectors; ++v) add_lanes(lanes[v], row + v * 16);
    }
    flush_portable(lanes.data(), vectors, packing, sums, counts);
  }
  stream = local;
}

#if defined(__x86_64__)
__attribute__((target("avx2"))) void add_widened_avx2(std::uint32_t* out, __m256i lanes16) {
  __m256i* at = reinterpret_cast<__m256i*>(out);
  const __m256i low = _mm256_cvtepu16_epi32(_mm256_castsi256_si128(lanes16));
  const __m256i high = _mm256_cvtepu16_epi32(_mm256_extracti128_si256(lanes16, 1));
  _mm256_storeu_si256(at, _mm256_add_epi32(_mm256_loadu_si256(at), low));
  _mm256_storeu_si256(at + 1, _mm256_add_epi32(_mm256_loadu_si256(at + 1), high));
}

// AVX2: 16 entries per register (bytes widened as they are loaded).
template <typename Entry, std::size_t Blocks>
__attribute__((target("avx2"))) void draw_sums_avx2(Stream& stream, std::uint32_t from, std::uint32_t n, const void* matrix, std::size_t /*blocks*/,
                                                    Packing packing, std::uint32_t* sums, std::uint32_t* counts) {
  constexpr std::size_t kVectors = Blocks * 2;
  const Entry* entries = static_cast<const Entry*>(matrix);
  Stream local = stream;
  __m256i lanes[kVectors];
  for (auto& l : lanes) l = _mm256_setzero_si256();
  const __m256i mask = _mm256_set1_epi16(std::int16_t((1u << packing.shift) - 1));
  const __m128i shift = _mm_cvtsi32_si128(int(packing.shift));
  for (std::uint32_t start = 0; start < n; start += packing.flush_every) {
    const std::uint32_t end = n - start > packing.flush_every ? start + packing.flush_every : n;
    for (std::uint32_t i = start; i < end; ++i) {
      const Entry* row = entries + std::size_t(from + local.below(n)) * kVectors * 16;
      for (std::size_t v = 0; v < kVectors; ++v) {
        if constexpr (sizeof(Entry) == 1) {
          lanes[v] = _mm256_add_epi16(lanes[v], _mm256_cvtepu8_epi16(_mm_loadu_si128(reinterpret_cast<const __m128i*>(row + v * 16))));
        } else {
          lanes[v] = _mm256_add_epi16(lanes[v], _mm256_loadu_si256(reinterpret_cast<const __m256i*>(row + v * 16)));
        }
      }
    }
    for (std::size_t v = 0; v < kVectors; ++v) {
      add_widened_avx2(sums + v * 16, _mm256_and_si256(lanes[v], mask));
      add_widened_avx2(counts + v * 16, _mm256_srl_epi16(lanes[v], shift));
      lanes[v] = _mm256_setzero_si256();
    }
  }
  stream = local;
}

__attribute__((target("avx512f,avx512bw"))) void add_widened_avx512(std::uint32_t* out, __m512i lanes16) {
  // The zero-masking forms: GCC 12's plain ones read an undefined register
  // and warn (-Wmaybe-uninitialized).
  const __m512i low = _mm512_maskz_cvtepu16_epi32(0xFFFF, _mm512_maskz_extracti64x4_epi64(0xFF, lanes16, 0));
  const __m512i high = _mm512_maskz_cvtepu16_epi32(0xFFFF, _mm512_maskz_extracti64x4_epi64(0xFF, lanes16, 1));
  _mm512_storeu_si512(out, _mm512_add_epi32(_mm512_loadu_si512(out), low));
  _mm512_storeu_si512(out + 16, _mm512_add_epi32(_mm512_loadu_si512(out + 16), high));
}

template <std::size_t Blocks>
__attribute__((target("avx512f,avx512bw"))) void flush_avx512(__m512i* lanes, __m512i mask, __m128i shift, std::uint32_t* sums,
                                                              std::uint32_t* counts) {
  for (std::size_t v = 0; v < Blocks; ++v) {
    add_widened_avx512(sums + v * kBlockColumns, _mm512_and_si512(lanes[v], mask));
    add_widened_avx512(counts + v * kBlockColumns, _mm512_srl_epi16(lanes[v], shift));
    lanes[v] = _mm512_setzero_si512();
  }
}

// count draws below(n) into out, exactly as count calls of stream.below(n)
// would give them, 16 at a time: the 8 random numbers' states are the
// stream's plus 1..8 increments, their 64x64->128-bit products built from
// 32-bit pieces, each number's halves two draws by Lemire's multiply. A
// step where a draw might be rejected (a low half below n: about 16 n /
// 2^32 of steps) stops the vector loop, and the scalar calls do the rest.
// (The zero-masking forms throughout: see add_widened_avx512.)
__attribute__((target("avx512f,avx512bw"))) void fill_indices_avx512(Stream& stream, std::uint32_t n, std::uint32_t count, std::uint32_t* out) {
  std::uint32_t i = 0;
  if (count > 0 && stream.spare_ready()) out[i++] = stream.below(n);
  constexpr std::uint64_t k = Stream::kIncrement;
  const __m512i offsets = _mm512_set_epi64(8 * k, 7 * k, 6 * k, 5 * k, 4 * k, 3 * k, 2 * k, k);
  const __m512i mix = _mm512_set1_epi64(std::int64_t(Stream::kMix));
  const __m512i below = _mm512_set1_epi64(n);
  const __m512i low32 = _mm512_set1_epi64(0xffffffffLL);
  const __m512i high32 = _mm512_set1_epi64(std::int64_t(0xffffffff00000000ULL));
  while (count - i >= 16 && !stream.spare_ready()) {
    const __m512i a = _mm512_add_epi64(_mm512_set1_epi64(std::int64_t(stream.raw_state())), offsets);
    const __m512i b = _mm512_xor_si512(a, mix);
    const __m512i a_high = _mm512_maskz_srli_epi64(0xFF, a, 32), b_high = _mm512_maskz_srli_epi64(0xFF, b, 32);
    const __m512i p0 = _mm512_maskz_mul_epu32(0xFF, a, b), p1 = _mm512_maskz_mul_epu32(0xFF, a, b_high);
    const __m512i p2 = _mm512_maskz_mul_epu32(0xFF, a_high, b), p3 = _mm512_maskz_mul_epu32(0xFF, a_high, b_high);
    const __m512i middle =
        _mm512_add_epi64(_mm512_add_epi64(_mm512_maskz_srli_epi64(0xFF, p0, 32), _mm512_and_si512(p1, low32)), _mm512_and_si512(p2, low32));
    const __m512i high = _mm512_add_epi64(_mm512_add_epi64(p3, _mm512_maskz_srli_epi64(0xFF, p1, 32)),
                                          _mm512_add_epi64(_mm512_maskz_srli_epi64(0xFF, p2, 32), _mm512_maskz_srli_epi64(0xFF, middle, 32)));
    const __m512i low = _mm512_or_si512(_mm512_maskz_slli_epi64(0xFF, middle, 32), _mm512_and_si512(p0, low32));
    const __m512i x = _mm512_xor_si512(high, low);
    const __m512i first = _mm512_maskz_mul_epu32(0xFF, x, below);
    const __m512i second = _mm512_maskz_mul_epu32(0xFF, _mm512_maskz_srli_epi64(0xFF, x, 32), below);
    if (_mm512_cmplt_epu64_mask(_mm512_and_si512(first, low32), below) | _mm512_cmplt_epu64_mask(_mm512_and_si512(second, low32), below)) break;
    // Each lane's first draw in its low 32 bits, its second in the high.
    _mm512_storeu_si512(out + i, _mm512_or_si512(_mm512_maskz_srli_epi64(0xFF, first, 32), _mm512_and_si512(second, high32)));
    stream.skip(8);
    i += 16;
  }
  for (; i < count; ++i) out[i] = stream.below(n);
}

// AVX-512: a block of 32 entries per register; the draws' indices made 16
// at a time first (fill_indices_avx512), then their rows added.
template <typename Entry, std::size_t Blocks>
__attribute__((target("avx512f,avx512bw"))) void draw_sums_avx512(Stream& stream, std::uint32_t from, std::uint32_t n, const void* matrix,
                                                                  std::size_t /*blocks*/, Packing packing, std::uint32_t* sums,
                                                                  std::uint32_t* counts) {
  const Entry* entries = static_cast<const Entry*>(matrix);
  Stream local = stream;
  __m512i lanes[Blocks];
  for (auto& l : lanes) l = _mm512_setzero_si512();
  const __m512i mask = _mm512_set1_epi16(std::int16_t((1u << packing.shift) - 1));
  const __m128i shift = _mm_cvtsi32_si128(int(packing.shift));
  constexpr std::uint32_t kChunk = 1024;
  std::uint32_t drawn[kChunk];
  std::uint32_t pending = 0;  // draws in the lanes since the last flush
  for (std::uint32_t start = 0; start < n; start += kChunk) {
    const std::uint32_t count = std::min(kChunk, n - start);
    fill_indices_avx512(local, n, count, drawn);
    for (std::uint32_t k = 0; k < count;) {
      const std::uint32_t run = std::min(packing.flush_every - pending, count - k);
      for (std::uint32_t i = k; i < k + run; ++i) {
        const Entry* row = entries + std::size_t(from + drawn[i]) * Blocks * kBlockColumns;
        for (std::size_t v = 0; v < Blocks; ++v) {
          if constexpr (sizeof(Entry) == 1) {
            const __m256i bytes = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(row + v * kBlockColumns));
            lanes[v] = _mm512_add_epi16(lanes[v], _mm512_maskz_cvtepu8_epi16(0xFFFFFFFF, bytes));
          } else {
            lanes[v] = _mm512_add_epi16(lanes[v], _mm512_loadu_si512(row + v * kBlockColumns));
          }
        }
      }
      k += run;
      pending += run;
      if (pending == packing.flush_every) {
        flush_avx512<Blocks>(lanes, mask, shift, sums, counts);
        pending = 0;
      }
    }
  }
  flush_avx512<Blocks>(lanes, mask, shift, sums, counts);
  stream = local;
}
#endif

template <typename Entry, std::size_t Blocks>
std::vector<NamedDrawSums> variants() {
  std::vector<NamedDrawSums> out{{"portable", &draw_sums_portable<Entry, Blocks>}};
#if defined(__x86_64__)
  if (__builtin_cpu_supports("avx2")) out.push_back({"avx2", &draw_sums_avx2<Entry, Blocks>});
  if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw")) out.push_back({"avx512", &draw_sums_avx512<Entry, Blocks>});
#endif
  return out;
}

template <typename Entry>
std::vector<NamedDrawSums> variants_of(std::size_t blocks) {
  switch (blocks) {
    case 1:
      return variants<Entry, 1>();
    case 2:
      return variants<Entry, 2>();
    case 3:
      return variants<Entry, 3>();
    case 4:
      return variants<Entry, 4>();
    default:
      return {{"wide", &draw_sums_wide<Entry>}};
  }
}

}  // namespace

Packing packing_for(unsigned span) {
  span = std::max(span, 1u);
  // One byte: the count's bit above 7 bits of value.
  if (span <= 7) return {7, 127 / span, 1};
  Packing best{1, 0, 2};
  for (unsigned shift = 1; shift < 16; ++shift) {
    // After F draws: value sums <= span F < 2^shift, and the whole lane
    // (F << shift) + 2^shift - 1 <= 65535.
    const std::uint32_t by_value = ((1u << shift) - 1) / span;
    const std::uint32_t by_count = (65536u >> shift) - 1;
    const std::uint32_t f = std::min(by_value, by_count);
    if (f > best.flush_every) best = {shift, f, 2};
  }
  return best;
}

std::vector<NamedDrawSums> draw_sums_variants(std::size_t blocks, std::size_t entry_bytes) {
  return entry_bytes == 1 ? variants_of<std::uint8_t>(blocks) : variants_of<std::uint16_t>(blocks);
}

void draw_indices(Stream& stream, std::uint32_t n, std::uint32_t count, std::uint32_t* out) {
#if defined(__x86_64__)
  if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw")) {
    fill_indices_avx512(stream, n, count, out);
    return;
  }
#endif
  for (std::uint32_t i = 0; i < count; ++i) out[i] = stream.below(n);
}

DrawSums draw_sums_for(std::size_t blocks, std::size_t entry_bytes) { return draw_sums_variants(blocks, entry_bytes).back().function; }

}  // namespace siap::resampling
