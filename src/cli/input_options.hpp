// The input options `assess` and `validate` share, and loading with them.
#pragma once

#include <CLI/CLI.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/cli_context.hpp"
#include "siap/dataset.hpp"
#include "siap/framework.hpp"

namespace siap::cli {

struct InputOptions {
  std::vector<std::string> inputs;
  std::string framework;
  std::string profile;
  std::string delimiter;  // "", ",", ";", "tab"
  bool decimal_comma = false;
  bool no_decimal_comma = false;
  std::string encoding = "utf8";
  std::string sheet;
  std::string thousands;
  std::vector<std::string> no_answer;
  bool include_incomplete = false;
  std::string region_codes;  // "", "kemendagri", "bps"
  bool allow_non_regions = false;
  // Set by commands that read a pilot sample (reliability --pilot): every
  // row is one unit of this name, and no unit column is needed.
  std::string pilot_unit;
  std::vector<std::string> provinces;  // --province: codes or names
  std::string region_map;              // --region-map FILE
  std::string form;                    // --form FORM.xlsx: the XLSForm the data was collected with
};

void add_input_options(CLI::App& command, InputOptions& options, const CliContext& ctx);

// Loads the framework (and profile) and the data. On failure reports and
// returns the exit code in `exit_code`.
struct LoadedInput {
  Framework framework;
  std::unique_ptr<RegionMap> region_map;  // kept for the load; reports name only its file
  int profile = -1;
  Dataset data;
};
// `full_quality_log`: keep every issue for a quality.csv; otherwise counts and
// the first examples only.
std::optional<LoadedInput> load_input(const InputOptions& options, const CliContext& ctx, int& exit_code, bool full_quality_log);

// "Masukan: 120 baris dibaca: 117 diterima, 3 ditolak; 5 sel diabaikan"
std::string counts_line(const Dataset& data, const CliContext& ctx);

// Why nothing in the input can be scored (only a header, every row
// rejected, no answer cell usable), or "" when something can.
std::string nothing_usable(const Dataset& data, const CliContext& ctx);

}  // namespace siap::cli
