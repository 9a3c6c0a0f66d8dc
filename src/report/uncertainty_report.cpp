// An uncertainty and sensitivity analysis (siap uncertainty) in each
// document: the method in words, per unit its nominal, median and 5–95 %
// rank interval (the JRC convention), per choice its sensitivity indices,
// and in HTML a rank-interval chart and sensitivity bars.
#include <fmt/format.h>

#include <cmath>

#include "report/html_style.hpp"
#include "report/json_writer.hpp"
#include "report/report_view.hpp"
#include "report/table.hpp"
#include "report/uncertainty_sections.hpp"
#include "report/xlsx_file.hpp"
#include "report/xlsx_sheet.hpp"
#include "siap/report.hpp"
#include "siap/uncertainty.hpp"

namespace siap {
namespace {

using report::count_text;
using report::estimate_text;

std::string rank_text(double r, Lang lang) {
  if (std::isnan(r)) return "–";
  if (r == std::floor(r)) return fmt::format("{}", int(r));
  return estimate_text(r, 1, lang);
}

struct UncertaintyTables {
  std::string title;
  std::vector<std::string> method;
  report::Table ranks;
  report::Table sensitivity;  // empty rows: uncertainty only
};

UncertaintyTables tables(const UncertaintyResult& r, const Assessment& nominal, Lang lang) {
  const UncertaintySpec& spec = *r.spec;
  const Framework& fw = *nominal.framework;
  const bool id = lang == Lang::id;
  auto tr = [id](const char* i, const char* e) { return std::string(id ? i : e); };
  UncertaintyTables t;
  t.title = spec.sensitivity ? tr("Analisis ketidakpastian dan sensitivitas", "Uncertainty and sensitivity analysis")
                             : tr("Analisis ketidakpastian", "Uncertainty analysis");
  std::vector<std::string> inputs;
  for (UncertainInput input : spec.inputs) {
    std::string what = uncertain_input_label(input).in(lang);
    switch (input) {
      case UncertainInput::weights:
        what += spec.weight_noise > 0 ? fmt::format(" (±{} %)", estimate_text(spec.weight_noise * 100, 0, lang))
                                      : fmt::format(" ({} {})", spec.weight_profiles.size(), tr("profil", "profiles"));
        break;
      case UncertainInput::aggregation: {
        std::vector<std::string> names;
        for (const auto& a : spec.aggregations) names.push_back(a.as_declared ? tr("sesuai kerangka", "as declared") : a.label());
        what += " (" + fmt::format("{}", fmt::join(names, ", ")) + ")";
        break;
      }
      case UncertainInput::normalisation: {
        std::vector<std::string> names;
        for (const auto& n : spec.normalisers) names.push_back(n.as_declared ? tr("sesuai kerangka", "as declared") : n.label());
        what += " (" + fmt::format("{}", fmt::join(names, ", ")) + ")";
        break;
      }
      default:
        break;
    }
    inputs.push_back(what);
  }
  t.method.push_back(fmt::format("{}: {}.", tr("Pilihan yang divariasikan", "Choices varied"), fmt::join(inputs, "; ")));
  t.method.push_back(
      spec.sensitivity
          ? fmt::format("{} N = {}, d = {}: {} {}; {}.", tr("Desain Saltelli dengan", "Saltelli design with"), spec.replicates, spec.inputs.size(),
                        r.runs, tr("kali dibangun ulang", "rebuilds"),
                        tr("statistik peringkat dari 2N pertama (A dan B), seperti COINr", "rank statistics from the first 2N (A and B), as COINr"))
          : fmt::format("{} {} {}.", r.runs, tr("replikasi, setiap pilihan diundi seragam", "replicates, each choice drawn uniformly"), ""));
  t.method.push_back(
      fmt::format("{} {}; {}.", tr("Benih acak (seed)", "Random seed"), spec.seed,
                  tr("hasil sama untuk benih yang sama, berapa pun jumlah thread", "the same seed gives the same result on any number of threads")));
  t.method.push_back(
      fmt::format("{}: {}.", tr("Sasaran", "Target"), spec.target == 0 ? tr("indeks", "the index") : fw.nodes[std::size_t(spec.target)].id));
  if (spec.sensitivity) {
    t.method.push_back(tr(
        "Keluaran untuk indeks sensitivitas: rata-rata perubahan peringkat absolut terhadap peringkat nominal; Si (Saltelli 2010) dan STi (Jansen), "
        "interval 5–95 % dari bootstrap.",
        "Output for the sensitivity indices: the mean absolute rank change from the nominal rank; Si (Saltelli 2010) and STi (Jansen), "
        "5–95 % intervals by bootstrap."));
  }
  t.ranks.header = {tr("Wilayah", "Region"),
                    tr("Nominal", "Nominal"),
                    tr("Median", "Median"),
                    tr("Rata-rata", "Mean"),
                    tr("P5", "P5"),
                    tr("P95", "P95"),
                    tr("Replikasi berperingkat", "Replicates ranked")};
  for (const UnitRanks& u : r.units) {
    t.ranks.rows.push_back({{nominal.data->units[std::size_t(u.unit)].name},
                            {u.nominal > 0 ? std::to_string(u.nominal) : std::string("–"), true},
                            {rank_text(u.median, lang), true},
                            {u.ranked ? estimate_text(u.mean, 1, lang) : std::string("–"), true},
                            {rank_text(u.q05, lang), true},
                            {rank_text(u.q95, lang), true},
                            {count_text(u.ranked, lang), true}});
  }
  t.ranks.notes.push_back(tr("Peringkat nominal: penilaian kerangka apa adanya. P5–P95: persentil ke-5 dan ke-95 peringkat (kuantil R tipe 7).",
                             "Nominal rank: the framework's own assessment. P5–P95: the 5th and 95th percentile ranks (R's quantile type 7)."));
  if (spec.sensitivity) {
    t.sensitivity.header = {tr("Pilihan", "Choice"), "Si", "Si P5–P95", "STi", "STi P5–P95"};
    for (const SensitivityIndex& s : r.indices) {
      t.sensitivity.rows.push_back({{uncertain_input_label(s.input).in(lang)},
                                    {estimate_text(s.first, 3, lang), true},
                                    {estimate_text(s.first_q05, 3, lang) + "–" + estimate_text(s.first_q95, 3, lang), true},
                                    {estimate_text(s.total, 3, lang), true},
                                    {estimate_text(s.total_q05, 3, lang) + "–" + estimate_text(s.total_q95, 3, lang), true}});
    }
  }
  return t;
}

// Rank intervals: one line per unit from P5 to P95, the median as a dot,
// the nominal rank as a bar.
std::string rank_chart(const UncertaintyResult& r, const Assessment& nominal, Lang lang) {
  std::size_t max_rank = 1;
  for (const UnitRanks& u : r.units) max_rank = std::max<std::size_t>(max_rank, std::size_t(std::max<double>(u.q95, double(u.nominal))));
  const double left = 190, width = 520, row = 16;
  const double height = 30 + row * double(r.units.size());
  auto x = [&](double rank) { return left + (rank - 1) / double(std::max<std::size_t>(max_rank - 1, 1)) * width; };
  std::string svg = fmt::format("<svg class=\"rank-intervals\" viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"{}\">\n", left + width + 20, height,
                                html_escape(lang == Lang::id ? "Interval peringkat" : "Rank intervals"));
  svg += fmt::format("<text x=\"{}\" y=\"14\" font-size=\"11\">1</text><text x=\"{}\" y=\"14\" font-size=\"11\" text-anchor=\"end\">{}</text>\n",
                     left, left + width, max_rank);
  double y = 28;
  for (const UnitRanks& u : r.units) {
    const std::string name = nominal.data->units[std::size_t(u.unit)].name;
    svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"end\">{}</text>\n", left - 8, y + 4, html_escape(name));
    if (u.ranked) {
      svg += fmt::format("<line x1=\"{:.1f}\" x2=\"{:.1f}\" y1=\"{}\" y2=\"{}\" stroke=\"#6a8fc7\" stroke-width=\"3\"/>\n", x(u.q05), x(u.q95), y, y);
      svg += fmt::format("<circle cx=\"{:.1f}\" cy=\"{}\" r=\"3.5\" fill=\"#1f3b73\"><title>{}: median {}, P5–P95 {}–{}</title></circle>\n",
                         x(u.median), y, html_escape(name), rank_text(u.median, lang), rank_text(u.q05, lang), rank_text(u.q95, lang));
    }
    if (u.nominal > 0) {
      svg += fmt::format("<line x1=\"{:.1f}\" x2=\"{:.1f}\" y1=\"{}\" y2=\"{}\" stroke=\"#c0392b\" stroke-width=\"2\"/>\n", x(u.nominal),
                         x(u.nominal), y - 5, y + 5);
    }
    y += row;
  }
  return svg + "</svg>\n";
}

std::string sensitivity_chart(const UncertaintyResult& r, Lang lang) {
  const double left = 190, width = 400, row = 34;
  const double height = 20 + row * double(r.indices.size());
  std::string svg = fmt::format("<svg class=\"sensitivity\" viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"{}\">\n", left + width + 60, height,
                                html_escape(lang == Lang::id ? "Indeks sensitivitas" : "Sensitivity indices"));
  double y = 10;
  for (const SensitivityIndex& s : r.indices) {
    const double si = std::clamp(s.first, 0.0, 1.0), st = std::clamp(s.total, 0.0, 1.0);
    svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"end\">{}</text>\n", left - 8, y + 14,
                       html_escape(uncertain_input_label(s.input).in(lang)));
    svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{:.1f}\" height=\"11\" fill=\"#1f3b73\"><title>Si {}</title></rect>\n", left, y, si * width,
                       estimate_text(s.first, 3, lang));
    svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{:.1f}\" height=\"11\" fill=\"#9bb6e0\"><title>STi {}</title></rect>\n", left, y + 13,
                       st * width, estimate_text(s.total, 3, lang));
    y += row;
  }
  return svg + "</svg>\n";
}

}  // namespace

