// What the XLSX and ODS readers share: choosing the sheet, keeping a cell
// within the limits, and the refusal they raise from inside a parser.
#pragma once

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "input/workbook_reader.hpp"
#include "siap/diagnostic.hpp"

namespace siap::workbook {

// Raised inside a parser's callbacks; read_workbook turns it into an error.
struct Refused : std::runtime_error {
  LocalizedText message;
  explicit Refused(LocalizedText m) : std::runtime_error(m.en), message(std::move(m)) {}
};

// Thrown when the package itself is damaged (a ZIP archive that cannot be
// read as one); reported as a broken workbook.
struct Broken : std::runtime_error {
  LocalizedText message;
  explicit Broken(LocalizedText m) : std::runtime_error(m.en), message(std::move(m)) {}
};

// A workbook's ZIP package, read with liborcus's ZIP reader (the archive's
// directory was checked against the limits before: zip_directory.hpp).
class Package {
 public:
  explicit Package(std::string_view bytes);
  ~Package();
  Package(const Package&) = delete;
  Package& operator=(const Package&) = delete;
  // The part's bytes; nothing when the package has no such part.
  std::optional<std::string> find(const std::string& name) const;
  // The part's bytes; throws Refused when it is missing.
  std::string part(const std::string& name) const;

 private:
  struct Zip;
  std::unique_ptr<Zip> zip_;
};

// The sheet `choice` names: "" the first; digits a 1-based position; else
// the exact name, or failing that the name ignoring case.
std::optional<std::size_t> choose_sheet(const std::vector<std::string>& names, const std::string& choice);

// Keeps a non-empty cell; throws Refused past the limits of limits.hpp.
void add_cell(SheetCells& sheet, long row, long column, std::string_view text);

Expected<Workbook> read_xlsx(std::string_view bytes, const std::string& file, const std::string& sheet);
Expected<Workbook> read_ods(std::string_view bytes, const std::string& file, const std::string& sheet);

}  // namespace siap::workbook
