#include "report/report_view.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

#include "siap/effective_weights.hpp"

namespace siap::report {

std::vector<int> profile_axes(const Framework& fw) {
  const auto& top = fw.root().children;
  if (top.size() >= 3) return top;
  std::vector<int> second;
  for (int t : top) {
    const Node& node = fw.nodes[std::size_t(t)];
    if (node.children.empty()) second.push_back(t);
    for (int c : node.children) second.push_back(c);
  }
  return second.size() >= 3 ? second : top;
}

std::vector<int> element_nodes(const Framework& fw) {
  std::vector<int> out;
  for (std::size_t n = 0; n < fw.nodes.size(); ++n) {
    if (fw.nodes[n].depth == 2) out.push_back(int(n));
  }
  return out.empty() ? fw.root().children : out;
}

Extremes extremes(const Assessment& assessment, const UnitResult& result, std::size_t count) {
  const Framework& fw = *assessment.framework;
  std::vector<int> scored;
  for (int n : element_nodes(fw)) {
    if (result.nodes[std::size_t(n)].assessed) scored.push_back(n);
  }
  auto exact = [&](int n) -> const Number& { return assessment.exact(result.nodes[std::size_t(n)]); };
  std::stable_sort(scored.begin(), scored.end(), [&](int a, int b) { return exact(b) < exact(a); });
  Extremes out;
  std::size_t k = std::min(count, scored.size() / 2);
  out.strongest.assign(scored.begin(), scored.begin() + std::ptrdiff_t(k));
  for (std::size_t i = 0; i < k; ++i) out.weakest.push_back(scored[scored.size() - 1 - i]);
  return out;
}

const BandSet* overall_band_set(const Framework& fw) {
  auto sets = fw.band_sets_at(0);
  return sets.empty() ? nullptr : &fw.band_sets[std::size_t(sets[0])];
}

const Band* band_of(const Framework& fw, int node, const NodeScore& score) {
  if (!score.assessed || score.bands.empty() || score.bands[0] < 0) return nullptr;
  auto sets = fw.band_sets_at(fw.nodes[std::size_t(node)].depth);
  if (sets.empty()) return nullptr;
  return &fw.band_sets[std::size_t(sets[0])].bands[std::size_t(score.bands[0])];
}

std::optional<std::string> band_color_of(const Framework& fw, int node, const NodeScore& score) {
  const Band* band = band_of(fw, node, score);
  if (!band) return std::nullopt;
  const BandSet& set = fw.band_sets[std::size_t(fw.band_sets_at(fw.nodes[std::size_t(node)].depth)[0])];
  return band_color(set, std::size_t(band - set.bands.data()));
}

std::string band_color(const BandSet& set, std::size_t band) {
  const std::string& given = set.bands[band].color;
  // The loader accepts only #RRGGBB; checked again because the colour goes
  // into HTML and XLSX attributes.
  if (given.size() == 7 && given[0] == '#' &&
      std::all_of(given.begin() + 1, given.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); })) {
    return given;
  }
  // Bands are ascending: the lowest red, the highest green (ColorBrewer RdYlGn ends).
  static const int low[3] = {0xD7, 0x30, 0x27}, mid[3] = {0xFF, 0xFF, 0xBF}, high[3] = {0x1A, 0x98, 0x50};
  double t = set.bands.size() > 1 ? double(band) / double(set.bands.size() - 1) : 1.0;
  int rgb[3];
  for (int i = 0; i < 3; ++i) {
    rgb[i] = t < 0.5 ? int(low[i] + (mid[i] - low[i]) * t * 2) : int(mid[i] + (high[i] - mid[i]) * (t - 0.5) * 2);
  }
  return fmt::format("#{:02X}{:02X}{:02X}", rgb[0], rgb[1], rgb[2]);
}

