#include "siap/quality_log.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <unordered_map>

#include "siap/limits.hpp"
#include "siap/utf8.hpp"

namespace siap {

std::string quote_value(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  return std::string(text.substr(0, whole_characters(text, max_bytes))) + "\xE2\x80\xA6";
}

// Group ids by key, and file ranks by name.
struct QualityLog::Index {
  std::unordered_map<std::string, int> groups;
  std::unordered_map<std::string, int> files;
};

// A sequence of issues sorted by (file, line), as compact records:
// u32 group, i32 line, u32 value length, value, u8 own reason,
// [u32 length, Indonesian, u32 length, English]. Written to an unnamed
// temporary file through a buffer; kept in memory only if no temporary file
// can be made.
struct QualityLog::Run {
  std::FILE* spill = nullptr;
  std::string buffer;
  std::size_t spilled = 0;  // bytes in the file
  bool in_memory = false;   // the file could not take more: the rest stays in `buffer`
  int line_offset = 0;
  std::vector<int> group_map;  // record group -> log group; empty: the same

  Run() : spill(std::tmpfile()) {}
  ~Run() {
    if (spill != nullptr) std::fclose(spill);
  }
  Run(const Run&) = delete;
  Run& operator=(const Run&) = delete;

  template <typename T>
  void put(T v) {
    buffer.append(reinterpret_cast<const char*>(&v), sizeof v);
  }
  void put_text(std::string_view s) {
    put(std::uint32_t(s.size()));
    buffer.append(s);
  }
  void record(int group, int line, std::string_view value, const LocalizedText* own_reason) {
    put(std::uint32_t(group));
    put(std::int32_t(line));
    put_text(value);
    put(std::uint8_t(own_reason != nullptr));
    if (own_reason != nullptr) {
      put_text(own_reason->id);
      put_text(own_reason->en);
    }
    if (spill != nullptr && !in_memory && buffer.size() >= (1u << 20)) flush();
  }
  void flush() {
    if (spill == nullptr || in_memory || buffer.empty()) return;
    if (std::fwrite(buffer.data(), 1, buffer.size(), spill) != buffer.size() || std::fflush(spill) != 0) {
      // The disk is full: the first `spilled` bytes are read back from the
      // file (a partial write after them is ignored), the rest stays in memory
      // rather than being lost.
      in_memory = true;
      return;
    }
    spilled += buffer.size();
    buffer.clear();
  }
};

namespace {

// Reads one run's records back, in order, without moving the file position
// (pread), so that reading is const.
class RunCursor {
 public:
  RunCursor(std::FILE* spill, std::size_t spilled, const std::string& tail) : spill_(spill), spilled_(spilled), tail_(tail) {}

  bool next(std::uint32_t& group, std::int32_t& line, std::string& value, bool& own, LocalizedText& reason) {
    if (!get(group)) return false;
    std::uint8_t has_reason = 0;
    if (!get(line) || !get_text(value) || !get(has_reason)) return false;
    own = has_reason != 0;
    if (own && (!get_text(reason.id) || !get_text(reason.en))) return false;
    return true;
  }

 private:
  // Makes `n` bytes available at data_[pos_].
  bool ensure(std::size_t n) {
    if (data_.size() - pos_ >= n) return true;
    data_.erase(0, pos_);
    pos_ = 0;
    while (data_.size() < n) {
      if (offset_ < spilled_) {
        std::size_t want = std::min<std::size_t>(std::max<std::size_t>(n - data_.size(), 1u << 16), spilled_ - offset_);
        std::size_t at = data_.size();
        data_.resize(at + want);
        ssize_t got = ::pread(::fileno(spill_), data_.data() + at, want, off_t(offset_));
        if (got <= 0) return false;
        data_.resize(at + std::size_t(got));
        offset_ += std::size_t(got);
      } else if (!tail_read_) {
        data_.append(tail_);
        tail_read_ = true;
      } else {
        return false;
      }
    }
    return true;
  }
  template <typename T>
  bool get(T& v) {
    if (!ensure(sizeof v)) return false;
    std::memcpy(&v, data_.data() + pos_, sizeof v);
    pos_ += sizeof v;
    return true;
  }
  bool get_text(std::string& s) {
    std::uint32_t n = 0;
    if (!get(n) || !ensure(n)) return false;
    s.assign(data_, pos_, n);
    pos_ += n;
    return true;
  }

