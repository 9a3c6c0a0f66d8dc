// The XLSX workbook: Summary (ranking, band fills, bar chart), Dimensions
// (heatmap), Indicators (wide and long), Profiles (radar charts), Data
// quality and Method. Text is always written as a string cell, never as a
// formula, and chart titles come from cells, so input text stays inert.
#include <fmt/format.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "report/reliability_sections.hpp"
#include "report/report_labels.hpp"
#include "report/map_svg.hpp"
#include "report/report_view.hpp"
#include "report/rollup_tables.hpp"
#include "report/treatment_tables.hpp"
#include "report/uncertainty_sections.hpp"
#include "report/xlsx_file.hpp"
#include "xlsx_sheet.hpp"

namespace siap {
namespace {

using report::tr;

constexpr lxw_row_t kMaxRows = 1'048'576;

struct Formats {
  lxw_format* title = nullptr;
  lxw_format* subtitle = nullptr;
  lxw_format* header = nullptr;
  lxw_format* label = nullptr;
  lxw_format* score = nullptr;  // published value, the framework's decimals
  lxw_format* exact = nullptr;  // exact value, more digits
  lxw_format* share = nullptr;  // effective share, percent
  lxw_format* wrap = nullptr;
  lxw_format* muted = nullptr;
  lxw_format* count = nullptr;                   // left-aligned integer beside a label
  lxw_format* rank = nullptr;                    // centred, so it does not run into the code beside it
  std::map<std::string, lxw_format*> band_fill;  // by colour
};

std::string score_format(int decimals) { return decimals > 0 ? "0." + std::string(std::size_t(decimals), '0') : "0"; }

lxw_color_t rgb(std::string_view hex) { return lxw_color_t(std::stoul(std::string(hex.substr(1)), nullptr, 16)); }

Formats make_formats(lxw_workbook* wb, const Framework& fw) {
  Formats f;
  const XlsxBaseFormats base = add_base_formats(wb);
  f.title = base.title;
  f.subtitle = base.subtitle;
  f.header = base.header;
  f.muted = base.muted;
  f.label = workbook_add_format(wb);
  format_set_bold(f.label);
  f.score = workbook_add_format(wb);
  format_set_num_format(f.score, score_format(fw.score.decimals).c_str());
  f.exact = workbook_add_format(wb);
  format_set_num_format(f.exact, "0.000000");
  f.share = workbook_add_format(wb);
  format_set_num_format(f.share, "0.00%");
  f.wrap = workbook_add_format(wb);
  format_set_text_wrap(f.wrap);
  format_set_align(f.wrap, LXW_ALIGN_VERTICAL_TOP);
  f.rank = workbook_add_format(wb);
  format_set_align(f.rank, LXW_ALIGN_CENTER);
  f.count = workbook_add_format(wb);
  format_set_align(f.count, LXW_ALIGN_LEFT);
  for (const auto& set : fw.band_sets) {
    for (std::size_t b = 0; b < set.bands.size(); ++b) {
      std::string color = report::band_color(set, b);
      if (f.band_fill.count(color)) continue;
      lxw_format* fill = workbook_add_format(wb);
      format_set_pattern(fill, LXW_PATTERN_SOLID);
      format_set_bg_color(fill, rgb(color));
      format_set_font_color(fill, rgb(report::text_color_on(color)));
      f.band_fill[color] = fill;
    }
  }
  return f;
}

class WorkbookWriter {
 public:
  WorkbookWriter(lxw_workbook* wb, const Assessment& a, const ReportOptions& o)
      : wb_(wb), a_(a), fw_(*a.framework), o_(o), lang_(o.lang), f_(make_formats(wb, fw_)) {}

  void write() {
    summary();
    map();
    rollup();
    uncertainty();
    treatment();
    dimensions();
    indicators_wide();
    indicators_long();
    profiles();
    if (o_.instrument) report::write_reliability_sheets(wb_, *o_.instrument, fw_, lang_);
    if (o_.uncertainty_analysis) report::write_uncertainty_sheets(wb_, *o_.uncertainty_analysis, a_, lang_);
    quality();
    method();
  }

 private:
  std::string t(std::string_view id, std::string_view en) const { return tr(lang_, id, en); }
  std::string t(const LocalizedText& text) const { return text.in(lang_); }

  XlsxSheet add_sheet(std::string_view id, std::string_view en) { return XlsxSheet(workbook_add_worksheet(wb_, t(id, en).c_str())); }

  // Writes the band label with its fill; blank when there is no band.
  void band_cell(XlsxSheet& s, lxw_row_t row, lxw_col_t col, int node, const NodeScore& score) {
    const Band* band = report::band_of(fw_, node, score);
    if (!band) return;
    s.text(row, col, band->label.in(lang_), f_.band_fill.at(*report::band_color_of(fw_, node, score)));
  }

  void score_cell(XlsxSheet& s, lxw_row_t row, lxw_col_t col, const NodeScore& score) {
    if (score.assessed) s.number(row, col, score.published.to_double(), f_.score);
  }

