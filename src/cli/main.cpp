// siap: readiness of Indonesian regions for smart cities. This file only
// wires the subcommands; all scoring lives in the siap_core library.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cstring>
#include <strings.h>
#include <exception>

#include "cli/choice.hpp"
#include "cli/cli_context.hpp"
#include "cli/commands.hpp"
#include "cli/usage_error.hpp"
#include "util/huge_page_heap.hpp"

namespace siap::cli {
namespace {

// Help text is built before parsing, so the language is read from argv first.
Lang language_from_argv(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (strcasecmp(argv[i], "--lang=en") == 0) return Lang::en;
    if (std::strcmp(argv[i], "--lang") == 0 && i + 1 < argc && strcasecmp(argv[i + 1], "en") == 0) return Lang::en;
  }
  return Lang::id;
}

int run(int argc, char** argv) {
  CliContext ctx;
  ctx.lang = language_from_argv(argc, argv);
  ctx.detect_color();

  CLI::App app(ctx.tr("siap: kesiapan daerah menuju kota cerdas (smart city)", "siap: readiness of regions for smart cities"), "siap");
  app.set_version_flag("--version", std::string("siap ") + SIAP_VERSION);
  app.require_subcommand(1);
  app.fallthrough();  // global options may follow the subcommand
  std::string lang = ctx.lang == Lang::en ? "en" : "id";
  app.add_option("--lang", lang, ctx.tr("Bahasa keluaran: id (bawaan) atau en", "Output language: id (default) or en"))
      ->transform(one_of(ctx, {"id", "en"}));
  bool quiet = false;
  bool verbose = false;
  app.add_flag("-q,--quiet", quiet, ctx.tr("Hanya galat dan data", "Only errors and data"));
  app.add_flag("-v,--verbose", verbose, ctx.tr("Rincian tambahan ke stderr", "Extra detail on stderr"));
  app.footer(
      ctx.tr("Contoh:\n  siap assess samples/spbe-2020-jabar.csv -f spbe-2020\n  siap frameworks list\n  siap regions bandung\n\n"
             "Status keluar: 0 berhasil, 1 data masukan buruk, 2 kesalahan penggunaan, 3 galat internal.\n"
             "Warna hanya pada terminal dan tidak pernah bila NO_COLOR diset.",
             "Examples:\n  siap assess samples/spbe-2020-jabar.csv -f spbe-2020 --lang en\n  siap frameworks list\n  siap regions bandung\n\n"
             "Exit status: 0 success, 1 bad input data, 2 usage error, 3 internal error.\n"
             "Colour only on a terminal and never when NO_COLOR is set."));

  int exit_code = kSuccess;
  // Options are applied before any subcommand callback runs.
  app.parse_complete_callback([&] {
    ctx.verbosity = quiet ? Verbosity::quiet : verbose ? Verbosity::verbose : Verbosity::normal;
    ctx.lang = lang == "en" ? Lang::en : Lang::id;
  });
  add_assess_command(app, ctx, exit_code);
  add_validate_command(app, ctx, exit_code);
  add_questionnaire_command(app, ctx, exit_code);
  add_reliability_command(app, ctx, exit_code);
  add_uncertainty_command(app, ctx, exit_code);
  add_compare_command(app, ctx, exit_code);
  add_study_command(app, ctx, exit_code);
  add_frameworks_command(app, ctx, exit_code);
  add_regions_command(app, ctx, exit_code);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
    const std::vector<std::string> args(argv + 1, argv + argc);
    ctx.error(ctx.tr(usage_error_text(e, app, args)));
    const std::string help = command_name(*walk_commands(app, args).deepest) + " --help";
    fmt::print(stderr, "{}\n", ctx.tr(fmt::format("Jalankan '{}' untuk bantuan.", help), fmt::format("Run '{}' for help.", help)));
    return kUsage;
  }
  return exit_code;
}

}  // namespace
}  // namespace siap::cli

int main(int argc, char** argv) {
  // Fresh pages cost a fault each, and faults were a quarter to a half of a
  // large run's time (docs/performance.md, session 10): the heap keeps what is
  // freed and lies on huge pages. 1 GiB of address space, not of memory.
  siap::place_heap_on_huge_pages(std::size_t(1) << 30);
  try {
    return siap::cli::run(argc, argv);
  } catch (const std::exception& e) {
    // Before or after the language is known: both.
    std::fprintf(stderr, "siap: kesalahan internal / internal error: %s\n", e.what());
  } catch (...) {
    std::fprintf(stderr, "siap: kesalahan internal / internal error\n");
  }
  return siap::cli::kInternal;
}
