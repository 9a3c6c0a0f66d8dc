// Writes a deterministic national-scale survey for the benchmark: every one
// of the 514 kabupaten/kota, about 2,000 respondents each (1,028,000 rows),
// 60 Likert items, five respondent groups, a few blank answers.
//
//   siap_bench_generate OUT.csv [ROWS_PER_REGION]
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "siap/regions.hpp"

namespace {

// splitmix64: tiny, fast, and the same sequence on every machine.
struct Random {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  int below(int n) { return int(next() % std::uint64_t(n)); }
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s OUT.csv [ROWS_PER_REGION]\n", argv[0]);
    return 2;
  }
  int per_region = argc > 2 ? std::atoi(argv[2]) : 2000;
  std::FILE* out = std::fopen(argv[1], "wb");
  if (!out) return 1;
  static const char* groups[] = {"pemerintah", "akademisi", "bisnis", "komunitas", "media"};
  std::string line = "id_responden,kabupaten_kota,kelompok";
  for (int q = 1; q <= 60; ++q) line += q < 10 ? ",q0" + std::to_string(q) : ",q" + std::to_string(q);
  std::fprintf(out, "%s\n", line.c_str());
  Random rng{20261123};
  const auto& table = siap::RegionTable::builtin();
  long id = 0;
  for (const auto& region : table.regions()) {
    if (region.type == siap::RegionType::provinsi) continue;
    int bias = rng.below(3);  // each region leans low, middle or high
    for (int r = 0; r < per_region; ++r) {
      line = std::to_string(++id) + "," + region.name + "," + groups[rng.below(5)];
      for (int q = 0; q < 60; ++q) {
        int roll = rng.below(100);
        line += ',';
        if (roll < 2) continue;  // a blank answer
        line += char('1' + std::min(4, (rng.below(5) + rng.below(5) + bias) / 2));
      }
      line += '\n';
      std::fwrite(line.data(), 1, line.size(), out);
    }
  }
  std::fclose(out);
  return 0;
}
