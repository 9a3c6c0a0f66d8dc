// The instrument analysis as a workbook. "Reliabilitas" holds SPSS's
// tables exactly as the Markdown and HTML print them (text, with the
// report language's decimal mark whatever the reader's locale, because
// researchers paste them into a report); "Skala", "Butir" and "Per unit"
// hold the same values as numbers at full precision, for computing.
#include <fmt/format.h>

#include <cmath>

#include "report/reliability_sections.hpp"
#include "report/xlsx_file.hpp"
#include "report/xlsx_sheet.hpp"
#include "siap/report.hpp"

namespace siap {
namespace report {
namespace {

struct Formats {
  lxw_format* title = nullptr;
  lxw_format* subtitle = nullptr;
  lxw_format* caption = nullptr;
  lxw_format* header = nullptr;
  lxw_format* numeric_text = nullptr;  // a formatted number, right-aligned like SPSS's
  lxw_format* warning = nullptr;
  lxw_format* muted = nullptr;
  lxw_format* r = nullptr;     // 0.000
  lxw_format* mean = nullptr;  // 0.0000
  lxw_format* sd = nullptr;    // 0.00000
};

Formats make_formats(lxw_workbook* wb) {
  Formats f;
  const XlsxBaseFormats base = add_base_formats(wb);
  f.title = base.title;
  f.subtitle = base.subtitle;
  f.header = base.header;
  f.muted = base.muted;
  f.caption = workbook_add_format(wb);
  format_set_bold(f.caption);
  f.numeric_text = workbook_add_format(wb);
  format_set_align(f.numeric_text, LXW_ALIGN_RIGHT);
  f.warning = workbook_add_format(wb);
  format_set_font_color(f.warning, 0x8A1C1C);
  f.r = workbook_add_format(wb);
  format_set_num_format(f.r, "0.000");
  f.mean = workbook_add_format(wb);
  format_set_num_format(f.mean, "0.0000");
  f.sd = workbook_add_format(wb);
  format_set_num_format(f.sd, "0.00000");
  return f;
}

class ReliabilityWorkbook {
 public:
  ReliabilityWorkbook(lxw_workbook* wb, const InstrumentAnalysis& a, const Framework& fw, Lang lang)
      : wb_(wb), a_(a), fw_(fw), lang_(lang), f_(make_formats(wb)) {}

  void write() {
    tables(reliability_tables(a_, fw_, lang_));
    scales();
    items();
    if (!a_.units.empty()) units();
  }

 private:
  std::string t(std::string_view id, std::string_view en) const { return std::string(lang_ == Lang::en ? en : id); }
  XlsxSheet add_sheet(std::string_view id, std::string_view en) { return XlsxSheet(workbook_add_worksheet(wb_, t(id, en).c_str())); }
  // A number, or a blank cell when it was not computed.
  void value(XlsxSheet& s, lxw_row_t row, lxw_col_t col, double v, lxw_format* format) {
    if (!std::isnan(v) && !std::isinf(v)) s.number(row, col, v, format);
  }

  void tables(const ReliabilityTables& tables) {
    XlsxSheet s = add_sheet("Reliabilitas", "Reliability");
    // The numbers are text on purpose; Excel's "number stored as text" flag would mark each one.
    worksheet_ignore_errors(s.raw(), LXW_IGNORE_NUMBER_STORED_AS_TEXT, "A1:XFD1048576");
    lxw_row_t row = 0;
    s.text(row++, 0, tables.title, f_.title, false);
    for (const std::string& sentence : tables.method) s.text(row++, 0, sentence, nullptr, false);
    auto table = [&](const Table& tb) {
      if (!tb.caption.empty()) s.text(row++, 0, tb.caption, f_.caption, false);
      for (std::size_t c = 0; c < tb.header.size(); ++c) s.text(row, lxw_col_t(c), tb.header[c], f_.header, false);
      ++row;
      for (const auto& cells : tb.rows) {
        for (std::size_t c = 0; c < cells.size(); ++c) {
          s.text(row, lxw_col_t(c), cells[c].text, cells[c].numeric ? f_.numeric_text : nullptr, c == 0);
        }
        ++row;
      }
      for (const std::string& note : tb.notes) s.text(row++, 0, note, f_.muted, false);
      ++row;
    };
    for (const ScaleTables& scale : tables.scales) {
      ++row;
      s.text(row++, 0, scale.heading, f_.subtitle, false);
      if (!scale.not_computed.empty()) {
        s.text(row++, 0, scale.not_computed, nullptr, false);
        continue;
      }
      s.text(row++, 0, scale.verdict, f_.caption, false);
      if (!scale.warning.empty()) s.text(row++, 0, scale.warning, f_.warning, false);
      for (const Table& tb : scale.tables) table(tb);
    }
    if (!tables.by_unit.rows.empty()) {
      ++row;
      table(tables.by_unit);
    }
    s.text(row, 0, tables.legend, f_.muted, false);
    // The item column fits its names; the statistics' columns are wide
    // enough for SPSS's wrapped headings.
    s.fit_columns(40, {{1, 16}, {2, 16}, {3, 16}, {4, 16}, {5, 16}});
  }

