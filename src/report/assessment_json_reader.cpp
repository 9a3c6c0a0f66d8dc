// The assessment JSON read back into an Assessment: the inverse of
// json_report.cpp, field for field, so that writing what was read gives the
// same bytes (tests/unit/assessment_json_reader_test.cpp).
#include "siap/assessment_json.hpp"
#include "siap/composite.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <stdexcept>

namespace siap {
namespace {

using json = nlohmann::json;

// Non-integer numbers are kept as their text (marked by a leading \x01), so
// that a published 3.405 is read as the exact decimal it was written as.
constexpr char kNumberMark = '\x01';

class RawNumberDom : public nlohmann::json_sax<json> {
 public:
  json root;

  bool null() override { return put(nullptr); }
  bool boolean(bool value) override { return put(value); }
  bool number_integer(number_integer_t value) override { return put(value); }
  bool number_unsigned(number_unsigned_t value) override { return put(value); }
  bool number_float(number_float_t, const string_t& text) override { return put(std::string(1, kNumberMark) + text); }
  bool string(string_t& value) override { return put(std::move(value)); }
  bool binary(binary_t&) override { return false; }
  bool start_object(std::size_t) override { return open(json::object()); }
  bool key(string_t& name) override {
    key_ = std::move(name);
    return true;
  }
  bool end_object() override { return close(); }
  bool start_array(std::size_t) override { return open(json::array()); }
  bool end_array() override { return close(); }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) override {
    error_position = position;
    error = e.what();
    return false;
  }

  std::size_t error_position = 0;
  std::string error;
  bool too_deep = false;

 private:
  json* place(json value) {
    if (stack_.empty()) {
      root = std::move(value);
      return &root;
    }
    json& top = *stack_.back();
    if (top.is_array()) {
      top.push_back(std::move(value));
      return &top.back();
    }
    json& slot = top[key_];
    slot = std::move(value);
    return &slot;
  }
  bool put(json value) {
    place(std::move(value));
    return true;
  }
  bool open(json container) {
    if (stack_.size() >= 64) {  // deeper than any siap JSON
      too_deep = true;
      return false;
    }
    stack_.push_back(place(std::move(container)));
    return true;
  }
  bool close() {
    stack_.pop_back();
    return true;
  }

  std::vector<json*> stack_;
  std::string key_;
};

// A structural problem, with the JSON path where it was found.
struct Malformed : std::runtime_error {
  Malformed(std::string where, LocalizedText what) : std::runtime_error(where), path(std::move(where)), message(std::move(what)) {}
  std::string path;
  LocalizedText message;
};

class Reader {
 public:
  Reader(const Framework& fw) : fw_(fw) {}

  SavedAssessment read(const json& root) {
    SavedAssessment out;
    Assessment& a = out.assessment;
    a.framework = &fw_;
    data_ = std::make_shared<Dataset>();
    a.data = data_;
    expect_text(root, "schema", "", "siap/assessment/v1");
    out.tool_version = text(at(at(root, "tool", ""), "version", "tool"), "tool.version");
    for (const auto& s : array(root, "settings", "")) out.settings.push_back(text(s, "settings[]"));
    read_framework(at(root, "framework", ""), a);
    read_inputs(array(root, "inputs", ""), *data_);
    const json& counts = at(root, "counts", "");
    data_->rows_read = count(counts, "rows_read", "counts");
    data_->rows = count(counts, "rows_accepted", "counts");
    data_->rows_rejected = count(counts, "rows_rejected", "counts");
    read_units(array(root, "units", ""), a);
    if (root.is_object() && root.contains("treatment")) read_treatment(at(root, "treatment", ""), a);
    read_quality(root, data_->quality);
    if (data_->quality.size() != count(counts, "issues", "counts")) {
      throw Malformed("counts.issues", {"tidak sama dengan jumlah quality_groups", "does not equal the sum of quality_groups"});
    }
    return out;
  }

 private:
  // --- access with a path for every error ---
  static std::string join(const std::string& path, std::string_view key) { return path.empty() ? std::string(key) : path + "." + std::string(key); }

