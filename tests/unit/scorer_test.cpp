// assess() (src/scoring/scorer.cpp) from CSV text to ranked results, against
// hand-computed and published values; the quality cases check that the
// loader and the scorer account for every row together.
#include <catch2/catch.hpp>
#include <unistd.h>

#include <filesystem>

#include <fmt/format.h>

#include "unit/quality_issues.hpp"
#include "siap/assessment.hpp"
#include "siap/framework_catalog.hpp"
#include "siap/framework_loader.hpp"

using siap::Decimal;
using siap::Lang;

namespace {

// Respondent survey: two groups weighted 3:1, mean; domain a = {q1, q2 reverse}, b = {q3} weighs 3.
const char* const kSurvey =
    "schema: siap/framework/v1\n"
    "id: t\n"
    "version: '1'\n"
    "title: {id: T, en: T}\n"
    "status: project-defined\n"
    "input: {kind: respondents, unit_column: wilayah, respondent_id_column: id, group_column: kelompok}\n"
    "respondents:\n"
    "  combine: COMBINE\n"
    "  min_respondents: 2\n"
    "  groups: [{id: pemerintah, weight: 3, aliases: [pemda]}, {id: warga, weight: 1}]\n"
    "score: {min: 1, max: 5, decimals: 2, percent: true}\n"
    "aggregation: {min_coverage: 0.5}\n"
    "scale: l\n"
    "scales:\n"
    "  - id: l\n"
    "    type: likert\n"
    "    min: 1\n"
    "    max: 5\n"
    "    levels: [{value: 1, label: Buruk}, {value: 3, label: Sedang}, {value: 5, label: {id: Baik sekali, en: Very good}}]\n"
    "facets: [{id: p, values: [{id: x}, {id: y}]}]\n"
    "bands:\n"
    "  - id: b\n"
    "    depths: [0, 1]\n"
    "    ranges: [{id: rendah, label: Rendah, from: 1, to: 3}, {id: tinggi, label: Tinggi, from: 3, to: 5}]\n"
    "tree:\n"
    "  - {id: a, name: A, weight: 1, children: [{id: q1, name: Q1, facets: {p: x}}, {id: q2, name: Q2, reverse: true, facets: {p: y}}]}\n"
    "  - {id: b, name: B, weight: 3, children: [{id: q3, name: Q3, facets: {p: x}}]}\n";

siap::Framework framework(const char* combine) {
  std::string text = kSurvey;
  text.replace(text.find("COMBINE"), 7, combine);
  auto fw = siap::load_framework(text, "t.yaml");
  if (!fw) {
    for (const auto& e : fw.errors()) UNSCOPED_INFO(e.render(Lang::en));
  }
  REQUIRE(fw.has_value());
  return std::move(*fw);
}

siap::Dataset load(const siap::Framework& fw, const std::string& csv, siap::LoadOptions options = {}) {
  static int counter = 0;
  std::string path =
      (std::filesystem::temp_directory_path() / ("siap-assessment-test-" + std::to_string(::getpid()) + "-" + std::to_string(++counter) + ".csv"))
          .string();
  FILE* f = std::fopen(path.c_str(), "wb");
  std::fwrite(csv.data(), 1, csv.size(), f);
  std::fclose(f);
  auto data = siap::load_dataset(fw, {path}, options);
  std::remove(path.c_str());
  if (!data) {
    for (const auto& e : data.errors()) UNSCOPED_INFO(e.render(Lang::en));
  }
  REQUIRE(data.has_value());
  return std::move(*data);
}

// Load options for a sheet that may name OPD as well as regions.
siap::LoadOptions non_regions() {
  siap::LoadOptions options;
  options.allow_non_regions = true;
  return options;
}

const siap::UnitResult& unit(const siap::Assessment& a, const char* code) {
  for (const auto& r : a.results) {
    if (a.unit_of(r).code() == code) return r;
  }
  FAIL("no unit " << code);
  return a.results.front();
}

std::string published(const siap::Assessment& a, const char* code, const char* node) {
  const auto& r = unit(a, code);
  auto n = a.framework->find_node(node);
  const auto& s = r.nodes[n ? std::size_t(*n) : 0];
  return s.assessed ? s.published.to_string() : "TDD";
}

const char* const kRows =
    "id,wilayah,kelompok,q1,q2,q3\n"
    "1,Kota Bandung,pemerintah,5,1,4\n"
    "2,Kota Bandung,pemda,4,2,4\n"
    "3,Kota Bandung,warga,2,5,1\n"
    "4,Kab. Bogor,warga,3,3,3\n"
    "5,Kab. Bogor,warga,5,3,2\n"
    "6,Kab. Bogor,warga,4,3,\n"
    "7,Kota Bogor,pemerintah,3,3,3\n";

}  // namespace

TEST_CASE("respondent groups: item score is the weighted mean of group means", "[assess][groups]") {
  auto fw = framework("mean");
  auto a = siap::assess(fw, load(fw, kRows));
  // Kota Bandung q1: pemerintah (5, 4) mean 4.5, warga 2; (3 x 4.5 + 1 x 2) / 4 = 3.875.
  CHECK(a.exact(unit(a, "32.73").nodes[std::size_t(*fw.find_node("q1"))]).to_string() == "3.875");
  CHECK(published(a, "32.73", "q1") == "3.88");
  // q2 is reverse-keyed: answers 1, 2 -> 5, 4 (mean 4.5); warga 5 -> 1; (13.5 + 1) / 4 = 3.625.
  CHECK(a.exact(unit(a, "32.73").nodes[std::size_t(*fw.find_node("q2"))]).to_string() == "3.625");
  // a = (3.875 + 3.625) / 2 = 3.75; q3 = (3 x 4 + 1) / 4 = 3.25 = b; index = (3.75 + 3 x 3.25) / 4 = 3.375.
  CHECK(a.exact(unit(a, "32.73").nodes[0]).to_string() == "3.375");
  CHECK(published(a, "32.73", "") == "3.38");  // exact tie, half up
  // Only warga answered in Kab. Bogor: the group weights do not matter. q3 has two answers: (3 + 2) / 2.
  CHECK(published(a, "32.01", "q3") == "2.50");
  CHECK(unit(a, "32.01").nodes[std::size_t(*fw.find_node("q3"))].answers == 2);
}

