// The allocator of the Dataset's per-row arrays. How their storage is
// obtained (large blocks mapped for huge pages) is the library's business,
// in src/util/huge_pages.cpp; this header only declares it.
#pragma once

#include <cstddef>

namespace siap {

namespace detail {
// Uninitialised storage for `bytes`, released by release_row_storage with the same
// size; throws std::bad_alloc.
void* allocate_row_storage(std::size_t bytes);
void release_row_storage(void* p, std::size_t bytes) noexcept;
}  // namespace detail

template <typename T>
struct RowAllocator {
  using value_type = T;

  RowAllocator() = default;
  template <typename U>
  RowAllocator(const RowAllocator<U>&) {}

  T* allocate(std::size_t n) { return static_cast<T*>(detail::allocate_row_storage(n * sizeof(T))); }
  void deallocate(T* p, std::size_t n) noexcept { detail::release_row_storage(p, n * sizeof(T)); }

  template <typename U>
  bool operator==(const RowAllocator<U>&) const {
    return true;
  }
};

}  // namespace siap
