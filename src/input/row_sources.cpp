// Input formats by content (a file's first bytes and, for a ZIP archive, its
// directory), never by file name: the one place a new format is registered.
#include <fmt/format.h>

#include <array>
#include <cstdio>
#include <string_view>

#include "input/csv_reader.hpp"
#include "input/repeat_tables.hpp"
#include "input/row_source.hpp"
#include "input/sheet_row_source.hpp"
#include "input/workbook_reader.hpp"
#include "input/zip_directory.hpp"
#include "siap/limits.hpp"
#include "siap/os_error.hpp"
#include "siap/sha256.hpp"

namespace siap {
namespace {

Diagnostics file_error(const std::string& path, LocalizedText message) { return {Diagnostic{{path, 0, 0}, "", std::move(message)}}; }

// The kinds of file told apart by content. Those siap cannot read get a
// message that names what the file is and what to export instead.
enum class Kind { text, xlsx, ods, zip_of_csv, docx, pptx, odf_other, zip_other, pdf, ole2, utf16 };

using Opener = Expected<std::unique_ptr<RowSource>> (*)(const std::string& path, std::string bytes, const CsvOptions& options,
                                                        const ItemCounter& count_items);

SourceFacts facts_of(std::string_view bytes) {
  Sha256 sha;
  sha.update(bytes);
  return {sha.hex(), bytes.size()};
}

Expected<std::unique_ptr<RowSource>> open_workbook(const std::string& path, std::string bytes, const CsvOptions& options, WorkbookKind kind) {
  auto book = read_workbook(bytes, kind, path, options.sheet);
  if (!book) return book.errors();
  return make_sheet_row_source(std::move(*book), path, facts_of(bytes));
}

Expected<std::unique_ptr<RowSource>> open_xlsx(const std::string& path, std::string bytes, const CsvOptions& options,
                                               const ItemCounter& count_items) {
  // A KoboToolbox XLSX keeps each repeat group on a sheet of its own; with
  // no --sheet chosen the sheet holding the answers is read, joined with
  // its parent's columns.
  auto book = read_workbook(bytes, WorkbookKind::xlsx, path, options.sheet);
  if (!book) return book.errors();
  if (count_items && options.sheet.empty() && book->sheet_names.size() > 1) {
    auto tables = read_repeat_sheets(bytes, path, *book);
    if (!tables) return tables.errors();
    if (!tables->empty()) return open_joined_table(std::move(*tables), path, count_items, facts_of(bytes));
  }
  return make_sheet_row_source(std::move(*book), path, facts_of(bytes));
}
Expected<std::unique_ptr<RowSource>> open_ods(const std::string& path, std::string bytes, const CsvOptions& options, const ItemCounter&) {
  return open_workbook(path, std::move(bytes), options, WorkbookKind::ods);
}
// ODK Central's export: the main table's CSV and one per repeat group.
Expected<std::unique_ptr<RowSource>> open_zip_of_csv(const std::string& path, std::string bytes, const CsvOptions& options,
                                                     const ItemCounter& count_items) {
  auto tables = read_zip_tables(bytes, path, options);
  if (!tables) return tables.errors();
  const ItemCounter none = [](const std::vector<std::string_view>&) { return std::size_t(0); };
  return open_joined_table(std::move(*tables), path, count_items ? count_items : none, facts_of(bytes));
}

struct Format {
  Kind kind;
  Opener open;  // nullptr: not readable; `refusal` says why
  LocalizedText refusal;
};

const std::array kFormats{
    Format{Kind::xlsx, &open_xlsx, {}},
    Format{Kind::ods, &open_ods, {}},
    Format{Kind::zip_of_csv, &open_zip_of_csv, {}},
    Format{Kind::docx, nullptr, {"dokumen Word (DOCX), bukan tabel data", "a Word document (DOCX), not a data table"}},
    Format{Kind::pptx, nullptr, {"presentasi PowerPoint (PPTX), bukan tabel data", "a PowerPoint presentation (PPTX), not a data table"}},
    Format{Kind::odf_other, nullptr, {"dokumen OpenDocument yang bukan lembar kerja", "an OpenDocument file that is not a spreadsheet"}},
    Format{Kind::zip_other, nullptr, {"arsip ZIP tanpa buku kerja atau CSV", "a ZIP archive with no workbook or CSV in it"}},
    Format{Kind::pdf, nullptr, {"dokumen PDF, bukan tabel data", "a PDF document, not a data table"}},
    Format{Kind::ole2,
           nullptr,
           {"berkas Office 97–2003 (.xls/.doc): simpan ulang sebagai .xlsx atau CSV UTF-8",
            "an Office 97–2003 file (.xls/.doc): save it again as .xlsx or UTF-8 CSV"}},
    Format{Kind::utf16,
           nullptr,
           {"teks UTF-16 (\"Unicode Text\" dari Excel): simpan ulang sebagai CSV UTF-8",
            "UTF-16 text (Excel's \"Unicode Text\"): save it again as UTF-8 CSV"}},
};

bool ends_with(std::string_view s, std::string_view suffix) { return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix; }

Kind zip_kind(std::string_view bytes, const ZipDirectory& dir) {
  if (dir.find("xl/workbook.xml")) return Kind::xlsx;
  if (dir.find("word/document.xml")) return Kind::docx;
  if (dir.find("ppt/presentation.xml")) return Kind::pptx;
  // OpenDocument: the "mimetype" entry comes first, stored, so its text sits
  // near the start of the file.
  std::string_view head = bytes.substr(0, 200);
  if (head.find("application/vnd.oasis.opendocument.spreadsheet") != std::string_view::npos) return Kind::ods;
  if (head.find("application/vnd.oasis.opendocument.") != std::string_view::npos) return Kind::odf_other;
  bool any_csv = false;
  for (const auto& e : dir.entries) any_csv |= ends_with(e.name, ".csv");
  return any_csv ? Kind::zip_of_csv : Kind::zip_other;
}

Kind head_kind(std::string_view head) {
  if (head.substr(0, 5) == "%PDF-") return Kind::pdf;
  if (head.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)) return Kind::ole2;
  if (head.substr(0, 2) == "\xFF\xFE" || head.substr(0, 2) == "\xFE\xFF") return Kind::utf16;
  return Kind::text;
}

// The whole file, for a format read in memory (a ZIP's directory is at its end).

Expected<std::unique_ptr<RowSource>> open_csv(const std::string& path, const CsvOptions& options) {
  auto reader = CsvReader::open(path, options);
  if (!reader) return reader.errors();
  return std::unique_ptr<RowSource>(std::move(*reader));
}

}  // namespace