  static const json& at(const json& object, std::string_view key, const std::string& path) {
    if (!object.is_object()) throw Malformed(path, {"harus berupa objek", "must be an object"});
    auto it = object.find(key);
    if (it == object.end()) {
      throw Malformed(join(path, key), {fmt::format("kunci '{}' tidak ada", key), fmt::format("key '{}' is missing", key)});
    }
    return *it;
  }
  static const json* find(const json& object, std::string_view key) {
    auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
  }
  static const json& array(const json& object, std::string_view key, const std::string& path) {
    const json& v = at(object, key, path);
    if (!v.is_array()) throw Malformed(join(path, key), {"harus berupa larik", "must be an array"});
    return v;
  }
  static std::string text(const json& v, const std::string& path) {
    if (!v.is_string() || (!v.get_ref<const std::string&>().empty() && v.get_ref<const std::string&>()[0] == kNumberMark)) {
      throw Malformed(path, {"harus berupa teks", "must be a string"});
    }
    return v.get<std::string>();
  }
  static void expect_text(const json& object, std::string_view key, const std::string& path, std::string_view want) {
    std::string got = text(at(object, key, path), join(path, key));
    if (got != want) {
      throw Malformed(join(path, key), {fmt::format("'{}', bukan '{}'", got, want), fmt::format("'{}', not '{}'", got, want)});
    }
  }
  static bool flag(const json& v, const std::string& path) {
    if (!v.is_boolean()) throw Malformed(path, {"harus true atau false", "must be true or false"});
    return v.get<bool>();
  }
  static std::size_t count(const json& object, std::string_view key, const std::string& path) {
    const json& v = at(object, key, path);
    if (!v.is_number_unsigned()) throw Malformed(join(path, key), {"harus bilangan bulat tak negatif", "must be a non-negative integer"});
    return v.get<std::size_t>();
  }
  // A count kept in 32 bits (respondents, answers): a larger one is refused, never cut.
  static std::uint32_t count32(const json& object, std::string_view key, const std::string& path) {
    const std::size_t n = count(object, key, path);
    if (n > UINT32_MAX) throw Malformed(join(path, key), {"bilangan terlalu besar", "number too large"});
    return std::uint32_t(n);
  }
  static int integer(const json& v, const std::string& path) {
    if (!v.is_number_integer() || v.get<long long>() < -1'000'000'000 || v.get<long long>() > 1'000'000'000) {
      throw Malformed(path, {"harus bilangan bulat", "must be an integer"});
    }
    return int(v.get<long long>());
  }
  // The decimal as written, keeping its places ("2.00" is 2.00, as the
  // writer printed a published score of two decimals).
  static Decimal decimal(const json& v, const std::string& path) {
    std::optional<Decimal> d;
    std::string written;
    if (v.is_number_integer()) {
      written = v.dump();
    } else if (v.is_string() && !v.get_ref<const std::string&>().empty() && v.get_ref<const std::string&>()[0] == kNumberMark) {
      written = v.get_ref<const std::string&>().substr(1);
    }
    d = Decimal::parse(written);
    if (d) {
      auto point = written.find('.');
      int places = point == std::string::npos ? 0 : int(written.size() - point - 1);
      std::int64_t mantissa = d->mantissa();
      bool fits = places <= Decimal::kMaxScale;
      for (int e = d->scale(); fits && e < places; ++e) fits = !__builtin_mul_overflow(mantissa, 10, &mantissa);
      d = fits ? std::optional<Decimal>(Decimal::from_scaled(mantissa, places)) : std::nullopt;
    }
    if (!d) throw Malformed(path, {"harus bilangan desimal", "must be a decimal number"});
    return *d;
  }
  static LocalizedText localized(const json& v, const std::string& path) {
    return {text(at(v, "id", path), join(path, "id")), text(at(v, "en", path), join(path, "en"))};
  }
  // "3.41" or 17 significant digits, as Number::to_string writes it.
  static Number exact(const json& v, bool is_exact, const std::string& path) {
    std::string t = text(v, path);
    if (auto d = Decimal::parse(t); d && is_exact) return Number::of(*d);
    if (!is_exact) {
      char* end = nullptr;
      double value = std::strtod(t.c_str(), &end);
      if (!t.empty() && end == t.c_str() + t.size()) return Number::approximate(value);
    }
    throw Malformed(path, {fmt::format("'{}' bukan nilai yang ditulis siap", t), fmt::format("'{}' is not a value siap writes", t)});
  }