std::string text_color_on(std::string_view background) {
  unsigned r = 255, g = 255, b = 255;
  if (background.size() == 7) std::sscanf(std::string(background).c_str(), "#%02x%02x%02x", &r, &g, &b);
  // Relative luminance (sRGB approximation) against the midpoint.
  double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return y < 140 ? "#FFFFFF" : "#000000";
}

std::string node_path(const Framework& fw, int node, Lang lang) {
  std::vector<int> chain;
  for (int n = node; n > 0; n = fw.nodes[std::size_t(n)].parent) chain.push_back(n);
  std::string out;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    if (!out.empty()) out += " › ";
    out += fw.nodes[std::size_t(*it)].name.in(lang);
  }
  return out;
}

std::vector<const UnitResult*> profile_units(const Assessment& a, const ReportOptions& options) {
  std::vector<const UnitResult*> out;
  if (!options.profile_units.empty()) {
    for (const auto& r : a.results) {
      if (std::find(options.profile_units.begin(), options.profile_units.end(), r.unit) != options.profile_units.end()) out.push_back(&r);
    }
    return out;
  }
  for (const auto& r : a.results) {
    if (r.assessed && out.size() < options.profile_limit) out.push_back(&r);
  }
  return out;
}

std::string study_title(const Assessment& a, const ReportOptions& options) {
  return options.title.empty() ? a.framework->title.in(options.lang) : options.title;
}

std::size_t assessed_count(const Assessment& a) {
  return std::size_t(std::count_if(a.results.begin(), a.results.end(), [](const UnitResult& r) { return r.assessed; }));
}

std::string province_name(const Unit& unit) { return unit.level == UnitLevel::provinsi ? "" : unit.province_name(); }

MethodView method_view(const Assessment& a, Lang lang) {
  const Framework& fw = *a.framework;
  EffectiveWeights weights = effective_weights(fw, a.profile);
  MethodView view;
  // A long questionnaire's items would fill pages; they are in the workbook's Method sheet.
  view.items_elsewhere = fw.leaves.size() > 24;
  for (std::size_t n = 1; n < fw.nodes.size(); ++n) {
    const Node& node = fw.nodes[n];
    MethodRow row;
    row.node = int(n);
    row.depth = node.depth;
    row.leaf = node.is_leaf();
    row.listed = !(row.leaf && node.depth > 1 && view.items_elsewhere);
    row.id = node.id;
    row.name = node.name.in(lang);
    row.weight = weights.weight[n];
    row.share = weights.share[n];
    if (!row.leaf) {
      switch (node.aggregation.method) {
        case AggregationMethod::arithmetic:
          row.aggregation = tr(lang, "rata-rata aritmetika", "arithmetic mean");
          break;
        case AggregationMethod::geometric:
          row.aggregation = tr(lang, "rata-rata geometrik", "geometric mean");
          break;
        case AggregationMethod::harmonic:
          row.aggregation = tr(lang, "rata-rata harmonik", "harmonic mean");
          break;
        case AggregationMethod::power:
          row.aggregation = fmt::format("{} p = {}", tr(lang, "rata-rata pangkat", "power mean"),
                                        node.aggregation.power.format(node.aggregation.power.scale(), lang == Lang::id ? ',' : '.'));
          break;
      }
    }
    row.status = status_label(node.provenance.status).in(lang);
    for (int src : node.provenance.sources) row.sources += (row.sources.empty() ? "" : ", ") + fw.sources[std::size_t(src)].id;
    view.tree.push_back(std::move(row));
  }
  return view;
}

SummaryView summary_view(const Assessment& a) {
  SummaryView view;
  view.rows_read = a.data->rows_read;
  view.rows_accepted = a.data->rows;
  view.rows_rejected = a.data->rows_rejected;
  view.cells_ignored = a.data->quality.count(IssueKind::cell_ignored);
  view.units = a.results.size();
  view.units_assessed = assessed_count(a);
  view.units_not_assessable = view.units - view.units_assessed;
  return view;
}

