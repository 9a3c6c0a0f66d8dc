// SHA-256 of input files, recorded in reports so that every number can be
// traced to the exact bytes it came from. OpenSSL's implementation is used:
// it runs on the CPU's SHA instructions where present (about 1.5 GB/s on the
// development machine, six times a portable C++ version), which keeps
// hashing off the critical path of `siap assess`.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace siap {

class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(Sha256&&) noexcept;
  Sha256& operator=(Sha256&&) noexcept;

  void update(const void* data, std::size_t size);
  void update(std::string_view s) { update(s.data(), s.size()); }
  // The digest as lowercase hex; the object must not be updated afterwards.
  std::string hex();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace siap
