// siap assess INPUT... -f FRAMEWORK [--format F[,F...]] [-o DIR] [--strict]
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <future>
#include <ctime>
#include <filesystem>
#include <optional>

#include "cli/choice.hpp"
#include "cli/commands.hpp"
#include "cli/input_options.hpp"
#include "cli/keep_until_exit.hpp"
#include "cli/output.hpp"
#include "cli/usage_error.hpp"
#include "siap/assessment.hpp"
#include "siap/bootstrap.hpp"
#include "siap/folding.hpp"
#include "siap/instrument.hpp"
#include "siap/limits.hpp"
#include "siap/report.hpp"
#include "siap/report_formats.hpp"
#include "siap/rollup.hpp"
#include "siap/uncertainty.hpp"
#include "siap/utf8.hpp"

namespace siap::cli {
namespace {

struct AssessOptions {
  InputOptions input;
  std::string formats = "text";
  std::string output_dir;
  bool strict = false;
  bool csv_bom = false;
  bool csv_decimal_comma = false;
  std::string title;
  std::vector<std::string> profiles_for;
  std::size_t bootstrap = 0;  // resamples; 0: no bootstrap
  std::uint64_t seed = 1;
  double confidence = 0.95;
  int top = 10;
  bool reliability = false;  // the instrument analysis as a section of the report
  std::string rollup;        // "", "province" or "national"
  std::string rollup_method = "mean";
  double min_coverage = 0.5;
  std::string population;   // a study's own population table
  std::string name;         // the reports' file name (--name); "" for penilaian/assessment
  std::string uncertainty;  // an uncertainty spec (siap/uncertainty/v1); "": none
};

// The file a format is written to: the report's name and the format's
// extension, or the format's own name ("responden.csv"); with --name NAME,
// "NAME.html" and "NAME-responden.csv", so that runs can share a folder.
std::string file_name(const ReportFormat& f, const std::string& name, Lang lang) {
  const std::string_view own = lang == Lang::en ? f.file_en : f.file_id;
  const std::string base = name.empty() ? (lang == Lang::en ? "assessment" : "penilaian") : name;
  if (own.empty()) return base + "." + std::string(f.extension);
  return name.empty() ? std::string(own) : name + "-" + std::string(own);
}
std::string quality_file_name(const std::string& name) { return name.empty() ? "quality.csv" : name + "-quality.csv"; }

// The province roll-up the options ask for; nullopt with the exit code set
// when they cannot be honoured. `own` keeps the study's population table,
// which the roll-up refers to, alive beside it.
std::optional<Rollup> roll_up_as_asked(const AssessOptions& o, const Assessment& assessment, std::optional<PopulationTable>& own,
                                       const CliContext& ctx, int& exit_code) {
  if (!o.population.empty()) {
    auto table = PopulationTable::load(o.population);
    if (!table) {
      for (const auto& e : table.errors()) ctx.error(e.render(ctx.lang));
      exit_code = kBadInput;
      return std::nullopt;
    }
    own = std::move(*table);
  }
  RollupOptions options;
  options.method = o.rollup_method == "population" ? RollupMethod::population
                   : o.rollup_method == "pooled"   ? RollupMethod::pooled
                                                   : RollupMethod::mean;
  options.min_coverage = o.min_coverage;
  options.national = o.rollup == "national";
  options.population = own ? &*own : nullptr;
  auto rolled = roll_up(assessment, options);
  if (!rolled) {
    for (const auto& e : rolled.errors()) ctx.error(e.message.in(ctx.lang));
    exit_code = kBadInput;
    return std::nullopt;
  }
  if (rolled->coverage.empty()) {
    ctx.warning(ctx.tr("--rollup: tidak ada kabupaten/kota dalam data untuk direkap", "--rollup: no regency or city in the data to roll up"));
  }
  return std::move(*rolled);
}

// The first `limit` kept examples (at most a few per kind of problem), then
// a count of the rest and where to find them.
void print_issues(const Dataset& data, const CliContext& ctx, std::size_t limit) {
  std::size_t shown = 0;
  data.quality.for_each_example([&](const QualityIssue& issue) {
    if (shown++ >= limit) return;
    std::string where = issue.column.empty() ? fmt::format("{}:{}", issue.file, issue.line)
                                             : fmt::format("{}:{}: {} '{}'", issue.file, issue.line, issue.column, issue.value);
    ctx.warning(fmt::format("{}: {} ({})", where, issue.reason.in(ctx.lang), ctx.tr(issue_kind_label(issue.kind))));
  });
  shown = std::min(shown, limit);
  if (data.quality.size() > shown) {
    ctx.warning(fmt::format("… {} {}", data.quality.size() - shown,
                            ctx.tr("masalah lagi (lengkapnya di quality.csv dengan -o DIR, atau siap validate)",
                                   "more problems (all of them in quality.csv with -o DIR, or siap validate)")));
  }
}

int run_assess(const AssessOptions& o, const CliContext& ctx) {
  std::vector<const ReportFormat*> formats;
  std::vector<std::string> format_names;
  for (const ReportFormat& f : report_formats()) format_names.emplace_back(f.name);
  for (const auto& name : split_list(o.formats)) {
    const ReportFormat* f = find_report_format(name);
    if (f == nullptr) {
      ctx.error(fmt::format("{} '{}'; {}: {}{}", ctx.tr("format tidak dikenal", "unknown format"), name, ctx.tr("pilihan", "expected one of"),
                            report_format_names(), ctx.tr(did_you_mean(name, format_names))));
      return kUsage;
    }
    // "json,json" writes one file.
    if (std::find(formats.begin(), formats.end(), f) == formats.end()) formats.push_back(f);
  }
  if (formats.empty()) formats.push_back(find_report_format("text"));
  // A name is one file name: no folder, nothing hidden, nothing a shell or Windows would trip on.
  if (!o.name.empty() &&
      (o.name.size() > 100 || o.name.front() == '.' || o.name.find_first_of("/\\:*?\"<>|") != std::string::npos || !is_valid_utf8(o.name) ||
       std::any_of(o.name.begin(), o.name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; }))) {
    ctx.error(fmt::format("--name '{}': {}", o.name,
                          ctx.tr("harus nama berkas tanpa folder (tanpa / \\ : * ? \" < > |, tidak diawali titik)",
                                 "must be a file name without a folder (no / \\ : * ? \" < > |, not starting with a dot)")));
    return kUsage;
  }
  if (!o.name.empty() && o.output_dir.empty()) {
    ctx.error(ctx.tr("--name memerlukan -o DIR", "--name needs -o DIR"));
    return kUsage;
  }
  if (!is_valid_utf8(o.title)) {
    ctx.error(ctx.tr("--title bukan UTF-8 yang valid", "--title is not valid UTF-8"));
    return kUsage;
  }
  for (const ReportFormat* f : formats) {
    if (f->needs_bootstrap && o.bootstrap == 0) {
      ctx.error(fmt::format("--format {} {}", f->name, ctx.tr("memerlukan --bootstrap B", "needs --bootstrap B")));
      return kUsage;
    }
  }
  if (o.reliability && std::none_of(formats.begin(), formats.end(), [](const ReportFormat* f) { return f->shows_instrument; })) {
    ctx.error(fmt::format("--reliability: {}",
                          ctx.tr("tampil dalam format text, md, html dan xlsx; untuk JSON atau CSV: siap reliability --format json|csv",
                                 "shown in the text, md, html and xlsx formats; for JSON or CSV: siap reliability --format json|csv")));
    return kUsage;
  }
  for (const ReportFormat* f : formats) {
    if (f->needs_rollup && o.rollup.empty()) {
      ctx.error(fmt::format("--format {} {}", f->name, ctx.tr("memerlukan --rollup province|national", "needs --rollup province|national")));
      return kUsage;
    }
  }
  if (o.rollup.empty() && (o.rollup_method != "mean" || o.min_coverage != 0.5 || !o.population.empty())) {
    ctx.error(ctx.tr("--rollup-method, --min-coverage dan --population memerlukan --rollup province|national",
                     "--rollup-method, --min-coverage and --population need --rollup province|national"));
    return kUsage;
  }
  if (!o.population.empty() && o.rollup_method != "population") {
    ctx.error(ctx.tr("--population memerlukan --rollup-method population", "--population needs --rollup-method population"));
    return kUsage;
  }
  if (!(o.min_coverage >= 0 && o.min_coverage <= 1)) {
    ctx.error(fmt::format("--min-coverage: {}", ctx.tr("harus di antara 0 dan 1", "must lie between 0 and 1")));
    return kUsage;
  }
  if (o.output_dir.empty() && formats[0]->needs_output_dir) {
    ctx.error(fmt::format("{} {}", formats[0]->name, ctx.tr("memerlukan -o DIR", "needs -o DIR")));
    return kUsage;
  }
  if (o.output_dir.empty() && formats.size() > 1) {
    ctx.error(ctx.tr("beberapa format memerlukan -o DIR", "several formats need -o DIR"));
    return kUsage;
  }
  int exit_code = kSuccess;
  using clock = std::chrono::steady_clock;
  auto started = clock::now();
  auto seconds = [](clock::time_point a, clock::time_point b) { return std::chrono::duration<double>(b - a).count(); };
  // The full quality log is kept only when quality.csv will be written.
  auto loaded = load_input(o.input, ctx, exit_code, !o.output_dir.empty());
  if (!loaded) return exit_code;
  auto loaded_at = clock::now();
  const Dataset& data = loaded->data;
  // The text report ends with the same account; other outputs get it on stderr.
  if (!(o.output_dir.empty() && formats[0]->name == "text")) ctx.info(counts_line(data, ctx));
  if (o.strict && data.quality.problems() > 0) {
    print_issues(data, ctx, data.quality.size());
    ctx.error(fmt::format("--strict: {} {}; {}", data.quality.problems(), ctx.tr("masalah pada data", "problems in the data"),
                          ctx.tr("tidak ada laporan yang ditulis", "no report written")));
    return kBadInput;
  }
  if (std::string why = nothing_usable(data, ctx); !why.empty()) {
    print_issues(data, ctx, 10);
    ctx.error(fmt::format("{}; {}", why, ctx.tr("tidak ada laporan yang ditulis", "no report written")));
    return kBadInput;
  }
  if (o.output_dir.empty()) print_issues(data, ctx, 10);

