#include "util/huge_pages.hpp"

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <mutex>
#include <new>

namespace siap {

namespace {

constexpr std::uintptr_t kHugePage = kHugePageBytes;

// A block's mapped length: whole huge pages. Its tail was 4 KiB pages,
// faulted one by one and never kept for reuse (below); a tail huge page is
// faulted only when touched, like the rest.
std::uintptr_t mapped_length(std::size_t bytes) { return (std::uintptr_t(bytes) + kHugePage - 1) & ~(kHugePage - 1); }

// Huge pages freed by one large array, kept for the next mapping. On the
// development VM memory first touched costs about 1.7 ms per MiB (the page
// is cleared, and the host backs it), and a national unit sheet frees the
// arrays of its second part just before it maps its 65 MiB score block. A
// kept page is moved into the new mapping with mremap (page tables, not
// bytes), so it is not cleared or faulted again. At most kMaxKept, so that
// memory no later array asks for is not held for long.
class KeptPages {
 public:
  static constexpr std::size_t kMaxKept = 32;  // 64 MiB

  // Keeps the huge page at `page` (aligned); false when full.
  bool keep(std::uintptr_t page) {
    std::lock_guard lock(mutex_);
    if (count_ == kMaxKept) return false;
    pages_[count_++] = page;
    return true;
  }
  // A kept page, or 0.
  std::uintptr_t take() {
    std::lock_guard lock(mutex_);
    return count_ == 0 ? 0 : pages_[--count_];
  }

 private:
  std::mutex mutex_;
  std::array<std::uintptr_t, kMaxKept> pages_{};
  std::size_t count_ = 0;
};

KeptPages& kept_pages() {
  static KeptPages* pages = new KeptPages;  // never destroyed: blocks may be freed during exit
  return *pages;
}

}  // namespace

void* map_huge_pages(std::size_t bytes) {
  // Started on a huge page boundary: the kernel places a mapping anywhere,
  // and the part of it before the first boundary was then faulted 4 KiB at
  // a time (a 3.7 MiB array half so; thousands of faults per national unit
  // sheet).
  const std::uintptr_t length = mapped_length(bytes);
  void* p = ::mmap(nullptr, length + kHugePage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) throw std::bad_alloc();
  const auto raw = reinterpret_cast<std::uintptr_t>(p);
  const auto begin = (raw + kHugePage - 1) & ~(kHugePage - 1);
  if (begin > raw) ::munmap(p, begin - raw);
  const auto end = raw + length + kHugePage;
  if (end > begin + length) ::munmap(reinterpret_cast<void*>(begin + length), end - (begin + length));
  ::madvise(reinterpret_cast<void*>(begin), length, MADV_HUGEPAGE);  // a hint; harmless where unsupported
  // Its pages from those kept, as far as they go (their bytes are what the
  // last array left there: the storage is uninitialised, as malloc's is).
  for (std::uintptr_t at = begin; at < begin + length; at += kHugePage) {
    const std::uintptr_t page = kept_pages().take();
    if (page == 0) break;
    void* moved = ::mremap(reinterpret_cast<void*>(page), kHugePage, kHugePage, MREMAP_MAYMOVE | MREMAP_FIXED, reinterpret_cast<void*>(at));
    if (moved == MAP_FAILED) ::munmap(reinterpret_cast<void*>(page), kHugePage);  // `at` stays as mapped: fresh
  }
  return reinterpret_cast<void*>(begin);
}

void unmap_huge_pages(void* p, std::size_t bytes) {
  // Its huge pages are kept for the next mapping while there is room; the
  // rest are handed back.
  const auto begin = reinterpret_cast<std::uintptr_t>(p), end = begin + mapped_length(bytes);
  std::uintptr_t at = begin;
  while (at < end && kept_pages().keep(at)) at += kHugePage;
  if (at < end) ::munmap(reinterpret_cast<void*>(at), end - at);
}

PagePopulator::PagePopulator(const void* p, std::size_t bytes) {
  const std::uintptr_t page = std::uintptr_t(::sysconf(_SC_PAGESIZE) > 0 ? ::sysconf(_SC_PAGESIZE) : 4096);
  const auto at = reinterpret_cast<std::uintptr_t>(p);
  begin_ = (at + page - 1) / page * page;
  end_ = (at + bytes) / page * page;
  if (end_ < begin_) end_ = begin_;
  next_ = begin_ & ~(kHugePage - 1);  // runs are whole huge pages, so that no two threads fault the same one
}

void PagePopulator::work() {
#ifdef MADV_POPULATE_WRITE
  for (std::uintptr_t from = next_.fetch_add(kHugePage); from < end_; from = next_.fetch_add(kHugePage)) {
    const std::uintptr_t start = std::max(from, begin_), to = std::min<std::uintptr_t>(end_, from + kHugePage);
    if (start < to && ::madvise(reinterpret_cast<void*>(start), to - start, MADV_POPULATE_WRITE) != 0) {
      next_ = end_;  // not supported here (or no memory now): the writes will fault as usual
      return;
    }
  }
#endif
}

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
