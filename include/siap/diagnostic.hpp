// Errors are values: a location in a file, a node path inside the document,
// and a message in both output languages.
#pragma once

#include <string>
#include <vector>

#include "siap/text.hpp"

namespace siap {

struct SourceLocation {
  std::string file;  // as given by the user, or "<builtin>/name.yaml"
  int line = 0;      // 1-based; 0 when unknown
  int column = 0;    // 1-based; 0 when unknown
};

struct Diagnostic {
  SourceLocation where;
  std::string path;  // node path, e.g. "tree[3].children[1].weight"; may be empty
  LocalizedText message;

  // "file:line:col: message (at path)", the form compilers use, so editors
  // can jump to the spot.
  std::string render(Lang lang) const;
};

using Diagnostics = std::vector<Diagnostic>;

}  // namespace siap
