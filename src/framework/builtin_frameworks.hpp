// The framework files compiled into the binary (generated from
// frameworks/*.yaml by cmake/embed_frameworks.cmake).
#pragma once

#include <span>
#include <string_view>

namespace siap {

struct BuiltinFile {
  std::string_view name;  // file name, e.g. "spbe-2020.yaml"
  std::string_view text;
};

std::span<const BuiltinFile> builtin_framework_files();

}  // namespace siap
