// The terminal table: rank, unit, index, band and the top-level node scores,
// readable in 100 columns; then the units that could not be assessed and a
// one-line account of the input.
#include <fmt/format.h>

#include <cmath>

#include "report/report_view.hpp"
#include "report/rollup_tables.hpp"
#include "report/treatment_tables.hpp"
#include "report/uncertainty_sections.hpp"
#include "siap/report.hpp"
#include "siap/utf8.hpp"

namespace siap {
namespace {

std::size_t display_width(std::string_view s) { return code_points(s); }

// Exactly `width` columns: cut with "…", or padded with spaces.
std::string fit(std::string_view s, std::size_t width) {
  std::string out = shorten(s, width);
  const std::size_t shown = display_width(out);
  return shown < width ? out + std::string(width - shown, ' ') : out;
}

std::string right(std::string_view s, std::size_t width) {
  std::size_t w = display_width(s);
  return w >= width ? std::string(s) : std::string(width - w, ' ') + std::string(s);
}

// With --bootstrap: each ranked unit's interval and rank distribution, and
// the neighbours the resamples cannot tell apart.
std::string uncertainty_section(const Assessment& a, const ReportOptions& options) {
  const report::UncertaintyView view = report::uncertainty_view(a, options);
  if (view.result == nullptr) return "";
  const Lang lang = options.lang;
  const int decimals = a.framework->score.decimals;
  auto tr = [lang](std::string_view id, std::string_view en) { return std::string(lang == Lang::en ? en : id); };
  std::string out = "\n" + tr("Ketidakpastian (bootstrap responden)", "Uncertainty (respondent bootstrap)") + "\n";
  std::size_t name_w = display_width(tr("WILAYAH", "REGION"));
  for (const auto& row : view.rows) name_w = std::min<std::size_t>(32, std::max(name_w, display_width(row.unit->name)));
  const std::string interval_head = tr("SELANG ", "INTERVAL ") + view.confidence;
  const std::size_t interval_w = std::max<std::size_t>(display_width(interval_head), std::size_t(decimals) * 2 + 7);
  out += right("#", 4) + "  " + fit(tr("WILAYAH", "REGION"), name_w) + "  " + right(tr("SKOR", "SCORE"), 6) + "  " + fit(interval_head, interval_w) +
         "  " + fit(tr("PERINGKAT MEDIAN (5–95 %)", "MEDIAN RANK (5–95 %)"), 25) + "  " + view.top_label + "\n";
  for (const auto& row : view.rows) {
    const UnitBootstrap& b = *row.boot;
    const std::string ranks = report::rank_interval_text(b, lang);
    std::string line = right(std::to_string(row.result->rank), 4) + "  " + fit(terminal_safe(row.unit->name), name_w) + "  " +
                       right(format_published(row.result->nodes[0].published, decimals, lang), 6) + "  " +
                       fit(b.nodes.empty() ? "–" : report::interval_text(b.nodes[0].percentile, decimals, lang), interval_w) + "  " + fit(ranks, 25) +
                       "  " + report::estimate_text(b.p_top, 2, lang);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  out += "\n" + terminal_safe(view.method) + "\n";
  for (const std::string& sentence : view.unresolved) out += "  " + terminal_safe(sentence) + "\n";
  if (!view.resolved_all.empty()) out += view.resolved_all + "\n";
  return out;
}

}  // namespace

std::string render_text(const Assessment& a, const ReportOptions& options) {
  const Framework& fw = *a.framework;
  const Lang lang = options.lang;
  auto tr = [lang](std::string_view id, std::string_view en) { return std::string(lang == Lang::en ? en : id); };
  const int decimals = fw.score.decimals;
  std::string out;

  out += fmt::format("{} · {} {} · {} {}\n", fw.title.in(lang), fw.id, fw.version, tr("profil bobot", "weight profile"),
                     a.profile < 0 ? "default" : fw.profiles[std::size_t(a.profile)].id);

  // Column widths.
  const report::RankingView ranking = report::ranking_view(a);
  const auto& top = ranking.columns;
  std::size_t score_w = std::max<std::size_t>(5, std::size_t(decimals) + 3);
  std::size_t band_w = 0;
  for (const report::RankingRow& row : ranking.ranked) {
    if (row.band) band_w = std::max(band_w, display_width(row.band->label.in(lang)));
  }
  if (band_w > 0) band_w = std::max(band_w, display_width(tr("PREDIKAT", "BAND")));
  // Top-level columns are headed by node ids, up to 12 characters.
  std::vector<std::size_t> node_w;
  std::size_t fixed = 4 + 2 + 2 + score_w + (band_w ? band_w + 2 : 0);
  for (int t : top) {
    node_w.push_back(std::max(score_w, std::min<std::size_t>(12, display_width(fw.nodes[std::size_t(t)].id))));
    fixed += node_w.back() + 1;
  }
  std::size_t longest = display_width(tr("WILAYAH", "REGION"));
  for (const auto& r : a.results) longest = std::max(longest, display_width(a.unit_of(r).name));
  std::size_t name_w = std::min(longest, options.width > fixed + 12 ? std::min<std::size_t>(32, options.width - fixed) : std::size_t(12));

  std::string header = right("#", 4) + "  " + fit(tr("WILAYAH", "REGION"), name_w) + "  " + right(tr("SKOR", "SCORE"), score_w);
  if (band_w) header += "  " + fit(tr("PREDIKAT", "BAND"), band_w);
  for (std::size_t k = 0; k < top.size(); ++k) header += " " + right(fw.nodes[std::size_t(top[k])].id.substr(0, node_w[k]), node_w[k]);
  out += "\n" + header + "\n";

  for (const report::RankingRow& row : ranking.ranked) {
    const UnitResult& r = *row.result;
    if (ranking.several_tiers && row.first_of_tier) out += "\n" + rank_tier_label(row.tier).in(lang) + "\n";
    std::string line = right(std::to_string(r.rank), 4) + "  " + fit(terminal_safe(row.unit->name), name_w) + "  " +
                       right(format_published(r.nodes[0].published, decimals, lang), score_w);
    if (band_w) line += "  " + fit(row.band ? row.band->label.in(lang) : "", band_w);
    for (std::size_t k = 0; k < top.size(); ++k) {
      const NodeScore& s = r.nodes[std::size_t(top[k])];
      line += " " + right(s.assessed ? format_published(s.published, decimals, lang) : "–", node_w[k]);
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  // Legend for the top-level columns.
  std::vector<std::string> legend;
  for (int t : top) legend.push_back(fmt::format("{} = {}", fw.nodes[std::size_t(t)].id, fw.nodes[std::size_t(t)].name.in(lang)));
  out += "\n" + fmt::format("{}", fmt::join(legend, "; ")) + "\n";

  if (!ranking.not_assessed.empty()) {
    out += "\n" + tr("Tidak Dapat Dinilai:", "Not assessable:") + "\n";
    for (const report::RankingRow& row : ranking.not_assessed) {
      out += fmt::format("  {} — {}\n", terminal_safe(row.unit->name), row.result->not_assessed_reason().in(lang));
    }
  }
  out += uncertainty_section(a, options);
  if (options.uncertainty_analysis) out += "\n" + report::uncertainty_section_text(*options.uncertainty_analysis, a, lang);
  if (a.treatment) out += report::treatment_text(report::treatment_tables(*a.treatment, a, lang));
  if (options.rollup) out += report::rollup_text(report::rollup_tables(*options.rollup, a, lang));
  if (options.instrument) out += "\n" + render_reliability_text(*options.instrument, fw, lang);
  const report::SummaryView s = report::summary_view(a);
  out += "\n" + fmt::format("{}: {} {}, {} {}, {} {}; {} {}. {} {}: {} {}, {} {}.\n", tr("Masukan", "Input"), s.rows_read,
                            tr("baris dibaca", "rows read"), s.rows_accepted, tr("diterima", "accepted"), s.rows_rejected, tr("ditolak", "rejected"),
                            s.cells_ignored, tr("sel diabaikan", "cells ignored"), s.units, tr("unit", "units"), s.units_assessed,
                            tr("dinilai", "assessed"), s.units_not_assessable, tr("tidak dapat dinilai", "not assessable"));
  return out;
}

}  // namespace siap