  if (o.bootstrap > 0 && data.kind != InputKind::respondents) {
    ctx.error(
        fmt::format("--bootstrap: {}", ctx.tr("kerangka ini menilai lembar indikator per unit, bukan responden; tidak ada yang dapat diambil ulang",
                                              "this framework scores indicator sheets per unit, not respondents; there is nothing to resample")));
    return kUsage;
  }
  if (o.reliability && data.kind != InputKind::respondents) {
    ctx.error(fmt::format("--reliability: {}", ctx.tr("uji reliabilitas memerlukan data per responden; kerangka ini membaca satu baris per unit",
                                                      "a reliability analysis needs one row per respondent; this framework reads one row per unit")));
    return kUsage;
  }
  if (o.rollup_method == "pooled" && data.kind != InputKind::respondents) {
    ctx.error(fmt::format("--rollup-method pooled: {}", ctx.tr("kerangka ini membaca satu baris per unit; tidak ada responden untuk digabung",
                                                               "this framework reads one row per unit; there are no respondents to pool")));
    return kUsage;
  }
  // Only the scores something reads are kept: every node unless each
  // format asks for the top level only and no analysis reads the rest.
  const bool analyses = o.reliability || !o.rollup.empty() || !o.uncertainty.empty() || o.bootstrap > 0 || !o.profiles_for.empty();
  const bool top_only = std::all_of(formats.begin(), formats.end(), [](const ReportFormat* f) { return f->reads == NodeScope::top; });
  const NodeScope scope = top_only && !analyses ? NodeScope::top : NodeScope::all;
  // Kept to the end of the process rather than freed unit by unit (keep_until_exit.hpp).
  const Assessment& assessment = keep_until_exit(assess(loaded->framework, std::move(loaded->data), loaded->profile, scope));
  std::optional<InstrumentAnalysis> instrument;
  if (o.reliability) instrument = analyse_instrument(*assessment.framework, *assessment.data, ReliabilityOptions{});
  std::optional<PopulationTable> population;
  std::optional<Rollup> rollup;
  if (!o.rollup.empty()) {
    rollup = roll_up_as_asked(o, assessment, population, ctx, exit_code);
    if (!rollup) return exit_code;
  }
  // An uncertainty analysis of this assessment (--uncertainty SPEC).
  std::optional<UncertaintySpec> uncertainty_spec;
  std::optional<UncertaintyResult> uncertainty;
  if (!o.uncertainty.empty()) {
    auto spec = load_uncertainty_spec_file(o.uncertainty, *assessment.framework);
    if (!spec) {
      for (const auto& e : spec.errors()) ctx.error(e.render(ctx.lang));
      return kBadInput;
    }
    if (assessment.data->units.size() > limits::kMaxUncertaintyUnits) {
      ctx.error(fmt::format("--uncertainty: {} {} {}", ctx.tr("paling banyak", "at most"), limits::kMaxUncertaintyUnits, ctx.tr("unit", "units")));
      return kBadInput;
    }
    uncertainty_spec = std::move(*spec);
    uncertainty = analyse_uncertainty(*assessment.framework, *assessment.data, assessment, *uncertainty_spec);
  }
  std::optional<BootstrapResult> boot;
  if (o.bootstrap > 0 && assessment.results.size() * o.bootstrap > limits::kMaxBootstrapValues) {
    ctx.error(fmt::format("--bootstrap {}: {} unit × {} {} {} (docs/limits.md)", o.bootstrap, assessment.results.size(), o.bootstrap,
                          ctx.tr("sampel ulang melebihi batas", "resamples exceeds the limit of"), limits::kMaxBootstrapValues));
    return kUsage;
  }
  if (o.bootstrap > 0) {
    BootstrapOptions b;
    b.resamples = o.bootstrap;
    b.seed = o.seed;
    b.confidence = o.confidence;
    b.top = o.top;
    boot = bootstrap(assessment, b);
  }
  auto scored_at = clock::now();
  // Timings for people tuning a study or the tool (bench/README.md).
  struct Timer {
    const CliContext& ctx;
    clock::time_point started, loaded_at, scored_at;
    double (*seconds)(clock::time_point, clock::time_point);
    ~Timer() {
      auto now = clock::now();
      ctx.detail(fmt::format("{}: {:.3f} s, {}: {:.3f} s, {}: {:.3f} s", ctx.tr("muat", "load"), seconds(started, loaded_at),
                             ctx.tr("nilai", "score"), seconds(loaded_at, scored_at), ctx.tr("laporan", "report"), seconds(scored_at, now)));
    }
  } timer{ctx, started, loaded_at, scored_at, +seconds};
  ReportOptions report;
  report.lang = ctx.lang;
  report.tool_version = SIAP_VERSION;
  report.csv_bom = o.csv_bom;
  report.csv_decimal_comma = o.csv_decimal_comma;
  report.title = o.title;
  report.date = output_date();
  report.quality_file = quality_file_name(o.name);
  report.json_file = file_name(*find_report_format("json"), o.name, ctx.lang);
  if (boot) report.bootstrap = &*boot;
  if (instrument) report.instrument = &*instrument;
  if (rollup) report.rollup = &*rollup;
  if (uncertainty) report.uncertainty_analysis = &*uncertainty;
  if (!o.profiles_for.empty()) {
    auto units = find_units(assessment, o.profiles_for);
    if (!units) {
      for (const auto& e : units.errors()) ctx.error(e.message.in(ctx.lang) + " (--profiles-for)");
      return kUsage;
    }
    report.profile_units = *units;
  }
  report.settings = {"framework=" + o.input.framework, "profile=" + (o.input.profile.empty() ? std::string("default") : o.input.profile),
                     "lang=" + std::string(ctx.lang == Lang::en ? "en" : "id")};
  if (!o.input.delimiter.empty()) report.settings.push_back("delimiter=" + o.input.delimiter);
  if (o.input.decimal_comma) report.settings.push_back("decimal_comma=yes");
  if (o.input.no_decimal_comma) report.settings.push_back("decimal_comma=no");
  if (!o.input.thousands.empty()) report.settings.push_back("thousands=" + o.input.thousands);
  if (!o.input.sheet.empty()) report.settings.push_back("sheet=" + o.input.sheet);
  if (o.input.include_incomplete) report.settings.push_back("include_incomplete");
  if (!o.input.no_answer.empty()) report.settings.push_back("no_answer=" + fmt::format("{}", fmt::join(o.input.no_answer, ",")));
  if (o.input.encoding != "utf8") report.settings.push_back("encoding=" + o.input.encoding);
  if (!o.input.region_codes.empty()) report.settings.push_back("region_codes=" + o.input.region_codes);
  if (o.input.allow_non_regions) report.settings.push_back("allow_non_regions=yes");
  if (!o.input.region_map.empty()) report.settings.push_back("region_map=" + o.input.region_map);
  if (!o.input.form.empty()) report.settings.push_back("form=" + o.input.form);
  if (!o.input.provinces.empty()) report.settings.push_back("province=" + fmt::format("{}", fmt::join(o.input.provinces, ",")));
  if (boot) {
    report.settings.push_back(fmt::format("bootstrap={}", o.bootstrap));
    report.settings.push_back(fmt::format("seed={}", o.seed));
    report.settings.push_back(fmt::format("confidence={}", o.confidence));
    report.settings.push_back(fmt::format("top={}", o.top));
  }
  if (instrument) report.settings.push_back("reliability");
  if (uncertainty) report.settings.push_back("uncertainty=" + o.uncertainty);
  if (rollup) {
    report.settings.push_back("rollup=" + o.rollup);
    report.settings.push_back("rollup_method=" + o.rollup_method);
    report.settings.push_back(fmt::format("min_coverage={}", o.min_coverage));
    if (!o.population.empty()) report.settings.push_back("population=" + o.population);
  }