  // One line of the Summary sheet's table.
  void write_ranking_row(XlsxSheet& s, lxw_row_t row, const report::RankingRow& line) {
    const UnitResult& r = *line.result;
    if (r.rank > 0) s.number(row, 0, r.rank, f_.rank);
    s.text(row, 1, line.unit->code());
    s.text(row, 2, line.unit->name);
    s.text(row, 3, unit_type_label(*line.unit).in(lang_));
    s.text(row, 4, line.province);
    if (r.assessed) {
      score_cell(s, row, 5, r.nodes[0]);
      band_cell(s, row, 6, 0, r.nodes[0]);
    } else {
      s.text(row, 6, t(report::label::kNotAssessable), f_.muted);
      s.text(row, 10, r.not_assessed_reason().in(lang_), f_.muted);
    }
    s.number(row, 7, double(r.respondents), f_.rank);
    if (r.rank_in_type > 0) s.number(row, 8, r.rank_in_type, f_.rank);
    if (r.rank_in_province > 0) s.number(row, 9, r.rank_in_province, f_.rank);
    if (const UnitBootstrap* b = boot_of(r); b && r.assessed && !b->nodes.empty()) {
      estimate_cell(s, row, 11, b->nodes[0].percentile.low, fw_.score.decimals);
      estimate_cell(s, row, 12, b->nodes[0].percentile.high, fw_.score.decimals);
    }
  }

  const UnitBootstrap* boot_of(const UnitResult& r) const {
    return o_.bootstrap ? &o_.bootstrap->units[std::size_t(&r - a_.results.data())] : nullptr;
  }

  // The choropleth as a picture (librsvg), with its regions listed beside it.
  void map() {
    const report::MapSpec spec = report::kabupaten_kota_map(a_, lang_);
    if (spec.regions.empty()) return;
    XlsxSheet s = add_sheet("Peta", "Map");
    s.text(0, 0, spec.title, f_.title, false);
    picture(s, spec, 2, 0);
    s.text(1, 12, t(report::label::kRegion), f_.header);
    s.text(1, 13, t(report::label::kScore), f_.header);
    s.text(1, 14, t(report::label::kBand), f_.header);
    lxw_row_t row = 2;
    for (const report::MapRegion& m : spec.regions) {
      s.text(row, 12, m.name);
      s.text(row, 13, m.value);
      s.text(row++, 14, m.state);
    }
    s.fit_columns(40, {{0, 9}, {1, 9}, {2, 9}, {3, 9}, {4, 9}, {5, 9}, {6, 9}, {7, 9}, {8, 9}, {9, 9}, {10, 9}, {11, 9}});
  }

  // A map's PNG at (row, col), scaled to about 720 pixels wide; a note in its place when it cannot be drawn.
  void picture(XlsxSheet& s, const report::MapSpec& spec, lxw_row_t row, lxw_col_t col) {
    auto png = report::map_png(spec, 2);
    if (!png) {
      s.text(row, col, png.errors().front().message.in(lang_), f_.muted, false);
      return;
    }
    lxw_image_options options{};
    options.x_scale = 0.5;
    options.y_scale = 0.5;
    // libxlsxwriter copies the bytes (to its temporary file) before returning.
    worksheet_insert_image_buffer_opt(s.raw(), row, col, reinterpret_cast<const unsigned char*>(png->data()), png->size(), &options);
  }

  // A composite indicator's treatments: per indicator its direction,
  // denominator, missing data, outliers and normaliser, then what was done
  // to which region (text cells: never a formula).
  void treatment() {
    if (!a_.treatment) return;
    const report::TreatmentTables tables = report::treatment_tables(*a_.treatment, a_, lang_);
    XlsxSheet s = add_sheet("Perlakuan", "Treatment");
    lxw_row_t row = 0;
    s.text(row++, 0, tables.title, f_.title, false);
    ++row;
    for (std::size_t c = 0; c < tables.indicators.header.size(); ++c) s.text(row, lxw_col_t(c), tables.indicators.header[c], f_.header);
    for (const auto& cells : tables.indicators.rows) {
      ++row;
      for (std::size_t c = 0; c < cells.size(); ++c) s.text(row, lxw_col_t(c), cells[c].text);
    }
    row += 2;
    for (const std::string& note : tables.indicators.notes) s.text(row++, 0, note, f_.muted, false);
    for (const std::string& line : tables.events) s.text(row++, 0, line, nullptr, false);
    if (!tables.more.empty()) s.text(row++, 0, tables.more, f_.muted, false);
    s.fit_columns(45);
  }

