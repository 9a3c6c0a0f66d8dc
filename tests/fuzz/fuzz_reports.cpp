// libFuzzer harness for the reporters, every format including the workbook.
// The input is read as cp1252 (so every byte sequence is a valid file) with
// non-region units: each line's first field is a unit name of any
// characters, the next 47 bytes of the line give SPBE levels, so reporters see
// hostile names (markup, formula prefixes, control characters, very long
// text) on real scores, and every fourth input also in the instrument
// analysis's tables. Output must be valid UTF-8, the HTML must carry no
// markup from the input, and a format that reads only the top-level scores
// must render the same from an assessment that kept only those.
#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>

#include "fuzz_target_util.hpp"
#include "report/svg_rasteriser.hpp"
#include "siap/bootstrap.hpp"
#include "siap/framework_catalog.hpp"
#include "siap/instrument.hpp"
#include "siap/rollup.hpp"
#include "siap/report.hpp"
#include "siap/report_formats.hpp"

namespace {

bool has_script_tag(std::string html) {
  std::transform(html.begin(), html.end(), html.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  return html.find("<script") != std::string::npos || html.find("<img") != std::string::npos || html.find("<iframe") != std::string::npos ||
         html.find("javascript:") != std::string::npos;
}

}  // namespace

// The maps' module is in the build tree, not beside the harness.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  siap::report::use_raster_module(SIAP_RASTER_MODULE);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const siap::Framework spbe = *siap::load_builtin_framework("spbe-2020");
  // Build "instansi;i01;...;i47" and one row per input line.
  std::string csv = "instansi";
  for (int i = 1; i <= 47; ++i) csv += ";i" + std::string(i < 10 ? "0" : "") + std::to_string(i);
  csv += "\n";
  std::size_t start = 0;
  int rows = 0;
  // At most 64 units: enough for every section and chart to be drawn, few
  // enough that an input takes milliseconds, not a second (many units are
  // the e2e tests' and the benchmarks' business).
  while (start < size && rows < 64) {
    std::size_t end = start;
    while (end < size && data[end] != '\n') ++end;
    std::string name;
    for (std::size_t i = start; i < end; ++i) {
      char c = char(data[i]);
      if (c == '"')
        name += "\"\"";
      else if (c != '\r')
        name += c;
    }
    csv += "\"" + name + "\"";
    for (int i = 0; i < 47; ++i) {
      std::uint8_t b = std::size_t(i) + start < size ? data[std::size_t(i) + start] : std::uint8_t(i);
      csv += ";" + std::to_string(1 + b % 5);
    }
    csv += "\n";
    start = end + 1;
    ++rows;
  }
  siap::fuzz::write_scratch(reinterpret_cast<const std::uint8_t*>(csv.data()), csv.size());
  siap::LoadOptions options;
  options.allow_non_regions = true;
  options.csv.encoding = siap::TextEncoding::cp1252;
  auto loaded = siap::load_dataset(spbe, {siap::fuzz::scratch_path()}, options);
  if (!loaded) return 0;
  siap::fuzz::check_counts(*loaded);
  siap::Assessment a = siap::assess(spbe, std::move(*loaded));
  // Every other input with a (small) bootstrap, so that the uncertainty
  // sections, which name units in sentences, see hostile names too.
  std::optional<siap::BootstrapResult> boot;
  if (size > 0 && (data[0] & 2)) {
    siap::BootstrapOptions b;
    b.resamples = 5;
    boot = siap::bootstrap(a, b);
  }
  // Every fourth input with an instrument analysis whose scale and unit
  // names are the input's, on answers from its bytes, so that the
  // reliability tables (every format) see hostile names and odd statistics.
  std::optional<siap::InstrumentAnalysis> instrument;
  if (size > 0 && (data[0] & 12) == 12 && !a.data->units.empty()) {
    siap::ItemMatrix answers{3, {}};
    for (std::size_t i = 0; i < std::min<std::size_t>(size, 60); ++i) answers.values.push_back(double(1 + data[i] % 5));
    answers.values.resize(answers.values.size() / 3 * 3);
    const std::string& name = a.data->units.front().name;
    siap::ScaleAnalysis scale{
        "", siap::LocalizedText{name, name}, {spbe.leaves[0], spbe.leaves[1], spbe.leaves[2]}, siap::analyse_reliability(answers)};
    instrument.emplace();
    instrument->respondents = answers.respondents();
    instrument->scales = {scale, scale};
    instrument->scales[1].id = name;  // an id that names no node
    instrument->units.push_back(siap::UnitInstrument{a.data->units.front().code(), name, answers.respondents(), instrument->scales});
  }
  // The province roll-up (of whatever regions the names resolve to).
  auto rollup = siap::roll_up(a, siap::RollupOptions{});
  if (!rollup) std::abort();  // the plain mean cannot fail
  // One language per input, chosen by its first byte.
  for (siap::Lang lang : {size > 0 && (data[0] & 1) ? siap::Lang::en : siap::Lang::id}) {
    siap::ReportOptions report;
    report.lang = lang;
    report.date = "2026-12-01";
    report.tool_version = "fuzz";
    report.title = a.data->units.empty() ? "" : a.data->units.front().name;  // a hostile title too
    if (boot) report.bootstrap = &*boot;
    report.rollup = &*rollup;
    siap::fuzz::check_text(siap::render_rollup_csv(a, report));
    siap::fuzz::check_text(siap::render_map_svg(a, report));
    if (instrument) {
      report.instrument = &*instrument;
      siap::fuzz::check_text(siap::render_reliability_text(*instrument, spbe, lang));
      siap::fuzz::check_text(siap::render_reliability_json(*instrument, spbe));
      siap::fuzz::check_text(siap::render_reliability_csv(*instrument, spbe, report));
      siap::fuzz::check_text(siap::render_reliability_markdown(*instrument, spbe, report));
      std::string html = siap::render_reliability_html(*instrument, spbe, report);
      siap::fuzz::check_text(html);
      if (has_script_tag(html)) std::abort();
      auto xlsx = siap::render_reliability_xlsx(*instrument, spbe, report);
      if (!xlsx || xlsx->compare(0, 2, "PK") != 0) std::abort();
    }
    siap::fuzz::check_text(siap::render_text(a, report));
    siap::fuzz::check_text(siap::render_json(a, report));
    siap::fuzz::check_text(siap::render_csv(a, report));
    siap::fuzz::check_text(siap::render_responses_csv(a, report));
    siap::fuzz::check_text(siap::render_markdown(a, report));
    if (boot) siap::fuzz::check_text(siap::render_intervals_csv(a, report));
    std::string html = siap::render_html(a, report);
    siap::fuzz::check_text(html);
    if (has_script_tag(html)) std::abort();
    siap::fuzz::check_text(siap::render_quality_csv(*a.data, report));
    auto xlsx = siap::render_xlsx(a, report);
    if (!xlsx || xlsx->size() < 4 || xlsx->compare(0, 2, "PK") != 0) std::abort();
  }
  // A format that reads only the top level (as `siap assess` decides from
  // the format table) renders the same from an assessment that kept only it.
  siap::Assessment top = siap::assess(spbe, a.data, -1, siap::NodeScope::top);
  siap::ReportOptions plain;
  plain.date = "2026-12-01";
  plain.tool_version = "fuzz";
  for (const siap::ReportFormat& f : siap::report_formats()) {
    if (f.reads != siap::NodeScope::top) continue;
    auto full = f.render(a, plain), kept = f.render(top, plain);
    if (!full || !kept || *full != *kept) std::abort();
  }
  return 0;
}
