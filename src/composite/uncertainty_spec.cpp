// The uncertainty analysis spec (`siap/uncertainty/v1`), read with the
// framework loader's strict YAML reader: every error at once with its
// file:line:col, and every declared step checked against the framework, so
// that nothing declared is skipped when it runs (COINr issue 60).
#include <fmt/format.h>

#include "framework/yaml_guard.hpp"
#include "framework/yaml_reader.hpp"
#include "siap/limits.hpp"
#include "siap/uncertainty.hpp"
#include "siap/utf8.hpp"

namespace siap {
namespace {

struct InputName {
  UncertainInput input;
  const char* key;
  LocalizedText label;
};
const InputName kInputs[] = {
    {UncertainInput::weights, "weights", {"bobot", "weights"}},
    {UncertainInput::aggregation, "aggregation", {"metode agregasi", "aggregation method"}},
    {UncertainInput::normalisation, "normalisation", {"normalisasi", "normalisation"}},
    {UncertainInput::imputation, "imputation", {"imputasi data hilang", "imputation of missing data"}},
    {UncertainInput::outliers, "outliers", {"penanganan pencilan", "outlier treatment"}},
    {UncertainInput::leave_out, "leave_out", {"indikator yang dikeluarkan", "indicator left out"}},
};

const InputName& input_name(UncertainInput input) {
  for (const auto& n : kInputs) {
    if (n.input == input) return n;
  }
  return kInputs[0];
}

class SpecLoader {
 public:
  SpecLoader(const std::string& file, Diagnostics& errors, const Framework& fw) : reader_(file, errors), fw_(fw) {}

