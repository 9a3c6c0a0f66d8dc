#include "stats/resampler.hpp"

#include "stats/draw_sums.hpp"

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

// An item's lowest and highest integer score; (0, 0) without codes.
std::pair<std::int64_t, std::int64_t> score_range(const Dataset& data, const ScoringKernel& kernel, std::size_t item) {
  const std::size_t codes = data.items[item].scores.size();
  if (codes == 0) return {0, 0};
  std::int64_t lo = kernel.integer_score(item, 1), hi = lo;
  for (std::size_t code = 2; code <= codes; ++code) {
    lo = std::min(lo, kernel.integer_score(item, int(code)));
    hi = std::max(hi, kernel.integer_score(item, int(code)));
  }
  return {lo, hi};
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

class SumsEngine final : public Engine {
 public:
  SumsEngine(const Dataset& data, const ScoringKernel& kernel, const UnitRows& rows) : kernel_(kernel), rows_(rows), groups_(kernel.groups()) {
    // A column per coded item (a given node's column has no answers here:
    // sums_suffice), its answers as integer score less the lowest, each
    // code's value looked up once.
    std::int64_t span = 1;
    std::vector<std::vector<std::uint16_t>> value_of_code;
    for (std::size_t i = 0; i < data.items.size(); ++i) {
      if (!data.items[i].coded) continue;
      const auto [lo, hi] = score_range(data, kernel, i);
      columns_.push_back({i, columns_.size(), lo});
      span = std::max(span, hi - lo);
      std::vector<std::uint16_t>& values = value_of_code.emplace_back(data.items[i].scores.size() + 1, 0);
      for (std::size_t code = 1; code < values.size(); ++code) values[code] = std::uint16_t(kernel.integer_score(i, int(code)) - lo);
    }
    for (const Column& c : columns_) {
      column_base_.push_back(c.item * groups_);
      column_lowest_.push_back(c.lowest);
    }
    packing_ = packing_for(unsigned(span));
    const std::uint16_t present = std::uint16_t(1u << packing_.shift);
    blocks_ = std::max<std::size_t>((columns_.size() + kBlockColumns - 1) / kBlockColumns, 1);
    draw_sums_ = draw_sums_for(blocks_, packing_.entry_bytes);
    const std::size_t width = blocks_ * kBlockColumns;
    // Each column's entry by code, in one table.
    std::vector<std::uint16_t> entry_of(columns_.size() * 256, 0);
    for (std::size_t j = 0; j < columns_.size(); ++j) {
      for (std::size_t code = 1; code < value_of_code[j].size(); ++code) entry_of[j * 256 + code] = std::uint16_t(present | value_of_code[j][code]);
    }
    // Rows start on a cache line: a row is whole 32- or 64-byte blocks.
    storage_.assign(rows.size() * width * packing_.entry_bytes + 64, 0);
    const std::size_t misalignment = reinterpret_cast<std::uintptr_t>(storage_.data()) % 64;
    matrix_ = storage_.data() + (misalignment ? 64 - misalignment : 0);
    // The rows group by group, each group's sums (for estimate() and
    // leave_out()) added as its entries are written. Locals throughout: the
    // byte stores could alias any member, which the compiler would reload.
    full_sums_.assign(groups_ * width, 0);
    full_counts_.assign(groups_ * width, 0);
    const std::uint16_t value_mask = std::uint16_t(present - 1);
    const unsigned shift = packing_.shift;
    const bool bytes = packing_.entry_bytes == 1;
    const std::size_t column_count = columns_.size(), coded_items = data.coded_items;
    std::vector<std::size_t> code_column(column_count);
    for (std::size_t j = 0; j < column_count; ++j) code_column[j] = columns_[j].coded_index;
    const std::uint8_t* all_codes = data.codes.data();
    std::uint8_t* matrix = matrix_;
    for (std::size_t g = 0; g < groups_; ++g) {
      std::uint64_t* group_sums = full_sums_.data() + g * width;
      std::uint64_t* group_counts = full_counts_.data() + g * width;
      for (std::size_t p = rows.first[g]; p < rows.first[g + 1]; ++p) {
        const std::uint8_t* codes = all_codes + std::size_t(rows.rows[p]) * coded_items;
        std::uint8_t* row = matrix + p * width * (bytes ? 1 : 2);
        for (std::size_t j = 0; j < column_count; ++j) {
          const std::uint16_t e = entry_of[j * 256 + codes[code_column[j]]];
          group_sums[j] += e & value_mask;
          group_counts[j] += e >> shift;
          if (bytes) {
            row[j] = std::uint8_t(e);
          } else {
            std::memcpy(row + j * 2, &e, 2);
          }
        }
      }
    }
    sums_.resize(width);
    counts_.resize(width);
    std::size_t largest_group = 0;
    for (std::size_t g = 0; g < groups_; ++g) largest_group = std::max(largest_group, rows.first[g + 1] - rows.first[g]);
    reciprocal_.assign(largest_group + 1, 0.0);
    for (std::size_t n = 1; n <= largest_group; ++n) reciprocal_[n] = 1.0 / double(n);
    item_sums_.assign(data.items.size() * groups_, 0);
    item_counts_.assign(data.items.size() * groups_, 0);
  }

  void estimate(std::span<double> out) override {
    set_full();
    evaluate(out);
  }

  void resample(Stream& stream, std::span<double> out) override {
    at_full_ = false;
    for (std::size_t g = 0; g < groups_; ++g) {
      const std::uint32_t from = std::uint32_t(rows_.first[g]);
      const std::uint32_t n = std::uint32_t(rows_.first[g + 1] - rows_.first[g]);
      std::fill(sums_.begin(), sums_.end(), 0);
      std::fill(counts_.begin(), counts_.end(), 0);
      draw_sums_(stream, from, n, matrix_, blocks_, packing_, sums_.data(), counts_.data());
      for (std::size_t j = 0; j < columns_.size(); ++j) set(j, g, sums_[j], counts_[j]);
    }
    evaluate(out);
  }

  // Only the left-out respondent's answers change their items' sums in its
  // group; they are restored after.
  void leave_out(std::size_t position, std::span<double> out) override {
    if (!at_full_) set_full();
    const std::size_t g = std::size_t(std::upper_bound(rows_.first.begin(), rows_.first.end(), position) - rows_.first.begin()) - 1;
    if (packing_.entry_bytes == 1) {
      adjust<std::uint8_t, -1>(position, g);
      evaluate(out);
      adjust<std::uint8_t, 1>(position, g);
    } else {
      adjust<std::uint16_t, -1>(position, g);
      evaluate(out);
      adjust<std::uint16_t, 1>(position, g);
    }
  }

 private:
  // Adds (Sign 1) or takes away (-1) the respondent at `position`'s
  // answers in group g's item sums; from locals, which the stores cannot
  // be taken to alias.
  template <typename Entry, int Sign>
  void adjust(std::size_t position, std::size_t g) {
    const std::size_t width = blocks_ * kBlockColumns;
    const std::uint8_t* bytes = matrix_ + position * width * sizeof(Entry);
    std::int64_t* sums = item_sums_.data();
    std::uint32_t* counts = item_counts_.data();
    const std::size_t* base = column_base_.data();
    const std::int64_t* lowest = column_lowest_.data();
    const std::uint32_t value_mask = (1u << packing_.shift) - 1;
    for (std::size_t j = 0, n = columns_.size(); j < n; ++j) {
      Entry e;
      std::memcpy(&e, bytes + j * sizeof(Entry), sizeof(Entry));
      if (e == 0) continue;
      const std::size_t at = base[j] + g;
      sums[at] += Sign * (std::int64_t(e & value_mask) + lowest[j]);
      counts[at] += std::uint32_t(Sign);
    }
  }

  struct Column {
    std::size_t item;         // index into Dataset::items
    std::size_t coded_index;  // its column in Dataset::codes
    std::int64_t lowest;      // its lowest integer score
  };

  void set_full() {
    const std::size_t width = blocks_ * kBlockColumns;
    for (std::size_t g = 0; g < groups_; ++g) {
      for (std::size_t j = 0; j < columns_.size(); ++j) set(j, g, full_sums_[g * width + j], full_counts_[g * width + j]);
    }
    at_full_ = true;
  }

  void set(std::size_t column, std::size_t group, std::uint64_t value_sum, std::uint64_t count) {
    const Column& c = columns_[column];
    item_sums_[c.item * groups_ + group] = std::int64_t(value_sum) + std::int64_t(count) * c.lowest;
    item_counts_[c.item * groups_ + group] = std::uint32_t(count);
  }

  void evaluate(std::span<double> out) {
    const std::size_t node_count = out.size() - kernel_.facet_values();
    values_out_.assign(out.size(), ResampleValue{});
    std::span<ResampleValue> nodes(values_out_.data(), node_count);
    std::span<ResampleValue> facets(values_out_.data() + node_count, kernel_.facet_values());
    kernel_.evaluate_sums(item_sums_, item_counts_, reciprocal_, nodes, facets);
    for (std::size_t k = 0; k < out.size(); ++k) out[k] = values_out_[k].assessed ? values_out_[k].exact : std::numeric_limits<double>::quiet_NaN();
  }

  const ScoringKernel& kernel_;
  const UnitRows& rows_;
  std::size_t groups_;
  std::vector<Column> columns_;
  std::size_t blocks_ = 1;
  DrawSums draw_sums_ = nullptr;
  Packing packing_;
  bool at_full_ = false;                                // item_sums_ hold the whole unit's sums
  std::vector<std::uint8_t> storage_;                   // the matrix and room to align it
  std::uint8_t* matrix_ = nullptr;                      // rows x blocks * 32 entries of packing_.entry_bytes (draw_sums.hpp)
  std::vector<std::uint64_t> full_sums_, full_counts_;  // groups x blocks * 32
  std::vector<std::uint32_t> sums_, counts_;
  std::vector<std::int64_t> item_sums_;  // items x groups
  std::vector<std::uint32_t> item_counts_;
  std::vector<double> reciprocal_;        // 1 / n up to the largest group
  std::vector<std::size_t> column_base_;  // per column: its item's first index in item_sums_ (item * groups)
  std::vector<std::int64_t> column_lowest_;
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
    const auto [lo, hi] = score_range(data, kernel, i);
    if (hi - lo > 255) return false;
  }
  return true;
}

}  // namespace siap::resampling
