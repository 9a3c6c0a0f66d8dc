// One block for every unit's scores: mapped directly (and marked for huge
// pages) when large, so that first touches cost one fault per 2 MiB.
#include <cstdlib>
#include <memory>
#include <new>
#include <stdexcept>
#include <string>
#include <type_traits>

#include "siap/assessment.hpp"
#include "util/huge_pages.hpp"

namespace siap {
namespace {

// Below this a block comes from malloc.
constexpr std::size_t kMapThreshold = kHugePageThreshold;

}  // namespace

static_assert(std::is_trivially_destructible_v<NodeScore> && std::is_trivially_destructible_v<Number>, "ScoreBlock never runs destructors");

namespace {

void* allocate_block(std::size_t bytes, std::size_t alignment) {
  if (bytes >= kMapThreshold) return map_huge_pages(bytes);
  void* p = std::aligned_alloc(alignment, (bytes + alignment) / alignment * alignment);
  if (p == nullptr) throw std::bad_alloc();
  return p;
}

}  // namespace

ScoreBlock::ScoreBlock(std::size_t count, bool exact) : size_(count) {
  const std::size_t bytes = count * sizeof(NodeScore);
  data_ = std::unique_ptr<NodeScore, detail::BlockRelease>(static_cast<NodeScore*>(allocate_block(bytes, alignof(NodeScore))),
                                                           detail::BlockRelease{bytes});
  if (exact) {
    const std::size_t exact_bytes = count * sizeof(Number);
    exact_ = std::unique_ptr<Number, detail::BlockRelease>(static_cast<Number*>(allocate_block(exact_bytes, alignof(Number))),
                                                           detail::BlockRelease{exact_bytes});
  }
}

void detail::BlockRelease::operator()(void* p) const {
  if (bytes >= kMapThreshold) {
    unmap_huge_pages(p, bytes);
  } else {
    std::free(p);
  }
}

void NodeScores::not_kept(std::size_t node) {
  throw std::logic_error("node " + std::to_string(node) + " read from an assessment that did not keep it (NodeScope::top)");
}

void ScoreBlock::not_kept() {
  throw std::logic_error("an exact value read from an assessment that did not keep it (NodeScope::top), or from another");
}

std::span<NodeScore> ScoreBlock::slice(std::size_t from, std::size_t n) {
  NodeScore* first = data_.get() + from;
  std::uninitialized_default_construct_n(first, n);
  if (exact_ != nullptr) std::uninitialized_default_construct_n(exact_.get() + from, n);
  return {first, n};
}

}  // namespace siap
