#include "util/huge_pages.hpp"

#include <sys/mman.h>

#include <cstdlib>
#include <new>

namespace siap {

void* map_huge_pages(std::size_t bytes) {
  void* p = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) throw std::bad_alloc();
  ::madvise(p, bytes, MADV_HUGEPAGE);  // a hint; harmless where unsupported
  return p;
}

void unmap_huge_pages(void* p, std::size_t bytes) { ::munmap(p, bytes); }

namespace detail {

void* allocate_row_storage(std::size_t bytes) {
  if (bytes >= kHugePageThreshold) return map_huge_pages(bytes);
  void* p = std::malloc(bytes == 0 ? 1 : bytes);
  if (p == nullptr) throw std::bad_alloc();
  return p;
}

void release_row_storage(void* p, std::size_t bytes) noexcept {
  if (bytes >= kHugePageThreshold) {
    unmap_huge_pages(p, bytes);
  } else {
    std::free(p);
  }
}

}  // namespace detail
}  // namespace siap
