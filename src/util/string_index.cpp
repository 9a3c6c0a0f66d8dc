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
  if (slots_.empty()) return nullptr;
  const Slot& s = slots_[probe(key, hash(key))];
  return s.tag == 0 ? nullptr : &values_[s.entry];
}

StringIndex::Fetched StringIndex::fetch(std::string_view key) const {
  const std::uint64_t h = hash(key);
  // The slot where the next insertion's probe starts, with the table as it
  // will be then (try_emplace grows it first when it is half full).
  const std::size_t slots = (values_.size() + 1) * 2 > slots_.size() ? 0 : slots_.size();
  if (slots > 0) __builtin_prefetch(&slots_[std::size_t(h) & (slots - 1)]);
  return {h};
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
  hashes_.push_back(h);
  return {value, true};
}

void StringIndex::grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 64 : old.size() * 2, Slot{});
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.tag == 0) continue;
    std::size_t i = std::size_t(hashes_[s.entry]) & mask;
    while (slots_[i].tag != 0) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

}  // namespace siap
