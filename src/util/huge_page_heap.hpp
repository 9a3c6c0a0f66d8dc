// The process heap on transparent huge pages. A page fault costs about 5 us
// on the development VM (a quarter to a half of a unit sheet's run time went
// to 27,000 of them); with the heap's memory marked for huge pages, the same
// run takes about 3,600. Only the command-line program calls this, once, at
// the start of main: a library must not change its host's allocator.
#pragma once

#include <cstddef>

namespace siap {

// Keeps large blocks in the heap and freed memory in the process (it is
// reused instead of being mapped and faulted in again), then grows the heap
// by up to `reserve_bytes` of address space marked MADV_HUGEPAGE and hands it
// back to malloc as free space: later allocations are carved from it. Only
// address space is taken; memory is used as it is touched. Best effort: does
// nothing where the heap cannot grow that far, under a sanitizer's allocator,
// or when the environment says SIAP_HUGE_PAGES=0.
void place_heap_on_huge_pages(std::size_t reserve_bytes);

// The same for the heap of the calling thread (glibc gives each thread that
// allocates an arena of its own, up to 64 MiB per heap): what a worker
// allocates is then on huge pages too. Does nothing unless
// place_heap_on_huge_pages has placed the process heap; run_in_parallel
// calls it at the start of each worker.
void place_thread_heap_on_huge_pages();

}  // namespace siap
