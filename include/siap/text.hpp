// Output language and bilingual text. Indonesian is the default everywhere;
// English is on request (--lang en).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace siap {

enum class Lang { id, en };

std::optional<Lang> parse_lang(std::string_view code);

// A text in Indonesian (always present) and English (falls back to the
// Indonesian text when a framework gives none).
struct LocalizedText {
  std::string id;
  std::string en;

  const std::string& in(Lang lang) const { return lang == Lang::en && !en.empty() ? en : id; }
  bool empty() const { return id.empty() && en.empty(); }
};

}  // namespace siap
