// The instrument analysis as the tables SPSS prints (RELIABILITY
// /MODEL=ALPHA /STATISTICS=SCALE DESCRIPTIVE /SUMMARY=TOTAL) and the uji
// validitas table Indonesian reports put beside them: every cell already
// worded and formatted in the report language (decimal commas in
// Indonesian), so that Markdown, HTML and the workbook show the same
// tables, digit for digit. Reporters only lay them out.
#pragma once

#include <string>
#include <vector>

#include "report/table.hpp"
#include "siap/instrument.hpp"
#include "siap/text.hpp"

namespace siap::report {

struct ScaleTables {
  std::string heading;       // "Dimensi Tata Kelola (4 butir)"
  std::string not_computed;  // why there are no tables (too few items or respondents); "" otherwise
  std::string verdict;       // "Reliabel: alfa 0,812 > 0,60"
  std::string warning;       // SPSS's warning on a negative average covariance; "" otherwise
  std::vector<Table> tables;
};

struct ReliabilityTables {
  std::string title;                // "Uji validitas dan reliabilitas"
  std::vector<std::string> method;  // sentences: deletion, threshold, validity rule, n
  std::vector<ScaleTables> scales;  // parallel to InstrumentAnalysis::scales
  Table by_unit;                    // every unit's alpha per scale (--by-unit); no rows otherwise
  std::string legend;               // what r, corrected r and alpha-if-deleted are
};

ReliabilityTables reliability_tables(const InstrumentAnalysis& a, const Framework& fw, Lang lang);

}  // namespace siap::report
