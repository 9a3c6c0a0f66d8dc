// Reads a framework document into a Framework, resolving every reference by
// id as it goes (sources, scales, facets first; then the tree; then profiles,
// which name tree nodes). Whole-framework rules live in framework_validator.
#include "siap/framework_loader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

#include "framework/framework_validator.hpp"
#include "framework/yaml_guard.hpp"
#include "framework/yaml_reader.hpp"
#include "siap/edit_distance.hpp"
#include "siap/limits.hpp"
#include "siap/regions.hpp"
#include "siap/utf8.hpp"

namespace siap {
namespace {

constexpr int kNoScale = -1;
constexpr int kBrokenScale = -2;

const std::vector<std::string> kStatusKeys = {"official", "derived", "third-party", "project-defined"};

std::vector<std::string> keys_of(const std::unordered_map<std::string, int>& ids) {
  std::vector<std::string> out;
  for (const auto& [id, index] : ids) out.push_back(id);
  std::sort(out.begin(), out.end());
  return out;
}

class Loader {
 public:
  Loader(const std::string& file, Diagnostics& errors) : reader_(file, errors) {}

  void load(const YAML::Node& document, Framework& fw) {
    MapReader top(reader_, document, "",
                  {"schema", "id", "version", "title", "description", "status", "sources", "input", "respondents", "score", "aggregation", "scale",
                   "scales", "bands", "facets", "profiles", "tree", "treatment"});
    if (!top.valid()) return;
    fw.where = {reader_.file(), 0, 0};

    if (auto schema = reader_.string(top.required("schema"), "schema"); schema && *schema != kFrameworkSchema) {
      reader_.error(top.get("schema"), "schema",
                    {fmt::format("skema '{}' tidak didukung; siap ini membaca '{}'", *schema, kFrameworkSchema),
                     fmt::format("unsupported schema '{}'; this siap reads '{}'", *schema, kFrameworkSchema)});
    }
    if (auto id = reader_.identifier(top.required("id"), "id")) fw.id = *id;
    if (auto version = reader_.string(top.required("version"), "version")) fw.version = *version;
    if (auto title = reader_.text(top.required("title"), "title")) fw.title = *title;
    if (top.has("title") && top.get("title").IsScalar()) {
      reader_.error(top.get("title"), "title",
                    {"judul memerlukan kedua bahasa: {id: ..., en: ...}", "the title needs both languages: {id: ..., en: ...}"});
    }
    if (top.has("description")) fw.description = reader_.text(top.get("description"), "description").value_or(LocalizedText{});
    fw.provenance.status = status(top.required("status"), "status").value_or(Status::official);

    read_sources(top, fw);
    fw.provenance.sources = source_refs(top, fw);
    read_input(top, fw);
    read_score(top, fw);
    if (top.has("aggregation")) default_aggregation_ = aggregation(top.get("aggregation"), "aggregation", fw, default_aggregation_);
    if (top.has("treatment")) {
      Treatment base;
      base.range_low = fw.score.min;
      base.range_high = fw.score.max;
      default_treatment_ = treatment(top.get("treatment"), "treatment", base);
    }
    read_scales(top, fw);
    int default_scale = kNoScale;
    if (top.has("scale")) default_scale = scale_ref(top.get("scale"), "scale", fw).value_or(kBrokenScale);
    read_respondents(top, fw);
    read_facets(top, fw);
    read_tree(top, fw, default_scale);
    read_bands(top, fw);
    read_profiles(top, fw);
  }

 private:
  // --- small typed pieces -------------------------------------------------

  std::optional<Status> status(const YAML::Node& node, const std::string& path) {
    auto key = reader_.choice(node, path, {"status", "status"}, kStatusKeys);
    if (!key) return std::nullopt;
    if (*key == "official") return Status::official;
    if (*key == "derived") return Status::derived;
    if (*key == "third-party") return Status::third_party;
    return Status::project_defined;
  }

  // `status` and `sources` of an element; status defaults to the enclosing one.
  Provenance provenance(const MapReader& map, const Framework& fw, Status inherited) {
    Provenance p;
    p.status = map.has("status") ? status(map.get("status"), map.path_of("status")).value_or(inherited) : inherited;
    p.sources = source_refs(map, fw);
    return p;
  }

  std::vector<int> source_refs(const MapReader& map, const Framework& fw) {
    std::vector<int> out;
    if (!map.has("sources") || map.path().empty()) {
      // At the top level `sources` declares sources; the framework cites all.
      if (map.path().empty()) {
        for (std::size_t i = 0; i < fw.sources.size(); ++i) out.push_back(int(i));
      }
      return out;
    }
    YAML::Node list = map.get("sources");
    std::string path = map.path_of("sources");
    std::vector<std::string> names = reader_.string_list(list, path);
    for (std::size_t i = 0; i < names.size(); ++i) {
      auto it = source_ids_.find(names[i]);
      if (it != source_ids_.end()) {
        out.push_back(it->second);
      } else {
        unknown_ref(list.IsSequence() ? list[i] : list, list.IsSequence() ? index_path(path, i) : path, {"sumber", "source"}, names[i], source_ids_);
      }
    }
    return out;
  }

  void unknown_ref(const YAML::Node& at, const std::string& path, const LocalizedText& what, const std::string& name,
                   const std::unordered_map<std::string, int>& known) {
    if (reader_.full()) {
      reader_.error(at, path, {});  // only counted: no need to word it
      return;
    }
    if (auto suggestion = closest_match(name, keys_of(known))) {
      reader_.error(at, path,
                    {fmt::format("{} '{}' tidak dikenal; maksud Anda '{}'?", what.id, name, *suggestion),
                     fmt::format("unknown {} '{}'; did you mean '{}'?", what.en, name, *suggestion)});
    } else if (known.empty()) {
      reader_.error(at, path,
                    {fmt::format("{} '{}' tidak dikenal; belum ada {} yang didefinisikan", what.id, name, what.id),
                     fmt::format("unknown {} '{}'; no {} is defined", what.en, name, what.en)});
    } else {
      // A few known ids, not all of them: a framework may define thousands.
      std::vector<std::string> ids = keys_of(known);
      std::size_t shown = std::min(ids.size(), limits::kMaxListedCandidates);
      std::string some = fmt::format("{}", fmt::join(ids.begin(), ids.begin() + std::ptrdiff_t(shown), ", "));
      std::size_t rest = ids.size() - shown;
      reader_.error(at, path,
                    {fmt::format("{} '{}' tidak dikenal; yang ada: {}{}", what.id, name, some, rest ? fmt::format(" dan {} lagi", rest) : ""),
                     fmt::format("unknown {} '{}'; known: {}{}", what.en, name, some, rest ? fmt::format(" and {} more", rest) : "")});
    }
  }

