// siap compare OLD.json NEW.json [MORE.json...] [--years 2025,2026] [-f FRAMEWORK]
//   [--format text|json|csv|md|html] [-o FILE]: change over time.
#include <fmt/format.h>

#include <charconv>
#include <deque>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/choice.hpp"
#include "cli/commands.hpp"
#include "cli/input_options.hpp"
#include "cli/output.hpp"
#include "siap/assessment_json.hpp"
#include "siap/comparison.hpp"
#include "siap/dataset.hpp"
#include "siap/framework_catalog.hpp"
#include "siap/limits.hpp"
#include "siap/report.hpp"

namespace siap::cli {
namespace {

struct CompareOptions {
  std::vector<std::string> files;
  std::vector<std::string> frameworks;  // files of frameworks that are not built in
  std::string years;
  std::string labels;
  std::string format = "text";
  std::string output;
  bool csv_decimal_comma = false;
  std::string rollup;  // "province": compare provinces (means of their kabupaten/kota)
};

// An assessment JSON is at most this large (a national unit sheet's is ~200 MB).
constexpr std::uintmax_t kMaxAssessmentJsonBytes = 1ull << 30;

int run_compare(const CompareOptions& o, const CliContext& ctx) {
  if (o.format == "xlsx" && (o.output.empty() || o.output == "-")) {
    ctx.error(fmt::format("--format xlsx {}", ctx.tr("memerlukan -o BERKAS", "needs -o FILE")));
    return kUsage;
  }
  if (o.files.size() < 2) {
    ctx.error(ctx.tr("perlu paling sedikit dua penilaian (JSON dari siap assess --format json)",
                     "needs at least two assessments (JSON from siap assess --format json)"));
    return kUsage;
  }
  std::vector<std::optional<int>> years(o.files.size());
  if (!o.years.empty()) {
    const auto list = split_list(o.years);
    if (list.size() != o.files.size()) {
      ctx.error(fmt::format("--years: {} {} {}", list.size(), ctx.tr("tahun untuk", "years for"), o.files.size()) + ctx.tr(" berkas", " files"));
      return kUsage;
    }
    for (std::size_t i = 0; i < list.size(); ++i) {
      int y = 0;
      auto [end, ec] = std::from_chars(list[i].data(), list[i].data() + list[i].size(), y);
      if (ec != std::errc() || end != list[i].data() + list[i].size() || y < 1900 || y > 2200 || (i > 0 && years[i - 1] && y <= *years[i - 1])) {
        ctx.error(fmt::format("--years: '{}' {}", list[i], ctx.tr("bukan tahun yang naik berurutan", "is not a year after the one before")));
        return kUsage;
      }
      years[i] = y;
    }
  }
  std::vector<std::string> labels;
  if (!o.labels.empty()) {
    labels = split_list(o.labels);
    if (labels.size() != o.files.size()) {
      ctx.error(ctx.tr("--labels: satu label per berkas", "--labels: one label per file"));
      return kUsage;
    }
  }
  // Frameworks given as files, by id; built-in ones are found by the id each JSON names.
  std::deque<Framework> frameworks;
  for (const std::string& path : o.frameworks) {
    auto fw = resolve_framework(path);
    if (!fw) {
      for (const auto& e : fw.errors()) ctx.error(e.render(ctx.lang));
      return kBadInput;
    }
    frameworks.push_back(std::move(*fw));
  }
  std::deque<SavedAssessment> saved;
  std::deque<Assessment> assessed;  // sides given as data files, scored here
  std::vector<ComparedSide> sides;
  for (std::size_t i = 0; i < o.files.size(); ++i) {
    const std::string& path = o.files[i];
    const std::string label = !labels.empty() ? labels[i] : years[i] ? std::to_string(*years[i]) : std::filesystem::path(path).stem().string();
    if (!path.ends_with(".json")) {
      // A data file (CSV, XLSX, …): scored with the one framework given, as assess would.
      if (o.frameworks.size() != 1) {
        ctx.error(fmt::format("{}: {}", path,
                              ctx.tr("berkas data memerlukan tepat satu -f KERANGKA (atau berikan JSON dari siap assess)",
                                     "a data file needs exactly one -f FRAMEWORK (or give the JSON siap assess wrote)")));
        return kUsage;
      }
      auto data = load_dataset(frameworks.front(), {path}, LoadOptions{});
      if (!data) {
        for (const auto& e : data.errors()) ctx.error(e.render(ctx.lang));
        return kBadInput;
      }
      ctx.info(fmt::format("{}: {}", path, counts_line(*data, ctx)));
      if (std::string why = nothing_usable(*data, ctx); !why.empty()) {
        ctx.error(fmt::format("{}: {}", path, why));
        return kBadInput;
      }
      assessed.push_back(assess(frameworks.front(), std::move(*data)));
      sides.push_back(ComparedSide{label, years[i], &assessed.back()});
      continue;
    }
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec || size > kMaxAssessmentJsonBytes) {
      ctx.error(fmt::format("{}: {}", path, ec ? ctx.tr("tidak dapat dibaca", "cannot be read") : ctx.tr("lebih dari 1 GiB", "larger than 1 GiB")));
      return kBadInput;
    }
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    // Which framework the file was scored with.
    const auto head = assessment_json_framework(text);
    if (!head) {
      ctx.error(fmt::format(
          "{}: {}", path, ctx.tr("bukan JSON penilaian siap (siap assess --format json)", "not a siap assessment JSON (siap assess --format json)")));
      return kBadInput;
    }
    const auto& [id, version] = *head;
    const Framework* fw = nullptr;
    for (const Framework& f : frameworks) {
      if (f.id == id && f.version == version) fw = &f;
    }
    if (!fw) {
      auto builtin = load_builtin_framework(id);
      if (!builtin || builtin->version != version) {
        ctx.error(fmt::format("{}: {} {} {}; {}", path, ctx.tr("dinilai dengan kerangka", "scored with framework"), id, version,
                              ctx.tr("berikan berkas kerangka itu dengan -f", "give that framework's file with -f")));
        return kBadInput;
      }
      frameworks.push_back(std::move(*builtin));
      fw = &frameworks.back();
    }
    auto read = read_assessment_json(text, path, *fw);
    if (!read) {
      for (const auto& e : read.errors()) ctx.error(e.render(ctx.lang));
      return kBadInput;
    }
    saved.push_back(std::move(*read));
    sides.push_back(ComparedSide{label, years[i], &saved.back().assessment});
  }
  auto comparison = compare_assessments(std::move(sides));
  if (!comparison) {
    for (const auto& e : comparison.errors()) ctx.error(e.message.in(ctx.lang));
    return kBadInput;
  }
  if (o.rollup == "province") comparison = by_province(*comparison);
  for (const LocalizedText& w : comparison->warnings) ctx.warning(w.in(ctx.lang));
  std::string data;
  if (o.format == "xlsx") {
    auto bytes = render_comparison_xlsx(*comparison, ctx.lang, SIAP_VERSION);
    if (!bytes) {
      for (const auto& e : bytes.errors()) ctx.error(e.message.in(ctx.lang));
      return kInternal;
    }
    data = std::move(*bytes);
  } else if (o.format == "json") {
    data = render_comparison_json(*comparison);
  } else if (o.format == "csv") {
    data = render_comparison_csv(*comparison, ctx.lang, o.csv_decimal_comma);
  } else if (o.format == "md") {
    data = render_comparison_markdown(*comparison, ctx.lang);
  } else if (o.format == "html") {
    data = render_comparison_html(*comparison, ctx.lang, SIAP_VERSION);
  } else {
    data = render_comparison_text(*comparison, ctx.lang);
  }
  return emit(data, o.output, ctx) ? kSuccess : kBadInput;
}

}  // namespace

