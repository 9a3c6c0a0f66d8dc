// libFuzzer harness: any bytes as a saved assessment JSON, read back against
// two contrasting built-in frameworks (spbe-2020: an indicator sheet with
// given domains; kominfo-readiness: a survey with facets and percent scores),
// chosen by the first byte. What is read is written again and must read back
// to the same bytes: the reader accepts only what the writer can reproduce.
// A file read is also compared with itself (siap compare): every unit
// matches itself, none is partial.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "fuzz_target_util.hpp"
#include "siap/assessment_json.hpp"
#include "siap/comparison.hpp"
#include "siap/framework_catalog.hpp"
#include "siap/report.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static const siap::Framework spbe = *siap::load_builtin_framework("spbe-2020");
  static const siap::Framework readiness = *siap::load_builtin_framework("kominfo-readiness");
  const siap::Framework& fw = (data[0] & 1) ? readiness : spbe;
  std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  // The framework a file names (siap compare reads it first), and a comparison of a file with itself.
  if (auto head = siap::assessment_json_framework(text)) {
    if (head->first.empty() || head->second.empty()) std::abort();
  }
  auto saved = siap::read_assessment_json(text, "fuzz.json", fw);
  if (!saved) {
    for (const auto& e : saved.errors()) siap::fuzz::check_text(e.render(siap::Lang::en));
    return 0;
  }
  if (auto c = siap::compare_assessments({{"a", 2025, &saved->assessment}, {"b", 2026, &saved->assessment}})) {
    if (!c->partial.empty() || c->units.size() > saved->assessment.results.size()) std::abort();  // the same file matches itself
    siap::fuzz::check_text(siap::render_comparison_text(*c, siap::Lang::id));
    siap::fuzz::check_text(siap::render_comparison_json(*c));
    siap::fuzz::check_text(siap::render_comparison_csv(*c, siap::Lang::en, true));
    siap::fuzz::check_text(siap::render_comparison_html(*c, siap::Lang::en, "fuzz"));
  }
  siap::ReportOptions options;
  options.tool_version = saved->tool_version;
  options.settings = saved->settings;
  const std::string once = siap::render_json(saved->assessment, options);
  siap::fuzz::check_text(once);
  auto again = siap::read_assessment_json(once, "fuzz.json", fw);
  if (!again || siap::render_json(again->assessment, options) != once) std::abort();
  siap::fuzz::check_text(siap::render_text(saved->assessment, options));
  return 0;
}
