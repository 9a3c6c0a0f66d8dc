#include "siap/regions.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>
#include <string>

#include "siap/edit_distance.hpp"
#include "siap/limits.hpp"
#include "util/builtin_file.hpp"

namespace siap {
namespace {

// The embedded CSVs are plain (no quoting; checked by a test), so a simple
// split suffices here.
std::vector<std::vector<std::string>> rows_of(std::string_view text) {
  std::vector<std::vector<std::string>> rows;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos = end + 1;
    if (line.empty()) continue;
    std::vector<std::string> fields;
    std::size_t start = 0;
    while (true) {
      std::size_t comma = line.find(',', start);
      fields.emplace_back(line.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
      if (comma == std::string_view::npos) break;
      start = comma + 1;
    }
    rows.push_back(std::move(fields));
  }
  return rows;
}

std::string_view builtin_text(std::string_view name) {
  for (const auto& file : builtin_region_files()) {
    if (file.name == name) return file.text;
  }
  throw std::logic_error("region data missing from the binary: " + std::string(name));
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Lowercase letters and digits only: "Kota Bandung" -> "kotabandung".
std::string letters_and_digits(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (std::isalnum(static_cast<unsigned char>(c))) out += char(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

}  // namespace

const LocalizedText& region_type_label(RegionType type) {
  static const LocalizedText provinsi{"Provinsi", "Province"};
  static const LocalizedText kabupaten{"Kabupaten", "Regency"};
  static const LocalizedText kota{"Kota", "City"};
  switch (type) {
    case RegionType::provinsi:
      return provinsi;
    case RegionType::kabupaten:
      return kabupaten;
    case RegionType::kota:
      return kota;
  }
  return kabupaten;
}

RegionTable::NameKeyView RegionTable::normalize_into(std::string_view text, std::string& joined) {
  // Words, lowercased, punctuation as spaces, joined; only the first two
  // words' ends are kept (a type prefix and "Administrasi"). Written into
  // the caller's buffer, not a string per word or per name: every distinct
  // unit name of a sheet comes here.
  joined.resize(text.size());
  char* const begin = joined.data();
  char* w = begin;
  std::size_t words = 0;
  std::size_t end_of[2] = {0, 0};  // where words 0 and 1 end in `joined`
  bool in_word = false;
  for (char c : text) {
    const unsigned char u = static_cast<unsigned char>(c);
    if ((u >= '0' && u <= '9') || (u >= 'a' && u <= 'z')) {
      *w++ = c;
      in_word = true;
    } else if (u >= 'A' && u <= 'Z') {
      *w++ = char(u - 'A' + 'a');
      in_word = true;
    } else if (in_word) {
      if (words < 2) end_of[words] = std::size_t(w - begin);
      ++words;
      in_word = false;
    }
  }
  if (in_word) {
    if (words < 2) end_of[words] = std::size_t(w - begin);
    ++words;
  }
  const std::string_view all(begin, std::size_t(w - begin));

  auto at = [&](std::size_t i) -> std::string_view {
    if (i >= words || i >= 2) return "";
    const std::size_t from = i == 0 ? 0 : end_of[0];
    return all.substr(from, end_of[i] - from);
  };
  NameKeyView out;
  std::size_t first = 0;
  if (at(0) == "kabupaten" || at(0) == "kab") {
    out.type = RegionType::kabupaten;
    first = 1;
    if (at(1) == "administrasi" || at(1) == "adm") first = 2;
  } else if (at(0) == "kota" || at(0) == "kodya" || at(0) == "kotamadya") {
    out.type = RegionType::kota;
    first = 1;
    if (at(1) == "administrasi" || at(1) == "adm") first = 2;
  } else if (at(0) == "provinsi" || at(0) == "prov" || at(0) == "propinsi") {
    out.type = RegionType::provinsi;
    first = 1;
  }
  if (first >= words) {  // "Kota" alone is a name, not a prefix
    out.type.reset();
    first = 0;
  }
  out.key = first == 0 ? all : all.substr(end_of[first - 1]);
  return out;
}

RegionTable::NameKey RegionTable::normalize_name(std::string_view text) {
  std::string joined;
  const NameKeyView view = normalize_into(text, joined);
  return {view.type, std::string(view.key)};
}

const RegionTable& RegionTable::builtin() {
  static const RegionTable table = [] {
    RegionTable t;
    auto provinces = rows_of(builtin_text("provinces.csv"));
    auto regencies = rows_of(builtin_text("regencies.csv"));
    auto aliases = rows_of(builtin_text("aliases.csv"));
    for (std::size_t i = 1; i < provinces.size(); ++i) {
      Region r{provinces[i].at(0), provinces[i].at(1), RegionType::provinsi, int(t.regions_.size())};
      t.regions_.push_back(r);
    }
    for (std::size_t i = 1; i < regencies.size(); ++i) {
      const auto& row = regencies[i];
      Region r;
      r.code = row.at(0);
      r.name = row.at(2);
      r.type = r.name.rfind("Kota ", 0) == 0 ? RegionType::kota : RegionType::kabupaten;
      auto province = t.find_code(row.at(1));
      if (!province) throw std::logic_error("regency " + r.code + " names an unknown province");
      r.province = *province;
      t.regions_.push_back(r);
    }
    for (std::size_t i = 0; i < t.regions_.size(); ++i) {
      const Region& r = t.regions_[i];
      NameKey key = normalize_name(r.name);
      t.add_index(key.key, int(i));
    }
    std::sort(t.by_key_.begin(), t.by_key_.end());
    for (std::size_t i = 1; i < aliases.size(); ++i) {
      auto code = t.find_code(aliases[i].at(1));
      if (!code) throw std::logic_error("alias names an unknown code " + aliases[i].at(1));
      t.aliases_.emplace_back(normalize_name(aliases[i].at(0)).key, *code);
    }
    std::sort(t.aliases_.begin(), t.aliases_.end());
    // Hash indexes over the sorted keys (which no longer move): a lookup per
    // distinct unit name, where a binary search compared ten strings.
    for (std::size_t i = 0; i < t.by_key_.size(); ++i) t.key_slot_.emplace(t.by_key_[i].first, int(i));
    for (std::size_t i = 0; i < t.aliases_.size(); ++i) t.alias_slot_.emplace(t.aliases_[i].first, int(i));  // the first of equal keys
    for (const auto& [key, list] : t.by_key_) t.mark_key(key);
    for (const auto& [key, region] : t.aliases_) t.mark_key(key);
    return t;
  }();
  return table;
}

void RegionTable::add_index(const std::string& key, int index) {
  for (auto& [k, list] : by_key_) {
    if (k == key) {
      list.push_back(index);
      return;
    }
  }
  by_key_.push_back({key, {index}});
}

void RegionTable::mark_key(std::string_view key) {
  const std::size_t bit = KeyHash{}(key) % kKeyBits;
  key_bits_[bit / 64] |= std::uint64_t(1) << (bit % 64);
}

bool RegionTable::may_be_key(std::string_view key) const {
  const std::size_t bit = KeyHash{}(key) % kKeyBits;
  return (key_bits_[bit / 64] >> (bit % 64)) & 1;
}

const std::vector<int>* RegionTable::lookup(std::string_view key) const {
  const auto it = key_slot_.find(key);
  return it == key_slot_.end() ? nullptr : &by_key_[std::size_t(it->second)].second;
}

std::optional<int> RegionTable::find_code(std::string_view dotted_code) const {
  for (std::size_t i = 0; i < regions_.size(); ++i) {
    if (regions_[i].code == dotted_code) return int(i);
  }
  return std::nullopt;
}

RegionMatch RegionTable::resolve(std::string_view raw, RegionCoding coding, bool suggest) const {
  RegionMatch match;
  std::string_view text = trim(raw);
  if (text.empty()) {
    match.kind = RegionMatch::Kind::empty;
    return match;
  }
  // Codes.
  auto by_code = [&](std::string_view code) {
    if (auto found = find_code(code)) {
      match.kind = RegionMatch::Kind::found;
      match.region = *found;
    } else {
      match.kind = RegionMatch::Kind::unknown;
    }
    return match;
  };
  bool dotted = text.size() == 5 && all_digits(text.substr(0, 2)) && text[2] == '.' && all_digits(text.substr(3));
  if (dotted || (text.size() == 2 && all_digits(text))) return by_code(text);
  if (text.size() == 4 && all_digits(text)) {
    if (coding != RegionCoding::kemendagri) {
      match.kind = RegionMatch::Kind::undotted_code;
      return match;
    }
    return by_code(std::string(text.substr(0, 2)) + "." + std::string(text.substr(2)));
  }
  // Names. A note in parentheses after a name that is itself a region
  // ("Kab. Semarang (Ungaran)", the seat) is set aside; the name alone
  // decides, so an ambiguous one stays ambiguous.
  if (text.ends_with(')')) {
    // One note only: the name before it must not end in ')' again, so a
    // hostile "x (((...)))" costs one extra lookup, not one per bracket.
    const auto open = text.rfind(" (");
    if (open != std::string_view::npos && open > 0 && !trim(text.substr(0, open)).ends_with(')')) {
      RegionMatch bare = resolve(text.substr(0, open), coding, false);
      if (bare.kind == RegionMatch::Kind::found || bare.kind == RegionMatch::Kind::ambiguous) return bare;
    }
  }
  thread_local std::string scratch;  // the normalised name's buffer, reused
  const NameKeyView name = normalize_into(text, scratch);
  auto fits = [&](int index) { return !name.type || regions_[std::size_t(index)].type == *name.type; };
  const bool known_key = may_be_key(name.key);
  if (const auto* list = known_key ? lookup(name.key) : nullptr) {
    for (int index : *list) {
      if (fits(index)) match.candidates.push_back(index);
    }
  }
  if (match.candidates.empty() && known_key) {
    if (const auto it = alias_slot_.find(name.key); it != alias_slot_.end() && fits(aliases_[std::size_t(it->second)].second)) {
      match.candidates.push_back(aliases_[std::size_t(it->second)].second);
    }
  }
  if (match.candidates.size() == 1) {
    match.kind = RegionMatch::Kind::found;
    match.region = match.candidates.front();
    match.candidates.clear();
    return match;
  }
  if (match.candidates.size() > 1) {
    match.kind = RegionMatch::Kind::ambiguous;
    return match;
  }
  // Unknown: the closest names of the right type as suggestions.
  match.kind = RegionMatch::Kind::unknown;
  if (!suggest || name.key.size() > limits::kMaxSuggestionLength) return match;  // no region name is that long
  int limit = suggestion_distance(name.key, 4, 2);
  std::vector<std::pair<int, int>> scored;  // distance, region
  for (const auto& [key, list] : by_key_) {
    int d = edit_distance(name.key, key, limit);
    if (d > limit) continue;
    for (int index : list) {
      if (fits(index)) scored.emplace_back(d, index);
    }
  }
  if (scored.empty() && name.type) {
    // "Kota Garut" does not exist, but "Kabupaten Garut" might be meant.
    for (const auto& [key, list] : by_key_) {
      int d = edit_distance(name.key, key, limit);
      if (d <= limit) {
        for (int index : list) scored.emplace_back(d, index);
      }
    }
  }
  std::sort(scored.begin(), scored.end());
  for (std::size_t i = 0; i < scored.size() && i < 3; ++i) match.candidates.push_back(scored[i].second);
  return match;
}

std::vector<int> RegionTable::search(std::string_view query, std::string_view province_code) const {
  std::string needle = normalize_name(query).key;
  bool code_query = !query.empty() && std::all_of(query.begin(), query.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; });
  std::vector<int> out;
  for (std::size_t i = 0; i < regions_.size(); ++i) {
    const Region& r = regions_[i];
    if (!province_code.empty() && regions_[std::size_t(r.province)].code != province_code) continue;
    // A name matches with or without its "Kabupaten"/"Kota" prefix.
    bool hit =
        query.empty() || (code_query ? r.code.rfind(std::string(trim(query)), 0) == 0 : letters_and_digits(r.name).find(needle) != std::string::npos);
    if (hit) out.push_back(int(i));
  }
  return out;
}

RegionTable::ProvinceLookup RegionTable::find_province(std::string_view text) const {
  RegionMatch m = resolve(text);
  if (m.kind == RegionMatch::Kind::found && at(m.region).type == RegionType::provinsi) return {m.region, {}};
  ProvinceLookup out;
  out.why = {"bukan provinsi yang dikenal", "not a known province"};
  if (m.kind == RegionMatch::Kind::found)
    out.why = {fmt::format("{} bukan provinsi", describe(m.region)), fmt::format("{} is not a province", describe(m.region))};
  for (int c : m.candidates) {
    if (at(c).type != RegionType::provinsi) continue;
    out.why.id += fmt::format("; maksud Anda {}?", describe(c));
    out.why.en += fmt::format("; did you mean {}?", describe(c));
    break;
  }
  return out;
}

std::string RegionTable::describe(int index) const {
  const Region& r = at(index);
  return fmt::format("{} ({})", r.type == RegionType::provinsi ? "Provinsi " + r.name : r.name, r.code);
}

}  // namespace siap