Expected<std::string> read_workbook_file(const std::string& path) {
  auto opened = open_for_reading(path);
  if (!opened) return opened.errors();
  std::FILE* f = *opened;
  std::string out;
  char buffer[1 << 16];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) {
    out.append(buffer, n);
    if (out.size() > limits::kMaxWorkbookFileBytes) {
      std::fclose(f);
      return file_error(path, {fmt::format("arsip lebih dari {} MiB", limits::kMaxWorkbookFileBytes >> 20),
                               fmt::format("an archive larger than {} MiB", limits::kMaxWorkbookFileBytes >> 20)});
    }
  }
  const bool failed = std::ferror(f);
  const int err = errno;
  std::fclose(f);
  if (failed) {
    const LocalizedText why = os_error_text(err);
    return file_error(path, {fmt::format("berkas tidak dapat dibaca: {}", why.id), fmt::format("cannot read the file: {}", why.en)});
  }
  return out;
}

Expected<std::unique_ptr<RowSource>> open_row_source(const std::string& path, const CsvOptions& options, const ItemCounter& count_items) {
  // Standard input cannot be looked at twice: it is read as CSV.
  if (path == "-") return open_csv(path, options);
  char head_bytes[8] = {};
  std::size_t got = 0;
  if (std::FILE* f = std::fopen(path.c_str(), "rb")) {
    got = std::fread(head_bytes, 1, sizeof head_bytes, f);
    std::fclose(f);
  }
  const std::string_view head(head_bytes, got);
  Kind kind = head_kind(head);
  std::string bytes;
  if (looks_like_zip(head)) {
    auto all = read_workbook_file(path);
    if (!all) return all.errors();
    auto dir = read_zip_directory(*all, path);
    if (!dir) return dir.errors();
    kind = zip_kind(*all, *dir);
    bytes = std::move(*all);
  }
  if (kind == Kind::text) return open_csv(path, options);
  for (const Format& f : kFormats) {
    if (f.kind != kind) continue;
    if (f.open) return f.open(path, std::move(bytes), options, count_items);
    return file_error(path, {fmt::format("tidak dapat dibaca sebagai data survei: {}", f.refusal.id),
                             fmt::format("cannot be read as survey data: {}", f.refusal.en)});
  }
  return open_csv(path, options);
}

}  // namespace siap
