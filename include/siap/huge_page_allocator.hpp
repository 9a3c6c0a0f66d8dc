// An allocator for the few large arrays (respondent answers): blocks of 2 MiB
// or more are mapped directly and marked for transparent huge pages, so that
// filling 60 MB of answers takes ~30 page faults instead of ~15,000. On the
// development VM a page fault costs about 5 us, which made faults a quarter
// of the run time.
#pragma once

#include <cstddef>
#include <cstdlib>
#include <new>

namespace siap {

// Maps `bytes` of zeroed memory marked for transparent huge pages (a hint;
// harmless where unsupported); throws std::bad_alloc. src/util/huge_pages.cpp.
void* map_huge_pages(std::size_t bytes);
void unmap_huge_pages(void* p, std::size_t bytes);

template <typename T>
struct HugePageAllocator {
  using value_type = T;
  static constexpr std::size_t kThreshold = 2u << 20;

  HugePageAllocator() = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>&) {}

  T* allocate(std::size_t n) {
    std::size_t bytes = n * sizeof(T);
    if (bytes < kThreshold) {
      void* p = std::malloc(bytes == 0 ? 1 : bytes);
      if (p == nullptr) throw std::bad_alloc();
      return static_cast<T*>(p);
    }
    return static_cast<T*>(map_huge_pages(bytes));
  }

  void deallocate(T* p, std::size_t n) {
    std::size_t bytes = n * sizeof(T);
    if (bytes < kThreshold) {
      std::free(p);
    } else {
      unmap_huge_pages(p, bytes);
    }
  }

  template <typename U>
  bool operator==(const HugePageAllocator<U>&) const {
    return true;
  }
};

}  // namespace siap
