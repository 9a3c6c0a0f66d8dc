#include "framework/framework_validator.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <numeric>

#include "siap/folding.hpp"
#include "siap/limits.hpp"

namespace siap {
namespace {

bool is_hex_color(const std::string& s) {
  if (s.size() != 7 || s[0] != '#') return false;
  return std::all_of(s.begin() + 1, s.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; });
}

class Validator {
 public:
  Validator(Framework& fw, const FrameworkLayout& layout, YamlReader& reader) : fw_(fw), layout_(layout), reader_(reader) {}

  void run() {
    check_scales();
    check_bands();
    check_nodes();
    check_columns();
    check_respondents();
  }

 private:
  bool in_score_range(const Decimal& d) const { return d >= fw_.score.min && d <= fw_.score.max; }
  std::string range_text() const { return fmt::format("[{}, {}]", fw_.score.min.to_string(), fw_.score.max.to_string()); }

  const YamlSite* site(const std::unordered_map<std::string, std::vector<YamlSite>>& sites, const std::string& id, std::size_t i) const {
    auto it = sites.find(id);
    if (it == sites.end() || i >= it->second.size()) return nullptr;
    return &it->second[i];
  }

  void scale_error(const Scale& scale, const YamlSite* at, LocalizedText message) {
    if (at != nullptr) {
      reader_.error(at->first, at->second, std::move(message));
    } else {
      auto index = std::size_t(&scale - fw_.scales.data());
      reader_.error(scale.where, fmt::format("scales[{}]", index), std::move(message));
    }
  }

  void check_scales() {
    for (auto& scale : fw_.scales) {
      switch (scale.kind) {
        case ScaleKind::ordinal:
        case ScaleKind::likert:
          check_ordinal(scale);
          break;
        case ScaleKind::yes_no:
          for (const Decimal* score : {&scale.yes_score, &scale.no_score}) {
            if (!in_score_range(*score)) {
              scale_error(scale, nullptr,
                          {fmt::format("skor {} skala '{}' di luar rentang skor {}", score->to_string(), scale.id, range_text()),
                           fmt::format("score {} of scale '{}' is outside the score range {}", score->to_string(), scale.id, range_text())});
            }
          }
          break;
        case ScaleKind::numeric:
          break;
        case ScaleKind::categorical:
          check_categories(scale);
          break;
      }
    }
  }

  void check_ordinal(Scale& scale) {
    if (!(scale.min < scale.max)) {
      scale_error(scale, nullptr,
                  {fmt::format("skala '{}': max ({}) harus lebih besar dari min ({})", scale.id, scale.max.to_string(), scale.min.to_string()),
                   fmt::format("scale '{}': max ({}) must be greater than min ({})", scale.id, scale.max.to_string(), scale.min.to_string())});
      return;
    }
    if (!in_score_range(scale.min) || !in_score_range(scale.max)) {
      scale_error(scale, nullptr,
                  {fmt::format("skala '{}' ({} sampai {}) di luar rentang skor {}; jawaban ordinal adalah skornya sendiri", scale.id,
                               scale.min.to_string(), scale.max.to_string(), range_text()),
                   fmt::format("scale '{}' ({} to {}) lies outside the score range {}; an ordinal answer is its own score", scale.id,
                               scale.min.to_string(), scale.max.to_string(), range_text())});
    }
    if (scale.integer_only && (!scale.min.is_integer() || !scale.max.is_integer())) {
      scale_error(scale, nullptr,
                  {fmt::format("skala bilangan bulat '{}' memerlukan min dan max bulat", scale.id),
                   fmt::format("integer scale '{}' needs whole-number min and max", scale.id)});
    }
    for (std::size_t i = 0; i < scale.points.size(); ++i) {
      const ScalePoint& point = scale.points[i];
      const YamlSite* at = site(layout_.scale_points, scale.id, i);
      if (point.value < scale.min || point.value > scale.max) {
        scale_error(scale, at,
                    {fmt::format("tingkat {} di luar skala {} sampai {}", point.value.to_string(), scale.min.to_string(), scale.max.to_string()),
                     fmt::format("level {} is outside the scale's {} to {}", point.value.to_string(), scale.min.to_string(), scale.max.to_string())});
      } else if (scale.integer_only && !point.value.is_integer()) {
        scale_error(scale, at,
                    {fmt::format("tingkat {} bukan bilangan bulat pada skala bilangan bulat", point.value.to_string()),
                     fmt::format("level {} is not a whole number on an integer scale", point.value.to_string())});
      }
      for (std::size_t j = 0; j < i; ++j) {
        if (scale.points[j].value == point.value) {
          scale_error(scale, at,
                      {fmt::format("tingkat {} didefinisikan dua kali", point.value.to_string()),
                       fmt::format("level {} is defined twice", point.value.to_string())});
        }
      }
    }
    std::stable_sort(scale.points.begin(), scale.points.end(), [](const ScalePoint& a, const ScalePoint& b) { return a.value < b.value; });
  }

