// XLSX (Office Open XML) read directly from its parts with liborcus's ZIP
// reader and expat: the workbook's sheet list and relationships, the shared
// strings and the one sheet chosen. liborcus's own XLSX filter is not used:
// the version in Debian 12 silently reads no cells when the package's
// relationships use absolute targets ("/xl/worksheets/sheet1.xml"), which is
// what openpyxl and so pandas write. Its XML parser is not used either
// (xml_events.hpp). A cell's text is what the file stores
// (a number's <v> text as written), never a display format's rendering.
#include <fmt/format.h>

#include <functional>
#include <map>

#include "input/workbook_parts.hpp"
#include "input/xml_events.hpp"
#include "siap/limits.hpp"
#include "siap/utf8.hpp"

namespace siap::workbook {
namespace {

using xml::Attributes;

std::string attribute(const Attributes& a, std::string_view key) { return std::string(a.get(key)); }

// A relationship's target as a part name: absolute ("/xl/x.xml") from the
// package root, relative ("worksheets/x.xml", "../x.xml") from `base`.
std::string resolve(std::string_view base, std::string_view target) {
  std::string path = target.starts_with('/') ? std::string(target.substr(1)) : std::string(base) + std::string(target);
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t slash = path.find('/', start);
    if (slash == std::string::npos) slash = path.size();
    std::string part = path.substr(start, slash - start);
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    start = slash + 1;
  }
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

std::string directory_of(std::string_view part) {
  auto slash = part.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(part.substr(0, slash + 1));
}

// The relationships of `part` (its "_rels/NAME.rels"): id -> (type, target part).
std::map<std::string, std::pair<std::string, std::string>> relationships(const Package& package, const std::string& part) {
  std::map<std::string, std::pair<std::string, std::string>> out;
  const std::string dir = directory_of(part);
  const std::string rels = dir + "_rels/" + part.substr(dir.size()) + ".rels";
  auto bytes = package.find(rels);
  if (!bytes) return out;  // no relationships
  xml::Handlers sax;
  sax.start = [&](std::string_view name, const Attributes& a) {
    if (name == "Relationship") out[attribute(a, "Id")] = {attribute(a, "Type"), resolve(dir, attribute(a, "Target"))};
  };
  xml::parse(rels, *bytes, sax);
  return out;
}

// A whole number of at most 9 digits, or -1.
long small_number(std::string_view text) {
  if (text.empty() || text.size() > 9) return -1;
  long out = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return -1;
    out = out * 10 + (c - '0');
  }
  return out;
}

bool ends_with(std::string_view s, std::string_view suffix) { return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix; }

// "B7" -> (6, 1), 0-based; false when it is not an A1 address.
bool parse_a1(std::string_view text, long& row, long& column) {
  std::size_t i = 0;
  column = 0;
  for (; i < text.size() && i < 3 && ((text[i] >= 'A' && text[i] <= 'Z') || (text[i] >= 'a' && text[i] <= 'z')); ++i) {
    column = column * 26 + ((text[i] | 0x20) - 'a' + 1);
  }
  if (i == 0) return false;
  std::size_t digits = i;
  row = 0;
  for (; i < text.size() && text[i] >= '0' && text[i] <= '9' && i - digits < 8; ++i) row = row * 10 + (text[i] - '0');
  if (i == digits || i != text.size() || row < 1) return false;
  row -= 1;
  column -= 1;
  return true;
}

// The shared string table: each <si>'s text runs joined, phonetic guides (<rPh>) left out.
std::vector<std::string> shared_strings(const std::string& part, const std::string& document) {
  std::vector<std::string> out;
  std::string current;
  bool in_si = false, in_t = false;
  int phonetic = 0;
  xml::Handlers sax;
  sax.start = [&](std::string_view name, const Attributes&) {
    if (name == "si") {
      in_si = true;
      current.clear();
    } else if (name == "rPh") {
      ++phonetic;
    } else if (name == "t") {
      in_t = true;
    }
  };
  sax.end = [&](std::string_view name) {
    if (name == "si") {
      if (out.size() >= limits::kMaxSheetCells) {
        throw Refused(
            {fmt::format("lebih dari {} teks bersama", limits::kMaxSheetCells), fmt::format("more than {} shared strings", limits::kMaxSheetCells)});
      }
      out.push_back(std::move(current));
      current.clear();
      in_si = false;
    } else if (name == "rPh") {
      --phonetic;
    } else if (name == "t") {
      in_t = false;
    }
  };
  sax.text = [&](std::string_view text) {
    if (in_si && in_t && phonetic == 0) current.append(text);
  };
  xml::parse(part, document, sax);
  return out;
}

void read_cells(const std::string& part, const std::string& document, const std::vector<std::string>& strings, SheetCells& sheet) {
  long row = -1, column = -1;
  std::string type, value, inline_text;
  bool in_cell = false, in_v = false, in_t = false, in_is = false;
  xml::Handlers sax;
  sax.start = [&](std::string_view name, const Attributes& a) {
    if (name == "row") {
      const long parsed = small_number(attribute(a, "r"));
      row = parsed > 0 ? parsed - 1 : row + 1;
      column = -1;
    } else if (name == "c") {
      in_cell = true;
      type = attribute(a, "t");
      value.clear();
      inline_text.clear();
      std::string r = attribute(a, "r");
      long cell_row = 0, cell_column = 0;
      if (!r.empty()) {
        if (!parse_a1(r, cell_row, cell_column)) {
          const std::string_view shown = std::string_view(r).substr(0, whole_characters(r, 40));
          throw Refused({fmt::format("alamat sel tidak sah '{}'", shown), fmt::format("an invalid cell address '{}'", shown)});
        }
        row = cell_row;
        column = cell_column;
      } else {
        column += 1;
        if (row < 0) row = 0;
      }
    } else if (in_cell && name == "v") {
      in_v = true;
    } else if (in_cell && name == "is") {
      in_is = true;
    } else if (in_is && name == "t") {
      in_t = true;
    }
  };
  sax.end = [&](std::string_view name) {
    if (name == "v") {
      in_v = false;
    } else if (name == "t") {
      in_t = false;
    } else if (name == "is") {
      in_is = false;
    } else if (name == "c" && in_cell) {
      in_cell = false;
      std::string_view text = value;
      std::string owned;
      if (type == "s") {
        const long index = small_number(value);
        if (index < 0 || std::size_t(index) >= strings.size()) {
          const std::string_view shown = std::string_view(value).substr(0, whole_characters(value, 20));
          throw Refused(
              {fmt::format("sel baris {} kolom {} merujuk teks bersama yang tidak ada ('{}')", row + 1, column + 1, shown),
               fmt::format("the cell at row {} column {} refers to a shared string that does not exist ('{}')", row + 1, column + 1, shown)});
        }
        text = strings[std::size_t(index)];
      } else if (type == "inlineStr") {
        text = inline_text;
      } else if (type == "b") {
        text = value == "1" ? "TRUE" : value == "0" ? "FALSE" : text;
      }
      add_cell(sheet, row, column, text);
    }
  };
  sax.text = [&](std::string_view text) {
    if (in_v) value.append(text);
    if (in_t) inline_text.append(text);
  };
  xml::parse(part, document, sax);
}

}  // namespace