namespace report {

std::string uncertainty_section_text(const UncertaintyResult& r, const Assessment& nominal, Lang lang) {
  const UncertaintyTables t = tables(r, nominal, lang);
  std::string out = t.title + "\n";
  for (const std::string& s : t.method) out += terminal_safe(s) + "\n";
  out += "\n" + report::text_table(t.ranks);
  if (!t.sensitivity.rows.empty()) out += "\n" + report::text_table(t.sensitivity);
  return out;
}

std::string uncertainty_section_markdown(const UncertaintyResult& r, const Assessment& nominal, Lang lang, int level) {
  const UncertaintyTables t = tables(r, nominal, lang);
  std::string out = std::string(std::size_t(level), '#') + " " + markdown_escape(t.title) + "\n\n";
  for (const std::string& s : t.method) out += "- " + markdown_escape(s) + "\n";
  out += "\n" + report::markdown_table(t.ranks);
  if (!t.sensitivity.rows.empty()) out += "\n" + report::markdown_table(t.sensitivity);
  return out;
}

std::string uncertainty_section_html(const UncertaintyResult& r, const Assessment& nominal, Lang lang, bool heading) {
  const UncertaintyTables t = tables(r, nominal, lang);
  std::string out = heading ? fmt::format("<section class=\"uncertainty-analysis\">\n<h2>{}</h2>\n", html_escape(t.title)) : "";
  out += "<ul class=\"method\">\n";
  for (const std::string& s : t.method) out += "<li>" + html_escape(s) + "</li>\n";
  out += "</ul>\n" + rank_chart(r, nominal, lang);
  out +=
      fmt::format("<p class=\"legend\">{}</p>\n",
                  html_escape(lang == Lang::id ? "Garis biru: peringkat persentil ke-5 sampai ke-95; titik: median; garis merah: peringkat nominal."
                                               : "Blue line: 5th to 95th percentile rank; dot: median; red bar: nominal rank."));
  out += report::html_table(t.ranks);
  if (!t.sensitivity.rows.empty()) out += sensitivity_chart(r, lang) + report::html_table(t.sensitivity);
  return heading ? out + "</section>\n" : out;
}

}  // namespace report