  void check_categories(const Scale& scale) {
    for (std::size_t i = 0; i < scale.categories.size(); ++i) {
      const CategoryScore& c = scale.categories[i];
      const YamlSite* at = site(layout_.categories, scale.id, i);
      if (!in_score_range(c.score)) {
        scale_error(scale, at,
                    {fmt::format("skor {} untuk '{}' di luar rentang skor {}", c.score.to_string(), c.answer, range_text()),
                     fmt::format("score {} for '{}' is outside the score range {}", c.score.to_string(), c.answer, range_text())});
      }
      for (std::size_t j = 0; j < i; ++j) {
        if (fold_header(scale.categories[j].answer) == fold_header(c.answer)) {
          scale_error(scale, at,
                      {fmt::format("jawaban '{}' sama dengan '{}' (huruf besar/kecil dan spasi diabaikan)", c.answer, scale.categories[j].answer),
                       fmt::format("answer '{}' is the same as '{}' (case and spacing are ignored)", c.answer, scale.categories[j].answer)});
        }
      }
    }
  }

  void check_bands() {
    int max_depth = 0;
    for (const auto& node : fw_.nodes) max_depth = std::max(max_depth, node.depth);
    std::vector<std::size_t> sets_at(std::size_t(max_depth) + 1, 0);
    for (std::size_t s = 0; s < fw_.band_sets.size(); ++s) {
      BandSet& set = fw_.band_sets[s];
      const YamlSite& set_site = layout_.band_sets[s];
      const std::vector<YamlSite>& sites = layout_.bands[s];
      for (int depth : set.depths) {
        if (depth > max_depth) {
          reader_.error(set_site.first, set_site.second + ".depths",
                        {fmt::format("kedalaman {} tidak ada; pohon ini paling dalam {} (0 = indeks keseluruhan)", depth, max_depth),
                         fmt::format("depth {} does not exist; this tree is {} deep (0 = the overall index)", depth, max_depth)});
        } else if (++sets_at[std::size_t(depth)] == limits::kMaxBandSetsPerDepth + 1) {
          reader_.error(set_site.first, set_site.second + ".depths",
                        {fmt::format("lebih dari {} himpunan predikat pada kedalaman {}", limits::kMaxBandSetsPerDepth, depth),
                         fmt::format("more than {} band sets at depth {}", limits::kMaxBandSetsPerDepth, depth)});
        }
      }
      if (set.bands.size() > limits::kMaxBandsPerSet) {
        reader_.error(set_site.first, set_site.second + ".ranges",
                      {fmt::format("{} predikat; paling banyak {} dalam satu himpunan", set.bands.size(), limits::kMaxBandsPerSet),
                       fmt::format("{} bands; at most {} in one set", set.bands.size(), limits::kMaxBandsPerSet)});
        continue;
      }
      if (s < layout_.band_sets_complete.size() && !layout_.band_sets_complete[s]) continue;
      if (set.bands.empty()) {
        reader_.error(set_site.first, set_site.second + ".ranges", {"himpunan predikat tanpa rentang", "band set has no ranges"});
        continue;
      }
      std::vector<std::size_t> order(set.bands.size());
      std::iota(order.begin(), order.end(), 0);
      bool well_formed = true;
      for (std::size_t b = 0; b < set.bands.size(); ++b) {
        const Band& band = set.bands[b];
        if (!(band.from < band.to)) {
          well_formed = false;
          reader_.error(
              sites[b].first, sites[b].second,
              {fmt::format("predikat '{}': 'from' ({}) harus lebih kecil dari 'to' ({})", band.id, band.from.to_string(), band.to.to_string()),
               fmt::format("band '{}': 'from' ({}) must be less than 'to' ({})", band.id, band.from.to_string(), band.to.to_string())});
        }
        if (!band.color.empty() && !is_hex_color(band.color)) {
          reader_.error(
              sites[b].first, sites[b].second + ".color",
              {fmt::format("warna '{}' tidak valid; gunakan #RRGGBB", band.color), fmt::format("invalid color '{}'; use #RRGGBB", band.color)});
        }
      }
      if (!well_formed) continue;
      std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return set.bands[a].from < set.bands[b].from; });
      const Band& lowest = set.bands[order.front()];
      const Band& highest = set.bands[order.back()];
      if (lowest.from > fw_.score.min) {
        reader_.error(
            sites[order.front()].first, sites[order.front()].second + ".from",
            {fmt::format("skor dari {} hingga kurang dari {} tidak masuk predikat mana pun", fw_.score.min.to_string(), lowest.from.to_string()),
             fmt::format("scores from {} up to {} fall in no band", fw_.score.min.to_string(), lowest.from.to_string())});
      }
      if (highest.to < fw_.score.max) {
        reader_.error(sites[order.back()].first, sites[order.back()].second + ".to",
                      {fmt::format("skor di atas {} sampai {} tidak masuk predikat mana pun", highest.to.to_string(), fw_.score.max.to_string()),
                       fmt::format("scores above {} up to {} fall in no band", highest.to.to_string(), fw_.score.max.to_string())});
      }
      for (std::size_t k = 1; k < order.size(); ++k) {
        const Band& below = set.bands[order[k - 1]];
        const Band& above = set.bands[order[k]];
        const YamlSite& at = sites[order[k]];
        if (below.to < above.from) {
          reader_.error(at.first, at.second + ".from",
                        {fmt::format("celah antara predikat '{}' dan '{}': skor dari {} hingga kurang dari {} tidak masuk predikat mana pun",
                                     below.id, above.id, below.to.to_string(), above.from.to_string()),
                         fmt::format("gap between bands '{}' and '{}': scores from {} up to {} fall in no band", below.id, above.id,
                                     below.to.to_string(), above.from.to_string())});
        } else if (below.to > above.from) {
          reader_.error(at.first, at.second + ".from",
                        {fmt::format("predikat '{}' dan '{}' tumpang tindih: skor dari {} hingga kurang dari {} masuk keduanya", below.id, above.id,
                                     above.from.to_string(), below.to.to_string()),
                         fmt::format("bands '{}' and '{}' overlap: scores from {} up to {} fall in both", below.id, above.id, above.from.to_string(),
                                     below.to.to_string())});
        }
      }
      std::vector<Band> sorted;
      for (std::size_t i : order) sorted.push_back(set.bands[i]);
      set.bands = std::move(sorted);
    }
  }

  // The lowest value a node can take, and the leaf that gives it: a
  // treated leaf's output range starts at its range's low end, any other
  // leaf at score.min; a mean is never below its lowest child.
  std::pair<Decimal, int> lowest(int n) const {
    const Node& node = fw_.nodes[std::size_t(n)];
    if (node.children.empty()) return {node.treatment ? node.treatment->range_low : fw_.score.min, n};
    std::pair<Decimal, int> low{fw_.score.max, -1};
    for (int c : node.children) {
      auto child = lowest(c);
      if (low.second < 0 || child.first < low.first) low = child;
    }
    return low;
  }

  static std::string node_name(const Node& node) { return node.parent < 0 ? "index" : node.id; }

  void check_treatment(const Node& leaf) {
    const Treatment& t = *leaf.treatment;
    const std::string path = leaf.path + ".treatment";
    if (t.denominator == Denominator::column && fw_.input.kind != InputKind::units) {
      reader_.error(leaf.where, path + ".denominator",
                    {"penyebut dari kolom memerlukan input.kind: units (satu baris per unit)",
                     "a denominator column needs input.kind: units (one row per unit)"});
    }
    if (!normaliser_has_range(t.normalise)) {
      reader_.error(leaf.where, path,
                    {fmt::format("normalise: {} memberi nilai di luar rentang skor {} (tanpa batas); pakai minmax atau percentile_rank, atau "
                                 "jadikan {} alternatif dalam analisis ketidakpastian (siap uncertainty)",
                                 normaliser_key(t.normalise), range_text(), normaliser_key(t.normalise)),
                     fmt::format("normalise: {} gives values outside the score range {} (it has none); use minmax or percentile_rank, or "
                                 "make {} an alternative in an uncertainty analysis (siap uncertainty)",
                                 normaliser_key(t.normalise), range_text(), normaliser_key(t.normalise))});
    } else if (!in_score_range(t.range_low) || !in_score_range(t.range_high)) {
      reader_.error(
          leaf.where, path + ".range",
          {fmt::format("range [{}, {}] harus berada di dalam rentang skor {}", t.range_low.to_string(), t.range_high.to_string(), range_text()),
           fmt::format("range [{}, {}] must lie within the score range {}", t.range_low.to_string(), t.range_high.to_string(), range_text())});
    }
  }

  void check_nodes() {
    for (const auto& node : fw_.nodes) {
      if (node.is_leaf() && node.treatment) check_treatment(node);
    }
    for (const auto& node : fw_.nodes) {
      if (needs_positive_values(node.aggregation.method, node.aggregation.power) && !node.children.empty()) {
        auto [low, leaf] = lowest(int(&node - fw_.nodes.data()));
        if (low <= Decimal::from_int(0)) {
          const Node& at = fw_.nodes[std::size_t(leaf)];
          const std::string method = aggregation_key(node.aggregation.method);
          const std::string path = node.parent < 0 ? "aggregation" : node.path + ".aggregation";
          if (at.treatment) {
            // Where the fix goes: the indicator's treatment.
            reader_.error(at.where, at.path + ".treatment",
                          {fmt::format("rata-rata {} pada '{}' memerlukan nilai positif, tetapi indikator '{}' dinormalisasi ke [{}, {}]; "
                                       "tetapkan 'range' yang dimulai di atas 0 pada treatment-nya, misalnya range: [1, {}]",
                                       method, node_name(node), at.id, at.treatment->range_low.to_string(), at.treatment->range_high.to_string(),
                                       at.treatment->range_high.to_string()),
                           fmt::format("the {} mean of '{}' needs positive values, but indicator '{}' is normalised onto [{}, {}]; "
                                       "give its treatment a 'range' starting above 0, for example range: [1, {}]",
                                       method, node_name(node), at.id, at.treatment->range_low.to_string(), at.treatment->range_high.to_string(),
                                       at.treatment->range_high.to_string())});
          } else {
            reader_.error(node.where, path,
                          {fmt::format("rata-rata {} memerlukan skor positif, tetapi score.min adalah {}", method, fw_.score.min.to_string()),
                           fmt::format("a {} mean needs positive scores, but score.min is {}", method, fw_.score.min.to_string())});
          }
        }
      }
      if (node.is_leaf() && node.reverse && node.scale >= 0) {
        const Scale& scale = fw_.scales[std::size_t(node.scale)];
        if (scale.kind != ScaleKind::ordinal && scale.kind != ScaleKind::likert && scale.kind != ScaleKind::categorical) {
          reader_.error(node.where, node.path + ".reverse",
                        {fmt::format("'reverse' hanya untuk skala ordinal, likert atau kategorikal; skala '{}' bertipe {}", scale.id,
                                     scale_kind_key(scale.kind)),
                         fmt::format("'reverse' applies only to ordinal, likert or categorical scales; scale '{}' is {}", scale.id,
                                     scale_kind_key(scale.kind))});
        }
      }
      if (node.is_leaf()) {
        for (const auto& [facet, value] : node.facet_values) {
          const Facet& f = fw_.facets[std::size_t(facet)];
          const FacetValue& v = f.values[std::size_t(value)];
          if (!v.children.empty()) {
            std::vector<std::string> names;
            for (int child : v.children) names.push_back(f.values[std::size_t(child)].id);
            std::string list = fmt::format("{}", fmt::join(names, ", "));
            reader_.error(node.where, node.path + ".facets." + f.id,
                          {fmt::format("nilai facet '{}' memiliki sub-nilai; tandai daun dengan salah satu dari: {}", v.id, list),
                           fmt::format("facet value '{}' has sub-values; tag the leaf with one of: {}", v.id, list)});
          }
        }
      }
    }
  }

  void check_columns() {
    // Every header must lead to exactly one place: a node or an input role.
    struct Owner {
      std::string what;
      SourceLocation where;
    };
    std::unordered_map<std::string, Owner> owners;
    auto claim = [&](const std::string& header, const std::string& what, const SourceLocation& where, const std::string& path) {
      if (header.empty()) return;
      auto [it, inserted] = owners.emplace(fold_header(header), Owner{what, where});
      if (!inserted && it->second.what != what) {
        int line = it->second.where.line;
        reader_.error(where, path,
                      {fmt::format("kolom '{}' sudah dipakai oleh {}{}", header, it->second.what, line > 0 ? fmt::format(" (baris {})", line) : ""),
                       fmt::format("column '{}' is already used by {}{}", header, it->second.what, line > 0 ? fmt::format(" (line {})", line) : "")});
      }
    };
    auto claim_spec = [&](const ColumnSpec& spec, const std::string& what, const SourceLocation& where, const std::string& path) {
      claim(spec.name, what, where, path);
      for (const auto& alias : spec.aliases) claim(alias, what, where, path);
    };
    SourceLocation file{fw_.where.file, 0, 0};
    claim_spec(fw_.input.unit_column, "input.unit_column", file, "input.unit_column");
    claim_spec(fw_.input.respondent_id_column, "input.respondent_id_column", file, "input.respondent_id_column");
    claim_spec(fw_.input.group_column, "input.group_column", file, "input.group_column");
    for (const auto& node : fw_.nodes) {
      if (node.parent < 0) continue;
      claim_spec(node.column, fmt::format("'{}'", node.id), node.where, node.path + ".column");
    }
  }

  void check_respondents() {
    if (!fw_.respondents) return;
    const RespondentSpec& spec = *fw_.respondents;
    if (!spec.groups.empty() && fw_.input.group_column.empty()) {
      reader_.error(fw_.where, "input.group_column",
                    {"kelompok responden didefinisikan tetapi input.group_column tidak ada",
                     "respondent groups are defined but input.group_column is missing"});
    }
  }

  Framework& fw_;
  const FrameworkLayout& layout_;
  YamlReader& reader_;
};

}  // namespace

void validate_framework(Framework& fw, const FrameworkLayout& layout, YamlReader& reader) {
  if (fw.nodes.empty()) return;
  Validator(fw, layout, reader).run();
}

}  // namespace siap
