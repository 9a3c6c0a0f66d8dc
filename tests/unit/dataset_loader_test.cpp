// Large files are parsed in two parts on two cores; the result must be the
// same, row for row and problem for problem, as reading them in one go.
#include <catch2/catch.hpp>
#include <unistd.h>

#include <filesystem>
#include <functional>
#include <fstream>

#include "input/dataset_sources.hpp"
#include "unit/fake_row_source.hpp"
#include "unit/quality_issues.hpp"
#include "siap/dataset.hpp"
#include "siap/framework_catalog.hpp"
#include "siap/framework_loader.hpp"

namespace {

const char* const kFramework =
    "schema: siap/framework/v1\n"
    "id: t\n"
    "version: '1'\n"
    "title: {id: T, en: T}\n"
    "status: project-defined\n"
    "input: {kind: respondents, unit_column: wilayah, respondent_id_column: id, group_column: kelompok}\n"
    "respondents: {groups: [{id: pemerintah}, {id: warga}]}\n"
    "score: {min: 1, max: 5}\n"
    "scale: l\n"
    "scales:\n"
    "  - {id: l, type: likert, min: 1, max: 5, levels: [{value: 1, label: Buruk}, {value: 5, label: Baik}]}\n"
    "  - {id: n, type: numeric, direction: higher, target: 100}\n"
    "tree: [{id: a, name: A, children: [{id: q1, name: Q1}, {id: q2, name: Q2}]}, {id: q3, name: Q3, scale: n}]\n";

siap::Framework framework() {
  auto fw = siap::load_framework(kFramework, "t.yaml");
  if (!fw) {
    for (const auto& e : fw.errors()) UNSCOPED_INFO(e.render(siap::Lang::en));
  }
  REQUIRE(fw.has_value());
  return std::move(*fw);
}

std::string temp_path(const char* name) {
  return (std::filesystem::temp_directory_path() / (std::string("siap-dl-") + std::to_string(::getpid()) + "-" + name)).string();
}

// A survey with every kind of problem spread over the whole file.
std::string survey(int rows, int long_note_at) {
  const char* regions[] = {"Kota Bandung", "Kab. Bogor", "Kota Cimahi", "Bandung", "", "Kota Depok"};
  std::string csv = "id,wilayah,kelompok,q1,q2,q3,catatan\n";
  for (int i = 0; i < rows; ++i) {
    int id = i % 97 == 5 ? i - 3 : i;  // some duplicate ids, in both halves
    std::string note = i == long_note_at ? "\"" + std::string(4000, 'x') + "\n" + std::string(30, '\n') + "akhir, \"\"kutip\"\"\"" : "ok";
    std::string q1 = i % 53 == 7 ? "9" : std::to_string(1 + i % 5);  // some out of scale
    std::string q3 = i % 41 == 3 ? "banyak" : std::to_string(i % 100) + "." + std::to_string(i % 10);
    csv += std::to_string(id) + "," + regions[i % 6] + "," + (i % 3 ? "warga" : "pemerintah") + "," + q1 + "," + std::to_string(1 + (i * 7) % 5) +
           "," + q3 + "," + note + "\n";
  }
  return csv;
}

siap::Dataset load(const siap::Framework& fw, const std::string& path, std::size_t parallel_min_bytes) {
  siap::LoadOptions options;
  options.parallel_min_bytes = parallel_min_bytes;
  auto data = siap::load_dataset(fw, {path}, options);
  REQUIRE(data.has_value());
  return std::move(*data);
}

void require_same(const siap::Dataset& a, const siap::Dataset& b) {
  CHECK(a.rows_read == b.rows_read);
  CHECK(a.rows == b.rows);
  CHECK(a.rows_rejected == b.rows_rejected);
  REQUIRE(a.units.size() == b.units.size());
  for (std::size_t u = 0; u < a.units.size(); ++u) CHECK(a.units[u].name == b.units[u].name);
  CHECK(std::equal(a.row_unit.begin(), a.row_unit.end(), b.row_unit.begin(), b.row_unit.end()));
  CHECK(std::equal(a.row_line.begin(), a.row_line.end(), b.row_line.begin(), b.row_line.end()));
  CHECK(std::equal(a.row_group.begin(), a.row_group.end(), b.row_group.begin(), b.row_group.end()));
  CHECK(std::equal(a.codes.begin(), a.codes.end(), b.codes.begin(), b.codes.end()));
  REQUIRE(a.decimals.size() == b.decimals.size());
  for (std::size_t s = 0; s < a.decimals.size(); ++s) {
    REQUIRE(a.decimals[s].size() == b.decimals[s].size());
    for (std::size_t i = 0; i < a.decimals[s].size(); ++i) {
      CHECK(a.decimals[s][i].row == b.decimals[s][i].row);
      CHECK(a.decimals[s][i].value() == b.decimals[s][i].value());
    }
  }
  const auto issues_a = issues_of(a), issues_b = issues_of(b);
  REQUIRE(issues_a.size() == issues_b.size());
  for (std::size_t i = 0; i < issues_a.size(); ++i) {
    INFO(i);
    CHECK(issues_a[i].line == issues_b[i].line);
    CHECK(issues_a[i].code == issues_b[i].code);
    CHECK(issues_a[i].value == issues_b[i].value);
    CHECK(issues_a[i].reason.en == issues_b[i].reason.en);
  }
  CHECK(a.files[0].sha256 == b.files[0].sha256);
  CHECK(a.files[0].rows_accepted == b.files[0].rows_accepted);
  CHECK(a.files[0].rows_rejected == b.files[0].rows_rejected);
}

}  // namespace