  // A double as the writer's real() prints it, or NaN for null.
  static double real(const json& object, std::string_view key, const std::string& path) {
    const json& v = at(object, key, path);
    if (v.is_null()) return std::nan("");
    if (v.is_number_integer()) return double(v.get<long long>());
    // Fractions arrive as their text, marked (see Parser above).
    if (v.is_string() && v.get_ref<const std::string&>().size() > 1 && v.get_ref<const std::string&>()[0] == kNumberMark) {
      const std::string t = v.get_ref<const std::string&>().substr(1);
      char* end = nullptr;
      const double d = std::strtod(t.c_str(), &end);
      if (end == t.c_str() + t.size()) return d;
    }
    throw Malformed(join(path, key), {"harus bilangan atau null", "must be a number or null"});
  }

  // --- sections ---
  // A composite indicator's treatments: each indicator by its id (a treated
  // leaf of this framework), each event by indicator and unit code.
  void read_treatment(const json& t, Assessment& a) {
    auto log = std::make_shared<TreatmentLog>();
    const json& indicators = array(t, "indicators", "treatment");
    for (std::size_t i = 0; i < indicators.size(); ++i) {
      const std::string path = fmt::format("treatment.indicators[{}]", i);
      const json& x = indicators[i];
      const std::string id = text(at(x, "id", path), join(path, "id"));
      auto leaf = fw_.find_node(id);
      if (!leaf || !fw_.nodes[std::size_t(*leaf)].treatment) {
        throw Malformed(join(path, "id"), {fmt::format("'{}' bukan indikator dengan treatment di kerangka", id),
                                           fmt::format("'{}' is not a treated indicator of the framework", id)});
      }
      expect_text(x, "normalise", path, normaliser_key(fw_.nodes[std::size_t(*leaf)].treatment->normalise));
      TreatedIndicator info;
      info.leaf = *leaf;
      info.present = count(x, "present", path);
      info.imputed = count(x, "imputed", path);
      info.passed_before = flag(at(x, "passed_before", path), join(path, "passed_before"));
      info.skew_before = real(x, "skew_before", path);
      info.kurtosis_before = real(x, "kurtosis_before", path);
      info.skew_after = real(x, "skew_after", path);
      info.kurtosis_after = real(x, "kurtosis_after", path);
      info.winsorised = int(count(x, "winsorised", path));
      info.log_transformed = flag(at(x, "log_transformed", path), join(path, "log_transformed"));
      info.constant = flag(at(x, "constant", path), join(path, "constant"));
      info.min = real(x, "min", path);
      info.max = real(x, "max", path);
      log->indicators.push_back(info);
    }
    const json& events = array(t, "events", "treatment");
    static const std::pair<const char*, TreatmentEvent::Kind> kinds[] = {{"imputed", TreatmentEvent::Kind::imputed},
                                                                         {"not_imputed", TreatmentEvent::Kind::not_imputed},
                                                                         {"no_denominator", TreatmentEvent::Kind::no_denominator},
                                                                         {"winsorised", TreatmentEvent::Kind::winsorised},
                                                                         {"not_positive", TreatmentEvent::Kind::not_positive}};
    for (std::size_t i = 0; i < events.size(); ++i) {
      const std::string path = fmt::format("treatment.events[{}]", i);
      const json& e = events[i];
      TreatmentEvent event;
      const std::string kind = text(at(e, "kind", path), join(path, "kind"));
      auto k = std::find_if(std::begin(kinds), std::end(kinds), [&](const auto& p) { return kind == p.first; });
      if (k == std::end(kinds))
        throw Malformed(join(path, "kind"), {fmt::format("jenis '{}' tidak dikenal", kind), fmt::format("unknown kind '{}'", kind)});
      event.kind = k->second;
      auto leaf = fw_.find_node(text(at(e, "indicator", path), join(path, "indicator")));
      if (!leaf) throw Malformed(join(path, "indicator"), {"bukan simpul kerangka", "not a node of the framework"});
      event.leaf = *leaf;
      const std::string code = text(at(e, "code", path), join(path, "code"));
      const std::string name = text(at(e, "unit", path), join(path, "unit"));
      const auto& units = data_->units;
      auto u = std::find_if(units.begin(), units.end(), [&](const Unit& x) { return x.code() == code && x.name == name; });
      if (u == units.end()) throw Malformed(join(path, "code"), {"bukan unit penilaian ini", "not a unit of this assessment"});
      event.unit = int(u - units.begin());
      if (e.contains("before")) event.before = real(e, "before", path);
      if (e.contains("after")) event.after = real(e, "after", path);
      log->events.push_back(event);
    }
    a.treatment = std::move(log);
  }

