// Large arrays (respondent answers, scores, row indices) on transparent huge
// pages: blocks of 2 MiB or more are mapped directly and marked, so that
// filling 60 MB of answers takes ~30 page faults instead of ~15,000. On the
// development VM a page fault costs about 5 us, which made faults a quarter
// of the run time. Smaller blocks come from malloc.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>

#include "siap/row_allocator.hpp"

namespace siap {

// A transparent huge page on x86-64.
inline constexpr std::size_t kHugePageBytes = std::size_t(2) << 20;

// From this size on, row storage is mapped (and can be handed back to the
// system page by page with madvise).
inline constexpr std::size_t kHugePageThreshold = kHugePageBytes;

// Maps `bytes` of memory, uninitialised (as malloc's), on a 2 MiB boundary
// and marked for transparent huge pages (a hint; harmless where
// unsupported); throws std::bad_alloc. Pages that unmap_huge_pages kept are
// moved in first, so that they are not cleared and faulted again. Blocks
// are mapped in whole huge pages, untouched ones costing address space only.
void* map_huge_pages(std::size_t bytes);
// Unmaps a block of map_huge_pages (the same `bytes`), keeping up to 64 MiB
// of its pages for the next mapping.
void unmap_huge_pages(void* p, std::size_t bytes);

// Memory about to be written for the first time, backed by the kernel ahead
// of the writes (MADV_POPULATE_WRITE) in runs of a huge page taken by
// whichever threads call work(): clearing fresh pages is then shared by a
// core that would otherwise wait, instead of falling on the first writer.
// Best effort: where the kernel cannot (before Linux 5.14), work() does
// nothing and the writes fault as usual.
class PagePopulator {
 public:
  PagePopulator(const void* p, std::size_t bytes);
  void work();  // until every run is taken

 private:
  std::uintptr_t begin_ = 0, end_ = 0;  // whole 4 KiB pages within the block
  std::atomic<std::uintptr_t> next_;
};

// The same storage for the library's own large arrays.
template <typename T>
using HugePageAllocator = RowAllocator<T>;

}  // namespace siap
