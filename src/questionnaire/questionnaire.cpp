// Framework -> Questionnaire: the questions and choice lists an XLSForm
// needs (shared/domain/questionnaires.md 2), named as the framework's
// columns so that the form's exports are read back as they come.
#include "siap/questionnaire.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "siap/regions.hpp"

namespace siap {
namespace {

constexpr const char* kProvinceQuestion = "provinsi";
constexpr const char* kConsentQuestion = "persetujuan";
constexpr const char* kRegionList = "kabkota";
constexpr const char* kYesChoice = "ya";
constexpr int kMaxInlineLevels = 20;  // an integer scale without labels becomes choices up to this many levels

bool is_name_start(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }
bool is_name_char(char c) { return is_name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.'; }

// A group or list name from a framework id: invalid characters become `_`,
// and so does `.`, which Kobo may use to join group and question names.
std::string safe_name(std::string_view id) {
  std::string out;
  for (char c : id) out += is_name_char(c) && c != '.' ? c : '_';
  if (out.empty() || !is_name_start(out[0])) out.insert(0, "_");
  return out;
}

LocalizedText both(const LocalizedText& text) { return {text.id, text.en.empty() ? text.id : text.en}; }

// A choice name for an answer siap reads: spaces become `_` (a name is a
// token in XLSForm), which siap's answer matching ignores, so "Tidak_ada"
// in an export reads as the framework's "Tidak ada".
std::string choice_name(std::string_view answer) {
  std::string out;
  for (char c : answer) {
    bool space = c == ' ' || c == '\t' || c == '\r' || c == '\n';
    if (!space) {
      out += c;
    } else if (!out.empty() && out.back() != '_') {
      out += '_';
    }
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  return out;
}

// The first of a yes/no scale's words that is one word; "" when none is.
std::string one_word(const std::vector<std::string>& words, const char* fallback) {
  if (words.empty()) return fallback;
  for (const std::string& w : words) {
    if (!w.empty() && w.find_first_of(" \t\r\n") == std::string::npos) return w;
  }
  return "";
}

// An ordinal or Likert scale as choices: its labelled levels, or every
// whole number of a short unlabelled range. Empty: the answer is typed.
std::vector<FormChoice> level_choices(const Scale& scale, const std::string& list) {
  std::vector<FormChoice> out;
  if (!scale.points.empty()) {
    for (const ScalePoint& p : scale.points) {
      LocalizedText label = p.label.empty() ? LocalizedText{p.value.to_string(), p.value.to_string()} : both(p.label);
      out.push_back({list, p.value.to_string(), label, ""});
    }
    return out;
  }
  if (!scale.integer_only || !scale.min.is_integer() || !scale.max.is_integer()) return out;
  auto lo = scale.min.mantissa(), hi = scale.max.mantissa();
  for (int s = 0; s < scale.min.scale(); ++s) lo /= 10;
  for (int s = 0; s < scale.max.scale(); ++s) hi /= 10;
  if (hi - lo + 1 > kMaxInlineLevels) return out;
  for (auto v = lo; v <= hi; ++v) out.push_back({list, std::to_string(v), {std::to_string(v), std::to_string(v)}, ""});
  return out;
}

// The choices a leaf's scale gives; empty when the answer is a number typed in.
std::vector<FormChoice> answer_choices(const Scale& scale, const std::string& list) {
  switch (scale.kind) {
    case ScaleKind::ordinal:
    case ScaleKind::likert:
      return level_choices(scale, list);
    case ScaleKind::yes_no:
      // yes/no answers are matched whole, so the saved name is a word the scale lists as it is.
      return {{list, one_word(scale.yes_words, "ya"), {"Ya", "Yes"}, ""}, {list, one_word(scale.no_words, "tidak"), {"Tidak", "No"}, ""}};
    case ScaleKind::categorical: {
      std::vector<FormChoice> out;
      for (const CategoryScore& c : scale.categories) out.push_back({list, choice_name(c.answer), {c.answer, c.answer}, ""});
      return out;
    }
    case ScaleKind::numeric:
      break;
  }
  return {};
}

// The choices a leaf's scale gives; empty when the answer is a number typed
// in. A scale that declares no-answer markers offers the first that can be
// a choice name (letters, digits, _ - .: "99", not "n/a") as a last choice, so a required item can still be left
// unanswered the way the framework allows.
std::vector<FormChoice> scale_choices(const Scale& scale) {
  const std::string list = safe_name(scale.id);
  std::vector<FormChoice> out = answer_choices(scale, list);
  if (out.empty()) return out;
  for (const std::string& marker : scale.no_answer) {
    if (!marker.empty() && std::all_of(marker.begin(), marker.end(), is_name_char)) {
      out.push_back({list, marker, {"Tidak tahu / tidak menjawab", "Don't know / no answer"}, ""});
      break;
    }
  }
  return out;
}

Diagnostic problem(const Framework& fw, const SourceLocation& where, const std::string& path, LocalizedText message) {
  Diagnostic d;
  d.where = where.file.empty() ? fw.where : where;
  d.path = path;
  d.message = std::move(message);
  return d;
}

// "Kuesioner ini ...": what the form is and whose it is.
LocalizedText status_note(const Framework& fw) {
  const LocalizedText& status = status_label(fw.provenance.status);
  LocalizedText out{fmt::format("Kuesioner dari kerangka {} versi {} (status: {}).", fw.title.id, fw.version, status.id),
                    fmt::format("Questionnaire from the framework {} version {} (status: {}).", both(fw.title).en, fw.version, status.en)};
  if (fw.provenance.status != Status::official) {
    out.id += " Butir, skala dan bobotnya sebagian ditetapkan oleh proyek siap, bukan instrumen resmi pemerintah.";
    out.en += " Its items, scales or weights are partly siap's own choices, not an official government instrument.";
  }
  return out;
}

}  // namespace

bool is_xlsform_name(std::string_view name) {
  if (name.empty() || !is_name_start(name[0])) return false;
  return std::all_of(name.begin(), name.end(), is_name_char);
}

Diagnostics questionnaire_problems(const Framework& fw) {
  Diagnostics out;
  std::set<std::string> reserved{kProvinceQuestion, kConsentQuestion, "start", "end", "today"};
  for (int leaf : fw.leaves) {
    const Node& node = fw.nodes[std::size_t(leaf)];
    if (!is_xlsform_name(node.column.name)) {
      out.push_back(
          problem(fw, node.where, node.path,
                  {fmt::format("kolom butir '{}' bukan nama XLSForm yang sah (huruf atau _, lalu huruf, angka, _, - atau .)", node.column.name),
                   fmt::format("item column '{}' is not a valid XLSForm name (a letter or _, then letters, digits, _, - or .)", node.column.name)}));
    }
    if (reserved.count(node.column.name) > 0) {
      out.push_back(problem(fw, node.where, node.path,
                            {fmt::format("kolom butir '{}' bentrok dengan pertanyaan identitas formulir", node.column.name),
                             fmt::format("item column '{}' clashes with a question of the form's identity block", node.column.name)}));
    }
    if (node.name.id.empty() && node.name.en.empty()) {
      out.push_back(
          problem(fw, node.where, node.path,
                  {fmt::format("butir '{}' tidak punya teks pertanyaan", node.id), fmt::format("item '{}' has no question text", node.id)}));
    }
  }
  for (const Scale& scale : fw.scales) {
    for (const FormChoice& c : scale_choices(scale)) {
      // A yes/no scale whose answers are all several words has no name to save.
      if (c.name.empty()) {
        out.push_back(problem(fw, scale.where, "scales",
                              {fmt::format("skala '{}': perlu satu jawaban satu kata untuk ya dan untuk tidak (nama pilihan XLSForm)", scale.id),
                               fmt::format("scale '{}': needs a one-word answer for yes and for no (an XLSForm choice name)", scale.id)}));
      }
    }
  }
  for (const ColumnSpec* column : {&fw.input.unit_column, &fw.input.respondent_id_column, &fw.input.group_column}) {
    if (!column->empty() && !is_xlsform_name(column->name)) {
      out.push_back(problem(fw, {}, "input",
                            {fmt::format("kolom '{}' bukan nama XLSForm yang sah", column->name),
                             fmt::format("column '{}' is not a valid XLSForm name", column->name)}));
    }
    if (!column->empty() && reserved.count(column->name) > 0) {
      out.push_back(problem(fw, {}, "input",
                            {fmt::format("kolom '{}' bentrok dengan pertanyaan formulir yang bernama sama", column->name),
                             fmt::format("column '{}' clashes with the form's question of that name", column->name)}));
    }
  }
  return out;
}

Expected<Questionnaire> build_questionnaire(const Framework& fw, const QuestionnaireOptions& options) {
  if (Diagnostics problems = questionnaire_problems(fw); !problems.empty()) return problems;
  const RegionTable& regions = RegionTable::builtin();
  Questionnaire form;
  form.form_id = options.form_id.empty() ? "siap_" + safe_name(fw.id) : options.form_id;
  form.version = options.version.empty() ? fw.version : options.version;
  form.title = options.title.empty() ? both(fw.title) : LocalizedText{options.title, options.title};
  // Appends a question; the caller sets what else it needs.
  auto ask = [&form](std::string type, std::string name, LocalizedText label = {}) -> FormQuestion& {
    FormQuestion& q = form.survey.emplace_back();
    q.type = std::move(type);
    q.name = std::move(name);
    q.label = std::move(label);
    return q;
  };

  // Metadata and what the form is.
  ask("start", "start");
  ask("end", "end");
  ask("today", "today");
  ask("note", "tentang_kuesioner", status_note(fw));
  ask("select_one " + std::string(kConsentQuestion), kConsentQuestion,
      {"Saya bersedia mengisi kuesioner ini secara sukarela; jawaban saya hanya dipakai untuk studi ini.",
       "I agree to answer this questionnaire voluntarily; my answers are used only for this study."})
      .required = true;
  form.choices.push_back({kConsentQuestion, kYesChoice, {"Ya, saya bersedia", "Yes, I agree"}, ""});
  form.choices.push_back({kConsentQuestion, "tidak", {"Tidak", "No"}, ""});
  const std::string consented = fmt::format("${{{}}} = '{}'", kConsentQuestion, kYesChoice);
  auto begin_screen = [&](std::string name, LocalizedText label) {
    FormQuestion& group = ask("begin_group", std::move(name), std::move(label));
    group.relevant = consented;
    group.appearance = "field-list";
  };

  // Who answers, and for which region: the province, then its kabupaten/kota
  // saved as the Kemendagri code.
  begin_screen("responden", {"Identitas responden", "Respondent"});
  ask("select_one provinsi", kProvinceQuestion, {"Provinsi", "Province"}).required = true;
  std::vector<int> provinces = options.scope_provinces;
  if (provinces.empty()) {
    for (int r = 0; r < int(regions.regions().size()); ++r) {
      if (regions.at(r).type == RegionType::provinsi) provinces.push_back(r);
    }
  }
  for (int p : provinces) form.choices.push_back({kProvinceQuestion, regions.at(p).code, {regions.at(p).name, regions.at(p).name}, ""});
  const bool national = options.scope_provinces.empty();
  std::vector<FormChoice>& region_choices = national ? form.external_regions : form.choices;
  for (int r = 0; r < int(regions.regions().size()); ++r) {
    const Region& region = regions.at(r);
    if (region.type == RegionType::provinsi || std::find(provinces.begin(), provinces.end(), region.province) == provinces.end()) continue;
    region_choices.push_back({kRegionList, region.code, {region.name, region.name}, regions.at(region.province).code});
  }
  FormQuestion& region = ask(national ? fmt::format("select_one_from_file {}", kExternalRegionsFile) : fmt::format("select_one {}", kRegionList),
                             fw.input.unit_column.name, kFormUnitLabel);
  region.required = true;
  region.choice_filter = fmt::format("prov=${{{}}}", kProvinceQuestion);
  if (fw.respondents && !fw.respondents->groups.empty() && !fw.input.group_column.empty()) {
    const std::string list = safe_name(fw.input.group_column.name);
    ask("select_one " + list, fw.input.group_column.name, kFormGroupLabel).required = true;
    for (const RespondentGroup& g : fw.respondents->groups) form.choices.push_back({list, g.id, both(g.name), ""});
  }
  if (!fw.input.respondent_id_column.empty()) {
    // An id made on the device, once: duplicates can then be found however the export is merged.
    ask("calculate", fw.input.respondent_id_column.name).calculation = "once(uuid())";
  }
  ask("end_group", "responden");

  // The items: one screen per top-level node, worded as the framework words them.
  std::set<std::string> lists_added;
  auto add_leaf = [&](int leaf) -> FormQuestion& {
    const Node& node = fw.nodes[std::size_t(leaf)];
    const Scale& scale = fw.scales[std::size_t(node.scale)];
    std::vector<FormChoice> choices = scale_choices(scale);
    FormQuestion& item = ask(choices.empty() ? "decimal" : "select_one " + choices[0].list, node.column.name, both(node.name));
    item.hint = both(node.description);
    item.required = true;
    item.node = leaf;
    if (choices.empty()) {
      if (scale.kind != ScaleKind::numeric) {
        item.constraint = fmt::format(". >= {} and . <= {}", scale.min.to_string(), scale.max.to_string());
        item.constraint_message = {fmt::format("Jawaban antara {} dan {}", scale.min.to_string(), scale.max.to_string()),
                                   fmt::format("An answer from {} to {}", scale.min.to_string(), scale.max.to_string())};
      }
    } else {
      if (scale.kind == ScaleKind::likert || scale.kind == ScaleKind::ordinal) item.appearance = "likert";
      if (lists_added.insert(choices[0].list).second) form.choices.insert(form.choices.end(), choices.begin(), choices.end());
    }
    return item;
  };
  for (int top : fw.root().children) {
    const Node& node = fw.nodes[std::size_t(top)];
    if (node.is_leaf()) {
      add_leaf(top).relevant = consented;
      continue;
    }
    const std::string group = "g_" + safe_name(node.id);
    begin_screen(group, both(node.name));
    for (int leaf : fw.leaves) {
      for (int up = leaf; up >= 0; up = fw.nodes[std::size_t(up)].parent) {
        if (up == top) {
          add_leaf(leaf);
          break;
        }
      }
    }
    ask("end_group", group);
  }
  return form;
}

}  // namespace siap