TEST_CASE("a file parsed in two parts equals the file parsed in one", "[loader][parallel]") {
  auto fw = framework();
  std::string path = temp_path("parts.csv");
  std::ofstream(path) << survey(3000, 2500);  // a quoted multi-line note late in the file
  auto parts = load(fw, path, 1);
  auto whole = load(fw, path, std::size_t(-1));
  std::filesystem::remove(path);
  require_same(parts, whole);
  CHECK(parts.files[0].parts == 2);  // it was split
  CHECK_FALSE(parts.files[0].reread);
  CHECK(whole.files[0].parts == 1);
  // The planted problems are all there.
  std::size_t duplicates = 0, out_of_scale = 0, not_a_number = 0, ambiguous = 0, no_region = 0;
  for (const auto& issue : issues_of(whole)) {
    duplicates += issue.code == "duplicate_respondent";
    out_of_scale += issue.code == "out_of_scale";
    not_a_number += issue.code == "not_a_number";
    ambiguous += issue.code == "ambiguous_region";
    no_region += issue.code == "no_region";
  }
  CHECK(ambiguous == 500);
  CHECK(no_region == 500);
  CHECK(duplicates > 0);
  CHECK(out_of_scale > 0);
  CHECK(not_a_number > 0);
  CHECK(whole.rows + whole.rows_rejected == whole.rows_read);
  CHECK(whole.rows_read == 3000);
}

TEST_CASE("a split inside a quoted field falls back to one sequential pass", "[loader][parallel]") {
  auto fw = framework();
  std::string path = temp_path("quoted-middle.csv");
  // 40 short rows, one row whose note is far longer than the rest, 40 short rows:
  // the middle of the body falls inside that quoted note, on one of its newlines.
  std::ofstream(path) << survey(81, 40);
  auto parts = load(fw, path, 1);
  auto whole = load(fw, path, std::size_t(-1));
  std::filesystem::remove(path);
  require_same(parts, whole);
  CHECK(parts.files[0].reread);  // the split was tried and given up
  CHECK(parts.files[0].parts == 1);
  CHECK_FALSE(whole.files[0].reread);
  CHECK(whole.rows_read == 81);
}