  // Registers `id` in `ids`; reports a duplicate with the first definition's line.
  bool register_id(std::unordered_map<std::string, int>& ids, std::unordered_map<std::string, int>& lines, const std::string& id, int index,
                   const YAML::Node& at, const std::string& path, const LocalizedText& what) {
    auto [it, inserted] = ids.emplace(id, index);
    if (inserted) {
      lines[id] = reader_.location(at).line;
      return true;
    }
    reader_.error(at, path,
                  {fmt::format("id {} '{}' ganda (pertama didefinisikan di baris {})", what.id, id, lines[id]),
                   fmt::format("duplicate {} id '{}' (first defined at line {})", what.en, id, lines[id])});
    return false;
  }

  ColumnSpec column_spec(const YAML::Node& node, const std::string& path) {
    ColumnSpec spec;
    if (node.IsScalar()) {
      spec.name = node.Scalar();
      return spec;
    }
    MapReader map(reader_, node, path, {"name", "aliases"});
    if (!map.valid()) return spec;
    spec.name = reader_.string(map.required("name"), map.path_of("name")).value_or("");
    if (map.has("aliases")) spec.aliases = reader_.string_list(map.get("aliases"), map.path_of("aliases"));
    return spec;
  }

  Aggregation aggregation(const YAML::Node& node, const std::string& path, const Framework&, Aggregation base) {
    MapReader map(reader_, node, path, {"method", "min_coverage", "power"});
    if (!map.valid()) return base;
    if (map.has("method")) {
      auto method = reader_.choice(map.get("method"), map.path_of("method"), {"metode agregasi", "aggregation method"},
                                   {"arithmetic", "geometric", "harmonic", "power"});
      if (method) base.method = *aggregation_from_key(*method);
    }
    if (base.method == AggregationMethod::power) {
      if (auto p = reader_.decimal(map.required("power"), map.path_of("power"))) {
        if (p->is_zero()) {
          reader_.error(map.get("power"), map.path_of("power"),
                        {"power: eksponen 0 adalah rata-rata geometrik; tulis method: geometric",
                         "power: an exponent of 0 is the geometric mean; write method: geometric"});
        } else {
          base.power = *p;
        }
      }
    } else if (map.has("power")) {
      reader_.error(map.get("power"), map.path_of("power"), {"'power' hanya untuk method: power", "'power' applies only to method: power"});
    }
    if (map.has("min_coverage")) {
      if (auto c = reader_.decimal(map.get("min_coverage"), map.path_of("min_coverage"))) {
        if (*c <= Decimal::from_int(0) || *c > Decimal::from_int(1)) {
          reader_.error(map.get("min_coverage"), map.path_of("min_coverage"),
                        {fmt::format("min_coverage harus lebih dari 0 dan paling besar 1, ditemukan {}", c->to_string()),
                         fmt::format("min_coverage must be greater than 0 and at most 1, found {}", c->to_string())});
        } else {
          base.min_coverage = *c;
        }
      }
    }
    return base;
  }

  // Two decimals [a, b] with a < b (a range, goalposts) or, for mean_sd, any.
  std::optional<std::pair<Decimal, Decimal>> decimal_pair(const YAML::Node& node, const std::string& path, bool ordered) {
    if (!reader_.expect_sequence(node, path)) return std::nullopt;
    if (node.size() != 2) {
      reader_.error(node, path, {"memerlukan tepat dua nilai: [a, b]", "needs exactly two values: [a, b]"});
      return std::nullopt;
    }
    auto a = reader_.decimal(node[0], index_path(path, 0));
    auto b = reader_.decimal(node[1], index_path(path, 1));
    if (!a || !b) return std::nullopt;
    if (ordered && !(*a < *b)) {
      reader_.error(node, path,
                    {fmt::format("nilai pertama ({}) harus lebih kecil dari nilai kedua ({})", a->to_string(), b->to_string()),
                     fmt::format("the first value ({}) must be less than the second ({})", a->to_string(), b->to_string())});
      return std::nullopt;
    }
    return std::pair{*a, *b};
  }

