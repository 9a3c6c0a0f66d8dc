// The HTML report: one self-contained file (inline CSS and SVG, no scripts,
// no external assets) that prints on A4. Every text from the input or the
// framework goes through html_escape(), so a name cannot become markup.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "report/html_style.hpp"
#include "report/map_svg.hpp"
#include "report/reliability_sections.hpp"
#include "report/report_labels.hpp"
#include "report/report_view.hpp"
#include "report/rollup_tables.hpp"
#include "report/treatment_tables.hpp"
#include "report/uncertainty_sections.hpp"
#include "siap/utf8.hpp"

namespace siap {
namespace {

using report::tr;

// Splits a label at the space nearest its middle when it is longer than
// `width` code points; each line is then cut to `width` with an ellipsis.
std::pair<std::string, std::string> two_lines(std::string_view s, std::size_t width) {
  if (code_points(s) <= width) return {std::string(s), ""};
  std::size_t best = std::string_view::npos;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ' ' && (best == std::string_view::npos || (i > s.size() / 2 ? i - s.size() / 2 : s.size() / 2 - i) <
                                                              (best > s.size() / 2 ? best - s.size() / 2 : s.size() / 2 - best))) {
      best = i;
    }
  }
  if (best == std::string_view::npos) return {shorten(s, width), ""};
  return {shorten(s.substr(0, best), width), shorten(s.substr(best + 1), width)};
}

class HtmlWriter {
 public:
  HtmlWriter(const Assessment& a, const ReportOptions& o)
      : a_(a), fw_(*a.framework), o_(o), lang_(o.lang), summary_(report::summary_view(a)), ranking_(report::ranking_view(a)) {}

  std::string write() {
    head();
    summary();
    ranking();
    bars();
    map(report::kabupaten_kota_map(a_, lang_));
    if (a_.treatment) out_ += report::treatment_html(report::treatment_tables(*a_.treatment, a_, lang_));
    if (o_.rollup) {
      out_ += report::rollup_html(report::rollup_tables(*o_.rollup, a_, lang_));
      map(report::province_map(*o_.rollup, lang_));
    }
    uncertainty();
    if (o_.uncertainty_analysis) out_ += report::uncertainty_section_html(*o_.uncertainty_analysis, a_, lang_, true);
    if (o_.instrument) out_ += report::reliability_html(report::reliability_tables(*o_.instrument, fw_, lang_));
    profiles();
    not_assessed();
    quality();
    method();
    footer();
    out_ += "</body>\n</html>\n";
    return std::move(out_);
  }

 private:
  std::string t(std::string_view id, std::string_view en) const { return tr(lang_, id, en); }
  std::string t(const LocalizedText& text) const { return text.in(lang_); }
  std::string number(const NodeScore& s) const { return report::published_text(fw_, s, lang_); }
  std::string decimal(const Decimal& d) const { return format_published(d, fw_.score.decimals, lang_); }

  std::string band_span(int node, const NodeScore& score) const {
    const Band* band = report::band_of(fw_, node, score);
    if (!band) return "";
    std::string color = *report::band_color_of(fw_, node, score);
    return fmt::format(R"(<span class="band" style="background:{};color:{};padding:1px 6px;border-radius:3px">{}</span>)", color,
                       report::text_color_on(color), html_escape(band->label.in(lang_)));
  }

  void head() {
    out_ += fmt::format("<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n", lang_ == Lang::en ? "en" : "id");
    out_ += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out_ += fmt::format("<meta name=\"generator\" content=\"siap {}\">\n", html_escape(o_.tool_version));
    out_ += fmt::format("<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n", html_escape(report::study_title(a_, o_)), report::kHtmlStyle);
    out_ += fmt::format("<header>\n<h1>{}</h1>\n", html_escape(report::study_title(a_, o_)));
    std::string meta = fmt::format("{} · <code>{}</code> {} · {}: {} · {}: {}", html_escape(fw_.title.in(lang_)), html_escape(fw_.id),
                                   html_escape(fw_.version), t("status", "status"), html_escape(status_label(fw_.provenance.status).in(lang_)),
                                   t("profil bobot", "weight profile"), html_escape(report::weight_profile_label(a_, lang_)));
    if (!o_.date.empty()) meta += fmt::format(" · {}", html_escape(o_.date));
    out_ += fmt::format("<p class=\"meta\">{}</p>\n</header>\n", meta);
  }

