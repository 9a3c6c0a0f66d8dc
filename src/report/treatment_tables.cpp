// A composite indicator's treatments, worded once and laid out by each
// document. The direction of every indicator is a column of its own: a
// lower-is-better indicator reversed by the normaliser is the commonest
// reason for a composite that looks "inverted" (COINr issues 19 and 46).
#include "report/treatment_tables.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "report/report_view.hpp"
#include "siap/report.hpp"

namespace siap::report {
namespace {

std::string decimal_text(const Decimal& d, Lang lang) { return d.format(d.scale(), lang == Lang::id ? ',' : '.'); }

std::string normaliser_text(const Treatment& t, Lang lang) {
  std::string out = normaliser_label(t.normalise).in(lang);
  switch (t.normalise) {
    case Normaliser::goalposts:
      out += fmt::format(" [{}; {}]", decimal_text(t.goal_low, lang), decimal_text(t.goal_high, lang));
      break;
    case Normaliser::distance_to_target:
      out += fmt::format(" ({} {})", lang == Lang::id ? "target" : "target", decimal_text(t.target, lang));
      break;
    case Normaliser::zscore:
      out += fmt::format(" ({} {}, {} {})", lang == Lang::id ? "rata-rata" : "mean", decimal_text(t.z_mean, lang), lang == Lang::id ? "sb" : "sd",
                         decimal_text(t.z_sd, lang));
      return out;
    default:
      break;
  }
  if (normaliser_has_range(t.normalise)) out += fmt::format(" → {}–{}", decimal_text(t.range_low, lang), decimal_text(t.range_high, lang));
  return out;
}

// At least three significant digits: 0.0214, not 0.02.
std::string value_text(double v, double magnitude, Lang lang) {
  const int decimals = magnitude > 0 ? std::clamp(2 - int(std::floor(std::log10(magnitude))), 2, 8) : 2;
  return estimate_text(v, decimals, lang);
}

std::string denominator_text(const Treatment& t, Lang lang) {
  const bool id = lang == Lang::id;
  std::string per = t.per == Decimal::from_int(1) ? ""
                    : t.per.is_integer() && t.per < Decimal::from_int(1'000'000'000'000LL)
                        ? count_text(std::size_t(std::stoll(t.per.format(0))), lang) + " "
                        : decimal_text(t.per, lang) + " ";
  switch (t.denominator) {
    case Denominator::population:
      return id ? fmt::format("per {}penduduk", per) : fmt::format("per {}inhabitants", per);
    case Denominator::area:
      return id ? fmt::format("per {}km²", per) : fmt::format("per {}km²", per);
    case Denominator::column:
      return fmt::format("per {}{}", per, t.denominator_column);
    case Denominator::none:
      break;
  }
  return "–";
}

}  // namespace

TreatmentTables treatment_tables(const TreatmentLog& log, const Assessment& a, Lang lang) {
  const Framework& fw = *a.framework;
  const bool id = lang == Lang::id;
  auto tr = [id](const char* i, const char* e) { return std::string(id ? i : e); };
  TreatmentTables out;
  out.title = tr("Perlakuan indikator (data sekunder)", "Indicator treatment (secondary data)");
  out.indicators.header = {tr("Indikator", "Indicator"),      tr("Arah", "Direction"),    tr("Penyebut", "Denominator"),
                           tr("Data hilang", "Missing data"), tr("Pencilan", "Outliers"), tr("Normalisasi", "Normalisation"),
                           tr("Min–maks", "Min–max")};
  for (const TreatedIndicator& info : log.indicators) {
    const Node& node = fw.nodes[std::size_t(info.leaf)];
    const Treatment& t = *node.treatment;
    const bool higher = fw.scales[std::size_t(node.scale)].direction == Direction::higher_is_better;
    std::string missing = imputation_label(t.impute).in(lang);
    if (t.impute != Imputation::none) missing += fmt::format(" ({} {})", info.imputed, tr("sel", info.imputed == 1 ? "cell" : "cells"));
    std::string outliers = "–";
    if (t.outliers == OutlierTreatment::winsorise) {
      if (info.passed_before) {
        outliers = tr("tidak perlu (lolos uji kemencengan/kurtosis)", "not needed (skewness/kurtosis within limits)");
      } else if (info.log_transformed) {
        outliers = tr("transformasi log (winsorisasi tidak cukup)", "log transform (winsorising did not suffice)");
      } else {
        outliers = fmt::format("{} {}", tr("winsorisasi", "winsorised"), info.winsorised);
      }
    }
    const double magnitude = std::max(std::fabs(info.min), std::fabs(info.max));
    std::string range = info.constant ? tr("konstan: tidak dipakai", "constant: not used")
                                      : fmt::format("{}–{}", value_text(info.min, magnitude, lang), value_text(info.max, magnitude, lang));
    out.indicators.rows.push_back(
        {{node.id + " " + node.name.in(lang)},
         {higher ? tr("makin tinggi makin baik", "higher is better") : tr("makin rendah makin baik (dibalik)", "lower is better (reversed)")},
         {denominator_text(t, lang)},
         {missing},
         {outliers},
         {normaliser_text(t, lang)},
         {range, true}});
  }
  out.indicators.notes.push_back(tr("Urutan: penyebut, data hilang, pencilan, lalu normalisasi dengan arah diterapkan (seperti COINr).",
                                    "Order: denominator, missing data, outliers, then normalisation with the direction applied (as COINr)."));
  std::size_t listed = 0;
  for (const TreatmentEvent& e : log.events) {
    if (listed == kMaxTreatmentEvents) break;
    ++listed;
    const std::string unit = a.data->units[std::size_t(e.unit)].name;
    const std::string leaf = fw.nodes[std::size_t(e.leaf)].id;
    const Treatment& t = *fw.nodes[std::size_t(e.leaf)].treatment;
    switch (e.kind) {
      case TreatmentEvent::Kind::imputed:
        out.events.push_back(fmt::format("{}, {}: {} {} ({})", unit, leaf, tr("diimputasi", "imputed"), estimate_text(e.after, 4, lang),
                                         imputation_label(t.impute).in(lang)));
        break;
      case TreatmentEvent::Kind::not_imputed:
        out.events.push_back(fmt::format("{}, {}: {}", unit, leaf,
                                         tr("kosong; tidak ada unit sekelompok untuk imputasi", "missing; no unit of its group to impute from")));
        break;
      case TreatmentEvent::Kind::no_denominator:
        out.events.push_back(fmt::format(
            "{}, {}: {}", unit, leaf,
            t.denominator == Denominator::column
                ? tr("tidak ada penyebut (kolomnya kosong): tidak dipakai", "no denominator (its column is empty): not used")
                : tr("tidak ada penyebut (bukan wilayah dalam tabel): tidak dipakai", "no denominator (not a region in the table): not used")));
        break;
      case TreatmentEvent::Kind::winsorised:
        out.events.push_back(fmt::format("{}, {}: {} {} → {}", unit, leaf, tr("winsorisasi", "winsorised"), estimate_text(e.before, 4, lang),
                                         estimate_text(e.after, 4, lang)));
        break;
      case TreatmentEvent::Kind::not_positive:
        out.events.push_back(fmt::format("{}, {}: {} ({})", unit, leaf,
                                         tr("nilai tidak positif: rasio terhadap yang terbaik tidak terdefinisi, tidak dipakai",
                                            "value not positive: the ratio to the best is undefined, not used"),
                                         estimate_text(e.before, 4, lang)));
        break;
    }
  }
  if (log.events.size() > listed) out.more = fmt::format("{} {}", tr("dan", "and"), log.events.size() - listed) + tr(" lainnya", " more");
  return out;
}

std::string treatment_text(const TreatmentTables& tables) {
  std::string out = "\n" + tables.title + "\n\n" + text_table(tables.indicators);
  for (const std::string& line : tables.events) out += "  " + terminal_safe(line) + "\n";
  if (!tables.more.empty()) out += "  " + tables.more + "\n";
  return out;
}

std::string treatment_markdown(const TreatmentTables& tables, int level) {
  std::string out =
      fmt::format("\n{} {}\n\n", std::string(std::size_t(level), '#'), markdown_escape(tables.title)) + markdown_table(tables.indicators);
  for (const std::string& line : tables.events) out += "- " + markdown_escape(line) + "\n";
  if (!tables.more.empty()) out += "- " + markdown_escape(tables.more) + "\n";
  return out;
}

std::string treatment_html(const TreatmentTables& tables) {
  std::string out = fmt::format("<section class=\"treatment\">\n<h2>{}</h2>\n", html_escape(tables.title)) + html_table(tables.indicators);
  if (!tables.events.empty()) {
    out += "<ul>\n";
    for (const std::string& line : tables.events) out += fmt::format("<li>{}</li>\n", html_escape(line));
    if (!tables.more.empty()) out += fmt::format("<li>{}</li>\n", html_escape(tables.more));
    out += "</ul>\n";
  }
  return out + "</section>\n";
}

}  // namespace siap::report
