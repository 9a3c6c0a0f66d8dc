// siap compare as a workbook: a sheet of every region's values as numbers
// (each side, the change, ranks, band change, annual growth) with a dumbbell
// chart (Excel's line chart with the lines hidden, markers for the first and
// last index and high-low lines between them), and a sheet of the regions
// in only some sides.
#include <fmt/format.h>
#include <xlsxwriter.h>

#include <algorithm>

#include "report/report_view.hpp"
#include "report/xlsx_file.hpp"
#include "report/xlsx_sheet.hpp"
#include "siap/comparison.hpp"
#include "siap/report.hpp"

namespace siap {
namespace {

constexpr std::size_t kChartRows = 40;  // as the HTML chart: more regions show the 20 largest rises and falls

std::string tr(Lang lang, std::string_view id, std::string_view en) { return std::string(lang == Lang::en ? en : id); }

}  // namespace

Expected<std::string> render_comparison_xlsx(const Comparison& c, Lang lang, const std::string& tool_version) {
  XlsxProperties properties;
  properties.title = tr(lang, "Perbandingan antarwaktu", "Change over time");
  properties.comments = "siap " + tool_version;
  return build_xlsx(properties, [&](lxw_workbook* wb) {
    const XlsxBaseFormats base = add_base_formats(wb);
    lxw_format* value = workbook_add_format(wb);
    format_set_num_format(value, c.decimals > 0 ? ("0." + std::string(std::size_t(c.decimals), '0')).c_str() : "0");
    lxw_format* share = workbook_add_format(wb);
    format_set_num_format(share, "0.00%");

    XlsxSheet s(workbook_add_worksheet(wb, tr(lang, "Perubahan", "Change").c_str()));
    const std::string sheet = s.name();
    std::vector<std::string> header{tr(lang, "Kode", "Code"), tr(lang, "Wilayah", "Region"), tr(lang, "Provinsi", "Province")};
    for (const ComparedSide& side : c.sides) header.push_back(side.label);
    for (std::size_t k = 0; k < c.node_ids.size(); ++k) header.push_back(tr(lang, "Perubahan ", "Change ") + c.node_names[k].in(lang));
    for (const ComparedSide& side : c.sides) header.push_back(tr(lang, "Peringkat ", "Rank ") + side.label);
    header.insert(header.end(), {tr(lang, "Predikat", "Band"), tr(lang, "Pertumbuhan per tahun", "Annual growth")});
    for (std::size_t col = 0; col < header.size(); ++col) s.text(0, lxw_col_t(col), header[col], base.header);
    lxw_row_t row = 1;
    for (const ComparedUnit& u : c.units) {
      lxw_col_t col = 0;
      s.text(row, col++, u.code);
      s.text(row, col++, u.name);
      s.text(row, col++, u.province_name);
      for (const auto& side : u.values) {
        if (side[0].assessed) s.number(row, col, side[0].published.to_double(), value);
        ++col;
      }
      for (std::size_t k = 0; k < c.node_ids.size(); ++k, ++col) {
        if (auto ch = change_of(u, k)) s.number(row, col, ch->to_double(), value);
      }
      for (const auto& side : u.values) {
        if (side[0].rank > 0) s.number(row, col, side[0].rank);
        ++col;
      }
      s.text(row, col++, band_change(c, u).in(lang));
      if (auto g = annual_growth(c, u)) s.number(row, col, *g, share);
      ++row;
    }
    // What is not compared, under the table.
    for (const LocalizedText& w : c.warnings) s.text(++row, 0, w.in(lang), base.muted, false);
    if (!c.warnings.empty()) ++row;
    s.freeze(1, 2);
    if (c.units.size() > 0) s.autofilter(0, 0, lxw_row_t(c.units.size()), lxw_col_t(header.size() - 1));
    s.fit_columns(30);

    // The dumbbell's data beside the table: the regions it shows, first and last index.
    std::vector<std::size_t> shown;
    for (std::size_t i = 0; i < c.units.size(); ++i) {
      if (change_of(c.units[i], 0)) shown.push_back(i);
    }
    if (shown.size() > kChartRows) {
      std::vector<std::size_t> ends(shown.begin(), shown.begin() + kChartRows / 2);
      ends.insert(ends.end(), shown.end() - kChartRows / 2, shown.end());
      shown = std::move(ends);
    }
    if (shown.empty()) return;
    const lxw_col_t data_col = lxw_col_t(header.size() + 1);
    s.text(0, data_col, tr(lang, "Wilayah (grafik)", "Region (chart)"), base.header);
    s.text(0, data_col + 1, c.sides.front().label, base.header);
    s.text(0, data_col + 2, c.sides.back().label, base.header);
    for (std::size_t i = 0; i < shown.size(); ++i) {
      const ComparedUnit& u = c.units[shown[i]];
      s.text(lxw_row_t(i + 1), data_col, u.name);
      s.number(lxw_row_t(i + 1), data_col + 1, u.values.front()[0].published.to_double(), value);
      s.number(lxw_row_t(i + 1), data_col + 2, u.values.back()[0].published.to_double(), value);
    }
    lxw_chart* chart = workbook_add_chart(wb, LXW_CHART_LINE);
    const lxw_row_t last = lxw_row_t(shown.size());
    lxw_chart_line hidden{};
    hidden.none = LXW_TRUE;
    const lxw_color_t colors[] = {0xA6A6A6, 0x1B7837};
    for (int side = 0; side < 2; ++side) {
      lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
      chart_series_set_categories(series, sheet.c_str(), 1, data_col, last, data_col);
      chart_series_set_values(series, sheet.c_str(), 1, lxw_col_t(data_col + 1 + side), last, lxw_col_t(data_col + 1 + side));
      chart_series_set_name_range(series, sheet.c_str(), 0, lxw_col_t(data_col + 1 + side));
      chart_series_set_line(series, &hidden);
      chart_series_set_marker_type(series, LXW_CHART_MARKER_CIRCLE);
      chart_series_set_marker_size(series, 7);
      lxw_chart_fill fill{};
      fill.color = colors[side];
      chart_series_set_marker_fill(series, &fill);
      lxw_chart_line edge{};
      edge.color = colors[side];
      chart_series_set_marker_line(series, &edge);
    }
    lxw_chart_line between{};
    between.color = 0x595959;
    between.width = 1.5;
    chart_set_high_low_lines(chart, &between);
    chart_title_set_name(chart, tr(lang, "Indeks pertama dan terakhir per wilayah", "First and last index per region").c_str());
    chart_axis_set_min(chart->y_axis, (*c.sides.back().assessment->framework).score.min.to_double());
    chart_axis_set_max(chart->y_axis, (*c.sides.back().assessment->framework).score.max.to_double());
    chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
    lxw_chart_options placement{};
    placement.x_scale = 2.2;
    placement.y_scale = 1.6;
    worksheet_insert_chart_opt(s.raw(), row + 2, 1, chart, &placement);

    if (!c.partial.empty()) {
      XlsxSheet p(workbook_add_worksheet(wb, tr(lang, "Sebagian", "Partial").c_str()));
      std::vector<std::string> head{tr(lang, "Kode", "Code"), tr(lang, "Wilayah", "Region"), tr(lang, "Provinsi", "Province")};
      for (const ComparedSide& side : c.sides) head.push_back(side.label);
      for (std::size_t col = 0; col < head.size(); ++col) p.text(0, lxw_col_t(col), head[col], base.header);
      lxw_row_t r = 1;
      for (const ComparedUnit& u : c.partial) {
        p.text(r, 0, u.code);
        p.text(r, 1, u.name);
        p.text(r, 2, u.province_name);
        for (std::size_t sidx = 0; sidx < u.values.size(); ++sidx) {
          const ComparedValue& v = u.values[sidx][0];
          if (!v.present) {
            p.text(r, lxw_col_t(3 + sidx), tr(lang, "tidak ada", "absent"), base.muted);
          } else if (v.assessed) {
            p.number(r, lxw_col_t(3 + sidx), v.published.to_double(), value);
          }
        }
        ++r;
      }
      p.fit_columns(30);
    }
  });
}

}  // namespace siap
