#include "siap/diagnostic.hpp"

#include <fmt/format.h>

#include "siap/utf8.hpp"

namespace siap {

std::string Diagnostic::render(Lang lang) const {
  std::string out = where.file;
  if (where.line > 0) out += where.column > 0 ? fmt::format(":{}:{}", where.line, where.column) : fmt::format(":{}", where.line);
  out += ": ";
  out += message.in(lang);
  if (!path.empty()) out += (lang == Lang::en ? " (at " : " (di ") + path + ")";
  // A file name from the command line, or a value quoted from input, may hold any bytes.
  return escape_invalid_utf8(out);
}

}  // namespace siap
