// The province roll-up laid out in each document, and as its own CSV.
#include <fmt/format.h>

#include <cmath>

#include "report/report_view.hpp"
#include "report/rollup_tables.hpp"
#include "siap/report.hpp"

namespace siap {
namespace report {

std::string rollup_text(const RollupTables& tables) {
  std::string out = "\n" + tables.title + "\n";
  for (const std::string& sentence : tables.method) out += terminal_safe(sentence) + "\n";
  out += "\n" + text_table(tables.provinces);
  if (!tables.national.empty()) out += terminal_safe(tables.national) + "\n";
  for (const std::string& line : tables.details) out += "  " + terminal_safe(line) + "\n";
  if (!tables.governments.empty()) out += terminal_safe(tables.governments) + "\n";
  return out;
}

std::string rollup_markdown(const RollupTables& tables, int level) {
  std::string out = fmt::format("\n{} {}\n\n", std::string(std::size_t(level), '#'), markdown_escape(tables.title));
  for (const std::string& sentence : tables.method) out += "- " + markdown_escape(sentence) + "\n";
  out += "\n" + markdown_table(tables.provinces);
  if (!tables.national.empty()) out += markdown_escape(tables.national) + "\n\n";
  for (const std::string& line : tables.details) out += "- " + markdown_escape(line) + "\n";
  if (!tables.governments.empty()) out += "\n" + markdown_escape(tables.governments) + "\n";
  return out;
}

std::string rollup_html(const RollupTables& tables) {
  std::string out = fmt::format("<section class=\"rollup\">\n<h2>{}</h2>\n<ul class=\"method\">\n", html_escape(tables.title));
  for (const std::string& sentence : tables.method) out += fmt::format("<li>{}</li>\n", html_escape(sentence));
  out += "</ul>\n" + html_table(tables.provinces);
  if (!tables.national.empty()) out += fmt::format("<p class=\"verdict\">{}</p>\n", html_escape(tables.national));
  out += "<ul>\n";
  for (const std::string& line : tables.details) out += fmt::format("<li>{}</li>\n", html_escape(line));
  out += "</ul>\n";
  if (!tables.governments.empty()) out += fmt::format("<p class=\"note\">{}</p>\n", html_escape(tables.governments));
  return out + "</section>\n";
}

}  // namespace report

std::string render_rollup_csv(const Assessment& a, const ReportOptions& options) {
  const Framework& fw = *a.framework;
  const Lang lang = options.lang;
  const char d = options.csv_decimal_comma ? ';' : ',';
  const char point = options.csv_decimal_comma ? ',' : '.';
  auto tr = [lang](std::string_view id, std::string_view en) { return std::string(lang == Lang::en ? en : id); };
  auto num = [&](const NodeScore& s) { return s.assessed ? s.published.format(fw.score.decimals, point) : std::string(); };
  auto fraction = [&](double v) {
    std::string s = fmt::format("{:.6f}", v);
    for (char& c : s) c = c == '.' ? point : c;
    return s;
  };
  std::string out = options.csv_bom ? "\xEF\xBB\xBF" : "";
  auto row = [&](const std::vector<std::string>& fields) { append_csv_row(out, fields, d); };
  std::vector<std::string> header{tr("kode", "code"),
                                  tr("provinsi", "province"),
                                  tr("peringkat", "rank"),
                                  tr("indeks", "index"),
                                  tr("predikat", "band"),
                                  tr("kabkota_dinilai", "assessed"),
                                  tr("kabkota_tidak_dapat_dinilai", "not_assessable"),
                                  tr("kabkota_tidak_ada", "missing"),
                                  tr("kabkota_total", "total"),
                                  tr("cakupan_penduduk", "population_share"),
                                  tr("dimensi_terlemah", "weakest"),
                                  tr("tertinggal", "lagging")};
  for (int t : fw.root().children) header.push_back(fw.nodes[std::size_t(t)].id);
  header.push_back(tr("status", "status"));
  row(header);
  const Rollup* rollup = options.rollup;
  if (!rollup) return out;
  auto line = [&](const Assessment& p, const UnitResult& r, const RollupCoverage& c) {
    const Band* band = r.assessed ? report::band_of(fw, 0, r.nodes[0]) : nullptr;
    std::vector<std::string> lagging;
    for (int i : c.lagging) lagging.push_back(a.unit_of(a.results[std::size_t(i)]).code());
    std::vector<std::string> fields{p.unit_of(r).code(),
                                    p.unit_of(r).name,
                                    r.assessed ? std::to_string(r.rank) : "",
                                    num(r.nodes[0]),
                                    band ? band->label.in(lang) : "",
                                    std::to_string(c.assessed.size()),
                                    std::to_string(c.not_assessable.size()),
                                    std::to_string(c.missing.size()),
                                    std::to_string(c.total),
                                    fraction(c.population_share),
                                    c.weakest >= 0 ? fw.nodes[std::size_t(c.weakest)].id : "",
                                    fmt::format("{}", fmt::join(lagging, " "))};
    for (int t : fw.root().children) fields.push_back(num(r.nodes[std::size_t(t)]));
    fields.push_back(r.assessed ? tr("dinilai", "assessed") : tr("Tidak Dapat Dinilai: ", "Not assessable: ") + r.not_assessed_reason().in(lang));
    row(fields);
  };
  for (const UnitResult& r : rollup->provinces.results) line(rollup->provinces, r, rollup->coverage[std::size_t(r.unit)]);
  if (rollup->national) line(*rollup->national, rollup->national->results[0], rollup->national_coverage);
  return out;
}

}  // namespace siap
