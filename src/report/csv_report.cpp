// One row per unit: identification, ranks, the index and its band, every
// top-level node and facet value. Text cells are made inert for spreadsheets.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "report/report_view.hpp"
#include "siap/bootstrap.hpp"
#include "siap/report.hpp"

namespace siap {

std::string render_csv(const Assessment& a, const ReportOptions& options) {
  const Framework& fw = *a.framework;
  const Lang lang = options.lang;
  const char d = options.csv_decimal_comma ? ';' : ',';
  const char point = options.csv_decimal_comma ? ',' : '.';
  const int decimals = fw.score.decimals;
  auto tr = [lang](std::string_view id, std::string_view en) { return std::string(lang == Lang::en ? en : id); };
  auto num = [&](const NodeScore& s) { return s.assessed ? s.published.format(decimals, point) : std::string(); };

  std::string out = options.csv_bom ? "\xEF\xBB\xBF" : "";
  auto row = [&](const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (i > 0) out += d;
      out += csv_field(fields[i], d);
    }
    out += "\r\n";
  };
  auto overall = fw.band_sets_at(0);
  std::vector<std::string> header{tr("kode", "code"),
                                  tr("wilayah", "region"),
                                  tr("jenis", "type"),
                                  tr("provinsi", "province"),
                                  tr("responden", "respondents"),
                                  tr("peringkat", "rank"),
                                  tr("peringkat_jenis", "rank_in_type"),
                                  tr("peringkat_provinsi", "rank_in_province"),
                                  tr("indeks", "index")};
  if (!overall.empty()) header.push_back(tr("predikat", "band"));
  // With --bootstrap: the index's percentile interval and the rank's
  // distribution beside the index (every node's interval: --format intervals).
  const BootstrapResult* boot = options.bootstrap;
  if (boot) {
    const std::pair<std::string_view, std::string_view> names[] = {{"indeks_bawah", "index_low"},
                                                                   {"indeks_atas", "index_high"},
                                                                   {"peringkat_median", "rank_median"},
                                                                   {"peringkat_p05", "rank_p05"},
                                                                   {"peringkat_p95", "rank_p95"}};
    for (const auto& [id, en] : names) header.push_back(tr(id, en));
    header.push_back(fmt::format("{}{}", tr("p_peringkat_maks_", "p_rank_le_"), boot->options.top));
  }
  for (int t : fw.root().children) header.push_back(fw.nodes[std::size_t(t)].id);
  for (const auto& facet : fw.facets) {
    for (const auto& v : facet.values) header.push_back(facet.id + ":" + v.id);
  }
  header.push_back(tr("status", "status"));
  row(header);

  for (const auto& r : a.results) {
    const Unit& unit = a.unit_of(r);
    auto rank = [](int v) { return v > 0 ? std::to_string(v) : std::string(); };
    std::vector<std::string> fields{
        unit.code,    spreadsheet_safe(unit.name), unit_type_label(unit).in(lang), unit.province_name, std::to_string(r.respondents),
        rank(r.rank), rank(r.rank_in_type),        rank(r.rank_in_province),       num(r.nodes[0])};
    if (!overall.empty()) {
      int band = r.assessed && !r.nodes[0].bands.empty() ? r.nodes[0].bands[0] : -1;
      fields.push_back(band >= 0 ? fw.band_sets[std::size_t(overall[0])].bands[std::size_t(band)].label.in(lang) : "");
    }
    if (boot) {
      const UnitBootstrap& b = boot->units[std::size_t(&r - a.results.data())];
      auto value = [&](double v, int places) { return std::isnan(v) ? std::string() : round_estimate(v, places).format(places, point); };
      const bool ranked = r.assessed && b.ranked > 0;
      fields.push_back(r.assessed && !b.nodes.empty() ? value(b.nodes[0].percentile.low, decimals) : "");
      fields.push_back(r.assessed && !b.nodes.empty() ? value(b.nodes[0].percentile.high, decimals) : "");
      fields.push_back(ranked ? value(b.median_rank, 1) : "");
      fields.push_back(ranked ? std::to_string(b.rank_low) : "");
      fields.push_back(ranked ? std::to_string(b.rank_high) : "");
      fields.push_back(ranked ? value(b.p_top, 3) : "");
    }
    for (int t : fw.root().children) fields.push_back(num(r.nodes[std::size_t(t)]));
    for (std::size_t f = 0; f < fw.facets.size(); ++f) {
      for (std::size_t v = 0; v < fw.facets[f].values.size(); ++v) fields.push_back(num(r.facets[f][v]));
    }
    fields.push_back(r.assessed ? tr("dinilai", "assessed") : tr("Tidak Dapat Dinilai: ", "Not assessable: ") + r.not_assessed_reason.in(lang));
    row(fields);
  }
  return out;
}

}  // namespace siap