  void summary() {
    out_ += "<section class=\"counts\">\n";
    auto card = [&](std::string_view label, std::size_t value) {
      out_ += fmt::format("<div><b>{}</b>{}</div>\n", report::count_text(value, lang_), label);
    };
    card(t("baris dibaca", "rows read"), summary_.rows_read);
    card(t("diterima", "accepted"), summary_.rows_accepted);
    card(t("ditolak", "rejected"), summary_.rows_rejected);
    card(t("unit dinilai", "units assessed"), summary_.units_assessed);
    card(t("tidak dapat dinilai", "not assessable"), summary_.units_not_assessable);
    out_ += "</section>\n";
    if (const BandSet* set = report::overall_band_set(fw_)) {
      out_ += fmt::format("<p class=\"legend\">{}: ", html_escape(set->name.in(lang_)));
      for (std::size_t b = set->bands.size(); b-- > 0;) {
        std::string color = report::band_color(*set, b);
        const Band& band = set->bands[b];
        out_ += fmt::format("<span style=\"background:{};color:{}\">{} ({} {})</span>", color, report::text_color_on(color),
                            html_escape(band.label.in(lang_)), "≥", decimal(band.from));
      }
      out_ += "</p>\n";
    }
  }

  void ranking() {
    const auto& top = ranking_.columns;
    const bool several_provinces = ranking_.several_provinces;
    out_ += fmt::format("<section>\n<h2>{}</h2>\n<div class=\"scroll\">\n<table>\n<thead><tr><th class=\"num\">#</th><th>{}</th>",
                        t("Peringkat", "Ranking"), t(report::label::kRegion));
    if (several_provinces) out_ += fmt::format("<th>{}</th>", t(report::label::kProvince));
    out_ += fmt::format("<th class=\"num\">{}</th><th>{}</th>", t(report::label::kScore), t(report::label::kBand));
    for (int n : top) out_ += fmt::format("<th class=\"num\">{}</th>", html_escape(fw_.nodes[std::size_t(n)].name.in(lang_)));
    out_ += "</tr></thead>\n<tbody>\n";
    const std::size_t columns = 4 + (several_provinces ? 1 : 0) + top.size();
    for (const report::RankingRow& row : ranking_.ranked) {
      const UnitResult& r = *row.result;
      if (ranking_.several_tiers && row.first_of_tier) {
        out_ += fmt::format("<tr class=\"tier\"><th colspan=\"{}\">{}</th></tr>\n", columns, t(rank_tier_label(row.tier)));
      }
      out_ += fmt::format("<tr><td class=\"num\">{}</td><td class=\"unit\">{}</td>", r.rank, html_escape(row.unit->name));
      if (several_provinces) out_ += fmt::format("<td>{}</td>", html_escape(row.province));
      out_ += fmt::format("<td class=\"num\"><b>{}</b></td><td>{}</td>", number(r.nodes[0]), band_span(0, r.nodes[0]));
      for (int n : top) out_ += fmt::format("<td class=\"num\">{}</td>", number(r.nodes[std::size_t(n)]));
      out_ += "</tr>\n";
    }
    out_ += "</tbody>\n</table>\n</div>\n</section>\n";
  }

