// Markdown report: the same content as the text table, with input text
// escaped so a unit name cannot become markup.
#include <fmt/format.h>

#include <map>

#include "siap/report.hpp"

namespace siap {
namespace {

std::string escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\n' || c == '\r') {
      out += ' ';
      continue;
    }
    if (std::string_view("\\`*_{}[]()<>#+-.!|~&").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

}  // namespace

std::string render_markdown(const Assessment& a, const ReportOptions& options) {
  const Framework& fw = *a.framework;
  const Lang lang = options.lang;
  const int decimals = fw.score.decimals;
  auto tr = [lang](std::string_view id, std::string_view en) { return std::string(lang == Lang::en ? en : id); };
  auto overall = fw.band_sets_at(0);
  std::string out;
  out += fmt::format("# {}\n\n", escape(fw.title.in(lang)));
  out += fmt::format("{}: `{}` {} · {}: {} · {}: {}\n\n", tr("Kerangka", "Framework"), fw.id, escape(fw.version), tr("status", "status"),
                     status_label(fw.provenance.status).in(lang), tr("profil bobot", "weight profile"),
                     a.profile < 0 ? "default" : fw.profiles[std::size_t(a.profile)].id);
  out += fmt::format("## {}\n\n", tr("Peringkat", "Ranking"));
  std::string header = fmt::format("| # | {} | {} |", tr("Wilayah", "Region"), tr("Skor", "Score"));
  std::string rule = "|---:|---|---:|";
  if (!overall.empty()) {
    header += fmt::format(" {} |", tr("Predikat", "Band"));
    rule += "---|";
  }
  for (int t : fw.root().children) {
    header += fmt::format(" {} |", escape(fw.nodes[std::size_t(t)].name.in(lang)));
    rule += "---:|";
  }
  out += header + "\n" + rule + "\n";
  std::vector<const UnitResult*> not_assessed;
  for (const auto& r : a.results) {
    if (!r.assessed) {
      not_assessed.push_back(&r);
      continue;
    }
    std::string line = fmt::format("| {} | {} | {} |", r.rank, escape(a.unit_of(r).name), format_published(r.nodes[0].published, decimals, lang));
    if (!overall.empty()) {
      int band = r.nodes[0].bands.empty() ? -1 : r.nodes[0].bands[0];
      line += fmt::format(" {} |", band >= 0 ? escape(fw.band_sets[std::size_t(overall[0])].bands[std::size_t(band)].label.in(lang)) : "");
    }
    for (int t : fw.root().children) {
      const NodeScore& s = r.nodes[std::size_t(t)];
      line += fmt::format(" {} |", s.assessed ? format_published(s.published, decimals, lang) : "–");
    }
    out += line + "\n";
  }
  if (!not_assessed.empty()) {
    out += fmt::format("\n## {}\n\n", tr("Tidak Dapat Dinilai", "Not assessable"));
    for (const UnitResult* r : not_assessed) out += fmt::format("- {}: {}\n", escape(a.unit_of(*r).name), escape(r->not_assessed_reason.in(lang)));
  }
  out += fmt::format("\n## {}\n\n", tr("Kualitas data", "Data quality"));
  out += fmt::format("- {}: {}\n- {}: {}\n- {}: {}\n", tr("Baris dibaca", "Rows read"), a.data.rows_read, tr("Diterima", "Accepted"), a.data.rows,
                     tr("Ditolak", "Rejected"), a.data.rows_rejected);
  std::map<std::string, std::size_t> by_code;
  for (const auto& issue : a.data.issues) ++by_code[issue.code];
  for (const auto& [code, count] : by_code) out += fmt::format("- `{}`: {}\n", code, count);
  out += fmt::format("\n{}\n", tr("Rincian setiap masalah ada di quality.csv.", "Every problem is listed in quality.csv."));
  return out;
}

}  // namespace siap
