// A value or the diagnostics that explain why there is none. (std::expected
// is C++23; GCC 12 in C++20 mode does not have it.)
#pragma once

#include <cassert>
#include <utility>
#include <variant>

#include "siap/diagnostic.hpp"

namespace siap {

template <typename T>
class Expected {
 public:
  Expected(T value) : state_(std::move(value)) {}
  Expected(Diagnostics errors) : state_(std::move(errors)) { assert(!std::get<1>(state_).empty()); }

  bool has_value() const { return state_.index() == 0; }
  explicit operator bool() const { return has_value(); }

  T& value() & { return std::get<0>(state_); }
  const T& value() const& { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() { return value(); }
  const T& operator*() const { return value(); }

  const Diagnostics& errors() const { return std::get<1>(state_); }

 private:
  std::variant<T, Diagnostics> state_;
};

}  // namespace siap