RankingView ranking_view(const Assessment& a) {
  const Framework& fw = *a.framework;
  RankingView view;
  view.columns = fw.root().children;
  for (const auto& r : a.results) {
    RankingRow row;
    row.result = &r;
    row.unit = &a.unit_of(r);
    row.province = province_name(*row.unit);
    row.band = band_of(fw, 0, r.nodes[0]);
    row.tier = rank_tier(*row.unit);
    view.several_provinces |= row.province != province_name(a.unit_of(a.results.front()));
    (r.assessed ? view.ranked : view.not_assessed).push_back(std::move(row));
  }
  // The assessment lists assessed units first in ranking order; a reader of
  // another tool's JSON might not, so the order is made sure of here.
  std::stable_sort(view.ranked.begin(), view.ranked.end(),
                   [](const RankingRow& x, const RankingRow& y) { return x.tier != y.tier ? x.tier < y.tier : x.result->rank < y.result->rank; });
  for (std::size_t i = 0; i < view.ranked.size(); ++i) {
    view.ranked[i].first_of_tier = i == 0 || view.ranked[i - 1].tier != view.ranked[i].tier;
    view.several_tiers |= i > 0 && view.ranked[i].first_of_tier;
  }
  return view;
}

ProfilesView profiles_view(const Assessment& a, const ReportOptions& options) {
  const Framework& fw = *a.framework;
  const Lang lang = options.lang;
  ProfilesView view;
  view.axes = profile_axes(fw);
  auto entry = [&](const UnitResult& r, int n) { return NodeEntry{n, fw.nodes[std::size_t(n)].name.in(lang), &r.nodes[std::size_t(n)]}; };
  const BandSet* overall = overall_band_set(fw);
  for (const UnitResult* r : profile_units(a, options)) {
    ProfileView p;
    p.result = r;
    p.unit = &a.unit_of(*r);
    p.band = band_of(fw, 0, r->nodes[0]);
    for (int n : view.axes) p.axes.push_back(entry(*r, n));
    if (r->gap_to_next_band && overall) p.next_band = &overall->bands[std::size_t(*r->next_band)];
    Extremes ex = extremes(a, *r);
    for (int n : ex.strongest) p.strongest.push_back(entry(*r, n));
    for (int n : ex.weakest) p.weakest.push_back(entry(*r, n));
    view.units.push_back(std::move(p));
  }
  view.top_only = options.profile_units.empty() && view.units.size() < assessed_count(a);
  return view;
}

QualityView quality_view(const Assessment& a) {
  QualityView view;
  view.files = &a.data->files;
  view.by_code = a.data->quality.by_code();
  view.problems = a.data->quality.problems();
  view.elided = a.data->quality.elided();
  return view;
}

std::string weight_profile_label(const Assessment& a, Lang lang) {
  if (a.profile < 0) return tr(lang, "bawaan (bobot pohon kerangka)", "default (the framework tree's weights)");
  const WeightProfile& profile = a.framework->profiles[std::size_t(a.profile)];
  return profile.name.empty() ? profile.id : fmt::format("{} ({})", profile.name.in(lang), profile.id);
}

std::string published_text(const Framework& fw, const NodeScore& score, Lang lang) {
  return score.assessed ? format_published(score.published, fw.score.decimals, lang) : "–";
}

std::string percent_text(double share, Lang lang) {
  std::string text = fmt::format("{:.2f} %", share * 100);
  if (lang == Lang::id) std::replace(text.begin(), text.end(), '.', ',');
  return text;
}

std::string count_text(std::size_t value, Lang lang) {
  std::string digits = std::to_string(value);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += lang == Lang::en ? ',' : '.';
    out += digits[i];
  }
  return out;
}

std::string estimate_text(double value, int decimals, Lang lang) {
  if (std::isnan(value)) return "–";
  return format_published(round_estimate(value, decimals), decimals, lang);
}

