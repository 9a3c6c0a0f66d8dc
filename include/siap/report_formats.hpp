// Every report format in one table: what `--format` accepts, the file it
// becomes, and how it is rendered. The CLI reads only this table.
#pragma once

#include <functional>
#include <span>
#include <string>
#include <string_view>

#include "siap/expected.hpp"
#include "siap/report.hpp"

namespace siap {

struct ReportFormat {
  std::string_view name;       // as given to --format
  std::string_view extension;  // of the file written with -o
  bool needs_output_dir;       // binary: written to a file, never to the terminal
  bool slow;                   // worth rendering on a core of its own while the others are written
  // Fails only where a renderer can (the workbook's temporary file).
  Expected<std::string> (*render)(const Assessment& a, const ReportOptions& options);
  // A file name of its own ("" for the report's name and `extension`), in
  // Indonesian and in English: the respondents' table is not the report.
  std::string_view file_id;
  std::string_view file_en;
  bool needs_bootstrap = false;   // made of the respondent bootstrap (--bootstrap)
  bool shows_instrument = false;  // has a section for the instrument analysis (--reliability)
  bool needs_rollup = false;      // made of the province roll-up (--rollup)
  // The node scores it reads: NodeScope::top when only the index, its
  // top-level nodes and the facets, so that an assessment written only in
  // such formats keeps no more (include/siap/assessment.hpp).
  NodeScope reads = NodeScope::all;
  // The same report handed to a sink in blocks, so that memory follows a
  // block rather than the report (the CSV holds a row per unit of a national
  // sheet); null: the format is only rendered whole.
  void (*write)(const Assessment& a, const ReportOptions& options, const std::function<void(std::string_view)>& sink) = nullptr;
};

// In the order --help lists them.
std::span<const ReportFormat> report_formats();
const ReportFormat* find_report_format(std::string_view name);
// "text, json, csv, md, html, xlsx"
std::string report_format_names();

}  // namespace siap
