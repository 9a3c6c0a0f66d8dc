// siap regions [QUERY] [--province CODE] [--format text|json]
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/choice.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "siap/regions.hpp"

namespace siap::cli {
namespace {

struct RegionsOptions {
  std::string query, province, format = "text";
};

int run_regions(const RegionsOptions& o, const CliContext& ctx) {
  const RegionTable& table = RegionTable::builtin();
  if (!o.province.empty() && !table.find_code(o.province)) {
    ctx.error(fmt::format("{} '{}'", ctx.tr("kode provinsi tidak dikenal", "unknown province code"), o.province));
    return kUsage;
  }
  std::vector<int> found = table.search(o.query, o.province);
  if (found.empty() && !o.query.empty()) {
    // Not a substring: perhaps a variant or a typo the resolver understands.
    RegionMatch m = table.resolve(o.query, RegionCoding::kemendagri);
    if (m.kind == RegionMatch::Kind::found) found.push_back(m.region);
    for (int c : m.candidates) found.push_back(c);
  }
  if (o.format == "json") {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (int i : found) {
      const Region& r = table.at(i);
      list.push_back({{"code", r.code}, {"name", r.name}, {"type", region_type_label(r.type).en}, {"province", table.at(r.province).name}});
    }
    return emit(list.dump(2) + "\n", "", ctx) ? kSuccess : kBadInput;
  }
  std::string out;
  for (int i : found) {
    const Region& r = table.at(i);
    out += fmt::format("{:<6} {:<10} {:<40} {}\n", r.code, ctx.tr(region_type_label(r.type)), r.name, table.at(r.province).name);
  }
  emit(out, "", ctx);
  ctx.info(fmt::format("{} {}", found.size(), ctx.tr("wilayah", "regions")));
  return found.empty() ? kBadInput : kSuccess;
}

}  // namespace

void add_regions_command(CLI::App& app, CliContext& ctx, int& exit_code) {
  auto o = std::make_shared<RegionsOptions>();
  CLI::App* cmd = app.add_subcommand("regions", ctx.tr("Daftar dan cari 38 provinsi dan 514 kabupaten/kota (kode Kemendagri)",
                                                       "List and search the 38 provinces and 514 kabupaten/kota (Kemendagri codes)"));
  cmd->add_option("query", o->query, ctx.tr("Nama atau kode (sebagian)", "Name or code (or part of one)"));
  cmd->add_option("--province", o->province, ctx.tr("Hanya provinsi dengan kode ini, mis. 32", "Only the province with this code, e.g. 32"));
  cmd->add_option("--format", o->format, ctx.tr("Format keluaran", "Output format"))->transform(one_of(ctx, {"text", "json"}));
  cmd->footer(
      ctx.tr("Contoh:\n  siap regions bandung\n  siap regions --province 32\n  siap regions 32.7 --format json\n\n"
             "Data: idn-area-data 4.0.1 (Fityan Nugroho), Kepmendagri 300.2.2-2138/2025; lisensi ODbL 1.0.",
             "Examples:\n  siap regions bandung\n  siap regions --province 32\n  siap regions 32.7 --format json\n\n"
             "Data: idn-area-data 4.0.1 (Fityan Nugroho), Kepmendagri 300.2.2-2138/2025; licence ODbL 1.0."));
  cmd->callback([&ctx, &exit_code, o] { exit_code = run_regions(*o, ctx); });
}

}  // namespace siap::cli