  void scales() {
    XlsxSheet s = add_sheet("Skala", "Scales");
    const std::vector<std::string> header{t("Skala", "Scale"),
                                          t("Nama", "Name"),
                                          t("Butir", "Items"),
                                          t("Responden", "Respondents"),
                                          t("Dipakai", "Used"),
                                          t("Alfa Cronbach", "Cronbach's alpha"),
                                          t("Alfa terstandar", "Standardized alpha"),
                                          "Feldt " + t("bawah", "low"),
                                          "Feldt " + t("atas", "high"),
                                          "Duhachek " + t("bawah", "low"),
                                          "Duhachek " + t("atas", "high"),
                                          t("Reliabel", "Reliable"),
                                          t("Rata-rata skala", "Scale mean"),
                                          t("Varians skala", "Scale variance"),
                                          t("r tabel", "r table"),
                                          t("Tidak dihitung", "Not computed")};
    for (std::size_t c = 0; c < header.size(); ++c) s.text(0, lxw_col_t(c), header[c], f_.header);
    lxw_row_t row = 1;
    for (const ScaleAnalysis& sc : a_.scales) {
      s.text(row, 0, sc.id);
      s.text(row, 1, sc.name.in(lang_));
      s.number(row, 2, double(sc.leaves.size()));
      if (!sc.result.value) {
        s.text(row++, 15, lang_ == Lang::en ? sc.result.why_not_en : sc.result.why_not_id);
        continue;
      }
      const Reliability& r = *sc.result.value;
      s.number(row, 3, double(r.respondents));
      s.number(row, 4, double(r.used));
      const double rs[] = {r.alpha, r.standardized_alpha, r.feldt_lower, r.feldt_upper, r.duhachek_lower, r.duhachek_upper};
      for (std::size_t i = 0; i < std::size(rs); ++i) value(s, row, lxw_col_t(5 + i), rs[i], f_.r);
      s.text(row, 11, r.alpha > a_.options.threshold ? t("ya", "yes") : t("tidak", "no"));
      value(s, row, 12, r.scale_mean, f_.mean);
      value(s, row, 13, r.scale_variance, f_.r);
      value(s, row, 14, r.r_table, f_.r);
      ++row;
    }
    s.freeze(1, 2);
    s.autofilter(0, 0, row - 1, lxw_col_t(header.size() - 1));
    s.fit_columns(40, {{1, 36}});
  }

