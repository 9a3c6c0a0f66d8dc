// The study manifest, read with the framework loader's strict YAML reader:
// one pass reports every error with its file:line:col.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "framework/yaml_guard.hpp"
#include "framework/yaml_reader.hpp"
#include "siap/study.hpp"
#include "siap/utf8.hpp"

namespace siap {
namespace {

// What a run may ask of assess, and the option it becomes.
struct RunOption {
  const char* key;
  const char* flag;
  enum Kind { text, integer, decimal, list, flag_only } kind;
};
constexpr RunOption kRunOptions[] = {
    {"profile", "--profile", RunOption::text},
    {"province", "--province", RunOption::list},
    {"title", "--title", RunOption::text},
    {"rollup", "--rollup", RunOption::text},
    {"rollup_method", "--rollup-method", RunOption::text},
    {"min_coverage", "--min-coverage", RunOption::decimal},
    {"bootstrap", "--bootstrap", RunOption::integer},
    {"seed", "--seed", RunOption::integer},
    {"confidence", "--confidence", RunOption::decimal},
    {"reliability", "--reliability", RunOption::flag_only},
    {"allow_non_regions", "--allow-non-regions", RunOption::flag_only},
    {"include_incomplete", "--include-incomplete", RunOption::flag_only},
};

const std::vector<std::string> kAssessFormats{"text", "json", "csv", "md", "html", "xlsx", "responses", "intervals", "map", "map-png", "rollup"};
const std::vector<std::string> kCompareFormats{"text", "json", "csv", "md", "html", "xlsx"};

std::string absolute(const std::string& base, const std::string& path) {
  std::filesystem::path p(path);
  return (p.is_absolute() ? p : std::filesystem::path(base) / p).lexically_normal().string();
}

class StudyLoader {
 public:
  StudyLoader(const std::string& file, const std::string& base, Diagnostics& errors) : reader_(file, errors), base_(base) {}

  void load(const YAML::Node& doc, Study& study) {
    MapReader top(reader_, doc, "", {"schema", "title", "output", "lang", "runs", "comparisons"});
    if (!top.valid()) return;
    if (auto schema = reader_.string(top.required("schema"), "schema"); schema && *schema != "siap/study/v1") {
      reader_.error(top.get("schema"), "schema", {"harus 'siap/study/v1'", "must be 'siap/study/v1'"});
    }
    if (top.has("title")) study.title = reader_.string(top.get("title"), "title").value_or("");
    if (auto out = reader_.string(top.required("output"), "output")) study.output = absolute(base_, *out);
    if (top.has("lang")) study.lang = reader_.choice(top.get("lang"), "lang", {"bahasa", "language"}, {"id", "en"}).value_or("");
    const YAML::Node runs = top.required("runs");
    if (reader_.expect_sequence(runs, "runs")) {
      if (runs.size() == 0) reader_.error(runs, "runs", {"paling sedikit satu penilaian", "at least one run"});
      for (std::size_t i = 0; i < runs.size(); ++i) run(runs[i], fmt::format("runs[{}]", i), study);
    }
    if (top.has("comparisons") && reader_.expect_sequence(top.get("comparisons"), "comparisons")) {
      const YAML::Node list = top.get("comparisons");
      for (std::size_t i = 0; i < list.size(); ++i) comparison(list[i], fmt::format("comparisons[{}]", i), study);
    }
  }

 private:
  // A run's or comparison's name becomes a folder: unique, and never one of the summary's files.
  bool unique_name(const YAML::Node& at, const std::string& path, const std::string& name) {
    if (!names_.insert(name).second) {
      reader_.error(at, path, {fmt::format("nama '{}' sudah dipakai", name), fmt::format("the name '{}' is already taken", name)});
      return false;
    }
    return true;
  }

