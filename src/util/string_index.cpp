#include "util/string_index.hpp"

#include <functional>
#include <stdexcept>

namespace siap {

std::uint64_t StringIndex::hash(std::string_view key) { return std::hash<std::string_view>{}(key); }

std::size_t StringIndex::probe(std::string_view key, std::uint64_t h) const {
  const std::size_t mask = slots_.size() - 1;
  const std::uint32_t tag = tag_of(h);
  // Linear probing from the hash's low bits; the table is never full.
  for (std::size_t i = std::size_t(h) & mask;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.tag == 0 || (s.tag == tag && this->key(s.entry) == key)) return i;
  }
}

const int* StringIndex::find(std::string_view key) const {
  if (slots_.empty()) return nullptr;  // not hashed: a unit sheet asks an empty cache once per row
  return find(key, Fetched{hash(key)});
}

const int* StringIndex::find(std::string_view key, Fetched fetched) const {
  if (slots_.empty()) return nullptr;
  const Slot& s = slots_[probe(key, fetched.hash)];
  return s.tag == 0 ? nullptr : &values_[s.entry];
}

void StringIndex::reserve(std::size_t entries) {
  std::size_t slots = slots_.empty() ? 64 : slots_.size();
  while (entries * 2 > slots) slots *= 2;
  if (slots != slots_.size()) rehash(slots);
  offsets_.reserve(entries + 1);
  values_.reserve(entries);
  // The keys' text too, at the mean length of those so far: grown by
  // doubling, a national unit sheet's 7 MB of names were copied and touched
  // in fresh memory twice over.
  if (!values_.empty() && entries > values_.size()) {
    text_.reserve(std::size_t(double(text_.size()) / double(values_.size()) * double(entries) * 1.05) + 64);
  }
}

StringIndex::Fetched StringIndex::fetch(std::string_view key) const {
  const Fetched fetched{hash(key)};
  prefetch(fetched);
  return fetched;
}

void StringIndex::prefetch(Fetched fetched) const {
  // The slot where the next insertion's probe (or a find) starts, with the
  // table as it will be then: try_emplace grows it first when it is half full.
  if (slots_.empty() || (values_.size() + 1) * 2 > slots_.size()) return;
  __builtin_prefetch(&slots_[std::size_t(fetched.hash) & (slots_.size() - 1)]);
}

std::pair<int, bool> StringIndex::try_emplace(std::string_view key, int value) { return try_emplace(key, value, Fetched{hash(key)}); }

std::pair<int, bool> StringIndex::try_emplace(std::string_view key, int value, Fetched fetched) {
  if ((values_.size() + 1) * 2 > slots_.size()) grow();
  const std::uint64_t h = fetched.hash;
  Slot& s = slots_[probe(key, h)];
  if (s.tag != 0) return {values_[s.entry], false};
  if (values_.size() >= UINT32_MAX) throw std::length_error("StringIndex: more than 2^32 - 1 texts");
  s = {tag_of(h), std::uint32_t(values_.size())};
  text_.append(key);
  offsets_.push_back(text_.size());
  values_.push_back(value);
  return {value, true};
}

void StringIndex::grow() { rehash(slots_.empty() ? 64 : slots_.size() * 2); }

void StringIndex::rehash(std::size_t slots) {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(slots, Slot{});
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.tag == 0) continue;
    // The hash again from the key: growing is rare (callers reserve), and
    // keeping every entry's hash cost 8 bytes per name.
    std::size_t i = std::size_t(hash(key(s.entry))) & mask;
    while (slots_[i].tag != 0) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

}  // namespace siap
