// The instrument analysis as researchers paste it into a report: per scale
// SPSS's Case Processing Summary, Reliability Statistics and Item-Total
// Statistics, with the uji validitas (r hitung against r tabel) beside them.
// Text in the chosen language with its decimal mark; JSON with full
// precision (docs/statistics.md).
#include <fmt/format.h>

#include <cmath>

#include "report/json_writer.hpp"
#include "siap/report.hpp"
#include "siap/utf8.hpp"

namespace siap {
namespace {

std::string fixed(double v, int decimals, Lang lang) {
  if (std::isnan(v)) return "–";
  std::string s = fmt::format("{:.{}f}", v, decimals);
  if (s == "-0" + std::string(decimals > 0 ? "." : "") + std::string(std::size_t(decimals), '0')) s.erase(0, 1);
  if (lang == Lang::id) {
    for (char& c : s) c = c == '.' ? ',' : c;
  }
  return s;
}

std::string pad(const std::string& s, std::size_t width, bool right) {
  std::size_t shown = 0;
  for (unsigned char c : s) shown += (c & 0xC0) != 0x80;
  if (shown >= width) return s;
  return right ? std::string(width - shown, ' ') + s : s + std::string(width - shown, ' ');
}

// A JSON number, or null for NaN (too few answers, a singular matrix).
void number(JsonWriter& w, std::string_view key, double v) {
  w.key(key);
  if (std::isnan(v) || std::isinf(v)) {
    w.null();
  } else {
    w.number(fmt::format("{:.12g}", v));
  }
}

}  // namespace

std::string render_reliability_text(const InstrumentAnalysis& a, const Framework& fw, Lang lang) {
  auto tr = [lang](std::string_view id, std::string_view en) { return std::string(lang == Lang::en ? en : id); };
  const ReliabilityOptions& o = a.options;
  std::string out = fmt::format("{} · {} {} · {} {}\n", tr("Uji validitas dan reliabilitas", "Validity and reliability"), fw.id, fw.version,
                                a.respondents, tr("responden", "respondents"));
  out += fmt::format("{}; {} {}; {} {} {}, df = n − 2\n",
                     o.missing == MissingAnswers::listwise ? tr("penghapusan listwise (seperti SPSS)", "listwise deletion (as SPSS)")
                                                           : tr("kovarians pairwise (seperti psych)", "pairwise covariances (as psych)"),
                     tr("reliabel bila alfa >", "reliable when alpha >"), fixed(o.threshold, 2, lang),
                     tr("butir valid bila r terkoreksi > r tabel pada α =", "an item is valid when its corrected r > r table at α ="),
                     fixed(o.validity_level, 2, lang), tr("dua sisi", "two-tailed"));
  for (const ScaleAnalysis& s : a.scales) {
    out += fmt::format("\n{} ({} {})\n", terminal_safe(s.name.in(lang)), s.leaves.size(), tr("butir", "items"));
    if (!s.result.value) {
      out += "  " + (lang == Lang::en ? s.result.why_not_en : s.result.why_not_id) + "\n";
      continue;
    }
    const Reliability& r = *s.result.value;
    out += fmt::format("  N {} {} {} ({}%)\n", r.used, tr("dari", "of"), r.respondents,
                       fixed(r.respondents ? 100.0 * double(r.used) / double(r.respondents) : 0, 1, lang));
    out +=
        fmt::format("  {} {} · {} {} · {} {}% Feldt [{}; {}] · Duhachek [{}; {}]\n", tr("Alfa Cronbach", "Cronbach's alpha"), fixed(r.alpha, 3, lang),
                    tr("butir terstandar", "standardised"), fixed(r.standardized_alpha, 3, lang), tr("IK", "CI"), fixed(o.confidence * 100, 0, lang),
                    fixed(r.feldt_lower, 3, lang), fixed(r.feldt_upper, 3, lang), fixed(r.duhachek_lower, 3, lang), fixed(r.duhachek_upper, 3, lang));
    out += "  " +
           (r.alpha > o.threshold ? fmt::format("{} ({} {} > {})", tr("Reliabel", "Reliable"), tr("alfa", "alpha"), fixed(r.alpha, 3, lang),
                                                fixed(o.threshold, 2, lang))
                                  : fmt::format("{} ({} {} ≤ {})", tr("Tidak reliabel", "Not reliable"), tr("alfa", "alpha"), fixed(r.alpha, 3, lang),
                                                fixed(o.threshold, 2, lang))) +
           "\n";
    if (r.average_covariance < 0) {
      out += "  " +
             tr("Peringatan: rata-rata kovarians antarbutir negatif; ini melanggar asumsi model reliabilitas. Periksa pengodean butir (butir "
                "terbalik).",
                "Warning: the average covariance among items is negative; this violates reliability model assumptions. Check the item codings "
                "(reverse-keyed items).") +
             "\n";
    }
    out += fmt::format("  {} {}: {}\n", tr("r tabel", "r table"), fmt::format("(df = {})", r.used - 2), fixed(r.r_table, 3, lang));
    out += "  " + pad(tr("BUTIR", "ITEM"), 12, false) + pad(tr("RATA2", "MEAN"), 7, true) + pad("SD", 7, true) + pad("r", 8, true) +
           pad(tr("r-TERKOR", "r-CORR"), 9, true) + pad("SIG.", 7, true) + pad(tr("VALID", "VALID"), 7, true) +
           pad(tr("ALFA-HAPUS", "ALPHA-DEL"), 11, true) + "\n";
    for (std::size_t i = 0; i < s.leaves.size(); ++i) {
      const ItemAnalysis& it = r.item[i];
      const Node& leaf = fw.nodes[std::size_t(s.leaves[i])];
      const bool valid = it.r_corrected > r.r_table;
      out += "  " + pad(terminal_safe(shorten(leaf.column.name, 11)), 12, false) + pad(fixed(it.mean, 2, lang), 7, true) +
             pad(fixed(it.sd, 2, lang), 7, true) + pad(fixed(it.r_uncorrected, 3, lang), 8, true) + pad(fixed(it.r_corrected, 3, lang), 9, true) +
             pad(fixed(it.p_corrected, 3, lang), 7, true) + pad(valid ? tr("ya", "yes") : tr("tidak", "no"), 7, true) +
             pad(fixed(it.alpha_if_deleted, 3, lang), 11, true) + "\n";
    }
  }
  if (!a.units.empty()) {
    // Per unit: alpha of every scale, one line each (the full tables: --format json).
    out += "\n" + tr("Alfa Cronbach per unit", "Cronbach's alpha per unit") + "\n";
    // The whole instrument and the top-level nodes; every scale is in the JSON.
    std::vector<std::size_t> shown;
    for (std::size_t i = 0; i < a.scales.size(); ++i) {
      const auto node = fw.find_node(a.scales[i].id);
      if (a.scales[i].id.empty() || (node && fw.nodes[std::size_t(*node)].depth == 1)) shown.push_back(i);
    }
    std::string head = "  " + pad(tr("UNIT", "UNIT"), 32, false) + pad("N", 7, true);
    for (std::size_t i : shown) head += pad(a.scales[i].id.empty() ? tr("SELURUH", "ALL") : terminal_safe(shorten(a.scales[i].id, 11)), 12, true);
    out += head + "\n";
    for (const UnitInstrument& unit : a.units) {
      std::string line = "  " + pad(terminal_safe(shorten(unit.name, 31)), 32, false) + pad(std::to_string(unit.respondents), 7, true);
      for (std::size_t i : shown) {
        const ScaleAnalysis& s = unit.scales[i];
        line += pad(s.result.value ? fixed(s.result.value->alpha, 3, lang) : "–", 12, true);
      }
      out += line + "\n";
    }
    out += tr("Setiap skala dan tabel butir per unit: --format json.", "Every scale and the item tables per unit: --format json.") + "\n";
  }
  out += "\n" +
         tr("r = korelasi butir-total; r-terkor = korelasi butir-total terkoreksi (tanpa butir itu), yang menentukan validitas; alfa-hapus = alfa "
            "bila butir dihapus (bukan uji reliabilitas butir).",
            "r = item-total correlation; r-corr = corrected item-total correlation (without the item), which decides validity; alpha-del = "
            "alpha if the item is deleted (not a reliability test of the item).") +
         "\n";
  return out;
}

std::string render_reliability_json(const InstrumentAnalysis& a, const Framework& fw) {
  JsonWriter w;
  const ReliabilityOptions& o = a.options;
  w.begin_object();
  w.field("schema", "siap/reliability/v1").field("framework", fw.id).field("framework_version", fw.version);
  w.field("respondents", static_cast<long long>(a.respondents));
  w.field("missing", o.missing == MissingAnswers::listwise ? "listwise" : "pairwise");
  number(w, "threshold", o.threshold);
  number(w, "confidence", o.confidence);
  number(w, "validity_level", o.validity_level);
  w.field("validity_uses", "corrected_item_total_r");
  auto write_scales = [&](const std::vector<ScaleAnalysis>& scales) {
    w.begin_array();
    for (const ScaleAnalysis& s : scales) {
      w.begin_object();
      w.field("id", s.id).key("name").begin_object().field("id", s.name.id).field("en", s.name.in(Lang::en)).end_object();
      w.key("items").begin_array();
      for (int leaf : s.leaves) w.string(fw.nodes[std::size_t(leaf)].column.name);
      w.end_array();
      if (!s.result.value) {
        w.key("not_computed").begin_object().field("id", s.result.why_not_id).field("en", s.result.why_not_en).end_object();
        w.end_object();
        continue;
      }
      const Reliability& r = *s.result.value;
      w.field("respondents", static_cast<long long>(r.respondents)).field("used", static_cast<long long>(r.used));
      number(w, "alpha", r.alpha);
      number(w, "standardized_alpha", r.standardized_alpha);
      w.key("feldt").begin_array();
      w.number(fmt::format("{:.12g}", r.feldt_lower)).number(fmt::format("{:.12g}", r.feldt_upper));
      w.end_array();
      w.key("duhachek").begin_array();
      w.number(fmt::format("{:.12g}", r.duhachek_lower)).number(fmt::format("{:.12g}", r.duhachek_upper));
      w.end_array();
      w.field("reliable", r.alpha > o.threshold);
      number(w, "average_covariance", r.average_covariance);
      w.field("negative_average_covariance", r.average_covariance < 0);
      number(w, "scale_mean", r.scale_mean);
      number(w, "scale_variance", r.scale_variance);
      number(w, "r_table", r.r_table);
      w.key("item_statistics").begin_array();
      for (std::size_t i = 0; i < s.leaves.size(); ++i) {
        const ItemAnalysis& it = r.item[i];
        w.begin_object().field("item", fw.nodes[std::size_t(s.leaves[i])].column.name).field("n", static_cast<long long>(it.n));
        number(w, "mean", it.mean);
        number(w, "sd", it.sd);
        number(w, "r_uncorrected", it.r_uncorrected);
        number(w, "r_corrected", it.r_corrected);
        number(w, "sig_two_tailed", it.p_corrected);
        w.field("valid", it.r_corrected > r.r_table);
        number(w, "squared_multiple_correlation", it.smc);
        number(w, "scale_mean_if_deleted", it.scale_mean_if_deleted);
        number(w, "scale_variance_if_deleted", it.scale_variance_if_deleted);
        number(w, "alpha_if_deleted", it.alpha_if_deleted);
        w.end_object();
      }
      w.end_array();
      w.end_object();
    }
    w.end_array();
  };
  w.key("scales");
  write_scales(a.scales);
  if (!a.units.empty()) {
    w.key("units").begin_array();
    for (const UnitInstrument& unit : a.units) {
      w.begin_object().field("code", unit.code).field("name", unit.name).field("respondents", static_cast<long long>(unit.respondents));
      w.key("scales");
      write_scales(unit.scales);
      w.end_object();
    }
    w.end_array();
  }
  w.end_object();
  std::string out = w.take();
  out += "\n";
  return out;
}

}  // namespace siap