TEST_CASE("a quote left open at the end is reported the same in two parts and in one", "[loader][parallel]") {
  auto fw = framework();
  std::string path = temp_path("open-quote.csv");
  std::string csv = survey(400, -1);
  csv += "9999,Kota Bandung,warga,3,3,3,\"never closed\n1,2,3\n";
  std::ofstream(path) << csv;
  auto parts = load(fw, path, 1);
  auto whole = load(fw, path, std::size_t(-1));
  std::filesystem::remove(path);
  require_same(parts, whole);
  CHECK(issues_of(whole).back().code == "unterminated_quote");
  CHECK(issues_of(whole).back().line == 402);
}

TEST_CASE("a block of 20 Likert items: every answer lands in its own cell, a bad one only in its own", "[loader][blocks]") {
  // Twenty consecutive 1-5 items (decoded 8 at a time in plain rows). Each row
  // plants one unusual cell at a different item; the expected codes are built
  // here from the answers, independently of the loader.
  std::string yaml =
      "schema: siap/framework/v1\nid: b\nversion: '1'\ntitle: {id: B}\nstatus: project-defined\n"
      "input: {kind: respondents, unit_column: wilayah}\nscore: {min: 1, max: 5}\nscale: l\n"
      "scales: [{id: l, type: likert, min: 1, max: 5, levels: [{value: 1, label: Buruk}, {value: 5, label: Baik}]}]\ntree:\n";
  for (int q = 1; q <= 20; ++q) yaml += "  - {id: q" + std::to_string(q) + ", name: Q" + std::to_string(q) + "}\n";
  auto fw = siap::load_framework(yaml, "b.yaml");
  if (!fw) {
    for (const auto& e : fw.errors()) UNSCOPED_INFO(e.render(siap::Lang::en));
  }
  REQUIRE(fw.has_value());
  const std::vector<std::string> oddities = {"6", "0", "", " 3", "3 ", "\"4\"", "2.0", "x", "55", "-1"};
  // What each oddity is: the code it gives (0 = missing), per the scale.
  const std::vector<int> oddity_code = {0, 0, 0, 3, 3, 4, 2, 0, 0, 0};  // "2.0" is the whole number 2
  std::string csv = "wilayah";
  for (int q = 1; q <= 20; ++q) csv += ",q" + std::to_string(q);
  csv += "\n";
  std::vector<std::vector<int>> expected;
  int row = 0;
  for (std::size_t odd = 0; odd < oddities.size(); ++odd) {
    for (int at = -1; at < 20; ++at, ++row) {
      std::vector<int> codes;
      csv += "Kota Bandung";
      for (int q = 0; q < 20; ++q) {
        int answer = 1 + (row * 7 + q * 3) % 5;
        if (q == at) {
          csv += "," + oddities[odd];
          codes.push_back(oddity_code[odd]);
        } else {
          csv += "," + std::to_string(answer);
          codes.push_back(answer);
        }
      }
      csv += row % 2 ? "\r\n" : "\n";
      expected.push_back(codes);
    }
  }
  std::string path = temp_path("block.csv");
  std::ofstream(path, std::ios::binary) << csv;
  auto data = load(*fw, path, std::size_t(-1));
  std::filesystem::remove(path);
  REQUIRE(data.rows == expected.size());
  REQUIRE(data.coded_items == 20);
  for (std::size_t r = 0; r < expected.size(); ++r) {
    for (std::size_t q = 0; q < 20; ++q) {
      INFO("row " << r << " item " << q + 1);
      CHECK(int(data.code(r, q)) == expected[r][q]);
    }
  }
}

