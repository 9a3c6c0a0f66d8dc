#include "framework/yaml_reader.hpp"

#include <fmt/format.h>

#include <set>

#include "siap/edit_distance.hpp"
#include "siap/limits.hpp"
#include "siap/utf8.hpp"

namespace siap {
namespace {

LocalizedText kind_name(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Map:
      return {"mapping", "a mapping"};
    case YAML::NodeType::Sequence:
      return {"daftar (sequence)", "a sequence"};
    case YAML::NodeType::Scalar:
      return {fmt::format("'{}'", node.Scalar()), fmt::format("'{}'", node.Scalar())};
    case YAML::NodeType::Null:
      return {"nilai kosong", "an empty value"};
    case YAML::NodeType::Undefined:
      break;
  }
  return {"tidak ada", "nothing"};
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

bool is_identifier(const std::string& s) {
  if (s.empty() || s.size() > 64) return false;
  auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); };
  if (!alnum(s[0])) return false;
  for (char c : s) {
    if (!alnum(c) && c != '_' && c != '-' && c != '.') return false;
  }
  return true;
}

}  // namespace

std::string index_path(const std::string& path, std::size_t index) { return fmt::format("{}[{}]", path, index); }

SourceLocation YamlReader::location(const YAML::Node& node) const {
  YAML::Mark mark = node.Mark();
  if (mark.is_null()) return {file_, 0, 0};
  return {file_, mark.line + 1, mark.column + 1};
}

void YamlReader::error(const YAML::Node& at, const std::string& path, LocalizedText message) { error(location(at), path, std::move(message)); }

void YamlReader::error(const SourceLocation& at, const std::string& path, LocalizedText message) {
  if (full()) {
    ++suppressed_;
    return;
  }
  errors_.push_back(Diagnostic{at, path, std::move(message)});
}

std::optional<Diagnostic> YamlReader::suppressed_errors() const {
  if (suppressed_ == 0) return std::nullopt;
  return Diagnostic{{file_, 0, 0},
                    "",
                    {fmt::format("dan {} galat lagi (hanya {} yang pertama ditampilkan)", suppressed_, limits::kMaxFrameworkErrors),
                     fmt::format("and {} more errors (only the first {} are shown)", suppressed_, limits::kMaxFrameworkErrors)}};
}

bool YamlReader::expect_map(const YAML::Node& node, const std::string& path) {
  if (!node.IsDefined()) return false;  // missing: reported by required() if it had to be there
  if (node.IsMap()) return true;
  LocalizedText found = kind_name(node);
  error(node, path, {"diharapkan mapping (kunci: nilai), ditemukan " + found.id, "expected a mapping (key: value), found " + found.en});
  return false;
}

bool YamlReader::expect_sequence(const YAML::Node& node, const std::string& path) {
  if (!node.IsDefined()) return false;  // missing: reported by required() if it had to be there
  if (node.IsSequence()) return true;
  LocalizedText found = kind_name(node);
  error(node, path, {"diharapkan daftar (- ...), ditemukan " + found.id, "expected a sequence (- ...), found " + found.en});
  return false;
}

std::optional<std::string> YamlReader::string(const YAML::Node& node, const std::string& path) {
  if (!node.IsDefined()) return std::nullopt;  // a missing key is reported once, by required()
  if (node.IsScalar()) {
    // The file is UTF-8, but a YAML escape ("\x85") can still make a byte that is not.
    if (!is_valid_utf8(node.Scalar())) {
      error(node, path, {"teks bukan UTF-8 yang valid (periksa escape seperti \\x85)", "the text is not valid UTF-8 (check escapes such as \\x85)"});
      return std::nullopt;
    }
    return node.Scalar();
  }
  LocalizedText found = kind_name(node);
  error(node, path, {"diharapkan teks, ditemukan " + found.id, "expected a text, found " + found.en});
  return std::nullopt;
}

std::optional<Decimal> YamlReader::decimal(const YAML::Node& node, const std::string& path) {
  if (!node.IsDefined()) return std::nullopt;  // a missing key is reported once, by required()
  if (node.IsScalar()) {
    if (auto d = Decimal::parse(node.Scalar())) return d;
  }
  LocalizedText found = kind_name(node);
  error(node, path, {"diharapkan bilangan desimal seperti 2.75, ditemukan " + found.id, "expected a decimal number such as 2.75, found " + found.en});
  return std::nullopt;
}

std::optional<long long> YamlReader::integer(const YAML::Node& node, const std::string& path, long long min, long long max) {
  if (!node.IsDefined()) return std::nullopt;  // a missing key is reported once, by required()
  if (node.IsScalar()) {
    auto d = Decimal::parse(node.Scalar());
    if (d && d->is_integer() && d->mantissa() >= min && d->mantissa() <= max) return d->mantissa();
  }
  LocalizedText found = kind_name(node);
  error(node, path,
        {fmt::format("diharapkan bilangan bulat dari {} sampai {}, ditemukan {}", min, max, found.id),
         fmt::format("expected a whole number from {} to {}, found {}", min, max, found.en)});
  return std::nullopt;
}

std::optional<bool> YamlReader::boolean(const YAML::Node& node, const std::string& path) {
  if (!node.IsDefined()) return std::nullopt;  // a missing key is reported once, by required()
  if (node.IsScalar()) {
    const std::string& s = node.Scalar();
    if (s == "true") return true;
    if (s == "false") return false;
  }
  LocalizedText found = kind_name(node);
  error(node, path, {"diharapkan true atau false, ditemukan " + found.id, "expected true or false, found " + found.en});
  return std::nullopt;
}

