// The instrument analysis as HTML: a section of SPSS's tables, in the
// assessment report (--reliability) or as `siap reliability`'s own
// self-contained document. Every text is escaped.
#include <fmt/format.h>

#include "report/html_style.hpp"
#include "report/reliability_sections.hpp"
#include "siap/report.hpp"

namespace siap {
namespace report {

std::string reliability_html(const ReliabilityTables& tables) {
  std::string out = fmt::format("<section class=\"reliability\">\n<h2>{}</h2>\n<ul class=\"method\">\n", html_escape(tables.title));
  for (const std::string& sentence : tables.method) out += fmt::format("<li>{}</li>\n", html_escape(sentence));
  out += "</ul>\n";
  for (const ScaleTables& s : tables.scales) {
    out += fmt::format("<div class=\"scale\">\n<h3>{}</h3>\n", html_escape(s.heading));
    if (!s.not_computed.empty()) {
      out += fmt::format("<p>{}</p>\n</div>\n", html_escape(s.not_computed));
      continue;
    }
    out += fmt::format("<p class=\"verdict\">{}</p>\n", html_escape(s.verdict));
    if (!s.warning.empty()) out += fmt::format("<p class=\"warning\">{}</p>\n", html_escape(s.warning));
    for (const Table& t : s.tables) out += html_table(t);
    out += "</div>\n";
  }
  if (!tables.by_unit.rows.empty()) out += fmt::format("<div class=\"scale\">\n{}</div>\n", html_table(tables.by_unit));
  out += fmt::format("<p class=\"note\">{}</p>\n</section>\n", html_escape(tables.legend));
  return out;
}

}  // namespace report

std::string render_reliability_html(const InstrumentAnalysis& a, const Framework& fw, const ReportOptions& options) {
  const report::ReliabilityTables tables = report::reliability_tables(a, fw, options.lang);
  const std::string title = options.title.empty() ? tables.title : options.title;
  std::string out = fmt::format("<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n", options.lang == Lang::en ? "en" : "id");
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += fmt::format("<meta name=\"generator\" content=\"siap {}\">\n", html_escape(options.tool_version));
  out += fmt::format("<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n", html_escape(title), report::kHtmlStyle);
  std::string meta = fmt::format("{} · <code>{}</code> {}", html_escape(fw.title.in(options.lang)), html_escape(fw.id), html_escape(fw.version));
  if (!options.date.empty()) meta += " · " + html_escape(options.date);
  out += fmt::format("<header>\n<h1>{}</h1>\n<p class=\"meta\">{}</p>\n</header>\n", html_escape(title), meta);
  out += report::reliability_html(tables);
  out += fmt::format("<footer>\n{} siap {}", options.lang == Lang::en ? "Made with" : "Dibuat dengan", html_escape(options.tool_version));
  for (const auto& setting : options.settings) out += " · " + html_escape(setting);
  out += "\n</footer>\n</body>\n</html>\n";
  return out;
}

}  // namespace siap