  // A treatment block: the keys given override `base` (what the node
  // inherits), so a node can change only its normaliser.
  Treatment treatment(const YAML::Node& node, const std::string& path, Treatment base) {
    MapReader map(reader_, node, path,
                  {"denominator", "per", "impute", "outliers", "winmax", "skew", "kurtosis", "normalise", "range", "goalposts", "target", "mean_sd"});
    if (!map.valid()) return base;
    if (map.has("denominator") && map.get("denominator").IsMap()) {
      // A column of the input: {column: rumah_tangga, aliases: [...]}.
      MapReader column(reader_, map.get("denominator"), map.path_of("denominator"), {"column", "aliases"});
      if (column.valid()) {
        if (auto name = reader_.string(column.required("column"), column.path_of("column"))) {
          base.denominator = Denominator::column;
          base.denominator_column = *name;
          base.denominator_aliases =
              column.has("aliases") ? reader_.string_list(column.get("aliases"), column.path_of("aliases")) : std::vector<std::string>{};
        }
      }
    } else if (map.has("denominator")) {
      auto d = reader_.choice(map.get("denominator"), map.path_of("denominator"), {"penyebut", "denominator"}, {"none", "population", "area"});
      if (d) base.denominator = *d == "population" ? Denominator::population : *d == "area" ? Denominator::area : Denominator::none;
    }
    if (map.has("per")) {
      if (auto per = reader_.decimal(map.get("per"), map.path_of("per"))) {
        if (*per <= Decimal::from_int(0)) {
          reader_.error(map.get("per"), map.path_of("per"),
                        {fmt::format("per harus lebih besar dari 0, ditemukan {}", per->to_string()),
                         fmt::format("per must be greater than 0, found {}", per->to_string())});
        } else {
          base.per = *per;
        }
      }
    }
    if (map.has("impute")) {
      auto m = reader_.choice(map.get("impute"), map.path_of("impute"), {"imputasi", "imputation"},
                              {"none", "mean", "median", "province_mean", "province_median", "type_mean", "type_median"});
      if (m) base.impute = *imputation_from_key(*m);
    }
    if (map.has("outliers")) {
      auto o = reader_.choice(map.get("outliers"), map.path_of("outliers"), {"penanganan pencilan", "outlier treatment"}, {"none", "winsorise"});
      if (o) base.outliers = *o == "winsorise" ? OutlierTreatment::winsorise : OutlierTreatment::none;
    }
    if (map.has("winmax")) {
      auto w = reader_.decimal(map.get("winmax"), map.path_of("winmax"));
      if (w && (!w->is_integer() || *w < Decimal::from_int(0) || *w > Decimal::from_int(1000))) {
        reader_.error(map.get("winmax"), map.path_of("winmax"),
                      {"winmax harus bilangan bulat 0 sampai 1000", "winmax must be a whole number from 0 to 1000"});
      } else if (w) {
        base.winmax = std::stoi(w->format(0));
      }
    }
    for (auto [key, field] : {std::pair{"skew", &Treatment::skew_limit}, std::pair{"kurtosis", &Treatment::kurtosis_limit}}) {
      if (!map.has(key)) continue;
      if (auto v = reader_.decimal(map.get(key), map.path_of(key))) base.*field = *v;
    }
    if (map.has("normalise")) {
      auto n = reader_.choice(map.get("normalise"), map.path_of("normalise"), {"normalisasi", "normalisation"},
                              {"minmax", "zscore", "goalposts", "distance_to_target", "distance_to_best", "rank", "percentile_rank"});
      if (n) base.normalise = *normaliser_from_key(*n);
    }
    if (map.has("range")) {
      if (auto r = decimal_pair(map.get("range"), map.path_of("range"), true)) std::tie(base.range_low, base.range_high) = *r;
    }
    if (map.has("goalposts")) {
      if (auto r = decimal_pair(map.get("goalposts"), map.path_of("goalposts"), true)) std::tie(base.goal_low, base.goal_high) = *r;
    }
    if (map.has("target")) {
      if (auto t = reader_.decimal(map.get("target"), map.path_of("target"))) base.target = *t;
    }
    if (map.has("mean_sd")) {
      if (auto r = decimal_pair(map.get("mean_sd"), map.path_of("mean_sd"), false)) {
        if (r->second <= Decimal::from_int(0)) {
          reader_.error(map.get("mean_sd"), map.path_of("mean_sd"),
                        {"simpangan baku mean_sd harus > 0", "the standard deviation in mean_sd must be > 0"});
        } else {
          std::tie(base.z_mean, base.z_sd) = *r;
        }
      }
    }
    // What the chosen normaliser needs.
    if (base.normalise == Normaliser::goalposts && !(base.goal_low < base.goal_high)) {
      reader_.error(node, path,
                    {"normalise: goalposts memerlukan 'goalposts: [bawah, atas]'", "normalise: goalposts needs 'goalposts: [low, high]'"});
    }
    if (base.normalise == Normaliser::distance_to_target && !map.has("target") && base.target.is_zero()) {
      reader_.error(node, path, {"normalise: distance_to_target memerlukan 'target'", "normalise: distance_to_target needs 'target'"});
    }
    return base;
  }

  std::optional<int> scale_ref(const YAML::Node& node, const std::string& path, const Framework&) {
    auto name = reader_.string(node, path);
    if (!name) return std::nullopt;
    auto it = scale_ids_.find(*name);
    if (it != scale_ids_.end()) return it->second;
    unknown_ref(node, path, {"skala", "scale"}, *name, scale_ids_);
    return std::nullopt;
  }

  // --- sections -----------------------------------------------------------

  void read_sources(const MapReader& top, Framework& fw) {
    if (!top.has("sources")) return;
    YAML::Node list = top.get("sources");
    if (!reader_.expect_sequence(list, "sources")) return;
    std::unordered_map<std::string, int> lines;
    for (std::size_t i = 0; i < list.size(); ++i) {
      MapReader map(reader_, list[i], index_path("sources", i), {"id", "citation", "url", "status"});
      if (!map.valid()) continue;
      Source source;
      source.id = reader_.identifier(map.required("id"), map.path_of("id")).value_or("");
      source.citation = reader_.string(map.required("citation"), map.path_of("citation")).value_or("");
      if (map.has("url")) source.url = reader_.string(map.get("url"), map.path_of("url")).value_or("");
      source.status = map.has("status") ? status(map.get("status"), map.path_of("status")).value_or(fw.provenance.status) : fw.provenance.status;
      if (!source.id.empty() &&
          register_id(source_ids_, lines, source.id, int(fw.sources.size()), map.get("id"), map.path_of("id"), {"sumber", "source"})) {
        fw.sources.push_back(std::move(source));
      }
    }
  }

  void read_input(const MapReader& top, Framework& fw) {
    MapReader map(reader_, top.required("input"), "input", {"kind", "unit_column", "respondent_id_column", "group_column", "provinces"});
    if (!map.valid()) return;
    if (auto kind = reader_.choice(map.required("kind"), map.path_of("kind"), {"jenis masukan", "input kind"}, {"units", "respondents", "both"})) {
      fw.input.kind = *kind == "units" ? InputKind::units : *kind == "respondents" ? InputKind::respondents : InputKind::both;
    }
    fw.input.unit_column = column_spec(map.required("unit_column"), map.path_of("unit_column"));
    if (map.has("respondent_id_column"))
      fw.input.respondent_id_column = column_spec(map.get("respondent_id_column"), map.path_of("respondent_id_column"));
    if (map.has("group_column")) fw.input.group_column = column_spec(map.get("group_column"), map.path_of("group_column"));
    if (map.has("provinces")) read_scope(map.get("provinces"), map.path_of("provinces"), fw);
  }

  // input.provinces: codes or names of provinces, stored as codes.
  void read_scope(const YAML::Node& list, const std::string& path, Framework& fw) {
    if (!reader_.expect_sequence(list, path)) return;
    const RegionTable& regions = RegionTable::builtin();
    for (std::size_t i = 0; i < list.size(); ++i) {
      std::string at = index_path(path, i);
      auto text = reader_.string(list[i], at);
      if (!text) continue;
      auto found = regions.find_province(*text);
      if (found.province < 0) {
        reader_.error(list[i], at, {fmt::format("'{}': {}", *text, found.why.id), fmt::format("'{}': {}", *text, found.why.en)});
        continue;
      }
      const std::string& code = regions.at(found.province).code;
      if (std::find(fw.input.provinces.begin(), fw.input.provinces.end(), code) != fw.input.provinces.end()) {
        reader_.error(list[i], at,
                      {fmt::format("{} disebut dua kali", regions.describe(found.province)),
                       fmt::format("{} is listed twice", regions.describe(found.province))});
        continue;
      }
      fw.input.provinces.push_back(code);
    }
  }

