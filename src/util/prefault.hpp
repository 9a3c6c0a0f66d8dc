// Fresh memory's first touch, done ahead on an idle core. On the development
// VM a page touched for the first time costs about 0.5 ms per MB (the
// kernel clears it, the host backs it), against 0.04 ms per MB for memory
// already touched: a unit sheet's loader, which runs on one core, spent a
// fifth of its time in those faults. Once the loader has reserved its
// arrays, the other core faults their pages in while rows are parsed.
#pragma once

#include <cstddef>
#include <span>
#include <thread>
#include <vector>

namespace siap {

class Prefault {
 public:
  Prefault() = default;
  Prefault(const Prefault&) = delete;
  Prefault& operator=(const Prefault&) = delete;
  ~Prefault() { wait(); }

  // Starts faulting in the whole pages of each range (writable, as a write
  // would) on a thread of its own. Only page tables change: the contents of
  // the memory are never read or written, so the ranges may be in use, and
  // even freed, meanwhile. A hint: where the system cannot (no thread, a
  // kernel before 5.14), nothing happens. Call once; a second call waits for
  // the first.
  void start(std::vector<std::span<std::byte>> ranges);
  // Returns when the thread has ended.
  void wait();

 private:
  std::thread thread_;
};

// The bytes of a vector's whole capacity, for Prefault::start.
template <typename Vector>
std::span<std::byte> capacity_bytes(Vector& v) {
  return {reinterpret_cast<std::byte*>(v.data()), v.capacity() * sizeof(typename Vector::value_type)};
}

// Faults in the whole pages of `range` on the calling thread; false when
// the system cannot.
bool prefault_now(std::span<std::byte> range);

}  // namespace siap
