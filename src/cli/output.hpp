// Where a command's data goes: stdout, or a file written atomically.
#pragma once

#include <string>
#include <string_view>

#include "cli/cli_context.hpp"

namespace siap::cli {

// Writes `data` to stdout when `path` is empty or "-", else atomically to
// `path`. Returns false (after reporting) when the file cannot be written.
bool emit(std::string_view data, const std::string& path, const CliContext& ctx);

}  // namespace siap::cli