  // With --rollup: one row per province (and Indonesia) as numbers, the
  // method and what each province is missing below.
  void rollup() {
    if (!o_.rollup) return;
    const Rollup& r = *o_.rollup;
    const report::RollupTables tables = report::rollup_tables(r, a_, lang_);
    XlsxSheet s = add_sheet("Provinsi", "Provinces");
    lxw_row_t row = 0;
    s.text(row++, 0, tables.title, f_.title, false);
    for (const std::string& sentence : tables.method) s.text(row++, 0, sentence, f_.muted, false);
    ++row;
    const lxw_row_t head = row;
    std::vector<std::string> headers{t(report::label::kRank),
                                     t(report::label::kCode),
                                     t(report::label::kProvince),
                                     t(report::label::kScore),
                                     t(report::label::kBand),
                                     t("Kab/kota dinilai", "Regencies/cities assessed"),
                                     t("Kab/kota seluruhnya", "Regencies/cities in all"),
                                     t("Cakupan", "Coverage"),
                                     t("Penduduk tercakup", "Population covered"),
                                     t("Ke predikat berikutnya", "To the next band"),
                                     t("Dimensi terlemah", "Weakest dimension")};
    for (int node : fw_.root().children) headers.push_back(t(fw_.nodes[std::size_t(node)].name));
    headers.push_back(t("Keterangan", "Note"));
    for (std::size_t c = 0; c < headers.size(); ++c) s.text(head, lxw_col_t(c), headers[c], f_.header);
    row = head + 1;
    auto line = [&](const Assessment& p, const UnitResult& u, const RollupCoverage& c) {
      if (u.assessed) s.number(row, 0, u.rank, f_.rank);
      s.text(row, 1, p.unit_of(u).code());
      s.text(row, 2, p.unit_of(u).name);
      score_cell(s, row, 3, u.nodes[0]);
      if (u.assessed) band_cell(s, row, 4, 0, u.nodes[0]);
      s.number(row, 5, double(c.assessed.size()));
      s.number(row, 6, double(c.total));
      s.number(row, 7, c.total ? double(c.assessed.size()) / double(c.total) : 0, f_.share);
      s.number(row, 8, c.population_share, f_.share);
      if (u.gap_to_next_band) s.number(row, 9, u.gap_to_next_band->to_double(), f_.score);
      if (c.weakest >= 0) s.text(row, 10, t(fw_.nodes[std::size_t(c.weakest)].name));
      lxw_col_t col = 11;
      for (int node : fw_.root().children) score_cell(s, row, col++, u.nodes[std::size_t(node)]);
      if (!u.assessed) s.text(row, col, t(u.not_assessed_reason()), nullptr, false);
      ++row;
    };
    for (const UnitResult& u : r.provinces.results) line(r.provinces, u, r.coverage[std::size_t(u.unit)]);
    if (r.national) line(*r.national, r.national->results[0], r.national_coverage);
    s.freeze(head + 1, 3);
    ++row;
    for (const std::string& detail : tables.details) s.text(row++, 0, detail, nullptr, false);
    if (!tables.governments.empty()) s.text(row++, 0, tables.governments, f_.muted, false);
    const report::MapSpec spec = report::province_map(r, lang_);
    if (!spec.regions.empty()) picture(s, spec, row + 1, 0);
    s.fit_columns(28, {{0, 10}});
  }

  // A bootstrap value rounded half up as reports show it; blank when not computed.
  void estimate_cell(XlsxSheet& s, lxw_row_t row, lxw_col_t col, double value, int decimals) {
    if (std::isnan(value)) return;
    s.number(row, col, round_estimate(value, decimals).to_double(), decimals == fw_.score.decimals ? f_.score : nullptr);
  }

