// Texts to small integers in one flat open-addressing table: a lookup that
// misses touches one cache line of slots, where std::unordered_map touches a
// bucket, a node and the node's string. A national unit sheet looks up every
// one of its hundreds of thousands of distinct unit names (twice: as written
// and folded), and those scattered misses were most of its loading time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace siap {

class StringIndex {
 public:
  // The value stored under `key`, or nullptr.
  const int* find(std::string_view key) const;
  // The value under `key`, storing `value` first when it is absent; second:
  // whether it was stored now.
  std::pair<int, bool> try_emplace(std::string_view key, int value);

  // The same in two steps, for a caller with other work to do meanwhile:
  // `fetch` hashes `key` and starts loading its slot into cache (a table of
  // hundreds of thousands of names misses on nearly every lookup), and
  // try_emplace with that hash finishes the insertion.
  struct Fetched {
    std::uint64_t hash = 0;
  };
  Fetched fetch(std::string_view key) const;
  // The hash alone, the same for every index: for keys fetched later.
  static Fetched hashed(std::string_view key) { return {hash(key)}; }
  std::pair<int, bool> try_emplace(std::string_view key, int value, Fetched fetched);
  const int* find(std::string_view key, Fetched fetched) const;
  // Starts loading the slot of an already hashed key (a loop fetches a few keys ahead).
  void prefetch(Fetched fetched) const;
  // Room for `entries` in all, so that inserting up to them moves nothing:
  // slots, and text at the mean length of the keys so far (none before the first).
  void reserve(std::size_t entries);
  std::size_t text_capacity() const { return text_.capacity(); }  // bytes of key text held without moving
  std::size_t size() const { return values_.size(); }
  bool empty() const { return values_.empty(); }

 private:
  struct Slot {
    std::uint32_t tag = 0;    // 0: empty; else the hash's high half, never 0
    std::uint32_t entry = 0;  // index into offsets_ / values_
  };
  static std::uint64_t hash(std::string_view key);
  static std::uint32_t tag_of(std::uint64_t h) { return std::uint32_t(h >> 32) | 1u; }
  // The slot holding `key`, or the empty slot where it would go.
  std::size_t probe(std::string_view key, std::uint64_t h) const;
  std::string_view key(std::size_t entry) const { return std::string_view(text_).substr(offsets_[entry], offsets_[entry + 1] - offsets_[entry]); }
  void grow();
  void rehash(std::size_t slots);  // a power of two, more than twice the entries

  std::vector<Slot> slots_;              // a power of two, at most 1/2 full
  std::string text_;                     // every key, one after another
  std::vector<std::size_t> offsets_{0};  // key i is text_[offsets_[i], offsets_[i + 1])
  std::vector<int> values_;
};

}  // namespace siap
