// siap uncertainty INPUT... -f FRAMEWORK --spec UA.yaml [--format
//   text|json|csv|md|html] [--parameters] [-o FILE]: how much each unit's
//   rank depends on the declared methodological choices.
#include <fmt/format.h>

#include "cli/choice.hpp"
#include "cli/commands.hpp"
#include "cli/input_options.hpp"
#include "cli/output.hpp"
#include "siap/limits.hpp"
#include "siap/report.hpp"
#include "siap/uncertainty.hpp"

namespace siap::cli {
namespace {

struct UncertaintyCliOptions {
  InputOptions input;
  std::string spec;
  std::string format = "text";
  std::string output;
  bool parameters = false;
  bool csv_bom = false;
  bool csv_decimal_comma = false;
};

int run_uncertainty(const UncertaintyCliOptions& o, const CliContext& ctx) {
  if (o.format == "xlsx" && (o.output.empty() || o.output == "-")) {
    ctx.error(fmt::format("--format xlsx {}", ctx.tr("memerlukan -o BERKAS", "needs -o FILE")));
    return kUsage;
  }
  int exit_code = kSuccess;
  auto loaded = load_input(o.input, ctx, exit_code, false);
  if (!loaded) return exit_code;
  auto spec = load_uncertainty_spec_file(o.spec, loaded->framework);
  if (!spec) {
    for (const auto& e : spec.errors()) ctx.error(e.render(ctx.lang));
    return kBadInput;
  }
  // Internal nodes given in the input replace their children's mean, which
  // the analysis varies: refused rather than silently recomputed.
  for (const ItemColumn& item : loaded->data.items) {
    const bool given = item.decimal_slot >= 0 && !loaded->data.decimals[std::size_t(item.decimal_slot)].empty();
    if (!loaded->framework.nodes[std::size_t(item.node)].is_leaf() && given) {
      ctx.error(fmt::format("{} '{}'",
                            ctx.tr("analisis ketidakpastian menghitung ulang setiap simpul dari daunnya; masukan memberi nilai simpul",
                                   "an uncertainty analysis recomputes every node from its leaves; the input gives the value of node"),
                            loaded->framework.nodes[std::size_t(item.node)].id));
      return kBadInput;
    }
  }
  if (loaded->data.units.size() > limits::kMaxUncertaintyUnits) {
    ctx.error(fmt::format("{} {} {}; {} {}", ctx.tr("analisis ketidakpastian memerlukan paling banyak", "an uncertainty analysis takes at most"),
                          limits::kMaxUncertaintyUnits, ctx.tr("unit", "units"), ctx.tr("masukan memiliki", "the input has"),
                          loaded->data.units.size()));
    return kBadInput;
  }
  spec->keep_parameters = o.parameters;
  ctx.info(counts_line(loaded->data, ctx));
  if (std::string why = nothing_usable(loaded->data, ctx); !why.empty()) {
    ctx.error(why);
    return kBadInput;
  }
  auto data = std::make_shared<const Dataset>(std::move(loaded->data));
  const Assessment nominal = assess(loaded->framework, data, loaded->profile);
  const UncertaintyResult result = analyse_uncertainty(loaded->framework, *data, nominal, *spec);
  ReportOptions report;
  report.lang = ctx.lang;
  report.csv_bom = o.csv_bom;
  report.csv_decimal_comma = o.csv_decimal_comma;
  std::string out;
  if (o.format == "xlsx") {
    auto bytes = render_uncertainty_xlsx(result, nominal, ctx.lang, SIAP_VERSION);
    if (!bytes) {
      for (const auto& e : bytes.errors()) ctx.error(e.message.in(ctx.lang));
      return kInternal;
    }
    out = std::move(*bytes);
  } else if (o.format == "json") {
    out = render_uncertainty_json(result, nominal, o.parameters);
  } else if (o.format == "csv") {
    out = render_uncertainty_csv(result, nominal, report);
  } else if (o.format == "md") {
    out = render_uncertainty_markdown(result, nominal, ctx.lang);
  } else if (o.format == "html") {
    out = render_uncertainty_html(result, nominal, ctx.lang);
  } else {
    out = render_uncertainty_text(result, nominal, ctx.lang);
  }
  return emit(out, o.output, ctx) ? kSuccess : kBadInput;
}

}  // namespace

void add_uncertainty_command(CLI::App& app, CliContext& ctx, int& exit_code) {
  auto o = std::make_shared<UncertaintyCliOptions>();
  CLI::App* cmd =
      app.add_subcommand("uncertainty", ctx.tr("Analisis ketidakpastian dan sensitivitas indeks komposit (interval peringkat, indeks Sobol)",
                                               "Uncertainty and sensitivity analysis of a composite index (rank intervals, Sobol indices)"));
  cmd->alias("ketidakpastian");
  add_input_options(*cmd, o->input, ctx);
  cmd->add_option("--spec", o->spec,
                  ctx.tr("Berkas YAML pilihan yang divariasikan (docs/uncertainty.md)", "YAML file of the choices varied (docs/uncertainty.md)"))
      ->required();
  cmd->add_option("--format", o->format, ctx.tr("Format keluaran", "Output format"))
      ->transform(one_of(ctx, {"text", "json", "csv", "md", "html", "xlsx"}));
  cmd->add_flag("--parameters", o->parameters, ctx.tr("JSON: juga pilihan setiap replikasi", "JSON: also every replicate's choices"));
  add_csv_flags(*cmd, &o->csv_bom, o->csv_decimal_comma, ctx);
  cmd->add_option("-o,--output", o->output,
                  ctx.tr("Tulis ke berkas (secara atomik) alih-alih stdout", "Write to a file (atomically) instead of stdout"));
  cmd->footer(ctx.tr("Contoh:\n  siap uncertainty data.csv -f kerangka.yaml --spec ketidakpastian.yaml --format html -o ketidakpastian.html",
                     "Example:\n  siap uncertainty data.csv -f framework.yaml --spec uncertainty.yaml --format html -o uncertainty.html"));
  cmd->callback([&ctx, &exit_code, o] { exit_code = run_uncertainty(*o, ctx); });
}

}  // namespace siap::cli
