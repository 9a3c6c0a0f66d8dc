#include <catch2/catch.hpp>

#include <algorithm>
#include <vector>

#include "util/huge_pages.hpp"

TEST_CASE("large arrays are mapped zeroed, small ones come from malloc, both are usable", "[util][huge-pages]") {
  const std::size_t big = 4u << 20;
  void* p = siap::map_huge_pages(big);
  auto* bytes = static_cast<unsigned char*>(p);
  CHECK(std::all_of(bytes, bytes + big, [](unsigned char b) { return b == 0; }));
  bytes[big - 1] = 7;
  siap::unmap_huge_pages(p, big);
  std::vector<int, siap::HugePageAllocator<int>> small(10, 3), large(2'000'000, 5);
  CHECK(small[9] == 3);
  CHECK(large[1'999'999] == 5);
}
