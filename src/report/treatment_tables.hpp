// A composite indicator's treatments (Assessment::treatment) as the reports
// show them: per indicator its direction, denominator, imputation, outlier
// treatment and normaliser, then what was done to which unit, worded once
// in the report language.
#pragma once

#include <string>
#include <vector>

#include "report/table.hpp"
#include "siap/assessment.hpp"
#include "siap/composite.hpp"

namespace siap::report {

struct TreatmentTables {
  std::string title;                // "Perlakuan indikator"
  Table indicators;                 // one row per treated indicator
  std::vector<std::string> events;  // "Kota Bogor, x: diimputasi 40,00 (rata-rata semua unit)", the first kMaxEvents
  std::string more;                 // "dan 12 lainnya"; "" when all are listed
};

constexpr std::size_t kMaxTreatmentEvents = 50;

TreatmentTables treatment_tables(const TreatmentLog& log, const Assessment& a, Lang lang);

std::string treatment_text(const TreatmentTables& tables);
std::string treatment_markdown(const TreatmentTables& tables, int level);
std::string treatment_html(const TreatmentTables& tables);

}  // namespace siap::report