TEST_CASE("median combines respondents within each group", "[assess][median]") {
  auto fw = framework("median");
  auto a = siap::assess(fw, load(fw, kRows));
  // Kota Bandung q1: pemerintah median(5, 4) = 4.5, warga 2 -> 3.875 as with the mean.
  CHECK(published(a, "32.73", "q1") == "3.88");
  // Kab. Bogor q1: median(3, 5, 4) = 4; q3: median(3, 2) = 2.5.
  CHECK(published(a, "32.01", "q1") == "4.00");
  CHECK(published(a, "32.01", "q3") == "2.50");
}

TEST_CASE("too few respondents: Tidak Dapat Dinilai, never ranked as 0", "[assess]") {
  auto fw = framework("mean");
  auto a = siap::assess(fw, load(fw, kRows));
  const auto& kota_bogor = unit(a, "32.71");
  CHECK_FALSE(kota_bogor.assessed);
  CHECK(kota_bogor.rank == 0);
  CHECK(kota_bogor.not_assessed_code() == "too_few_respondents");
  CHECK(kota_bogor.not_assessed_reason().en == "only 1 respondents; at least 2 needed");
  CHECK(a.results.back().unit == kota_bogor.unit);  // listed after the ranked units
}

TEST_CASE("facets are share-weighted means of their leaves", "[assess][facets]") {
  auto fw = framework("mean");
  auto a = siap::assess(fw, load(fw, kRows));
  // Shares: q1 = 1/8, q2 = 1/8, q3 = 3/4. Facet x = (1/8 x 3.875 + 3/4 x 3.25) / (7/8) = 3.3392857...
  const auto& r = unit(a, "32.73");
  CHECK(r.facets[0][0].published.to_string() == "3.34");
  CHECK(a.exact(r.facets[0][1]).to_string() == "3.625");  // y = q2 alone
}

TEST_CASE("percent, bands on published values, and the gap to the next band", "[assess][bands]") {
  auto fw = framework("mean");
  auto a = siap::assess(fw, load(fw, kRows));
  const auto& r = unit(a, "32.73");
  // (3.38 - 1) / 4 x 100 = 59.5
  CHECK(r.nodes[0].percent(a.framework->score)->to_string() == "59.50");
  CHECK((r.nodes[0].bands.size() == 1 && r.nodes[0].bands[0] == 1));  // tinggi
  CHECK_FALSE(r.gap_to_next_band.has_value());                        // already in the top band
  // Kab. Bogor: q1 4, q2 reversed 3 -> a = 3.5; q3 2.5 -> index (3.5 + 7.5) / 4 = 2.75 -> rendah, 0.25 below tinggi.
  const auto& bogor = unit(a, "32.01");
  CHECK(bogor.nodes[0].published.to_string() == "2.75");
  CHECK((bogor.nodes[0].bands.size() == 1 && bogor.nodes[0].bands[0] == 0));
  CHECK(bogor.gap_to_next_band->to_string() == "0.25");
}

TEST_CASE("coverage: missing children renormalise, below the threshold the node is not assessable", "[assess][coverage]") {
  auto fw = framework("mean");
  auto a = siap::assess(fw, load(fw,
                                 "id,wilayah,kelompok,q1,q2,q3\n1,Kota Bandung,warga,4,,\n2,Kota Bandung,warga,2,,\n"
                                 "3,Kab. Bogor,warga,,,5\n4,Kab. Bogor,warga,,,4\n"));
  // Kota Bandung: a = q1 alone (coverage 1/2 >= 0.5) = 3; b missing; index coverage 1/4 < 0.5.
  CHECK(published(a, "32.73", "a") == "3.00");
  CHECK(published(a, "32.73", "") == "TDD");
  CHECK(unit(a, "32.73").not_assessed_code() == "insufficient_coverage");
  CHECK(unit(a, "32.73").not_assessed_reason().id == "cakupan data 25,0% di bawah batas minimum 50,0%");
  // Kab. Bogor: a missing entirely; b = 4.5 carries 3/4 of the weight: index = 4.5.
  CHECK(published(a, "32.01", "") == "4.50");
}

