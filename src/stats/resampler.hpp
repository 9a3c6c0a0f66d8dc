// One unit's respondents, resampled: the draws (the same for every engine,
// so that the engines agree draw for draw) and two engines that turn a set
// of rows into node values. The plain engine re-scores the rows through
// ScoringKernel::evaluate; the sums engine adds each drawn respondent's
// integer scores (a row of 16-bit entries, stats/draw_sums.hpp) and hands
// the sums to ScoringKernel::evaluate_sums, which applies the same roll-up.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "siap/dataset.hpp"
#include "siap/scoring_kernel.hpp"

namespace siap::resampling {

// wyrand (Wang Yi): one 64x64->128 multiply per 64 bits; passes BigCrush
// and PractRand. A stream per (seed, unit, resample), so results do not
// depend on how units are spread over threads.
class Stream {
  __extension__ typedef unsigned __int128 uint128;

 public:
  Stream(std::uint64_t seed, std::uint64_t unit, std::uint64_t resample);
  std::uint64_t next() {
    state_ += kIncrement;
    const uint128 t = uint128(state_) * (state_ ^ kMix);
    return std::uint64_t(t >> 64) ^ std::uint64_t(t);
  }
  // 32 random bits: each 64-bit number gives two.
  std::uint32_t bits32() {
    if (spare_ready_) {
      spare_ready_ = false;
      return spare_;
    }
    const std::uint64_t x = next();
    spare_ = std::uint32_t(x >> 32);
    spare_ready_ = true;
    return std::uint32_t(x);
  }
  // Uniform on [0, n), 0 < n < 2^32 (Lemire's multiply-and-reject: no
  // modulo bias).
  std::uint32_t below(std::uint32_t n) {
    std::uint64_t m = std::uint64_t(bits32()) * n;
    std::uint32_t low = std::uint32_t(m);
    if (low < n) {
      const std::uint32_t threshold = (0u - n) % n;
      while (low < threshold) {
        m = std::uint64_t(bits32()) * n;
        low = std::uint32_t(m);
      }
    }
    return std::uint32_t(m >> 32);
  }

  // For generators of many numbers at once (draw_sums' AVX-512 loop): the
  // i-th next() from here is mixed from raw_state() + i * kIncrement,
  // i = 1, 2, ...; skip(k) moves past k of them. Only without a spare.
  static constexpr std::uint64_t kIncrement = 0xa0761d6478bd642fULL;
  static constexpr std::uint64_t kMix = 0xe7037ed1a0b428dbULL;
  bool spare_ready() const { return spare_ready_; }
  std::uint64_t raw_state() const { return state_; }
  void skip(std::uint64_t numbers) { state_ += numbers * kIncrement; }

 private:
  std::uint64_t state_;
  std::uint32_t spare_ = 0;
  bool spare_ready_ = false;
};

// A unit's accepted rows, grouped by respondent group (stable): group g's
// rows are rows[first[g], first[g + 1]).
struct UnitRows {
  std::vector<std::uint32_t> rows;
  std::vector<std::size_t> first;
  std::size_t size() const { return rows.size(); }
};
UnitRows unit_rows(const Dataset& data, const ScoringKernel& kernel, std::span<const std::uint32_t> rows);

// Node values in double: nodes, then facet values; NaN where not assessed.
class Engine {
 public:
  virtual ~Engine() = default;
  virtual void estimate(std::span<double> out) = 0;                         // all the unit's respondents
  virtual void resample(Stream& stream, std::span<double> out) = 0;         // one resample's draws
  virtual void leave_out(std::size_t position, std::span<double> out) = 0;  // all but rows[position]
};

// `rows` must outlive the engine.
std::unique_ptr<Engine> plain_engine(const Framework& fw, const ScoringKernel& kernel, const UnitRows& rows);
// Needs kernel.sums_suffice() and sums_engine_fits(); otherwise use plain_engine.
std::unique_ptr<Engine> sums_engine(const Dataset& data, const ScoringKernel& kernel, const UnitRows& rows);
// Every item's integer scores span at most 255 (a byte per answer).
bool sums_engine_fits(const Dataset& data, const ScoringKernel& kernel);

}  // namespace siap::resampling