std::string render_uncertainty_text(const UncertaintyResult& r, const Assessment& nominal, Lang lang) {
  return report::uncertainty_section_text(r, nominal, lang);
}

std::string render_uncertainty_markdown(const UncertaintyResult& r, const Assessment& nominal, Lang lang) {
  return report::uncertainty_section_markdown(r, nominal, lang, 1);
}

std::string render_uncertainty_html(const UncertaintyResult& r, const Assessment& nominal, Lang lang) {
  const UncertaintyTables t = tables(r, nominal, lang);
  std::string out = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{}svg{{max-width:100%;height:auto}}"
      ".legend{{color:var(--muted);font-size:12.5px}}</style>\n</head>\n<body>\n<h1>{}</h1>\n",
      lang == Lang::id ? "id" : "en", html_escape(t.title), report::kHtmlStyle, html_escape(t.title));
  return out + report::uncertainty_section_html(r, nominal, lang, false) + "</body>\n</html>\n";
}

std::string render_uncertainty_csv(const UncertaintyResult& r, const Assessment& nominal, const ReportOptions& options) {
  const char d = options.csv_decimal_comma ? ';' : ',';
  auto number = [&](double v) {
    if (std::isnan(v)) return std::string();
    std::string text = fmt::format("{:.6g}", v);
    if (options.csv_decimal_comma) {
      for (char& c : text) c = c == '.' ? ',' : c;
    }
    return text;
  };
  std::string out = options.csv_bom ? "\xEF\xBB\xBF" : "";
  auto row = [&](const std::vector<std::string>& fields) { append_csv_row(out, fields, d); };
  const bool en = options.lang == Lang::en;
  row({en ? "code" : "kode", en ? "region" : "wilayah", "nominal", "median", en ? "mean" : "rata_rata", "p05", "p95",
       en ? "replicates_ranked" : "replikasi_berperingkat"});
  for (const UnitRanks& u : r.units) {
    const Unit& unit = nominal.data->units[std::size_t(u.unit)];
    row({unit.code(), spreadsheet_safe(unit.name), u.nominal > 0 ? std::to_string(u.nominal) : "", number(u.median), number(u.mean), number(u.q05),
         number(u.q95), std::to_string(u.ranked)});
  }
  return out;
}