TEST_CASE("the quality log accounts for every row", "[assess][quality]") {
  auto fw = framework("mean");
  std::string csv =
      "id,wilayah,kelompok,q1,q2,q3,catatan\n"
      "1,Kota Bandung,pemerintah,5,1,4,ok\n"
      "2,Bandung,pemerintah,5,1,4,\n"          // ambiguous region
      "3,,warga,3,3,3,\n"                      // no region
      "4,Kota Bandung,tamu,3,3,3,\n"           // unknown group
      "1,Kota Bandung,warga,3,3,3,\n"          // duplicate respondent id
      "5,Kab. Bogor,warga,7,2.5,Sedang,\n"     // out of scale, decimal, a label
      "6,Kab. Bogor,warga,3,x,Baik sekali,\n"  // not a number; an English-or-Indonesian label
      ",,,,,,\n"                               // delimiters only: a blank line, not a row
      "7,Kab. Bogor,warga,1,2,3,4,5\n"         // too many fields
      "8,Kab. Bogor,warga,2\n";                // too few fields: accepted, logged
  auto data = load(fw, csv);
  CHECK(data.rows_read == 9);
  CHECK(data.rows == 4);
  CHECK(data.rows_rejected == 5);
  CHECK(data.rows + data.rows_rejected == data.rows_read);
  std::vector<std::string> codes;
  for (const auto& issue : issues_of(data)) codes.push_back(std::to_string(issue.line) + ":" + issue.code);
  CHECK(codes == std::vector<std::string>{"3:ambiguous_region", "4:no_region", "5:unknown_group", "6:duplicate_respondent", "7:out_of_scale",
                                          "7:not_integer", "8:not_a_number", "10:too_many_fields", "11:too_few_fields"});
  CHECK(issues_of(data)[3].reason.en == "duplicate respondent id (first at " + data.files[0].name + ":2)");
  CHECK(issues_of(data)[4].column == "q1");
  CHECK(issues_of(data)[4].value == "7");
  CHECK(issues_of(data)[4].kind == siap::IssueKind::cell_ignored);
  auto a = siap::assess(fw, std::move(data));
  // Kab. Bogor q3: "Sedang" = 3 and "Baik sekali" = 5 -> 4; q1: 3 and 2 (row 11) -> 2.5.
  CHECK(published(a, "32.01", "q3") == "4.00");
  CHECK(published(a, "32.01", "q1") == "2.50");
}

TEST_CASE("Excel's and Kobo's empty fields: delimiter-only lines are blank, trailing empty fields are dropped once noted", "[assess][quality]") {
  auto fw = framework("mean");
  std::string csv =
      "id;wilayah;kelompok;q1;q2;q3\n"
      "1;Kota Bandung;pemerintah;5;1;4;\n"  // a trailing ';' (KoBoCAT): kept, noted once
      ";;;;;\n"                             // Excel: a blank line
      ";;;;;;;;;;\n"                        // wider than the header, still blank
      "2;Kota Bandung;warga;3;3;3;\n"
      "3;Kota Bandung;warga;4;4;4;;x\n";  // something past the header: rejected
  auto data = load(fw, csv);
  CHECK(data.rows_read == 3);
  CHECK(data.rows == 2);
  CHECK(data.rows_rejected == 1);
  std::vector<std::string> codes;
  for (const auto& issue : issues_of(data)) codes.push_back(std::to_string(issue.line) + ":" + issue.code);
  CHECK(codes == std::vector<std::string>{"2:trailing_empty_fields", "6:too_many_fields"});
}

TEST_CASE("a submission without one usable answer is not a respondent", "[assess][quality]") {
  // min_respondents is 2: Kota Bandung has three rows, but two give no usable
  // answer (blank, invalid), so it has one respondent and is not assessable.
  auto fw = framework("mean");
  std::string csv =
      "id,wilayah,kelompok,q1,q2,q3\n"
      "1,Kota Bandung,warga,4,4,4\n"
      "2,Kota Bandung,warga,,,\n"
      "3,Kota Bandung,warga,x,9,\n"
      "4,Kab. Bogor,warga,3,,\n"
      "5,Kab. Bogor,pemerintah,,2,\n";
  auto data = load(fw, csv);
  CHECK(data.rows_read == 5);
  CHECK(data.rows == 3);
  CHECK(data.rows_rejected == 2);
  std::vector<std::string> codes;
  for (const auto& issue : issues_of(data)) codes.push_back(std::to_string(issue.line) + ":" + issue.code);
  CHECK(codes == std::vector<std::string>{"3:empty_response", "4:not_a_number", "4:out_of_scale", "4:empty_response"});
  auto a = siap::assess(fw, std::move(data));
  CHECK_FALSE(a.find("32.73")->assessed);  // one respondent of the two needed
  CHECK(a.find("32.73")->respondents == 1);
  CHECK(a.find("32.01")->respondents == 2);
}

TEST_CASE("a row that ends before its unit or group column is rejected as too_few_fields, wherever the column is", "[assess][quality]") {
  // Found by fuzzing: the unit column after the answers and a truncated row crashed the loader.
  auto spbe = siap::load_builtin_framework("spbe-2020");
  REQUIRE(spbe.has_value());
  std::string header;
  for (int i = 1; i <= 47; ++i) header += fmt::format("i{:02},", i);
  auto data = load(*spbe, header + "instansi\n4\n4,3\n");
  CHECK(data.rows_read == 2);
  CHECK(data.rows == 0);
  REQUIRE(issues_of(data).size() == 2);
  for (const auto& issue : issues_of(data)) {
    CHECK(issue.code == "too_few_fields");
    CHECK(issue.kind == siap::IssueKind::row_rejected);
  }
  CHECK(issues_of(data)[0].line == 2);
  CHECK(issues_of(data)[1].line == 3);

  auto gscm = siap::load_builtin_framework("garuda-gscm");
  REQUIRE(gscm.has_value());
  std::string items;
  for (int i = 1; i <= 18; ++i) items += fmt::format(";g{:02}", i);
  auto survey = load(*gscm, "id_responden;kabupaten_kota" + items + "\nG0001\nG0002;32.01;2,5\n");
  CHECK(survey.rows_read == 2);
  CHECK(survey.rows == 1);
  REQUIRE(!issues_of(survey).empty());
  CHECK(issues_of(survey)[0].code == "too_few_fields");
  CHECK(issues_of(survey)[0].kind == siap::IssueKind::row_rejected);

  // The group column last: a row cut before it is too short, not of an unknown group.
  auto fw = framework("mean");
  auto grouped = load(fw, "id,wilayah,q1,q2,q3,kelompok\n1,Kota Bandung,5,1,4,warga\n2,Kota Bandung,5,1\n");
  CHECK(grouped.rows == 1);
  REQUIRE(issues_of(grouped).size() == 1);
  CHECK(issues_of(grouped)[0].code == "too_few_fields");
  CHECK(issues_of(grouped)[0].line == 3);
}

