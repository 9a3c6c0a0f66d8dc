#include "input/workbook_reader.hpp"

#include <fmt/format.h>
#include <orcus/exception.hpp>
#include <orcus/zip_archive.hpp>
#include <orcus/zip_archive_stream.hpp>

#include <algorithm>
#include <set>

#include "input/workbook_parts.hpp"
#include "input/xml_events.hpp"
#include "input/zip_directory.hpp"
#include "siap/folding.hpp"
#include "siap/limits.hpp"
#include "siap/utf8.hpp"

namespace siap {
namespace workbook {

struct Package::Zip {
  orcus::zip_archive_stream_blob stream;
  orcus::zip_archive archive;
  std::set<std::string, std::less<>> names;
  explicit Zip(std::string_view bytes) : stream(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()), archive(&stream) {}
};

Package::Package(std::string_view bytes) {
  // liborcus allocates what an entry's directory record declares before it
  // inflates anything (a fuzzed record declaring 4 GB ran the process out of
  // memory), so the declared sizes are checked against the limits first.
  auto directory = read_zip_directory(bytes, "");
  if (!directory) throw Broken(directory.errors().front().message);
  zip_ = std::make_unique<Zip>(bytes);
  try {
    zip_->archive.load();
  } catch (const orcus::zip_error&) {
    // A directory that passed the checks above but not liborcus's own
    // (fuzzing found one); its message is empty and English only.
    throw Broken({"direktori pusat arsip tidak dapat dibaca", "the archive's central directory cannot be read"});
  }
  // Only the entries checked above may be read.
  const std::size_t count = zip_->archive.get_file_entry_count();
  if (count != directory->entries.size()) {
    throw Broken({"direktori pusat dibaca berbeda oleh dua pembaca", "the central directory reads differently to two readers"});
  }
  for (std::size_t i = 0; i < count; ++i) {
    const std::string_view name = zip_->archive.get_file_entry_name(i);
    if (name != directory->entries[i].name) {
      throw Broken({"direktori pusat dibaca berbeda oleh dua pembaca", "the central directory reads differently to two readers"});
    }
    zip_->names.emplace(name);
  }
}
Package::~Package() = default;

std::optional<std::string> Package::find(const std::string& name) const {
  if (!zip_->names.contains(name)) return std::nullopt;
  std::vector<unsigned char> bytes;
  bool read = false;
  try {
    read = zip_->archive.read_file_entry(name, bytes);
  } catch (const orcus::zip_error&) {
  }
  if (!read) throw Refused({fmt::format("bagian '{}' rusak", name), fmt::format("part '{}' is damaged", name)});
  // liborcus ends the buffer with a NUL of its own, for its parsers.
  if (!bytes.empty() && bytes.back() == 0) bytes.pop_back();
  return std::string(bytes.begin(), bytes.end());
}

std::string Package::part(const std::string& name) const {
  auto bytes = find(name);
  if (!bytes) throw Refused({fmt::format("bagian '{}' tidak ada", name), fmt::format("part '{}' is missing", name)});
  return std::move(*bytes);
}

std::optional<std::size_t> choose_sheet(const std::vector<std::string>& names, const std::string& choice) {
  if (names.empty()) return std::nullopt;
  if (choice.empty()) return 0;
  if (choice.size() < 6 && choice.find_first_not_of("0123456789") == std::string::npos) {
    std::size_t n = std::stoul(choice);
    if (n >= 1 && n <= names.size()) return n - 1;
    return std::nullopt;
  }
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] == choice) return i;
  }
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (ascii_lower(names[i]) == ascii_lower(choice)) return i;
  }
  return std::nullopt;
}

