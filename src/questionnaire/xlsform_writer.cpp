// Questionnaire -> XLSForm workbook: `survey`, `choices` and `settings`
// sheets with bilingual columns (label::Indonesian (id), ...), as
// KoboToolbox and ODK Central take them. Every cell is text, never a formula.
#include <fmt/format.h>

#include <functional>

#include "report/xlsx_file.hpp"
#include "report/xlsx_sheet.hpp"
#include "siap/questionnaire.hpp"
#include "siap/report.hpp"

namespace siap {
namespace {

std::string in_language(const char* column, const char* language) { return fmt::format("{}::{}", column, language); }

// A sheet's columns: heading, then what each row puts there.
template <typename Row>
struct Column {
  std::string heading;
  std::function<std::string(const Row&)> value;
};

template <typename Row>
void write_sheet(lxw_workbook* wb, const char* name, const std::vector<Column<Row>>& columns, const std::vector<Row>& rows) {
  XlsxSheet sheet(workbook_add_worksheet(wb, name));
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  for (std::size_t c = 0; c < columns.size(); ++c) sheet.text(0, lxw_col_t(c), columns[c].heading, bold);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    for (std::size_t c = 0; c < columns.size(); ++c) {
      std::string value = columns[c].value(rows[r]);
      if (!value.empty()) sheet.text(lxw_row_t(r + 1), lxw_col_t(c), value);
    }
  }
  sheet.freeze(1, 0);
  sheet.fit_columns(60);
}

// The text of a bilingual label for one language column.
std::function<std::string(const FormQuestion&)> question_text(LocalizedText FormQuestion::*field, bool english) {
  return [field, english](const FormQuestion& q) { return english ? (q.*field).en : (q.*field).id; };
}

}  // namespace

Expected<std::string> render_xlsform(const Questionnaire& form, const std::string& date) {
  using Q = FormQuestion;
  std::vector<Column<Q>> survey{
      {"type", [](const Q& q) { return q.type; }},
      {"name", [](const Q& q) { return q.name; }},
      {in_language("label", kIndonesianColumn), question_text(&Q::label, false)},
      {in_language("label", kEnglishColumn), question_text(&Q::label, true)},
      {in_language("hint", kIndonesianColumn), question_text(&Q::hint, false)},
      {in_language("hint", kEnglishColumn), question_text(&Q::hint, true)},
      {"required", [](const Q& q) { return std::string(q.required ? "yes" : ""); }},
      {in_language("required_message", kIndonesianColumn), [](const Q& q) { return std::string(q.required ? "Wajib diisi" : ""); }},
      {in_language("required_message", kEnglishColumn), [](const Q& q) { return std::string(q.required ? "Required" : ""); }},
      {"relevant", [](const Q& q) { return q.relevant; }},
      {"appearance", [](const Q& q) { return q.appearance; }},
      {"choice_filter", [](const Q& q) { return q.choice_filter; }},
      {"calculation", [](const Q& q) { return q.calculation; }},
      {"constraint", [](const Q& q) { return q.constraint; }},
      {in_language("constraint_message", kIndonesianColumn), question_text(&Q::constraint_message, false)},
      {in_language("constraint_message", kEnglishColumn), question_text(&Q::constraint_message, true)},
  };
  using C = FormChoice;
  std::vector<Column<C>> choices{
      {"list_name", [](const C& c) { return c.list; }},
      {"name", [](const C& c) { return c.name; }},
      {in_language("label", kIndonesianColumn), [](const C& c) { return c.label.id; }},
      {in_language("label", kEnglishColumn), [](const C& c) { return c.label.en; }},
      {"prov", [](const C& c) { return c.province; }},  // the choice_filter column of the kabupaten/kota list
  };
  struct Setting {
    std::string key, value;
  };
  std::vector<Setting> settings{
      {"form_title", form.title.id}, {"form_id", form.form_id}, {"version", form.version}, {"default_language", kIndonesianColumn}};
  XlsxProperties properties{form.title.id, "siap XLSForm", date};
  return build_xlsx(properties, [&](lxw_workbook* wb) {
    write_sheet(wb, "survey", survey, form.survey);
    write_sheet(wb, "choices", choices, form.choices);
    // settings is one row: headings, then their values.
    XlsxSheet sheet(workbook_add_worksheet(wb, "settings"));
    lxw_format* bold = workbook_add_format(wb);
    format_set_bold(bold);
    for (std::size_t c = 0; c < settings.size(); ++c) {
      sheet.text(0, lxw_col_t(c), settings[c].key, bold);
      sheet.text(1, lxw_col_t(c), settings[c].value);
    }
    sheet.fit_columns(60);
  });
}

std::string render_external_regions(const Questionnaire& form) {
  std::string out = "name,label,prov\r\n";
  for (const FormChoice& c : form.external_regions)
    out += fmt::format("{},{},{}\r\n", csv_field(c.name, ','), csv_field(c.label.id, ','), c.province);
  return out;
}

}  // namespace siap