  void run(const YAML::Node& node, const std::string& path, Study& study) {
    std::vector<std::string> keys{"name", "framework", "inputs", "formats", "year"};
    for (const RunOption& o : kRunOptions) keys.push_back(o.key);
    MapReader m(reader_, node, path, keys);
    if (!m.valid()) return;
    StudyRun r;
    r.line = reader_.location(node).line;
    auto name = reader_.identifier(m.required("name"), m.path_of("name"));
    if (name && unique_name(m.get("name"), m.path_of("name"), *name)) r.name = *name;
    if (auto fw = reader_.string(m.required("framework"), m.path_of("framework"))) {
      // A built-in id stays an id; anything with a path separator or a .yaml ending is a file.
      const bool file = fw->find('/') != std::string::npos || fw->ends_with(".yaml") || fw->ends_with(".yml");
      r.framework = file ? absolute(base_, *fw) : *fw;
      if (file && !std::filesystem::exists(r.framework)) {
        reader_.error(m.get("framework"), m.path_of("framework"),
                      {fmt::format("berkas tidak ada: {}", r.framework), fmt::format("no such file: {}", r.framework)});
      }
    }
    const YAML::Node inputs = m.required("inputs");
    for (const std::string& input : reader_.string_list(inputs, m.path_of("inputs"))) {
      r.inputs.push_back(absolute(base_, input));
      if (!std::filesystem::exists(r.inputs.back())) {
        reader_.error(inputs, m.path_of("inputs"),
                      {fmt::format("berkas tidak ada: {}", r.inputs.back()), fmt::format("no such file: {}", r.inputs.back())});
      }
    }
    if (inputs.IsDefined() && r.inputs.empty() && !inputs.IsNull()) {
      reader_.error(inputs, m.path_of("inputs"), {"paling sedikit satu berkas", "at least one file"});
    }
    if (m.has("formats")) {
      const YAML::Node formats = m.get("formats");
      for (const std::string& f : reader_.string_list(formats, m.path_of("formats"))) {
        if (std::find(kAssessFormats.begin(), kAssessFormats.end(), f) == kAssessFormats.end()) {
          reader_.error(formats, m.path_of("formats"), {fmt::format("format tidak dikenal '{}'", f), fmt::format("unknown format '{}'", f)});
        } else if (std::find(r.formats.begin(), r.formats.end(), f) == r.formats.end()) {
          r.formats.push_back(f);
        }
      }
    } else {
      r.formats = {"html", "xlsx"};
    }
    // The JSON is what the summary and the comparisons read.
    if (std::find(r.formats.begin(), r.formats.end(), "json") == r.formats.end()) r.formats.push_back("json");
    if (m.has("year")) r.year = int(reader_.integer(m.get("year"), m.path_of("year"), 1900, 2200).value_or(0));
    for (const RunOption& o : kRunOptions) {
      if (!m.has(o.key)) continue;
      const YAML::Node value = m.get(o.key);
      const std::string at = m.path_of(o.key);
      switch (o.kind) {
        case RunOption::text:
          if (auto s = reader_.string(value, at)) r.options.insert(r.options.end(), {o.flag, *s});
          break;
        case RunOption::integer:
          if (auto n = reader_.integer(value, at, 0, 1'000'000'000'000LL)) r.options.insert(r.options.end(), {o.flag, std::to_string(*n)});
          break;
        case RunOption::decimal:
          if (auto d = reader_.decimal(value, at)) r.options.insert(r.options.end(), {o.flag, d->to_string()});
          break;
        case RunOption::list: {
          const auto items = reader_.string_list(value, at);
          if (!items.empty()) r.options.insert(r.options.end(), {o.flag, fmt::format("{}", fmt::join(items, ","))});
          break;
        }
        case RunOption::flag_only:
          if (reader_.boolean(value, at).value_or(false)) r.options.push_back(o.flag);
          break;
      }
    }
    study.runs.push_back(std::move(r));
  }

  void comparison(const YAML::Node& node, const std::string& path, Study& study) {
    MapReader m(reader_, node, path, {"name", "runs", "formats"});
    if (!m.valid()) return;
    StudyComparison c;
    auto name = reader_.identifier(m.required("name"), m.path_of("name"));
    if (name && unique_name(m.get("name"), m.path_of("name"), *name)) c.name = *name;
    const YAML::Node runs = m.required("runs");
    c.runs = reader_.string_list(runs, m.path_of("runs"));
    if (runs.IsDefined() && c.runs.size() < 2) reader_.error(runs, m.path_of("runs"), {"paling sedikit dua penilaian", "at least two runs"});
    for (const std::string& run : c.runs) {
      const bool known = std::any_of(study.runs.begin(), study.runs.end(), [&](const StudyRun& r) { return r.name == run; });
      if (!known)
        reader_.error(runs, m.path_of("runs"), {fmt::format("tidak ada penilaian bernama '{}'", run), fmt::format("no run named '{}'", run)});
    }
    c.formats = {"html", "json"};
    if (m.has("formats")) {
      c.formats.clear();
      const YAML::Node formats = m.get("formats");
      for (const std::string& f : reader_.string_list(formats, m.path_of("formats"))) {
        if (std::find(kCompareFormats.begin(), kCompareFormats.end(), f) == kCompareFormats.end()) {
          reader_.error(formats, m.path_of("formats"), {fmt::format("format tidak dikenal '{}'", f), fmt::format("unknown format '{}'", f)});
        } else {
          c.formats.push_back(f);
        }
      }
    }
    study.comparisons.push_back(std::move(c));
  }

  YamlReader reader_;
  std::string base_;
  std::set<std::string> names_{"ringkasan", "summary", "index"};
};

}  // namespace

Expected<Study> load_study(std::string_view text, const std::string& file, const std::string& base) {
  if (!is_valid_utf8(text)) return Diagnostics{Diagnostic{{file, 0, 0}, "", {"bukan UTF-8 yang valid", "not valid UTF-8"}}};
  auto document = load_yaml_document(text, file);
  if (!document) return document.errors();
  Diagnostics errors;
  Study study;
  study.file = file;
  StudyLoader(file, base, errors).load(*document, study);
  if (!errors.empty()) return errors;
  return study;
}

Expected<Study> load_study_file(const std::string& path, const std::string& base) {
  auto text = read_yaml_file(path);
  if (!text) return text.errors();
  return load_study(*text, path, base);
}

}  // namespace siap
