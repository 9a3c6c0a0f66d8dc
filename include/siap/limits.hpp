// Every limit siap puts on what it reads and keeps, in one place, so that a
// hostile or broken input costs time linear in its size and memory bounded
// by what a user can read. docs/limits.md explains each one.
#pragma once

#include <cstddef>
#include <cstdint>

namespace siap::limits {

// CSV (defaults of CsvOptions): a longer row or a wider one is a file error.
inline constexpr std::size_t kMaxRowBytes = 16u << 20;
inline constexpr std::size_t kMaxFields = 100'000;

// "Did you mean" suggestions: a text longer than this gets none (no name or
// id a person could mistype is this long), and the distance searched is at
// most this many edits, so each comparison costs O(length x distance).
inline constexpr std::size_t kMaxSuggestionLength = 64;
inline constexpr int kMaxSuggestionDistance = 8;
// An error lists at most this many known names or ids, then "and N more".
inline constexpr std::size_t kMaxListedCandidates = 8;

// Framework files: after this many errors the rest are counted, not kept.
inline constexpr std::size_t kMaxFrameworkErrors = 100;

// A --region-map file: its rows, and the errors kept before the rest are dropped.
inline constexpr std::size_t kMaxRegionMapEntries = 100'000;
inline constexpr std::size_t kMaxRegionMapErrors = 100;

// Region names looked up in an input: distinct texts remembered (with their
// outcome) up to this many; further distinct texts are resolved each time.
inline constexpr std::size_t kMaxCachedUnitTexts = 65'536;

// A respondent bootstrap keeps every unit's overall index and rank per
// resample (12 bytes each): units x resamples at most this many (600 MB),
// and at most this many resamples.
inline constexpr std::size_t kMaxBootstrapValues = 50'000'000;
inline constexpr std::size_t kMaxBootstrapResamples = 100'000;

// An uncertainty analysis keeps, per core, a histogram of every unit's rank
// (units x units counts: 16 MB at this many units), and its spec asks for
// at most this many replicates (each run's output is kept for the
// sensitivity indices: 8 bytes x N (d + 2)).
inline constexpr std::size_t kMaxUncertaintyUnits = 2'000;
inline constexpr std::size_t kMaxUncertaintyReplicates = 1'000'000;

// Frameworks: band sets that apply at one depth of the tree, and bands in
// one set (a node score keeps its band in each set inline, as a byte).
inline constexpr std::size_t kMaxBandSetsPerDepth = 4;
inline constexpr std::size_t kMaxBandsPerSet = 100;

// Quality log: per (file, column, code) every occurrence is counted and
// streamed to the full log, but only the first few are kept in memory as
// examples for the reports.
inline constexpr std::size_t kExamplesPerGroup = 5;
// A value quoted in the quality log is cut to this many bytes (at a UTF-8
// boundary) and marked with "…".
inline constexpr std::size_t kMaxQuotedValueBytes = 200;

// Workbooks (XLSX, ODS) and ZIP archives: checked on the archive's directory
// before anything is inflated, so a zip bomb is refused at no cost; cells
// kept from the chosen sheet are counted as they arrive.
inline constexpr std::size_t kMaxWorkbookFileBytes = 512u << 20;
inline constexpr std::size_t kMaxZipEntries = 10'000;
inline constexpr std::uint64_t kMaxZipEntryBytes = 1u << 30;
inline constexpr std::uint64_t kMaxZipTotalBytes = 2ull << 30;
// 20 million filled cells (100,000 respondents x 200 columns) keep 320 MB of
// cell index; the text of the kept cells together, 512 MiB: a workbook can
// repeat one long text in many cells (shared strings, ODS repeats).
inline constexpr std::size_t kMaxSheetCells = 20'000'000;
inline constexpr std::size_t kMaxSheetTextBytes = 512u << 20;
inline constexpr std::size_t kMaxSheetColumns = 16'384;  // Excel's own limits (XFD1048576)
inline constexpr std::size_t kMaxSheetRows = 1'048'576;

}  // namespace siap::limits
