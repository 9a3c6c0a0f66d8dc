// Text folded for matching what people type against what a framework names:
// one definition, used by header matching, answer labels and the validator's
// duplicate checks.
#pragma once

#include <cctype>
#include <string>
#include <string_view>

namespace siap {

// ASCII letters lowercased; every other byte (UTF-8 included) as it is.
std::string ascii_lower(std::string_view text);
// ascii_lower without spaces, tabs, '_' and '-': "Kabupaten/Kota" and
// "kabupaten_kota " fold alike, as do "Tata Kelola" and "tata-kelola".
std::string fold_header(std::string_view header);
// The same into `out` (replaced), for callers that fold a text per row and
// reuse one buffer.
void fold_header_into(std::string_view header, std::string& out);
// ascii_lower keeping only letters, digits and non-ASCII bytes: answers as
// people and tools write them ("Sangat setuju.", "sangat-setuju",
// "SANGAT SETUJU") fold alike.
std::string fold_answer(std::string_view answer);
// Without leading and trailing whitespace (inline: called for every cell).
inline std::string_view trim(std::string_view s) {
  if (s.empty() || (static_cast<unsigned char>(s.front()) > ' ' && static_cast<unsigned char>(s.back()) > ' ')) return s;
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

}  // namespace siap