  // Horizontal bars in ranking order; plain HTML rows so that a long
  // ranking breaks across printed pages between bars.
  void bars() {
    if (ranking_.ranked.empty()) return;
    const double lo = fw_.score.min.to_double(), hi = fw_.score.max.to_double();
    out_ += fmt::format("<section>\n<h2>{}</h2>\n<div class=\"bars\" role=\"img\" aria-label=\"{}\">\n", t("Grafik skor", "Score chart"),
                        t("Skor per wilayah", "Score per region"));
    for (const report::RankingRow& row : ranking_.ranked) {
      const UnitResult& r = *row.result;
      double v = r.nodes[0].published.to_double();
      double pct = hi > lo ? std::clamp((v - lo) / (hi - lo), 0.0, 1.0) * 100 : 0;
      std::string color = report::band_color_of(fw_, 0, r.nodes[0]).value_or("#4472C4");
      // With --bootstrap, the index's percentile interval as a whisker.
      std::string whisker;
      if (const UnitBootstrap* b = boot_of(r); b && !b->nodes.empty() && !std::isnan(b->nodes[0].percentile.low)) {
        auto at = [&](double x) { return hi > lo ? std::clamp((x - lo) / (hi - lo), 0.0, 1.0) * 100 : 0; };
        const Interval& i = b->nodes[0].percentile;
        whisker = fmt::format("<div class=\"whisker\" style=\"left:{:.2f}%;width:{:.2f}%\" title=\"{}\"></div>", at(i.low),
                              std::max(at(i.high) - at(i.low), 0.3), report::interval_text(i, fw_.score.decimals, lang_));
      }
      out_ += fmt::format(
          "<div class=\"name\">{}. {}</div><div class=\"track\"><div class=\"bar\" style=\"width:{:.2f}%;background:{}\"></div>{}</div><div "
          "class=\"value\">{}</div>\n",
          r.rank, html_escape(row.unit->name), pct, color, whisker, number(r.nodes[0]));
    }
    out_ += fmt::format(
        "</div>\n<p class=\"note\">{} {} – {}.{}</p>\n</section>\n", t("Sumbu skor:", "Score axis:"), decimal(fw_.score.min), decimal(fw_.score.max),
        o_.bootstrap ? " " + t("Garis hitam: selang kepercayaan bootstrap (persentil).", "Black lines: bootstrap confidence intervals (percentile).")
                     : "");
  }

  const UnitBootstrap* boot_of(const UnitResult& r) const {
    return o_.bootstrap ? &o_.bootstrap->units[std::size_t(&r - a_.results.data())] : nullptr;
  }

  // A choropleth with every region's name, score and band on hover, and the
  // same in a table beside it (for print and screen readers).
  void map(const report::MapSpec& spec) {
    if (spec.regions.empty()) return;
    out_ += fmt::format("<section>\n<h2>{}</h2>\n<div class=\"map\">\n<div class=\"map-svg\">\n{}</div>\n", html_escape(spec.title),
                        report::map_svg(spec));
    out_ += fmt::format("<div class=\"map-list\">\n<table>\n<thead><tr><th>{}</th><th class=\"num\">{}</th><th>{}</th></tr></thead>\n<tbody>\n",
                        spec.provinces ? t(report::label::kProvince) : t(report::label::kRegion), t(report::label::kScore), t(report::label::kBand));
    for (const report::MapRegion& m : spec.regions) {
      out_ += fmt::format("<tr><td><span class=\"swatch\" style=\"background:{}\"></span>{}</td><td class=\"num\">{}</td><td>{}</td></tr>\n", m.fill,
                          html_escape(m.name), html_escape(m.value), html_escape(m.state));
    }
    out_ += "</tbody>\n</table>\n</div>\n</div>\n";
    out_ += fmt::format("<p class=\"note\">{}</p>\n</section>\n",
                        t("Arahkan penunjuk ke wilayah untuk nama, skor dan predikatnya.", "Hover over a region for its name, score and band."));
  }