void report::write_uncertainty_json(JsonWriter& w, const UncertaintyResult& r, const Assessment& nominal, bool parameters) {
  const UncertaintySpec& spec = *r.spec;
  auto real = [&](std::string_view k, double v) {
    w.key(k);
    std::isnan(v) ? w.null() : w.number(fmt::format("{:.10g}", v));
  };
  w.begin_object();
  w.field("schema", "siap/uncertainty-result/v1");
  w.field("framework", nominal.framework->id);
  w.field("spec", spec.file);
  w.field("analysis", spec.sensitivity ? "sensitivity" : "uncertainty");
  w.field("replicates", (long long)spec.replicates);
  w.field("runs", (long long)r.runs);
  w.field("seed", (long long)spec.seed);
  w.field("target", spec.target == 0 ? std::string("index") : nominal.framework->nodes[std::size_t(spec.target)].id);
  w.key("inputs").begin_array();
  for (UncertainInput input : spec.inputs) w.string(uncertain_input_key(input));
  w.end_array();
  w.key("units").begin_array();
  for (const UnitRanks& u : r.units) {
    const Unit& unit = nominal.data->units[std::size_t(u.unit)];
    w.begin_object().field("code", unit.code()).field("name", unit.name);
    if (u.nominal > 0) {
      w.field("nominal", u.nominal);
    } else {
      w.key("nominal").null();
    }
    real("median", u.median);
    real("mean", u.mean);
    real("p05", u.q05);
    real("p95", u.q95);
    w.field("ranked", (long long)u.ranked);
    w.end_object();
  }
  w.end_array();
  if (spec.sensitivity) {
    real("output_variance", r.output_variance);
    w.key("sensitivity").begin_array();
    for (const SensitivityIndex& s : r.indices) {
      w.begin_object().field("input", uncertain_input_key(s.input));
      real("first_order", s.first);
      real("first_order_p05", s.first_q05);
      real("first_order_p95", s.first_q95);
      real("total", s.total);
      real("total_p05", s.total_q05);
      real("total_p95", s.total_q95);
      w.end_object();
    }
    w.end_array();
  }
  if (parameters && !spec.inputs.empty()) {
    const std::size_t d = spec.inputs.size();
    w.key("parameters").begin_array();
    for (std::size_t at = 0; at + d <= r.parameters.size(); at += d) {
      w.begin_array();
      for (std::size_t j = 0; j < d; ++j) w.number((long long)r.parameters[at + j]);
      w.end_array();
    }
    w.end_array();
  }
  w.end_object();
}