Expected<Workbook> read_xlsx(std::string_view bytes, const std::string& file, const std::string& choice) {
  Package zip(bytes);
  // The workbook part, from the package's relationships ("xl/workbook.xml" by convention).
  std::string workbook_part = "xl/workbook.xml";
  for (const auto& [id, rel] : relationships(zip, "")) {
    if (ends_with(rel.first, "/officeDocument")) workbook_part = rel.second;
  }
  const auto workbook_rels = relationships(zip, workbook_part);
  Workbook book;
  std::vector<std::string> sheet_parts;
  xml::Handlers sax;
  sax.start = [&](std::string_view name, const Attributes& a) {
    if (name != "sheet") return;
    book.sheet_names.push_back(attribute(a, "name"));
    auto rel = workbook_rels.find(attribute(a, "r:id"));
    sheet_parts.push_back(rel == workbook_rels.end() ? std::string() : rel->second.second);
  };
  xml::parse(workbook_part, zip.part(workbook_part), sax);
  if (book.sheet_names.empty()) return Diagnostics{Diagnostic{{file, 0, 0}, "", {"buku kerja tidak memiliki lembar", "the workbook has no sheet"}}};
  auto chosen = choose_sheet(book.sheet_names, choice);
  if (!chosen) return book;  // read_workbook names the sheets
  book.chosen = *chosen;
  if (sheet_parts[*chosen].empty()) {
    throw Refused({fmt::format("lembar '{}' tidak memiliki bagian data", book.sheet_names[*chosen]),
                   fmt::format("sheet '{}' has no data part", book.sheet_names[*chosen])});
  }
  std::vector<std::string> strings;
  for (const auto& [id, rel] : workbook_rels) {
    if (ends_with(rel.first, "/sharedStrings")) strings = shared_strings(rel.second, zip.part(rel.second));
  }
  read_cells(sheet_parts[*chosen], zip.part(sheet_parts[*chosen]), strings, book.sheet);
  return book;
}

}  // namespace siap::workbook