  // With --bootstrap: the method, each unit's intervals and rank
  // distribution, a rank-interval chart, and the neighbours the resamples
  // cannot tell apart, in words.
  void uncertainty() {
    const report::UncertaintyView view = report::uncertainty_view(a_, o_);
    if (view.result == nullptr || view.rows.empty()) return;
    const int decimals = fw_.score.decimals;
    out_ += fmt::format("<section>\n<h2>{}</h2>\n<p>{}</p>\n", t("Ketidakpastian", "Uncertainty"), html_escape(view.method));
    if (!view.unresolved.empty()) {
      out_ += "<ul>\n";
      for (const std::string& sentence : view.unresolved) out_ += "<li>" + html_escape(sentence) + "</li>\n";
      out_ += "</ul>\n";
    } else {
      out_ += "<p>" + html_escape(view.resolved_all) + "</p>\n";
    }
    out_ += rank_chart(view);
    out_ += fmt::format(
        "<div class=\"scroll\">\n<table>\n<thead><tr><th class=\"num\">#</th><th>{}</th><th class=\"num\">{}</th><th>{} {}</th><th>BCa</th><th "
        "class=\"num\">{}</th><th>{}</th><th class=\"num\">{}</th></tr></thead>\n<tbody>\n",
        t(report::label::kRegion), t(report::label::kScore), t("Selang persentil", "Percentile interval"), view.confidence,
        t("Galat baku", "Std. error"), t("Peringkat median (5–95 %)", "Median rank (5–95 %)"), html_escape(view.top_label));
    for (const auto& row : view.rows) {
      const UnitBootstrap& b = *row.boot;
      const NodeBootstrap* index = b.nodes.empty() ? nullptr : &b.nodes[0];
      const std::string ranks = report::rank_interval_text(b, lang_);
      out_ += fmt::format(
          "<tr><td class=\"num\">{}</td><td>{}</td><td class=\"num\">{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td>{}</td><td "
          "class=\"num\">{}</td></tr>\n",
          row.result->rank, html_escape(row.unit->name), number(row.result->nodes[0]),
          index ? report::interval_text(index->percentile, decimals, lang_) : "–", index ? report::interval_text(index->bca, decimals, lang_) : "–",
          index ? report::estimate_text(index->standard_error, decimals + 2, lang_) : "–", ranks, report::estimate_text(b.p_top, 2, lang_));
    }
    out_ += "</tbody>\n</table>\n</div>\n</section>\n";
  }