  void load(const YAML::Node& doc, UncertaintySpec& spec) {
    MapReader top(reader_, doc, "", {"schema", "replicates", "seed", "analysis", "bootstrap", "target", "vary"});
    if (!top.valid()) return;
    if (auto schema = reader_.string(top.required("schema"), "schema"); schema && *schema != "siap/uncertainty/v1") {
      reader_.error(top.get("schema"), "schema", {"harus 'siap/uncertainty/v1'", "must be 'siap/uncertainty/v1'"});
    }
    if (auto n = reader_.integer(top.required("replicates"), "replicates", 2, (long long)limits::kMaxUncertaintyReplicates))
      spec.replicates = std::size_t(*n);
    if (auto s = reader_.integer(top.required("seed"), "seed", 0, (1LL << 53))) spec.seed = std::uint64_t(*s);
    if (top.has("analysis")) {
      auto a = reader_.choice(top.get("analysis"), "analysis", {"analisis", "analysis"}, {"uncertainty", "sensitivity"});
      spec.sensitivity = a && *a == "sensitivity";
    }
    if (top.has("bootstrap")) {
      if (auto b = reader_.integer(top.get("bootstrap"), "bootstrap", 0, 100'000)) spec.bootstrap = std::size_t(*b);
    }
    if (top.has("target")) {
      if (auto id = reader_.string(top.get("target"), "target")) {
        auto n = *id == "index" ? std::optional<int>(0) : fw_.find_node(*id);
        if (!n || fw_.nodes[std::size_t(*n)].is_leaf()) {
          reader_.error(top.get("target"), "target",
                        {fmt::format("'{}' bukan simpul internal kerangka (atau 'index')", *id),
                         fmt::format("'{}' is not an internal node of the framework (or 'index')", *id)});
        } else {
          spec.target = *n;
        }
      }
    }
    const YAML::Node vary = top.required("vary");
    MapReader choices(reader_, vary, "vary", {"weights", "aggregation", "normalisation", "imputation", "outliers", "leave_out"});
    if (!choices.valid()) return;
    // The inputs in the order the file declares them (YAML maps keep it).
    for (auto it = vary.begin(); it != vary.end(); ++it) {
      const std::string key = it->first.Scalar();
      const std::string path = "vary." + key;
      const YAML::Node value = it->second;
      if (key == "weights") {
        weights(value, path, spec);
      } else if (key == "aggregation") {
        aggregations(value, path, spec);
      } else if (key == "normalisation") {
        normalisers(value, path, spec);
      } else if (key == "imputation") {
        imputations(value, path, spec);
      } else if (key == "outliers") {
        outliers(value, path, spec);
      } else if (key == "leave_out") {
        if (reader_.boolean(value, path).value_or(false)) spec.inputs.push_back(UncertainInput::leave_out);
        if (!fw_.has_treatments()) no_indicators(value, path);
        continue;
      } else {
        continue;  // reported by MapReader
      }
      spec.inputs.push_back(input_of(key));
    }
    if (spec.inputs.empty()) reader_.error(vary, "vary", {"tidak ada pilihan yang divariasikan", "no choice is varied"});
    if (spec.sensitivity && spec.inputs.size() < 2) {
      reader_.error(vary, "vary",
                    {"analisis sensitivitas memerlukan paling sedikit dua pilihan; untuk satu pilihan pakai analysis: uncertainty",
                     "a sensitivity analysis needs at least two choices; for one, use analysis: uncertainty"});
    }
    check_positive(vary, spec);
  }

 private:
  static UncertainInput input_of(const std::string& key) {
    for (const auto& n : kInputs) {
      if (key == n.key) return n.input;
    }
    return UncertainInput::weights;
  }

  void no_indicators(const YAML::Node& at, const std::string& path) {
    reader_.error(at, path,
                  {"kerangka tidak memiliki indikator dengan treatment; pilihan ini tidak berlaku",
                   "the framework has no treated indicators; this choice does not apply"});
  }

  // A list of at least two alternatives.
  bool alternatives(const YAML::Node& list, const std::string& path) {
    if (!reader_.expect_sequence(list, path)) return false;
    if (list.size() < 2) {
      reader_.error(list, path, {"memerlukan paling sedikit dua alternatif", "needs at least two alternatives"});
      return false;
    }
    return true;
  }

  void weights(const YAML::Node& node, const std::string& path, UncertaintySpec& spec) {
    MapReader map(reader_, node, path, {"noise", "profiles"});
    if (!map.valid()) return;
    if (map.has("noise") == map.has("profiles")) {
      reader_.error(node, path, {"tetapkan tepat satu dari 'noise' atau 'profiles'", "give exactly one of 'noise' or 'profiles'"});
      return;
    }
    if (map.has("noise")) {
      auto d = reader_.decimal(map.get("noise"), map.path_of("noise"));
      if (d && (*d <= Decimal::from_int(0) || *d >= Decimal::from_int(1))) {
        reader_.error(map.get("noise"), map.path_of("noise"),
                      {"noise harus di antara 0 dan 1 (0,25 = ±25 %)", "noise must lie between 0 and 1 (0.25 = ±25 %)"});
      } else if (d) {
        spec.weight_noise = d->to_double();
      }
      return;
    }
    const YAML::Node list = map.get("profiles");
    if (!alternatives(list, map.path_of("profiles"))) return;
    for (std::size_t i = 0; i < list.size(); ++i) {
      auto id = reader_.string(list[i], fmt::format("{}[{}]", map.path_of("profiles"), i));
      if (!id) continue;
      if (*id == "default") {
        spec.weight_profiles.push_back(-1);
      } else if (auto p = fw_.find_profile(*id)) {
        spec.weight_profiles.push_back(*p);
      } else {
        reader_.error(list[i], fmt::format("{}[{}]", map.path_of("profiles"), i),
                      {fmt::format("profil bobot '{}' tidak ada di kerangka", *id), fmt::format("the framework has no weight profile '{}'", *id)});
      }
    }
  }

  void aggregations(const YAML::Node& list, const std::string& path, UncertaintySpec& spec) {
    if (!alternatives(list, path)) return;
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string at = fmt::format("{}[{}]", path, i);
      AggregationChoice c;
      if (list[i].IsScalar()) {
        auto key = reader_.choice(list[i], at, {"metode agregasi", "aggregation method"}, {"as_declared", "arithmetic", "geometric", "harmonic"});
        if (!key) continue;
        c.as_declared = *key == "as_declared";
        if (!c.as_declared) c.method = *aggregation_from_key(*key);
      } else {
        MapReader map(reader_, list[i], at, {"method", "power"});
        if (!map.valid()) continue;
        auto key = reader_.choice(map.required("method"), map.path_of("method"), {"metode agregasi", "aggregation method"}, {"power"});
        auto p = reader_.decimal(map.required("power"), map.path_of("power"));
        if (!key || !p) continue;
        if (p->is_zero()) {
          reader_.error(map.get("power"), map.path_of("power"), {"eksponen 0 adalah rata-rata geometrik", "an exponent of 0 is the geometric mean"});
          continue;
        }
        c.method = AggregationMethod::power;
        c.power = *p;
      }
      spec.aggregations.push_back(c);
    }
  }

  void normalisers(const YAML::Node& list, const std::string& path, UncertaintySpec& spec) {
    if (!fw_.has_treatments()) return no_indicators(list, path);
    if (!alternatives(list, path)) return;
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string at = fmt::format("{}[{}]", path, i);
      NormaliserChoice c;
      c.range_low = fw_.score.min;
      c.range_high = fw_.score.max;
      normaliser_sites_.push_back({list[i], at});
      if (list[i].IsScalar() && list[i].Scalar() == "as_declared") {
        c.as_declared = true;
        spec.normalisers.push_back(c);
        continue;
      }
      MapReader map(reader_, list[i], at, {"normalise", "range", "mean_sd"});
      if (!map.valid()) {
        normaliser_sites_.pop_back();
        continue;
      }
      auto key = reader_.choice(map.required("normalise"), map.path_of("normalise"), {"normalisasi", "normalisation"},
                                {"minmax", "zscore", "distance_to_best", "rank", "percentile_rank"});
      if (!key) {
        normaliser_sites_.pop_back();
        continue;
      }
      c.method = *normaliser_from_key(*key);
      if (map.has("range")) {
        const YAML::Node r = map.get("range");
        if (reader_.expect_sequence(r, map.path_of("range")) && r.size() == 2) {
          auto lo = reader_.decimal(r[0], map.path_of("range") + "[0]");
          auto hi = reader_.decimal(r[1], map.path_of("range") + "[1]");
          if (lo && hi && *lo < *hi) {
            c.range_low = *lo;
            c.range_high = *hi;
          } else if (lo && hi) {
            reader_.error(r, map.path_of("range"), {"range: nilai pertama harus lebih kecil", "range: the first value must be the smaller"});
          }
        } else if (r.IsSequence()) {
          reader_.error(r, map.path_of("range"), {"range memerlukan tepat dua nilai", "range needs exactly two values"});
        }
      }
      if (map.has("mean_sd")) {
        const YAML::Node r = map.get("mean_sd");
        if (reader_.expect_sequence(r, map.path_of("mean_sd")) && r.size() == 2) {
          auto m = reader_.decimal(r[0], map.path_of("mean_sd") + "[0]");
          auto s = reader_.decimal(r[1], map.path_of("mean_sd") + "[1]");
          if (m && s && *s > Decimal::from_int(0)) {
            c.z_mean = *m;
            c.z_sd = *s;
          } else if (m && s) {
            reader_.error(r, map.path_of("mean_sd"), {"simpangan baku harus > 0", "the standard deviation must be > 0"});
          }
        }
      }
      spec.normalisers.push_back(c);
    }
  }

