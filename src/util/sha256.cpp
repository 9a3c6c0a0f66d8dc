#include "siap/sha256.hpp"

#include <openssl/evp.h>

#include <stdexcept>

namespace siap {

struct Sha256::State {
  EVP_MD_CTX* ctx = nullptr;
  std::string hex;
};

Sha256::Sha256() : state_(std::make_unique<State>()) {
  state_->ctx = EVP_MD_CTX_new();
  if (state_->ctx == nullptr || EVP_DigestInit_ex(state_->ctx, EVP_sha256(), nullptr) != 1) {
    throw std::runtime_error("OpenSSL: cannot initialise SHA-256");
  }
}

Sha256::~Sha256() {
  if (state_ && state_->ctx != nullptr) EVP_MD_CTX_free(state_->ctx);
}

Sha256::Sha256(Sha256&&) noexcept = default;
Sha256& Sha256::operator=(Sha256&&) noexcept = default;

void Sha256::update(const void* data, std::size_t size) {
  if (size > 0 && EVP_DigestUpdate(state_->ctx, data, size) != 1) throw std::runtime_error("OpenSSL: SHA-256 update failed");
}

std::string Sha256::hex() {
  if (!state_->hex.empty()) return state_->hex;
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_DigestFinal_ex(state_->ctx, digest, &length) != 1) throw std::runtime_error("OpenSSL: SHA-256 final failed");
  static const char digits[] = "0123456789abcdef";
  for (unsigned int i = 0; i < length; ++i) {
    state_->hex += digits[digest[i] >> 4];
    state_->hex += digits[digest[i] & 15];
  }
  return state_->hex;
}

}  // namespace siap