  // A renderer's failure is ours (exit 3); a file that cannot be written is the user's (exit 1).
  auto failed = [&](const Diagnostics& errors) {
    for (const auto& e : errors) ctx.error(e.message.in(ctx.lang));
    return kInternal;
  };
  // A format written in blocks never holds its whole report in memory.
  auto write_in_blocks = [&](const ReportFormat& f, const std::string& path) {
    return emit_blocks([&](const BlockSink& sink) { f.write(assessment, report, sink); }, path, ctx, Announce::by_caller);
  };
  if (o.output_dir.empty()) {
    if (formats[0]->write) return write_in_blocks(*formats[0], "") ? kSuccess : kBadInput;
    auto text = formats[0]->render(assessment, report);
    if (!text) return failed(text.errors());
    return emit(*text, "", ctx) ? kSuccess : kBadInput;
  }

  if (!make_output_dir(o.output_dir, ctx)) return kBadInput;
  // A slow format (the workbook) is built on a second core while the other
  // reports are written.
  std::vector<std::future<Expected<std::string>>> pending(formats.size());
  for (std::size_t i = 0; i < formats.size(); ++i) {
    if (formats[i]->slow) pending[i] = std::async(std::launch::async, formats[i]->render, std::cref(assessment), std::cref(report));
  }
  for (std::size_t i = 0; i < formats.size(); ++i) {
    const ReportFormat& f = *formats[i];
    std::string path = (std::filesystem::path(o.output_dir) / file_name(f, o.name, ctx.lang)).string();
    if (!f.slow && f.write) {
      if (!write_in_blocks(f, path)) return kBadInput;
    } else {
      auto bytes = f.slow ? pending[i].get() : f.render(assessment, report);
      if (!bytes) return failed(bytes.errors());
      if (!emit(*bytes, path, ctx, Announce::by_caller)) return kBadInput;
    }
    ctx.info(fmt::format("{} {}", ctx.tr("ditulis:", "written:"), path));
  }
  std::string quality = (std::filesystem::path(o.output_dir) / quality_file_name(o.name)).string();
  if (!emit_blocks([&](const BlockSink& sink) { write_quality_csv(*assessment.data, report, sink); }, quality, ctx, Announce::by_caller)) {
    return kBadInput;
  }
  ctx.info(fmt::format("{} {} ({} {})", ctx.tr("ditulis:", "written:"), quality, assessment.data->quality.problems(), ctx.tr("masalah", "problems")));
  return kSuccess;
}

}  // namespace

