// An option whose value is one of a fixed set. CLI11's IsMember words its
// refusal in English and lists a set containing ',' unreadably ("{,,;,tab}");
// this one answers in the user's language, ignores case and surrounding
// spaces (--lang EN), and suggests the closest value.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "cli/cli_context.hpp"

namespace siap::cli {

// The value becomes the set's own spelling. `ctx` is read when the option
// is checked, so it must outlive parsing.
CLI::Validator one_of(const CliContext& ctx, std::vector<std::string> values);

// "HTML, xlsx" -> {"html", "xlsx"}: a comma-separated list as people type
// it (any case, spaces after commas, empty items dropped).
std::vector<std::string> split_list(const std::string& list);

}  // namespace siap::cli