  void read_score(const MapReader& top, Framework& fw) {
    MapReader map(reader_, top.required("score"), "score", {"min", "max", "decimals", "percent"});
    if (!map.valid()) return;
    auto min = reader_.decimal(map.required("min"), map.path_of("min"));
    auto max = reader_.decimal(map.required("max"), map.path_of("max"));
    if (min) fw.score.min = *min;
    if (max) fw.score.max = *max;
    if (min && max && !(*min < *max)) {
      reader_.error(map.get("max"), map.path_of("max"),
                    {fmt::format("score.max ({}) harus lebih besar dari score.min ({})", max->to_string(), min->to_string()),
                     fmt::format("score.max ({}) must be greater than score.min ({})", max->to_string(), min->to_string())});
    }
    if (map.has("decimals")) {
      if (auto d = reader_.integer(map.get("decimals"), map.path_of("decimals"), 0, 6)) fw.score.decimals = int(*d);
    }
    if (map.has("percent")) fw.score.percent = reader_.boolean(map.get("percent"), map.path_of("percent")).value_or(false);
  }

  void read_scales(const MapReader& top, Framework& fw) {
    if (!top.has("scales")) return;
    YAML::Node list = top.get("scales");
    if (!reader_.expect_sequence(list, "scales")) return;
    std::unordered_map<std::string, int> lines;
    for (std::size_t i = 0; i < list.size(); ++i) {
      std::string path = index_path("scales", i);
      MapReader map(reader_, list[i], path,
                    {"id", "name", "type", "status", "sources", "min", "max", "integer", "levels", "yes", "no", "direction", "goalposts", "target",
                     "categories", "no_answer"});
      if (!map.valid()) continue;
      Scale scale;
      scale.where = reader_.location(list[i]);
      scale.id = reader_.identifier(map.required("id"), map.path_of("id")).value_or("");
      if (map.has("name")) scale.name = reader_.text(map.get("name"), map.path_of("name")).value_or(LocalizedText{});
      scale.provenance = provenance(map, fw, fw.provenance.status);
      auto type = reader_.choice(map.required("type"), map.path_of("type"), {"jenis skala", "scale type"},
                                 {"ordinal", "likert", "yes_no", "numeric", "categorical"});
      if (map.has("no_answer")) scale.no_answer = reader_.string_list(map.get("no_answer"), map.path_of("no_answer"));
      if (type) {
        read_scale_body(map, *type, fw, scale);
      } else {  // reported; a neutral stand-in keeps references to it quiet
        scale.min = fw.score.min;
        scale.max = fw.score.max;
        scale.integer_only = false;
      }
      if (!scale.id.empty() &&
          register_id(scale_ids_, lines, scale.id, int(fw.scales.size()), map.get("id"), map.path_of("id"), {"skala", "scale"})) {
        fw.scales.push_back(std::move(scale));
      }
    }
  }

  // Keys each scale type accepts besides the common ones.
  void reject_keys(const MapReader& map, const std::string& type, const std::vector<std::string>& keys) {
    for (const auto& key : keys) {
      if (map.has(key)) {
        reader_.error(map.get(key), map.path_of(key),
                      {fmt::format("kunci '{}' tidak berlaku untuk skala bertipe {}", key, type),
                       fmt::format("key '{}' does not apply to a scale of type {}", key, type)});
      }
    }
  }