  void read_framework(const json& f, Assessment& a) {
    expect_text(f, "id", "framework", fw_.id);
    expect_text(f, "version", "framework", fw_.version);
    std::string profile = text(at(f, "profile", "framework"), "framework.profile");
    if (profile != "default") {
      for (std::size_t p = 0; p < fw_.profiles.size(); ++p) {
        if (fw_.profiles[p].id == profile) a.profile = int(p);
      }
      if (a.profile < 0) {
        throw Malformed("framework.profile", {fmt::format("profil bobot '{}' tidak ada dalam kerangka", profile),
                                              fmt::format("weight profile '{}' is not in the framework", profile)});
      }
    }
    const json& score = at(f, "score", "framework");
    if (integer(at(score, "decimals", "framework.score"), "framework.score.decimals") != fw_.score.decimals) {
      throw Malformed("framework.score.decimals", {"berbeda dengan kerangka", "differs from the framework's"});
    }
  }

  void read_inputs(const json& inputs, Dataset& data) {
    for (std::size_t i = 0; i < inputs.size(); ++i) {
      const json& f = inputs[i];
      std::string path = fmt::format("inputs[{}]", i);
      InputFileInfo info;
      info.name = text(at(f, "file", path), path + ".file");
      info.sha256 = text(at(f, "sha256", path), path + ".sha256");
      info.bytes = count(f, "bytes", path);
      std::string delimiter = text(at(f, "delimiter", path), path + ".delimiter");
      if (delimiter.size() != 1) throw Malformed(path + ".delimiter", {"harus satu karakter", "must be one character"});
      info.delimiter = delimiter[0];
      info.decimal_comma = flag(at(f, "decimal_comma", path), path + ".decimal_comma");
      info.rows_read = count(f, "rows_read", path);
      info.rows_accepted = count(f, "rows_accepted", path);
      info.rows_rejected = count(f, "rows_rejected", path);
      data.files.push_back(std::move(info));
    }
  }

  static UnitLevel level_of(const LocalizedText& type, const std::string& path) {
    if (type.en == "Province") return UnitLevel::provinsi;
    if (type.en == "Regency") return UnitLevel::kabupaten;
    if (type.en == "City") return UnitLevel::kota;
    if (type.en == "Other") return UnitLevel::other;
    throw Malformed(path, {fmt::format("jenis '{}' tidak dikenal", type.en), fmt::format("unknown type '{}'", type.en)});
  }

  int band_index(const BandSet& set, const json& v, const std::string& path) const {
    if (v.is_null()) return -1;
    std::string id = text(v, path);
    for (std::size_t b = 0; b < set.bands.size(); ++b) {
      if (set.bands[b].id == id) return int(b);
    }
    throw Malformed(path,
                    {fmt::format("predikat '{}' tidak ada di himpunan '{}'", id, set.id), fmt::format("band '{}' is not in set '{}'", id, set.id)});
  }

