// Input data after loading and checking, before any aggregation: every
// accepted row's answers (kept at respondent level for later stages such as
// bootstrap intervals), and every problem found, with file and line.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "siap/csv_options.hpp"
#include "siap/decimal.hpp"
#include "siap/expected.hpp"
#include "siap/framework.hpp"
#include "siap/row_allocator.hpp"
#include "siap/quality_log.hpp"
#include "siap/region_map.hpp"
#include "siap/regions.hpp"

namespace siap {

struct InputFileInfo {
  std::string name;  // as given; "<stdin>" for "-"
  std::string sha256;
  std::size_t bytes = 0;
  char delimiter = ',';
  bool decimal_comma = false;
  std::size_t rows_read = 0;
  std::size_t rows_accepted = 0;
  std::size_t rows_rejected = 0;
  std::vector<std::string> ignored_columns;  // headers no framework column claims
  int parts = 1;                             // ranges parsed in parallel: 2 when split, 1 when read in one pass
  bool reread = false;                       // split, then read again in one pass: out of step at a quoted newline, or a unit named twice
  std::vector<LocalizedText> notes;          // how it was read (the sheet of a workbook), for the user
  std::size_t cells_no_answer = 0;           // cells of accepted rows holding a declared no-answer marker
  // ODK Central's FormVersion column: rows filled in on a form of another
  // version than the framework's, and the first such version.
  std::size_t rows_other_form_version = 0;
  std::string other_form_version;
  std::vector<LocalizedText> warnings;  // what the user must not miss about the file (a form of another version)
};

// What kind of unit: the region types, in RegionType's order, then the rest.
enum class UnitLevel { provinsi, kabupaten, kota, other };

// A unit of assessment: a region from the built-in table, or (with
// --allow-non-regions) any other named unit such as an OPD. Everything a
// report says about it is copied in when it is resolved: reporters and
// later stages never consult the region table.
//
// Where a unit lies (its code and province) is held apart, shared and only
// for units that have one: a unit sheet of 238,000 OPD held three empty
// strings per unit, 22 MB of its 236 MB.
struct UnitPlace {
  std::string code;           // Kemendagri code
  std::string province_code;  // "32"; a province's own code for a province
  std::string province_name;  // "Jawa Barat"; likewise
};

struct Unit {
  Unit() = default;
  // `code`, `province_code`, `province_name`: "" for units that are not regions.
  Unit(int region_index, std::string code, std::string unit_name, UnitLevel unit_level, std::string province_code, std::string province_name);

  int region = -1;  // index into RegionTable::builtin(), or -1
  UnitLevel level = UnitLevel::other;
  std::string name;

  const std::string& code() const { return place_ ? place_->code : empty(); }                    // "" for non-regions
  const std::string& province_code() const { return place_ ? place_->province_code : empty(); }  // "" for non-regions
  const std::string& province_name() const { return place_ ? place_->province_name : empty(); }  // "" for non-regions

 private:
  static const std::string& empty();
  std::shared_ptr<const UnitPlace> place_;  // null: no code, no province
};

// How one input column is stored: a small code per row (discrete scales), or
// an exact decimal per row (numeric scales, non-integer ordinals, given node values).
struct ItemColumn {
  int node = -1;  // index into Framework::nodes
  bool coded = true;
  std::vector<Decimal> scores;  // coded: score of code k is scores[k - 1] (reverse keying applied)
  int decimal_slot = -1;        // index into Dataset::decimals: every answer of an uncoded column, off-grid ones of a fractional scale
};

struct Dataset {
  InputKind kind = InputKind::units;  // how rows were read
  std::vector<InputFileInfo> files;
  std::vector<Unit> units;        // in order of first appearance
  std::vector<ItemColumn> items;  // leaves in framework order, then given nodes

  // Accepted rows, in input order.
  std::size_t rows = 0;
  template <typename T>
  using Column = std::vector<T, RowAllocator<T>>;
  Column<std::int32_t> row_unit;
  Column<std::int16_t> row_group;  // index into respondents.groups, -1 without groups
  Column<std::uint16_t> row_file;
  Column<std::uint32_t> row_line;
  Column<std::uint8_t> codes;  // rows x coded items, row-major; 0 = missing
  std::size_t coded_items = 0;
  // Decimal answers are sparse (a given domain index, a numeric item): per
  // slot, the rows that have one, in row order. Memory follows the answers
  // present, not rows x slots.
  struct DecimalAnswer {  // 16 bytes: a numeric survey holds millions
    std::uint32_t row;
    std::int32_t scale;
    std::int64_t mantissa;
    DecimalAnswer(std::uint32_t answer_row, const Decimal& answer) : row(answer_row), scale(answer.scale()), mantissa(answer.mantissa()) {}
    Decimal value() const { return Decimal::from_scaled(mantissa, scale); }
  };
  std::vector<Column<DecimalAnswer>> decimals;

  // Denominator columns of a composite indicator (treatment `denominator:
  // {column: ...}`): per column, each unit's value (> 0), or nothing.
  struct DenominatorValues {
    std::string column;
    std::vector<std::optional<Decimal>> by_unit;
  };
  std::vector<DenominatorValues> denominators;

  std::size_t rows_read = 0;
  std::size_t rows_rejected = 0;
  QualityLog quality;  // every rejected row and ignored cell: counted, examples kept, the rest streamed

  std::uint8_t code(std::size_t row, std::size_t coded_index) const { return codes[row * coded_items + coded_index]; }
};

enum class DecimalComma { automatic, yes, no };  // automatic: only for ';'-delimited files

struct LoadOptions {
  CsvOptions csv;
  DecimalComma decimal_comma = DecimalComma::automatic;
  std::vector<std::string> no_answer;  // markers meaning "no answer" in every answer column (--no-answer), besides each scale's own
  bool include_incomplete = false;     // keep submissions their tool marks incomplete, not approved or rejected
  char thousands = 0;                  // a declared thousands separator ('.' or ','); 0: none, and a number that could be grouped is an error
  RegionCoding region_coding = RegionCoding::unspecified;
  bool allow_non_regions = false;
  // The study's provinces (indices into RegionTable::builtin()); a region
  // elsewhere is rejected as outside_scope. Empty: the whole country.
  std::vector<int> scope_provinces;
  // The study's own names for regions (--region-map); consulted before the
  // bundled names, each use noted in the quality log (value_mapped).
  const RegionMap* region_map = nullptr;
  // Survey files at least this large are parsed in two parts on two cores.
  std::size_t parallel_min_bytes = 16u << 20;
  // A pilot sample (uji coba): without a unit column, every row belongs to
  // one unit of this name (not a region). Empty: the unit column is required.
  std::string pilot_unit;
  // Keep every issue (streamed to a temporary file) for quality.csv; without
  // it only the counts and the first examples per group are kept.
  bool full_quality_log = true;
};

// Reads every file ("-" is stdin) against the framework. Problems in rows and
// cells are recorded in Dataset::quality; problems that make a whole file
// unusable (cannot open, not UTF-8, a required column missing) are errors.
Expected<Dataset> load_dataset(const Framework& fw, const std::vector<std::string>& paths, const LoadOptions& options);

}  // namespace siap