  void read_scale_body(const MapReader& map, const std::string& type, const Framework& fw, Scale& scale) {
    if (type == "ordinal" || type == "likert") {
      scale.kind = type == "likert" ? ScaleKind::likert : ScaleKind::ordinal;
      reject_keys(map, type, {"yes", "no", "direction", "goalposts", "target", "categories"});
      if (auto min = reader_.decimal(map.required("min"), map.path_of("min"))) scale.min = *min;
      if (auto max = reader_.decimal(map.required("max"), map.path_of("max"))) scale.max = *max;
      if (map.has("integer")) scale.integer_only = reader_.boolean(map.get("integer"), map.path_of("integer")).value_or(true);
      if (scale.kind == ScaleKind::likert && !map.has("levels")) {
        reader_.error(map.node(), map.path_of("levels"), {"skala likert memerlukan 'levels' berlabel", "a likert scale needs labelled 'levels'"});
      }
      if (map.has("levels")) {
        YAML::Node levels = map.get("levels");
        std::string path = map.path_of("levels");
        if (reader_.expect_sequence(levels, path)) {
          for (std::size_t i = 0; i < levels.size(); ++i) {
            MapReader level(reader_, levels[i], index_path(path, i), {"value", "label", "aliases"});
            if (!level.valid()) continue;
            auto value = reader_.decimal(level.required("value"), level.path_of("value"));
            auto label = reader_.text(level.required("label"), level.path_of("label"));
            std::vector<std::string> aliases;
            if (level.has("aliases")) aliases = reader_.string_list(level.get("aliases"), level.path_of("aliases"));
            if (value && label) scale.points.push_back({*value, *label, std::move(aliases)});
            scale_point_nodes_[scale.id].push_back({levels[i], index_path(path, i)});
          }
        }
      }
    } else if (type == "yes_no") {
      scale.kind = ScaleKind::yes_no;
      reject_keys(map, type, {"min", "max", "integer", "levels", "direction", "goalposts", "target", "categories"});
      scale.yes_words = {"ya", "yes", "y", "1", "true", "ada"};
      scale.no_words = {"tidak", "no", "n", "0", "false", "tidak ada"};
      scale.yes_score = fw.score.max;
      scale.no_score = fw.score.min;
      for (const char* side : {"yes", "no"}) {
        if (!map.has(side)) continue;
        MapReader sub(reader_, map.get(side), map.path_of(side), {"score", "answers"});
        if (!sub.valid()) continue;
        bool yes = std::string(side) == "yes";
        if (sub.has("score")) {
          if (auto s = reader_.decimal(sub.get("score"), sub.path_of("score"))) (yes ? scale.yes_score : scale.no_score) = *s;
        }
        if (sub.has("answers")) (yes ? scale.yes_words : scale.no_words) = reader_.string_list(sub.get("answers"), sub.path_of("answers"));
      }
    } else if (type == "numeric") {
      scale.kind = ScaleKind::numeric;
      reject_keys(map, type, {"min", "max", "integer", "levels", "yes", "no", "categories"});
      if (auto dir = reader_.choice(map.required("direction"), map.path_of("direction"), {"arah", "direction"}, {"higher", "lower"})) {
        scale.direction = *dir == "lower" ? Direction::lower_is_better : Direction::higher_is_better;
      }
      if (map.has("goalposts") && map.has("target")) {
        reader_.error(map.node(), map.path_of("goalposts"),
                      {"skala numeric memerlukan paling banyak satu dari 'goalposts: [bawah, atas]' atau 'target'",
                       "a numeric scale takes at most one of 'goalposts: [low, high]' or 'target'"});
      } else if (!map.has("goalposts") && !map.has("target")) {
        // An indicator: its leaves are normalised across units (treatment).
        scale.has_goalposts = false;
      } else if (map.has("goalposts")) {
        YAML::Node posts = map.get("goalposts");
        std::string path = map.path_of("goalposts");
        if (reader_.expect_sequence(posts, path)) {
          if (posts.size() != 2) {
            reader_.error(posts, path, {"goalposts memerlukan tepat dua nilai: [bawah, atas]", "goalposts needs exactly two values: [low, high]"});
          } else {
            auto low = reader_.decimal(posts[0], index_path(path, 0));
            auto high = reader_.decimal(posts[1], index_path(path, 1));
            if (low && high && !(*low < *high)) {
              reader_.error(posts, path,
                            {fmt::format("goalposts: nilai bawah ({}) harus lebih kecil dari nilai atas ({})", low->to_string(), high->to_string()),
                             fmt::format("goalposts: low ({}) must be less than high ({})", low->to_string(), high->to_string())});
            } else if (low && high) {
              scale.low_goalpost = *low;
              scale.high_goalpost = *high;
            }
          }
        }
      } else {
        auto target = reader_.decimal(map.get("target"), map.path_of("target"));
        if (target && scale.direction == Direction::lower_is_better) {
          reader_.error(map.get("target"), map.path_of("target"),
                        {"'target' hanya untuk direction: higher; untuk lower gunakan goalposts",
                         "'target' needs direction: higher; for lower-is-better give goalposts"});
        } else if (target && *target <= Decimal::from_int(0)) {
          reader_.error(map.get("target"), map.path_of("target"),
                        {fmt::format("target harus lebih besar dari 0, ditemukan {}", target->to_string()),
                         fmt::format("target must be greater than 0, found {}", target->to_string())});
        } else if (target) {
          scale.low_goalpost = Decimal::from_int(0);
          scale.high_goalpost = *target;
        }
      }
    } else {  // categorical
      scale.kind = ScaleKind::categorical;
      reject_keys(map, type, {"min", "max", "integer", "levels", "yes", "no", "direction", "goalposts", "target"});
      YAML::Node list = map.required("categories");
      std::string path = map.path_of("categories");
      if (reader_.expect_sequence(list, path)) {
        if (list.size() == 0) {
          reader_.error(list, path, {"categories kosong", "categories is empty"});
        }
        for (std::size_t i = 0; i < list.size(); ++i) {
          MapReader item(reader_, list[i], index_path(path, i), {"answer", "score"});
          if (!item.valid()) continue;
          auto answer = reader_.string(item.required("answer"), item.path_of("answer"));
          auto score = reader_.decimal(item.required("score"), item.path_of("score"));
          if (answer && score) scale.categories.push_back({*answer, *score});
          category_nodes_[scale.id].push_back({list[i], index_path(path, i)});
        }
      }
    }
  }

  void read_respondents(const MapReader& top, Framework& fw) {
    if (!top.has("respondents")) {
      if (fw.input.kind != InputKind::units) fw.respondents = RespondentSpec{};
      return;
    }
    MapReader map(reader_, top.get("respondents"), "respondents", {"combine", "min_respondents", "groups", "status", "sources"});
    if (!map.valid()) return;
    if (fw.input.kind == InputKind::units) {
      reader_.error(top.get("respondents"), "respondents",
                    {"'respondents' hanya berlaku bila input.kind adalah respondents atau both",
                     "'respondents' applies only when input.kind is respondents or both"});
    }
    RespondentSpec spec;
    spec.provenance = provenance(map, fw, fw.provenance.status);
    if (map.has("combine")) {
      auto combine = reader_.choice(map.get("combine"), map.path_of("combine"), {"cara menggabungkan", "combine method"}, {"mean", "median"});
      if (combine) spec.combine = *combine == "median" ? CombineMethod::median : CombineMethod::mean;
    }
    if (map.has("min_respondents")) {
      spec.min_respondents = int(reader_.integer(map.get("min_respondents"), map.path_of("min_respondents"), 1, 1'000'000).value_or(1));
    }
    if (map.has("groups")) {
      YAML::Node list = map.get("groups");
      std::string path = map.path_of("groups");
      std::unordered_map<std::string, int> ids, lines;
      if (reader_.expect_sequence(list, path)) {
        for (std::size_t i = 0; i < list.size(); ++i) {
          MapReader item(reader_, list[i], index_path(path, i), {"id", "name", "weight", "aliases"});
          if (!item.valid()) continue;
          RespondentGroup group;
          group.id = reader_.identifier(item.required("id"), item.path_of("id")).value_or("");
          if (item.has("name")) group.name = reader_.text(item.get("name"), item.path_of("name")).value_or(LocalizedText{});
          if (group.name.empty()) group.name = {group.id, group.id};
          if (item.has("weight")) group.weight = positive_weight(item.get("weight"), item.path_of("weight")).value_or(group.weight);
          if (item.has("aliases")) group.aliases = reader_.string_list(item.get("aliases"), item.path_of("aliases"));
          if (!group.id.empty() && register_id(ids, lines, group.id, int(spec.groups.size()), item.get("id"), item.path_of("id"),
                                               {"kelompok responden", "respondent group"})) {
            spec.groups.push_back(std::move(group));
          }
        }
      }
    }
    fw.respondents = std::move(spec);
  }

  void read_facets(const MapReader& top, Framework& fw) {
    if (!top.has("facets")) return;
    YAML::Node list = top.get("facets");
    if (!reader_.expect_sequence(list, "facets")) return;
    std::unordered_map<std::string, int> lines;
    for (std::size_t i = 0; i < list.size(); ++i) {
      std::string path = index_path("facets", i);
      MapReader map(reader_, list[i], path, {"id", "name", "status", "sources", "values"});
      if (!map.valid()) continue;
      Facet facet;
      facet.where = reader_.location(list[i]);
      facet.id = reader_.identifier(map.required("id"), map.path_of("id")).value_or("");
      if (map.has("name")) facet.name = reader_.text(map.get("name"), map.path_of("name")).value_or(LocalizedText{});
      if (facet.name.empty()) facet.name = {facet.id, facet.id};
      facet.provenance = provenance(map, fw, fw.provenance.status);
      std::unordered_map<std::string, int> value_ids, value_lines;
      read_facet_values(map.required("values"), map.path_of("values"), -1, facet, value_ids, value_lines, 1);
      if (facet.values.empty() && map.has("values")) {
        reader_.error(map.get("values"), map.path_of("values"), {"facet tanpa nilai", "facet has no values"});
      }
      if (!facet.id.empty() &&
          register_id(facet_ids_, lines, facet.id, int(fw.facets.size()), map.get("id"), map.path_of("id"), {"facet", "facet"})) {
        facet_value_ids_.push_back(std::move(value_ids));
        fw.facets.push_back(std::move(facet));
      }
    }
  }