  void read_score(const json& s, int depth, NodeScore& out, ScoreBlock& block, const std::string& path) const {
    out.assessed = flag(at(s, "assessed", path), path + ".assessed");
    const Decimal coverage = decimal(at(s, "coverage", path), path + ".coverage");
    if (coverage.is_negative() || coverage > Decimal::from_int(1)) {
      throw Malformed(path + ".coverage", {"cakupan harus antara 0 dan 1", "coverage must be between 0 and 1"});
    }
    out.set_coverage(Number::of(coverage));
    if (!out.assessed) return;
    block.exact(out) = exact(at(s, "exact", path), flag(at(s, "exact_is_exact", path), path + ".exact_is_exact"), path + ".exact");
    out.published = decimal(at(s, "published", path), path + ".published");
    if (const json* given = find(s, "given")) out.given = flag(*given, path + ".given");
    if (const json* bands = find(s, "bands")) {
      const auto& sets = fw_.band_sets_at(depth);
      for (int set : sets) {
        const BandSet& bs = fw_.band_sets[std::size_t(set)];
        out.bands.push_back(band_index(bs, at(*bands, bs.id, path + ".bands"), path + ".bands." + bs.id));
      }
    }
  }

  void read_units(const json& units, Assessment& a) {
    std::size_t facet_values = 0;
    for (const Facet& facet : fw_.facets) facet_values += facet.values.size();
    const std::size_t per_unit = fw_.nodes.size() + facet_values;
    a.scores = ScoreBlock(units.size() * per_unit);
    for (std::size_t i = 0; i < units.size(); ++i) {
      const json& u = units[i];
      const std::string path = fmt::format("units[{}]", i);
      const json& code_field = at(u, "code", path);
      std::string code = code_field.is_null() ? "" : text(code_field, path + ".code");
      std::string name = text(at(u, "name", path), path + ".name");
      const UnitLevel level = level_of(localized(at(u, "type", path), path + ".type"), path + ".type");
      const json& province = at(u, "province", path);
      std::string province_code, province_name;
      if (!province.is_null()) {
        province_name = text(province, path + ".province");
        province_code = level == UnitLevel::provinsi ? code : code.substr(0, code.find('.'));
      }
      UnitResult r;
      r.unit = int(data_->units.size());
      data_->units.emplace_back(-1, std::move(code), std::move(name), level, std::move(province_code), std::move(province_name));
      r.respondents = count32(u, "respondents", path);
      r.assessed = flag(at(u, "assessed", path), path + ".assessed");
      std::span<NodeScore> scores = a.scores.slice(i * per_unit, per_unit);
      r.nodes = scores.first(fw_.nodes.size());
      std::size_t next = fw_.nodes.size();
      for (const Facet& facet : fw_.facets) {
        r.facets.push_back(scores.subspan(next, facet.values.size()));
        next += facet.values.size();
      }
      if (r.assessed) {
        r.rank = integer(at(u, "rank", path), path + ".rank");
        r.rank_in_type = integer(at(u, "rank_in_type", path), path + ".rank_in_type");
        const json& in_province = at(u, "rank_in_province", path);
        r.rank_in_province = in_province.is_null() ? 0 : integer(in_province, path + ".rank_in_province");
        read_score(at(u, "index", path), 0, r.nodes[0], a.scores, path + ".index");
        if (const json* next_band = find(u, "next_band")) {
          const auto& overall = fw_.band_sets_at(0);
          if (overall.empty()) throw Malformed(path + ".next_band", {"kerangka tanpa predikat keseluruhan", "the framework has no overall bands"});
          int band = band_index(fw_.band_sets[std::size_t(overall[0])], at(*next_band, "band", path + ".next_band"), path + ".next_band.band");
          if (band < 0) throw Malformed(path + ".next_band.band", {"harus berupa predikat", "must be a band"});
          r.next_band = band;
          r.gap_to_next_band = decimal(at(*next_band, "gap", path + ".next_band"), path + ".next_band.gap");
        }
      } else {
        const json& why = at(u, "not_assessed", path);
        r.why_not =
            std::make_shared<const NotAssessed>(NotAssessed{text(at(why, "code", path + ".not_assessed"), path + ".not_assessed.code"),
                                                            localized(at(why, "reason", path + ".not_assessed"), path + ".not_assessed.reason")});
      }
      const json& nodes = at(u, "nodes", path);
      for (std::size_t n = 1; n < fw_.nodes.size(); ++n) {
        const std::string node_path = path + ".nodes." + fw_.nodes[n].id;
        read_score(at(nodes, fw_.nodes[n].id, path + ".nodes"), fw_.nodes[n].depth, r.nodes[n], a.scores, node_path);
      }
      if (nodes.size() != fw_.nodes.size() - 1)
        throw Malformed(path + ".nodes", {"simpul tidak sesuai kerangka", "nodes do not match the framework"});
      const json& answers = at(u, "answers", path);
      for (int leaf : fw_.leaves) {
        const std::string& id = fw_.nodes[std::size_t(leaf)].id;
        r.nodes[std::size_t(leaf)].answers = count32(answers, id, path + ".answers");
      }
      if (!fw_.facets.empty()) {
        const json& facets = at(u, "facets", path);
        for (std::size_t f = 0; f < fw_.facets.size(); ++f) {
          const Facet& facet = fw_.facets[f];
          const json& values = at(facets, facet.id, path + ".facets");
          for (std::size_t v = 0; v < facet.values.size(); ++v) {
            const std::string value_path = path + ".facets." + facet.id + "." + facet.values[v].id;
            const json& s = at(values, facet.values[v].id, path + ".facets." + facet.id);
            NodeScore& score = r.facets[f][v];
            if (const json* assessed = find(s, "assessed"); assessed != nullptr && !flag(*assessed, value_path + ".assessed")) continue;
            score.assessed = true;
            score.set_coverage(Number::of(1));
            // Written without its exactness: a plain decimal is read as exact.
            const json& text_value = at(s, "exact", value_path);
            a.scores.exact(score) = Decimal::parse(text(text_value, value_path + ".exact")) ? exact(text_value, true, value_path + ".exact")
                                                                                            : exact(text_value, false, value_path + ".exact");
            score.published = decimal(at(s, "published", value_path), value_path + ".published");
          }
        }
      }
      a.results.push_back(std::move(r));
    }
  }

