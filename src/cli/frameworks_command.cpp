// siap frameworks list | show ID|PATH | check PATH...
#include <fmt/format.h>

#include "cli/choice.hpp"
#include "cli/commands.hpp"
#include "cli/framework_json.hpp"
#include "cli/framework_text.hpp"
#include "cli/output.hpp"
#include "cli/profile_option.hpp"
#include "siap/framework_catalog.hpp"
#include "siap/questionnaire.hpp"

namespace siap::cli {
namespace {

void report(const Diagnostics& errors, const CliContext& ctx) {
  for (const auto& e : errors) ctx.error(e);
}

int run_list(const CliContext& ctx, const std::string& format) {
  std::vector<FrameworkSummary> rows;
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const auto& id : builtin_framework_ids()) {
    auto fw = load_builtin_framework(id);
    if (!fw) {  // a built-in that fails validation is our bug, not the user's
      report(fw.errors(), ctx);
      return kInternal;
    }
    rows.push_back({fw->id, fw->version, fw->title, fw->provenance.status, fw->leaves.size()});
    list.push_back({{"id", fw->id},
                    {"version", fw->version},
                    {"title", {{"id", fw->title.id}, {"en", fw->title.in(Lang::en)}}},
                    {"status", status_key(fw->provenance.status)},
                    {"indicators", fw->leaves.size()}});
  }
  if (format == "json") return emit(list.dump(2) + "\n", "", ctx) ? kSuccess : kBadInput;
  return emit(render_framework_list(rows, ctx), "", ctx) ? kSuccess : kBadInput;
}

int run_show(const CliContext& ctx, const std::string& which, const std::string& profile_id, const std::string& format, const std::string& output) {
  auto fw = resolve_framework(which);
  if (!fw) {
    report(fw.errors(), ctx);
    return kBadInput;
  }
  auto profile = select_profile(*fw, profile_id, ctx);
  if (!profile) return kUsage;
  std::string data = format == "json" ? framework_to_json(*fw, *profile).dump(2) + "\n" : render_framework_text(*fw, *profile, ctx);
  return emit(data, output, ctx) ? kSuccess : kBadInput;
}

int run_check(const CliContext& ctx, const std::vector<std::string>& paths) {
  int failed = 0;
  for (const auto& path : paths) {
    auto fw = resolve_framework(path);
    if (!fw) {
      report(fw.errors(), ctx);
      ++failed;
      ctx.info(fmt::format("{}: {} ({} {})", path, ctx.tr("TIDAK VALID", "INVALID"), fw.errors().size(),
                           fw.errors().size() == 1 ? ctx.tr("galat", "error") : ctx.tr("galat", "errors")));
      continue;
    }
    ctx.info(fmt::format("{}: {} ({} {}, {} {})", path, ctx.tr("valid", "valid"), fw->id, fw->version, fw->leaves.size(),
                         ctx.tr("indikator", "indicators")));
    // Valid for scoring, yet perhaps not as a questionnaire: said, not failed.
    for (const Diagnostic& problem : questionnaire_problems(*fw)) {
      ctx.warning(fmt::format("{} [{}]", problem.render(ctx.lang), ctx.tr("tidak dapat menjadi formulir XLSForm", "cannot make an XLSForm")));
    }
    ctx.detail(fmt::format("  {} {}, {} {}, {} {}, {} {}", fw->nodes.size() - 1, ctx.tr("simpul", "nodes"), fw->scales.size(),
                           ctx.tr("skala", "scales"), fw->band_sets.size(), ctx.tr("himpunan predikat", "band sets"), fw->profiles.size(),
                           ctx.tr("profil bobot", "weight profiles")));
  }
  return failed == 0 ? kSuccess : kBadInput;
}

}  // namespace

void add_frameworks_command(CLI::App& app, CliContext& ctx, int& exit_code) {
  CLI::App* frameworks =
      app.add_subcommand("frameworks", ctx.tr("Daftar, tampilkan dan periksa kerangka kematangan", "List, show and check maturity frameworks"));
  frameworks->require_subcommand(1);
  frameworks->footer(ctx.tr("Contoh:\n  siap frameworks list\n  siap frameworks show spbe-2020\n  siap frameworks check kerangka-saya.yaml",
                            "Examples:\n  siap frameworks list\n  siap frameworks show spbe-2020\n  siap frameworks check my-framework.yaml"));

  auto list_format = std::make_shared<std::string>("text");
  CLI::App* list = frameworks->add_subcommand("list", ctx.tr("Daftar kerangka bawaan", "List the built-in frameworks"));
  list->add_option("--format", *list_format, ctx.tr("Format keluaran", "Output format"))->transform(one_of(ctx, {"text", "json"}));
  list->footer(ctx.tr("Contoh:\n  siap frameworks list\n  siap frameworks list --format json | jq '.[].id'",
                      "Examples:\n  siap frameworks list\n  siap frameworks list --format json | jq '.[].id'"));
  list->callback([&ctx, &exit_code, list_format] { exit_code = run_list(ctx, *list_format); });

  struct ShowOptions {
    std::string which, profile, format = "text", output;
  };
  auto show_options = std::make_shared<ShowOptions>();
  CLI::App* show = frameworks->add_subcommand(
      "show", ctx.tr("Tampilkan pohon kerangka dengan bobot dan porsi efektif", "Show a framework's tree with weights and effective shares"));
  show->add_option("framework", show_options->which, ctx.tr("Id kerangka bawaan atau path berkas YAML", "Built-in framework id or YAML file path"))
      ->required();
  show->add_option("--profile", show_options->profile, ctx.tr("Profil bobot (bawaan: default)", "Weight profile (default: default)"));
  show->add_option("--format", show_options->format, ctx.tr("Format keluaran", "Output format"))->transform(one_of(ctx, {"text", "json"}));
  show->add_option("-o,--output", show_options->output,
                   ctx.tr("Tulis ke berkas (secara atomik) alih-alih stdout", "Write to a file (atomically) instead of stdout"));
  show->footer(
      ctx.tr("Contoh:\n  siap frameworks show spbe-2020\n  siap frameworks show kominfo-evaluation --profile sleman\n  siap frameworks show "
             "./kerangka.yaml --format json -o kerangka.json",
             "Examples:\n  siap frameworks show spbe-2020\n  siap frameworks show kominfo-evaluation --profile sleman\n  siap frameworks show "
             "./framework.yaml --format json -o framework.json"));
  show->callback([&ctx, &exit_code, show_options] {
    exit_code = run_show(ctx, show_options->which, show_options->profile, show_options->format, show_options->output);
  });

  auto check_paths = std::make_shared<std::vector<std::string>>();
  CLI::App* check =
      frameworks->add_subcommand("check", ctx.tr("Periksa berkas kerangka; laporkan setiap galat", "Check framework files; report every error"));
  check->add_option("files", *check_paths, ctx.tr("Berkas YAML (atau id bawaan)", "YAML files (or built-in ids)"))->required();
  check->footer(ctx.tr(
      "Contoh:\n  siap frameworks check kerangka-saya.yaml\n  siap frameworks check frameworks/*.yaml\n\nStatus keluar 1 bila ada berkas yang tidak "
      "valid.",
      "Examples:\n  siap frameworks check my-framework.yaml\n  siap frameworks check frameworks/*.yaml\n\nExit status 1 when any file is invalid."));
  check->callback([&ctx, &exit_code, check_paths] { exit_code = run_check(ctx, *check_paths); });
}

}  // namespace siap::cli
