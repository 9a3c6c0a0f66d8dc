// siap questionnaire FRAMEWORK [--format xlsform,html,md,template,codebook] [-o DIR]
//   [--province CODE[,CODE]] [--title T] [--form-id ID] [--form-version V]
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "cli/choice.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/usage_error.hpp"
#include "siap/framework_catalog.hpp"
#include "siap/questionnaire.hpp"
#include "siap/regions.hpp"
#include "siap/utf8.hpp"

namespace siap::cli {
namespace {

struct QuestionnaireCliOptions {
  std::string framework;
  std::string formats = "xlsform";
  std::string output_dir;
  std::vector<std::string> provinces;
  std::string title;
  std::string form_id;
  std::string version;
};

const std::vector<std::string> kFormats{"xlsform", "html", "md", "template", "codebook"};

// The file each format is written to, in the output language.
std::string file_name(const std::string& format, Lang lang) {
  const bool en = lang == Lang::en;
  if (format == "xlsform") return en ? "form.xlsx" : "formulir.xlsx";
  if (format == "html") return en ? "questionnaire.html" : "kuesioner.html";
  if (format == "md") return en ? "questionnaire.md" : "kuesioner.md";
  if (format == "template") return en ? "entry-template.xlsx" : "templat-entri.xlsx";
  return en ? "codebook.csv" : "buku-kode.csv";
}

int run_questionnaire(const QuestionnaireCliOptions& o, const CliContext& ctx) {
  std::vector<std::string> formats;
  for (const std::string& name : split_list(o.formats)) {
    if (std::find(kFormats.begin(), kFormats.end(), name) == kFormats.end()) {
      ctx.error(fmt::format("{} '{}'; {}: xlsform, html, md, template, codebook{}", ctx.tr("format tidak dikenal", "unknown format"), name,
                            ctx.tr("pilihan", "expected one of"), ctx.tr(did_you_mean(name, kFormats))));
      return kUsage;
    }
    if (std::find(formats.begin(), formats.end(), name) == formats.end()) formats.push_back(name);
  }
  if (formats.empty()) formats.push_back("xlsform");
  if (o.output_dir.empty() && formats.size() > 1) {
    ctx.error(ctx.tr("beberapa format memerlukan -o DIR", "several formats need -o DIR"));
    return kUsage;
  }
  if (o.output_dir.empty() && (formats[0] == "xlsform" || formats[0] == "template")) {
    ctx.error(fmt::format("{} {}", formats[0],
                          ctx.tr(formats[0] == "xlsform" ? "(berkas XLSX dan kabkota.csv) memerlukan -o DIR" : "(berkas XLSX) memerlukan -o DIR",
                                 formats[0] == "xlsform" ? "(an XLSX and kabkota.csv) needs -o DIR" : "(an XLSX) needs -o DIR")));
    return kUsage;
  }
  for (const std::string* text : {&o.title, &o.form_id, &o.version}) {
    if (!is_valid_utf8(*text)) {
      ctx.error(ctx.tr("--title, --form-id atau --form-version bukan UTF-8 yang valid", "--title, --form-id or --form-version is not valid UTF-8"));
      return kUsage;
    }
  }
  if (!o.form_id.empty() && !is_xlsform_name(o.form_id)) {
    ctx.error(fmt::format("--form-id '{}': {}", o.form_id,
                          ctx.tr("bukan nama XLSForm yang sah (huruf atau _, lalu huruf, angka, _, - atau .)",
                                 "not a valid XLSForm name (a letter or _, then letters, digits, _, - or .)")));
    return kUsage;
  }
  auto fw = resolve_framework(o.framework);
  if (!fw) {
    for (const auto& e : fw.errors()) ctx.error(e);
    return kBadInput;
  }
  QuestionnaireOptions options{{}, o.title, o.form_id, o.version};
  const RegionTable& regions = RegionTable::builtin();
  bool everywhere = false;
  for (const std::string& text : o.provinces) {
    if (text == "all" || text == "semua") {
      everywhere = true;
      continue;
    }
    auto found = regions.find_province(text);
    if (found.province < 0) {
      ctx.error(fmt::format("--province '{}': {}", text, ctx.tr(found.why)));
      return kUsage;
    }
    if (std::find(options.scope_provinces.begin(), options.scope_provinces.end(), found.province) == options.scope_provinces.end()) {
      options.scope_provinces.push_back(found.province);
    }
  }
  if (o.provinces.empty() || (everywhere && options.scope_provinces.empty())) {
    if (!everywhere) {
      for (const std::string& code : fw->input.provinces) options.scope_provinces.push_back(*regions.find_code(code));
    }
  } else if (everywhere) {
    ctx.error(ctx.tr("--province all tidak dapat digabung dengan provinsi", "--province all cannot be combined with provinces"));
    return kUsage;
  }

  auto form = build_questionnaire(*fw, options);
  if (!form) {
    for (const auto& e : form.errors()) ctx.error(e);
    ctx.error(
        ctx.tr("kerangka ini tidak dapat menjadi formulir; tidak ada berkas yang ditulis", "this framework cannot make a form; no file written"));
    return kBadInput;
  }
  // A renderer's failure is ours (exit 3); a file that cannot be written is the user's (exit 1).
  auto render = [&](const std::string& format) -> Expected<std::string> {
    if (format == "xlsform") return render_xlsform(*form, output_date());
    if (format == "template") return render_entry_template(*form, *fw, ctx.lang, output_date());
    if (format == "html") return render_questionnaire_html(*form, *fw, ctx.lang);
    if (format == "md") return render_questionnaire_markdown(*form, *fw, ctx.lang);
    return render_codebook_csv(*fw, ctx.lang);
  };
  if (o.output_dir.empty()) {
    auto text = render(formats[0]);
    if (!text) return kInternal;
    return emit(*text, "", ctx) ? kSuccess : kBadInput;
  }
  if (!make_output_dir(o.output_dir, ctx)) return kBadInput;
  auto write = [&](const std::string& name, const std::string& bytes) {
    std::string path = (std::filesystem::path(o.output_dir) / name).string();
    if (!emit(bytes, path, ctx, Announce::by_caller)) return false;
    ctx.info(fmt::format("{} {}", ctx.tr("ditulis:", "written:"), path));
    return true;
  };
  for (const std::string& format : formats) {
    auto bytes = render(format);
    if (!bytes) {
      for (const auto& e : bytes.errors()) ctx.error(e.message.in(ctx.lang));
      return kInternal;
    }
    if (!write(file_name(format, ctx.lang), *bytes)) return kBadInput;
    // A national form lists the 514 kabupaten/kota in a file uploaded beside it.
    if (format == "xlsform" && !form->external_regions.empty() && !write(kExternalRegionsFile, render_external_regions(*form))) return kBadInput;
  }
  return kSuccess;
}

}  // namespace

void add_questionnaire_command(CLI::App& app, CliContext& ctx, int& exit_code) {
  auto o = std::make_shared<QuestionnaireCliOptions>();
  CLI::App* cmd = app.add_subcommand(
      "questionnaire", ctx.tr("Buat kuesioner dari kerangka: XLSForm (KoboToolbox, ODK), kuesioner cetak, templat entri, buku kode",
                              "Make the questionnaire from a framework: XLSForm (KoboToolbox, ODK), printable form, entry template, codebook"));
  cmd->alias("kuesioner");
  cmd->add_option("framework", o->framework, ctx.tr("Id kerangka bawaan atau path berkas YAML", "Built-in framework id or YAML file path"))
      ->required();
  cmd->add_option("--format", o->formats,
                  fmt::format("{}: xlsform, html, md, template, codebook {}", ctx.tr("Satu atau beberapa format", "One or several formats"),
                              ctx.tr("(dipisah koma; bawaan: xlsform)", "(comma-separated; default: xlsform)")));
  cmd->add_option("-o,--output", o->output_dir, ctx.tr("Direktori keluaran (dibuat bila belum ada)", "Output directory (created if missing)"));
  cmd->add_option("--province", o->provinces,
                  ctx.tr("Provinsi studi (kode atau nama, dipisah koma; 'semua' untuk seluruh Indonesia): kabupaten/kota menjadi pilihan di "
                         "formulir; bawaan: input.provinces kerangka, atau seluruh Indonesia lewat kabkota.csv",
                         "The study's provinces (codes or names, comma-separated; 'all' for the whole country): their kabupaten/kota become "
                         "choices in the form; default: the framework's input.provinces, or the whole country through kabkota.csv"))
      ->delimiter(',');
  cmd->add_option("--title", o->title, ctx.tr("Judul formulir (bawaan: judul kerangka)", "Form title (default: the framework's title)"));
  cmd->add_option("--form-id", o->form_id,
                  ctx.tr("form_id XLSForm (bawaan: siap_ + id kerangka)", "XLSForm form_id (default: siap_ + framework id)"));
  cmd->add_option("--form-version", o->version,
                  ctx.tr("version XLSForm (bawaan: versi kerangka)", "XLSForm version (default: the framework's version)"));
  cmd->footer(
      ctx.tr("Contoh:\n  siap questionnaire kominfo-readiness -o kuesioner/\n  siap questionnaire kominfo-readiness --province 32 --format "
             "xlsform,codebook -o kuesioner/\n  siap questionnaire kerangka.yaml --format codebook > buku-kode.csv",
             "Examples:\n  siap questionnaire kominfo-readiness -o questionnaire/\n  siap questionnaire kominfo-readiness --province 32 "
             "--format xlsform,codebook -o questionnaire/\n  siap questionnaire framework.yaml --format codebook > codebook.csv"));
  cmd->callback([&ctx, &exit_code, o] { exit_code = run_questionnaire(*o, ctx); });
}

}  // namespace siap::cli
