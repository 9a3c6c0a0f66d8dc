#include "siap/folding.hpp"

namespace siap {
namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; }

}  // namespace

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = lower(c);
  return out;
}

std::string fold_header(std::string_view header) {
  std::string out;
  fold_header_into(header, out);
  return out;
}

void fold_header_into(std::string_view header, std::string& out) {
  out.resize(header.size());
  char* w = out.data();
  for (char c : header) {
    if (c == ' ' || c == '_' || c == '-' || c == '\t') continue;
    *w++ = lower(c);
  }
  out.resize(std::size_t(w - out.data()));
}

std::string fold_answer(std::string_view answer) {
  std::string out;
  out.reserve(answer.size());
  for (char c : answer) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (u >= 0x80 || std::isalnum(u)) out += char(std::tolower(u));
  }
  return out;
}

}  // namespace siap
