// A table whose cells are already worded and formatted in the report
// language, laid out as it is by each document: Markdown, HTML, workbook.
#pragma once

#include <string>
#include <vector>

namespace siap::report {

struct TableCell {
  std::string text;
  bool numeric = false;  // right-aligned; siap's own digits, never escaped as text
};

struct Table {
  std::string caption;              // may be ""
  std::vector<std::string> header;  // column headings; the first names the row labels (may be "")
  std::vector<std::vector<TableCell>> rows;
  std::vector<std::string> notes;  // footnotes, in order
};

// "**caption**", a pipe table (numbers right-aligned), the notes; text escaped.
std::string markdown_table(const Table& table);
// Aligned plain text for the terminal: two spaces between columns, numbers
// right-aligned, control characters made harmless.
std::string text_table(const Table& table);
// A scrolling <table class="spss"> with its caption, then the notes; text escaped.
std::string html_table(const Table& table);

}  // namespace siap::report