TEST_CASE("a unit carries its level and province from the moment it is resolved", "[loader][units]") {
  auto fw = framework();
  std::string path = temp_path("levels.csv");
  std::ofstream(path) << "id,wilayah,kelompok,q1,q2,q3\n1,Kota Bandung,warga,3,3,50\n2,Kab. Garut,warga,3,3,50\n"
                         "3,32,warga,3,3,50\n4,Dinas Kominfo,warga,3,3,50\n";
  siap::LoadOptions options;
  options.allow_non_regions = true;
  auto data = siap::load_dataset(fw, {path}, options);
  std::filesystem::remove(path);
  REQUIRE(data.has_value());
  REQUIRE(data->units.size() == 4);
  const auto& u = data->units;
  CHECK(u[0].code() == "32.73");
  CHECK(u[0].level == siap::UnitLevel::kota);
  CHECK(u[0].province_code() == "32");
  CHECK(u[0].province_name() == "Jawa Barat");
  CHECK(u[1].level == siap::UnitLevel::kabupaten);
  CHECK(u[1].province_name() == "Jawa Barat");
  CHECK(u[2].name == "Provinsi Jawa Barat");
  CHECK(u[2].level == siap::UnitLevel::provinsi);
  CHECK(u[2].province_code() == "32");  // a province is its own province
  CHECK(u[3].name == "Dinas Kominfo");
  CHECK(u[3].level == siap::UnitLevel::other);
  CHECK(u[3].province_code().empty());
}

TEST_CASE("the loader reads any RowSource: an in-memory fake gives what the same CSV file gives", "[loader][source]") {
  auto fw = framework();
  const std::vector<std::vector<std::string>> rows = {
      {"id", "wilayah", "kelompok", "q1", "q2", "q3"},    {"1", "Kota Bandung", "warga", "4", "5", "50"},
      {"2", "Bandung", "warga", "4", "5", "50"},           // ambiguous: rejected
      {"3", "Kota Bandung", "pemerintah", "9", "2", "x"},  // q1 out of scale, q3 not a number
      {"1", "Kota Cimahi", "warga", "1", "1", "10"},       // duplicate id: rejected
  };
  std::string path = temp_path("fake.csv");
  {
    std::ofstream out(path);
    for (const auto& row : rows) {
      for (std::size_t i = 0; i < row.size(); ++i) out << (i ? "," : "") << row[i];
      out << "\n";
    }
  }
  auto from_file = siap::load_dataset(fw, {path}, siap::LoadOptions{});
  std::filesystem::remove(path);
  REQUIRE(from_file.has_value());
  std::vector<siap::NamedSource> sources;
  sources.push_back({path, std::make_unique<FakeRowSource>(rows)});  // named as the file, so messages match
  auto from_fake = siap::load_sources(fw, std::move(sources), siap::LoadOptions{});
  REQUIRE(from_fake.has_value());
  CHECK(from_fake->files[0].sha256 == "fake");  // a source's own facts
  from_fake->files[0].sha256 = from_file->files[0].sha256;
  from_fake->files[0].bytes = from_file->files[0].bytes;
  require_same(*from_fake, *from_file);
  CHECK(from_fake->rows == 2);
  CHECK(from_fake->rows_rejected == 2);
  std::vector<std::string> codes;
  for (const auto& issue : issues_of(*from_fake)) codes.push_back(issue.code + "@" + std::to_string(issue.line));
  CHECK(codes == std::vector<std::string>{"ambiguous_region@3", "out_of_scale@4", "not_a_number@4", "duplicate_respondent@5"});
}

