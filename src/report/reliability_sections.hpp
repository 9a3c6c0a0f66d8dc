// The instrument analysis's tables laid out for each document that shows
// them: a Markdown or HTML section (in `siap reliability`'s own document and
// in the assessment report with --reliability) and workbook sheets.
#pragma once

#include <xlsxwriter.h>

#include <string>

#include "report/reliability_tables.hpp"

namespace siap::report {

// `level`: the Markdown heading level of the section's title ("#" = 1);
// scales are one level below it.
std::string reliability_markdown(const ReliabilityTables& tables, int level);
// A <section> with the title as <h2> and each scale as <h3>.
std::string reliability_html(const ReliabilityTables& tables);
// Sheets "Reliabilitas" (the tables as printed, for pasting into a report),
// "Skala" and "Butir" (the values as numbers, for computing), and with
// --by-unit "Per unit".
void write_reliability_sheets(lxw_workbook* wb, const InstrumentAnalysis& a, const Framework& fw, Lang lang);

}  // namespace siap::report
