// Each subcommand registers itself on the CLI11 app; its callback runs the
// command and stores the exit code. One file per subcommand.
#pragma once

#include <CLI/CLI.hpp>

#include "cli/cli_context.hpp"

namespace siap::cli {

void add_frameworks_command(CLI::App& app, CliContext& ctx, int& exit_code);
void add_assess_command(CLI::App& app, CliContext& ctx, int& exit_code);
void add_validate_command(CLI::App& app, CliContext& ctx, int& exit_code);
void add_regions_command(CLI::App& app, CliContext& ctx, int& exit_code);
void add_questionnaire_command(CLI::App& app, CliContext& ctx, int& exit_code);
void add_reliability_command(CLI::App& app, CliContext& ctx, int& exit_code);
void add_uncertainty_command(CLI::App& app, CliContext& ctx, int& exit_code);
void add_compare_command(CLI::App& app, CliContext& ctx, int& exit_code);
void add_study_command(CLI::App& app, CliContext& ctx, int& exit_code);

}  // namespace siap::cli