  std::FILE* spill_;
  std::size_t spilled_;
  const std::string& tail_;
  bool tail_read_ = false;
  std::size_t offset_ = 0;
  std::string data_;
  std::size_t pos_ = 0;
};

std::string group_key(IssueKind kind, std::string_view file, std::string_view column, std::string_view code) {
  std::string key;
  key.reserve(file.size() + column.size() + code.size() + 8);
  key += char('0' + int(kind));
  for (std::string_view part : {file, column, code}) {
    key += std::to_string(part.size());
    key += ':';
    key += part;
  }
  return key;
}

}  // namespace

QualityLog::QualityLog(bool full) : full_(full), index_(std::make_unique<Index>()) {}
QualityLog::QualityLog(QualityLog&&) noexcept = default;
QualityLog& QualityLog::operator=(QualityLog&&) noexcept = default;
QualityLog::~QualityLog() = default;

int QualityLog::file_rank(std::string_view file) {
  auto [it, inserted] = index_->files.emplace(std::string(file), int(index_->files.size()));
  return it->second;
}

int QualityLog::group(IssueKind kind, std::string_view file, std::string_view column, std::string_view code, const LocalizedText& reason) {
  auto [it, inserted] = index_->groups.emplace(group_key(kind, file, column, code), int(groups_.size()));
  if (inserted) {
    IssueGroup g;
    g.kind = kind;
    g.file = std::string(file);
    g.column = std::string(column);
    g.code = std::string(code);
    g.reason = reason;
    groups_.push_back(std::move(g));
    group_file_rank_.push_back(file_rank(file));
  }
  return it->second;
}

QualityLog::Run& QualityLog::current_run() {
  if (runs_.empty()) {
    runs_.push_back(std::make_unique<Run>());
    current_run_ = 0;
  }
  return *runs_[current_run_];
}

void QualityLog::start_run() {
  runs_.push_back(std::make_unique<Run>());
  current_run_ = runs_.size() - 1;
}

void QualityLog::keep_example(IssueGroup& g, int line, std::string_view value, const LocalizedText* own_reason) {
  if (g.examples.size() >= limits::kExamplesPerGroup) return;
  QualityIssue issue;
  issue.kind = g.kind;
  issue.file = g.file;
  issue.line = line;
  issue.column = g.column;
  issue.value = quote_value(value, limits::kMaxQuotedValueBytes);
  issue.code = g.code;
  issue.reason = own_reason != nullptr ? *own_reason : g.reason;
  g.examples.push_back(std::move(issue));
  ++examples_;
}

void QualityLog::add(int group, int line, std::string_view value, const LocalizedText* own_reason) {
  IssueGroup& g = groups_[std::size_t(group)];
  ++g.count;
  ++total_;
  ++counts_[int(g.kind)];
  if (own_reason != nullptr && own_reason->id == g.reason.id && own_reason->en == g.reason.en) own_reason = nullptr;
  keep_example(g, line, value, own_reason);
  if (full_)
    current_run().record(group, line, value.size() > limits::kMaxQuotedValueBytes ? quote_value(value, limits::kMaxQuotedValueBytes) : value,
                         own_reason);
}

void QualityLog::add(const QualityIssue& issue) {
  add(group(issue.kind, issue.file, issue.column, issue.code, issue.reason), issue.line, issue.value, &issue.reason);
}

void QualityLog::restore(IssueGroup saved) {
  IssueGroup& g = groups_[std::size_t(group(saved.kind, saved.file, saved.column, saved.code, saved.reason))];
  g.count += saved.count;
  total_ += saved.count;
  counts_[int(g.kind)] += saved.count;
  for (auto& example : saved.examples) {
    g.examples.push_back(std::move(example));
    ++examples_;
  }
  full_ = false;
}

void QualityLog::absorb(QualityLog&& other, int line_offset) {
  std::vector<int> map(other.groups_.size());
  for (std::size_t i = 0; i < other.groups_.size(); ++i) {
    IssueGroup& theirs = other.groups_[i];
    int id = group(theirs.kind, theirs.file, theirs.column, theirs.code, theirs.reason);
    map[i] = id;
    IssueGroup& ours = groups_[std::size_t(id)];
    ours.count += theirs.count;
    total_ += theirs.count;
    counts_[int(theirs.kind)] += theirs.count;
    for (auto& example : theirs.examples) {
      if (ours.examples.size() >= limits::kExamplesPerGroup) break;
      example.line += line_offset;
      ours.examples.push_back(std::move(example));
      ++examples_;
    }
  }
  full_ = full_ && other.full_;
  for (auto& run : other.runs_) {
    run->line_offset += line_offset;
    if (run->group_map.empty()) {
      run->group_map = map;
    } else {
      for (int& g : run->group_map) g = map[std::size_t(g)];
    }
    runs_.push_back(std::move(run));
  }
  // Our own issues continue in a run of their own, after the absorbed ones.
  if (full_) start_run();
}

void QualityLog::for_each_example(const std::function<void(const QualityIssue&)>& visit) const {
  std::vector<std::pair<std::pair<int, int>, const QualityIssue*>> order;
  for (std::size_t g = 0; g < groups_.size(); ++g) {
    for (const auto& e : groups_[g].examples) order.push_back({{group_file_rank_[g], e.line}, &e});
  }
  std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [key, issue] : order) visit(*issue);
}

