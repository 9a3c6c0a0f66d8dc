#include "cli/framework_text.hpp"
#include "siap/utf8.hpp"
#include "siap/regions.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace siap::cli {
namespace {

std::string pad_right(const std::string& s, std::size_t width) {
  std::size_t shown = code_points(s);
  return shown >= width ? s : s + std::string(width - shown, ' ');
}

std::string status_mark(Status status, const CliContext& ctx) { return "[" + ctx.tr(status_label(status)) + "]"; }

std::string scale_summary(const Scale& scale, const Framework& fw, const CliContext& ctx) {
  Lang lang = ctx.lang;
  switch (scale.kind) {
    case ScaleKind::ordinal:
    case ScaleKind::likert: {
      std::string out = fmt::format("{} {}–{}{}", scale_kind_key(scale.kind), format_decimal(scale.min, lang), format_decimal(scale.max, lang),
                                    scale.integer_only ? ctx.tr(", bilangan bulat", ", whole numbers") : "");
      if (!scale.points.empty()) {
        std::vector<std::string> points;
        for (const auto& p : scale.points) points.push_back(fmt::format("{} {}", format_decimal(p.value, lang), ctx.tr(p.label)));
        out += ": " + fmt::format("{}", fmt::join(points, " · "));
      }
      return out;
    }
    case ScaleKind::yes_no:
      return fmt::format("{}: {} → {}, {} → {}", ctx.tr("ya/tidak", "yes/no"), fmt::join(scale.yes_words, "/"), format_decimal(scale.yes_score, lang),
                         fmt::join(scale.no_words, "/"), format_decimal(scale.no_score, lang));
    case ScaleKind::numeric:
      if (!scale.has_goalposts) {
        return fmt::format("{}, {}; {}", ctx.tr("numerik", "numeric"),
                           scale.direction == Direction::higher_is_better ? ctx.tr("makin tinggi makin baik", "higher is better")
                                                                          : ctx.tr("makin rendah makin baik", "lower is better"),
                           ctx.tr("dinormalisasi antar-unit (treatment)", "normalised across units (treatment)"));
      }
      return fmt::format("{}, {}; goalposts {}–{} → {}–{}", ctx.tr("numerik", "numeric"),
                         scale.direction == Direction::higher_is_better ? ctx.tr("makin tinggi makin baik", "higher is better")
                                                                        : ctx.tr("makin rendah makin baik", "lower is better"),
                         format_decimal(scale.low_goalpost, lang), format_decimal(scale.high_goalpost, lang), format_decimal(fw.score.min, lang),
                         format_decimal(fw.score.max, lang));
    case ScaleKind::categorical: {
      std::vector<std::string> items;
      for (const auto& c : scale.categories) items.push_back(fmt::format("{} → {}", c.answer, format_decimal(c.score, lang)));
      return fmt::format("{}: {}", ctx.tr("kategori", "categorical"), fmt::join(items, " · "));
    }
  }
  return "";
}

}  // namespace

std::string format_decimal(const Decimal& d, Lang lang) {
  std::string s = d.to_string();
  if (lang == Lang::id) std::replace(s.begin(), s.end(), '.', ',');
  return s;
}

std::string format_share(double share, Lang lang) {
  std::string s = fmt::format("{:.2f}%", share * 100.0);
  if (lang == Lang::id) std::replace(s.begin(), s.end(), '.', ',');
  return s;
}

std::string render_framework_list(const std::vector<FrameworkSummary>& frameworks, const CliContext& ctx) {
  std::vector<std::vector<std::string>> rows;
  rows.push_back({"ID", ctx.tr("VERSI", "VERSION"), "STATUS", ctx.tr("INDIKATOR", "INDICATORS"), ctx.tr("JUDUL", "TITLE")});
  for (const auto& f : frameworks) {
    rows.push_back({f.id, f.version, ctx.tr(status_label(f.status)), std::to_string(f.indicators), ctx.tr(f.title)});
  }
  std::vector<std::size_t> width(rows[0].size(), 0);
  for (const auto& row : rows) {
    for (std::size_t c = 0; c + 1 < row.size(); ++c) width[c] = std::max(width[c], row[c].size());
  }
  std::string out;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    std::string line;
    for (std::size_t c = 0; c < rows[r].size(); ++c) {
      line += c + 1 < rows[r].size() ? pad_right(rows[r][c], width[c] + 2) : rows[r][c];
    }
    out += (r == 0 ? ctx.bold(line) : line) + "\n";
  }
  return out;
}