  // With --bootstrap: the method, the neighbours the resamples cannot tell
  // apart, every ranked unit's intervals and rank distribution, and the
  // intervals as floating bars (an invisible bar to the lower end, a dark
  // one to the upper: libxlsxwriter has no per-point error bars).
  void uncertainty() {
    const report::UncertaintyView view = report::uncertainty_view(a_, o_);
    if (view.result == nullptr) return;
    XlsxSheet s = add_sheet("Ketidakpastian", "Uncertainty");
    const std::string sheet = s.name();
    lxw_row_t row = 0;
    s.text(row++, 0, t("Ketidakpastian (bootstrap responden)", "Uncertainty (respondent bootstrap)"), f_.title, false);
    s.text(row++, 0, view.method, f_.muted, false);
    for (const std::string& sentence : view.unresolved) s.text(row++, 0, sentence, nullptr, false);
    if (!view.resolved_all.empty()) s.text(row++, 0, view.resolved_all, nullptr, false);
    ++row;
    const lxw_row_t head = row;
    std::vector<std::string> headers{t(report::label::kRank),
                                     t(report::label::kCode),
                                     t(report::label::kRegion),
                                     t(report::label::kScore),
                                     t("Selang bawah", "Interval low"),
                                     t("Selang atas", "Interval high"),
                                     t("Lebar selang", "Interval width"),
                                     t("BCa bawah", "BCa low"),
                                     t("BCa atas", "BCa high"),
                                     t("Galat baku", "Standard error"),
                                     t("Peringkat median", "Median rank"),
                                     t("Peringkat persentil 5", "Rank 5th percentile"),
                                     t("Peringkat persentil 95", "Rank 95th percentile"),
                                     view.top_label};
    const BandSet* bands = report::overall_band_set(fw_);
    if (bands) {
      for (const Band& band : bands->bands) headers.push_back("P(" + band.label.in(lang_) + ")");
    }
    for (std::size_t c = 0; c < headers.size(); ++c) s.text(head, lxw_col_t(c), headers[c], f_.header);
    row = head + 1;
    const int decimals = fw_.score.decimals;
    double lowest = fw_.score.max.to_double(), highest = fw_.score.min.to_double();
    for (const auto& line : view.rows) {
      const UnitBootstrap& b = *line.boot;
      s.number(row, 0, line.result->rank, f_.rank);
      s.text(row, 1, line.unit->code());
      s.text(row, 2, line.unit->name);
      score_cell(s, row, 3, line.result->nodes[0]);
      if (!b.nodes.empty()) {
        const NodeBootstrap& index = b.nodes[0];
        estimate_cell(s, row, 4, index.percentile.low, decimals);
        estimate_cell(s, row, 5, index.percentile.high, decimals);
        if (!std::isnan(index.percentile.low)) {
          // The shown ends' difference, exact (no binary residue).
          const Number width =
              Number::of(round_estimate(index.percentile.high, decimals)) - Number::of(round_estimate(index.percentile.low, decimals));
          s.number(row, 6, double(width.value()), f_.score);
          lowest = std::min(lowest, index.percentile.low);
          highest = std::max(highest, index.percentile.high);
        }
        estimate_cell(s, row, 7, index.bca.low, decimals);
        estimate_cell(s, row, 8, index.bca.high, decimals);
        estimate_cell(s, row, 9, index.standard_error, decimals + 2);
      }
      if (b.ranked > 0) {
        s.number(row, 10, b.median_rank);
        s.number(row, 11, b.rank_low, f_.rank);
        s.number(row, 12, b.rank_high, f_.rank);
        estimate_cell(s, row, 13, b.p_top, 3);
      }
      for (std::size_t k = 0; k < b.band_probability.size(); ++k) estimate_cell(s, row, lxw_col_t(14 + k), b.band_probability[k], 3);
      ++row;
    }
    s.freeze(head + 1, 3);
    s.autofilter(head, 0, row > head + 1 ? row - 1 : head, lxw_col_t(headers.size() - 1));
    s.fit_columns(40);
    const std::size_t n = view.rows.size();
    if (n == 0 || lowest > highest) return;
    lxw_chart* chart = workbook_add_chart(wb_, LXW_CHART_BAR_STACKED);
    lxw_chart_series* to_low = chart_add_series(chart, nullptr, nullptr);
    chart_series_set_categories(to_low, sheet.c_str(), head + 1, 2, lxw_row_t(head + n), 2);
    chart_series_set_values(to_low, sheet.c_str(), head + 1, 4, lxw_row_t(head + n), 4);
    lxw_chart_fill none{};
    none.none = LXW_TRUE;
    lxw_chart_line no_line{};
    no_line.none = LXW_TRUE;
    chart_series_set_fill(to_low, &none);
    chart_series_set_line(to_low, &no_line);
    lxw_chart_series* width = chart_add_series(chart, nullptr, nullptr);
    chart_series_set_categories(width, sheet.c_str(), head + 1, 2, lxw_row_t(head + n), 2);
    chart_series_set_values(width, sheet.c_str(), head + 1, 6, lxw_row_t(head + n), 6);
    chart_series_set_name_range(width, sheet.c_str(), head, 6);
    lxw_chart_fill dark{};
    dark.color = 0x1F4E79;
    chart_series_set_fill(width, &dark);
    chart_title_set_name(chart, fmt::format("{} {}", t("Selang kepercayaan", "Confidence interval"), view.confidence).c_str());
    chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
    chart_axis_set_reverse(chart->y_axis);
    if (n <= 100) chart_axis_set_interval_unit(chart->y_axis, 1);
    lxw_chart_font small{};
    small.size = 8;
    chart_axis_set_num_font(chart->y_axis, &small);
    chart_set_series_gap(chart, 60);
    // Zoomed to the intervals, to a tenth.
    chart_axis_set_min(chart->x_axis, std::floor(lowest * 10) / 10);
    chart_axis_set_max(chart->x_axis, std::ceil(highest * 10) / 10);
    lxw_chart_options placement{};
    placement.x_scale = 1.3;
    placement.y_scale = std::max(1.0, std::min(80.0 + 20.0 * double(n), 2100.0) / 288.0);
    worksheet_insert_chart_opt(s.raw(), head, lxw_col_t(headers.size() + 1), chart, &placement);
  }