TEST_CASE("a file of bad cells: every one counted, a few kept per column and reason, all of them streamed", "[assess][quality]") {
  // Found by fuzzing: each bad cell kept a full bilingual message (7 GB for 20 MB of bad cells).
  auto fw = framework("mean");
  std::string csv = "id,wilayah,kelompok,q1,q2,q3\n";
  // Two bad cells a row; q3 keeps each row a respondent (a row with no usable answer is not one).
  for (int i = 0; i < 200; ++i) csv += std::to_string(i) + ",Kota Bandung,warga,x,9,3\n";
  for (bool full : {true, false}) {
    siap::LoadOptions options;
    options.full_quality_log = full;
    auto data = load(fw, csv, options);
    CHECK(data.rows == 200);
    CHECK(data.quality.size() == 400);
    CHECK(data.quality.count(siap::IssueKind::cell_ignored) == 400);
    REQUIRE(data.quality.groups().size() == 2);
    std::size_t kept = 0;
    for (const auto& g : data.quality.groups()) {
      CHECK(g.count == 200);
      kept += g.examples.size();
    }
    CHECK(kept == 10);
    CHECK(data.quality.elided() == 390);
    auto issues = issues_of(data);
    CHECK(issues.size() == (full ? 400u : 10u));
    if (full) {
      CHECK(issues[0].line == 2);
      CHECK(issues[0].code == "not_a_number");
      CHECK(issues[1].code == "out_of_scale");
      CHECK(issues[399].line == 201);
      CHECK(issues[399].column == "q2");
    }
  }
}

// The start of the fractional-scale tests' frameworks.
const char* const kFractionalHead =
    "schema: siap/framework/v1\n"
    "id: h\n"
    "version: '1'\n"
    "title: {id: H, en: H}\n"
    "status: project-defined\n"
    "input: {kind: respondents, unit_column: wilayah}\n";

TEST_CASE("a fractional scale: answers on its grid are coded, others kept exactly, both in one mean", "[assess][fractional]") {
  const std::string text =
      std::string(kFractionalHead) +
      "score: {min: 1, max: 5}\n"
      "scale: h\n"
      "scales: [{id: h, type: ordinal, min: 1, max: 5, integer: false}]\n"
      "tree: [{id: a, name: A, children: [{id: q1, name: Q1}]}, {id: b, name: B, children: [{id: q2, name: Q2, reverse: true}]}]\n";
  auto fw = siap::load_framework(text, "h.yaml");
  REQUIRE(fw.has_value());
  // Kota Bandung q1: 2.5, 3, 4.25 -> 9.75 / 3 = 3.25; q2 reversed (6 - x): 4.5, 1, 3.75 -> 3.0833...
  // Kab. Bogor (grid only) q1: 1.5, 2 -> 1.75; q2: 6 - 4.5 = 1.5.
  auto data = load(*fw,
                   "wilayah,q1,q2\n"
                   "Kota Bandung,2.5,1.5\n"
                   "Kota Bandung,3,5\n"
                   "Kota Bandung,4.25,2.25\n"
                   "Kab. Bogor,1.5,4.5\n"
                   "Kab. Bogor,2,\n");
  REQUIRE(data.items.size() >= 2);  // the leaves first
  CHECK(data.items[0].coded);
  CHECK(data.items[0].scores.size() == 41);  // tenths from 1 to 5
  REQUIRE(data.items[0].decimal_slot >= 0);
  CHECK(data.decimals[std::size_t(data.items[0].decimal_slot)].size() == 1);  // only 4.25 is off the grid
  CHECK(data.decimals[std::size_t(data.items[1].decimal_slot)].size() == 1);  // 2.25
  auto a = siap::assess(*fw, std::move(data));
  CHECK(published(a, "32.73", "q1") == "3.25");
  CHECK(published(a, "32.73", "q2") == "3.08");
  CHECK(published(a, "32.73", "") == "3.17");  // (3.25 + 3.0833) / 2 = 3.1667
  CHECK(published(a, "32.01", "q1") == "1.75");
  CHECK(published(a, "32.01", "q2") == "1.50");
  CHECK(published(a, "32.01", "") == "1.63");  // 1.625 half up
}

TEST_CASE("a unit of one row reads each cell as its value: on the grid, off it, reversed, or missing", "[assess][fractional]") {
  const std::string text =
      std::string(kFractionalHead) +
      "score: {min: 1, max: 5, decimals: 3}\n"
      "aggregation: {min_coverage: 0.5}\n"
      "respondents: {combine: COMBINE}\n"
      "scale: h\n"
      "scales: [{id: h, type: ordinal, min: 1, max: 5, integer: false}]\n"
      "tree: [{id: a, name: A, children: [{id: q1, name: Q1}, {id: q3, name: Q3}]}, {id: b, name: B, children: [{id: q2, name: Q2, reverse: "
      "true}]}]\n";
  for (const char* combine : {"mean", "median"}) {
    std::string yaml = text;
    yaml.replace(yaml.find("COMBINE"), 7, combine);
    auto fw = siap::load_framework(yaml, "h.yaml");
    REQUIRE(fw.has_value());
    auto a = siap::assess(*fw, load(*fw,
                                    "wilayah,q1,q2,q3\n"
                                    "Kota Bandung,2.5,4.25,3\n"  // on the grid, off it (reversed: 6 - 4.25), on it
                                    "Kab. Bogor,4.125,,\n"))     // off the grid; q2, q3 missing
        ;
    INFO(combine);
    CHECK(published(a, "32.73", "q1") == "2.500");
    CHECK(published(a, "32.73", "q2") == "1.750");
    CHECK(published(a, "32.73", "a") == "2.750");  // (2.5 + 3) / 2
    CHECK(published(a, "32.73", "") == "2.250");   // (2.75 + 1.75) / 2
    CHECK(published(a, "32.01", "q1") == "4.125");
    CHECK(published(a, "32.01", "a") == "4.125");  // q1 alone: coverage 1/2
    CHECK(published(a, "32.01", "b") == "TDD");
    CHECK(published(a, "32.01", "") == "4.125");
    CHECK(unit(a, "32.01").nodes[std::size_t(*fw->find_node("q1"))].answers == 1);
    CHECK(unit(a, "32.01").nodes[std::size_t(*fw->find_node("q3"))].answers == 0);
  }
}