  void read_facet_values(const YAML::Node& list, const std::string& path, int parent, Facet& facet, std::unordered_map<std::string, int>& ids,
                         std::unordered_map<std::string, int>& lines, int depth) {
    if (!reader_.expect_sequence(list, path)) return;
    for (std::size_t i = 0; i < list.size(); ++i) {
      MapReader map(reader_, list[i], index_path(path, i), {"id", "name", "children"});
      if (!map.valid()) continue;
      FacetValue value;
      value.id = reader_.identifier(map.required("id"), map.path_of("id")).value_or("");
      if (map.has("name")) value.name = reader_.text(map.get("name"), map.path_of("name")).value_or(LocalizedText{});
      if (value.name.empty()) value.name = {value.id, value.id};
      value.parent = parent;
      int index = int(facet.values.size());
      if (value.id.empty() || !register_id(ids, lines, value.id, index, map.get("id"), map.path_of("id"), {"nilai facet", "facet value"})) {
        continue;
      }
      facet.values.push_back(std::move(value));
      if (parent >= 0) facet.values[std::size_t(parent)].children.push_back(index);
      if (map.has("children")) read_facet_values(map.get("children"), map.path_of("children"), index, facet, ids, lines, depth + 1);
    }
  }

  std::optional<Decimal> positive_weight(const YAML::Node& node, const std::string& path) {
    auto w = reader_.decimal(node, path);
    if (!w) return std::nullopt;
    if (*w <= Decimal::from_int(0)) {
      reader_.error(node, path,
                    {fmt::format("bobot harus lebih besar dari 0, ditemukan {}", w->to_string()),
                     fmt::format("weight must be greater than 0, found {}", w->to_string())});
      return std::nullopt;
    }
    return w;
  }

  void read_tree(const MapReader& top, Framework& fw, int default_scale) {
    Node root;
    root.name = fw.title;
    root.weight = Decimal::from_int(1);
    root.provenance = fw.provenance;
    root.aggregation = default_aggregation_;
    root.where = {reader_.file(), 0, 0};
    root.path = "tree";
    fw.nodes.push_back(root);
    YAML::Node list = top.required("tree");
    if (!list.IsDefined()) return;
    if (!reader_.expect_sequence(list, "tree")) return;
    if (list.size() == 0) {
      reader_.error(list, "tree",
                    {"pohon kosong; kerangka memerlukan paling sedikit satu simpul", "the tree is empty; a framework needs at least one node"});
      return;
    }
    read_children(list, "tree", 0, fw, default_scale);
    for (std::size_t i = 0; i < fw.nodes.size(); ++i) {
      if (fw.nodes[i].is_leaf()) fw.leaves.push_back(int(i));
    }
  }

  void read_children(const YAML::Node& list, const std::string& path, int parent, Framework& fw, int inherited_scale) {
    if (!reader_.expect_sequence(list, path)) return;
    for (std::size_t i = 0; i < list.size(); ++i) {
      read_node(list[i], index_path(path, i), parent, fw, inherited_scale);
    }
  }

