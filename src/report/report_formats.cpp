#include "siap/report_formats.hpp"

#include <array>

namespace siap {
namespace {

// Renderers that cannot fail, as table entries.
template <std::string (*Render)(const Assessment&, const ReportOptions&)>
Expected<std::string> infallible(const Assessment& a, const ReportOptions& options) {
  return Render(a, options);
}

constexpr std::array kFormats{
    ReportFormat{"text", "txt", false, false, &infallible<render_text>, "", "", false, true},
    ReportFormat{"json", "json", false, false, &infallible<render_json>, "", ""},
    ReportFormat{"csv", "csv", false, false, &infallible<render_csv>, "", "", false, false, false, NodeScope::top, &write_csv},
    ReportFormat{"md", "md", false, false, &infallible<render_markdown>, "", "", false, true},
    ReportFormat{"html", "html", false, false, &infallible<render_html>, "", "", false, true},
    ReportFormat{"xlsx", "xlsx", true, true, &render_xlsx, "", "", false, true},
    // One row per accepted respondent with the answers as scored, for SPSS, R or pandas.
    ReportFormat{"responses", "csv", false, true, &infallible<render_responses_csv>, "responden.csv", "responses.csv"},
    // Every unit's and node's bootstrap interval, in long form.
    ReportFormat{"intervals", "csv", false, false, &infallible<render_intervals_csv>, "selang.csv", "intervals.csv", true},
    // The choropleth, as a file of its own.
    ReportFormat{"map", "svg", false, false, &infallible<render_map_svg>, "peta.svg", "map.svg"},
    ReportFormat{"map-png", "png", true, true, &render_map_png, "peta.png", "map.png"},
    // One row per province of the roll-up.
    ReportFormat{"rollup", "csv", false, false, &infallible<render_rollup_csv>, "provinsi.csv", "provinces.csv", false, false, true},
};

}  // namespace

std::span<const ReportFormat> report_formats() { return kFormats; }

const ReportFormat* find_report_format(std::string_view name) {
  for (const ReportFormat& f : kFormats) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

std::string report_format_names() {
  std::string out;
  for (const ReportFormat& f : kFormats) out += (out.empty() ? "" : ", ") + std::string(f.name);
  return out;
}

}  // namespace siap
