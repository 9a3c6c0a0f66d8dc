// The quality log counts every issue, keeps a few examples per group, and
// gives every issue back in file and line order from its spill.
#include "siap/quality_log.hpp"

#include <catch2/catch.hpp>

#include <string>

#include "siap/limits.hpp"

using siap::IssueKind;
using siap::QualityIssue;
using siap::QualityLog;

namespace {

std::vector<std::string> lines_of(const QualityLog& log) {
  std::vector<std::string> out;
  log.for_each(
      [&](const QualityIssue& i) { out.push_back(i.file + ":" + std::to_string(i.line) + ":" + i.code + ":" + i.value + ":" + i.reason.en); });
  return out;
}

}  // namespace

TEST_CASE("every issue is counted, a group keeps its first examples, the spill gives all of them back", "[quality_log]") {
  QualityLog log;
  const siap::LocalizedText reason{"di luar skala 1–5", "outside the scale 1–5"};
  int q1 = log.group(IssueKind::cell_ignored, "a.csv", "q1", "out_of_scale", reason);
  for (int line = 2; line <= 1001; ++line) log.add(q1, line, std::to_string(line % 7 + 6));
  log.add({IssueKind::row_rejected, "a.csv", 1002, "wilayah", "Atlantis", "unknown_region", {"wilayah tidak dikenal", "unknown region"}});
  CHECK(log.size() == 1001);
  CHECK(log.count(IssueKind::cell_ignored) == 1000);
  CHECK(log.count(IssueKind::row_rejected) == 1);
  REQUIRE(log.groups().size() == 2);
  CHECK(log.groups()[0].count == 1000);
  CHECK(log.groups()[0].examples.size() == siap::limits::kExamplesPerGroup);
  CHECK(log.groups()[0].examples.back().line == 1 + int(siap::limits::kExamplesPerGroup));
  CHECK(log.elided() == 1000 - siap::limits::kExamplesPerGroup);
  auto all = lines_of(log);
  REQUIRE(all.size() == 1001);
  CHECK(all[0] == "a.csv:2:out_of_scale:8:outside the scale 1–5");
  CHECK(all[999] == "a.csv:1001:out_of_scale:6:outside the scale 1–5");
  CHECK(all[1000] == "a.csv:1002:unknown_region:Atlantis:unknown region");
}

TEST_CASE("an issue's own reason is kept when it differs from its group's", "[quality_log]") {
  QualityLog log;
  log.add({IssueKind::row_rejected, "a.csv", 2, "wilayah", "Bandungg", "unknown_region", {"x", "did you mean Kota Bandung?"}});
  log.add({IssueKind::row_rejected, "a.csv", 3, "wilayah", "Bogorr", "unknown_region", {"y", "did you mean Kota Bogor?"}});
  auto all = lines_of(log);
  CHECK(all == std::vector<std::string>{"a.csv:2:unknown_region:Bandungg:did you mean Kota Bandung?",
                                        "a.csv:3:unknown_region:Bogorr:did you mean Kota Bogor?"});
  CHECK(log.groups().size() == 1);
}

TEST_CASE("runs merge in file and line order, absorbed parts are shifted and renumbered", "[quality_log]") {
  QualityLog main;
  main.add({IssueKind::cell_ignored, "a.csv", 5, "q1", "9", "out_of_scale", {"s", "s"}});
  QualityLog first, second;
  first.add({IssueKind::cell_ignored, "b.csv", 3, "q2", "x", "not_a_number", {"n", "n"}});
  second.add({IssueKind::row_rejected, "b.csv", 2, "", "", "empty_row", {"e", "e"}});  // line 2 of the second part
  second.add({IssueKind::cell_ignored, "b.csv", 4, "q2", "y", "not_a_number", {"n", "n"}});
  main.absorb(std::move(first), 0);
  main.absorb(std::move(second), 10);
  main.add({IssueKind::cell_ignored, "c.csv", 1, "q1", "7", "out_of_scale", {"s", "s"}});
  // Found after reading (duplicates): a run of its own, sorted.
  main.start_run();
  main.add({IssueKind::row_rejected, "a.csv", 7, "id", "R1", "duplicate_respondent", {"d", "d"}});
  main.add({IssueKind::row_rejected, "b.csv", 13, "id", "R2", "duplicate_respondent", {"d", "d"}});
  CHECK(lines_of(main) == std::vector<std::string>{"a.csv:5:out_of_scale:9:s", "a.csv:7:duplicate_respondent:R1:d", "b.csv:3:not_a_number:x:n",
                                                   "b.csv:12:empty_row::e", "b.csv:13:duplicate_respondent:R2:d", "b.csv:14:not_a_number:y:n",
                                                   "c.csv:1:out_of_scale:7:s"});
  CHECK(main.size() == 7);
  // b.csv q2 not_a_number: one group across both parts.
  std::size_t groups_b = 0;
  for (const auto& g : main.groups()) groups_b += g.file == "b.csv" && g.code == "not_a_number" ? g.count : 0;
  CHECK(groups_b == 2);
}

TEST_CASE("without the full log only counts and examples are kept", "[quality_log]") {
  QualityLog log(false);
  for (int line = 1; line <= 100; ++line) log.add({IssueKind::cell_ignored, "a.csv", line, "q1", "9", "out_of_scale", {"s", "s"}});
  CHECK(log.size() == 100);
  CHECK_FALSE(log.full());
  CHECK(lines_of(log).size() == siap::limits::kExamplesPerGroup);
}

TEST_CASE("a quoted value is cut at a character boundary", "[quality_log]") {
  CHECK(siap::quote_value("abc", 3) == "abc");
  CHECK(siap::quote_value("abcd", 3) == "abc\xE2\x80\xA6");
  CHECK(siap::quote_value("ab\xC3\xA9"
                          "d",
                          3) == "ab\xE2\x80\xA6");  // é is not split
  QualityLog log;
  log.add({IssueKind::cell_ignored, "a.csv", 2, "q1", std::string(1u << 20, 'x'), "not_a_number", {"n", "n"}});
  CHECK(log.groups()[0].examples[0].value.size() == siap::limits::kMaxQuotedValueBytes + 3);
  CHECK(lines_of(log)[0].size() < 300);
}
