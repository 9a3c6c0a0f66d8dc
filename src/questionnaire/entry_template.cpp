// The data-entry template for paper surveys: the columns siap reads, each
// answer column limited to its scale's values by a drop-down list, the
// region to the study's kabupaten/kota, and the codebook beside it. What is
// typed into it assesses as it is.
#include <fmt/format.h>

#include <map>

#include "report/xlsx_file.hpp"
#include "report/xlsx_sheet.hpp"
#include "siap/decimal.hpp"
#include "siap/questionnaire.hpp"
#include "siap/utf8.hpp"

namespace siap {
namespace {

constexpr lxw_row_t kEntryRows = 5000;              // rows with drop-down lists below the header
constexpr std::size_t kMaxInputMessageBytes = 250;  // Excel's limit for an input message is 255 characters

std::string column_letters(lxw_col_t col) {
  std::string out;
  for (unsigned c = unsigned(col) + 1; c > 0; c = (c - 1) / 26) out.insert(out.begin(), char('A' + (c - 1) % 26));
  return out;
}

// The longest prefix of `text` within `bytes` that does not split a character.
std::string cut(std::string_view text, std::size_t bytes) {
  if (text.size() <= bytes) return std::string(text);
  return std::string(text.substr(0, whole_characters(text, bytes))) + "…";
}

// Whether a list can be written in the validation itself: Excel allows 255
// characters joined by commas, and a value holding a comma or a quote would
// be read as two values or break the list.
bool fits_inline(const std::vector<std::string>& values) {
  std::size_t characters = 0;
  for (const std::string& v : values) {
    if (v.find_first_of(",\"") != std::string::npos) return false;
    for (unsigned char c : v) characters += (c & 0xC0) != 0x80;
    ++characters;  // the comma
  }
  return characters <= 255;
}

struct EntryColumn {
  std::string name;
  std::string message;              // shown when the cell is selected
  std::vector<std::string> values;  // allowed entries; empty: free text
};

}  // namespace

Expected<std::string> render_entry_template(const Questionnaire& form, const Framework& fw, Lang lang, const std::string& date) {
  auto tr = [lang](std::string_view id, std::string_view en) { return std::string(lang == Lang::en ? en : id); };
  std::map<std::string, std::vector<std::string>> lists;
  for (const FormChoice& c : form.choices) lists[c.list].push_back(c.name);
  // The region: its names as people write them (siap reads names and codes).
  std::vector<std::string> regions;
  for (const FormChoice& c : form.choices) {
    if (c.list == "kabkota") regions.push_back(c.label.id);
  }
  for (const FormChoice& c : form.external_regions) regions.push_back(c.label.id);

  std::vector<EntryColumn> columns;
  if (!fw.input.respondent_id_column.empty()) {
    columns.push_back({fw.input.respondent_id_column.name, tr("Nomor responden (unik)", "Respondent number (unique)"), {}});
  }
  for (const FormQuestion& q : form.survey) {
    if (q.name == fw.input.unit_column.name && q.node < 0) {
      columns.push_back({q.name, kFormUnitLabel.in(lang), regions});
    } else if (q.name == fw.input.group_column.name && q.node < 0) {
      auto space = q.type.find(' ');
      columns.push_back({q.name, kFormGroupLabel.in(lang), lists[q.type.substr(space + 1)]});
    } else if (q.node >= 0) {
      auto space = q.type.find(' ');
      std::vector<std::string> values = space == std::string::npos ? std::vector<std::string>{} : lists[q.type.substr(space + 1)];
      columns.push_back({q.name, q.label.in(lang), values});
    }
  }

  XlsxProperties properties{form.title.in(lang), "siap entry template", date};
  return build_xlsx(properties, [&](lxw_workbook* wb) {
    const std::string data_name = "Data", lists_name = tr("Pilihan", "Choices"), codebook_name = tr("Buku kode", "Codebook");
    XlsxSheet data(workbook_add_worksheet(wb, data_name.c_str()));
    XlsxSheet choices(workbook_add_worksheet(wb, lists_name.c_str()));
    XlsxSheet codebook(workbook_add_worksheet(wb, codebook_name.c_str()));
    lxw_format* bold = workbook_add_format(wb);
    format_set_bold(bold);
    format_set_bg_color(bold, 0xE7E6E6);
    // Kept alive until the workbook is closed: libxlsxwriter copies them, but only when the sheet is written.
    std::vector<std::string> formulas, titles, messages;
    std::string error_title = lang == Lang::en ? "Not on the list" : "Tidak ada di daftar";
    std::string error_message =
        lang == Lang::en ? "Choose a value from the list (see the Codebook sheet)." : "Pilih nilai dari daftar (lihat lembar Buku kode).";
    formulas.reserve(columns.size());
    titles.reserve(columns.size());
    messages.reserve(columns.size());
    lxw_col_t list_col = 0;
    for (std::size_t c = 0; c < columns.size(); ++c) {
      const EntryColumn& column = columns[c];
      data.text(0, lxw_col_t(c), column.name, bold);
      titles.push_back(cut(column.name, 30));
      messages.push_back(cut(escape_invalid_utf8(column.message), kMaxInputMessageBytes));
      lxw_data_validation validation{};
      std::vector<const char*> inline_list;  // alive until the validation is added
      validation.input_title = titles.back().data();
      validation.input_message = messages.back().data();
      validation.ignore_blank = LXW_VALIDATION_ON;
      validation.show_input = LXW_VALIDATION_ON;
      if (!column.values.empty()) {
        // The allowed values in a column of the lists' sheet; numbers as numbers, so a typed 4 matches.
        choices.text(0, list_col, column.name, bold);
        for (std::size_t v = 0; v < column.values.size(); ++v) {
          auto number = Decimal::parse(column.values[v]);
          if (number) {
            choices.number(lxw_row_t(v + 1), list_col, number->to_double());
          } else {
            choices.text(lxw_row_t(v + 1), list_col, column.values[v]);
          }
        }
        // A short list is written in the validation itself; a long one (the
        // regions) refers to the lists' sheet. libxlsxwriter 1.1.4 does not
        // free its copy of a list formula (tests/lsan.supp), so the formula is
        // used only where a list cannot be inline.
        if (fits_inline(column.values)) {
          for (const std::string& v : column.values) inline_list.push_back(v.c_str());
          inline_list.push_back(nullptr);
          validation.validate = LXW_VALIDATION_TYPE_LIST;
          validation.value_list = const_cast<char**>(inline_list.data());
        } else {
          formulas.push_back(
              fmt::format("='{}'!${}$2:${}${}", lists_name, column_letters(list_col), column_letters(list_col), column.values.size() + 1));
          validation.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
          validation.value_formula = formulas.back().data();
        }
        validation.show_error = LXW_VALIDATION_ON;
        validation.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
        validation.error_title = error_title.data();
        validation.error_message = error_message.data();
        ++list_col;
      } else {
        validation.validate = LXW_VALIDATION_TYPE_ANY;
      }
      worksheet_data_validation_range(data.raw(), 1, lxw_col_t(c), kEntryRows, lxw_col_t(c), &validation);
    }
    data.freeze(1, 0);
    data.fit_columns(14);
    choices.fit_columns(40);
    const auto rows = codebook_rows(fw, lang);
    for (std::size_t r = 0; r < rows.size(); ++r) {
      for (std::size_t c = 0; c < rows[r].size(); ++c) codebook.text(lxw_row_t(r), lxw_col_t(c), rows[r][c], r == 0 ? bold : nullptr);
    }
    codebook.freeze(1, 1);
    codebook.fit_columns(60);
  });
}

}  // namespace siap
