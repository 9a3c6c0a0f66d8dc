// libFuzzer harness: any bytes as a study's own tables given beside the
// data: a population table (`assess --population`) and a region map
// (`--region-map`). Either may refuse with errors naming lines; neither may
// crash, hang or grow without bound, and what they accept must hold only
// Kemendagri codes and positive counts.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "fuzz_target_util.hpp"
#include "siap/region_map.hpp"
#include "siap/rollup.hpp"
#include "siap/utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  siap::fuzz::write_scratch(data, size);
  auto population = siap::PopulationTable::load(siap::fuzz::scratch_path());
  if (population) {
    for (const char* code : {"32", "32.73", "11.01", "99.99", ""}) {
      if (auto n = population->find(code); n && !(*n > 0)) std::abort();
    }
  } else {
    for (const auto& e : population.errors()) siap::fuzz::check_text(e.render(siap::Lang::en));
  }
  auto map = siap::load_region_map(siap::fuzz::scratch_path());
  if (!map) {
    for (const auto& e : map.errors()) siap::fuzz::check_text(e.render(siap::Lang::id));
  }
  return 0;
}
