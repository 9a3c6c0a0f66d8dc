// Reporters turn an Assessment into text, JSON, CSV, Markdown, HTML or an
// XLSX workbook. They only read the Assessment; they never compute scores.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "siap/assessment.hpp"
#include "siap/instrument.hpp"
#include "siap/expected.hpp"
#include "siap/text.hpp"

namespace siap {

struct BootstrapResult;
struct Rollup;
struct Comparison;
struct UncertaintyResult;

struct ReportOptions {
  Lang lang = Lang::id;
  std::string tool_version;
  std::vector<std::string> settings;  // options used, e.g. "profile=default", for provenance
  bool csv_bom = false;               // UTF-8 BOM so Excel opens the CSV as UTF-8
  bool csv_decimal_comma = false;     // "3,41" and ';' as delimiter, for Indonesian Excel
  std::size_t width = 100;            // terminal width for the text table
  std::string title;                  // study title; empty: the framework's title
  std::string date;                   // "2026-11-23", printed as the report date; may be empty
  // Units (indices into Dataset::units) whose profiles (radar charts) are
  // drawn; empty: the first `profile_limit` assessed units by rank.
  std::vector<int> profile_units;
  std::size_t profile_limit = 50;
  // Files written beside a report (with -o), as reports refer to them; the
  // CLI chooses the names.
  std::string quality_file = "quality.csv";
  std::string json_file = "penilaian.json";
  // The respondent bootstrap (--bootstrap), parallel to the assessment's
  // results; nullptr: none, and no report mentions one.
  const BootstrapResult* bootstrap = nullptr;
  // The instrument analysis (--reliability): SPSS's tables as a section of
  // the text, Markdown and HTML reports and as sheets of the workbook;
  // nullptr: none.
  const InstrumentAnalysis* instrument = nullptr;
  // The province roll-up (--rollup) of the assessment's kabupaten/kota: a
  // section of every report, and the rollup CSV; nullptr: none.
  const Rollup* rollup = nullptr;
  // An uncertainty analysis of the assessment (--uncertainty SPEC): a
  // section of the text, Markdown, HTML and JSON reports and two sheets of
  // the workbook; nullptr: none.
  const UncertaintyResult* uncertainty_analysis = nullptr;
};

std::string render_text(const Assessment& a, const ReportOptions& options);
std::string render_json(const Assessment& a, const ReportOptions& options);  // schema siap/assessment/v1
std::string render_csv(const Assessment& a, const ReportOptions& options);
// The same CSV handed to `sink` in blocks of at most about 16,000 rows.
void write_csv(const Assessment& a, const ReportOptions& options, const std::function<void(std::string_view)>& sink);
std::string render_markdown(const Assessment& a, const ReportOptions& options);
// One self-contained HTML file: inline CSS and SVG, no scripts, no external assets.
std::string render_html(const Assessment& a, const ReportOptions& options);
// The bytes of an XLSX workbook (libxlsxwriter). Fails only when the
// temporary file libxlsxwriter writes through cannot be created or read.
Expected<std::string> render_xlsx(const Assessment& a, const ReportOptions& options);

// The data-quality log: every rejected row and ignored cell, in file and
// line order, handed to `sink` in blocks of about 1 MiB.
void write_quality_csv(const Dataset& data, const ReportOptions& options, const std::function<void(std::string_view)>& sink);
// The same, as one string (tests, small logs).
std::string render_quality_csv(const Dataset& data, const ReportOptions& options);

// The instrument analysis (siap reliability): per scale SPSS's tables and
// the uji validitas, as text in `lang`, or as JSON (docs/statistics.md).
std::string render_reliability_text(const InstrumentAnalysis& a, const Framework& fw, Lang lang);
std::string render_reliability_json(const InstrumentAnalysis& a, const Framework& fw);
// The same in long form, one row per scale and item (and unit), full precision.
std::string render_reliability_csv(const InstrumentAnalysis& a, const Framework& fw, const ReportOptions& options);
// SPSS's tables (Case Processing Summary, Reliability Statistics, Item
// Statistics, Item-Total Statistics, Scale Statistics) and the uji
// validitas, as Markdown, a self-contained HTML document, or a workbook
// (the tables as printed, and the values as numbers).
std::string render_reliability_markdown(const InstrumentAnalysis& a, const Framework& fw, const ReportOptions& options);
std::string render_reliability_html(const InstrumentAnalysis& a, const Framework& fw, const ReportOptions& options);
Expected<std::string> render_reliability_xlsx(const InstrumentAnalysis& a, const Framework& fw, const ReportOptions& options);

// One row per accepted respondent: unit code and name, group, file and line,
// then every leaf's score as the scoring kernel computes it (reverse keying
// applied), exact; empty when unanswered. CSV as render_csv writes it.
std::string render_responses_csv(const Assessment& a, const ReportOptions& options);

// The respondent bootstrap in long form: one row per unit and node (and
// facet value): estimate, standard error, percentile and BCa intervals.
// Needs options.bootstrap.
std::string render_intervals_csv(const Assessment& a, const ReportOptions& options);

// The province roll-up in one row per province (and Indonesia): rank,
// index, band, coverage, weakest dimension, every top-level node. Needs
// options.rollup.
std::string render_rollup_csv(const Assessment& a, const ReportOptions& options);

// The choropleth of the assessment's kabupaten/kota by band: an SVG file,
// or a PNG rasterised by librsvg (docs/maps.md).
std::string render_map_svg(const Assessment& a, const ReportOptions& options);
Expected<std::string> render_map_png(const Assessment& a, const ReportOptions& options);

// siap compare: per region every side's values, the change, band and rank
// changes, the most improved and declined, the regions in only some sides;
// HTML with a dumbbell chart. JSON schema siap/comparison/v1.
std::string render_comparison_text(const Comparison& c, Lang lang);
std::string render_comparison_markdown(const Comparison& c, Lang lang);
std::string render_comparison_html(const Comparison& c, Lang lang, const std::string& tool_version);
std::string render_comparison_csv(const Comparison& c, Lang lang, bool decimal_comma);
std::string render_comparison_json(const Comparison& c);
// The values as numbers with a dumbbell chart, and the regions in only some sides.
Expected<std::string> render_comparison_xlsx(const Comparison& c, Lang lang, const std::string& tool_version);

// An uncertainty or sensitivity analysis (siap uncertainty) of `nominal`:
// the method, rank intervals per unit, sensitivity indices per choice; the
// JSON (schema siap/uncertainty-result/v1) lists each replicate's choices
// when `parameters`.
std::string render_uncertainty_text(const UncertaintyResult& r, const Assessment& nominal, Lang lang);
std::string render_uncertainty_markdown(const UncertaintyResult& r, const Assessment& nominal, Lang lang);
std::string render_uncertainty_html(const UncertaintyResult& r, const Assessment& nominal, Lang lang);
std::string render_uncertainty_csv(const UncertaintyResult& r, const Assessment& nominal, const ReportOptions& options);
std::string render_uncertainty_json(const UncertaintyResult& r, const Assessment& nominal, bool parameters);
// The same as a workbook: the ranks with a rank-interval chart, and the
// sensitivity indices with a bar chart.
Expected<std::string> render_uncertainty_xlsx(const UncertaintyResult& r, const Assessment& nominal, Lang lang, const std::string& tool_version);

// Published value as text: "3,41" (id) or "3.41" (en).
std::string format_published(const Decimal& value, int decimals, Lang lang);
// A text cell that cannot become a spreadsheet formula: a leading = + - @
// (or tab/CR) gets a leading apostrophe.
std::string spreadsheet_safe(std::string_view text);
// CSV field quoting (RFC 4180) when needed.
std::string csv_field(std::string_view text, char delimiter);
// csv_field() appended to `out`; `formula_safe`: spreadsheet_safe() first.
void append_csv_field(std::string& out, std::string_view text, char delimiter, bool formula_safe = false);
// One record: the fields quoted as needed, separated by `delimiter`, ended by CRLF.
void append_csv_row(std::string& out, const std::vector<std::string>& fields, char delimiter);
// Text that cannot move a terminal's cursor: control characters become spaces.
std::string terminal_safe(std::string_view s);
// Text that stays text in HTML: & < > " ' escaped, control characters
// other than tab and newlines replaced.
std::string html_escape(std::string_view s);
// Text that stays text in Markdown (a line, a table cell or a heading):
// what could start markup is backslash-escaped, newlines become spaces.
std::string markdown_escape(std::string_view s);

}  // namespace siap
