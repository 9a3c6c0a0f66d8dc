// A small valid framework document with numbered lines, and helpers to
// change one line and collect the errors, for the loader's and the
// validator's tests: each test names the line it changed, so the expected
// file:line:col can be read off the text below.
#pragma once

#include <sstream>
#include <string>
#include <vector>

#include "siap/framework_loader.hpp"

namespace mini_framework {

using siap::Lang;

inline const char* const kBase =
    "schema: siap/framework/v1\n"                            // 1
    "id: mini\n"                                             // 2
    "version: \"1\"\n"                                       // 3
    "title: {id: Mini, en: Mini}\n"                          // 4
    "status: project-defined\n"                              // 5
    "input: {kind: units, unit_column: wilayah}\n"           // 6
    "score: {min: 1, max: 5}\n"                              // 7
    "scale: lima\n"                                          // 8
    "scales:\n"                                              // 9
    "  - {id: lima, type: ordinal, min: 1, max: 5}\n"        // 10
    "bands:\n"                                               // 11
    "  - id: predikat\n"                                     // 12
    "    ranges:\n"                                          // 13
    "      - {id: rendah, label: Rendah, from: 1, to: 3}\n"  // 14
    "      - {id: tinggi, label: Tinggi, from: 3, to: 5}\n"  // 15
    "tree:\n"                                                // 16
    "  - id: a\n"                                            // 17
    "    name: A\n"                                          // 18
    "    weight: 2\n"                                        // 19
    "    children:\n"                                        // 20
    "      - {id: a1, name: A1, weight: 1}\n"                // 21
    "      - {id: a2, name: A2, weight: 3}\n"                // 22
    "  - id: b\n"                                            // 23
    "    name: B\n"                                          // 24
    "    weight: 1\n";                                       // 25

// kBase with line `n` (1-based) replaced by `text` (which may hold several
// lines, or be empty to delete the line).
inline std::string with_line(int n, const std::string& text) {
  std::istringstream in(kBase);
  std::string line, out;
  for (int i = 1; std::getline(in, line); ++i) {
    if (i == n) {
      if (!text.empty()) out += text + "\n";
    } else {
      out += line + "\n";
    }
  }
  return out;
}

inline std::vector<std::string> errors(const std::string& text, Lang lang = Lang::en) {
  auto fw = siap::load_framework(text, "fw.yaml");
  std::vector<std::string> out;
  if (!fw) {
    for (const auto& e : fw.errors()) out.push_back(e.render(lang));
  }
  return out;
}

using Lines = std::vector<std::string>;

}  // namespace mini_framework
