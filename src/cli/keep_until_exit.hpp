// A one-shot command's largest result handed to the end of the process
// instead of being freed piece by piece: a national unit sheet's assessment
// is 238,000 units' names, results and scores, and freeing them cost about
// 100 million instructions (docs/performance.md, session 9), while the
// kernel reclaims the whole heap at exit either way (siap never gives heap
// memory back earlier: util/huge_page_heap.hpp). Only for commands that
// run once per process: what is kept is never destroyed. It stays reachable
// from a static, so LeakSanitizer does not report it.
#pragma once

#include <memory>
#include <type_traits>
#include <utility>
#include <vector>

namespace siap::cli {

template <typename T>
std::decay_t<T>& keep_until_exit(T&& value) {
  static auto* kept = new std::vector<std::shared_ptr<void>>();
  auto held = std::make_shared<std::decay_t<T>>(std::forward<T>(value));
  kept->push_back(held);
  return *held;
}

}  // namespace siap::cli
