// The instrument analysis in long form for SPSS, R or pandas: one row per
// scale and item (and, with --by-unit, per unit), the scale's statistics
// repeated on each of its items' rows, every value at full precision. A
// scale that could not be analysed is one row with the reason.
#include <fmt/format.h>

#include <cmath>

#include "siap/report.hpp"

namespace siap {

std::string render_reliability_csv(const InstrumentAnalysis& a, const Framework& fw, const ReportOptions& options) {
  const char d = options.csv_decimal_comma ? ';' : ',';
  auto tr = [&](std::string_view id, std::string_view en) { return std::string(options.lang == Lang::en ? en : id); };
  auto num = [&](double v) {
    if (std::isnan(v) || std::isinf(v)) return std::string();
    std::string s = fmt::format("{:.12g}", v);
    if (options.csv_decimal_comma) {
      for (char& c : s) c = c == '.' ? ',' : c;
    }
    return s;
  };
  auto yes_no = [&](bool v) { return v ? tr("ya", "yes") : tr("tidak", "no"); };
  std::string out = options.csv_bom ? "\xEF\xBB\xBF" : "";
  auto row = [&](const std::vector<std::string>& fields) { append_csv_row(out, fields, d); };
  row({tr("cakupan", "scope"),
       tr("kode", "code"),
       tr("unit", "unit"),
       tr("skala", "scale"),
       tr("nama_skala", "scale_name"),
       tr("jumlah_butir", "items"),
       tr("responden", "respondents"),
       tr("dipakai", "used"),
       tr("alfa", "alpha"),
       tr("alfa_terstandar", "standardized_alpha"),
       tr("feldt_bawah", "feldt_low"),
       tr("feldt_atas", "feldt_high"),
       tr("duhachek_bawah", "duhachek_low"),
       tr("duhachek_atas", "duhachek_high"),
       tr("reliabel", "reliable"),
       tr("kovarians_rata2_negatif", "negative_average_covariance"),
       tr("rata2_skala", "scale_mean"),
       tr("varians_skala", "scale_variance"),
       tr("r_tabel", "r_table"),
       tr("butir", "item"),
       tr("n_butir", "item_n"),
       tr("rata2", "mean"),
       tr("simpangan_baku", "sd"),
       tr("r_tidak_terkoreksi", "r_uncorrected"),
       tr("r_terkoreksi", "r_corrected"),
       tr("sig_2_sisi", "sig_two_tailed"),
       tr("valid", "valid"),
       tr("kuadrat_korelasi_berganda", "squared_multiple_correlation"),
       tr("rata2_skala_bila_dihapus", "scale_mean_if_deleted"),
       tr("varians_skala_bila_dihapus", "scale_variance_if_deleted"),
       tr("alfa_bila_dihapus", "alpha_if_deleted"),
       tr("tidak_dihitung", "not_computed")});
  auto scales = [&](std::string_view scope, std::string_view code, std::string_view unit, const std::vector<ScaleAnalysis>& list) {
    for (const ScaleAnalysis& s : list) {
      std::vector<std::string> head{std::string(scope),
                                    std::string(code),
                                    spreadsheet_safe(unit),
                                    s.id,
                                    spreadsheet_safe(s.name.in(options.lang)),
                                    std::to_string(s.leaves.size())};
      if (!s.result.value) {
        head.resize(31);
        head.push_back(options.lang == Lang::en ? s.result.why_not_en : s.result.why_not_id);
        row(head);
        continue;
      }
      const Reliability& r = *s.result.value;
      const std::vector<std::string> scale{std::to_string(r.respondents),
                                           std::to_string(r.used),
                                           num(r.alpha),
                                           num(r.standardized_alpha),
                                           num(r.feldt_lower),
                                           num(r.feldt_upper),
                                           num(r.duhachek_lower),
                                           num(r.duhachek_upper),
                                           yes_no(r.alpha > a.options.threshold),
                                           yes_no(r.average_covariance < 0),
                                           num(r.scale_mean),
                                           num(r.scale_variance),
                                           num(r.r_table)};
      for (std::size_t i = 0; i < s.leaves.size(); ++i) {
        const ItemAnalysis& it = r.item[i];
        std::vector<std::string> fields = head;
        fields.insert(fields.end(), scale.begin(), scale.end());
        const std::vector<std::string> item{spreadsheet_safe(fw.nodes[std::size_t(s.leaves[i])].column.name),
                                            std::to_string(it.n),
                                            num(it.mean),
                                            num(it.sd),
                                            num(it.r_uncorrected),
                                            num(it.r_corrected),
                                            num(it.p_corrected),
                                            yes_no(it.r_corrected > r.r_table),
                                            num(it.smc),
                                            num(it.scale_mean_if_deleted),
                                            num(it.scale_variance_if_deleted),
                                            num(it.alpha_if_deleted),
                                            ""};
        fields.insert(fields.end(), item.begin(), item.end());
        row(fields);
      }
    }
  };
  scales(tr("semua", "all"), "", "", a.scales);
  for (const UnitInstrument& unit : a.units) scales("unit", unit.code, unit.name, unit.scales);
  return out;
}

}  // namespace siap