  void summary() {
    XlsxSheet s = add_sheet("Ringkasan", "Summary");
    summary_sheet_ = s.name();
    lxw_row_t row = 0;
    s.text(row++, 0, report::study_title(a_, o_), f_.title, false);
    s.text(row++, 0,
           fmt::format("{} · {} {} · {}: {}", fw_.title.in(lang_), fw_.id, fw_.version, t("status", "status"),
                       status_label(fw_.provenance.status).in(lang_)),
           f_.subtitle, false);
    // Labels span Rank and Code; values sit under Region.
    auto pair = [&](std::string_view label, const std::string& value) {
      s.merged_text(row, 0, 1, label, f_.label);
      s.text(row++, 2, value, nullptr, false);
    };
    if (!o_.date.empty()) pair(t("Tanggal", "Date"), o_.date);
    pair(t(report::label::kWeightProfile), report::weight_profile_label(a_, lang_));
    for (const auto& file : a_.data->files) pair(t("Berkas masukan", "Input file"), file.name);
    auto count = [&](std::string_view label, std::size_t value) {
      s.merged_text(row, 0, 1, label, f_.label);
      s.number(row++, 2, double(value), f_.count);
    };
    const report::SummaryView summary = report::summary_view(a_);
    count(t("Baris dibaca", "Rows read"), summary.rows_read);
    count(t(report::label::kAccepted), summary.rows_accepted);
    count(t(report::label::kRejected), summary.rows_rejected);
    count(t("Unit dinilai", "Units assessed"), summary.units_assessed);
    count(t(report::label::kNotAssessable), summary.units_not_assessable);
    ++row;

    const lxw_row_t head = row;
    std::vector<std::string> headers = {t(report::label::kRank),
                                        t(report::label::kCode),
                                        t(report::label::kRegion),
                                        t("Jenis", "Type"),
                                        t(report::label::kProvince),
                                        t(report::label::kScore),
                                        t(report::label::kBand),
                                        t("Responden", "Respondents"),
                                        t("Peringkat dalam jenis", "Rank within type"),
                                        t("Peringkat dalam provinsi", "Rank within province"),
                                        t("Keterangan", "Note")};
    if (o_.bootstrap) {
      // The index's interval beside the table (the rest on the Uncertainty sheet).
      headers.push_back(t("Selang bawah", "Interval low"));
      headers.push_back(t("Selang atas", "Interval high"));
    }
    for (std::size_t c = 0; c < headers.size(); ++c) s.text(head, lxw_col_t(c), headers[c], f_.header);
    row = head + 1;
    const report::RankingView ranking = report::ranking_view(a_);
    for (const auto* rows : {&ranking.ranked, &ranking.not_assessed}) {
      for (const report::RankingRow& line : *rows) {
        write_ranking_row(s, row++, line);
      }
    }
    s.freeze(head + 1, 3);
    s.autofilter(head, 0, row > head + 1 ? row - 1 : head, lxw_col_t(headers.size() - 1));
    s.fit_columns(60);

    // Horizontal bars in ranking order, coloured by band.
    std::size_t n = summary.units_assessed;
    if (n == 0) return;
    lxw_chart* chart = workbook_add_chart(wb_, LXW_CHART_BAR);
    lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
    chart_series_set_categories(series, summary_sheet_.c_str(), head + 1, 2, lxw_row_t(head + n), 2);
    chart_series_set_values(series, summary_sheet_.c_str(), head + 1, 5, lxw_row_t(head + n), 5);
    chart_series_set_name_range(series, summary_sheet_.c_str(), head, 5);
    std::vector<lxw_chart_fill> fills(n);
    std::vector<lxw_chart_point> points(n);
    std::vector<lxw_chart_point*> point_list(n + 1, nullptr);
    for (std::size_t i = 0; i < n; ++i) {
      std::string color = report::band_color_of(fw_, 0, ranking.ranked[i].result->nodes[0]).value_or("#4472C4");
      fills[i] = lxw_chart_fill{};
      fills[i].color = rgb(color);
      points[i] = lxw_chart_point{};
      points[i].fill = &fills[i];
      point_list[i] = &points[i];
    }
    chart_series_set_points(series, point_list.data());
    chart_title_set_name(chart, t(report::label::kScore).c_str());
    chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
    chart_axis_set_reverse(chart->y_axis);  // rank 1 at the top
    // Every region's name up to 100 bars; beyond that the chart keeps Excel's
    // largest shape height (1,584 pt) and the axis names every n-th region.
    const bool every_name = n <= 100;
    if (every_name) chart_axis_set_interval_unit(chart->y_axis, 1);
    lxw_chart_font small{};
    small.size = 8;
    chart_axis_set_num_font(chart->y_axis, &small);
    chart_set_series_gap(chart, 40);
    chart_axis_set_min(chart->x_axis, fw_.score.min.to_double());
    chart_axis_set_max(chart->x_axis, fw_.score.max.to_double());
    lxw_chart_options placement{};
    placement.x_scale = 1.3;
    placement.y_scale = std::max(1.0, std::min(80.0 + 20.0 * double(n), 2100.0) / 288.0);  // about one row per bar
    worksheet_insert_chart_opt(s.raw(), head, lxw_col_t(headers.size() + 1), chart, &placement);
  }

  // Regions × top-level nodes and facet values, coloured on the score range.
  void dimensions() {
    XlsxSheet s = add_sheet("Dimensi", "Dimensions");
    std::vector<std::string> headers = {t(report::label::kRank), t(report::label::kCode), t(report::label::kRegion), t(report::label::kScore)};
    const auto& top = fw_.root().children;
    for (int n : top) headers.push_back(fw_.nodes[std::size_t(n)].name.in(lang_));
    for (const auto& facet : fw_.facets) {
      for (const auto& value : facet.values) headers.push_back(facet.name.in(lang_) + ": " + value.name.in(lang_));
    }
    for (std::size_t c = 0; c < headers.size(); ++c) s.text(0, lxw_col_t(c), headers[c], f_.header);
    lxw_row_t row = 1;
    for (const auto& r : a_.results) {
      const Unit& unit = a_.unit_of(r);
      if (r.rank > 0) s.number(row, 0, r.rank, f_.rank);
      s.text(row, 1, unit.code());
      s.text(row, 2, unit.name);
      score_cell(s, row, 3, r.nodes[0]);
      lxw_col_t col = 4;
      for (int n : top) score_cell(s, row, col++, r.nodes[std::size_t(n)]);
      for (std::size_t f = 0; f < fw_.facets.size(); ++f) {
        for (const auto& score : r.facets[f]) score_cell(s, row, col++, score);
      }
      ++row;
    }
    s.freeze(1, 3);
    s.fit_columns(24);
    if (row > 1) heatmap(s, 1, 3, row - 1, lxw_col_t(headers.size() - 1));
  }

  void heatmap(XlsxSheet& s, lxw_row_t first_row, lxw_col_t first_col, lxw_row_t last_row, lxw_col_t last_col) {
    lxw_conditional_format scale{};
    scale.type = LXW_CONDITIONAL_3_COLOR_SCALE;
    scale.min_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER;
    scale.min_value = fw_.score.min.to_double();
    scale.min_color = 0xF8696B;
    scale.mid_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER;
    scale.mid_value = (fw_.score.min.to_double() + fw_.score.max.to_double()) / 2;
    scale.mid_color = 0xFFEB84;
    scale.max_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER;
    scale.max_value = fw_.score.max.to_double();
    scale.max_color = 0x63BE7B;
    worksheet_conditional_format_range(s.raw(), first_row, first_col, last_row, last_col, &scale);
  }

