#include "siap/form_codebook.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "input/row_source.hpp"
#include "input/workbook_reader.hpp"
#include "siap/decimal.hpp"
#include "siap/folding.hpp"

namespace siap {
namespace {

Diagnostic at(const std::string& file, int line, LocalizedText message) { return Diagnostic{{file, line, 0}, "", std::move(message)}; }

// A sheet as rows of cells: its heading row (lowercase, trimmed) and each
// later row's cells by column.
struct Sheet {
  std::vector<std::string> headings;
  std::vector<std::pair<int, std::vector<std::string>>> rows;  // (line, cells)

  int column(std::string_view heading) const {
    for (std::size_t c = 0; c < headings.size(); ++c) {
      if (headings[c] == heading) return int(c);
    }
    return -1;
  }
  std::vector<int> label_columns() const {
    std::vector<int> out;
    for (std::size_t c = 0; c < headings.size(); ++c) {
      if (headings[c] == "label" || headings[c].starts_with("label::")) out.push_back(int(c));
    }
    return out;
  }
  static std::string cell(const std::vector<std::string>& row, int column) {
    return column >= 0 && std::size_t(column) < row.size() ? std::string(trim(row[std::size_t(column)])) : std::string();
  }
};

Expected<Sheet> read_sheet(std::string_view bytes, const std::string& file, const std::string& name) {
  auto book = read_workbook(bytes, WorkbookKind::xlsx, file, name);
  if (!book) return book.errors();
  Sheet sheet;
  const SheetCells& cells = book->sheet;
  std::size_t i = 0;
  bool header = true;
  while (i < cells.cells.size()) {
    const std::uint32_t row = cells.cells[i].row;
    std::vector<std::string> values;
    for (; i < cells.cells.size() && cells.cells[i].row == row; ++i) {
      const auto& c = cells.cells[i];
      if (values.size() <= c.column) values.resize(c.column + 1);
      values[c.column] = std::string(cells.at(c));
    }
    if (header) {
      for (auto& v : values) v = ascii_lower(trim(v));
      sheet.headings = std::move(values);
      header = false;
    } else {
      sheet.rows.emplace_back(int(row) + 1, std::move(values));
    }
  }
  return sheet;
}

std::vector<std::string> labels_of(const Sheet& sheet, const std::vector<std::string>& row) {
  std::vector<std::string> out;
  for (int c : sheet.label_columns()) {
    std::string label = Sheet::cell(row, c);
    if (!label.empty()) out.push_back(std::move(label));
  }
  return out;
}

bool has_sheet(std::string_view bytes, const std::string& file, const std::string& name) {
  auto book = read_workbook(bytes, WorkbookKind::xlsx, file, "");
  if (!book) return false;
  return std::find(book->sheet_names.begin(), book->sheet_names.end(), name) != book->sheet_names.end();
}

}  // namespace

Expected<FormCodebook> read_form_codebook(std::string_view bytes, const std::string& file) {
  FormCodebook form;
  form.file = file;
  auto survey = read_sheet(bytes, file, "survey");
  if (!survey) return survey.errors();
  const int type = survey->column("type"), name = survey->column("name");
  if (type < 0 || name < 0) {
    return Diagnostics{
        at(file, 1, {"lembar survey XLSForm memerlukan kolom 'type' dan 'name'", "an XLSForm's survey sheet needs the columns 'type' and 'name'"})};
  }
  for (const auto& [line, row] : survey->rows) {
    FormCodebook::Entry q{Sheet::cell(row, name), labels_of(*survey, row), "", line};
    std::string t = ascii_lower(Sheet::cell(row, type));
    // Groups and notes hold no answer.
    if (q.name.empty() || t.starts_with("begin") || t.starts_with("end_group") || t.starts_with("end group") || t == "note") continue;
    for (std::string_view prefix : {"select_one ", "select_multiple "}) {
      if (t.starts_with(prefix)) q.list = std::string(trim(std::string_view(t).substr(prefix.size())));
    }
    form.questions.push_back(std::move(q));
  }
  if (has_sheet(bytes, file, "choices")) {
    auto choices = read_sheet(bytes, file, "choices");
    if (!choices) return choices.errors();
    int list = choices->column("list_name");
    if (list < 0) list = choices->column("list name");
    const int choice_name = choices->column("name");
    if (list < 0 || choice_name < 0) {
      return Diagnostics{at(
          file, 1,
          {"lembar choices XLSForm memerlukan kolom 'list_name' dan 'name'", "an XLSForm's choices sheet needs the columns 'list_name' and 'name'"})};
    }
    for (const auto& [line, row] : choices->rows) {
      FormCodebook::Entry c{Sheet::cell(row, choice_name), labels_of(*choices, row), Sheet::cell(row, list), line};
      if (!c.name.empty() && !c.list.empty()) form.choices.push_back(std::move(c));
    }
  }
  if (has_sheet(bytes, file, "settings")) {
    auto settings = read_sheet(bytes, file, "settings");
    if (!settings) return settings.errors();
    if (int version = settings->column("version"); version >= 0 && !settings->rows.empty()) {
      form.version = Sheet::cell(settings->rows.front().second, version);
    }
  }
  return form;
}

Expected<FormCodebook> read_form_codebook(const std::string& path) {
  auto bytes = read_workbook_file(path);
  if (!bytes) return bytes.errors();
  return read_form_codebook(*bytes, path);
}

namespace {

// What a column is for, as a key: "unit", "id", "group", or a leaf's node index.
struct ColumnOwner {
  std::string key;
  ColumnSpec* spec;
};

}  // namespace

Expected<Framework> with_form_labels(Framework fw, const FormCodebook& form, std::vector<std::string>& unused) {
  Diagnostics errors;
  std::vector<ColumnOwner> owners{{"unit", &fw.input.unit_column}, {"id", &fw.input.respondent_id_column}, {"group", &fw.input.group_column}};
  for (int leaf : fw.leaves) owners.push_back({std::to_string(leaf), &fw.nodes[std::size_t(leaf)].column});
  // Every header any column accepts, folded, and whose it is.
  std::map<std::string, std::string> claimed;
  for (const ColumnOwner& o : owners) {
    if (o.spec->empty()) continue;
    claimed.emplace(fold_header(o.spec->name), o.key);
    for (const auto& alias : o.spec->aliases) claimed.emplace(fold_header(alias), o.key);
  }
  auto column_name = [&](const std::string& key) {
    for (const ColumnOwner& o : owners) {
      if (o.key == key) return o.spec->name;
    }
    return key;
  };
  auto choices_of = [&](const std::string& list) {
    std::vector<const FormCodebook::Entry*> out;
    for (const auto& c : form.choices) {
      if (c.list == list) out.push_back(&c);
    }
    return out;
  };
  auto clash = [&](int line, const std::string& label, LocalizedText what) {
    errors.push_back(at(form.file, line,
                        {fmt::format("label '{}' juga {}: formulir tidak dapat dipakai sebagai buku kode", label, what.id),
                         fmt::format("label '{}' is also {}: the form cannot serve as the codebook", label, what.en)}));
  };
  std::vector<bool> scale_done(fw.scales.size(), false);
  for (const FormCodebook::Entry& q : form.questions) {
    auto owner = std::find_if(owners.begin(), owners.end(),
                              [&](const ColumnOwner& o) { return !o.spec->empty() && fold_header(o.spec->name) == fold_header(q.name); });
    if (owner == owners.end()) {
      unused.push_back(q.name);
      continue;
    }
    for (const std::string& label : q.labels) {
      const std::string folded = fold_header(label);
      auto [it, inserted] = claimed.emplace(folded, owner->key);
      if (!inserted && it->second != owner->key) {
        const std::string other = column_name(it->second);
        clash(q.line, label, {fmt::format("nama atau alias kolom '{}'", other), fmt::format("a name or alias of the column '{}'", other)});
        continue;
      }
      if (inserted) owner->spec->aliases.push_back(label);
    }
    if (q.list.empty()) continue;
    // The choices: a leaf's scale levels, or the respondent groups.
    if (owner->key == "group" && fw.respondents) {
      auto& groups = fw.respondents->groups;
      for (const auto* c : choices_of(q.list)) {
        auto g = std::find_if(groups.begin(), groups.end(), [&](const RespondentGroup& r) { return fold_header(r.id) == fold_header(c->name); });
        if (g == groups.end()) continue;
        for (const std::string& label : c->labels) {
          for (const RespondentGroup& other : groups) {
            bool named = fold_answer(other.id) == fold_answer(label) || fold_answer(other.name.id) == fold_answer(label) ||
                         fold_answer(other.name.in(Lang::en)) == fold_answer(label);
            for (const auto& alias : other.aliases) named = named || fold_answer(alias) == fold_answer(label);
            if (&other != &*g && named) clash(c->line, label, {fmt::format("kelompok '{}'", other.id), fmt::format("the group '{}'", other.id)});
          }
          g->aliases.push_back(label);
        }
      }
      continue;
    }
    if (owner->key == "unit" || owner->key == "id" || owner->key == "group") continue;
    const Node& leaf = fw.nodes[std::size_t(std::stoi(owner->key))];
    if (leaf.scale < 0 || scale_done[std::size_t(leaf.scale)]) continue;
    scale_done[std::size_t(leaf.scale)] = true;
    Scale& scale = fw.scales[std::size_t(leaf.scale)];
    for (const auto* c : choices_of(q.list)) {
      for (const std::string& label : c->labels) {
        const std::string folded = fold_answer(label);
        if (folded.empty()) continue;
        if (scale.kind == ScaleKind::ordinal || scale.kind == ScaleKind::likert) {
          auto value = Decimal::parse(c->name);
          auto point = std::find_if(scale.points.begin(), scale.points.end(), [&](const ScalePoint& p) { return value && p.value == *value; });
          if (point == scale.points.end()) break;
          bool taken = false;
          for (const ScalePoint& other : scale.points) {
            if (&other == &*point) continue;
            bool named = fold_answer(other.label.id) == folded || fold_answer(other.label.in(Lang::en)) == folded;
            for (const auto& alias : other.aliases) named = named || fold_answer(alias) == folded;
            if (named) {
              clash(c->line, label,
                    {fmt::format("label tingkat {} di kerangka", other.value.to_string()),
                     fmt::format("level {}'s label in the framework", other.value.to_string())});
              taken = true;
            }
          }
          if (!taken) point->aliases.push_back(label);
        } else if (scale.kind == ScaleKind::yes_no) {
          auto is_in = [&](const std::vector<std::string>& words, std::string_view w) {
            return std::any_of(words.begin(), words.end(), [&](const std::string& x) { return ascii_lower(trim(x)) == ascii_lower(trim(w)); });
          };
          const bool yes = is_in(scale.yes_words, c->name), no = is_in(scale.no_words, c->name);
          if (yes == no) break;
          if (is_in(yes ? scale.no_words : scale.yes_words, label)) {
            clash(c->line, label,
                  {yes ? "jawaban 'tidak' di kerangka" : "jawaban 'ya' di kerangka",
                   yes ? "a 'no' answer in the framework" : "a 'yes' answer in the framework"});
            continue;
          }
          (yes ? scale.yes_words : scale.no_words).push_back(label);
        } else if (scale.kind == ScaleKind::categorical) {
          auto category = std::find_if(scale.categories.begin(), scale.categories.end(),
                                       [&](const CategoryScore& k) { return fold_header(k.answer) == fold_header(c->name); });
          if (category == scale.categories.end()) break;
          const Decimal score = category->score;
          auto other = std::find_if(scale.categories.begin(), scale.categories.end(),
                                    [&](const CategoryScore& k) { return fold_header(k.answer) == fold_header(label); });
          if (other != scale.categories.end()) {
            if (other->score != score)
              clash(c->line, label,
                    {fmt::format("jawaban '{}' di kerangka", other->answer), fmt::format("the answer '{}' in the framework", other->answer)});
            continue;
          }
          scale.categories.push_back({label, score});
        }
      }
    }
  }
  if (!errors.empty()) return errors;
  return fw;
}

}  // namespace siap
