#include "util/parallel.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <new>
#include <stdexcept>

using siap::run_in_parallel;

TEST_CASE("every task runs, and run_in_parallel returns after all have ended", "[parallel]") {
  std::atomic<int> ran{0};
  run_in_parallel({[&] { ++ran; }, [&] { ++ran; }, [&] { ++ran; }});
  CHECK(ran == 3);
}

TEST_CASE("a worker's exception reaches the caller after the other tasks end", "[parallel]") {
  std::atomic<bool> first_done{false};
  CHECK_THROWS_AS(run_in_parallel({[&] { first_done = true; }, [] { throw std::bad_alloc(); }}), std::bad_alloc);
  CHECK(first_done);
  CHECK_THROWS_WITH(run_in_parallel({[] {}, [] {}, [] { throw std::runtime_error("third"); }}), "third");
}

TEST_CASE("when several tasks throw, the first in list order is rethrown", "[parallel]") {
  CHECK_THROWS_WITH(run_in_parallel({[] { throw std::runtime_error("caller"); }, [] { throw std::runtime_error("worker"); }}), "caller");
}