std::string render_framework_text(const Framework& fw, int profile, const CliContext& ctx) {
  Lang lang = ctx.lang;
  EffectiveWeights weights = effective_weights(fw, profile);
  std::string out;
  auto line = [&out](const std::string& s) { out += s + "\n"; };

  line(ctx.bold(fmt::format("{} — {}", fw.id, ctx.tr(fw.title))));
  line(fmt::format("{}: {} · Status: {}", ctx.tr("Versi", "Version"), fw.version, ctx.tr(status_label(fw.provenance.status))));
  if (!fw.description.empty()) line(ctx.tr(fw.description));
  std::string input = fw.input.kind == InputKind::units         ? ctx.tr("satu baris per unit", "one row per unit")
                      : fw.input.kind == InputKind::respondents ? ctx.tr("satu baris per responden", "one row per respondent")
                                                                : ctx.tr("per unit atau per responden", "per unit or per respondent");
  line(fmt::format("{}: {} ({} {})", ctx.tr("Masukan", "Input"), input, ctx.tr("kolom unit", "unit column"), fw.input.unit_column.name));
  if (!fw.input.provinces.empty()) {
    std::vector<std::string> names;
    for (const std::string& code : fw.input.provinces) {
      if (auto p = RegionTable::builtin().find_code(code)) names.push_back(RegionTable::builtin().describe(*p));
    }
    line(fmt::format("{}: {}", ctx.tr("Cakupan studi", "Study scope"), fmt::join(names, ", ")));
  }
  if (fw.respondents) {
    const RespondentSpec& r = *fw.respondents;
    std::string groups;
    for (const auto& g : r.groups)
      groups += fmt::format("{}{} ({} {})", groups.empty() ? "" : ", ", ctx.tr(g.name), ctx.tr("bobot", "weight"), format_decimal(g.weight, lang));
    line(fmt::format("{}: {}; {} {}{}", ctx.tr("Responden", "Respondents"),
                     r.combine == CombineMethod::median ? ctx.tr("median", "median") : ctx.tr("rata-rata", "mean"), ctx.tr("minimal", "at least"),
                     r.min_respondents,
                     groups.empty() ? "" : fmt::format("; {}: {} {}", ctx.tr("kelompok", "groups"), groups, status_mark(r.provenance.status, ctx))));
  }
  line(fmt::format("{}: {}–{}, {} {}, {}{}", ctx.tr("Skor", "Score"), format_decimal(fw.score.min, lang), format_decimal(fw.score.max, lang),
                   fw.score.decimals, ctx.tr("desimal", "decimals"), ctx.tr("dibulatkan setengah ke atas", "rounded half up"),
                   fw.score.percent ? ctx.tr("; juga skala 0–100", "; also on 0–100") : ""));
  const Aggregation& agg = fw.root().aggregation;
  line(fmt::format("{}: {}; {} {}", ctx.tr("Agregasi", "Aggregation"), aggregation_label(agg.method).in(ctx.lang),
                   ctx.tr("cakupan bobot minimum", "minimum weight coverage"), format_share(agg.min_coverage.to_double(), lang)));
  std::string profiles = "default";
  for (const auto& p : fw.profiles) profiles += ", " + p.id;
  line(fmt::format("{}: {} ({}: {})", ctx.tr("Profil bobot", "Weight profile"), profile < 0 ? "default" : fw.profiles[std::size_t(profile)].id,
                   ctx.tr("tersedia", "available"), profiles));
  if (profile >= 0) {
    const WeightProfile& p = fw.profiles[std::size_t(profile)];
    line(fmt::format("  {} {}", ctx.tr(p.name), status_mark(p.provenance.status, ctx)));
  }

  line("");
  line(ctx.bold(ctx.tr("Skala", "Scales")));
  for (const auto& scale : fw.scales) {
    line(fmt::format("  {} {}: {}", scale.id, status_mark(scale.provenance.status, ctx), scale_summary(scale, fw, ctx)));
  }

  for (const auto& set : fw.band_sets) {
    line("");
    std::vector<std::string> depths;
    for (int d : set.depths) depths.push_back(d == 0 ? ctx.tr("indeks", "index") : std::to_string(d));
    line(ctx.bold(fmt::format("{} ({}: {}) {}", ctx.tr(set.name), ctx.tr("berlaku pada", "applies to"), fmt::join(depths, ", "),
                              status_mark(set.provenance.status, ctx))));
    for (auto it = set.bands.rbegin(); it != set.bands.rend(); ++it) {
      bool top = it == set.bands.rbegin();
      line(fmt::format("  {} {} – {}{}", pad_right(ctx.tr(it->label), 24), format_decimal(it->from, lang), top ? "" : "<",
                       format_decimal(it->to, lang)));
    }
  }

  for (const auto& facet : fw.facets) {
    line("");
    line(ctx.bold(fmt::format("Facet {} — {} {}", facet.id, ctx.tr(facet.name), status_mark(facet.provenance.status, ctx))));
    for (const auto& value : facet.values) {
      int depth = 0;
      for (int p = value.parent; p >= 0; p = facet.values[std::size_t(p)].parent) ++depth;
      line(fmt::format("  {}{} {}", std::string(std::size_t(depth) * 2, ' '), value.id, ctx.tr(value.name)));
    }
  }

  line("");
  line(ctx.bold(fmt::format("{} ({} {})", ctx.tr("Pohon", "Tree"), fw.leaves.size(), ctx.tr("indikator", "indicators"))));
  line(ctx.dim(fmt::format("  {} {} {}", pad_right(ctx.tr("BOBOT", "WEIGHT"), 8), pad_right(ctx.tr("PORSI", "SHARE"), 8), ctx.tr("SIMPUL", "NODE"))));
  for (std::size_t i = 1; i < fw.nodes.size(); ++i) {
    const Node& node = fw.nodes[i];
    std::string text = fmt::format("{}{}  {}", std::string(std::size_t(node.depth - 1) * 2, ' '), node.id, ctx.tr(node.name));
    // Mark where the status changes, so a derived weight stands out.
    if (node.provenance.status != fw.nodes[std::size_t(node.parent)].provenance.status) {
      text += " " + status_mark(node.provenance.status, ctx);
    }
    if (node.is_leaf()) {
      const Scale& scale = fw.scales[std::size_t(node.scale)];
      text += ctx.dim(fmt::format(
          "  ← {} {}{}, {} {}", ctx.tr("kolom", "column"), node.column.name,
          node.column.aliases.empty() || ctx.verbosity != Verbosity::verbose ? "" : fmt::format(" ({})", fmt::join(node.column.aliases, ", ")),
          ctx.tr("skala", "scale"), scale.id));
      if (node.reverse) text += ctx.dim(ctx.tr(", dibalik", ", reverse-keyed"));
      for (const auto& [facet, value] : node.facet_values) {
        text += ctx.dim(fmt::format(", {}={}", fw.facets[std::size_t(facet)].id, fw.facets[std::size_t(facet)].values[std::size_t(value)].id));
      }
    } else if (!node.column.empty() && ctx.verbosity == Verbosity::verbose) {
      text += ctx.dim(fmt::format("  ← {} {} ({})", ctx.tr("kolom", "column"), node.column.name, ctx.tr("nilai diberikan", "value given")));
    }
    if (node.aggregation.method != agg.method || !(node.aggregation.min_coverage == agg.min_coverage)) {
      if (!node.children.empty()) {
        text += ctx.dim(fmt::format("  [{}, {} {}]", aggregation_key(node.aggregation.method), ctx.tr("cakupan", "coverage"),
                                    format_share(node.aggregation.min_coverage.to_double(), lang)));
      }
    }
    line(fmt::format("  {} {} {}", pad_right(format_decimal(weights.weight[i], lang), 8), pad_right(format_share(weights.share[i], lang), 8), text));
  }
  double leaf_total = 0;
  for (int leaf : fw.leaves) leaf_total += weights.share[std::size_t(leaf)];
  line(fmt::format("  {} {} {}", pad_right("", 8), pad_right(format_share(leaf_total, lang), 8),
                   ctx.tr("jumlah porsi indikator", "sum of indicator shares")));

  if (!fw.sources.empty()) {
    line("");
    line(ctx.bold(ctx.tr("Sumber", "Sources")));
    for (const auto& s : fw.sources) {
      line(fmt::format("  [{}] {} {}{}", s.id, s.citation, status_mark(s.status, ctx), s.url.empty() ? "" : "\n      " + s.url));
    }
  }
  return out;
}

}  // namespace siap::cli