TEST_CASE("decimal commas are read in semicolon files", "[assess][csv]") {
  auto fw = siap::load_builtin_framework("spbe-2020");
  REQUIRE(fw.has_value());
  auto data = load(*fw, "instansi;D1;D2;D3;D4\nKab. Magelang;4,90;2,40;1,09;3,76\n");
  auto a = siap::assess(*fw, std::move(data));
  CHECK(published(a, "33.08", "") == "3.13");
}

TEST_CASE("SPBE 2020: Kab. Magelang 2022 domain indices give the published 3.13 (Baik)", "[assess][fidelity][spbe-2020]") {
  // spbe.md 3.2: D1 4.90, D2 2.40, D3 1.09, D4 3.76. By hand: 0.637 + 0.6 + 0.17985 + 1.7108 = 3.12765 -> 3.13, Baik.
  auto fw = siap::load_builtin_framework("spbe-2020");
  REQUIRE(fw.has_value());
  auto a = siap::assess(*fw, load(*fw, "instansi,D1,D2,D3,D4\nKab. Magelang,4.90,2.40,1.09,3.76\n"));
  const auto& r = unit(a, "33.08");
  CHECK(a.exact(r.nodes[0]).to_string() == "3.12765");
  CHECK(r.nodes[0].published.to_string() == "3.13");
  CHECK(fw->band_sets[0].bands[std::size_t(r.nodes[0].bands[0])].label.id == "Baik");
  CHECK(a.exact(r.nodes[0]).is_exact());
}

TEST_CASE("SPBE 2020: indicator levels roll up exactly and exact ties round half up", "[assess][rounding][spbe-2020]") {
  auto fw = siap::load_builtin_framework("spbe-2020");
  REQUIRE(fw.has_value());
  std::string header = "instansi";
  for (int i = 1; i <= 47; ++i) header += (i < 10 ? ",i0" : ",i") + std::to_string(i);
  // All indicators at 3 except i32 (weight 2.75%) at 4: index = 3 + 2.75/100 = 3.0275 -> 3.03.
  std::string row = "Kota Bandung";
  for (int i = 1; i <= 47; ++i) row += i == 32 ? ",4" : ",3";
  auto a = siap::assess(*fw, load(*fw, header + "\n" + row + "\n"));
  CHECK(a.exact(unit(a, "32.73").nodes[0]).to_string() == "3.0275");
  CHECK(published(a, "32.73", "") == "3.03");
  // Domains given so that the index is exactly 3.405 and 2.675: binary floating point would print 3.40 and 2.67.
  auto b = siap::assess(*fw, load(*fw, "instansi,D1,D2,D3,D4\nKota Bandung,3.405,3.405,3.405,3.405\nKota Bogor,2.675,2.675,2.675,2.675\n"));
  CHECK(published(b, "32.73", "") == "3.41");
  CHECK(published(b, "32.71", "") == "2.68");
  // The predikat edges: 3.5 exactly is Sangat Baik.
  auto c = siap::assess(*fw, load(*fw, "instansi,D1,D2,D3,D4\nKota Bandung,3.5,3.5,3.5,3.5\nKota Bogor,3.4999,3.4999,3.4999,3.4999\n"));
  CHECK(fw->band_sets[0].bands[std::size_t(unit(c, "32.73").nodes[0].bands[0])].label.id == "Sangat Baik");
  // 3.4999 publishes as 3.50, and the predikat follows the published value.
  CHECK(published(c, "32.71", "") == "3.50");
}

TEST_CASE("competition ranking with ties, within type and within province", "[assess][ranks]") {
  auto fw = siap::load_builtin_framework("spbe-2020");
  REQUIRE(fw.has_value());
  auto a = siap::assess(*fw, load(*fw,
                                  "instansi,D1,D2,D3,D4\n"
                                  "Kota Bandung,4,4,4,4\n"         // 4.00
                                  "Kab. Bogor,3,3,3,3\n"           // 3.00
                                  "Kota Bogor,3,3,3,3\n"           // 3.00
                                  "Kota Denpasar,2,2,2,2\n"        // 2.00
                                  "Kab. Badung,3.5,3.5,3.5,3.5\n"  // 3.50
                                  ));
  CHECK(unit(a, "32.73").rank == 1);
  CHECK(unit(a, "51.03").rank == 2);
  CHECK(unit(a, "32.01").rank == 3);
  CHECK(unit(a, "32.71").rank == 3);
  CHECK(unit(a, "51.71").rank == 5);
  // Kota: Bandung 1, Bogor 2, Denpasar 3. Kabupaten: Badung 1, Bogor 2.
  CHECK(unit(a, "32.71").rank_in_type == 2);
  CHECK(unit(a, "51.71").rank_in_type == 3);
  CHECK(unit(a, "32.01").rank_in_type == 2);
  // Jawa Barat: Kota Bandung 1, Kab. Bogor and Kota Bogor 2 and 2. Bali: Badung 1, Denpasar 2.
  CHECK(unit(a, "32.01").rank_in_province == 2);
  CHECK(unit(a, "32.71").rank_in_province == 2);
  CHECK(unit(a, "51.71").rank_in_province == 2);
  // Order of results: by rank, ties by name.
  CHECK(a.unit_of(a.results[2]).name == "Kabupaten Bogor");
  CHECK(a.unit_of(a.results[3]).name == "Kota Bogor");
}