TEST_CASE("a column named as the framework names it wins over one that is only an alias, two aliases still clash", "[loader][header]") {
  // The form's own id question beside the server's `_id` (an alias of the id column), either order.
  auto fw = siap::load_framework(
      std::string(kFramework)
          .replace(std::string(kFramework).find("respondent_id_column: id"), 24, "respondent_id_column: {name: nomor, aliases: [_id, KEY]}"),
      "t.yaml");
  REQUIRE(fw.has_value());
  for (const bool alias_first : {false, true}) {
    CAPTURE(alias_first);
    std::vector<std::string> header{"grup/nomor", "_id", "wilayah", "kelompok", "q1", "q2", "q3"};
    std::vector<std::string> row{"R1", "9001", "Kota Bandung", "warga", "4", "5", "50"};
    if (alias_first) {
      std::swap(header[0], header[1]);
      std::swap(row[0], row[1]);
    }
    std::vector<siap::NamedSource> sources;
    sources.push_back({"s.csv", std::make_unique<FakeRowSource>(std::vector<std::vector<std::string>>{header, row, row})});
    auto data = siap::load_sources(*fw, std::move(sources), siap::LoadOptions{});
    if (!data) {
      for (const auto& e : data.errors()) UNSCOPED_INFO(e.render(siap::Lang::en));
    }
    REQUIRE(data.has_value());
    CHECK(data->files[0].ignored_columns == std::vector<std::string>{"_id"});
    // The same respondent twice is found by the form's id (R1), not the server's.
    CHECK(data->rows == 1);
    REQUIRE(issues_of(*data).size() == 1);
    CHECK(issues_of(*data)[0].code == "duplicate_respondent");
    CHECK(issues_of(*data)[0].value == "R1");
  }
  std::vector<siap::NamedSource> sources;
  sources.push_back({"s.csv", std::make_unique<FakeRowSource>(std::vector<std::vector<std::string>>{
                                  {"_id", "KEY", "wilayah", "kelompok", "q1", "q2", "q3"}, {"1", "2", "Kota Bandung", "warga", "4", "5", "50"}})});
  auto clash = siap::load_sources(*fw, std::move(sources), siap::LoadOptions{});
  REQUIRE_FALSE(clash.has_value());
  CHECK(clash.errors()[0].message.en == "columns '_id' and 'KEY' both match 'nomor'");
}

TEST_CASE("a submission with no region and no answer (a refused consent) is an empty response, not a forgotten region", "[loader][empty]") {
  auto fw = framework();
  std::vector<siap::NamedSource> sources;
  sources.push_back({"s.csv", std::make_unique<FakeRowSource>(std::vector<std::vector<std::string>>{
                                  {"id", "persetujuan", "wilayah", "kelompok", "q1", "q2", "q3"},
                                  {"1", "ya", "Kota Bandung", "warga", "4", "5", "50"},
                                  {"2", "tidak", "", "", "", "", ""},               // refused: nothing else answered
                                  {"3", "ya", "", "warga", "4", "", ""},            // answered, but no region
                                  {"4", "ya", "Kota Bandung", "", "4", "4", "40"},  // answered, but no group
                                  {"5", "ya", "Kota Bandung", "tamu", "4", "4", "40"},
                              })});
  auto data = siap::load_sources(fw, std::move(sources), siap::LoadOptions{});
  REQUIRE(data.has_value());
  CHECK(data->rows_read == 5);
  CHECK(data->rows == 1);
  CHECK(data->rows_rejected == 4);
  std::vector<std::string> codes;
  for (const auto& issue : issues_of(*data)) codes.push_back(issue.code + "@" + std::to_string(issue.line) + ":" + issue.reason.en);
  CHECK(codes == std::vector<std::string>{
                     "empty_response@3:no usable answer: not a respondent (not counted toward the minimum respondents)",
                     "no_region@4:no region given",
                     "unknown_group@5:no respondent group given",
                     "unknown_group@6:unknown respondent group; expected one of: pemerintah, warga",
                 });
}

TEST_CASE("a Unit holds a code and province only when it has them, and stays small", "[input][units]") {
  const siap::Unit opd(-1, "", "Dinas Kominfo", siap::UnitLevel::other, "", "");
  CHECK(opd.name == "Dinas Kominfo");
  CHECK(opd.code().empty());
  CHECK(opd.province_code().empty());
  CHECK(opd.province_name().empty());
  const siap::Unit kota(7, "32.73", "Kota Bandung", siap::UnitLevel::kota, "32", "Jawa Barat");
  CHECK(kota.region == 7);
  CHECK(kota.code() == "32.73");
  CHECK(kota.province_code() == "32");
  CHECK(kota.province_name() == "Jawa Barat");
  const siap::Unit copy = kota;  // copies share the place
  CHECK(&copy.code() == &kota.code());
  CHECK(siap::Unit().code().empty());
  // A unit sheet holds one per row: a name, a level, a region and a pointer (it was 144 bytes).
  CHECK(sizeof(siap::Unit) <= 56);
}

