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

static_assert(std::is_trivially_destructible_v<NodeScore>, "ScoreBlock never runs destructors");

ScoreBlock::ScoreBlock(std::size_t count) : size_(count) {
  std::size_t bytes = count * sizeof(NodeScore);
  void* p = nullptr;
  if (bytes >= kMapThreshold) {
    p = map_huge_pages(bytes);
  } else {
    p = std::aligned_alloc(alignof(NodeScore), (bytes + alignof(NodeScore)) / alignof(NodeScore) * alignof(NodeScore));
    if (p == nullptr) throw std::bad_alloc();
  }
  data_ = std::unique_ptr<NodeScore, detail::ScoreBlockRelease>(static_cast<NodeScore*>(p), detail::ScoreBlockRelease{bytes});
}

void detail::ScoreBlockRelease::operator()(NodeScore* p) const {
  if (bytes >= kMapThreshold) {
    unmap_huge_pages(p, bytes);
  } else {
    std::free(p);
  }
}

void NodeScores::not_kept(std::size_t node) {
  throw std::logic_error("node " + std::to_string(node) + " read from an assessment that did not keep it (NodeScope::top)");
}

std::span<NodeScore> ScoreBlock::slice(std::size_t from, std::size_t n) {
  NodeScore* first = data_.get() + from;
  std::uninitialized_default_construct_n(first, n);
  return {first, n};
}

}  // namespace siap