  void read_node(const YAML::Node& yaml, const std::string& path, int parent, Framework& fw, int inherited_scale) {
    MapReader map(reader_, yaml, path,
                  {"id", "name", "description", "weight", "status", "sources", "aggregation", "column", "aliases", "scale", "reverse", "facets",
                   "children", "treatment"});
    if (!map.valid()) return;
    Node node;
    node.where = reader_.location(yaml);
    node.path = path;
    node.parent = parent;
    node.depth = fw.nodes[std::size_t(parent)].depth + 1;
    node.id = reader_.identifier(map.required("id"), map.path_of("id")).value_or("");
    if (auto name = reader_.text(map.required("name"), map.path_of("name"))) node.name = *name;
    if (map.has("description")) node.description = reader_.text(map.get("description"), map.path_of("description")).value_or(LocalizedText{});
    node.weight = map.has("weight") ? positive_weight(map.get("weight"), map.path_of("weight")).value_or(Decimal::from_int(1)) : Decimal::from_int(1);
    node.provenance = provenance(map, fw, fw.nodes[std::size_t(parent)].provenance.status);
    node.aggregation =
        map.has("aggregation") ? aggregation(map.get("aggregation"), map.path_of("aggregation"), fw, default_aggregation_) : default_aggregation_;
    int scale = inherited_scale;
    if (map.has("scale")) scale = scale_ref(map.get("scale"), map.path_of("scale"), fw).value_or(kBrokenScale);
    bool has_children = map.has("children");
    if (map.has("column")) node.column.name = reader_.string(map.get("column"), map.path_of("column")).value_or("");
    if (map.has("aliases")) node.column.aliases = reader_.string_list(map.get("aliases"), map.path_of("aliases"));
    if (map.has("aliases") && !map.has("column") && has_children) {
      reader_.error(map.get("aliases"), map.path_of("aliases"),
                    {"'aliases' memerlukan 'column' pada simpul yang memiliki anak", "'aliases' needs 'column' on a node with children"});
    }
    if (map.has("reverse")) node.reverse = reader_.boolean(map.get("reverse"), map.path_of("reverse")).value_or(false);

    // The treatment this node passes on: its parent's, changed by its own block.
    std::optional<Treatment> treated = parent == 0 ? default_treatment_ : inherited_treatment_[std::size_t(parent)];
    if (map.has("treatment")) {
      Treatment base = treated.value_or(Treatment{});
      if (!treated) {
        base.range_low = fw.score.min;
        base.range_high = fw.score.max;
      }
      treated = treatment(map.get("treatment"), map.path_of("treatment"), base);
    }

    int index = int(fw.nodes.size());
    inherited_treatment_.resize(std::size_t(index) + 1);
    inherited_treatment_[std::size_t(index)] = treated;
    if (!node.id.empty()) register_id(node_ids_, node_lines_, node.id, index, map.get("id"), map.path_of("id"), {"simpul", "node"});
    fw.nodes.push_back(std::move(node));
    fw.nodes[std::size_t(parent)].children.push_back(index);

    if (has_children) {
      // An internal node may be given in the input under its id: its value is then taken as published.
      if (fw.nodes[std::size_t(index)].column.name.empty()) fw.nodes[std::size_t(index)].column.name = fw.nodes[std::size_t(index)].id;
      YAML::Node children = map.get("children");
      if (children.IsSequence() && children.size() == 0) {
        reader_.error(children, map.path_of("children"),
                      {"'children' kosong; hapus kuncinya untuk membuat daun", "'children' is empty; remove the key to make a leaf"});
      }
      read_children(children, map.path_of("children"), index, fw, scale);
      for (const char* leaf_key : {"reverse", "facets"}) {
        if (map.has(leaf_key)) {
          reader_.error(map.get(leaf_key), map.path_of(leaf_key),
                        {fmt::format("'{}' hanya berlaku untuk daun (simpul tanpa anak)", leaf_key),
                         fmt::format("'{}' applies only to leaves (nodes without children)", leaf_key)});
        }
      }
      return;
    }
    // A leaf.
    Node& leaf = fw.nodes[std::size_t(index)];
    if (leaf.column.name.empty()) leaf.column.name = leaf.id;  // the id is the default column
    if (scale >= 0) {
      leaf.scale = scale;
    } else if (scale == kNoScale) {  // a broken reference was reported where it was written
      reader_.error(yaml, path,
                    {fmt::format("daun '{}' tidak memiliki skala; tetapkan 'scale' padanya, pada induknya, atau di tingkat kerangka", leaf.id),
                     fmt::format("leaf '{}' has no scale; set 'scale' on it, on an ancestor, or at the top of the framework", leaf.id)});
    }
    if (map.has("facets")) read_leaf_facets(map.get("facets"), map.path_of("facets"), leaf);
    // Only indicators (numeric scales) are treated; a block written on the
    // leaf itself must apply to it.
    const bool numeric = scale >= 0 && std::size_t(scale) < fw.scales.size() && fw.scales[std::size_t(scale)].kind == ScaleKind::numeric;
    if (numeric) {
      leaf.treatment = treated;
      if (!treated && !fw.scales[std::size_t(scale)].has_goalposts) {
        reader_.error(yaml, path,
                      {fmt::format("daun '{}' memakai skala numerik tanpa goalposts atau target; tetapkan 'treatment' (normalisasi antar-unit) "
                                   "padanya, pada induknya, atau di tingkat kerangka",
                                   leaf.id),
                       fmt::format("leaf '{}' uses a numeric scale without goalposts or target; give it a 'treatment' (normalisation across "
                                   "units) on it, on an ancestor, or at the top of the framework",
                                   leaf.id)});
      }
    } else if (map.has("treatment") && scale >= 0) {
      reader_.error(
          map.get("treatment"), map.path_of("treatment"),
          {"'treatment' hanya untuk daun berskala numerik (indikator)", "'treatment' applies only to leaves of a numeric scale (indicators)"});
    }
  }

  void read_leaf_facets(const YAML::Node& yaml, const std::string& path, Node& leaf) {
    if (!reader_.expect_map(yaml, path)) return;
    for (const auto& entry : yaml) {
      auto facet_name = reader_.string(entry.first, path);
      if (!facet_name) continue;
      std::string value_path = path + "." + *facet_name;
      auto found = facet_ids_.find(*facet_name);
      if (found == facet_ids_.end()) {
        unknown_ref(entry.first, value_path, {"facet", "facet"}, *facet_name, facet_ids_);
        continue;
      }
      auto value_name = reader_.string(entry.second, value_path);
      if (!value_name) continue;
      const auto& values = facet_value_ids_[std::size_t(found->second)];
      auto value = values.find(*value_name);
      if (value == values.end()) {
        unknown_ref(entry.second, value_path, {"nilai facet", "facet value"}, *value_name, values);
        continue;
      }
      leaf.facet_values[found->second] = value->second;
    }
  }

  void read_bands(const MapReader& top, Framework& fw) {
    if (!top.has("bands")) return;
    YAML::Node list = top.get("bands");
    if (!reader_.expect_sequence(list, "bands")) return;
    std::unordered_map<std::string, int> ids, lines;
    for (std::size_t i = 0; i < list.size(); ++i) {
      std::string path = index_path("bands", i);
      MapReader map(reader_, list[i], path, {"id", "name", "status", "sources", "depths", "ranges"});
      if (!map.valid()) continue;
      BandSet set;
      set.where = reader_.location(list[i]);
      set.id = reader_.identifier(map.required("id"), map.path_of("id")).value_or("");
      if (map.has("name")) set.name = reader_.text(map.get("name"), map.path_of("name")).value_or(LocalizedText{});
      if (set.name.empty()) set.name = {set.id, set.id};
      set.provenance = provenance(map, fw, fw.provenance.status);
      if (map.has("depths")) {
        YAML::Node depths = map.get("depths");
        if (reader_.expect_sequence(depths, map.path_of("depths"))) {
          for (std::size_t d = 0; d < depths.size(); ++d) {
            if (auto depth = reader_.integer(depths[d], index_path(map.path_of("depths"), d), 0, 64)) set.depths.push_back(int(*depth));
          }
        }
      } else {
        set.depths = {0};
      }
      YAML::Node ranges = map.required("ranges");
      std::string ranges_path = map.path_of("ranges");
      std::vector<std::pair<YAML::Node, std::string>> band_nodes;
      if (reader_.expect_sequence(ranges, ranges_path)) {
        std::unordered_map<std::string, int> band_ids, band_lines;
        for (std::size_t b = 0; b < ranges.size(); ++b) {
          std::string band_path = index_path(ranges_path, b);
          MapReader band_map(reader_, ranges[b], band_path, {"id", "label", "from", "to", "color"});
          if (!band_map.valid()) continue;
          Band band;
          band.id = reader_.identifier(band_map.required("id"), band_map.path_of("id")).value_or("");
          auto label = reader_.text(band_map.required("label"), band_map.path_of("label"));
          auto from = reader_.decimal(band_map.required("from"), band_map.path_of("from"));
          auto to = reader_.decimal(band_map.required("to"), band_map.path_of("to"));
          if (band_map.has("color")) band.color = reader_.string(band_map.get("color"), band_map.path_of("color")).value_or("");
          if (!band.id.empty()) register_id(band_ids, band_lines, band.id, int(b), band_map.get("id"), band_map.path_of("id"), {"predikat", "band"});
          if (!label || !from || !to) continue;
          band.label = *label;
          band.from = *from;
          band.to = *to;
          set.bands.push_back(std::move(band));
          band_nodes.push_back({ranges[b], band_path});
        }
      }
      // A range that failed to load was reported; tiling checks on the rest would only echo it.
      band_sets_complete_.push_back(ranges.IsSequence() && band_nodes.size() == ranges.size());
      band_layout_.push_back(std::move(band_nodes));
      if (!set.id.empty() &&
          register_id(ids, lines, set.id, int(fw.band_sets.size()), map.get("id"), map.path_of("id"), {"himpunan predikat", "band set"})) {
        band_set_nodes_.push_back({list[i], path});
        fw.band_sets.push_back(std::move(set));
      } else {
        band_layout_.pop_back();
        band_sets_complete_.pop_back();
      }
    }
  }

