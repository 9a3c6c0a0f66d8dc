#include <sys/mman.h>

#include <new>

#include "siap/huge_page_allocator.hpp"

namespace siap {

void* map_huge_pages(std::size_t bytes) {
  void* p = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) throw std::bad_alloc();
  ::madvise(p, bytes, MADV_HUGEPAGE);  // a hint; harmless where unsupported
  return p;
}

void unmap_huge_pages(void* p, std::size_t bytes) { ::munmap(p, bytes); }

}  // namespace siap