  void indicators_wide() {
    XlsxSheet s = add_sheet("Indikator", "Indicators");
    s.text(0, 0, t(report::label::kCode), f_.header);
    s.text(0, 1, t(report::label::kRegion), f_.header);
    s.text(1, 0, "", f_.header);
    s.text(1, 1, "", f_.header);
    lxw_col_t col = 2;
    for (int leaf : fw_.leaves) {
      s.text(0, col, fw_.nodes[std::size_t(leaf)].id, f_.header);
      s.text(1, col++, fw_.nodes[std::size_t(leaf)].name.in(lang_), f_.wrap);
    }
    lxw_row_t row = 2;
    for (const auto& r : a_.results) {
      const Unit& unit = a_.unit_of(r);
      s.text(row, 0, unit.code());
      s.text(row, 1, unit.name);
      col = 2;
      for (int leaf : fw_.leaves) score_cell(s, row, col++, r.nodes[std::size_t(leaf)]);
      ++row;
    }
    worksheet_set_row(s.raw(), 1, 60, nullptr);
    s.freeze(2, 2);
    s.fit_columns(14, {{1, 40}});
    if (row > 2) heatmap(s, 2, 2, row - 1, lxw_col_t(col - 1));
  }

  void indicators_long() {
    XlsxSheet s = add_sheet("Indikator (rinci)", "Indicators (long)");
    // Seven columns a pivot table needs, and two that are filled only when
    // they say something (a node scored on part of its children, a value taken
    // from the input); respondent counts per item are in the JSON report.
    std::vector<std::string> headers = {t(report::label::kCode),
                                        t(report::label::kRegion),
                                        t("ID", "ID"),
                                        t("Jalur", "Path"),
                                        t("Skor eksak", "Exact score"),
                                        t("Skor terbit", "Published score"),
                                        t(report::label::kBand),
                                        t("Cakupan (bila < 100 %)", "Coverage (when < 100 %)"),
                                        t("Diambil dari masukan", "Given in input")};
    for (std::size_t c = 0; c < headers.size(); ++c) s.text(0, lxw_col_t(c), headers[c], f_.header);
    std::vector<std::string> paths;
    for (std::size_t n = 0; n < fw_.nodes.size(); ++n) paths.push_back(n == 0 ? t("Indeks", "Index") : report::node_path(fw_, int(n), lang_));
    lxw_row_t row = 1;
    bool truncated = false;
    for (const auto& r : a_.results) {
      const Unit& unit = a_.unit_of(r);
      for (std::size_t n = 0; n < fw_.nodes.size(); ++n) {
        if (row + 1 >= kMaxRows) {
          truncated = true;
          break;
        }
        const NodeScore& score = r.nodes[n];
        s.text(row, 0, unit.code());
        s.text(row, 1, unit.name);
        s.text(row, 2, fw_.nodes[n].id);
        s.text(row, 3, paths[n]);
        if (score.assessed) {
          s.number(row, 4, double(a_.exact(score).value()), f_.exact);
          s.number(row, 5, score.published.to_double(), f_.score);
          band_cell(s, row, 6, int(n), score);
          if (!fw_.nodes[n].is_leaf() && !score.full_coverage()) s.number(row, 7, score.coverage().to_double(), f_.share);
        } else {
          s.text(row, 6, t(report::label::kNotAssessable), f_.muted);
        }
        if (score.given) s.text(row, 8, t("ya", "yes"));
        ++row;
      }
      if (truncated) break;
    }
    if (truncated)
      s.text(row, 0,
             fmt::format("{} {}", t("Terpotong pada batas baris Excel; lengkapnya di", "Cut at Excel's row limit; all of it is in"), o_.json_file),
             f_.muted);
    s.freeze(1, 2);
    s.autofilter(0, 0, row > 1 ? row - 1 : 0, lxw_col_t(headers.size() - 1));
    s.fit_columns(60);
  }