std::vector<QualityLog::CodeSummary> QualityLog::by_code() const {
  std::map<std::string, std::pair<CodeSummary, std::pair<int, int>>> codes;  // code -> summary, (file rank, line) of its first
  for (std::size_t g = 0; g < groups_.size(); ++g) {
    auto& [summary, first_at] = codes[groups_[g].code];
    summary.code = groups_[g].code;
    summary.count += groups_[g].count;
    if (groups_[g].examples.empty()) continue;
    std::pair<int, int> at{group_file_rank_[g], groups_[g].examples.front().line};
    if (summary.first == nullptr || at < first_at) {
      summary.first = &groups_[g].examples.front();
      first_at = at;
    }
  }
  std::vector<CodeSummary> out;
  for (auto& [code, entry] : codes) out.push_back(std::move(entry.first));
  return out;
}

void QualityLog::for_each(const std::function<void(const QualityIssue&)>& visit) const {
  if (!full_) {
    for_each_example(visit);
    return;
  }
  struct Head {
    std::unique_ptr<RunCursor> cursor;
    const Run* run;
    bool live = false;
    QualityIssue issue;
    int rank = 0;
  };
  std::vector<Head> heads;
  auto advance = [&](Head& h) {
    std::uint32_t group = 0;
    std::int32_t line = 0;
    bool own = false;
    LocalizedText reason;
    h.live = h.cursor->next(group, line, h.issue.value, own, reason);
    if (!h.live) return;
    int g = h.run->group_map.empty() ? int(group) : h.run->group_map[group];
    const IssueGroup& ig = groups_[std::size_t(g)];
    h.issue.kind = ig.kind;
    h.issue.file = ig.file;
    h.issue.line = line + h.run->line_offset;
    h.issue.column = ig.column;
    h.issue.code = ig.code;
    h.issue.reason = own ? std::move(reason) : ig.reason;
    h.rank = group_file_rank_[std::size_t(g)];
  };
  for (const auto& run : runs_) {
    const_cast<Run&>(*run).flush();  // buffered records reach the file (or stay as the tail)
    Head h;
    h.cursor = std::make_unique<RunCursor>(run->spill, run->spilled, run->buffer);
    h.run = run.get();
    heads.push_back(std::move(h));
    advance(heads.back());
  }
  for (;;) {
    Head* best = nullptr;
    for (auto& h : heads) {
      if (h.live && (best == nullptr || std::pair(h.rank, h.issue.line) < std::pair(best->rank, best->issue.line))) best = &h;
    }
    if (best == nullptr) break;
    visit(best->issue);
    advance(*best);
  }
}

std::string_view issue_kind_code(IssueKind kind) {
  switch (kind) {
    case IssueKind::row_rejected:
      return "row_rejected";
    case IssueKind::cell_ignored:
      return "cell_ignored";
    case IssueKind::value_mapped:
      break;
  }
  return "value_mapped";
}

LocalizedText issue_kind_label(IssueKind kind) {
  switch (kind) {
    case IssueKind::row_rejected:
      return {"baris ditolak", "row rejected"};
    case IssueKind::cell_ignored:
      return {"sel diabaikan", "cell ignored"};
    case IssueKind::value_mapped:
      break;
  }
  return {"nilai dipetakan", "value mapped"};
}

}  // namespace siap
