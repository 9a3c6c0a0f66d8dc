#include "report/reliability_tables.hpp"

#include <fmt/format.h>

#include <cmath>

#include "report/report_view.hpp"

namespace siap::report {
namespace {

// SPSS's own digits: means to 4 decimals, variances to 3, standard
// deviations to 5, correlations and alphas to 3, percentages to 1.
constexpr int kMeanDecimals = 4, kVarianceDecimals = 3, kSdDecimals = 5, kRDecimals = 3, kPercentDecimals = 1;

class Builder {
 public:
  Builder(const InstrumentAnalysis& a, const Framework& fw, Lang lang) : a_(a), fw_(fw), lang_(lang) {}

  ReliabilityTables build() {
    ReliabilityTables out;
    out.title = t("Uji validitas dan reliabilitas", "Validity and reliability");
    method(out);
    for (const ScaleAnalysis& s : a_.scales) out.scales.push_back(scale(s));
    if (!a_.units.empty()) out.by_unit = by_unit();
    out.legend =
        t("r hitung terkoreksi = korelasi butir dengan jumlah butir lain pada skala (Corrected Item-Total Correlation), yang menentukan validitas; "
          "r hitung tidak terkoreksi = korelasi butir dengan jumlah yang memuat butir itu; alfa bila butir dihapus menilai skala tanpa butir itu, "
          "bukan reliabilitas butir itu sendiri.",
          "Corrected r = the item's correlation with the sum of the scale's other items (SPSS's Corrected Item-Total Correlation), which decides "
          "validity; uncorrected r = its correlation with a sum that includes it; alpha if item deleted judges the scale without the item, not the "
          "item's own reliability.");
    return out;
  }

 private:
  std::string t(std::string_view id, std::string_view en) const { return std::string(lang_ == Lang::en ? en : id); }
  // Indonesian captions keep SPSS's English name, which readers look for.
  std::string caption(std::string_view id, std::string_view spss) const {
    return lang_ == Lang::en ? std::string(spss) : fmt::format("{} ({})", id, spss);
  }
  TableCell num(double v, int decimals) const { return {estimate_text(v, decimals, lang_), true}; }
  TableCell count(std::size_t v) const { return {count_text(v, lang_), true}; }
  TableCell label(std::string text) const { return {std::move(text), false}; }
  std::string item_name(int leaf) const { return fw_.nodes[std::size_t(leaf)].column.name; }

  void method(ReliabilityTables& out) const {
    const ReliabilityOptions& o = a_.options;
    out.method.push_back(
        fmt::format("{} {}; {}.", count_text(a_.respondents, lang_), t("responden diterima", "accepted respondents"),
                    o.missing == MissingAnswers::listwise
                        ? t("penghapusan listwise seperti SPSS: responden yang melewatkan satu butir skala tidak dipakai untuk skala itu",
                            "listwise deletion as SPSS: a respondent who skipped an item of a scale is left out of that scale")
                        : t("kovarians pairwise seperti psych: setiap pasangan butir memakai responden yang menjawab keduanya",
                            "pairwise covariances as psych: each pair of items uses the respondents who answered both")));
    out.method.push_back(fmt::format("{} {} ({}).", t("Skala reliabel bila alfa Cronbach >", "A scale is reliable when Cronbach's alpha >"),
                                     estimate_text(o.threshold, 2, lang_),
                                     t("--threshold; 0,60 menurut Ghozali mengutip Nunnally, 0,70 lazim secara internasional",
                                       "--threshold; 0.60 after Ghozali citing Nunnally, 0.70 usual internationally")));
    out.method.push_back(fmt::format("{} α = {} {}.",
                                     t("Butir valid bila r hitung terkoreksi > r tabel, yaitu r kritis dua sisi pada df = n − 2 dan",
                                       "An item is valid when its corrected r > r table, the two-tailed critical r at df = n − 2 and"),
                                     estimate_text(o.validity_level, 2, lang_), t("(--level)", "(--level)")));
    out.method.push_back(fmt::format("{} {}%: Feldt ({}) {} Duhachek ({}).", t("Selang kepercayaan alfa", "Confidence intervals of alpha"),
                                     estimate_text(o.confidence * 100, 0, lang_), t("distribusi F", "F distribution"), t("dan", "and"),
                                     t("galat baku asimtotik", "asymptotic standard error")));
    out.method.push_back(t("Butir terbalik (reverse-keyed) sudah dibalik sebagaimana kerangka menilainya.",
                           "Reverse-keyed items are reversed as the framework scores them."));
  }