TEST_CASE("a province's own government and other units are ranked apart from the kabupaten/kota", "[assess][ranks]") {
  auto fw = siap::load_builtin_framework("spbe-2020");
  REQUIRE(fw.has_value());
  auto a = siap::assess(*fw, load(*fw,
                                  "instansi,D1,D2,D3,D4\n"
                                  "Provinsi Jawa Barat,4.5,4.5,4.5,4.5\n"  // 4.50: first among provincial governments only
                                  "Kota Bandung,4,4,4,4\n"                 // 4.00
                                  "Kab. Bogor,3,3,3,3\n"                   // 3.00
                                  "Provinsi Bali,2,2,2,2\n"                // 2.00
                                  "Dinas Kominfo,5,5,5,5\n"                // 5.00: an OPD, in a tier of its own
                                  "Kota Bogor,3.5,3.5,3.5,3.5\n",          // 3.50
                                  non_regions()));
  // Kabupaten/kota: Bandung 1, Kota Bogor 2, Kab. Bogor 3, as if no province or OPD were there.
  CHECK(unit(a, "32.73").rank == 1);
  CHECK(unit(a, "32.71").rank == 2);
  CHECK(unit(a, "32.01").rank == 3);
  CHECK(unit(a, "32").rank == 1);
  CHECK(unit(a, "51").rank == 2);
  // In Jawa Barat the province's government is not one of its kabupaten/kota.
  CHECK(unit(a, "32.73").rank_in_province == 1);
  CHECK(unit(a, "32.01").rank_in_province == 3);
  CHECK(unit(a, "32").rank_in_province == 0);
  // Order: kabupaten/kota by rank, then provincial governments, then other units.
  std::vector<std::string> order;
  for (const auto& r : a.results) order.push_back(a.unit_of(r).name);
  CHECK(order == std::vector<std::string>{"Kota Bandung", "Kota Bogor", "Kabupaten Bogor", "Provinsi Jawa Barat", "Provinsi Bali", "Dinas Kominfo"});
  CHECK(a.results.back().rank == 1);
}

TEST_CASE("units tied on rank are listed by name byte by byte, however long the names and wherever they differ", "[assess][ranks]") {
  auto fw = siap::load_builtin_framework("spbe-2020");
  REQUIRE(fw.has_value());
  // All tied at 3.00. The names share their first 16 bytes or differ only
  // after them, one is a prefix of another, and one starts with a byte above
  // ASCII (UTF-8 sorts after every ASCII letter).
  auto a = siap::assess(*fw, load(*fw,
                                  "instansi,D1,D2,D3,D4\n"
                                  "\xC3\x89lan,3,3,3,3\n"
                                  "Dinas Komunikasi dan Informatika Kota,3,3,3,3\n"
                                  "Dinas,3,3,3,3\n"
                                  "Dinas Komunikasi dan Informatika,3,3,3,3\n"
                                  "Dinas Komunikasi Dan Statistik,3,3,3,3\n"
                                  "Badan,3,3,3,3\n"
                                  "Dinas Komunikasi dan Informatik,3,3,3,3\n",
                                  non_regions()));
  std::vector<std::string> order;
  for (const auto& r : a.results) {
    CHECK(r.rank == 1);
    order.push_back(a.unit_of(r).name);
  }
  CHECK(order == std::vector<std::string>{"Badan", "Dinas", "Dinas Komunikasi Dan Statistik", "Dinas Komunikasi dan Informatik",
                                          "Dinas Komunikasi dan Informatika", "Dinas Komunikasi dan Informatika Kota", "\xC3\x89lan"});
}

TEST_CASE("a unit sheet's columns, full or with a blank cell, give each unit its own cells", "[assess][units]") {
  // The scale's answers on its grid of tenths are codes; the others are kept
  // as exact decimals, read per unit through a mark of the units that hold
  // one. Every unit answers baseline off that grid (every unit marked); in
  // the other columns only some units' answers are off it, and Kabupaten
  // Bogor leaves impact blank (the national sheet below has such columns
  // over thousands of units). Weights 10/20/30/20/20, all dimensions
  // required; values by hand.
  auto fw = siap::load_builtin_framework("kominfo-evaluation");
  REQUIRE(fw.has_value());
  auto a = siap::assess(*fw, load(*fw,
                                  "kabupaten_kota,baseline,output,outcome,impact,quick_win\n"
                                  "Kota Bandung,1.25,2,3,4,5\n"  // (12.5 + 40 + 90 + 80 + 100) / 100 = 3.225 -> 3.23
                                  "Kab. Bogor,2.55,2.5,2.5,,2.5\n"
                                  "Kota Bogor,4.75,4.75,4.75,4.75,4.75\n"));
  CHECK(published(a, "32.73", "baseline") == "1.25");
  CHECK(published(a, "32.01", "baseline") == "2.55");
  CHECK(published(a, "32.71", "baseline") == "4.75");
  CHECK(published(a, "32.73", "impact") == "4.00");
  CHECK(published(a, "32.01", "impact") == "TDD");
  CHECK(published(a, "32.71", "impact") == "4.75");
  CHECK(published(a, "32.73", "") == "3.23");
  CHECK(published(a, "32.01", "") == "TDD");
  CHECK(published(a, "32.71", "") == "4.75");
}

