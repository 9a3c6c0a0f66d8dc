// The instrument a framework implies, as one typed value: the form's
// questions, choice lists and settings, from which the XLSForm (KoboToolbox,
// ODK) is written, and the codebook that says what each column holds.
// Everything siap reads back is named here exactly as the framework's
// columns are, so that an export of the form assesses without a hand edit.
#pragma once

#include <string>
#include <vector>

#include "siap/expected.hpp"
#include "siap/framework.hpp"
#include "siap/text.hpp"

namespace siap {

struct QuestionnaireOptions {
  std::vector<int> scope_provinces;  // RegionTable indices; empty: all 514 kabupaten/kota (from kabkota.csv)
  std::string title;                 // form title; "" for the framework's
  std::string form_id;               // "" for "siap_" + the framework's id
  std::string version;               // "" for the framework's version
};

// One row of the XLSForm `survey` sheet.
struct FormQuestion {
  std::string type;  // "select_one setuju", "begin_group", "note", "start", ...
  std::string name;
  LocalizedText label;
  LocalizedText hint;
  bool required = false;
  std::string relevant;
  std::string appearance;
  std::string choice_filter;
  std::string calculation;
  std::string constraint;
  LocalizedText constraint_message;
  int node = -1;  // the framework leaf this question answers, or -1
};

// One row of the `choices` sheet (or of kabkota.csv).
struct FormChoice {
  std::string list;
  std::string name;  // the value saved, and what siap reads back
  LocalizedText label;
  std::string province;  // `prov` filter column: kabupaten/kota only
};

struct Questionnaire {
  std::string form_id;
  std::string version;
  LocalizedText title;
  std::vector<FormQuestion> survey;
  std::vector<FormChoice> choices;
  // kabkota.csv, shipped beside the form when the study is national
  // (select_one_from_file); empty when the kabupaten/kota are inline choices.
  std::vector<FormChoice> external_regions;
};

inline constexpr const char* kExternalRegionsFile = "kabkota.csv";

// The labels the form gives its identity questions. A Kobo "labels" export
// uses them as headers, so the input reader accepts them as it accepts a
// leaf's question text.
inline const LocalizedText kFormUnitLabel{"Kabupaten/kota", "Regency/city"};
inline const LocalizedText kFormGroupLabel{"Kelompok responden", "Respondent group"};
inline constexpr const char* kIndonesianColumn = "Indonesian (id)";
inline constexpr const char* kEnglishColumn = "English (en)";

// A valid XLSForm `name`: a letter or `_`, then letters, digits, `_`, `-`
// or `.` (ASCII).
bool is_xlsform_name(std::string_view name);

// Why this framework cannot make a valid form (an item column that is not
// a valid name, a leaf without question text, a choice list with a value
// that cannot be a choice name), one located diagnostic per reason; empty
// when it can.
Diagnostics questionnaire_problems(const Framework& fw);

// The form for `fw`; an error (questionnaire_problems) when none can be made.
Expected<Questionnaire> build_questionnaire(const Framework& fw, const QuestionnaireOptions& options);

// The XLSForm workbook (survey, choices, settings) as bytes.
Expected<std::string> render_xlsform(const Questionnaire& form, const std::string& date);
// The questionnaire on paper, in `lang`: HTML that prints on A4 (cover
// note, instructions, identity block, one table per screen with the scale's
// words as tick boxes) and the same as Markdown.
std::string render_questionnaire_html(const Questionnaire& form, const Framework& fw, Lang lang);
std::string render_questionnaire_markdown(const Questionnaire& form, const Framework& fw, Lang lang);
// kabkota.csv for select_one_from_file: name, label, prov.
std::string render_external_regions(const Questionnaire& form);
// Per item: its column, question in both languages, scale, values and
// labels, reverse flag, node path and facets; a heading row first, in
// `lang`. As CSV, and as a sheet of the entry template.
std::vector<std::vector<std::string>> codebook_rows(const Framework& fw, Lang lang);
std::string render_codebook_csv(const Framework& fw, Lang lang);
// The data-entry template for paper surveys (XLSX): a Data sheet headed
// with the columns siap reads, a drop-down list on every answer and on the
// region, a frozen header; the lists' sheet; the codebook.
Expected<std::string> render_entry_template(const Questionnaire& form, const Framework& fw, Lang lang, const std::string& date);

}  // namespace siap