namespace {

// A kominfo-evaluation unit sheet of `rows` rows: instansi, regions named in
// several ways, blank and ambiguous names, bad and out-of-range values, a
// row cut short. `name_of(i)` names row i's unit.
std::string unit_sheet(int rows, const std::function<std::string(int)>& name_of) {
  std::string csv = "kabupaten_kota;baseline;output;outcome;impact;quick_win\n";
  for (int i = 0; i < rows; ++i) {
    csv += name_of(i);
    if (i % 211 == 17) {  // cut before its values
      csv += "\n";
      continue;
    }
    for (int c = 0; c < 5; ++c) {
      const int v = 100 + (i * 37 + c * 91) % 401;
      std::string cell = std::to_string(v / 100) + "," + (v % 100 < 10 ? "0" : "") + std::to_string(v % 100);
      if ((i + c) % 97 == 3) cell = "x";
      if ((i + c) % 89 == 5) cell = "7,5";
      csv += ";" + cell;
    }
    csv += "\n";
  }
  return csv;
}

std::string instansi_or_region(int i) {
  if (i % 500 == 1) return "Bandung";  // ambiguous: Kota or Kabupaten
  if (i % 500 == 2) return "";         // no unit
  if (i == 3) return "Kota Bandung";
  if (i == 1203) return "Kab. Bogor";
  return "Dinas " + std::to_string(i);
}

siap::Dataset load_units(const std::vector<std::string>& paths, std::size_t parallel_min_bytes) {
  auto fw = siap::load_builtin_framework("kominfo-evaluation");
  REQUIRE(fw.has_value());
  siap::LoadOptions options;
  options.allow_non_regions = true;
  options.parallel_min_bytes = parallel_min_bytes;
  auto data = siap::load_dataset(*fw, paths, options);
  REQUIRE(data.has_value());
  return std::move(*data);
}

// A unit sheet written to a file and loaded in two parts and in one pass.
std::pair<siap::Dataset, siap::Dataset> parts_and_whole(const char* name, const std::string& csv) {
  const std::string path = temp_path(name);
  std::ofstream(path) << csv;
  auto parts = load_units({path}, 1);
  auto whole = load_units({path}, std::size_t(-1));
  std::filesystem::remove(path);
  return {std::move(parts), std::move(whole)};
}

std::size_t count_code(const siap::Dataset& data, std::string_view code) {
  std::size_t n = 0;
  for (const auto& issue : issues_of(data)) n += issue.code == code;
  return n;
}

}  // namespace

TEST_CASE("a unit sheet parsed in two parts equals the sheet parsed in one", "[loader][parallel][units]") {
  const auto [parts, whole] = parts_and_whole("units.csv", unit_sheet(3000, instansi_or_region));
  require_same(parts, whole);
  CHECK(parts.files[0].parts == 2);
  CHECK_FALSE(parts.files[0].reread);
  // The planted problems are all there, and no unit twice.
  CHECK(count_code(whole, "ambiguous_region") == 6);
  CHECK(count_code(whole, "no_region") == 6);
  CHECK(count_code(whole, "duplicate_unit") == 0);
  CHECK(count_code(whole, "not_a_number") > 0);
  CHECK(count_code(whole, "out_of_scale") > 0);
  CHECK(whole.rows + whole.rows_rejected == whole.rows_read);
  CHECK(whole.rows_read == 3000);
  CHECK(whole.units.size() == whole.rows);  // one row per unit
}