TEST_CASE("a national unit sheet, scored on two cores: every result in report order with its own rank and reason", "[assess][units][ranks]") {
  // 60,000 instansi, enough for both halves to be scored and made on two
  // threads. Instansi i gives every dimension the value 1 + (i mod 400) / 100
  // (the weights sum to 1, so that is its index); every thousandth from the
  // 8th leaves impact blank and is not assessed. Expected by counting:
  // rank 1 + the assessed instansi with a higher value; report order by
  // value downwards, ties by name (zero-padded, so by i), the rest last.
  constexpr int kUnits = 60'000;
  auto value = [](int i) { return 100 + i % 400; };  // hundredths
  auto blank = [](int i) { return i % 1000 == 7; };
  auto name = [](int i) { return fmt::format("Instansi {:05}", i); };
  auto text = [&](int i) { return fmt::format("{}.{:02}", value(i) / 100, value(i) % 100); };
  std::string csv = "kabupaten_kota,baseline,output,outcome,impact,quick_win\n";
  std::vector<int> with_value(500, 0);
  for (int i = 0; i < kUnits; ++i) {
    const std::string v = text(i);
    csv += fmt::format("{},{},{},{},{},{}\n", name(i), v, v, v, blank(i) ? "" : v, v);
    if (!blank(i)) ++with_value[std::size_t(value(i))];
  }
  std::vector<int> expected_order;
  for (int v = 499; v >= 100; --v) {
    for (int i = 0; i < kUnits; ++i) {
      if (!blank(i) && value(i) == v) expected_order.push_back(i);
    }
  }
  for (int i = 0; i < kUnits; ++i) {
    if (blank(i)) expected_order.push_back(i);
  }
  auto fw = siap::load_builtin_framework("kominfo-evaluation");
  REQUIRE(fw.has_value());
  for (auto scope : {siap::NodeScope::all, siap::NodeScope::top}) {
    auto a = siap::assess(*fw, load(*fw, csv, non_regions()), -1, scope);
    REQUIRE(a.results.size() == std::size_t(kUnits));
    int wrong = 0;
    for (std::size_t k = 0; k < a.results.size(); ++k) {
      const siap::UnitResult& r = a.results[k];
      const int i = expected_order[k];
      int higher = 0;
      for (int v = value(i) + 1; v < 500; ++v) higher += with_value[std::size_t(v)];
      const bool ok = a.unit_of(r).name == name(i) && r.respondents == 1 && r.assessed == !blank(i) &&
                      (blank(i) ? r.rank == 0 && r.not_assessed_code() == "insufficient_coverage"
                                : r.rank == higher + 1 && r.rank_in_type == r.rank && r.rank_in_province == 0 && r.not_assessed_code().empty() &&
                                      r.nodes[0].published.to_string() == text(i));
      if (!ok && ++wrong <= 3) UNSCOPED_INFO("place " << k << ": " << a.unit_of(r).name << " rank " << r.rank << ", expected " << name(i));
    }
    CHECK(wrong == 0);
  }
}

TEST_CASE("a unit sheet's second row for a unit is rejected as duplicate_unit, naming the first", "[assess][quality]") {
  auto fw = siap::load_builtin_framework("spbe-2020");
  REQUIRE(fw.has_value());
  auto data = load(*fw,
                   "instansi,D1,D2,D3,D4\n"
                   "Kota Bandung,4,4,4,4\n"    // line 2
                   "Dinas Kominfo,3,3,3,3\n"   // line 3
                   "Kota Bandung,1,1,1,1\n"    // line 4: again, by name
                   "32.73,2,2,2,2\n"           // line 5: again, by code
                   "dinas  kominfo,5,5,5,5\n"  // line 6: again, folded
                   "Kab. Bogor,3,3,3,3\n",     // line 7
                   non_regions());
  CHECK(data.rows == 3);
  CHECK(data.units.size() == 3);
  std::vector<std::string> found;
  for (const auto& issue : issues_of(data)) found.push_back(std::to_string(issue.line) + ":" + issue.code + ":" + issue.reason.en);
  const std::string first = "unit already given at " + data.files[0].name + ":";
  CHECK(found == std::vector<std::string>{"4:duplicate_unit:" + first + "2", "5:duplicate_unit:" + first + "2", "6:duplicate_unit:" + first + "3"});
  auto a = siap::assess(*fw, std::move(data));
  CHECK(published(a, "32.73", "") == "4.00");  // the first row's
}

TEST_CASE("non-region units need the explicit flag", "[assess]") {
  auto fw = siap::load_builtin_framework("spbe-2020");
  REQUIRE(fw.has_value());
  std::string csv = "instansi,D1,D2,D3,D4\nDinas Kominfo,3,3,3,3\n";
  auto strict = load(*fw, csv);
  CHECK(strict.rows == 0);
  CHECK(issues_of(strict)[0].code == "unknown_region");
  auto a = siap::assess(*fw, load(*fw, csv, non_regions()));
  REQUIRE(a.results.size() == 1);
  CHECK(a.unit_of(a.results[0]).name == "Dinas Kominfo");
  CHECK(a.results[0].rank == 1);
  CHECK(a.results[0].rank_in_province == 0);
}

TEST_CASE("SPBE 2018: Kota Denpasar 2018 levels give the published 2.64 and domains 2.06 / 2.29 / 3.00", "[assess][fidelity][spbe-2018]") {
  // spbe.md 3.1: the official 2018 levels and the published aspect, domain and index values.
  auto fw = siap::load_builtin_framework("spbe-2018");
  REQUIRE(fw.has_value());
  std::string root = SIAP_SOURCE_DIR;
  auto data = siap::load_dataset(*fw, {root + "/samples/spbe-2018-denpasar.csv"}, {});
  REQUIRE(data.has_value());
  auto a = siap::assess(*fw, std::move(*data));
  CHECK(published(a, "51.71", "") == "2.64");
  CHECK(published(a, "51.71", "D1") == "2.06");
  CHECK(published(a, "51.71", "D2") == "2.29");
  CHECK(published(a, "51.71", "D3") == "3.00");
  std::vector<std::string> aspects;
  for (const char* id : {"A1", "A2", "A3", "A4", "A5", "A6", "A7"}) aspects.push_back(published(a, "51.71", id));
  CHECK(aspects == std::vector<std::string>{"2.00", "2.10", "2.00", "2.50", "2.33", "3.29", "2.50"});
  // By hand: 0.17 x 35/17 + 0.28 x 16/7 + 0.55 x 3 = 0.35 + 0.64 + 1.65 = 2.64 exactly.
  CHECK(a.exact(unit(a, "51.71").nodes[0]).to_string() == "2.64");
  CHECK(fw->band_sets[0].bands[std::size_t(unit(a, "51.71").nodes[0].bands[0])].label.id == "Baik");
}