  // One block per unit: its numbers on the left, its radar chart on the right.
  void profiles() {
    XlsxSheet s = add_sheet("Profil", "Profiles");
    const std::string sheet = s.name();
    const report::ProfilesView view = report::profiles_view(a_, o_);
    const auto& axes = view.axes;
    lxw_row_t row = 0;
    if (view.top_only) {
      s.text(row++, 0,
             fmt::format("{} {} {}; {}", t(report::label::kProfilesOf), view.units.size(), t(report::label::kTopRanked),
                         t("pilih unit lain dengan --profiles-for KODE,...", "choose others with --profiles-for CODE,...")),
             f_.muted, false);
    }
    const lxw_row_t block_rows = std::max<lxw_row_t>(17, lxw_row_t(axes.size() + 10));
    auto names = [&](const std::vector<report::NodeEntry>& entries) {
      std::string out;
      for (const auto& e : entries) out += (out.empty() ? "" : "; ") + e.name + " " + report::published_text(fw_, *e.score, lang_);
      return out;
    };
    for (const report::ProfileView& p : view.units) {
      const UnitResult* r = p.result;
      const lxw_row_t top = row;
      s.text(top, 0, p.unit->name, f_.subtitle, false);
      s.text(top + 1, 0, t(report::label::kScore), f_.label);
      score_cell(s, top + 1, 1, r->nodes[0]);
      band_cell(s, top + 1, 2, 0, r->nodes[0]);
      if (r->rank > 0) s.text(top + 1, 3, fmt::format("{} {}", t("peringkat", "rank"), r->rank), f_.muted);
      s.text(top + 2, 0, t("Elemen", "Element"), f_.header);
      s.text(top + 2, 1, t(report::label::kScore), f_.header);
      s.text(top + 2, 2, t(report::label::kBand), f_.header);
      lxw_row_t line = top + 3;
      for (const report::NodeEntry& e : p.axes) {
        s.text(line, 0, e.name);
        score_cell(s, line, 1, *e.score);
        band_cell(s, line, 2, e.node, *e.score);
        ++line;
      }
      ++line;
      if (p.next_band) {
        s.text(line, 0, fmt::format("{} ({})", t("Selisih ke predikat berikutnya", "Gap to the next band"), p.next_band->label.in(lang_)), f_.label);
        s.number(line++, 1, r->gap_to_next_band->to_double(), f_.score);
      }
      if (!p.strongest.empty()) {
        s.text(line, 0, t(report::label::kStrongest), f_.label);
        s.text(line++, 1, names(p.strongest));
        s.text(line, 0, t(report::label::kWeakest), f_.label);
        s.text(line++, 1, names(p.weakest));
      }
      lxw_chart* chart = workbook_add_chart(wb_, LXW_CHART_RADAR_WITH_MARKERS);
      lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
      chart_series_set_categories(series, sheet.c_str(), top + 3, 0, lxw_row_t(top + 2 + axes.size()), 0);
      chart_series_set_values(series, sheet.c_str(), top + 3, 1, lxw_row_t(top + 2 + axes.size()), 1);
      chart_series_set_name_range(series, sheet.c_str(), top, 0);
      chart_title_set_name_range(chart, sheet.c_str(), top, 0);  // from the cell: a name is never parsed as a formula
      chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
      lxw_chart_line line_style{};
      line_style.color = rgb(report::band_color_of(fw_, 0, r->nodes[0]).value_or("#4472C4"));
      line_style.width = 2.25;
      chart_series_set_line(series, &line_style);
      chart_axis_set_min(chart->y_axis, fw_.score.min.to_double());
      chart_axis_set_max(chart->y_axis, fw_.score.max.to_double());
      chart_axis_set_major_unit(chart->y_axis, 1);
      lxw_chart_options placement{};
      placement.x_scale = 1.0;
      placement.y_scale = double(block_rows - 1) * 20.0 / 288.0;
      worksheet_insert_chart_opt(s.raw(), top, 5, chart, &placement);
      row = top + block_rows;
    }
    s.fit_columns(40, {{1, 10}});
  }

  void quality() {
    XlsxSheet s = add_sheet("Kualitas Data", "Data quality");
    lxw_row_t row = 0;
    s.text(row++, 0, t("Kualitas data", "Data quality"), f_.title, false);
    std::vector<std::string> file_headers = {t(report::label::kFile),
                                             "SHA-256",
                                             t("Bita", "Bytes"),
                                             t("Baris dibaca", "Rows read"),
                                             t(report::label::kAccepted),
                                             t(report::label::kRejected),
                                             t("Kolom diabaikan", "Ignored columns")};
    for (std::size_t c = 0; c < file_headers.size(); ++c) s.text(row, lxw_col_t(c), file_headers[c], f_.header);
    ++row;
    const report::QualityView quality = report::quality_view(a_);
    for (const auto& file : *quality.files) {
      s.text(row, 0, file.name);
      s.text(row, 1, file.sha256);
      s.number(row, 2, double(file.bytes));
      s.number(row, 3, double(file.rows_read));
      s.number(row, 4, double(file.rows_accepted));
      s.number(row, 5, double(file.rows_rejected));
      std::string ignored;
      for (const auto& c : file.ignored_columns) ignored += (ignored.empty() ? "" : ", ") + c;
      s.text(row++, 6, ignored);
    }
    ++row;
    std::vector<std::string> headers = {t("Jenis", "Kind"),  t(report::label::kFile), t("Baris", "Line"),   t("Kolom", "Column"),
                                        t("Nilai", "Value"), t(report::label::kCode), t("Alasan", "Reason")};
    const lxw_row_t head = row;
    for (std::size_t c = 0; c < headers.size(); ++c) s.text(head, lxw_col_t(c), headers[c], f_.header);
    ++row;
    // The first examples of each kind of problem (bounded: a file of bad
    // cells must not make a workbook of millions of rows); all are in quality.csv.
    a_.data->quality.for_each_example([&](const QualityIssue& issue) {
      s.text(row, 0, t(issue_kind_label(issue.kind)));
      s.text(row, 1, issue.file);
      s.number(row, 2, issue.line);
      s.text(row, 3, issue.column);
      s.text(row, 4, issue.value);
      s.text(row, 5, issue.code);
      s.text(row++, 6, issue.reason.in(lang_));
    });
    if (quality.problems == 0) s.text(row++, 0, t("Tidak ada masalah.", "No problems."), f_.muted);
    if (quality.elided > 0) {
      s.text(row++, 0,
             fmt::format("{} {} {}", t("…", "…"), report::count_text(quality.elided, lang_),
                         t("masalah lain tidak dicantumkan di sini; semuanya ada di", "more problems are not listed here; all of them are in"),
                         o_.quality_file),
             f_.muted);
    }
    s.freeze(head + 1, 0);
    s.autofilter(head, 0, row > head + 1 ? row - 1 : head, lxw_col_t(headers.size() - 1));
    s.fit_columns(60, {{1, 24}});
  }