std::string render_uncertainty_json(const UncertaintyResult& r, const Assessment& nominal, bool parameters) {
  JsonWriter w;
  report::write_uncertainty_json(w, r, nominal, parameters);
  return w.take() + "\n";
}

void report::write_uncertainty_sheets(lxw_workbook* wb, const UncertaintyResult& r, const Assessment& nominal, Lang lang) {
  const UncertaintyTables t = tables(r, nominal, lang);
  auto tr = [lang](std::string_view id, std::string_view en) { return std::string(lang == Lang::en ? en : id); };
  {
    const XlsxBaseFormats base = add_base_formats(wb);
    lxw_format* one = workbook_add_format(wb);
    format_set_num_format(one, "0.0");
    lxw_format* three = workbook_add_format(wb);
    format_set_num_format(three, "0.000");

    // Ranks: every unit as numbers, the method under the title, and a chart
    // of each unit's 5th-95th percentile rank (high-low lines) and median.
    XlsxSheet s(workbook_add_worksheet(wb, tr("Peringkat", "Ranks").c_str()));
    const std::string sheet = s.name();
    s.text(0, 0, t.title, base.title, false);
    lxw_row_t row = 1;
    for (const std::string& line : t.method) s.text(row++, 0, line, base.muted, false);
    ++row;
    const lxw_row_t header_row = row;
    const std::vector<std::string> header{
        tr("Kode", "Code"),     tr("Wilayah", "Region"), tr("Nominal", "Nominal"), tr("P5", "P5"),
        tr("Median", "Median"), tr("P95", "P95"),        tr("Rata-rata", "Mean"),  tr("Replikasi berperingkat", "Replicates ranked")};
    for (std::size_t c = 0; c < header.size(); ++c) s.text(row, lxw_col_t(c), header[c], base.header);
    for (const UnitRanks& u : r.units) {
      ++row;
      const Unit& unit = nominal.data->units[std::size_t(u.unit)];
      s.text(row, 0, unit.code());
      s.text(row, 1, unit.name);
      if (u.nominal > 0) s.number(row, 2, u.nominal);
      if (u.ranked > 0) {
        s.number(row, 3, u.q05, one);
        s.number(row, 4, u.median, one);
        s.number(row, 5, u.q95, one);
        s.number(row, 6, u.mean, one);
      }
      s.number(row, 7, double(u.ranked));
    }
    s.freeze(header_row + 1, 2);
    s.fit_columns(40);
    if (!r.units.empty()) {
      lxw_chart* chart = workbook_add_chart(wb, LXW_CHART_LINE);
      lxw_chart_line hidden{};
      hidden.none = LXW_TRUE;
      for (lxw_col_t col : {lxw_col_t(3), lxw_col_t(4), lxw_col_t(5)}) {
        lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
        chart_series_set_categories(series, sheet.c_str(), header_row + 1, 1, row, 1);
        chart_series_set_values(series, sheet.c_str(), header_row + 1, col, row, col);
        chart_series_set_name_range(series, sheet.c_str(), header_row, col);
        chart_series_set_line(series, &hidden);
        chart_series_set_marker_type(series, col == 4 ? LXW_CHART_MARKER_CIRCLE : LXW_CHART_MARKER_NONE);
        if (col == 4) {
          lxw_chart_fill fill{};
          fill.color = 0x1F3B73;
          chart_series_set_marker_fill(series, &fill);
        }
      }
      lxw_chart_line between{};
      between.color = 0x6A8FC7;
      between.width = 2.25;
      chart_set_high_low_lines(chart, &between);
      chart_title_set_name(chart, tr("Peringkat: median dan persentil ke-5 sampai ke-95", "Rank: median and 5th to 95th percentile").c_str());
      chart_axis_set_reverse(chart->y_axis);
      chart_axis_set_min(chart->y_axis, 1);
      chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
      lxw_chart_options placement{};
      placement.x_scale = 2.4;
      placement.y_scale = 1.8;
      worksheet_insert_chart_opt(s.raw(), header_row, lxw_col_t(header.size() + 1), chart, &placement);
    }

    if (t.sensitivity.rows.empty()) return;
    XlsxSheet v(workbook_add_worksheet(wb, tr("Sensitivitas", "Sensitivity").c_str()));
    const std::string vname = v.name();
    const std::vector<std::string> head{tr("Pilihan", "Choice"), "Si", "Si P5", "Si P95", "STi", "STi P5", "STi P95"};
    for (std::size_t c = 0; c < head.size(); ++c) v.text(0, lxw_col_t(c), head[c], base.header);
    lxw_row_t at = 0;
    for (const SensitivityIndex& x : r.indices) {
      ++at;
      v.text(at, 0, uncertain_input_label(x.input).in(lang));
      const double values[] = {x.first, x.first_q05, x.first_q95, x.total, x.total_q05, x.total_q95};
      for (std::size_t c = 0; c < 6; ++c) v.number(at, lxw_col_t(c + 1), values[c], three);
    }
    v.text(at + 2, 0, t.method.back(), base.muted, false);
    v.fit_columns(30);
    lxw_chart* bars = workbook_add_chart(wb, LXW_CHART_BAR);
    for (lxw_col_t col : {lxw_col_t(1), lxw_col_t(4)}) {
      lxw_chart_series* series = chart_add_series(bars, nullptr, nullptr);
      chart_series_set_categories(series, vname.c_str(), 1, 0, at, 0);
      chart_series_set_values(series, vname.c_str(), 1, col, at, col);
      chart_series_set_name_range(series, vname.c_str(), 0, col);
    }
    chart_title_set_name(bars, tr("Indeks sensitivitas", "Sensitivity indices").c_str());
    chart_axis_set_min(bars->x_axis, 0);
    chart_legend_set_position(bars, LXW_CHART_LEGEND_BOTTOM);
    worksheet_insert_chart(v.raw(), at + 4, 0, bars);
  }
}

Expected<std::string> render_uncertainty_xlsx(const UncertaintyResult& r, const Assessment& nominal, Lang lang, const std::string& tool_version) {
  XlsxProperties properties;
  properties.title = lang == Lang::en ? "Uncertainty analysis" : "Analisis ketidakpastian";
  properties.comments = "siap " + tool_version;
  return build_xlsx(properties, [&](lxw_workbook* wb) { report::write_uncertainty_sheets(wb, r, nominal, lang); });
}

}  // namespace siap
