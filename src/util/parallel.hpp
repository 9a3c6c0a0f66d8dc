// The one way siap runs work on several threads.
#pragma once

#include <functional>
#include <initializer_list>

namespace siap {

// Runs every task, the first on the calling thread and each other one on a
// thread of its own, and returns when all have ended. An exception thrown in
// any task (std::bad_alloc included) is rethrown here, on the calling thread,
// once every task has ended: the first task's in list order. So a failing
// worker reaches main and becomes exit 3, never std::terminate.
void run_in_parallel(std::initializer_list<std::function<void()>> tasks);

}  // namespace siap