  void method() {
    XlsxSheet s = add_sheet(report::label::kMethod.id, report::label::kMethod.en);
    lxw_row_t row = 0;
    s.text(row++, 0, t(report::label::kMethod), f_.title, false);
    // Label and value; the value spills over the empty cells to its right.
    auto pair = [&](std::string_view label, const std::string& value) {
      s.text(row, 0, std::string(label), f_.label);
      s.text(row++, 1, value, nullptr, false);
    };
    pair(t("Kerangka", "Framework"), fmt::format("{} ({} {})", fw_.title.in(lang_), fw_.id, fw_.version));
    pair(t(report::label::kStatus), status_label(fw_.provenance.status).in(lang_));
    if (!fw_.description.empty()) pair(t("Uraian", "Description"), fw_.description.in(lang_));
    pair(t(report::label::kScoreRange), fmt::format("{} – {}", fw_.score.min.to_string(), fw_.score.max.to_string()));
    pair(t("Pembulatan", "Rounding"), fmt::format("{} {} {}", t("setengah ke atas pada nilai eksak,", "half up on the exact value, to"),
                                                  fw_.score.decimals, t(report::label::kDecimals)));
    if (fw_.respondents) {
      pair(t("Gabungan responden", "Combining respondents"),
           fw_.respondents->combine == CombineMethod::mean ? t("rata-rata", "mean") : t("median", "median"));
      pair(t("Responden minimum", "Minimum respondents"), std::to_string(fw_.respondents->min_respondents));
    }
    pair(t(report::label::kWeightProfile), report::weight_profile_label(a_, lang_));
    pair(t("Versi siap", "siap version"), o_.tool_version);
    for (const auto& setting : o_.settings) pair(t("Opsi", "Option"), setting);
    for (const auto& file : a_.data->files) pair(t("Masukan (SHA-256)", "Input (SHA-256)"), file.name + "  " + file.sha256);
    ++row;

    s.text(row++, 0, t("Pohon kerangka", "Framework tree"), f_.subtitle, false);
    std::vector<std::string> headers = {t(report::label::kElement),   t("ID", "ID"),
                                        t("Bobot", "Weight"),         t("Bagian efektif", "Effective share"),
                                        t("Agregasi", "Aggregation"), t(report::label::kStatus),
                                        t(report::label::kSources)};
    for (std::size_t c = 0; c < headers.size(); ++c) s.text(row, lxw_col_t(c), headers[c], f_.header);
    ++row;
    for (const report::MethodRow& node : report::method_view(a_, lang_).tree) {
      // The tree shows as indentation; top-level elements in bold.
      s.text(row, 0, std::string(std::size_t(3 * (node.depth - 1)), ' ') + node.name, node.depth == 1 ? f_.label : nullptr);
      s.text(row, 1, node.id);
      s.number(row, 2, node.weight.to_double());
      s.number(row, 3, node.share, f_.share);
      if (!node.leaf) s.text(row, 4, node.aggregation);
      s.text(row, 5, node.status);
      s.text(row++, 6, node.sources);
    }
    ++row;
    s.text(row++, 0, t("Predikat", "Bands"), f_.subtitle, false);
    // Band and source tables share the tree's columns: text in A, status in F.
    const char* band_id[] = {"Himpunan", "Predikat", "Dari (≥)", "Sampai", "", "Status"};
    const char* band_en[] = {"Set", "Band", "From (≥)", "To", "", "Status"};
    for (std::size_t c = 0; c < 6; ++c) s.text(row, lxw_col_t(c), t(band_id[c], band_en[c]), f_.header);
    ++row;
    for (const auto& set : fw_.band_sets) {
      for (std::size_t b = set.bands.size(); b-- > 0;) {
        s.text(row, 0, set.name.in(lang_));
        s.text(row, 1, set.bands[b].label.in(lang_), f_.band_fill.at(report::band_color(set, b)));
        s.number(row, 2, set.bands[b].from.to_double());
        s.number(row, 3, set.bands[b].to.to_double());
        s.text(row++, 5, status_label(set.provenance.status).in(lang_));
      }
    }
    ++row;
    s.text(row++, 0, t(report::label::kSources), f_.subtitle, false);
    const char* source_id[] = {"Rujukan", "ID", "", "", "", "Status", "Alamat"};
    const char* source_en[] = {"Citation", "ID", "", "", "", "Status", "Address"};
    for (std::size_t c = 0; c < 7; ++c) s.text(row, lxw_col_t(c), t(source_id[c], source_en[c]), f_.header);
    ++row;
    for (const auto& source : fw_.sources) {
      s.text(row, 0, source.citation, nullptr, false);
      s.text(row, 1, source.id);
      s.text(row, 5, status_label(source.status).in(lang_));
      s.text(row++, 6, source.url, nullptr, false);
    }
    s.fit_columns(40, {{0, 80}});
  }

  lxw_workbook* wb_;
  const Assessment& a_;
  const Framework& fw_;
  const ReportOptions& o_;
  Lang lang_;
  Formats f_;
  std::string summary_sheet_;
};

}  // namespace

Expected<std::string> render_xlsx(const Assessment& a, const ReportOptions& options) {
  XlsxProperties properties{report::study_title(a, options), "siap " + options.tool_version, options.date};
  return build_xlsx(properties, [&](lxw_workbook* wb) { WorkbookWriter(wb, a, options).write(); });
}

}  // namespace siap