TEST_CASE("Kominfo evaluation: the weighted mean under both published weightings", "[assess][kominfo-evaluation]") {
  auto fw = siap::load_builtin_framework("kominfo-evaluation");
  REQUIRE(fw.has_value());
  std::string csv = "kabupaten_kota,baseline,output,outcome,impact,quick_win\nKota Bandung,3,4,3.5,4,2\n";
  // By hand: .1 x 3 + .2 x 4 + .3 x 3.5 + .2 x 4 + .2 x 2 = 3.35; Sleman: .3 + .8 + 1.05 + 1.2 + .2 = 3.55.
  CHECK(published(siap::assess(*fw, load(*fw, csv)), "32.73", "") == "3.35");
  CHECK(published(siap::assess(*fw, load(*fw, csv), *fw->find_profile("sleman")), "32.73", "") == "3.55");
}

TEST_CASE("Kominfo evaluation: a unit sheet scored in integers rounds its exact ties half up", "[assess][kominfo-evaluation][rounding]") {
  auto fw = siap::load_builtin_framework("kominfo-evaluation");
  REQUIRE(fw.has_value());
  // By hand (weights 10/20/30/20/20): Bandung (10 x 1.05 + 90) / 100 = 1.005 exactly, a tie: 1.01
  // (half-even or truncation would give 1.00); Bogor 1.004 -> 1.00; Bekasi
  // (10 x 4.75 + 20 x 2.333 + 30 x 5 + 20 x 1 + 20 x 3.1) / 100 = 326.16 / 100 = 3.2616 -> 3.26.
  std::string csv =
      "kabupaten_kota,baseline,output,outcome,impact,quick_win\n"
      "Kota Bandung,1.05,1,1,1,1\nKota Bogor,1.04,1,1,1,1\nKota Bekasi,4.75,2.333,5,1,3.1\n";
  for (auto scope : {siap::NodeScope::all, siap::NodeScope::top}) {
    auto a = siap::assess(*fw, load(*fw, csv), -1, scope);
    CHECK(published(a, "32.73", "") == "1.01");
    CHECK(published(a, "32.71", "") == "1.00");
    CHECK(published(a, "32.75", "") == "3.26");
    CHECK(published(a, "32.75", "output") == "2.33");
    CHECK(unit(a, "32.73").nodes[0].coverage().to_string() == "1.0000");
    CHECK(unit(a, "32.73").nodes[std::size_t(*fw->find_node("baseline"))].answers == 1);
    if (scope == siap::NodeScope::all) {
      CHECK(a.exact(unit(a, "32.73").nodes[0]).to_string() == "1.005");
      CHECK(a.exact(unit(a, "32.75").nodes[0]).to_string() == "3.2616");
    }
  }
}

TEST_CASE("NodeScope::top keeps the index, its children and the facets, published as a full assessment, without exact values", "[assess][scope]") {
  auto fw = framework("mean");
  auto all = siap::assess(fw, load(fw, kRows));
  auto top = siap::assess(fw, load(fw, kRows), -1, siap::NodeScope::top);
  // Nodes in pre-order: t, a, q1, q2, b, q3, and two facet values. Three units.
  CHECK(all.scores.size() == 3 * (6 + 2));
  CHECK(top.scores.size() == 3 * (3 + 2));
  REQUIRE(top.results.size() == all.results.size());
  const std::size_t a = std::size_t(*fw.find_node("a")), b = std::size_t(*fw.find_node("b")), q1 = std::size_t(*fw.find_node("q1"));
  for (std::size_t i = 0; i < all.results.size(); ++i) {
    const siap::UnitResult& full = all.results[i];
    const siap::UnitResult& kept = top.results[i];
    CHECK(kept.unit == full.unit);
    CHECK(kept.rank == full.rank);
    CHECK(kept.assessed == full.assessed);
    for (std::size_t n : {std::size_t(0), a, b}) {
      CHECK(kept.nodes.keeps(n));
      CHECK(kept.nodes[n].assessed == full.nodes[n].assessed);
      CHECK(kept.nodes[n].published == full.nodes[n].published);
      CHECK_THROWS_AS(top.exact(kept.nodes[n]), std::logic_error);  // not kept: never a wrong value
      CHECK(all.exact(full.nodes[n]).round_half_up(fw.score.decimals) == full.nodes[n].published);
      CHECK(kept.nodes[n].coverage() == full.nodes[n].coverage());
      CHECK(kept.nodes[n].percent(fw.score) == full.nodes[n].percent(fw.score));
      CHECK(kept.nodes[n].bands.size() == full.nodes[n].bands.size());
    }
    CHECK(kept.facets[0][0].published == full.facets[0][0].published);
    CHECK(kept.facets[0][1].published == full.facets[0][1].published);
    CHECK_THROWS_AS(top.exact(kept.facets[0][1]), std::logic_error);
    // A node that was not kept is an error, never another node's score.
    CHECK_FALSE(kept.nodes.keeps(q1));
    CHECK_THROWS_AS(kept.nodes[q1], std::logic_error);
  }
  // By hand (as above): Kota Bandung's facet x is 3.34.
  CHECK(unit(top, "32.73").facets[0][0].published.to_string() == "3.34");
}