void add_cell(SheetCells& sheet, long row, long column, std::string_view text) {
  if (text.empty()) return;
  if (row < 0 || column < 0 || row >= long(limits::kMaxSheetRows) || std::size_t(column) >= limits::kMaxSheetColumns) {
    throw Refused({fmt::format("sel di luar batas lembar (baris {}, kolom {})", row + 1, column + 1),
                   fmt::format("a cell outside the sheet's bounds (row {}, column {})", row + 1, column + 1)});
  }
  if (!is_valid_utf8(text)) {
    throw Refused({fmt::format("sel baris {} kolom {} berisi teks yang bukan UTF-8", row + 1, column + 1),
                   fmt::format("the cell at row {} column {} holds text that is not UTF-8", row + 1, column + 1)});
  }
  if (sheet.cells.size() >= limits::kMaxSheetCells) {
    throw Refused({fmt::format("lebih dari {} sel terisi pada lembar", limits::kMaxSheetCells),
                   fmt::format("more than {} filled cells in the sheet", limits::kMaxSheetCells)});
  }
  if (sheet.text.size() + text.size() > limits::kMaxSheetTextBytes) {
    throw Refused({fmt::format("teks sel lembar lebih dari {} MiB", limits::kMaxSheetTextBytes >> 20),
                   fmt::format("the sheet's cell text exceeds {} MiB", limits::kMaxSheetTextBytes >> 20)});
  }
  sheet.cells.push_back({std::uint32_t(row), std::uint32_t(column), std::uint32_t(sheet.text.size()), std::uint32_t(text.size())});
  sheet.text.append(text);
}

}  // namespace workbook

namespace {

Diagnostics error(const std::string& file, LocalizedText message) { return {Diagnostic{{file, 0, 0}, "", std::move(message)}}; }

}  // namespace

Expected<Workbook> read_workbook(std::string_view bytes, WorkbookKind kind, const std::string& file, const std::string& sheet) {
  const char* what = kind == WorkbookKind::xlsx ? "XLSX" : "ODS";
  std::optional<Expected<Workbook>> read;
  try {
    read.emplace(kind == WorkbookKind::xlsx ? workbook::read_xlsx(bytes, file, sheet) : workbook::read_ods(bytes, file, sheet));
  } catch (const workbook::Refused& r) {
    return error(file, {fmt::format("buku kerja {} ditolak: {}", what, r.message.id), fmt::format("{} workbook refused: {}", what, r.message.en)});
  } catch (const workbook::Broken& b) {
    return error(file, {fmt::format("buku kerja {} rusak: {}", what, b.message.id), fmt::format("a broken {} workbook: {}", what, b.message.en)});
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const xml::ParseError& e) {
    return error(file, {fmt::format("buku kerja {} rusak: {} baris {} kolom {}: XML tidak sah ({})", what, e.part, e.line, e.column, e.reason),
                        fmt::format("a broken {} workbook: {}:{}:{}: not valid XML ({})", what, e.part, e.line, e.column, e.reason)});
  } catch (const std::exception& e) {
    // liborcus's parse and ZIP errors: the file is broken.
    return error(file, {fmt::format("buku kerja {} rusak: {}", what, e.what()), fmt::format("a broken {} workbook: {}", what, e.what())});
  }
  Expected<Workbook>& book = *read;
  if (!book) return std::move(book);
  if (book->sheet_names.empty()) return error(file, {"buku kerja tidak memiliki lembar", "the workbook has no sheet"});
  if (book->chosen == Workbook::kNone) {
    std::string names;
    for (std::size_t i = 0; i < book->sheet_names.size(); ++i) names += fmt::format("{}{} '{}'", i ? ", " : "", i + 1, book->sheet_names[i]);
    return error(file, {fmt::format("lembar '{}' tidak ada; lembar yang ada: {}", sheet, names),
                        fmt::format("no sheet '{}'; the sheets are: {}", sheet, names)});
  }
  // Cells arrive in document order, which is row order in every workbook
  // seen; sorted anyway, since neither format promises it.
  auto& cells = book->sheet.cells;
  auto before = [](const SheetCells::Cell& a, const SheetCells::Cell& b) { return a.row != b.row ? a.row < b.row : a.column < b.column; };
  if (!std::is_sorted(cells.begin(), cells.end(), before)) std::stable_sort(cells.begin(), cells.end(), before);
  return std::move(book);
}

}  // namespace siap
