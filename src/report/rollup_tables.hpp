// The province roll-up (--rollup) as the reports show it: how it was made,
// the provinces ranked with their coverage, weakest dimension and lagging
// kabupaten/kota, and what is missing, worded once in the report language.
#pragma once

#include <string>
#include <vector>

#include "report/table.hpp"
#include "siap/rollup.hpp"

namespace siap::report {

struct RollupTables {
  std::string title;                 // "Rekap provinsi"
  std::vector<std::string> method;   // sentences
  Table provinces;                   // ranked, then those not rolled up
  std::vector<std::string> details;  // per province: who is missing, not assessable, lagging
  std::string national;              // "Indonesia: 3,12 (…)"; "" without --rollup national
  std::string governments;           // the provinces' own governments kept apart; "" when none
};

RollupTables rollup_tables(const Rollup& rollup, const Assessment& source, Lang lang);

// The section in each document (titles at `level` in Markdown).
std::string rollup_text(const RollupTables& tables);
std::string rollup_markdown(const RollupTables& tables, int level);
std::string rollup_html(const RollupTables& tables);

}  // namespace siap::report