  static IssueKind outcome(const json& v, const std::string& path) {
    std::string t = text(v, path);
    if (t == "row_rejected") return IssueKind::row_rejected;
    if (t == "cell_ignored") return IssueKind::cell_ignored;
    if (t == "value_mapped") return IssueKind::value_mapped;
    throw Malformed(path, {fmt::format("'{}' bukan row_rejected, cell_ignored atau value_mapped", t),
                           fmt::format("'{}' is not row_rejected, cell_ignored or value_mapped", t)});
  }

  static void read_quality(const json& root, QualityLog& log) {
    const json& groups = array(root, "quality_groups", "");
    std::vector<IssueGroup> saved;
    std::vector<std::size_t> listed;
    for (std::size_t i = 0; i < groups.size(); ++i) {
      const json& g = groups[i];
      const std::string path = fmt::format("quality_groups[{}]", i);
      IssueGroup group;
      group.file = text(at(g, "file", path), path + ".file");
      group.column = text(at(g, "column", path), path + ".column");
      group.kind = outcome(at(g, "outcome", path), path + ".outcome");
      group.code = text(at(g, "code", path), path + ".code");
      group.count = count(g, "count", path);
      group.reason = localized(at(g, "reason", path), path + ".reason");
      listed.push_back(count(g, "examples", path));
      saved.push_back(std::move(group));
    }
    const json& examples = array(root, "quality", "");
    for (std::size_t i = 0; i < examples.size(); ++i) {
      const json& e = examples[i];
      const std::string path = fmt::format("quality[{}]", i);
      QualityIssue issue;
      issue.file = text(at(e, "file", path), path + ".file");
      issue.line = integer(at(e, "line", path), path + ".line");
      issue.column = text(at(e, "column", path), path + ".column");
      issue.value = text(at(e, "value", path), path + ".value");
      issue.kind = outcome(at(e, "outcome", path), path + ".outcome");
      issue.code = text(at(e, "code", path), path + ".code");
      issue.reason = localized(at(e, "reason", path), path + ".reason");
      IssueGroup* home = nullptr;
      for (auto& g : saved) {
        if (g.kind == issue.kind && g.file == issue.file && g.column == issue.column && g.code == issue.code) home = &g;
      }
      if (home == nullptr) throw Malformed(path, {"tidak termasuk kelompok mana pun di quality_groups", "belongs to no group of quality_groups"});
      home->examples.push_back(std::move(issue));
    }
    std::size_t shown = 0;
    for (std::size_t g = 0; g < saved.size(); ++g) {
      if (saved[g].examples.size() != listed[g] || listed[g] > saved[g].count) {
        throw Malformed(fmt::format("quality_groups[{}].examples", g), {"tidak sesuai dengan daftar quality", "does not match the quality list"});
      }
      shown += listed[g];
      log.restore(std::move(saved[g]));
    }
    if (log.size() - shown != count(root, "quality_elided", "")) {
      throw Malformed("quality_elided", {"tidak sesuai dengan jumlah kelompok", "does not match the groups' counts"});
    }
  }

