// Heterogeneous lookup for string-keyed hash maps: find(string_view)
// without building a std::string per lookup.
#pragma once

#include <cstddef>
#include <functional>
#include <string_view>

namespace siap {

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

}  // namespace siap
