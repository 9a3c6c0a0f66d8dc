// The quality log: every row rejected and every cell ignored while loading,
// with its reason. Nothing is lost and memory stays bounded:
//   - every issue is counted, per group (file, column, reason code, outcome);
//   - each group keeps its first limits::kExamplesPerGroup issues in memory,
//     which is what the reports show;
//   - when the full log is wanted (quality.csv, `siap validate`), every issue
//     is also streamed, as it is found, to a compact temporary file (a spill)
//     and read back in file and line order by for_each().
// docs/limits.md states the rule; the JSON report says how many were elided.
#pragma once

#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "siap/text.hpp"

namespace siap {

enum class IssueKind {
  row_rejected,  // the row is not used
  cell_ignored,  // the cell is treated as missing; the row is used
  value_mapped,  // the cell was read as the user said (--region-map); the row is used. A note, not a problem
};
inline constexpr int kIssueKinds = 3;
// "row_rejected", "cell_ignored", "value_mapped": the JSON's outcome.
std::string_view issue_kind_code(IssueKind kind);
// "baris ditolak" / "row rejected", ...: what the reports print.
LocalizedText issue_kind_label(IssueKind kind);

struct QualityIssue {
  IssueKind kind = IssueKind::row_rejected;
  std::string file;
  int line = 0;
  std::string column;  // header as written; empty for whole-row problems
  std::string value;   // the offending text (cut to limits::kMaxQuotedValueBytes)
  std::string code;    // stable machine-readable reason, e.g. "out_of_scale"
  LocalizedText reason;
};

// Issues of one kind, file, column and code.
struct IssueGroup {
  IssueKind kind = IssueKind::row_rejected;
  std::string file;
  std::string column;
  std::string code;
  LocalizedText reason;  // of the first occurrence
  std::size_t count = 0;
  std::vector<QualityIssue> examples;  // the first few, in input order
};

class QualityLog {
 public:
  QualityLog() : QualityLog(true) {}
  // `full`: also keep every issue (in a spill file) for for_each().
  explicit QualityLog(bool full);
  QualityLog(QualityLog&&) noexcept;
  QualityLog& operator=(QualityLog&&) noexcept;
  ~QualityLog();

  // The id of a group, made on first use with `reason` as its reason.
  int group(IssueKind kind, std::string_view file, std::string_view column, std::string_view code, const LocalizedText& reason);
  // Records one issue of a group. `own_reason` is given when this issue's
  // reason differs from the group's (e.g. a suggestion for this very name).
  void add(int group, int line, std::string_view value, const LocalizedText* own_reason = nullptr);
  void add(const QualityIssue& issue);
  // A group as a saved report kept it: its count and its examples as they
  // are (values already quoted). For reading back the assessment JSON; the
  // log is no longer full().
  void restore(IssueGroup group);

  std::size_t size() const { return total_; }
  bool empty() const { return total_ == 0; }
  std::size_t count(IssueKind kind) const { return counts_[int(kind)]; }
  // Issues that are problems: all but the notes of value_mapped.
  std::size_t problems() const { return total_ - counts_[int(IssueKind::value_mapped)]; }
  // In order of first occurrence.
  const std::vector<IssueGroup>& groups() const { return groups_; }
  // Issues counted but not kept as examples.
  std::size_t elided() const { return total_ - examples_; }
  // True when for_each() sees every issue, not only the examples.
  bool full() const { return full_; }

  // Every issue in file and line order (files in the order they were read);
  // only the examples when the log is not full. Not to be called from two
  // threads at once (it first moves buffered records to the spill file).
  void for_each(const std::function<void(const QualityIssue&)>& visit) const;
  // The examples of every group, in file and line order: what reports show.
  void for_each_example(const std::function<void(const QualityIssue&)>& visit) const;
  // Count per reason code, and the first example of each, in code order.
  struct CodeSummary {
    std::string code;
    std::size_t count = 0;
    const QualityIssue* first = nullptr;
  };
  std::vector<CodeSummary> by_code() const;

  // Takes over another log's issues. `line_offset` is added to their lines
  // (the other log read a later part of a file). Issues appended later must
  // not come before the ones already here, unless they start a new run.
  void absorb(QualityLog&& other, int line_offset);
  // Issues added from now on form a new run, sorted by file and line on its
  // own (found after reading, such as duplicate respondents); for_each()
  // merges runs in order.
  void start_run();

 private:
  struct Run;
  void keep_example(IssueGroup& g, int line, std::string_view value, const LocalizedText* own_reason);
  int file_rank(std::string_view file);
  Run& current_run();

  bool full_ = true;
  std::size_t total_ = 0, examples_ = 0;
  std::size_t counts_[kIssueKinds] = {};
  std::vector<IssueGroup> groups_;
  std::vector<int> group_file_rank_;  // per group: its file's position in reading order
  std::vector<std::unique_ptr<Run>> runs_;
  struct Index;
  std::unique_ptr<Index> index_;  // group key -> id; file name -> rank
  std::size_t current_run_ = 0;
};

// `text` cut to at most `max_bytes` at a UTF-8 character boundary, with "…"
// when something was cut.
std::string quote_value(std::string_view text, std::size_t max_bytes);

}  // namespace siap
