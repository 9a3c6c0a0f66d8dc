#include "input/repeat_tables.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

#include "input/csv_reader.hpp"
#include "input/sheet_row_source.hpp"
#include "input/workbook_parts.hpp"
#include "input/workbook_reader.hpp"
#include "input/zip_directory.hpp"
#include "siap/limits.hpp"

namespace siap {
namespace {

Diagnostics error_at(const std::string& file, int line, int column, LocalizedText message) {
  return {Diagnostic{{file, line, column}, "", std::move(message)}};
}

// A table in memory as a RowSource: the header, then each row with its line.
class TableRowSource final : public RowSource {
 public:
  TableRowSource(std::vector<std::string> header, std::vector<std::vector<std::string>> rows, std::vector<int> lines,
                 std::vector<LocalizedText> notes, SourceFacts facts)
      : header_(std::move(header)), rows_(std::move(rows)), lines_(std::move(lines)), notes_(std::move(notes)), facts_(std::move(facts)) {}

  bool next(std::vector<std::string_view>& fields) override {
    const std::vector<std::string>* row = nullptr;
    if (!header_done_) {
      header_done_ = true;
      row = &header_;
      line_ = 1;
    } else if (at_ < rows_.size()) {
      line_ = lines_[at_];
      row = &rows_[at_++];
    } else {
      return false;
    }
    fields.assign(row->begin(), row->end());
    return true;
  }
  int line() const override { return line_; }
  int next_line() const override { return at_ < lines_.size() ? lines_[at_] : line_ + 1; }
  const std::optional<Diagnostic>& error() const override { return error_; }
  SourceFacts facts() const override { return facts_; }
  std::vector<LocalizedText> notes() const override { return notes_; }

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
  std::vector<int> lines_;
  std::vector<LocalizedText> notes_;
  SourceFacts facts_;
  bool header_done_ = false;
  std::size_t at_ = 0;
  int line_ = 0;
  std::optional<Diagnostic> error_;
};

// Every row of `source` into a table; cells counted against the sheet limit.
Expected<Table> drain(RowSource& source, std::string name, const std::string& file, std::size_t& cells) {
  Table t;
  t.name = std::move(name);
  std::vector<std::string_view> fields;
  if (source.next(fields)) {
    t.header.assign(fields.begin(), fields.end());
    while (source.next(fields)) {
      if (fields.size() > t.header.size()) {
        for (std::size_t i = t.header.size(); i < fields.size(); ++i) {
          if (!fields[i].empty()) {
            return error_at(
                file, source.line(), int(i) + 1,
                {fmt::format("tabel '{}': sel di luar kolom judul", t.name), fmt::format("table '{}': a cell past the header's columns", t.name)});
          }
        }
        fields.resize(t.header.size());
      }
      cells += t.header.size();
      if (cells > limits::kMaxSheetCells) {
        return error_at(file, 0, 0,
                        {fmt::format("lebih dari {} sel dalam tabel-tabelnya", limits::kMaxSheetCells),
                         fmt::format("more than {} cells in its tables", limits::kMaxSheetCells)});
      }
      std::vector<std::string> row(fields.begin(), fields.end());
      row.resize(t.header.size());
      t.rows.push_back(std::move(row));
      t.lines.push_back(source.line());
    }
  }
  if (source.error()) return Diagnostics{*source.error()};
  return t;
}

int column_of(const Table& t, std::string_view name) {
  for (std::size_t c = 0; c < t.header.size(); ++c) {
    if (t.header[c] == name) return int(c);
  }
  return -1;
}

// How a table's rows name their parent: ODK Central's PARENT_KEY, or Kobo's _parent_index.
struct Link {
  int parent_key = -1;    // PARENT_KEY -> a KEY in any table
  int parent_index = -1;  // _parent_index -> _index in the table _parent_table_name names (else the first)
  int parent_table = -1;  // the _parent_table_name column
  bool any() const { return parent_key >= 0 || parent_index >= 0; }
};

Link link_of(const Table& t) { return {column_of(t, "PARENT_KEY"), column_of(t, "_parent_index"), column_of(t, "_parent_table_name")}; }

}  // namespace

bool has_repeat_tables(const std::vector<Table>& tables) {
  for (std::size_t i = 1; i < tables.size(); ++i) {
    if (link_of(tables[i]).any()) return true;
  }
  return false;
}

Expected<std::vector<Table>> read_zip_tables(std::string_view bytes, const std::string& file, const CsvOptions& options) {
  auto directory = read_zip_directory(bytes, file);
  if (!directory) return directory.errors();
  std::vector<std::string> names;
  for (const auto& e : directory->entries) {
    if (e.name.ends_with(".csv")) names.push_back(e.name);
  }
  // The main table's name is the shortest: a repeat's is the form id, '-', the repeat.
  std::stable_sort(names.begin(), names.end(), [](const std::string& a, const std::string& b) { return a.size() < b.size(); });
  std::vector<Table> tables;
  std::size_t cells = 0;
  try {
    workbook::Package package(bytes);
    for (const auto& name : names) {
      auto reader = CsvReader::from_string(package.part(name), file, options);
      auto table = drain(*reader, name, file, cells);
      if (!table) return table.errors();
      tables.push_back(std::move(*table));
    }
  } catch (const workbook::Refused& r) {
    return error_at(file, 0, 0, {fmt::format("arsip ZIP ditolak: {}", r.message.id), fmt::format("ZIP archive refused: {}", r.message.en)});
  } catch (const workbook::Broken& b) {
    return error_at(file, 0, 0, {fmt::format("arsip ZIP rusak: {}", b.message.id), fmt::format("a broken ZIP archive: {}", b.message.en)});
  }
  return tables;
}

Expected<std::vector<Table>> read_repeat_sheets(std::string_view bytes, const std::string& file, const Workbook& first) {
  const std::vector<std::string>& names = first.sheet_names;
  std::vector<Table> tables(1);
  std::size_t cells = 0;
  for (std::size_t i = 1; i < names.size(); ++i) {
    auto book = read_workbook(bytes, WorkbookKind::xlsx, file, std::to_string(i + 1));
    if (!book) return book.errors();
    auto source = make_sheet_row_source(std::move(*book), file, {});
    auto table = drain(*source, names[i], file, cells);
    if (!table) return table.errors();
    tables.push_back(std::move(*table));
  }
  if (!has_repeat_tables(tables)) return std::vector<Table>{};
  // The first sheet, already read, is copied only when it is a parent.
  auto source = make_sheet_row_source(first, file, {});
  auto table = drain(*source, names.empty() ? "" : names[0], file, cells);
  if (!table) return table.errors();
  tables[0] = std::move(*table);
  return tables;
}

Expected<std::unique_ptr<RowSource>> open_joined_table(std::vector<Table> tables, const std::string& file, const ItemCounter& count,
                                                       SourceFacts facts) {
  if (tables.empty()) return error_at(file, 0, 0, {"tidak ada tabel", "no table in it"});
  std::size_t best = 0, most = 0;
  for (std::size_t i = 0; i < tables.size(); ++i) {
    std::vector<std::string_view> header(tables[i].header.begin(), tables[i].header.end());
    const std::size_t n = count(header);
    if (n > most) most = n, best = i;
  }
  std::vector<std::string> unread;
  for (std::size_t i = 0; i < tables.size(); ++i) {
    if (i != best) unread.push_back("'" + tables[i].name + "'");
  }
  Table& chosen = tables[best];
  const Link link = link_of(chosen);
  if (best == 0 || !link.any()) {
    std::vector<LocalizedText> notes;
    if (!unread.empty()) {
      notes.push_back({fmt::format("membaca tabel '{}'; tabel lain tidak dibaca: {}", chosen.name, fmt::join(unread, ", ")),
                       fmt::format("read table '{}'; other tables not read: {}", chosen.name, fmt::join(unread, ", "))});
    }
    return std::unique_ptr<RowSource>(
        new TableRowSource(std::move(chosen.header), std::move(chosen.rows), std::move(chosen.lines), std::move(notes), std::move(facts)));
  }

  // Where each parent row is: ODK keys are unique across the export; Kobo
  // indexes within a sheet.
  std::unordered_map<std::string, std::pair<std::size_t, std::size_t>> by_key;
  std::vector<std::unordered_map<std::string, std::size_t>> by_index(tables.size());
  for (std::size_t t = 0; t < tables.size(); ++t) {
    const int key = column_of(tables[t], "KEY"), index = column_of(tables[t], "_index");
    for (std::size_t r = 0; r < tables[t].rows.size(); ++r) {
      if (key >= 0 && !tables[t].rows[r][std::size_t(key)].empty()) {
        if (!by_key.emplace(tables[t].rows[r][std::size_t(key)], std::pair{t, r}).second) {
          return error_at(file, tables[t].lines[r], key + 1,
                          {fmt::format("tabel '{}': KEY '{}' muncul dua kali", tables[t].name, tables[t].rows[r][std::size_t(key)]),
                           fmt::format("table '{}': KEY '{}' appears twice", tables[t].name, tables[t].rows[r][std::size_t(key)])});
        }
      }
      if (index >= 0 && !tables[t].rows[r][std::size_t(index)].empty()) {
        if (!by_index[t].emplace(tables[t].rows[r][std::size_t(index)], r).second) {
          return error_at(file, tables[t].lines[r], index + 1,
                          {fmt::format("tabel '{}': _index '{}' muncul dua kali", tables[t].name, tables[t].rows[r][std::size_t(index)]),
                           fmt::format("table '{}': _index '{}' appears twice", tables[t].name, tables[t].rows[r][std::size_t(index)])});
        }
      }
    }
  }
  auto table_named = [&](std::string_view name) -> std::optional<std::size_t> {
    for (std::size_t t = 0; t < tables.size(); ++t) {
      if (tables[t].name == name) return t;
    }
    return std::nullopt;
  };
  std::vector<Link> links;
  for (const Table& t : tables) links.push_back(link_of(t));
  // The parent of row r of table t, or an error.
  auto parent_of = [&](std::size_t t, std::size_t r) -> Expected<std::pair<std::size_t, std::size_t>> {
    const Table& table = tables[t];
    const Link& l = links[t];
    const auto& row = table.rows[r];
    if (l.parent_key >= 0) {
      auto it = by_key.find(row[std::size_t(l.parent_key)]);
      if (it != by_key.end()) return it->second;
      return error_at(file, table.lines[r], l.parent_key + 1,
                      {fmt::format("tabel '{}': induk PARENT_KEY '{}' tidak ada", table.name, row[std::size_t(l.parent_key)]),
                       fmt::format("table '{}': no parent with KEY '{}'", table.name, row[std::size_t(l.parent_key)])});
    }
    std::size_t parent = 0;
    if (l.parent_table >= 0 && !row[std::size_t(l.parent_table)].empty()) {
      auto named = table_named(row[std::size_t(l.parent_table)]);
      if (!named || *named == t) {
        return error_at(file, table.lines[r], l.parent_table + 1,
                        {fmt::format("tabel '{}': tabel induk '{}' tidak ada", table.name, row[std::size_t(l.parent_table)]),
                         fmt::format("table '{}': no parent table '{}'", table.name, row[std::size_t(l.parent_table)])});
      }
      parent = *named;
    }
    auto it = by_index[parent].find(row[std::size_t(l.parent_index)]);
    if (it != by_index[parent].end()) return std::pair{parent, it->second};
    return error_at(
        file, table.lines[r], l.parent_index + 1,
        {fmt::format("tabel '{}': induk _parent_index '{}' tidak ada di tabel '{}'", table.name, row[std::size_t(l.parent_index)],
                     tables[parent].name),
         fmt::format("table '{}': no row with _index '{}' in table '{}'", table.name, row[std::size_t(l.parent_index)], tables[parent].name)});
  };

  // Each row's ancestors, nearest first; every row must have them in the same tables.
  constexpr std::size_t kMaxDepth = 16;
  std::vector<std::vector<std::size_t>> ancestors(chosen.rows.size());
  std::vector<std::size_t> chain_tables;
  for (std::size_t r = 0; r < chosen.rows.size(); ++r) {
    std::vector<std::size_t> tables_seen;
    std::pair<std::size_t, std::size_t> at{best, r};
    while (links[at.first].any()) {
      auto parent = parent_of(at.first, at.second);
      if (!parent) return parent.errors();
      at = *parent;
      ancestors[r].push_back(at.second);
      tables_seen.push_back(at.first);
      if (tables_seen.size() > kMaxDepth) {
        return error_at(file, chosen.lines[r], 1, {"rantai induk terlalu dalam atau melingkar", "a chain of parents too deep or circular"});
      }
    }
    if (r == 0) {
      chain_tables = tables_seen;
    } else if (tables_seen != chain_tables) {
      return error_at(file, chosen.lines[r], 1,
                      {fmt::format("tabel '{}': baris-barisnya berinduk di tabel yang berbeda", chosen.name),
                       fmt::format("table '{}': its rows have parents in different tables", chosen.name)});
    }
  }
  if (chosen.rows.empty()) chain_tables = {0};

  // The joined header: the repeat's columns, then each ancestor's not yet present.
  std::vector<std::string> header = chosen.header;
  std::vector<std::vector<std::size_t>> taken(chain_tables.size());
  for (std::size_t level = 0; level < chain_tables.size(); ++level) {
    const Table& t = tables[chain_tables[level]];
    for (std::size_t c = 0; c < t.header.size(); ++c) {
      if (std::find(header.begin(), header.end(), t.header[c]) != header.end()) continue;
      header.push_back(t.header[c]);
      taken[level].push_back(c);
    }
  }
  std::vector<std::vector<std::string>> rows(chosen.rows.size());
  for (std::size_t r = 0; r < chosen.rows.size(); ++r) {
    rows[r] = std::move(chosen.rows[r]);
    for (std::size_t level = 0; level < chain_tables.size(); ++level) {
      const auto& parent_row = tables[chain_tables[level]].rows[ancestors[r][level]];
      for (std::size_t c : taken[level]) rows[r].push_back(parent_row[c]);
    }
  }
  std::vector<std::string> parents;
  for (std::size_t t : chain_tables) parents.push_back("'" + tables[t].name + "'");
  std::vector<LocalizedText> notes{
      {fmt::format("membaca tabel ulangan '{}' (nomor baris dari tabel itu), tiap baris dengan kolom induknya dari {}", chosen.name,
                   fmt::join(parents, ", ")),
       fmt::format("read the repeat table '{}' (line numbers are that table's), each row with its parent's columns from {}", chosen.name,
                   fmt::join(parents, ", "))}};
  return std::unique_ptr<RowSource>(
      new TableRowSource(std::move(header), std::move(rows), std::move(chosen.lines), std::move(notes), std::move(facts)));
}

}  // namespace siap