void add_compare_command(CLI::App& app, CliContext& ctx, int& exit_code) {
  auto o = std::make_shared<CompareOptions>();
  CLI::App* cmd = app.add_subcommand(
      "compare", ctx.tr("Bandingkan penilaian antarwaktu (JSON dari siap assess)", "Compare assessments over time (JSON from siap assess)"));
  cmd->alias("bandingkan");
  cmd->add_option("files", o->files,
                  ctx.tr("Penilaian JSON dari siap assess, atau berkas data dengan -f KERANGKA; dari yang terlama",
                         "Assessment JSON from siap assess, or data files with -f FRAMEWORK; oldest first"))
      ->required();
  cmd->add_option("-f,--framework", o->frameworks,
                  ctx.tr("Berkas kerangka yang bukan bawaan (boleh berulang)", "A framework file that is not built in (may repeat)"));
  cmd->add_option(
      "--years", o->years,
      ctx.tr("Tahun setiap berkas, misalnya 2024,2025 (untuk pertumbuhan per tahun)", "Each file's year, such as 2024,2025 (for the annual growth)"));
  cmd->add_option("--rollup", o->rollup,
                  ctx.tr("province: bandingkan provinsi (rata-rata kabupaten/kota, menurut provinsi saat ini)",
                         "province: compare provinces (means of their kabupaten/kota, by today's province)"))
      ->transform(one_of(ctx, {"province"}));
  cmd->add_option("--labels", o->labels, ctx.tr("Nama setiap berkas dalam laporan", "Each file's name in the report"));
  cmd->add_option("--format", o->format, ctx.tr("Format keluaran", "Output format"))
      ->transform(one_of(ctx, {"text", "json", "csv", "md", "html", "xlsx"}));
  cmd->add_option("-o,--output", o->output,
                  ctx.tr("Tulis ke berkas (secara atomik) alih-alih stdout", "Write to a file (atomically) instead of stdout"));
  add_csv_flags(*cmd, nullptr, o->csv_decimal_comma, ctx);
  cmd->footer(ctx.tr(
      "Contoh:\n  siap compare 2025/penilaian.json 2026/penilaian.json --years 2025,2026\n  siap compare a.json b.json c.json --format html -o "
      "perubahan.html",
      "Examples:\n  siap compare 2025/assessment.json 2026/assessment.json --years 2025,2026\n  siap compare a.json b.json c.json --format "
      "html -o change.html"));
  cmd->callback([&ctx, &exit_code, o] { exit_code = run_compare(*o, ctx); });
}

}  // namespace siap::cli
