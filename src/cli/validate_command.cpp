// siap validate INPUT... -f FRAMEWORK: load and check the data, no scoring.
#include <fmt/format.h>

#include <filesystem>

#include "cli/commands.hpp"
#include "cli/input_options.hpp"
#include "cli/output.hpp"
#include "siap/report.hpp"

namespace siap::cli {
namespace {

struct ValidateOptions {
  InputOptions input;
  std::string output;
};

int run_validate(const ValidateOptions& o, const CliContext& ctx) {
  int exit_code = kSuccess;
  auto loaded = load_input(o.input, ctx, exit_code, true);
  if (!loaded) return exit_code;
  ReportOptions report;
  report.lang = ctx.lang;
  // The quality log is the data of this command.
  if (!emit_blocks([&](const BlockSink& sink) { write_quality_csv(loaded->data, report, sink); }, o.output, ctx)) return kBadInput;
  ctx.info(counts_line(loaded->data, ctx));
  ctx.info(fmt::format("{} {}", loaded->data.units.size(), ctx.tr("unit ditemukan", "units found")));
  if (std::string why = nothing_usable(loaded->data, ctx); !why.empty()) {
    ctx.error(why);
    return kBadInput;
  }
  return loaded->data.quality.problems() == 0 ? kSuccess : kBadInput;  // notes (value_mapped) are not problems
}

}  // namespace

void add_validate_command(CLI::App& app, CliContext& ctx, int& exit_code) {
  auto o = std::make_shared<ValidateOptions>();
  CLI::App* cmd = app.add_subcommand("validate", ctx.tr("Periksa data masukan tanpa menilai; cetak log kualitas (CSV)",
                                                        "Check input data without scoring; print the quality log (CSV)"));
  add_input_options(*cmd, o->input, ctx);
  cmd->add_option("-o,--output", o->output, ctx.tr("Tulis log kualitas ke berkas ini", "Write the quality log to this file"));
  cmd->footer(
      ctx.tr("Contoh:\n  siap validate survei.csv -f kerangka.yaml\n  siap validate survei.csv -f kerangka.yaml -o quality.csv\n\nStatus keluar 1 "
             "bila ada baris ditolak atau sel diabaikan.",
             "Examples:\n  siap validate survey.csv -f framework.yaml\n  siap validate survey.csv -f framework.yaml -o quality.csv\n\nExit status 1 "
             "when any row is rejected or cell ignored."));
  cmd->callback([&ctx, &exit_code, o] { exit_code = run_validate(*o, ctx); });
}

}  // namespace siap::cli
