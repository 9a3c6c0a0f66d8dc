#include "util/parallel.hpp"

#include "util/huge_page_heap.hpp"

#include <cstdlib>
#include <cstring>
#include <exception>
#include <new>
#include <system_error>
#include <thread>
#include <vector>

namespace siap {
namespace {

// SIAP_TEST_WORKER_FAILURE=1 makes the second task throw std::bad_alloc
// before it starts: the end-to-end tests use it to show that a worker's
// failure becomes exit 3 in the real binary.
bool injected_failure() {
  const char* value = std::getenv("SIAP_TEST_WORKER_FAILURE");
  return value != nullptr && std::strcmp(value, "1") == 0;
}

}  // namespace

void run_in_parallel(std::initializer_list<std::function<void()>> tasks) {
  if (tasks.size() == 0) return;
  std::vector<std::exception_ptr> failures(tasks.size());
  std::vector<std::thread> threads;
  threads.reserve(tasks.size());
  const bool inject = injected_failure();
  std::size_t i = 0;
  for (const auto& task : tasks) {
    if (i > 0) {
      auto run = [&task, &failure = failures[i], fail = inject && i == 1] {
        try {
          if (fail) throw std::bad_alloc();
          place_thread_heap_on_huge_pages();
          task();
        } catch (...) {
          failure = std::current_exception();
        }
      };
      try {
        threads.emplace_back(run);
      } catch (const std::system_error&) {
        run();  // out of threads: the same work, here
      }
    }
    ++i;
  }
  try {
    tasks.begin()->operator()();
  } catch (...) {
    failures[0] = std::current_exception();
  }
  for (auto& thread : threads) thread.join();
  for (const auto& failure : failures) {
    if (failure) std::rethrow_exception(failure);
  }
}

}  // namespace siap
