#include "siap/utf8.hpp"

#include <cstdint>
#include <cstring>

#include <fmt/format.h>

namespace siap {

std::size_t valid_utf8_prefix(const unsigned char* p, std::size_t n, bool& incomplete) {
  std::size_t i = 0;
  incomplete = false;
  while (i < n) {
    // Fast path: eight ASCII bytes at a time.
    if (i + 8 <= n) {
      std::uint64_t word;
      std::memcpy(&word, p + i, 8);
      if ((word & 0x8080808080808080ull) == 0) {
        i += 8;
        continue;
      }
    }
    unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c <= 0xDF ? 2 : 0;
    if (len == 0 || c > 0xF4) return i;
    if (i + len > n) {
      for (std::size_t k = i + 1; k < n; ++k) {
        if ((p[k] & 0xC0) != 0x80) return i;
      }
      incomplete = true;
      return i;
    }
    for (std::size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return i;
    }
    // Overlong, surrogate and out-of-range forms.
    if (len == 3 && ((c == 0xE0 && p[i + 1] < 0xA0) || (c == 0xED && p[i + 1] >= 0xA0))) return i;
    if (len == 4 && ((c == 0xF0 && p[i + 1] < 0x90) || (c == 0xF4 && p[i + 1] >= 0x90))) return i;
    i += len;
  }
  return i;
}

bool is_valid_utf8(std::string_view text) {
  bool incomplete = false;
  return valid_utf8_prefix(reinterpret_cast<const unsigned char*>(text.data()), text.size(), incomplete) == text.size();
}

std::string escape_invalid_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t n = text.size();
  while (n > 0) {
    bool incomplete = false;
    std::size_t valid = valid_utf8_prefix(p, n, incomplete);
    out.append(reinterpret_cast<const char*>(p), valid);
    if (valid == n) break;
    out += fmt::format("\\x{:02X}", p[valid]);
    p += valid + 1;
    n -= valid + 1;
  }
  return out;
}

std::size_t code_points(std::string_view text) {
  std::size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

std::size_t whole_characters(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return text.size();
  std::size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;  // text[end] starts the cut character
  return end;
}

std::string shorten(std::string_view text, std::size_t max) {
  if (max == 0) return "";
  std::size_t seen = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (seen == max - 1) {
      // text[i] starts the max-th code point: cut here if any follows it.
      std::size_t next = i + 1;
      while (next < text.size() && (static_cast<unsigned char>(text[next]) & 0xC0) == 0x80) ++next;
      if (next == text.size()) return std::string(text);
      return std::string(text.substr(0, i)) + "\xE2\x80\xA6";
    }
    ++seen;
  }
  return std::string(text);
}

}  // namespace siap
