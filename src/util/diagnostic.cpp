#include "siap/diagnostic.hpp"

#include <fmt/format.h>

namespace siap {

std::string Diagnostic::render(Lang lang) const {
  std::string out = where.file;
  if (where.line > 0) out += where.column > 0 ? fmt::format(":{}:{}", where.line, where.column) : fmt::format(":{}", where.line);
  out += ": ";
  out += message.in(lang);
  if (!path.empty()) out += (lang == Lang::en ? " (at " : " (di ") + path + ")";
  return out;
}

}  // namespace siap
