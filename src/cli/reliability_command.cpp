// siap reliability INPUT... -f FRAMEWORK [--format text|json|csv|md|html|xlsx]
//   [--pairwise] [--threshold 0.60] [--level 0.05] [--by-unit] [--pilot]
//   [-o FILE]: uji validitas dan reliabilitas.
#include <fmt/format.h>

#include "cli/choice.hpp"
#include "cli/commands.hpp"
#include "cli/input_options.hpp"
#include "cli/output.hpp"
#include "siap/instrument.hpp"
#include "siap/report.hpp"
#include "siap/utf8.hpp"

namespace siap::cli {
namespace {

struct ReliabilityCliOptions {
  InputOptions input;
  std::string format = "text";
  std::string output;
  bool pairwise = false;
  double threshold = 0.60;
  double level = 0.05;
  double confidence = 0.95;
  bool by_unit = false;
  bool pilot = false;
  bool csv_bom = false;
  bool csv_decimal_comma = false;
  std::string title;
};

// The instrument analysis in `format` (one of the --format choices).
Expected<std::string> render(const std::string& format, const InstrumentAnalysis& analysis, const Framework& fw, const ReportOptions& report) {
  if (format == "json") return render_reliability_json(analysis, fw);
  if (format == "csv") return render_reliability_csv(analysis, fw, report);
  if (format == "md") return render_reliability_markdown(analysis, fw, report);
  if (format == "html") return render_reliability_html(analysis, fw, report);
  if (format == "xlsx") return render_reliability_xlsx(analysis, fw, report);
  return render_reliability_text(analysis, fw, report.lang);
}

int run_reliability(const ReliabilityCliOptions& o, const CliContext& ctx) {
  for (const auto& [name, value] : {std::pair{"--threshold", o.threshold}, std::pair{"--level", o.level}, std::pair{"--confidence", o.confidence}}) {
    if (!(value > 0 && value < 1)) {
      ctx.error(fmt::format("{}: {}", name, ctx.tr("harus di antara 0 dan 1", "must lie between 0 and 1")));
      return kUsage;
    }
  }
  if (o.format == "xlsx" && (o.output.empty() || o.output == "-")) {
    ctx.error(fmt::format("--format xlsx {}", ctx.tr("memerlukan -o BERKAS", "needs -o FILE")));
    return kUsage;
  }
  if (!is_valid_utf8(o.title)) {
    ctx.error(ctx.tr("--title bukan UTF-8 yang valid", "--title is not valid UTF-8"));
    return kUsage;
  }
  int exit_code = kSuccess;
  InputOptions input = o.input;
  if (o.pilot) input.pilot_unit = ctx.tr("Uji coba", "Pilot");
  auto loaded = load_input(input, ctx, exit_code, false);
  if (!loaded) return exit_code;
  if (loaded->data.kind != InputKind::respondents) {
    ctx.error(ctx.tr("uji reliabilitas memerlukan data per responden; kerangka ini membaca satu baris per unit",
                     "a reliability analysis needs one row per respondent; this framework reads one row per unit"));
    return kBadInput;
  }
  ctx.info(counts_line(loaded->data, ctx));
  if (std::string why = nothing_usable(loaded->data, ctx); !why.empty()) {
    ctx.error(why);
    return kBadInput;
  }
  ReliabilityOptions options;
  options.missing = o.pairwise ? MissingAnswers::pairwise : MissingAnswers::listwise;
  options.threshold = o.threshold;
  options.validity_level = o.level;
  options.confidence = o.confidence;
  const InstrumentAnalysis analysis = analyse_instrument(loaded->framework, loaded->data, options, o.by_unit);
  ReportOptions report;
  report.lang = ctx.lang;
  report.tool_version = SIAP_VERSION;
  report.csv_bom = o.csv_bom;
  report.csv_decimal_comma = o.csv_decimal_comma;
  report.title = o.title;
  report.date = output_date();
  report.settings = {"framework=" + o.input.framework, o.pairwise ? "missing=pairwise" : "missing=listwise", fmt::format("threshold={}", o.threshold),
                     fmt::format("level={}", o.level), fmt::format("confidence={}", o.confidence)};
  if (o.by_unit) report.settings.push_back("by_unit");
  if (o.pilot) report.settings.push_back("pilot");
  auto data = render(o.format, analysis, loaded->framework, report);
  if (!data) {
    for (const auto& e : data.errors()) ctx.error(e.message.in(ctx.lang));
    return kInternal;
  }
  return emit(*data, o.output, ctx) ? kSuccess : kBadInput;
}

}  // namespace

void add_reliability_command(CLI::App& app, CliContext& ctx, int& exit_code) {
  auto o = std::make_shared<ReliabilityCliOptions>();
  CLI::App* cmd =
      app.add_subcommand("reliability", ctx.tr("Uji validitas dan reliabilitas instrumen (alfa Cronbach, korelasi butir-total, r tabel)",
                                               "Instrument validity and reliability (Cronbach's alpha, item-total correlations, r table)"));
  cmd->alias("reliabilitas");
  cmd->alias("validitas");
  add_input_options(*cmd, o->input, ctx);
  cmd->add_option("--format", o->format, ctx.tr("Format keluaran", "Output format"))
      ->transform(one_of(ctx, {"text", "json", "csv", "md", "html", "xlsx"}));
  cmd->add_option("--title", o->title, ctx.tr("Judul dokumen (md, html, xlsx)", "Document title (md, html, xlsx)"));
  add_csv_flags(*cmd, &o->csv_bom, o->csv_decimal_comma, ctx);
  cmd->add_option("-o,--output", o->output,
                  ctx.tr("Tulis ke berkas (secara atomik) alih-alih stdout", "Write to a file (atomically) instead of stdout"));
  cmd->add_flag("--pairwise", o->pairwise,
                ctx.tr("Kovarians pairwise (seperti psych) alih-alih penghapusan listwise (seperti SPSS)",
                       "Pairwise covariances (as psych) instead of listwise deletion (as SPSS)"));
  cmd->add_option("--threshold", o->threshold,
                  ctx.tr("Alfa minimum untuk 'reliabel' (bawaan 0.60)", "Alpha above which a scale is reliable (default 0.60)"));
  cmd->add_option("--level", o->level,
                  ctx.tr("Taraf signifikansi r tabel, dua sisi (bawaan 0.05)", "Two-tailed significance level of r table (default 0.05)"));
  cmd->add_option("--confidence", o->confidence,
                  ctx.tr("Tingkat kepercayaan interval alfa (bawaan 0.95)", "Confidence of the alpha intervals (default 0.95)"));
  cmd->add_flag("--by-unit", o->by_unit,
                ctx.tr("Juga per wilayah (unit): alfa setiap skala untuk setiap unit", "Also per region (unit): every scale's alpha for every unit"));
  cmd->add_flag("--pilot", o->pilot,
                ctx.tr("Sampel uji coba: semua baris satu sampel; kolom wilayah tidak diperlukan",
                       "A pilot sample: every row one sample; no region column needed"));
  cmd->footer(
      ctx.tr("Contoh:\n  siap reliability survei.csv -f kominfo-readiness\n  siap reliability uji-coba.csv -f kerangka.yaml --format json -o "
             "reliabilitas.json\n  siap reliability survei.csv -f kominfo-readiness --format xlsx -o reliabilitas.xlsx",
             "Examples:\n  siap reliability survey.csv -f kominfo-readiness\n  siap reliability pilot.csv -f framework.yaml --format json -o "
             "reliability.json\n  siap reliability survey.csv -f kominfo-readiness --format xlsx -o reliability.xlsx"));
  cmd->callback([&ctx, &exit_code, o] { exit_code = run_reliability(*o, ctx); });
}

}  // namespace siap::cli
