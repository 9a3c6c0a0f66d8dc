// An in-memory RowSource: rows as given, one per line from line 1 (the
// header), so loader tests need no file and no CSV syntax.
#pragma once

#include <string>
#include <vector>

#include "input/row_source.hpp"

class FakeRowSource final : public siap::RowSource {
 public:
  explicit FakeRowSource(std::vector<std::vector<std::string>> rows) : rows_(std::move(rows)) {}

  bool next(std::vector<std::string_view>& fields) override {
    if (next_ >= rows_.size()) return false;
    fields.assign(rows_[next_].begin(), rows_[next_].end());
    ++next_;
    return true;
  }
  int line() const override { return int(next_); }
  int next_line() const override { return int(next_) + 1; }
  const std::optional<siap::Diagnostic>& error() const override { return error_; }
  siap::SourceFacts facts() const override { return {"fake", 0}; }

 private:
  std::vector<std::vector<std::string>> rows_;
  std::size_t next_ = 0;
  std::optional<siap::Diagnostic> error_;
};
