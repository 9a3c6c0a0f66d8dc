#include "report/table.hpp"

#include <fmt/format.h>

#include "siap/report.hpp"
#include "siap/utf8.hpp"

namespace siap::report {
namespace {

// Numbers are siap's own digits and stay as they are ("13.6500", not
// "13\.6500"); text from the framework or the input is escaped.
std::string cell(const TableCell& c) {
  std::string shown = c.numeric ? c.text : markdown_escape(c.text);
  return shown.empty() ? " " : shown;
}

}  // namespace

std::string markdown_table(const Table& table) {
  std::string out = table.caption.empty() ? "|" : fmt::format("**{}**\n\n|", markdown_escape(table.caption));
  for (const std::string& h : table.header) out += " " + cell({h, false}) + " |";
  out += "\n|";
  // Alignment from the first row: numbers right, labels left.
  for (std::size_t c = 0; c < table.header.size(); ++c) {
    const bool numeric = !table.rows.empty() && c < table.rows[0].size() && table.rows[0][c].numeric;
    out += numeric ? "---:|" : "---|";
  }
  out += "\n";
  for (const auto& row : table.rows) {
    out += "|";
    for (const TableCell& c : row) out += " " + cell(c) + " |";
    out += "\n";
  }
  out += "\n";
  for (const std::string& note : table.notes) out += markdown_escape(note) + "\n\n";
  return out;
}

std::string html_table(const Table& table) {
  std::string out = "<div class=\"scroll\">\n<table class=\"spss\">\n";
  if (!table.caption.empty()) out += fmt::format("<caption>{}</caption>\n", html_escape(table.caption));
  out += "<thead><tr>";
  for (std::size_t c = 0; c < table.header.size(); ++c) {
    const bool numeric = !table.rows.empty() && c < table.rows[0].size() && table.rows[0][c].numeric;
    out += fmt::format("<th{}>{}</th>", numeric ? " class=\"num\"" : "", html_escape(table.header[c]));
  }
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& row : table.rows) {
    out += "<tr>";
    for (const TableCell& c : row) out += fmt::format("<td{}>{}</td>", c.numeric ? " class=\"num\"" : "", html_escape(c.text));
    out += "</tr>\n";
  }
  out += "</tbody>\n</table>\n</div>\n";
  for (const std::string& note : table.notes) out += fmt::format("<p class=\"note\">{}</p>\n", html_escape(note));
  return out;
}

std::string text_table(const Table& table) {
  std::vector<std::size_t> width(table.header.size(), 0);
  auto measure = [&](std::size_t c, const std::string& text) {
    if (c >= width.size()) width.resize(c + 1, 0);
    width[c] = std::max(width[c], code_points(text));
  };
  for (std::size_t c = 0; c < table.header.size(); ++c) measure(c, table.header[c]);
  for (const auto& row : table.rows) {
    for (std::size_t c = 0; c < row.size(); ++c) measure(c, row[c].text);
  }
  auto line = [&](const std::vector<TableCell>& cells) {
    std::string out = " ";
    for (std::size_t c = 0; c < cells.size(); ++c) {
      const std::string text = terminal_safe(cells[c].text);
      const std::string pad(width[c] - std::min(width[c], code_points(text)), ' ');
      out += " " + (cells[c].numeric ? pad + text : text + (c + 1 < cells.size() ? pad : "")) + " ";
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "\n";
  };
  std::string out;
  if (!table.caption.empty()) out += terminal_safe(table.caption) + "\n";
  std::vector<TableCell> header;
  for (std::size_t c = 0; c < table.header.size(); ++c) {
    header.push_back({table.header[c], !table.rows.empty() && c < table.rows[0].size() && table.rows[0][c].numeric});
  }
  out += line(header);
  for (const auto& row : table.rows) out += line(row);
  for (const std::string& note : table.notes) out += terminal_safe(note) + "\n";
  return out;
}

}  // namespace siap::report
