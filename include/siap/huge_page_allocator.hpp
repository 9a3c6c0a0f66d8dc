// An allocator for the few large arrays (respondent answers): blocks of 2 MiB
// or more are mapped directly and marked for transparent huge pages, so that
// filling 60 MB of answers takes ~30 page faults instead of ~15,000. On the
// development VM a page fault costs about 5 us, which made faults a quarter
// of the run time.
#pragma once

#include <sys/mman.h>

#include <cstddef>
#include <cstdlib>
#include <new>

namespace siap {

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
    void* p = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) throw std::bad_alloc();
    ::madvise(p, bytes, MADV_HUGEPAGE);  // a hint; harmless where unsupported
    return static_cast<T*>(p);
  }

  void deallocate(T* p, std::size_t n) {
    std::size_t bytes = n * sizeof(T);
    if (bytes < kThreshold) {
      std::free(p);
    } else {
      ::munmap(p, bytes);
    }
  }

  template <typename U>
  bool operator==(const HugePageAllocator<U>&) const { return true; }
};

}  // namespace siap