  void imputations(const YAML::Node& list, const std::string& path, UncertaintySpec& spec) {
    if (!fw_.has_treatments()) return no_indicators(list, path);
    if (!alternatives(list, path)) return;
    for (std::size_t i = 0; i < list.size(); ++i) {
      auto key = reader_.choice(list[i], fmt::format("{}[{}]", path, i), {"imputasi", "imputation"},
                                {"as_declared", "none", "mean", "median", "province_mean", "province_median", "type_mean", "type_median"});
      if (!key) continue;
      spec.imputations.push_back(*key == "as_declared" ? std::nullopt : imputation_from_key(*key));
    }
  }

  void outliers(const YAML::Node& list, const std::string& path, UncertaintySpec& spec) {
    if (!fw_.has_treatments()) return no_indicators(list, path);
    if (!alternatives(list, path)) return;
    for (std::size_t i = 0; i < list.size(); ++i) {
      auto key =
          reader_.choice(list[i], fmt::format("{}[{}]", path, i), {"penanganan pencilan", "outlier treatment"}, {"as_declared", "none", "winsorise"});
      if (!key) continue;
      spec.outliers.push_back(*key == "as_declared" ? std::nullopt : std::optional<bool>(*key == "winsorise"));
    }
  }

  // A geometric or harmonic mean (or power mean with p <= 0) among the
  // aggregation alternatives needs every normalisation alternative to give
  // positive values: refused here, never a replicate skipped later.
  void check_positive(const YAML::Node& vary, const UncertaintySpec& spec) {
    bool positive_needed = false;
    for (const auto& a : spec.aggregations) positive_needed |= !a.as_declared && needs_positive_values(a.method, a.power);
    if (!positive_needed) return;
    for (std::size_t i = 0; i < spec.normalisers.size(); ++i) {
      const NormaliserChoice& n = spec.normalisers[i];
      if (n.as_declared) continue;
      const bool positive = n.method == Normaliser::rank || (normaliser_has_range(n.method) && n.range_low > Decimal::from_int(0));
      if (!positive) {
        reader_.error(
            normaliser_sites_[i].first, normaliser_sites_[i].second,
            {fmt::format("agregasi yang memerlukan nilai positif (geometrik/harmonik) tidak bisa dipasangkan dengan normalisasi {} yang bisa "
                         "memberi 0 atau negatif; beri range yang dimulai di atas 0, misalnya range: [1, 100]",
                         normaliser_key(n.method)),
             fmt::format("an aggregation that needs positive values (geometric/harmonic) cannot be combined with the {} normalisation, "
                         "which can give 0 or negative values; give it a range starting above 0, for example range: [1, 100]",
                         normaliser_key(n.method))});
      }
    }
    // Leaves as declared must be positive too: the framework's own rule
    // holds only for the nodes it declares geometric.
    for (int leaf : fw_.leaves) {
      const Node& node = fw_.nodes[std::size_t(leaf)];
      const Decimal low = node.treatment ? node.treatment->range_low : fw_.score.min;
      const bool declared_used =
          spec.normalisers.empty() || std::any_of(spec.normalisers.begin(), spec.normalisers.end(), [](const auto& n) { return n.as_declared; });
      if (declared_used && low <= Decimal::from_int(0)) {
        reader_.error(
            vary, "vary",
            {fmt::format("agregasi geometrik/harmonik memerlukan nilai positif, tetapi '{}' bisa bernilai {}; beri range yang dimulai di atas 0",
                         node.id, low.to_string()),
             fmt::format("a geometric/harmonic aggregation needs positive values, but '{}' can be {}; give it a range starting above 0", node.id,
                         low.to_string())});
        return;
      }
    }
  }