  void read_profiles(const MapReader& top, Framework& fw) {
    if (!top.has("profiles")) return;
    YAML::Node list = top.get("profiles");
    if (!reader_.expect_sequence(list, "profiles")) return;
    std::unordered_map<std::string, int> ids, lines;
    for (std::size_t i = 0; i < list.size(); ++i) {
      std::string path = index_path("profiles", i);
      MapReader map(reader_, list[i], path, {"id", "name", "status", "sources", "weights"});
      if (!map.valid()) continue;
      WeightProfile profile;
      profile.where = reader_.location(list[i]);
      profile.id = reader_.identifier(map.required("id"), map.path_of("id")).value_or("");
      if (profile.id == "default") {
        reader_.error(
            map.get("id"), map.path_of("id"),
            {"id profil 'default' dicadangkan untuk bobot pohon itu sendiri", "profile id 'default' is reserved for the tree's own weights"});
        profile.id.clear();
      }
      if (map.has("name")) profile.name = reader_.text(map.get("name"), map.path_of("name")).value_or(LocalizedText{});
      if (profile.name.empty()) profile.name = {profile.id, profile.id};
      profile.provenance = provenance(map, fw, fw.provenance.status);
      YAML::Node weights = map.required("weights");
      std::string weights_path = map.path_of("weights");
      if (reader_.expect_map(weights, weights_path)) {
        for (const auto& entry : weights) {
          auto node_id = reader_.string(entry.first, weights_path);
          if (!node_id) continue;
          std::string weight_path = weights_path + "." + *node_id;
          auto weight = positive_weight(entry.second, weight_path);
          auto node = node_ids_.find(*node_id);
          if (node == node_ids_.end()) {
            unknown_ref(entry.first, weight_path, {"simpul", "node"}, *node_id, node_ids_);
          } else if (weight) {
            profile.weights[node->second] = *weight;
          }
        }
      }
      if (!profile.id.empty() &&
          register_id(ids, lines, profile.id, int(fw.profiles.size()), map.get("id"), map.path_of("id"), {"profil bobot", "weight profile"})) {
        fw.profiles.push_back(std::move(profile));
      }
    }
  }

 public:
  YamlReader reader_;
  Aggregation default_aggregation_;
  std::optional<Treatment> default_treatment_;
  std::vector<std::optional<Treatment>> inherited_treatment_;  // per node index: what its children inherit
  std::unordered_map<std::string, int> source_ids_, scale_ids_, facet_ids_, node_ids_, node_lines_;
  std::vector<std::unordered_map<std::string, int>> facet_value_ids_;
  // Where things are, for the whole-framework checks in the validator.
  std::unordered_map<std::string, std::vector<std::pair<YAML::Node, std::string>>> scale_point_nodes_, category_nodes_;
  std::vector<std::pair<YAML::Node, std::string>> band_set_nodes_;
  std::vector<std::vector<std::pair<YAML::Node, std::string>>> band_layout_;
  std::vector<bool> band_sets_complete_;
};

bool before(const Diagnostic& a, const Diagnostic& b) {
  auto key = [](const Diagnostic& d) { return std::pair(d.where.line == 0 ? 0 : d.where.line, d.where.column); };
  return key(a) < key(b);
}

// Every text of a framework reaches reports, XML and JSON: a byte that is
// not UTF-8 is refused here, at its line and column, before anything is read.
std::optional<Diagnostic> invalid_utf8_at(std::string_view text, const std::string& file) {
  bool incomplete = false;
  std::size_t valid = valid_utf8_prefix(reinterpret_cast<const unsigned char*>(text.data()), text.size(), incomplete);
  if (valid == text.size()) return std::nullopt;
  std::size_t line_start = text.rfind('\n', valid == 0 ? 0 : valid - 1);
  line_start = line_start == std::string_view::npos || valid == 0 ? 0 : line_start + 1;
  int line = 1 + int(std::count(text.begin(), text.begin() + std::ptrdiff_t(valid), '\n'));
  int column = 1 + int(valid - line_start);
  auto byte = static_cast<unsigned char>(text[valid]);
  return Diagnostic{{file, line, column},
                    "",
                    {fmt::format("bukan UTF-8 yang valid (bita 0x{:02X}); simpan berkas sebagai UTF-8", byte),
                     fmt::format("not valid UTF-8 (byte 0x{:02X}); save the file as UTF-8", byte)}};
}

}  // namespace

Expected<Framework> load_framework(std::string_view text, const std::string& file) {
  Diagnostics errors;
  if (auto bad = invalid_utf8_at(text, file)) return Diagnostics{*bad};
  auto document = load_yaml_document(text, file);
  if (!document) return document.errors();
  Framework fw;
  Loader loader(file, errors);
  loader.load(*document, fw);
  FrameworkLayout layout;
  layout.band_sets = loader.band_set_nodes_;
  layout.bands = loader.band_layout_;
  layout.band_sets_complete = loader.band_sets_complete_;
  layout.scale_points = loader.scale_point_nodes_;
  layout.categories = loader.category_nodes_;
  validate_framework(fw, layout, loader.reader_);
  if (!errors.empty()) {
    std::stable_sort(errors.begin(), errors.end(), before);
    if (auto more = loader.reader_.suppressed_errors()) errors.push_back(*more);
    return errors;
  }
  return fw;
}

Expected<Framework> load_framework_file(const std::filesystem::path& path) {
  auto text = read_yaml_file(path.string());
  if (!text) return text.errors();
  return load_framework(*text, path.string());
}

}  // namespace siap
