#include "stats/resampler.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace siap::resampling {
namespace {

std::uint64_t mix(std::uint64_t z) {  // splitmix64's finaliser
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// Calls visit(position) for every draw of one resample: group by group, as
// many draws as the group has respondents, each uniform over the group.
template <typename Visit>
void for_each_draw(Stream& stream, const UnitRows& rows, Visit&& visit) {
  for (std::size_t g = 0; g + 1 < rows.first.size(); ++g) {
    const std::size_t from = rows.first[g];
    const std::uint32_t n = std::uint32_t(rows.first[g + 1] - from);
    for (std::uint32_t i = 0; i < n; ++i) visit(from + stream.below(n));
  }
}

void to_doubles(std::span<const NodeValue> values, std::span<double> out, std::size_t at = 0) {
  for (const NodeValue& v : values) out[at++] = v.assessed ? double(v.exact.value()) : std::numeric_limits<double>::quiet_NaN();
}

class PlainEngine final : public Engine {
 public:
  PlainEngine(const ScoringKernel& kernel, const UnitRows& rows, std::size_t nodes)
      : kernel_(kernel), rows_(rows), nodes_(nodes), facets_(kernel.facet_values()) {}

  void estimate(std::span<double> out) override { evaluate(rows_.rows, out); }

  void resample(Stream& stream, std::span<double> out) override {
    drawn_.clear();
    for_each_draw(stream, rows_, [&](std::size_t position) { drawn_.push_back(rows_.rows[position]); });
    evaluate(drawn_, out);
  }

  void leave_out(std::size_t position, std::span<double> out) override {
    drawn_.assign(rows_.rows.begin(), rows_.rows.end());
    drawn_.erase(drawn_.begin() + std::ptrdiff_t(position));
    evaluate(drawn_, out);
  }

 private:
  void evaluate(std::span<const std::uint32_t> rows, std::span<double> out) {
    std::fill(nodes_.begin(), nodes_.end(), NodeValue{});
    std::fill(facets_.begin(), facets_.end(), NodeValue{});
    kernel_.evaluate(rows, nodes_, facets_);
    to_doubles(nodes_, out);
    to_doubles(facets_, out, nodes_.size());
  }

  const ScoringKernel& kernel_;
  const UnitRows& rows_;
  std::vector<NodeValue> nodes_, facets_;
  std::vector<std::uint32_t> drawn_;
};

// 16 answers as bytes, 16 running sums as 16-bit lanes, and as 32-bit
// sums. Kept in plain arrays and moved in and out with memcpy: the vector
// types' alignment does not survive std::vector.
typedef std::uint8_t Bytes16 __attribute__((vector_size(16)));
typedef std::uint16_t Lanes16 __attribute__((vector_size(32)));
typedef std::uint32_t Sums16 __attribute__((vector_size(64)));

// The hot loop: adds n drawn rows of `matrix` (rows of `chunks` x 16 bytes)
// into `sums` (chunks x 16), through 16-bit lanes emptied every
// `flush_every` draws, before they could overflow. Compiled twice, for AVX2
// and for the baseline, and chosen when the program loads.
__attribute__((target_clones("avx2", "default"))) void add_draws(Stream& stream, std::uint32_t from, std::uint32_t n, const std::uint8_t* matrix,
                                                                 std::size_t chunks, std::uint32_t flush_every, std::uint16_t* lanes,
                                                                 std::uint32_t* sums) {
  auto flush = [&] {
    for (std::size_t c = 0; c < chunks; ++c) {
      Lanes16 l;
      Sums16 s;
      std::memcpy(&l, lanes + c * 16, sizeof l);
      std::memcpy(&s, sums + c * 16, sizeof s);
      s += __builtin_convertvector(l, Sums16);
      std::memcpy(sums + c * 16, &s, sizeof s);
    }
    std::memset(lanes, 0, chunks * sizeof(Lanes16));
  };
  std::memset(lanes, 0, chunks * sizeof(Lanes16));
  std::uint32_t pending = 0;
  for (std::uint32_t i = 0; i < n; ++i) {
    const std::uint8_t* row = matrix + std::size_t(from + stream.below(n)) * chunks * 16;
    for (std::size_t c = 0; c < chunks; ++c) {
      Bytes16 b;
      Lanes16 l;
      std::memcpy(&b, row + c * 16, sizeof b);
      std::memcpy(&l, lanes + c * 16, sizeof l);
      l += __builtin_convertvector(b, Lanes16);
      std::memcpy(lanes + c * 16, &l, sizeof l);
    }
    if (++pending == flush_every) {
      flush();
      pending = 0;
    }
  }
  flush();
}

class SumsEngine final : public Engine {
 public:
  SumsEngine(const Dataset& data, const ScoringKernel& kernel, const UnitRows& rows)
      : kernel_(kernel), rows_(rows), items_(data.items.size()), groups_(kernel.groups()), chunks_((items_ + 15) / 16) {
    // Each answer as a byte: its integer score less the item's lowest.
    std::int64_t span = 1;
    for (std::size_t i = 0; i < items_; ++i) {
      std::int64_t lo = std::numeric_limits<std::int64_t>::max(), hi = std::numeric_limits<std::int64_t>::min();
      for (std::size_t code = 1; code <= data.items[i].scores.size(); ++code) {
        lo = std::min(lo, kernel.integer_score(i, int(code)));
        hi = std::max(hi, kernel.integer_score(i, int(code)));
      }
      if (data.items[i].scores.empty()) lo = hi = 0;  // uncoded: never answered here (sums_suffice)
      lowest_.push_back(lo);
      span = std::max(span, hi - lo);
    }
    flush_every_ = std::uint32_t(std::numeric_limits<std::uint16_t>::max() / span);
    const std::size_t width = chunks_ * 16;
    values_.assign(rows.size() * width, 0);
    present_.assign(rows.size() * width, 0);
    std::vector<int> coded_index;  // per item: its column in Dataset::codes, or -1
    for (const ItemColumn& item : data.items)
      coded_index.push_back(item.coded ? int(std::count_if(coded_index.begin(), coded_index.end(), [](int c) { return c >= 0; })) : -1);
    for (std::size_t p = 0; p < rows.size(); ++p) {
      for (std::size_t i = 0; i < items_; ++i) {
        if (coded_index[i] < 0) continue;
        const std::uint8_t code = data.code(rows.rows[p], std::size_t(coded_index[i]));
        if (code == 0) {
          missing_ = true;
          continue;
        }
        values_[p * width + i] = std::uint8_t(kernel.integer_score(i, code) - lowest_[i]);
        present_[p * width + i] = 1;
      }
    }
    // The whole unit's sums, per group, for estimate() and leave_out().
    full_sums_.assign(groups_ * width, 0);
    full_counts_.assign(groups_ * width, 0);
    for (std::size_t g = 0; g < groups_; ++g) {
      for (std::size_t p = rows.first[g]; p < rows.first[g + 1]; ++p) {
        for (std::size_t j = 0; j < width; ++j) {
          full_sums_[g * width + j] += values_[p * width + j];
          full_counts_[g * width + j] += present_[p * width + j];
        }
      }
    }
    lanes_.resize(width);
    sums_.resize(width);
    counts_.resize(width);
    item_sums_.resize(items_ * groups_);
    item_counts_.resize(items_ * groups_);
  }

  void estimate(std::span<double> out) override {
    const std::size_t width = chunks_ * 16;
    for (std::size_t g = 0; g < groups_; ++g) {
      for (std::size_t i = 0; i < items_; ++i) set(i, g, full_sums_[g * width + i], full_counts_[g * width + i]);
    }
    evaluate(out);
  }

  void resample(Stream& stream, std::span<double> out) override {
    for (std::size_t g = 0; g < groups_; ++g) {
      const std::uint32_t from = std::uint32_t(rows_.first[g]);
      const std::uint32_t n = std::uint32_t(rows_.first[g + 1] - rows_.first[g]);
      std::fill(sums_.begin(), sums_.end(), 0);
      if (!missing_) {
        add_draws(stream, from, n, values_.data(), chunks_, flush_every_, lanes_.data(), sums_.data());
        for (std::size_t i = 0; i < items_; ++i) set(i, g, sums_[i], n);
        continue;
      }
      // With unanswered items the answers counted differ per item: the
      // same draws again over the presence bytes.
      std::fill(counts_.begin(), counts_.end(), 0);
      Stream again = stream;
      add_draws(stream, from, n, values_.data(), chunks_, flush_every_, lanes_.data(), sums_.data());
      add_draws(again, from, n, present_.data(), chunks_, std::numeric_limits<std::uint16_t>::max(), lanes_.data(), counts_.data());
      for (std::size_t i = 0; i < items_; ++i) set(i, g, sums_[i], counts_[i]);
    }
    evaluate(out);
  }

  void leave_out(std::size_t position, std::span<double> out) override {
    const std::size_t width = chunks_ * 16;
    const std::size_t group = std::size_t(std::upper_bound(rows_.first.begin(), rows_.first.end(), position) - rows_.first.begin()) - 1;
    for (std::size_t g = 0; g < groups_; ++g) {
      for (std::size_t i = 0; i < items_; ++i) {
        std::uint64_t sum = full_sums_[g * width + i], count = full_counts_[g * width + i];
        if (g == group) {
          sum -= values_[position * width + i];
          count -= present_[position * width + i];
        }
        set(i, g, sum, count);
      }
    }
    evaluate(out);
  }

 private:
  void set(std::size_t item, std::size_t group, std::uint64_t byte_sum, std::uint64_t count) {
    item_sums_[item * groups_ + group] = std::int64_t(byte_sum) + std::int64_t(count) * lowest_[item];
    item_counts_[item * groups_ + group] = std::uint32_t(count);
  }

  void evaluate(std::span<double> out) {
    const std::size_t node_count = out.size() - kernel_.facet_values();
    values_out_.assign(out.size(), ResampleValue{});
    std::span<ResampleValue> nodes(values_out_.data(), node_count);
    std::span<ResampleValue> facets(values_out_.data() + node_count, kernel_.facet_values());
    kernel_.evaluate_sums(item_sums_, item_counts_, nodes, facets);
    for (std::size_t k = 0; k < out.size(); ++k) out[k] = values_out_[k].assessed ? values_out_[k].exact : std::numeric_limits<double>::quiet_NaN();
  }

  const ScoringKernel& kernel_;
  const UnitRows& rows_;
  std::size_t items_, groups_, chunks_;
  std::vector<std::int64_t> lowest_;  // per item: its lowest integer score
  std::uint32_t flush_every_ = 1;
  bool missing_ = false;                                // some respondent left an item unanswered
  std::vector<std::uint8_t> values_, present_;          // rows x chunks * 16
  std::vector<std::uint64_t> full_sums_, full_counts_;  // groups x chunks * 16
  std::vector<std::uint16_t> lanes_;                    // chunks x 16
  std::vector<std::uint32_t> sums_, counts_;
  std::vector<std::int64_t> item_sums_;  // items x groups
  std::vector<std::uint32_t> item_counts_;
  std::vector<ResampleValue> values_out_;
};

}  // namespace

Stream::Stream(std::uint64_t seed, std::uint64_t unit, std::uint64_t resample)
    : state_(mix(mix(mix(seed) ^ (unit + 0x9e3779b97f4a7c15ULL)) ^ (resample + 0x632be59bd9b4e019ULL))) {}

UnitRows unit_rows(const Dataset& data, const ScoringKernel& kernel, std::span<const std::uint32_t> rows) {
  UnitRows out;
  const std::size_t groups = kernel.groups();
  out.first.assign(groups + 1, 0);
  auto group_of = [&](std::uint32_t r) { return groups > 1 ? std::size_t(data.row_group[r]) : 0; };
  for (std::uint32_t r : rows) ++out.first[group_of(r) + 1];
  for (std::size_t g = 0; g < groups; ++g) out.first[g + 1] += out.first[g];
  out.rows.resize(rows.size());
  std::vector<std::size_t> next(out.first.begin(), out.first.end() - 1);
  for (std::uint32_t r : rows) out.rows[next[group_of(r)]++] = r;
  return out;
}

std::unique_ptr<Engine> plain_engine(const Framework& fw, const ScoringKernel& kernel, const UnitRows& rows) {
  return std::make_unique<PlainEngine>(kernel, rows, fw.nodes.size());
}

std::unique_ptr<Engine> sums_engine(const Dataset& data, const ScoringKernel& kernel, const UnitRows& rows) {
  return std::make_unique<SumsEngine>(data, kernel, rows);
}

bool sums_engine_fits(const Dataset& data, const ScoringKernel& kernel) {
  if (!kernel.sums_suffice()) return false;
  for (std::size_t i = 0; i < data.items.size(); ++i) {
    std::int64_t lo = std::numeric_limits<std::int64_t>::max(), hi = std::numeric_limits<std::int64_t>::min();
    for (std::size_t code = 1; code <= data.items[i].scores.size(); ++code) {
      lo = std::min(lo, kernel.integer_score(i, int(code)));
      hi = std::max(hi, kernel.integer_score(i, int(code)));
    }
    if (!data.items[i].scores.empty() && hi - lo > 255) return false;
  }
  return true;
}

}  // namespace siap::resampling