  void items() {
    XlsxSheet s = add_sheet("Butir", "Items");
    const std::vector<std::string> header{t("Skala", "Scale"),
                                          t("Nama skala", "Scale name"),
                                          t("Butir", "Item"),
                                          "N",
                                          t("Rata-rata", "Mean"),
                                          t("Simpangan baku", "Std. deviation"),
                                          t("r tidak terkoreksi", "r uncorrected"),
                                          t("r terkoreksi", "r corrected"),
                                          t("Sig. (2-sisi)", "Sig. (2-tailed)"),
                                          t("r tabel", "r table"),
                                          t("Valid", "Valid"),
                                          t("Kuadrat korelasi berganda", "Squared multiple correlation"),
                                          t("Rata-rata skala bila dihapus", "Scale mean if deleted"),
                                          t("Varians skala bila dihapus", "Scale variance if deleted"),
                                          t("Alfa bila dihapus", "Alpha if deleted")};
    for (std::size_t c = 0; c < header.size(); ++c) s.text(0, lxw_col_t(c), header[c], f_.header);
    lxw_row_t row = 1;
    for (const ScaleAnalysis& sc : a_.scales) {
      if (!sc.result.value) continue;
      const Reliability& r = *sc.result.value;
      for (std::size_t i = 0; i < sc.leaves.size(); ++i) {
        const ItemAnalysis& it = r.item[i];
        s.text(row, 0, sc.id);
        s.text(row, 1, sc.name.in(lang_));
        s.text(row, 2, fw_.nodes[std::size_t(sc.leaves[i])].column.name);
        s.number(row, 3, double(it.n));
        const std::pair<double, lxw_format*> values[] = {{it.mean, f_.mean},     {it.sd, f_.sd},         {it.r_uncorrected, f_.r},
                                                         {it.r_corrected, f_.r}, {it.p_corrected, f_.r}, {r.r_table, f_.r}};
        for (std::size_t v = 0; v < std::size(values); ++v) value(s, row, lxw_col_t(4 + v), values[v].first, values[v].second);
        s.text(row, 10, it.r_corrected > r.r_table ? t("ya", "yes") : t("tidak", "no"));
        value(s, row, 11, it.smc, f_.r);
        value(s, row, 12, it.scale_mean_if_deleted, f_.mean);
        value(s, row, 13, it.scale_variance_if_deleted, f_.r);
        value(s, row, 14, it.alpha_if_deleted, f_.r);
        ++row;
      }
    }
    s.freeze(1, 3);
    s.autofilter(0, 0, row > 1 ? row - 1 : 1, lxw_col_t(header.size() - 1));
    s.fit_columns(24, {{1, 28}});
  }

  void units() {
    XlsxSheet s = add_sheet("Per unit", "By unit");
    s.text(0, 0, t("Kode", "Code"), f_.header);
    s.text(0, 1, "Unit", f_.header);
    s.text(0, 2, "N", f_.header);
    for (std::size_t i = 0; i < a_.scales.size(); ++i) {
      s.text(0, lxw_col_t(3 + i), a_.scales[i].id.empty() ? t("Seluruh instrumen", "Whole instrument") : a_.scales[i].id, f_.header);
    }
    lxw_row_t row = 1;
    for (const UnitInstrument& unit : a_.units) {
      s.text(row, 0, unit.code);
      s.text(row, 1, unit.name);
      s.number(row, 2, double(unit.respondents));
      for (std::size_t i = 0; i < unit.scales.size(); ++i) {
        if (unit.scales[i].result.value) value(s, row, lxw_col_t(3 + i), unit.scales[i].result.value->alpha, f_.r);
      }
      ++row;
    }
    s.text(row + 1, 0,
           t("Alfa Cronbach setiap skala; kosong: terlalu sedikit responden.", "Cronbach's alpha of every scale; blank: too few respondents."),
           f_.muted, false);
    s.freeze(1, 3);
    s.fit_columns(36);
  }

  lxw_workbook* wb_;
  const InstrumentAnalysis& a_;
  const Framework& fw_;
  Lang lang_;
  Formats f_;
};

}  // namespace

void write_reliability_sheets(lxw_workbook* wb, const InstrumentAnalysis& a, const Framework& fw, Lang lang) {
  ReliabilityWorkbook(wb, a, fw, lang).write();
}

}  // namespace report

Expected<std::string> render_reliability_xlsx(const InstrumentAnalysis& a, const Framework& fw, const ReportOptions& options) {
  XlsxProperties properties;
  properties.title =
      options.title.empty() ? (options.lang == Lang::en ? "Validity and reliability" : "Uji validitas dan reliabilitas") : options.title;
  properties.comments = fmt::format("siap {} · {} {}", options.tool_version, fw.id, fw.version);
  properties.date = options.date;
  return build_xlsx(properties, [&](lxw_workbook* wb) { report::write_reliability_sheets(wb, a, fw, options.lang); });
}

}  // namespace siap
