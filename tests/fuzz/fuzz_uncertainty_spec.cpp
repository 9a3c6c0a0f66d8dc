// libFuzzer harness: any bytes as an uncertainty spec (siap/uncertainty/v1)
// for a small composite framework. A spec may be refused with errors naming
// lines; one that loads runs (replicates capped), and its fast engine must
// agree with rebuilding each run from the raw data, value for value: the
// two share the treatments but not the aggregation code.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "fuzz_target_util.hpp"
#include "siap/assessment.hpp"
#include "siap/framework_loader.hpp"
#include "siap/uncertainty.hpp"

namespace {

const char* const kFramework =
    "schema: siap/framework/v1\nid: f\nversion: '1'\ntitle: {id: F, en: F}\nstatus: project-defined\n"
    "input: {kind: units, unit_column: wilayah}\nscore: {min: 0, max: 100}\n"
    "aggregation: {method: geometric, min_coverage: 0.5}\n"
    "treatment: {outliers: winsorise, normalise: minmax, range: [1, 100]}\n"
    "scale: up\nscales: [{id: up, type: numeric, direction: higher}, {id: down, type: numeric, direction: lower}]\n"
    "profiles: [{id: alt, name: Alt, weights: {a: 3}}]\n"
    "tree:\n"
    "  - {id: a, name: A, aggregation: {method: arithmetic}, children: [{id: x1, name: X1, treatment: {denominator: population}}, {id: x2, name: X2, "
    "scale: "
    "down}]}\n"
    "  - {id: b, name: B, children: [{id: x3, name: X3, treatment: {impute: median}}, {id: x4, name: X4, treatment: {normalise: percentile_rank, "
    "range: "
    "[1, 100]}}]}\n";

const char* const kData =
    "wilayah,x1,x2,x3,x4\n"
    "32.01,10,5,,3\n32.04,20,4,7,3\n32.73,400,1,9,8\n32.71,15,,2,1\n32.75,35,7,4,6\n32.76,35,2,5,\n";

struct Fixture {
  siap::Framework fw;
  std::shared_ptr<const siap::Dataset> data;
  siap::Assessment nominal;
};

const Fixture& fixture() {
  static const Fixture f = [] {
    auto fw = siap::load_framework(kFramework, "f.yaml");
    if (!fw) std::abort();
    siap::fuzz::write_scratch(reinterpret_cast<const std::uint8_t*>(kData), std::string_view(kData).size());
    auto data = siap::load_dataset(*fw, {siap::fuzz::scratch_path()}, {});
    if (!data) std::abort();
    Fixture out{std::move(*fw), std::make_shared<const siap::Dataset>(std::move(*data)), {}};
    out.nominal = siap::assess(out.fw, out.data);
    return out;
  }();
  return f;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const Fixture& f = fixture();
  auto spec = siap::load_uncertainty_spec(std::string_view(reinterpret_cast<const char*>(data), size), "ua.yaml", f.fw);
  if (!spec) {
    for (const auto& e : spec.errors()) siap::fuzz::check_text(e.render(siap::Lang::en));
    return 0;
  }
  spec->replicates = std::min<std::size_t>(spec->replicates, 16);
  spec->bootstrap = std::min<std::size_t>(spec->bootstrap, 8);
  const auto result = siap::analyse_uncertainty(f.fw, *f.data, f.nominal, *spec);
  for (const auto& u : result.units) {
    if (u.ranked > 0 && !(u.q05 <= u.median && u.median <= u.q95 && u.q05 >= 1)) std::abort();
  }
  const std::size_t runs = std::min<std::size_t>(result.runs, 6);
  const auto fast = siap::engine_runs(f.fw, *f.data, *spec, runs);
  const auto plain = siap::rebuild_runs(f.fw, *f.data, *spec, runs);
  for (std::size_t r = 0; r < runs; ++r) {
    for (std::size_t u = 0; u < fast[r].size(); ++u) {
      if (std::isnan(fast[r][u]) != std::isnan(plain[r][u])) std::abort();
      if (!std::isnan(fast[r][u]) && std::fabs(fast[r][u] - plain[r][u]) > 1e-9 * std::max(1.0, std::fabs(plain[r][u]))) std::abort();
    }
  }
  return 0;
}