TEST_CASE("a unit sheet naming a unit twice is read again in one pass, each repeat rejected with the first line", "[loader][parallel][units]") {
  // Repeats across the halves (row 2900 names row 10's unit, row 2950 names
  // the region of row 3 another way) and within the second half.
  auto name_of = [](int i) {
    if (i == 2900) return std::string("dinas 10");  // folded: the same name as "Dinas 10"
    if (i == 2950) return std::string("KOTA BANDUNG");
    if (i == 2990) return std::string("Dinas 2980");
    return instansi_or_region(i);
  };
  std::string path = temp_path("units-twice.csv");
  std::ofstream(path) << unit_sheet(3000, name_of);
  auto parts = load_units({path}, 1);
  auto whole = load_units({path}, std::size_t(-1));
  std::filesystem::remove(path);
  require_same(parts, whole);
  CHECK(parts.files[0].reread);
  CHECK(parts.files[0].parts == 1);
  std::vector<std::string> reasons;
  for (const auto& issue : issues_of(whole)) {
    if (issue.code == "duplicate_unit") reasons.push_back(std::to_string(issue.line) + " " + issue.reason.en);
  }
  // Lines are rows + 2 (the header is line 1).
  CHECK(reasons == std::vector<std::string>{"2902 unit already given at " + path + ":12", "2952 unit already given at " + path + ":5",
                                            "2992 unit already given at " + path + ":2982"});
}

TEST_CASE("a unit sheet whose only repeat lies across the split is read again in one pass", "[loader][parallel][units]") {
  // Each part alone names every unit once: only comparing the parts finds it.
  const auto [parts, whole] =
      parts_and_whole("units-across.csv", unit_sheet(3000, [](int i) { return i == 2900 ? std::string("DINAS 10") : instansi_or_region(i); }));
  require_same(parts, whole);
  CHECK(parts.files[0].reread);
  CHECK(count_code(whole, "duplicate_unit") == 1);
}

TEST_CASE("a unit first given on a row cut short and named again later: one duplicate, read in parts or in one pass alike",
          "[loader][parallel][units]") {
  // Row 17 is cut before its values (kept, its answers missing), and row
  // 2000, in the other part, names its unit again.
  const std::string path = temp_path("units-short-first.csv");
  std::ofstream(path) << unit_sheet(3000, [](int i) { return i == 2000 ? std::string("dinas 17") : instansi_or_region(i); });
  auto parts = load_units({path}, 1);
  auto whole = load_units({path}, std::size_t(-1));
  std::filesystem::remove(path);
  require_same(parts, whole);
  CHECK(parts.files[0].reread);
  std::vector<std::string> reasons;
  for (const auto& issue : issues_of(whole)) {
    if (issue.code == "duplicate_unit") reasons.push_back(std::to_string(issue.line) + " " + issue.reason.en);
  }
  CHECK(reasons == std::vector<std::string>{"2002 unit already given at " + path + ":19"});
  std::size_t named = 0;
  for (const auto& unit : whole.units) named += unit.name == "Dinas 17";
  CHECK(named == 1);
}

TEST_CASE("a unit sheet in several files: a unit named again in a later file is a duplicate whether the files were split or not",
          "[loader][parallel][units]") {
  const std::string a = temp_path("units-a.csv"), b = temp_path("units-b.csv"), c = temp_path("units-c.csv");
  std::ofstream(a) << unit_sheet(400, [](int i) { return "Dinas " + std::to_string(i); });
  std::ofstream(b) << unit_sheet(400, [](int i) { return "Badan " + std::to_string(i); });
  // The third file repeats a unit of the first and one of the second (a split file).
  std::ofstream(c) << unit_sheet(400, [](int i) {
    return i == 100 ? std::string("Dinas 7") : i == 300 ? std::string("Badan 250") : "Kantor " + std::to_string(i);
  });
  auto parts = load_units({a, b, c}, 1);
  auto whole = load_units({a, b, c}, std::size_t(-1));
  for (const auto& p : {a, b, c}) std::filesystem::remove(p);
  require_same(parts, whole);
  CHECK(parts.files[0].parts == 2);
  CHECK(parts.files[1].parts == 2);
  CHECK(parts.files[2].reread);
  CHECK(count_code(parts, "duplicate_unit") == 2);
  CHECK(parts.files[2].rows_rejected == whole.files[2].rows_rejected);
}
