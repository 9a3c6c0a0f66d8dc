#include "util/huge_page_heap.hpp"

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "util/huge_pages.hpp"

namespace siap {

namespace {

constexpr std::uintptr_t kHugePage = kHugePageBytes;

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitizedAllocator = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer)
constexpr bool kSanitizedAllocator = true;
#else
constexpr bool kSanitizedAllocator = false;
#endif
#else
constexpr bool kSanitizedAllocator = false;
#endif

// Set once the process heap is placed: workers follow.
std::atomic<bool> placed{false};

// Marks [block, block + bytes) for huge pages, whole huge pages only.
void mark(void* block, std::size_t bytes) {
  const auto begin = (reinterpret_cast<std::uintptr_t>(block) + kHugePage - 1) & ~(kHugePage - 1);
  const auto end = (reinterpret_cast<std::uintptr_t>(block) + bytes) & ~(kHugePage - 1);
  if (end > begin) ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);  // a hint
}

bool disabled_by_environment() {
  const char* value = std::getenv("SIAP_HUGE_PAGES");
  return value != nullptr && std::strcmp(value, "0") == 0;
}

}  // namespace

void place_heap_on_huge_pages(std::size_t reserve_bytes) {
  if (kSanitizedAllocator) return;  // its allocator ignores mallopt and would only hold the block
  // Every block from the heap, however large, and nothing handed back to the
  // system until exit: a freed array's pages are reused without new faults.
  // The reservation below must stay under the trim threshold, or free() would
  // hand it straight back.
  constexpr int kTwoGiB = 0x7fffffff;
  mallopt(M_MMAP_THRESHOLD, kTwoGiB);
  mallopt(M_TRIM_THRESHOLD, kTwoGiB);
  if (disabled_by_environment()) return;
  // A quarter of physical memory at most: address space only, but a strict
  // overcommit policy would count it.
  const long pages = ::sysconf(_SC_PHYS_PAGES);
  const long page_size = ::sysconf(_SC_PAGESIZE);
  if (pages > 0 && page_size > 0) {
    const std::size_t quarter = std::size_t(pages) / 4 * std::size_t(page_size);
    if (reserve_bytes > quarter) reserve_bytes = quarter;
  }
  if (reserve_bytes > std::size_t(kTwoGiB) / 2) reserve_bytes = std::size_t(kTwoGiB) / 2;
  if (reserve_bytes < 2 * kHugePage) return;
  void* block = std::malloc(reserve_bytes);  // the heap's top, grown with brk
  if (block == nullptr) return;
  mark(block, reserve_bytes);
  std::free(block);  // back to malloc as the heap's free top, still marked
  placed = true;
}

void place_thread_heap_on_huge_pages() {
  if (!placed) return;
  // Most of a thread heap's 64 MiB: its top grows into it (mprotect) and,
  // freed, stays there (the trim threshold above). A larger request would
  // be a mapping of its own, unmapped when freed.
  constexpr std::size_t kThreadReserve = std::size_t(48) << 20;
  void* block = std::malloc(kThreadReserve);
  if (block == nullptr) return;
  mark(block, kThreadReserve);
  std::free(block);
}

}  // namespace siap
