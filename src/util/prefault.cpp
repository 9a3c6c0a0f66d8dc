#include "util/prefault.hpp"

#include <sys/mman.h>

#include <algorithm>
#include <cstdint>
#include <system_error>

namespace siap {
namespace {

#ifdef MADV_POPULATE_WRITE
constexpr int kPopulateWrite = MADV_POPULATE_WRITE;
#else
constexpr int kPopulateWrite = 23;  // Linux 5.14; older kernels answer EINVAL
#endif

constexpr std::uintptr_t kPage = 4096;
// Faulted a slice at a time, so that a failure stops early.
constexpr std::uintptr_t kSlice = 2u << 20;

}  // namespace

bool prefault_now(std::span<std::byte> range) {
  // Whole pages only: a partial page at either end may be shared with
  // memory that is not ours to touch (it is already faulted in if used).
  const auto begin = (reinterpret_cast<std::uintptr_t>(range.data()) + kPage - 1) & ~(kPage - 1);
  const auto end = (reinterpret_cast<std::uintptr_t>(range.data()) + range.size()) & ~(kPage - 1);
  for (std::uintptr_t at = begin; at < end; at += kSlice) {
    if (::madvise(reinterpret_cast<void*>(at), std::min(kSlice, end - at), kPopulateWrite) != 0) return false;
  }
  return true;
}

void Prefault::start(std::vector<std::span<std::byte>> ranges) {
  wait();
  try {
    thread_ = std::thread([ranges = std::move(ranges)] {
      for (std::span<std::byte> range : ranges) {
        if (!prefault_now(range)) return;
      }
    });
  } catch (const std::system_error&) {
    // No thread to spare: the pages are faulted in when first written, as without this.
  }
}

void Prefault::wait() {
  if (thread_.joinable()) thread_.join();
}

}  // namespace siap
