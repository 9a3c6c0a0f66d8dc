// The bootstrap's draw loops (every variant this machine runs) against a
// plain loop over the same draws that adds values and counts separately.
#include "stats/draw_sums.hpp"

#include <catch2/catch.hpp>
#include <random>
#include <vector>

using siap::resampling::kBlockColumns;

TEST_CASE("a packing never overflows and flushes as late as it can", "[stats][bootstrap]") {
  for (unsigned span = 0; span <= 255; ++span) {
    const auto p = siap::resampling::packing_for(span);
    INFO("span " << span);
    REQUIRE(p.flush_every >= 1);
    CHECK(std::uint64_t(std::max(span, 1u)) * p.flush_every < (1u << p.shift));  // value sums stay below the count
    CHECK((std::uint64_t(p.flush_every) + 1) << p.shift <= 65536u);              // and the lane holds both
  }
  for (unsigned span = 0; span <= 7; ++span) {
    const auto p = siap::resampling::packing_for(span);
    CHECK(p.entry_bytes == 1);
    CHECK((1u << p.shift | std::max(span, 1u)) <= 255u);  // an entry fits a byte
  }
  CHECK(siap::resampling::packing_for(4).flush_every == 31);  // Likert 1-5: 4 x 31 = 124 < 2^7
  CHECK(siap::resampling::packing_for(8).entry_bytes == 2);
  CHECK(siap::resampling::packing_for(8).flush_every == 63);  // 2^9 - 1 = 511 >= 8 x 63, (63 + 1) << 9 <= 65536
  CHECK(siap::resampling::packing_for(255).flush_every == 15);
}

TEST_CASE("every draw loop equals adding the drawn rows one by one", "[stats][bootstrap]") {
  std::mt19937_64 random(42);
  for (std::size_t blocks = 1; blocks <= 5; ++blocks) {
    for (unsigned span : {1u, 4u, 7u, 8u, 255u}) {
      const std::size_t width = blocks * kBlockColumns, columns = width - 3, rows = 700;
      const auto packing = siap::resampling::packing_for(span);
      std::vector<unsigned> value(rows * width, 0), answered(rows * width, 0);
      std::vector<std::uint16_t> matrix(rows * width, 0);  // as 16-bit entries; bytes below when the packing says so
      std::uniform_int_distribution<unsigned> pick(0, span);
      for (std::size_t r = 0; r < rows; ++r) {
        for (std::size_t c = 0; c < columns; ++c) {
          if (random() % 10 == 0) continue;  // unanswered
          value[r * width + c] = pick(random);
          answered[r * width + c] = 1;
          matrix[r * width + c] = std::uint16_t(1u << packing.shift | value[r * width + c]);
        }
      }
      // A group of 600 rows from row 50: several flushes and a partial run.
      const std::uint32_t from = 50, n = 600;
      std::vector<std::uint64_t> sums(width, 0), counts(width, 0);
      siap::resampling::Stream reference(9, blocks, span);
      for (std::uint32_t i = 0; i < n; ++i) {
        const std::size_t r = from + reference.below(n);
        for (std::size_t c = 0; c < width; ++c) {
          sums[c] += value[r * width + c];
          counts[c] += answered[r * width + c];
        }
      }
      std::vector<std::uint8_t> bytes(matrix.begin(), matrix.end());
      const void* entries = packing.entry_bytes == 1 ? static_cast<const void*>(bytes.data()) : static_cast<const void*>(matrix.data());
      if (packing.entry_bytes == 1) {
        for (std::uint16_t e : matrix) REQUIRE(e <= 255);
      }
      const auto variants = siap::resampling::draw_sums_variants(blocks, packing.entry_bytes);
      REQUIRE_FALSE(variants.empty());
      for (const auto& variant : variants) {
        INFO(variant.name << ", " << blocks << " blocks, span " << span << ", " << packing.entry_bytes << "-byte entries");
        siap::resampling::Stream stream(9, blocks, span);
        std::vector<std::uint32_t> got_sums(width, 0), got_counts(width, 0);
        variant.function(stream, from, n, entries, blocks, packing, got_sums.data(), got_counts.data());
        CHECK(std::vector<std::uint64_t>(got_sums.begin(), got_sums.end()) == sums);
        CHECK(std::vector<std::uint64_t>(got_counts.begin(), got_counts.end()) == counts);
        siap::resampling::Stream after = reference;
        CHECK(stream.next() == after.next());  // the stream moved past the same draws
      }
    }
  }
}

TEST_CASE("indices drawn many at a time equal the stream's draws one by one, rejections and spares included", "[stats][bootstrap]") {
  // n near 2^31 rejects about half of the 32-bit numbers: the vector loop
  // stops and the one-by-one draws, with their spare halves, take over.
  for (std::uint32_t n : {1u, 2u, 7u, 600u, 65537u, 0x80000001u, 0xfffffffeu}) {
    for (std::uint32_t count : {0u, 1u, 15u, 16u, 17u, 33u, 1000u}) {
      for (bool spare_first : {false, true}) {
        INFO("n " << n << ", count " << count << (spare_first ? ", a spare half waiting" : ""));
        siap::resampling::Stream one_by_one(3, n, count), many(3, n, count);
        if (spare_first) {
          one_by_one.bits32();
          many.bits32();
        }
        std::vector<std::uint32_t> expected(count), got(count);
        for (auto& x : expected) x = one_by_one.below(n);
        siap::resampling::draw_indices(many, n, count, got.data());
        CHECK(got == expected);
        CHECK(many.spare_ready() == one_by_one.spare_ready());
        CHECK(many.bits32() == one_by_one.bits32());  // left at the same place
      }
    }
  }
}
