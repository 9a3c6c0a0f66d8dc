// Where a command's data goes: stdout, or a file written atomically.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include <CLI/CLI.hpp>

#include "cli/cli_context.hpp"

namespace siap::cli {

// Who tells the user that a file was written: emit (a detail line, shown
// with -v), or the command itself, which names every file it writes.
enum class Announce { as_detail, by_caller };

// Writes `data` to stdout when `path` is empty or "-", else atomically to
// `path`. Returns false (after reporting) when the file cannot be written.
bool emit(std::string_view data, const std::string& path, const CliContext& ctx, Announce announce = Announce::as_detail);
// "PATH: cannot be written: REASON" in the user's language, for errno `err`.
std::string write_failure(const std::string& path, int err, const CliContext& ctx);
// As emit(), for data produced in blocks (a quality log can be larger than
// memory should hold): `produce` is called with a sink for each block.
using BlockSink = std::function<void(std::string_view)>;
bool emit_blocks(const std::function<void(const BlockSink&)>& produce, const std::string& path, const CliContext& ctx,
                 Announce announce = Announce::as_detail);

// Creates the output directory (and its parents); false (after reporting)
// when it cannot be made.
bool make_output_dir(const std::string& dir, const CliContext& ctx);

// --csv-bom and --csv-decimal-comma, worded once for every command that
// writes CSV; `bom` may be null for a command without it.
void add_csv_flags(CLI::App& cmd, bool* bom, bool& decimal_comma, const CliContext& ctx);

// The date stamped on outputs: SOURCE_DATE_EPOCH when set (reproducible
// outputs), else today in UTC; YYYY-MM-DD.
std::string output_date();

}  // namespace siap::cli
