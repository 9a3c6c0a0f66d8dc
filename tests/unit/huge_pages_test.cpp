#include <catch2/catch.hpp>

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <vector>

#include "util/huge_pages.hpp"
#include "util/parallel.hpp"

namespace {

constexpr std::size_t kHugePage = std::size_t(2) << 20;

bool on_huge_page_boundary(const void* p) { return reinterpret_cast<std::uintptr_t>(p) % kHugePage == 0; }

}  // namespace

TEST_CASE("large arrays are mapped on a huge page boundary, small ones come from malloc, both are usable", "[util][huge-pages]") {
  const std::size_t big = (4u << 20) + 12345;  // not a whole number of huge pages
  void* p = siap::map_huge_pages(big);
  CHECK(on_huge_page_boundary(p));
  auto* bytes = static_cast<unsigned char*>(p);
  std::memset(bytes, 0x5a, big);  // every byte is writable, the tail's too
  CHECK(bytes[big - 1] == 0x5a);
  siap::unmap_huge_pages(p, big);
  std::vector<int, siap::HugePageAllocator<int>> small(10, 3), large(2'000'000, 5);
  CHECK(small[9] == 3);
  CHECK(large[1'999'999] == 5);
}

TEST_CASE("a freed block's huge pages are moved into the next mapping, not faulted again", "[util][huge-pages]") {
  // Each page of a freed block is marked with its number; a later, larger
  // block holds those pages (the bytes survive the move: they were not
  // cleared) and fresh ones past them, and all of it is usable.
  const std::size_t pages = 3;
  void* first = siap::map_huge_pages(pages * kHugePage);
  auto* bytes = static_cast<unsigned char*>(first);
  for (std::size_t i = 0; i < pages; ++i) std::memset(bytes + i * kHugePage, int(0xa0 + i), kHugePage);
  siap::unmap_huge_pages(first, pages * kHugePage);

  const std::size_t larger = (pages + 2) * kHugePage;
  void* second = siap::map_huge_pages(larger);
  REQUIRE(on_huge_page_boundary(second));
  auto* reused = static_cast<unsigned char*>(second);
  std::vector<int> marks;  // per page of the new block: the mark of the old page it holds, or -1
  for (std::size_t i = 0; i < pages + 2; ++i) {
    const unsigned char b = reused[i * kHugePage];
    const bool whole = std::all_of(reused + i * kHugePage, reused + (i + 1) * kHugePage, [b](unsigned char c) { return c == b; });
    marks.push_back(whole && b >= 0xa0 && b < 0xa0 + pages ? int(b - 0xa0) : -1);
  }
  std::vector<int> moved(marks.begin(), marks.begin() + pages);
  std::sort(moved.begin(), moved.end());
  CHECK(moved == std::vector<int>{0, 1, 2});  // every old page, once
  CHECK(marks[pages] == -1);                  // then other memory
  CHECK(marks[pages + 1] == -1);
  std::memset(reused, 0x11, larger);
  CHECK(std::all_of(reused, reused + larger, [](unsigned char c) { return c == 0x11; }));
  siap::unmap_huge_pages(second, larger);
}

TEST_CASE("PagePopulator backs a block's pages from two threads and keeps what was written", "[util][huge-pages]") {
  // A fresh mapping: no page is resident until touched.
  const std::size_t bytes = 3 * kHugePage + 3 * 4096;
  void* map = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  REQUIRE(map != MAP_FAILED);
  auto* block = static_cast<unsigned char*>(map);
  std::memset(block, 0x5a, 100);  // the first page holds data already
  const long page = ::sysconf(_SC_PAGESIZE);
  REQUIRE(page > 0);
  std::vector<unsigned char> resident(bytes / std::size_t(page));
  REQUIRE(::mincore(block, bytes, resident.data()) == 0);
  const auto count = [&] { return std::count_if(resident.begin(), resident.end(), [](unsigned char r) { return (r & 1) != 0; }); };
  REQUIRE(std::size_t(count()) < resident.size() / 2);
  // Populated from an unaligned start, as a vector's storage is.
  siap::PagePopulator pages(block + 10, bytes - 10);
  siap::run_in_parallel({[&] { pages.work(); }, [&] { pages.work(); }});
  REQUIRE(::mincore(block, bytes, resident.data()) == 0);
#ifdef MADV_POPULATE_WRITE
  // Every whole page of the range (all but the first, which was touched) is now backed.
  CHECK(std::size_t(count()) == resident.size());
#endif
  CHECK(std::all_of(block, block + 100, [](unsigned char b) { return b == 0x5a; }));
  CHECK(std::all_of(block + 100, block + bytes, [](unsigned char b) { return b == 0; }));
  ::munmap(map, bytes);
}