  // Ranks on the x axis (1 at the left), one line per unit from its 5th to
  // its 95th percentile rank, a dot at the median and a ring at the
  // published rank. Inline SVG, no script.
  std::string rank_chart(const report::UncertaintyView& view) const {
    int most = 1;
    for (const auto& row : view.rows) most = std::max({most, row.result->rank, row.boot->rank_high});
    const double label_w = 200, plot_w = 440, row_h = 16, top = 34;
    const double height = top + row_h * double(view.rows.size()) + 8;
    auto x = [&](double rank) { return label_w + (most > 1 ? (rank - 1) / double(most - 1) : 0.5) * plot_w; };
    std::string svg = fmt::format(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" role=\"img\" aria-label=\"{2}\" "
        "font-size=\"10.5\">\n",
        label_w + plot_w + 20, height, html_escape(t("Selang peringkat per wilayah", "Rank interval per region")));
    svg += fmt::format("<text x=\"{:.1f}\" y=\"12\" font-size=\"10\" fill=\"#5b5b5b\">{}</text>\n", label_w,
                       html_escape(t("Peringkat: garis = persentil ke-5–95, titik = median, lingkaran = peringkat terbit",
                                     "Rank: line = 5th–95th percentile, dot = median, ring = published rank")));
    for (int tick = 1; tick <= most; tick += std::max(1, most / 10)) {
      svg += fmt::format(
          "<line x1=\"{0:.1f}\" y1=\"{1}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" stroke=\"#e3e6ea\"/><text x=\"{0:.1f}\" y=\"{3:.1f}\" "
          "font-size=\"9\" text-anchor=\"middle\" fill=\"#5b5b5b\">{4}</text>\n",
          x(tick), top - 4, height - 8, top - 6 + 0, tick);
    }
    double y = top + row_h / 2;
    for (const auto& row : view.rows) {
      const UnitBootstrap& b = *row.boot;
      svg += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"end\">{}</text>\n", label_w - 8, y + 4, html_escape(row.unit->name));
      if (b.ranked > 0) {
        svg += fmt::format("<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#1f4e79\" stroke-width=\"2\"/>\n", x(b.rank_low),
                           y, std::max(x(b.rank_high), x(b.rank_low) + 0.5), y);
        svg += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3\" fill=\"#1f4e79\"/>\n", x(b.median_rank), y);
      }
      svg += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"5\" fill=\"none\" stroke=\"#c00000\" stroke-width=\"1.2\"/>\n", x(row.result->rank),
                         y);
      y += row_h;
    }
    return svg + "</svg>\n";
  }

  std::string radar(const report::ProfileView& p) const {
    const UnitResult& r = *p.result;
    const double width = 520, height = 300, cx = width / 2, cy = height / 2, radius = 95;
    const double lo = fw_.score.min.to_double(), hi = fw_.score.max.to_double();
    const std::size_t n = p.axes.size();
    auto point = [&](std::size_t i, double fraction) {
      double angle = -M_PI / 2 + 2 * M_PI * double(i) / double(n);
      return std::pair{cx + radius * fraction * std::cos(angle), cy + radius * fraction * std::sin(angle)};
    };
    std::string svg = fmt::format(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" role=\"img\" aria-label=\"{2}\">\n", width,
        height, html_escape(t("Profil ", "Profile of ") + p.unit->name));
    // Rings at each whole score.
    for (double level = std::ceil(lo); level <= hi + 1e-9; level += 1) {
      double f = hi > lo ? (level - lo) / (hi - lo) : 0;
      if (f <= 0) continue;
      std::string pts;
      for (std::size_t i = 0; i < n; ++i) {
        auto [x, y] = point(i, f);
        pts += fmt::format("{:.1f},{:.1f} ", x, y);
      }
      svg += fmt::format("<polygon points=\"{}\" fill=\"none\" stroke=\"#d0d4da\" stroke-width=\"1\"/>\n", pts);
      auto [lx, ly] = point(0, f);
      svg += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"9\" fill=\"#5b5b5b\">{}</text>\n", lx + 3, ly + 3,
                         format_published(Decimal::from_int(std::int64_t(level)), 0, lang_));
    }
    std::string pts;
    for (std::size_t i = 0; i < n; ++i) {
      auto [x, y] = point(i, 1);
      svg += fmt::format("<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#d0d4da\"/>\n", cx, cy, x, y);
      const NodeScore& s = *p.axes[i].score;
      double f = s.assessed && hi > lo ? std::clamp((s.published.to_double() - lo) / (hi - lo), 0.0, 1.0) : 0;
      auto [px, py] = point(i, f);
      pts += fmt::format("{:.1f},{:.1f} ", px, py);
      auto [tx, ty] = point(i, 1.13);
      const char* anchor = std::abs(tx - cx) < 8 ? "middle" : (tx > cx ? "start" : "end");
      // The name on up to two lines of about 20 characters, the score after it.
      auto [first, second] = two_lines(p.axes[i].name, 20);
      double label_y = second.empty() ? ty + 4 : ty - 2;
      if (std::abs(tx - cx) < 8 && ty < cy) label_y -= second.empty() ? 4 : 12;  // clear of the top ring's label
      svg += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"10.5\" text-anchor=\"{}\">{}", tx, label_y, anchor, html_escape(first));
      if (!second.empty()) svg += fmt::format("<tspan x=\"{:.1f}\" dy=\"12\">{}</tspan>", tx, html_escape(second));
      svg += fmt::format(" <tspan font-weight=\"bold\">{}</tspan></text>\n", number(s));
    }
    std::string color = report::band_color_of(fw_, 0, r.nodes[0]).value_or("#4472C4");
    svg += fmt::format("<polygon points=\"{}\" fill=\"{}\" fill-opacity=\"0.35\" stroke=\"{}\" stroke-width=\"2\"/>\n", pts, color, color);
    svg += "</svg>\n";
    return svg;
  }

  void profiles() {
    const report::ProfilesView view = report::profiles_view(a_, o_);
    if (view.units.empty()) return;
    out_ += fmt::format("<section>\n<h2>{}</h2>\n", t("Profil wilayah", "Regional profiles"));
    if (view.top_only) {
      out_ +=
          fmt::format("<p class=\"note\">{} {} {}; {}</p>\n", t(report::label::kProfilesOf), view.units.size(), t(report::label::kTopRanked),
                      t("pilih unit lain dengan <code>--profiles-for KODE,...</code>", "choose others with <code>--profiles-for CODE,...</code>"));
    }
    auto list = [&](const std::vector<report::NodeEntry>& entries) {
      std::string s;
      for (const auto& e : entries) s += fmt::format("{}{} ({})", s.empty() ? "" : "; ", html_escape(e.name), number(*e.score));
      return s;
    };
    for (const report::ProfileView& p : view.units) {
      const UnitResult& r = *p.result;
      out_ += "<article class=\"profile\">\n";
      out_ += radar(p);
      out_ += fmt::format("<div class=\"facts\">\n<h3>{}</h3>\n<p>{} <b>{}</b> {}", html_escape(p.unit->name), t(report::label::kScore),
                          number(r.nodes[0]), band_span(0, r.nodes[0]));
      if (r.rank > 0) out_ += fmt::format(" · {} {}", t("peringkat", "rank"), r.rank);
      out_ += "</p>\n";
      if (p.next_band) {
        out_ += fmt::format("<p>{} <b>{}</b> {} <i>{}</i>.</p>\n", t("Kurang", "Needs"), decimal(*r.gap_to_next_band),
                            t("lagi untuk mencapai", "more to reach"), html_escape(p.next_band->label.in(lang_)));
      }
      if (!p.strongest.empty()) {
        out_ += fmt::format("<p><b>{}:</b> {}<br><b>{}:</b> {}</p>\n", t(report::label::kStrongest), list(p.strongest), t(report::label::kWeakest),
                            list(p.weakest));
      }
      out_ += "</div>\n</article>\n";
    }
    out_ += "</section>\n";
  }

  void not_assessed() {
    if (ranking_.not_assessed.empty()) return;
    out_ += fmt::format("<section>\n<h2>{}</h2>\n<ul>\n", t(report::label::kNotAssessable));
    for (const report::RankingRow& row : ranking_.not_assessed) {
      out_ += fmt::format("<li>{}: {}</li>\n", html_escape(row.unit->name), html_escape(row.result->not_assessed_reason().in(lang_)));
    }
    out_ += "</ul>\n</section>\n";
  }

  void quality() {
    out_ += fmt::format("<section>\n<h2>{}</h2>\n", t("Kualitas data", "Data quality"));
    out_ += fmt::format(
        "<table>\n<thead><tr><th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th></tr></thead>\n<tbody>\n",
        t(report::label::kFile), t("Dibaca", "Read"), t(report::label::kAccepted), t(report::label::kRejected));
    const report::QualityView quality = report::quality_view(a_);
    for (const auto& f : *quality.files) {
      out_ +=
          fmt::format("<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n", html_escape(f.name),
                      report::count_text(f.rows_read, lang_), report::count_text(f.rows_accepted, lang_), report::count_text(f.rows_rejected, lang_));
    }
    out_ += "</tbody>\n</table>\n";
    if (quality.problems == 0) {
      out_ += fmt::format("<p>{}</p>\n</section>\n", t("Tidak ada masalah pada data.", "No problems in the data."));
      return;
    }
    out_ += fmt::format("<p>{} {}:</p>\n<table>\n<thead><tr><th>{}</th><th class=\"num\">{}</th><th>{}</th></tr></thead>\n<tbody>\n",
                        report::count_text(quality.problems, lang_), t("masalah", "problems"), t(report::label::kCode), t("Jumlah", "Count"),
                        t("Contoh pertama", "First example"));
    for (const auto& summary : quality.by_code) {
      const std::string& code = summary.code;
      const QualityIssue& first = *summary.first;
      std::string example = fmt::format("{}:{}", html_escape(first.file), first.line);
      if (!first.column.empty()) example += fmt::format(" {} “{}”", html_escape(first.column), html_escape(first.value));
      example += " — " + html_escape(first.reason.in(lang_));
      out_ += fmt::format("<tr><td><code>{}</code></td><td class=\"num\">{}</td><td>{}</td></tr>\n", html_escape(code),
                          report::count_text(summary.count, lang_), example);
    }
    out_ += fmt::format("</tbody>\n</table>\n<p class=\"note\">{}</p>\n</section>\n",
                        lang_ == Lang::en
                            ? fmt::format("Every problem is listed in {}; the workbook's Data quality sheet shows the first examples of each kind.",
                                          html_escape(o_.quality_file))
                            : fmt::format("Setiap masalah tercantum di {}; lembar Kualitas Data pada buku kerja memuat contoh pertama tiap jenis.",
                                          html_escape(o_.quality_file)));
  }

  void method() {
    const report::MethodView view = report::method_view(a_, lang_);
    out_ += fmt::format("<section>\n<h2>{}</h2>\n", t(report::label::kMethod));
    if (!fw_.description.empty()) out_ += fmt::format("<p>{}</p>\n", html_escape(fw_.description.in(lang_)));
    out_ += "<ul>\n";
    out_ +=
        fmt::format("<li>{}: {} – {}; {} {} {}.</li>\n", t(report::label::kScoreRange), decimal(fw_.score.min), decimal(fw_.score.max),
                    t("nilai terbit dibulatkan setengah ke atas pada nilai eksak ke", "published values are rounded half up on the exact value to"),
                    fw_.score.decimals, t(report::label::kDecimals));
    if (fw_.respondents) {
      out_ += fmt::format("<li>{}: {}; {} {}.</li>\n", t("Jawaban responden digabung dengan", "Respondents' answers are combined by"),
                          fw_.respondents->combine == CombineMethod::mean ? t("rata-rata", "the mean") : t("median", "the median"),
                          t("responden minimum per wilayah", "minimum respondents per region"), fw_.respondents->min_respondents);
    }
    out_ += fmt::format("<li>{}: {}.</li>\n</ul>\n", t(report::label::kWeightProfile), html_escape(report::weight_profile_label(a_, lang_)));
    out_ += fmt::format("<table>\n<thead><tr><th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th>{}</th></tr></thead>\n<tbody>\n",
                        t(report::label::kElement), t("Bobot", "Weight"), t("Bagian efektif", "Effective share"), t(report::label::kStatus));
    for (const report::MethodRow& row : view.tree) {
      if (!row.listed) continue;
      out_ += fmt::format("<tr><td style=\"padding-left:{}px\">{}{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td></tr>\n",
                          6 + 16 * (row.depth - 1), row.depth == 1 ? "<b>" : "", html_escape(row.name) + (row.depth == 1 ? "</b>" : ""),
                          html_escape(row.weight.to_string()), report::percent_text(row.share, lang_), html_escape(row.status));
    }
    out_ += "</tbody>\n</table>\n";
    if (view.items_elsewhere) {
      out_ += fmt::format("<p class=\"note\">{} {} {}</p>\n", fw_.leaves.size(),
                          t("butir beserta bobotnya tercantum di lembar Metode pada buku kerja.",
                            "items and their weights are listed in the workbook's Method sheet."),
                          "");
    }
    if (!fw_.sources.empty()) {
      out_ += fmt::format("<h3 style=\"margin-top:14px\">{}</h3>\n<ul>\n", t(report::label::kSources));
      for (const auto& source : fw_.sources) {
        out_ += fmt::format("<li>{} <span class=\"note\">({})</span>{}</li>\n", html_escape(source.citation),
                            html_escape(status_label(source.status).in(lang_)), source.url.empty() ? "" : " — " + html_escape(source.url));
      }
      out_ += "</ul>\n";
    }
    out_ += fmt::format("<p class=\"note\">{}</p>\n</section>\n", t("Status “ditetapkan proyek” menandai pilihan siap, bukan ketetapan pemerintah.",
                                                                    "Status “project-defined” marks siap's own choices, not the government's."));
  }

  void footer() {
    out_ += fmt::format("<footer>\n{} siap {}", t("Dibuat dengan", "Made with"), html_escape(o_.tool_version));
    for (const auto& setting : o_.settings) out_ += " · " + html_escape(setting);
    for (const auto& f : a_.data->files) out_ += fmt::format("<br>{} SHA-256 {}", html_escape(f.name), html_escape(f.sha256));
    out_ += "\n</footer>\n";
  }

  const Assessment& a_;
  const Framework& fw_;
  const ReportOptions& o_;
  Lang lang_;
  const report::SummaryView summary_;
  const report::RankingView ranking_;
  std::string out_;
};

}  // namespace

std::string render_html(const Assessment& a, const ReportOptions& options) { return HtmlWriter(a, options).write(); }

}  // namespace siap
