// The instrument analysis as Markdown: SPSS's tables as pipe tables, text
// cells escaped so that an item or unit name never becomes markup.
#include <fmt/format.h>

#include "report/reliability_sections.hpp"
#include "report/report_view.hpp"
#include "siap/report.hpp"

namespace siap {
namespace report {

std::string reliability_markdown(const ReliabilityTables& tables, int level) {
  const std::string title(std::size_t(level), '#'), scale(std::size_t(level) + 1, '#');
  std::string out = fmt::format("{} {}\n\n", title, markdown_escape(tables.title));
  for (const std::string& sentence : tables.method) out += "- " + markdown_escape(sentence) + "\n";
  out += "\n";
  for (const ScaleTables& s : tables.scales) {
    out += fmt::format("{} {}\n\n", scale, markdown_escape(s.heading));
    if (!s.not_computed.empty()) {
      out += markdown_escape(s.not_computed) + "\n\n";
      continue;
    }
    out += fmt::format("**{}**\n\n", markdown_escape(s.verdict));
    if (!s.warning.empty()) out += fmt::format("> {}\n\n", markdown_escape(s.warning));
    for (const Table& t : s.tables) out += markdown_table(t);
  }
  if (!tables.by_unit.rows.empty()) {
    out += fmt::format("{} {}\n\n", scale, markdown_escape(tables.by_unit.caption));
    Table by_unit = tables.by_unit;
    by_unit.caption.clear();
    out += markdown_table(by_unit);
  }
  out += markdown_escape(tables.legend) + "\n";
  return out;
}

}  // namespace report

std::string render_reliability_markdown(const InstrumentAnalysis& a, const Framework& fw, const ReportOptions& options) {
  std::string out = report::reliability_markdown(report::reliability_tables(a, fw, options.lang), 1);
  std::string about = fmt::format("{}: `{}` {}", options.lang == Lang::en ? "Framework" : "Kerangka", fw.id, markdown_escape(fw.version));
  if (!options.date.empty()) about += " · " + markdown_escape(options.date);
  if (!options.tool_version.empty()) about += " · siap " + markdown_escape(options.tool_version);
  // Under the title, before the method.
  const std::size_t after_title = out.find("\n\n") + 2;
  out.insert(after_title, about + "\n\n");
  return out;
}

}  // namespace siap
