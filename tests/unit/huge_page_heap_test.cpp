#include <catch2/catch.hpp>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include "util/huge_page_heap.hpp"

namespace {

// The VmFlags line of the mapping in /proc/self/smaps that holds `p`, or "".
std::string flags_of_mapping_holding(const void* p) {
  const auto at = reinterpret_cast<std::uintptr_t>(p);
  std::ifstream smaps("/proc/self/smaps");
  std::string line;
  bool inside = false;
  while (std::getline(smaps, line)) {
    const auto dash = line.find('-');
    const auto space = line.find(' ');
    if (dash != std::string::npos && space != std::string::npos && dash < space && line.find(':') > space) {
      const auto begin = std::stoull(line.substr(0, dash), nullptr, 16);
      const auto end = std::stoull(line.substr(dash + 1, space - dash - 1), nullptr, 16);
      inside = begin <= at && at < end;
    } else if (inside && line.rfind("VmFlags:", 0) == 0) {
      return line;
    }
  }
  return "";
}

bool sanitized() {
#if defined(__SANITIZE_ADDRESS__)
  return true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
  return true;
#else
  return false;
#endif
#else
  return false;
#endif
}

// Whether this build and kernel can show the marking; says why not.
bool testable() {
  if (sanitized()) {
    WARN("skipped: a sanitizer's allocator is left alone");
    return false;
  }
  if (!std::ifstream("/sys/kernel/mm/transparent_hugepage/enabled")) {
    WARN("skipped: this kernel has no transparent huge pages");
    return false;
  }
  return true;
}

// A block of `bytes` from the calling thread's heap, touched, freed: the
// VmFlags of the mapping that held its middle.
std::string flags_of_a_block(std::size_t bytes) {
  void* block = std::malloc(bytes);
  if (block == nullptr) return "";
  static_cast<char*>(block)[bytes - 1] = 1;
  std::string flags = flags_of_mapping_holding(static_cast<char*>(block) + bytes / 2);
  std::free(block);
  return flags;
}

bool marked_for_huge_pages(const std::string& flags) {
  std::istringstream words(flags);
  std::string word;
  while (words >> word) {
    if (word == "hg") return true;
  }
  return false;
}

}  // namespace

TEST_CASE("the heap is grown on memory marked for huge pages, and a large block is carved from it", "[util][huge-pages]") {
  if (!testable()) return;
  siap::place_heap_on_huge_pages(std::size_t(256) << 20);
  // Larger than glibc's default mmap threshold (128 KiB, at most 32 MiB):
  // without the heap's settings this block would be a mapping of its own.
  const std::string flags = flags_of_a_block(std::size_t(40) << 20);
  INFO(flags);
  CHECK(marked_for_huge_pages(flags));
}

TEST_CASE("a worker thread's heap is marked for huge pages too", "[util][huge-pages]") {
  if (!testable()) return;
  siap::place_heap_on_huge_pages(std::size_t(256) << 20);
  std::string flags;
  std::thread worker([&] {
    siap::place_thread_heap_on_huge_pages();
    // A block of a few MiB from this thread's own arena, as a part loader's arrays are.
    flags = flags_of_a_block(std::size_t(8) << 20);
  });
  worker.join();
  INFO(flags);
  CHECK(marked_for_huge_pages(flags));
}