  YamlReader reader_;
  const Framework& fw_;
  std::vector<std::pair<YAML::Node, std::string>> normaliser_sites_;  // parallel to UncertaintySpec::normalisers
};

}  // namespace

const char* uncertain_input_key(UncertainInput input) { return input_name(input).key; }
const LocalizedText& uncertain_input_label(UncertainInput input) { return input_name(input).label; }

std::string NormaliserChoice::label() const {
  if (as_declared) return "as_declared";
  if (method == Normaliser::zscore) return fmt::format("zscore({}, {})", z_mean.to_string(), z_sd.to_string());
  if (!normaliser_has_range(method)) return normaliser_key(method);
  return fmt::format("{}[{}, {}]", normaliser_key(method), range_low.to_string(), range_high.to_string());
}

std::string AggregationChoice::label() const {
  if (as_declared) return "as_declared";
  if (method == AggregationMethod::power) return fmt::format("power({})", power.to_string());
  return aggregation_key(method);
}

Expected<UncertaintySpec> load_uncertainty_spec(std::string_view text, const std::string& file, const Framework& fw) {
  if (!is_valid_utf8(text)) return Diagnostics{Diagnostic{{file, 0, 0}, "", {"bukan UTF-8 yang valid", "not valid UTF-8"}}};
  auto document = load_yaml_document(text, file);
  if (!document) return document.errors();
  Diagnostics errors;
  UncertaintySpec spec;
  spec.file = file;
  SpecLoader(file, errors, fw).load(*document, spec);
  if (!errors.empty()) return errors;
  return spec;
}

Expected<UncertaintySpec> load_uncertainty_spec_file(const std::string& path, const Framework& fw) {
  auto text = read_yaml_file(path);
  if (!text) return text.errors();
  return load_uncertainty_spec(*text, path, fw);
}

}  // namespace siap