  const Framework& fw_;
  std::shared_ptr<Dataset> data_;  // filled here, shared (read-only) with the assessment
};

}  // namespace

Expected<SavedAssessment> read_assessment_json(std::string_view text, const std::string& source, const Framework& fw) {
  RawNumberDom dom;
  if (!json::sax_parse(text.begin(), text.end(), &dom)) {
    if (dom.too_deep) {
      return Diagnostics{Diagnostic{{source, 0, 0}, "", {"JSON bersarang lebih dari 64 tingkat", "JSON nested more than 64 levels"}}};
    }
    // A position as line and column, for editors.
    std::size_t end = std::min(dom.error_position, text.size());
    int line = 1, column = 1;
    for (std::size_t i = 0; i + 1 < end; ++i) {
      if (text[i] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    return Diagnostics{Diagnostic{{source, line, column}, "", {"bukan JSON yang sah", "not valid JSON"}}};
  }
  try {
    return Reader(fw).read(dom.root);
  } catch (const Malformed& e) {
    return Diagnostics{Diagnostic{
        {source, 0, 0}, e.path, {"bukan penilaian siap/assessment/v1: " + e.message.id, "not a siap/assessment/v1 assessment: " + e.message.en}}};
  }
}

namespace {

// Reads only as far as framework.id and framework.version, keeping nothing else.
class FrameworkHead : public nlohmann::json_sax<json> {
 public:
  std::string id, version;
  bool found() const { return !id.empty() && !version.empty(); }

  bool null() override { return value(""); }
  bool boolean(bool) override { return value(""); }
  bool number_integer(number_integer_t) override { return value(""); }
  bool number_unsigned(number_unsigned_t) override { return value(""); }
  bool number_float(number_float_t, const string_t&) override { return value(""); }
  bool string(string_t& text) override { return value(text); }
  bool binary(binary_t&) override { return false; }
  bool start_object(std::size_t) override { return open(); }
  bool start_array(std::size_t) override { return open(); }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }
  bool key(string_t& name) override {
    if (depth_ == 1) in_framework_ = name == "framework";
    key_ = name;
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

 private:
  bool value(const std::string& text) {
    if (depth_ == 2 && in_framework_ && key_ == "id") id = text;
    if (depth_ == 2 && in_framework_ && key_ == "version") version = text;
    return !found();  // stop as soon as both are read
  }
  bool open() {
    // Deeper than an assessment JSON goes: not one (and no unbounded nesting).
    return ++depth_ < 64;
  }
  bool close() {
    if (depth_ == 2 && in_framework_) in_framework_ = false;
    --depth_;
    return true;
  }
  int depth_ = 0;
  bool in_framework_ = false;
  std::string key_;
};

}  // namespace

std::optional<std::pair<std::string, std::string>> assessment_json_framework(std::string_view text) {
  FrameworkHead head;
  json::sax_parse(text.begin(), text.end(), &head);
  if (!head.found()) return std::nullopt;
  return std::pair{head.id, head.version};
}

}  // namespace siap