  ScaleTables scale(const ScaleAnalysis& s) const {
    ScaleTables out;
    out.heading = fmt::format("{} ({} {})", s.name.in(lang_), s.leaves.size(), t("butir", "items"));
    if (!s.result.value) {
      out.not_computed = lang_ == Lang::en ? s.result.why_not_en : s.result.why_not_id;
      return out;
    }
    const Reliability& r = *s.result.value;
    const ReliabilityOptions& o = a_.options;
    const bool reliable = r.alpha > o.threshold;
    out.verdict = fmt::format("{}: {} {} {} {}", reliable ? t("Reliabel", "Reliable") : t("Tidak reliabel", "Not reliable"),
                              t("alfa Cronbach", "Cronbach's alpha"), estimate_text(r.alpha, kRDecimals, lang_), reliable ? ">" : "≤",
                              estimate_text(o.threshold, 2, lang_));
    if (r.average_covariance < 0) {
      out.warning =
          t("Peringatan: nilai rata-rata kovarians antarbutir negatif; ini melanggar asumsi model reliabilitas. Periksa pengodean butir (butir "
            "terbalik).",
            "Warning: the value is negative due to a negative average covariance among items. This violates reliability model assumptions. You may "
            "want "
            "to check item codings.");
    }

    Table cases;
    cases.caption = caption("Ringkasan Pemrosesan Kasus", "Case Processing Summary");
    cases.header = {"", "N", "%"};
    const double total = double(r.respondents);
    auto share = [&](std::size_t n) { return num(total > 0 ? 100.0 * double(n) / total : std::nan(""), kPercentDecimals); };
    cases.rows.push_back({label(t("Kasus Valid", "Cases Valid")), count(r.used), share(r.used)});
    cases.rows.push_back({label(t("Dikecualikan", "Excluded") + "ª"), count(r.respondents - r.used), share(r.respondents - r.used)});
    cases.rows.push_back({label("Total"), count(r.respondents), share(r.respondents)});
    cases.notes.push_back(o.missing == MissingAnswers::listwise ? t("ª Penghapusan listwise berdasarkan semua variabel dalam prosedur.",
                                                                    "ª Listwise deletion based on all variables in the procedure.")
                                                                : t("ª Tanpa satu jawaban pun pada skala ini; kovarians pairwise (seperti psych).",
                                                                    "ª No answer at all on this scale; pairwise covariances (as psych)."));
    out.tables.push_back(std::move(cases));

    Table stats;
    stats.caption = caption("Statistik Reliabilitas", "Reliability Statistics");
    stats.header = {t("Alfa Cronbach", "Cronbach's Alpha"),
                    t("Alfa Cronbach berdasarkan butir terstandar", "Cronbach's Alpha Based on Standardized Items"), t("Jumlah butir", "N of Items")};
    stats.rows.push_back({num(r.alpha, kRDecimals), num(r.standardized_alpha, kRDecimals), count(r.items)});
    out.tables.push_back(std::move(stats));

    Table intervals;
    intervals.caption =
        fmt::format("{} {}%", t("Selang kepercayaan alfa", "Confidence interval of alpha"), estimate_text(o.confidence * 100, 0, lang_));
    intervals.header = {t("Metode", "Method"), t("Batas bawah", "Lower bound"), t("Batas atas", "Upper bound")};
    intervals.rows.push_back({label("Feldt"), num(r.feldt_lower, kRDecimals), num(r.feldt_upper, kRDecimals)});
    intervals.rows.push_back({label("Duhachek"), num(r.duhachek_lower, kRDecimals), num(r.duhachek_upper, kRDecimals)});
    out.tables.push_back(std::move(intervals));

    Table items;
    items.caption = caption("Statistik Butir", "Item Statistics");
    items.header = {"", t("Rata-rata", "Mean"), t("Simpangan baku", "Std. Deviation"), "N"};
    for (std::size_t i = 0; i < s.leaves.size(); ++i) {
      const ItemAnalysis& it = r.item[i];
      items.rows.push_back({label(item_name(s.leaves[i])), num(it.mean, kMeanDecimals), num(it.sd, kSdDecimals), count(it.n)});
    }
    out.tables.push_back(std::move(items));

    Table item_total;
    item_total.caption = caption("Statistik Butir-Total", "Item-Total Statistics");
    item_total.header = {"",
                         t("Rata-rata skala bila butir dihapus", "Scale Mean if Item Deleted"),
                         t("Varians skala bila butir dihapus", "Scale Variance if Item Deleted"),
                         t("Korelasi butir-total terkoreksi", "Corrected Item-Total Correlation"),
                         t("Kuadrat korelasi berganda", "Squared Multiple Correlation"),
                         t("Alfa Cronbach bila butir dihapus", "Cronbach's Alpha if Item Deleted")};
    for (std::size_t i = 0; i < s.leaves.size(); ++i) {
      const ItemAnalysis& it = r.item[i];
      item_total.rows.push_back({label(item_name(s.leaves[i])), num(it.scale_mean_if_deleted, kMeanDecimals),
                                 num(it.scale_variance_if_deleted, kVarianceDecimals), num(it.r_corrected, kRDecimals), num(it.smc, kRDecimals),
                                 num(it.alpha_if_deleted, kRDecimals)});
    }
    if (s.leaves.size() == 2) {
      item_total.notes.push_back(t("Dengan dua butir, alfa bila butir dihapus tidak terdefinisi (satu butir tersisa).",
                                   "With two items, alpha if item deleted is undefined (one item is left)."));
    }
    out.tables.push_back(std::move(item_total));

    Table scale_stats;
    scale_stats.caption = caption("Statistik Skala", "Scale Statistics");
    scale_stats.header = {t("Rata-rata", "Mean"), t("Varians", "Variance"), t("Simpangan baku", "Std. Deviation"), t("Jumlah butir", "N of Items")};
    scale_stats.rows.push_back(
        {num(r.scale_mean, kMeanDecimals), num(r.scale_variance, kVarianceDecimals), num(std::sqrt(r.scale_variance), kSdDecimals), count(r.items)});
    scale_stats.notes.push_back(t("Statistik jumlah skor butir.", "Statistics of the sum of the items."));
    out.tables.push_back(std::move(scale_stats));

    Table validity;
    validity.caption = t("Uji validitas", "Item validity");
    validity.header = {t("Butir", "Item"),      t("r hitung (terkoreksi)", "r (corrected)"), t("r hitung (tidak terkoreksi)", "r (uncorrected)"),
                       t("r tabel", "r table"), t("Sig. (2-sisi)", "Sig. (2-tailed)"),       t("Keterangan", "Verdict")};
    for (std::size_t i = 0; i < s.leaves.size(); ++i) {
      const ItemAnalysis& it = r.item[i];
      const bool valid = it.r_corrected > r.r_table;
      validity.rows.push_back({label(item_name(s.leaves[i])), num(it.r_corrected, kRDecimals), num(it.r_uncorrected, kRDecimals),
                               num(r.r_table, kRDecimals), num(it.p_corrected, kRDecimals),
                               label(valid ? t("Valid", "Valid") : t("Tidak valid", "Not valid"))});
    }
    validity.notes.push_back(fmt::format("{} df = n − 2 = {}, α = {} {}; {}", t("r tabel pada", "r table at"), r.used - 2,
                                         estimate_text(o.validity_level, 2, lang_), t("dua sisi", "two-tailed"),
                                         t("yang menentukan: r hitung terkoreksi.", "decided by the corrected r.")));
    out.tables.push_back(std::move(validity));
    return out;
  }

