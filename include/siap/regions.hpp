// Indonesia's 38 provinces and 514 kabupaten/kota with Kemendagri codes
// (idn-area-data 4.0.1, ODbL; see data/regions/README.md), and resolution of
// the ways survey exports write them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "siap/text.hpp"

namespace siap {

enum class RegionType { provinsi, kabupaten, kota };
const LocalizedText& region_type_label(RegionType type);  // "Kabupaten" / "Regency", ...

struct Region {
  std::string code;  // Kemendagri, dotted: "32.73"; provinces "32"
  std::string name;  // official: "Kota Bandung", "Jawa Barat"
  RegionType type = RegionType::kabupaten;
  int province = -1;  // index of its province in RegionTable::regions(); itself for a province
};

// How a file writes undotted four-digit codes such as "3273". BPS and
// Kemendagri codes differ for some regions (Aceh Selatan is 11.01 at
// Kemendagri, 1103 at BPS), so they are never guessed.
enum class RegionCoding { unspecified, kemendagri };

struct RegionMatch {
  enum class Kind {
    found,
    empty,          // blank cell
    unknown,        // no such name or code; `candidates` holds suggestions
    ambiguous,      // several regions fit; `candidates` holds them all
    undotted_code,  // "3273" without a declared coding
  };
  Kind kind = Kind::unknown;
  int region = -1;
  std::vector<int> candidates;
};

// A kabupaten/kota whose Kemendagri code or official name in an earlier
// code list (2018, 2020, 2022, 2023) differs from today's
// (data/regions/kabkota-changes.csv): the 2022 Papua expansion moved 26, five
// were renamed; no old code was reused.
struct RegionChange {
  std::string code_then, name_then;  // "91.01", "KAB. MERAUKE"
  std::string code_now, name_now;    // "93.01", "Kabupaten Merauke"
  bool code_changed = false;         // false: renamed only
};
const std::vector<RegionChange>& region_changes();
// Today's code for a code as an earlier list wrote it ("91.01" -> "93.01");
// any other code as it is.
std::string current_code(std::string_view code);

class RegionTable {
 public:
  // The table compiled into the binary; built on first use.
  static const RegionTable& builtin();

  const std::vector<Region>& regions() const { return regions_; }
  const Region& at(int index) const { return regions_[std::size_t(index)]; }
  std::optional<int> find_code(std::string_view dotted_code) const;

  // Resolves a cell: a Kemendagri code ("32.73", "32"), an undotted code when
  // `coding` allows it, or a name in its common variants ("Kab. Bandung",
  // "KABUPATEN BANDUNG", "Kota Bandung", "PARE PARE"). An unknown name gets
  // the closest names as candidates unless `suggest` is false (a caller that
  // accepts non-regions does not show them, and need not pay for them).
  RegionMatch resolve(std::string_view text, RegionCoding coding = RegionCoding::unspecified, bool suggest = true) const;

  // Regions whose name or code contains `query` (ignoring case, spacing and
  // punctuation), optionally within one province code; all when query is empty.
  std::vector<int> search(std::string_view query, std::string_view province_code = "") const;

  // "Kota Bandung (32.73)"
  std::string describe(int index) const;

  // A province named by code ("33") or name ("Jawa Tengah"): its index, or
  // why the text is not one (with the closest province when there is one).
  struct ProvinceLookup {
    int province = -1;
    LocalizedText why;
  };
  ProvinceLookup find_province(std::string_view text) const;

  // Exposed for tests: the (optional type, key) a name normalises to.
  struct NameKey {
    std::optional<RegionType> type;
    std::string key;  // lowercase letters and digits only
  };
  static NameKey normalize_name(std::string_view text);

 private:
  // normalize_name() written into `buffer`, the key a view of it.
  struct NameKeyView {
    std::optional<RegionType> type;
    std::string_view key;
  };
  static NameKeyView normalize_into(std::string_view text, std::string& buffer);

  RegionTable() = default;
  void add_index(const std::string& key, int index);

  std::vector<Region> regions_;
  std::vector<std::pair<std::string, std::vector<int>>> by_key_;  // sorted by key
  std::vector<std::pair<std::string, int>> aliases_;              // sorted by key
  struct KeyHash {                                                // find() by string_view, without a string per lookup
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, int, KeyHash, std::equal_to<>> key_slot_;    // key -> its place in by_key_
  std::unordered_map<std::string, int, KeyHash, std::equal_to<>> alias_slot_;  // key -> its first place in aliases_
  // One bit per hash value (its low bits) of every key of either index: a
  // name that is no region's (an instansi's, on a national unit sheet:
  // hundreds of thousands) is turned away with one hash and one bit
  // instead of two hashed lookups.
  static constexpr std::size_t kKeyBits = std::size_t(1) << 16;
  std::vector<std::uint64_t> key_bits_ = std::vector<std::uint64_t>(kKeyBits / 64);
  void mark_key(std::string_view key);
  bool may_be_key(std::string_view key) const;
  const std::vector<int>* lookup(std::string_view key) const;
};

}  // namespace siap