std::string interval_text(const Interval& interval, int decimals, Lang lang) {
  if (std::isnan(interval.low) || std::isnan(interval.high)) return "–";
  return estimate_text(interval.low, decimals, lang) + "–" + estimate_text(interval.high, decimals, lang);
}

std::string rank_interval_text(const UnitBootstrap& b, Lang lang) {
  if (b.ranked == 0) return "–";
  return fmt::format("{} ({}–{})", estimate_text(b.median_rank, b.median_rank == std::floor(b.median_rank) ? 0 : 1, lang), b.rank_low, b.rank_high);
}

UncertaintyView uncertainty_view(const Assessment& a, const ReportOptions& options) {
  UncertaintyView view;
  const BootstrapResult* boot = options.bootstrap;
  if (boot == nullptr) return view;
  view.result = boot;
  const Lang lang = options.lang;
  const Framework& fw = *a.framework;
  const BootstrapOptions& o = boot->options;
  view.confidence = estimate_text(o.confidence * 100, o.confidence * 100 == std::floor(o.confidence * 100) ? 0 : 1, lang) + " %";
  view.top_label = tr(lang, "P(peringkat ≤ ", "P(rank ≤ ") + std::to_string(o.top) + ")";
  const bool groups = fw.respondents && !fw.respondents->groups.empty();
  view.method = lang == Lang::en
                    ? fmt::format(
                          "Respondent bootstrap: {} resamples (seed {}); respondents are drawn with replacement within each region{}, and "
                          "every score is recomputed. {} confidence intervals: percentile and BCa (as R's boot computes them). Ranks: "
                          "the median and the 5th–95th percentile over the resamples (the JRC convention), within each kind of unit.",
                          count_text(o.resamples, lang), o.seed, groups ? " and each respondent group" : "", view.confidence)
                    : fmt::format(
                          "Bootstrap responden: {} sampel ulang (benih acak {}); responden diambil ulang dengan pengembalian di dalam setiap "
                          "wilayah{}, dan setiap skor dihitung ulang. Selang kepercayaan {}: persentil dan BCa (seperti dihitung paket R "
                          "boot). Peringkat: median dan persentil ke-5–95 atas sampel ulang (konvensi JRC), di dalam setiap jenis unit.",
                          count_text(o.resamples, lang), o.seed, groups ? " dan setiap kelompok responden" : "", view.confidence);
  for (std::size_t i = 0; i < a.results.size(); ++i) {
    const UnitResult& r = a.results[i];
    if (!r.assessed) continue;
    view.rows.push_back({&r, &a.unit_of(r), &boot->units[i], rank_tier(a.unit_of(r))});
  }
  const int decimals = fw.score.decimals;
  auto named = [&](std::size_t i) {
    const UnitResult& r = a.results[i];
    return fmt::format("{} ({})", a.unit_of(r).name, published_text(fw, r.nodes[0], lang));
  };
  for (const UnresolvedPair& pair : boot->unresolved) {
    // One decimal more than the scores: a difference's interval ending at
    // -0.004 must not read as 0.00.
    const std::string difference = interval_text(pair.difference, decimals + 1, lang);
    view.unresolved.push_back(lang == Lang::en ? fmt::format("{} and {} cannot be told apart at {} confidence: the interval of their difference, "
                                                             "{}, contains zero.",
                                                             named(pair.upper), named(pair.lower), view.confidence, difference)
                                               : fmt::format("{} dan {} tidak dapat dibedakan pada tingkat kepercayaan {}: selang selisihnya, {}, "
                                                             "memuat nol.",
                                                             named(pair.upper), named(pair.lower), view.confidence, difference));
  }
  if (view.unresolved.empty()) {
    view.resolved_all =
        tr(lang, "Setiap unit dapat dibedakan dari unit di bawahnya pada peringkat.", "Every unit can be told apart from the one ranked below it.");
  }
  return view;
}

}  // namespace siap::report
