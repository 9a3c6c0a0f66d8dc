// The respondent bootstrap in long form (--format intervals): one row per
// unit and node, then per unit and facet value, with the estimate, its
// standard error and both intervals, to six decimals for further analysis
// (reports show them rounded as the scores are).
#include <fmt/format.h>

#include <cmath>

#include "siap/bootstrap.hpp"
#include "siap/report.hpp"

namespace siap {

std::string render_intervals_csv(const Assessment& a, const ReportOptions& options) {
  const Framework& fw = *a.framework;
  const char d = options.csv_decimal_comma ? ';' : ',';
  auto tr = [&](std::string_view id, std::string_view en) { return std::string(options.lang == Lang::en ? en : id); };
  auto number = [&](double v) {
    if (std::isnan(v)) return std::string();
    std::string text = fmt::format("{:.6f}", v);
    if (options.csv_decimal_comma) {
      for (char& c : text) c = c == '.' ? ',' : c;
    }
    return text;
  };
  std::string out = options.csv_bom ? "\xEF\xBB\xBF" : "";
  auto row = [&](const std::vector<std::string>& fields) { append_csv_row(out, fields, d); };
  row({tr("kode", "code"), tr("wilayah", "region"), tr("simpul", "node"), tr("nama", "name"), tr("estimasi", "estimate"),
       tr("galat_baku", "standard_error"), tr("persentil_bawah", "percentile_low"), tr("persentil_atas", "percentile_high"),
       tr("bca_bawah", "bca_low"), tr("bca_atas", "bca_high"), tr("sampel_ulang_dinilai", "resamples_assessed")});
  const BootstrapResult* boot = options.bootstrap;
  if (boot == nullptr) return out;
  for (std::size_t i = 0; i < a.results.size(); ++i) {
    const Unit& unit = a.unit_of(a.results[i]);
    const UnitBootstrap& b = boot->units[i];
    auto line = [&](const std::string& id, const LocalizedText& name, const NodeBootstrap& n) {
      row({unit.code(), spreadsheet_safe(unit.name), spreadsheet_safe(id), spreadsheet_safe(name.in(options.lang)), number(n.estimate),
           number(n.standard_error), number(n.percentile.low), number(n.percentile.high), number(n.bca.low), number(n.bca.high),
           std::to_string(n.assessed)});
    };
    for (std::size_t n = 0; n < b.nodes.size(); ++n) line(n == 0 ? tr("indeks", "index") : fw.nodes[n].id, fw.nodes[n].name, b.nodes[n]);
    std::size_t at = 0;
    for (const Facet& facet : fw.facets) {
      for (const FacetValue& value : facet.values) {
        if (at < b.facets.size()) line(facet.id + ":" + value.id, value.name, b.facets[at]);
        ++at;
      }
    }
  }
  return out;
}

}  // namespace siap