std::optional<std::string> YamlReader::choice(const YAML::Node& node, const std::string& path, const LocalizedText& what,
                                              const std::vector<std::string>& choices) {
  auto value = string(node, path);
  if (!value) return std::nullopt;
  for (const auto& c : choices) {
    if (c == *value) return value;
  }
  if (auto suggestion = closest_match(*value, choices)) {
    error(node, path,
          {fmt::format("{} '{}' tidak dikenal; maksud Anda '{}'?", what.id, *value, *suggestion),
           fmt::format("unknown {} '{}'; did you mean '{}'?", what.en, *value, *suggestion)});
  } else {
    error(node, path,
          {fmt::format("{} '{}' tidak dikenal; pilihan: {}", what.id, *value, join(choices)),
           fmt::format("unknown {} '{}'; expected one of: {}", what.en, *value, join(choices))});
  }
  return std::nullopt;
}

std::optional<std::string> YamlReader::identifier(const YAML::Node& node, const std::string& path) {
  auto value = string(node, path);
  if (!value) return std::nullopt;
  if (is_identifier(*value)) return value;
  error(node, path,
        {fmt::format("id '{}' tidak valid; gunakan huruf, angka, '_', '-' atau '.', diawali huruf atau angka, paling panjang 64", *value),
         fmt::format("invalid id '{}'; use letters, digits, '_', '-' or '.', starting with a letter or digit, at most 64 long", *value)});
  return std::nullopt;
}

std::optional<LocalizedText> YamlReader::text(const YAML::Node& node, const std::string& path) {
  if (!node.IsDefined()) return std::nullopt;  // a missing key is reported once, by required()
  if (node.IsScalar()) {
    auto plain = string(node, path);
    if (!plain) return std::nullopt;
    return LocalizedText{*plain, *plain};
  }
  if (!node.IsMap()) {
    LocalizedText found = kind_name(node);
    error(node, path, {"diharapkan teks atau {id: ..., en: ...}, ditemukan " + found.id, "expected a text or {id: ..., en: ...}, found " + found.en});
    return std::nullopt;
  }
  MapReader map(*this, node, path, {"id", "en"});
  LocalizedText out;
  if (auto id = string(map.required("id"), map.path_of("id"))) out.id = *id;
  if (map.has("en")) {
    if (auto en = string(map.get("en"), map.path_of("en"))) out.en = *en;
  }
  if (out.id.empty()) return std::nullopt;
  return out;
}

std::vector<std::string> YamlReader::string_list(const YAML::Node& node, const std::string& path) {
  std::vector<std::string> out;
  if (!node.IsDefined()) return out;
  if (node.IsScalar()) {
    out.push_back(node.Scalar());
    return out;
  }
  if (!expect_sequence(node, path)) return out;
  for (std::size_t i = 0; i < node.size(); ++i) {
    if (auto s = string(node[i], index_path(path, i))) out.push_back(*s);
  }
  return out;
}

MapReader::MapReader(YamlReader& reader, const YAML::Node& node, std::string path, std::vector<std::string> allowed_keys)
    : reader_(reader), node_(node), path_(std::move(path)) {
  if (!reader_.expect_map(node_, path_)) return;
  valid_ = true;
  std::set<std::string> seen;
  for (const auto& entry : node_) {
    const YAML::Node& key = entry.first;
    if (!key.IsScalar()) {
      reader_.error(key, path_, {"kunci harus berupa teks", "keys must be plain text"});
      continue;
    }
    const std::string& name = key.Scalar();
    if (!seen.insert(name).second) {
      reader_.error(key, path_of(name),
                    {fmt::format("kunci '{}' muncul lebih dari sekali", name), fmt::format("key '{}' appears more than once", name)});
      continue;
    }
    bool known = false;
    for (const auto& allowed : allowed_keys) known = known || allowed == name;
    if (known) continue;
    if (auto suggestion = closest_match(name, allowed_keys)) {
      reader_.error(key, path_of(name),
                    {fmt::format("kunci '{}' tidak dikenal; maksud Anda '{}'?", name, *suggestion),
                     fmt::format("unknown key '{}'; did you mean '{}'?", name, *suggestion)});
    } else {
      reader_.error(key, path_of(name),
                    {fmt::format("kunci '{}' tidak dikenal; kunci yang berlaku: {}", name, join(allowed_keys)),
                     fmt::format("unknown key '{}'; expected one of: {}", name, join(allowed_keys))});
    }
  }
}

bool MapReader::has(const std::string& key) const {
  if (!valid_) return false;
  for (const auto& entry : node_) {
    if (entry.first.IsScalar() && entry.first.Scalar() == key) return true;
  }
  return false;
}

YAML::Node MapReader::get(const std::string& key) const {
  if (!valid_) return YAML::Node(YAML::NodeType::Undefined);
  // Iterate instead of node_[key]: operator[] on a const node is fine, but
  // iteration finds the first occurrence without any conversion of keys.
  for (const auto& entry : node_) {
    if (entry.first.IsScalar() && entry.first.Scalar() == key) return entry.second;
  }
  return YAML::Node(YAML::NodeType::Undefined);
}

YAML::Node MapReader::required(const std::string& key) const {
  YAML::Node value = get(key);
  if (valid_ && !value.IsDefined()) {
    reader_.error(node_, path_of(key), {fmt::format("kunci wajib '{}' tidak ada", key), fmt::format("missing required key '{}'", key)});
  }
  return value;
}

}  // namespace siap
