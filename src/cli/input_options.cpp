#include "cli/input_options.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "cli/choice.hpp"
#include "cli/profile_option.hpp"
#include "siap/framework_catalog.hpp"
#include "siap/form_codebook.hpp"
#include "siap/regions.hpp"

namespace siap::cli {

namespace {

// A province named by code ("33") or name ("Jawa Tengah"); anything else is
// a usage error.
std::optional<int> resolve_province(const std::string& text, const CliContext& ctx) {
  auto found = RegionTable::builtin().find_province(text);
  if (found.province >= 0) return found.province;
  ctx.error(fmt::format("--province '{}': {}", text, ctx.tr(found.why.id, found.why.en)));
  return std::nullopt;
}

}  // namespace

void add_input_options(CLI::App& command, InputOptions& o, const CliContext& ctx) {
  command
      .add_option("inputs", o.inputs,
                  ctx.tr("Berkas masukan: CSV, XLSX atau ODS ('-' = CSV dari stdin); beberapa berkas untuk satu studi",
                         "Input files: CSV, XLSX or ODS ('-' = CSV on stdin); several files make one study"))
      ->required();
  command.add_option("-f,--framework", o.framework, ctx.tr("Id kerangka bawaan atau path YAML", "Built-in framework id or YAML path"))->required();
  command.add_option("--profile", o.profile, ctx.tr("Profil bobot (bawaan: default)", "Weight profile (default: default)"));
  command
      .add_option("--delimiter", o.delimiter,
                  ctx.tr("Pemisah kolom; bawaan: dideteksi dari baris judul", "Field delimiter; default: sniffed from the header"))
      ->transform(one_of(ctx, {",", ";", "tab"}));
  command.add_flag("--decimal-comma", o.decimal_comma,
                   ctx.tr("Angka memakai koma desimal (3,5); otomatis untuk berkas berpemisah ';'",
                          "Numbers use a decimal comma (3,5); automatic for ';'-delimited files"));
  command.add_flag("--no-decimal-comma", o.no_decimal_comma,
                   ctx.tr("Jangan pernah membaca koma sebagai desimal", "Never read a comma as a decimal point"));
  command
      .add_option("--thousands", o.thousands,
                  ctx.tr("Pemisah ribuan dalam angka: '.' (12.300 = 12300) atau ','; tanpa ini angka seperti 12.300 adalah galat",
                         "Thousands separator in numbers: '.' (12.300 = 12300) or ','; without it a number like 12.300 is an error"))
      ->transform(one_of(ctx, {".", ","}));
  command
      .add_option("--no-answer", o.no_answer,
                  ctx.tr("Jawaban yang berarti 'tidak menjawab' di setiap kolom (mis. n/a,-,99): dihitung, bukan galat",
                         "Answers meaning 'no answer' in every column (e.g. n/a,-,99): counted, not errors"))
      ->delimiter(',');
  command.add_flag("--include-incomplete", o.include_incomplete,
                   ctx.tr("Sertakan respons yang belum selesai (LimeSurvey) atau tidak disetujui/ditolak (KoboToolbox, ODK Central)",
                          "Include responses that are incomplete (LimeSurvey) or not approved/rejected (KoboToolbox, ODK Central)"));
  command
      .add_option("--encoding", o.encoding,
                  ctx.tr("Pengodean berkas: utf8 (bawaan) atau cp1252 (Excel 'ANSI')", "File encoding: utf8 (default) or cp1252 (Excel 'ANSI')"))
      ->transform(one_of(ctx, {"utf8", "cp1252"}));
  command.add_option("--sheet", o.sheet,
                     ctx.tr("Lembar buku kerja XLSX/ODS: nama atau nomor (bawaan: lembar pertama)",
                            "Sheet of an XLSX/ODS workbook: name or number (default: the first sheet)"));
  command
      .add_option("--region-codes", o.region_codes,
                  ctx.tr("Kode tanpa titik (3273) adalah kode kemendagri; kode BPS belum didukung",
                         "Undotted codes (3273) are kemendagri codes; BPS codes are not supported yet"))
      ->transform(one_of(ctx, {"kemendagri", "bps"}));
  command
      .add_option("--province", o.provinces,
                  ctx.tr("Cakupan studi: provinsi (kode atau nama, dipisah koma; 'semua' untuk seluruh Indonesia), menggantikan input.provinces "
                         "kerangka; wilayah di provinsi lain ditolak (outside_scope)",
                         "The study's scope: provinces (codes or names, comma-separated; 'all' for the whole country), in place of the framework's "
                         "input.provinces; regions of other provinces are rejected (outside_scope)"))
      ->delimiter(',');
  command.add_option("--region-map", o.region_map,
                     ctx.tr("Tabel (CSV/XLSX/ODS) nama wilayah studi ini: teks seperti diketik, lalu kode Kemendagri atau nama wilayah",
                            "A table (CSV/XLSX/ODS) of this study's region names: the text as typed, then the Kemendagri code or name"));
  command.add_option("--form", o.form,
                     ctx.tr("XLSForm yang dipakai mengumpulkan data (dibuat siap questionnaire, mungkin disunting di KoboToolbox): labelnya "
                            "dibaca sebagai judul kolom dan jawaban",
                            "The XLSForm the data was collected with (made by siap questionnaire, perhaps edited in KoboToolbox): its labels "
                            "are read as headers and answers"));
  command.add_flag("--allow-non-regions", o.allow_non_regions,
                   ctx.tr("Terima unit yang bukan wilayah (OPD, instansi pusat)", "Accept units that are not regions (an OPD, a central agency)"));
}

std::optional<LoadedInput> load_input(const InputOptions& o, const CliContext& ctx, int& exit_code, bool full_quality_log) {
  if (o.region_codes == "bps") {
    ctx.error(
        ctx.tr("kode BPS belum didukung: tidak ada tabel padanan BPS–Kemendagri yang tersedia; gunakan kode Kemendagri bertitik (32.73) atau nama",
               "BPS codes are not supported: no BPS-Kemendagri crosswalk is available; use dotted Kemendagri codes (32.73) or names"));
    exit_code = kUsage;
    return std::nullopt;
  }
  if (o.decimal_comma && o.no_decimal_comma) {
    ctx.error(
        ctx.tr("--decimal-comma dan --no-decimal-comma tidak dapat dipakai bersama", "--decimal-comma and --no-decimal-comma exclude each other"));
    exit_code = kUsage;
    return std::nullopt;
  }
  std::vector<int> scope;
  bool everywhere = false;  // --province all: the framework's scope set aside
  for (const auto& text : o.provinces) {
    if (text == "all" || text == "semua") {
      everywhere = true;
      continue;
    }
    auto province = resolve_province(text, ctx);
    if (!province) {
      exit_code = kUsage;
      return std::nullopt;
    }
    if (std::find(scope.begin(), scope.end(), *province) == scope.end()) scope.push_back(*province);
  }
  if (everywhere && !scope.empty()) {
    ctx.error(ctx.tr("--province all tidak dapat digabung dengan provinsi", "--province all cannot be combined with provinces"));
    exit_code = kUsage;
    return std::nullopt;
  }
  auto fw = resolve_framework(o.framework);
  if (!fw) {
    for (const auto& e : fw.errors()) ctx.error(e);
    exit_code = kBadInput;
    return std::nullopt;
  }
  LoadedInput out{std::move(*fw), nullptr, -1, {}};
  // The framework's own scope (input.provinces, codes checked at load)
  // unless --province names another.
  if (o.provinces.empty()) {
    for (const std::string& code : out.framework.input.provinces) {
      if (auto province = RegionTable::builtin().find_code(code)) scope.push_back(*province);
    }
  }
  if (!o.form.empty()) {
    auto form = read_form_codebook(o.form);
    std::vector<std::string> unused;
    auto with_labels = form ? with_form_labels(std::move(out.framework), *form, unused) : Expected<Framework>(form.errors());
    if (!with_labels) {
      for (const auto& e : with_labels.errors()) ctx.error(e);
      exit_code = kBadInput;
      return std::nullopt;
    }
    out.framework = std::move(*with_labels);
    if (!form->version.empty() && form->version != out.framework.version) {
      ctx.warning(fmt::format("{}: {} '{}', {} '{}'", o.form, ctx.tr("versi formulir", "the form's version is"), form->version,
                              ctx.tr("versi kerangka", "the framework's"), out.framework.version));
    }
    if (!unused.empty()) {
      ctx.detail(fmt::format("{}: {}: {}", o.form, ctx.tr("pertanyaan yang tidak dinilai kerangka", "questions the framework does not score"),
                             fmt::join(unused, ", ")));
    }
  }
  if (!o.region_map.empty()) {
    auto map = load_region_map(o.region_map);
    if (!map) {
      for (const auto& e : map.errors()) ctx.error(e);
      exit_code = kBadInput;
      return std::nullopt;
    }
    out.region_map = std::make_unique<RegionMap>(std::move(*map));
  }
  auto profile = select_profile(out.framework, o.profile, ctx);
  if (!profile) {
    exit_code = kUsage;
    return std::nullopt;
  }
  out.profile = *profile;
  LoadOptions options;
  options.csv.delimiter = o.delimiter == "tab" ? '\t' : o.delimiter.empty() ? 0 : o.delimiter[0];
  options.csv.encoding = o.encoding == "cp1252" ? TextEncoding::cp1252 : TextEncoding::utf8;
  options.csv.sheet = o.sheet;
  options.thousands = o.thousands.empty() ? 0 : o.thousands[0];
  options.no_answer = o.no_answer;
  options.include_incomplete = o.include_incomplete;
  options.decimal_comma = o.decimal_comma ? DecimalComma::yes : o.no_decimal_comma ? DecimalComma::no : DecimalComma::automatic;
  options.region_coding = o.region_codes == "kemendagri" ? RegionCoding::kemendagri : RegionCoding::unspecified;
  options.allow_non_regions = o.allow_non_regions;
  options.pilot_unit = o.pilot_unit;
  options.scope_provinces = std::move(scope);
  options.region_map = out.region_map.get();
  options.full_quality_log = full_quality_log;
  auto data = load_dataset(out.framework, o.inputs, options);
  if (!data) {
    for (const auto& e : data.errors()) ctx.error(e);
    exit_code = kBadInput;
    return std::nullopt;
  }
  out.data = std::move(*data);
  for (const auto& f : out.data.files) {
    for (const auto& note : f.notes) ctx.info(fmt::format("{}: {}", f.name, note.in(ctx.lang)));
    for (const auto& warning : f.warnings) ctx.warning(fmt::format("{}: {}", f.name, warning.in(ctx.lang)));
    if (f.cells_no_answer > 0) {
      ctx.info(fmt::format(
          "{}: {} {}", f.name, f.cells_no_answer,
          ctx.tr("sel berisi penanda 'tidak menjawab' (tidak dinilai, bukan galat)", "cells hold a no-answer marker (not scored, not errors)")));
    }
    if (!f.ignored_columns.empty()) {
      ctx.detail(fmt::format("{}: {} {}", f.name, ctx.tr("kolom diabaikan:", "ignored columns:"), fmt::join(f.ignored_columns, ", ")));
    }
  }
  return out;
}

std::string nothing_usable(const Dataset& data, const CliContext& ctx) {
  if (data.rows_read == 0) {
    return ctx.tr("masukan hanya berisi baris judul: tidak ada data untuk dinilai", "the input has only a header row: there is no data to score");
  }
  if (data.rows == 0) {
    return fmt::format("{} {}", data.rows_read,
                       ctx.tr("baris dibaca dan semuanya ditolak: tidak ada yang dapat dinilai (alasan di atas)",
                              "rows read and every one rejected: nothing can be scored (reasons above)"));
  }
  const bool codes = std::any_of(data.codes.begin(), data.codes.end(), [](std::uint8_t c) { return c != 0; });
  const bool decimals = std::any_of(data.decimals.begin(), data.decimals.end(), [](const auto& slot) { return !slot.empty(); });
  if (!codes && !decimals) {
    return fmt::format("{} {}", data.rows,
                       ctx.tr("baris diterima, tetapi tidak ada sel jawaban yang dapat dipakai (kosong atau tidak sah): tidak ada yang dapat dinilai",
                              "rows accepted, but no answer cell could be used (empty or invalid): nothing can be scored"));
  }
  return "";
}

std::string counts_line(const Dataset& data, const CliContext& ctx) {
  const std::size_t cells = data.quality.count(IssueKind::cell_ignored);
  return fmt::format("{}: {} {}: {} {}, {} {}; {} {}", ctx.tr("Masukan", "Input"), data.rows_read, ctx.tr("baris dibaca", "rows read"), data.rows,
                     ctx.tr("diterima", "accepted"), data.rows_rejected, ctx.tr("ditolak", "rejected"), cells,
                     ctx.tr("sel diabaikan", "cells ignored"));
}

}  // namespace siap::cli
