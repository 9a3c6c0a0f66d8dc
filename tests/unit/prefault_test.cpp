// Prefault faults pages in without changing what they hold, and copes with
// memory that is not (or no longer) mapped.
#include "util/prefault.hpp"

#include <sys/mman.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstring>
#include <vector>

namespace {

constexpr std::size_t kBytes = 8u << 20;

std::size_t resident_pages(void* p, std::size_t bytes) {
  const std::size_t page = std::size_t(::sysconf(_SC_PAGESIZE));
  std::vector<unsigned char> in_core((bytes + page - 1) / page);
  REQUIRE(::mincore(p, bytes, in_core.data()) == 0);
  std::size_t n = 0;
  for (unsigned char c : in_core) n += c & 1;
  return n;
}

}  // namespace

TEST_CASE("Prefault makes fresh pages resident and leaves their contents alone", "[prefault]") {
  void* mapped = ::mmap(nullptr, kBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  REQUIRE(mapped != MAP_FAILED);
  ::madvise(mapped, kBytes, MADV_NOHUGEPAGE);  // count 4 KiB pages
  auto* bytes = static_cast<std::byte*>(mapped);
  std::memcpy(bytes + 4096 * 3 + 17, "Kota Bandung", 12);  // one page in use
  const std::size_t pages = kBytes / 4096;
  CHECK(resident_pages(mapped, kBytes) == 1);
  {
    siap::Prefault prefault;
    prefault.start({std::span<std::byte>(bytes, kBytes)});
    prefault.wait();
  }
  CHECK(resident_pages(mapped, kBytes) == pages);
  CHECK(std::memcmp(bytes + 4096 * 3 + 17, "Kota Bandung", 12) == 0);
  std::size_t nonzero = 0;
  for (std::size_t i = 0; i < kBytes; ++i) nonzero += bytes[i] != std::byte{0};
  CHECK(nonzero == 12);
  ::munmap(mapped, kBytes);
}

TEST_CASE("Prefault of memory that is not mapped stops and harms nothing", "[prefault]") {
  void* mapped = ::mmap(nullptr, kBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  REQUIRE(mapped != MAP_FAILED);
  ::munmap(mapped, kBytes);
  CHECK_FALSE(siap::prefault_now(std::span<std::byte>(static_cast<std::byte*>(mapped), kBytes)));
  siap::Prefault prefault;
  prefault.start({std::span<std::byte>(static_cast<std::byte*>(mapped), kBytes)});
  // Destroyed without wait(): the destructor waits.
}

TEST_CASE("Prefault of a vector's reserved room, as the loader does", "[prefault]") {
  std::vector<std::uint64_t> v;
  v.reserve(1u << 20);
  siap::Prefault prefault;
  prefault.start({siap::capacity_bytes(v)});
  for (std::uint64_t i = 0; i < (1u << 20); ++i) v.push_back(i * 3);  // written meanwhile
  prefault.wait();
  bool kept = true;
  for (std::uint64_t i = 0; i < v.size(); ++i) kept = kept && v[i] == i * 3;
  CHECK(kept);
  CHECK(siap::capacity_bytes(v).size() == (1u << 20) * sizeof(std::uint64_t));
}