  Table by_unit() const {
    Table out;
    out.caption = t("Alfa Cronbach per unit", "Cronbach's alpha per unit");
    std::vector<std::size_t> shown;  // the whole instrument and the top-level nodes
    for (std::size_t i = 0; i < a_.scales.size(); ++i) {
      const auto node = fw_.find_node(a_.scales[i].id);
      if (a_.scales[i].id.empty() || (node && fw_.nodes[std::size_t(*node)].depth == 1)) shown.push_back(i);
    }
    out.header = {t("Kode", "Code"), "Unit", "N"};
    for (std::size_t i : shown) out.header.push_back(a_.scales[i].name.in(lang_));
    for (const UnitInstrument& unit : a_.units) {
      std::vector<TableCell> row{label(unit.code), label(unit.name), count(unit.respondents)};
      for (std::size_t i : shown) {
        const ReliabilityResult& r = unit.scales[i].result;
        row.push_back(r.value ? num(r.value->alpha, kRDecimals) : TableCell{"–", true});
      }
      out.rows.push_back(std::move(row));
    }
    out.notes.push_back(t("– : terlalu sedikit responden (kurang dari tiga yang dapat dipakai). Setiap skala: CSV, JSON atau buku kerja.",
                          "– : too few respondents (fewer than three usable). Every scale: CSV, JSON or the workbook."));
    return out;
  }

  const InstrumentAnalysis& a_;
  const Framework& fw_;
  Lang lang_;
};

}  // namespace

ReliabilityTables reliability_tables(const InstrumentAnalysis& a, const Framework& fw, Lang lang) { return Builder(a, fw, lang).build(); }

}  // namespace siap::report