void add_assess_command(CLI::App& app, CliContext& ctx, int& exit_code) {
  auto o = std::make_shared<AssessOptions>();
  CLI::App* cmd = app.add_subcommand("assess", ctx.tr("Nilai data survei atau lembar indikator terhadap kerangka",
                                                      "Score survey responses or indicator sheets against a framework"));
  add_input_options(*cmd, o->input, ctx);
  cmd->add_option("--format", o->formats,
                  fmt::format("{}: {} {}", ctx.tr("Satu atau beberapa format", "One or several formats"), report_format_names(),
                              ctx.tr("(dipisah koma)", "(comma-separated)")));
  cmd->add_option("--title", o->title,
                  ctx.tr("Judul kajian pada laporan (bawaan: judul kerangka)", "Study title in the reports (default: the framework's title)"));
  cmd->add_option("--profiles-for", o->profiles_for,
                  ctx.tr("Profil (grafik radar) untuk unit ini saja: kode atau nama, dipisah koma (bawaan: 50 teratas)",
                         "Profiles (radar charts) for these units only: codes or names, comma-separated (default: the top 50)"))
      ->delimiter(',');
  cmd->add_option("--bootstrap", o->bootstrap,
                  ctx.tr("Selang kepercayaan dari B sampel ulang responden per wilayah (dan kelompok); 1.000 lazim, 9.999 untuk publikasi",
                         "Confidence intervals from B resamples of respondents per region (and group); 1,000 is usual, 9,999 for publication"))
      ->check(CLI::Range(std::size_t(1), limits::kMaxBootstrapResamples));
  cmd->add_option("--seed", o->seed,
                  ctx.tr("Benih acak bootstrap (bawaan 1): benih sama, hasil sama", "Bootstrap random seed (default 1): same seed, same results"));
  cmd->add_option("--confidence", o->confidence,
                  ctx.tr("Tingkat kepercayaan selang (bawaan 0,95)", "Confidence level of the intervals (default 0.95)"))
      ->check(CLI::Range(0.5, 0.999));
  cmd->add_option("--top", o->top, ctx.tr("Peluang masuk k besar: P(peringkat ≤ k) (bawaan 10)", "Chance of the top k: P(rank ≤ k) (default 10)"))
      ->check(CLI::Range(1, 100'000));
  cmd->add_option("--uncertainty", o->uncertainty,
                  ctx.tr("Analisis ketidakpastian dan sensitivitas (berkas YAML, docs/uncertainty.md) sebagai bagian laporan",
                         "An uncertainty and sensitivity analysis (YAML spec, docs/uncertainty.md) as a section of the reports"));
  cmd->add_option("--rollup", o->rollup,
                  ctx.tr("Rekap per provinsi dari kabupaten/kota (national: juga Indonesia)",
                         "Roll kabupaten/kota up per province (national: also Indonesia)"))
      ->transform(one_of(ctx, {"province", "national"}));
  cmd->add_option("--rollup-method", o->rollup_method,
                  ctx.tr("mean: rata-rata (seperti IMDI, bawaan); population: tertimbang penduduk; pooled: responden digabung",
                         "mean: plain mean (as IMDI, default); population: weighted by population; pooled: respondents pooled"))
      ->transform(one_of(ctx, {"mean", "population", "pooled"}));
  cmd->add_option("--min-coverage", o->min_coverage,
                  ctx.tr("Bagian kabupaten/kota yang harus dinilai agar provinsi direkap (bawaan 0.5)",
                         "Share of a province's kabupaten/kota that must be assessed for it to be rolled up (default 0.5)"));
  cmd->add_option("--population", o->population,
                  ctx.tr("Tabel penduduk sendiri (CSV: kode, penduduk) untuk --rollup-method population",
                         "Your own population table (CSV: code, population) for --rollup-method population"));
  cmd->add_flag("--reliability", o->reliability,
                ctx.tr("Sertakan uji validitas dan reliabilitas instrumen (bawaan siap reliability) dalam laporan text, md, html dan xlsx",
                       "Include the instrument's validity and reliability (siap reliability's defaults) in the text, md, html and xlsx reports"));
  cmd->add_option("--name", o->name,
                  ctx.tr("Nama berkas laporan (NAMA.html, NAMA-quality.csv …) alih-alih penilaian.*, agar beberapa penilaian dapat berbagi folder",
                         "The reports' file name (NAME.html, NAME-quality.csv …) instead of assessment.*, so that runs can share a folder"));
  cmd->add_option("-o,--output", o->output_dir,
                  ctx.tr("Direktori laporan (dibuat bila belum ada); quality.csv ditulis di sana",
                         "Report directory (created if missing); quality.csv is written there"));
  cmd->add_flag("--strict", o->strict, ctx.tr("Masalah apa pun pada data: status 1, tanpa laporan", "Any problem in the data: exit 1, no report"));
  add_csv_flags(*cmd, &o->csv_bom, o->csv_decimal_comma, ctx);
  cmd->footer(
      ctx.tr("Contoh:\n  siap assess samples/spbe-2020-jabar.csv -f spbe-2020\n  siap assess survei.csv -f kerangka.yaml --format json | jq "
             "'.units[0]'\n  siap assess survei.csv -f kerangka.yaml --format text,json,csv,md -o hasil/\n  siap assess survei.csv -f kerangka.yaml "
             "--format xlsx,html --title \"Kajian Kesiapan 2026\" -o hasil/",
             "Examples:\n  siap assess samples/spbe-2020-jabar.csv -f spbe-2020\n  siap assess survey.csv -f framework.yaml --format json | jq "
             "'.units[0]'\n  siap assess survey.csv -f framework.yaml --format text,json,csv,md -o results/\n  siap assess survey.csv -f "
             "framework.yaml --format xlsx,html --title \"Readiness study 2026\" -o results/"));
  cmd->callback([&ctx, &exit_code, o] { exit_code = run_assess(*o, ctx); });
}

}  // namespace siap::cli
