// Markdown report: the sections of the HTML report without the charts
// (ranking, profiles, data quality, method), with input text escaped so a
// unit name cannot become markup.
#include <fmt/format.h>

#include <cmath>

#include <map>

#include "report/reliability_sections.hpp"
#include "report/report_labels.hpp"
#include "report/report_view.hpp"
#include "report/rollup_tables.hpp"
#include "report/treatment_tables.hpp"
#include "report/uncertainty_sections.hpp"
#include "siap/report.hpp"

namespace siap {
namespace {

// Per chosen unit: score and band, the top-level scores, the gap to the next
// band, the strongest and weakest elements.
std::string profiles(const Assessment& a, const ReportOptions& options) {
  const Framework& fw = *a.framework;
  const Lang lang = options.lang;
  auto tr = [lang](std::string_view id, std::string_view en) { return report::tr(lang, id, en); };
  const report::ProfilesView view = report::profiles_view(a, options);
  if (view.units.empty()) return "";
  std::string out = fmt::format("\n## {}\n", tr("Profil wilayah", "Regional profiles"));
  auto list = [&](const std::vector<report::NodeEntry>& entries) {
    std::vector<std::string> parts;
    for (const auto& e : entries) parts.push_back(fmt::format("{} {}", markdown_escape(e.name), report::published_text(fw, *e.score, lang)));
    return fmt::format("{}", fmt::join(parts, "; "));
  };
  for (const report::ProfileView& p : view.units) {
    const UnitResult& r = *p.result;
    out += fmt::format("\n### {}\n\n", markdown_escape(p.unit->name));
    std::string band;
    if (p.band) band = " (" + markdown_escape(p.band->label.in(lang)) + ")";
    out += fmt::format("- {}: **{}**{}", report::label::kScore.in(lang), report::published_text(fw, r.nodes[0], lang), band);
    if (r.rank > 0) out += fmt::format(", {} {}", tr("peringkat", "rank"), r.rank);
    out += "\n";
    out += fmt::format("- {}: {}\n", tr("Profil", "Profile"), list(p.axes));
    if (p.next_band) {
      out += fmt::format("- {}: {} ({})\n", tr("Selisih ke predikat berikutnya", "Gap to the next band"),
                         format_published(*r.gap_to_next_band, fw.score.decimals, lang), markdown_escape(p.next_band->label.in(lang)));
    }
    if (!p.strongest.empty()) {
      out += fmt::format("- {}: {}\n- {}: {}\n", report::label::kStrongest.in(lang), list(p.strongest), report::label::kWeakest.in(lang),
                         list(p.weakest));
    }
  }
  return out;
}

// The framework's tree (down to the elements when the items are many),
// weights, effective shares, status marks, rounding and sources.
std::string method(const Assessment& a, const ReportOptions& options) {
  const Framework& fw = *a.framework;
  const Lang lang = options.lang;
  auto tr = [lang](std::string_view id, std::string_view en) { return report::tr(lang, id, en); };
  std::string out = fmt::format("\n## {}\n\n", report::label::kMethod.in(lang));
  out += fmt::format("- {}: {} – {}; {} {} {}.\n", report::label::kScoreRange.in(lang), format_published(fw.score.min, fw.score.decimals, lang),
                     format_published(fw.score.max, fw.score.decimals, lang),
                     tr("nilai terbit dibulatkan setengah ke atas pada nilai eksak ke", "published values are rounded half up on the exact value to"),
                     fw.score.decimals, report::label::kDecimals.in(lang));
  out += fmt::format("- siap {}", markdown_escape(options.tool_version));
  for (const auto& setting : options.settings) out += fmt::format(" · `{}`", setting);
  out += "\n";
  for (const auto& f : a.data->files) out += fmt::format("- {} SHA-256 `{}`\n", markdown_escape(f.name), f.sha256);
  out += fmt::format("\n| {} | {} | {} | {} |\n|---|---:|---:|---|\n", report::label::kElement.in(lang), tr("Bobot", "Weight"),
                     tr("Bagian efektif", "Effective share"), report::label::kStatus.in(lang));
  for (const report::MethodRow& row : report::method_view(a, lang).tree) {
    if (!row.listed) continue;
    std::string indent;
    for (int d = 1; d < row.depth; ++d) indent += "&nbsp;&nbsp;";
    out += fmt::format("| {}{} | {} | {} | {} |\n", indent, markdown_escape(row.name), row.weight.to_string(), report::percent_text(row.share, lang),
                       row.status);
  }
  if (!fw.sources.empty()) {
    out += fmt::format("\n{}:\n\n", report::label::kSources.in(lang));
    for (const auto& source : fw.sources) {
      out += fmt::format("- {} ({}){}\n", markdown_escape(source.citation), status_label(source.status).in(lang),
                         source.url.empty() ? "" : " " + markdown_escape(source.url));
    }
  }
  return out;
}

// With --bootstrap: the intervals and rank distributions, and in words the
// neighbours the resamples cannot tell apart.
std::string uncertainty(const Assessment& a, const ReportOptions& options) {
  const report::UncertaintyView view = report::uncertainty_view(a, options);
  if (view.result == nullptr) return "";
  const Lang lang = options.lang;
  const int decimals = a.framework->score.decimals;
  auto tr = [lang](std::string_view id, std::string_view en) { return std::string(lang == Lang::en ? en : id); };
  std::string out = fmt::format("\n## {}\n\n{}\n\n", tr("Ketidakpastian", "Uncertainty"), markdown_escape(view.method));
  out += fmt::format("| # | {} | {} | {} {} | BCa | {} | {} |\n|---:|---|---:|---|---|---|---:|\n", report::label::kRegion.in(lang),
                     report::label::kScore.in(lang), tr("Selang persentil", "Percentile interval"), view.confidence,
                     tr("Peringkat median (5–95 %)", "Median rank (5–95 %)"), view.top_label);
  for (const auto& row : view.rows) {
    const UnitBootstrap& b = *row.boot;
    const NodeBootstrap* index = b.nodes.empty() ? nullptr : &b.nodes[0];
    const std::string ranks = report::rank_interval_text(b, lang);
    out += fmt::format("| {} | {} | {} | {} | {} | {} | {} |\n", row.result->rank, markdown_escape(row.unit->name),
                       format_published(row.result->nodes[0].published, decimals, lang),
                       index ? report::interval_text(index->percentile, decimals, lang) : "–",
                       index ? report::interval_text(index->bca, decimals, lang) : "–", ranks, report::estimate_text(b.p_top, 2, lang));
  }
  out += "\n";
  for (const std::string& sentence : view.unresolved) out += "- " + markdown_escape(sentence) + "\n";
  if (!view.resolved_all.empty()) out += markdown_escape(view.resolved_all) + "\n";
  return out;
}

}  // namespace

std::string render_markdown(const Assessment& a, const ReportOptions& options) {
  const Framework& fw = *a.framework;
  const Lang lang = options.lang;
  const int decimals = fw.score.decimals;
  auto tr = [lang](std::string_view id, std::string_view en) { return std::string(lang == Lang::en ? en : id); };
  std::string out;
  out += fmt::format("# {}\n\n", markdown_escape(report::study_title(a, options)));
  if (!options.title.empty()) out += fmt::format("{}\n\n", markdown_escape(fw.title.in(lang)));
  out += fmt::format("{}: `{}` {} · {}: {} · {}: {}", tr("Kerangka", "Framework"), fw.id, markdown_escape(fw.version), tr("status", "status"),
                     status_label(fw.provenance.status).in(lang), tr("profil bobot", "weight profile"),
                     markdown_escape(report::weight_profile_label(a, lang)));
  if (!options.date.empty()) out += fmt::format(" · {}", markdown_escape(options.date));
  out += "\n\n";
  const report::RankingView ranking = report::ranking_view(a);
  const bool banded = report::overall_band_set(fw) != nullptr;
  out += fmt::format("## {}\n\n", tr("Peringkat", "Ranking"));
  std::string header = fmt::format("| # | {} | {} |", report::label::kRegion.in(lang), report::label::kScore.in(lang));
  std::string rule = "|---:|---|---:|";
  if (banded) {
    header += fmt::format(" {} |", report::label::kBand.in(lang));
    rule += "---|";
  }
  for (int t : ranking.columns) {
    header += fmt::format(" {} |", markdown_escape(fw.nodes[std::size_t(t)].name.in(lang)));
    rule += "---:|";
  }
  if (!ranking.several_tiers) out += header + "\n" + rule + "\n";
  for (const report::RankingRow& row : ranking.ranked) {
    const UnitResult& r = *row.result;
    if (ranking.several_tiers && row.first_of_tier) {
      out += fmt::format("{}### {}\n\n{}\n{}\n", &row == &ranking.ranked.front() ? "" : "\n", rank_tier_label(row.tier).in(lang), header, rule);
    }
    std::string line =
        fmt::format("| {} | {} | {} |", r.rank, markdown_escape(row.unit->name), format_published(r.nodes[0].published, decimals, lang));
    if (banded) line += fmt::format(" {} |", row.band ? markdown_escape(row.band->label.in(lang)) : "");
    for (int t : ranking.columns) line += fmt::format(" {} |", report::published_text(fw, r.nodes[std::size_t(t)], lang));
    out += line + "\n";
  }
  if (!ranking.not_assessed.empty()) {
    out += fmt::format("\n## {}\n\n", report::label::kNotAssessable.in(lang));
    for (const report::RankingRow& row : ranking.not_assessed) {
      out += fmt::format("- {}: {}\n", markdown_escape(row.unit->name), markdown_escape(row.result->not_assessed_reason().in(lang)));
    }
  }
  if (a.treatment) out += report::treatment_markdown(report::treatment_tables(*a.treatment, a, lang), 2);
  if (options.rollup) out += report::rollup_markdown(report::rollup_tables(*options.rollup, a, lang), 2);
  out += uncertainty(a, options);
  if (options.uncertainty_analysis) out += "\n" + report::uncertainty_section_markdown(*options.uncertainty_analysis, a, lang, 2);
  if (options.instrument) out += "\n" + report::reliability_markdown(report::reliability_tables(*options.instrument, fw, lang), 2);
  out += profiles(a, options);
  const report::SummaryView summary = report::summary_view(a);
  out += fmt::format("\n## {}\n\n", tr("Kualitas data", "Data quality"));
  out += fmt::format("- {}: {}\n- {}: {}\n- {}: {}\n", tr("Baris dibaca", "Rows read"), report::count_text(summary.rows_read, lang),
                     report::label::kAccepted.in(lang), report::count_text(summary.rows_accepted, lang), report::label::kRejected.in(lang),
                     report::count_text(summary.rows_rejected, lang));
  for (const auto& c : report::quality_view(a).by_code) out += fmt::format("- `{}`: {}\n", c.code, report::count_text(c.count, lang));
  out += fmt::format("\n{} {}.\n", tr("Rincian setiap masalah ada di", "Every problem is listed in"), markdown_escape(options.quality_file));
  out += method(a, options);
  return out;
}

}  // namespace siap
