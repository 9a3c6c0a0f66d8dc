#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "unit/report_fixture.hpp"

namespace {

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    REQUIRE(!line.empty());
    CHECK(line.back() == '\r');  // RFC 4180 line ends
    line.pop_back();
    out.push_back(line);
  }
  return out;
}

}  // namespace

TEST_CASE("CSV: one row per unit in rank order, hand-computed scores, formulas neutralised", "[report][csv]") {
  auto f = report_fixture::make();
  auto rows = lines(siap::render_csv(f.assessment, f.options(siap::Lang::id)));
  REQUIRE(rows.size() == 4);
  CHECK(rows[0].rfind("kode,wilayah,jenis,provinsi,", 0) == 0);
  CHECK(rows[1] == "32.73,Kota Bandung,Kota,Jawa Barat,1,1,1,1,4.75,Tinggi,4.00,5.00,dinilai");
  CHECK(rows[2] == "32.05,Kabupaten Garut,Kabupaten,Jawa Barat,1,2,1,2,2.75,Rendah,2.00,3.00,dinilai");
  // The name is text, never a formula: a leading apostrophe, quoted for its quotes.
  CHECK(rows[3].find(",\"'=HYPERLINK(\"\"x\"\")<b>|\",") != std::string::npos);
  CHECK(rows[3].find("25,0%") != std::string::npos);  // 1 of 4 weight units present
}

TEST_CASE("CSV for Indonesian Excel: semicolon and decimal commas, English headers", "[report][csv]") {
  auto f = report_fixture::make();
  auto options = f.options(siap::Lang::en);
  options.csv_decimal_comma = true;
  auto rows = lines(siap::render_csv(f.assessment, options));
  CHECK(rows[0].rfind("code;region;type;province;", 0) == 0);
  CHECK(rows[1].find(";4,75;High;4,00;5,00;") != std::string::npos);
}

TEST_CASE("CSV of a national sheet: written in batches by two threads, every row once, in rank order", "[report][csv]") {
  // 30,000 units (above the two-core threshold): unit k has a = 1 + k mod 5
  // and b = 1 + (k / 5) mod 5, so its index (a + 3b) / 4 is one of 25
  // quarter values; ranks and order follow from counting, by hand.
  constexpr int kUnits = 30'000;
  std::string data = "wilayah,a,b\n";
  std::vector<int> quarters(kUnits);  // 4 x index
  std::vector<int> units_at(21, 0);   // units per 4 x index (4..20)
  for (int k = 0; k < kUnits; ++k) {
    const int a = 1 + k % 5, b = 1 + (k / 5) % 5;
    data += "Unit " + std::to_string(100'000 + k) + "," + std::to_string(a) + "," + std::to_string(b) + "\n";
    quarters[std::size_t(k)] = a + 3 * b;
    ++units_at[std::size_t(a + 3 * b)];
  }
  auto f = report_fixture::make(data.c_str());
  auto rows = lines(siap::render_csv(f.assessment, f.options(siap::Lang::id)));
  REQUIRE(rows.size() == kUnits + 1);
  // Expected order: index descending, ties by name (names sort as k does).
  std::vector<int> order(kUnits);
  for (int k = 0; k < kUnits; ++k) order[std::size_t(k)] = k;
  std::stable_sort(order.begin(), order.end(), [&](int x, int y) { return quarters[std::size_t(x)] > quarters[std::size_t(y)]; });
  std::size_t mismatches = 0;
  for (std::size_t i = 0; i < order.size(); ++i) {
    const int k = order[i];
    const int q = quarters[std::size_t(k)];
    int above = 0;
    for (int h = q + 1; h <= 20; ++h) above += units_at[std::size_t(h)];
    const std::string rank = std::to_string(above + 1);
    const std::string index = fmt::format("{}.{:02}", q / 4, q % 4 * 25);
    const std::string expected = ",Unit " + std::to_string(100'000 + k) + ",Lainnya,,1," + rank + "," + rank + ",," + index + "," +
                                 (q >= 12 ? "Tinggi" : "Rendah") + "," + std::to_string(1 + k % 5) + ".00," + std::to_string(1 + (k / 5) % 5) +
                                 ".00,dinilai";
    if (rows[i + 1] != expected && mismatches++ < 3) CHECK(rows[i + 1] == expected);
  }
  CHECK(mismatches == 0);

  // Streamed: the same bytes, in blocks that each end a row and hold at most
  // half a batch (the header alone first), so memory follows a block.
  std::vector<std::string> blocks;
  siap::write_csv(f.assessment, f.options(siap::Lang::id), [&](std::string_view block) { blocks.emplace_back(block); });
  REQUIRE(blocks.size() >= 3);
  CHECK(std::count(blocks[0].begin(), blocks[0].end(), '\n') == 1);
  std::string joined;
  std::size_t largest = 0;
  for (const auto& block : blocks) {
    CHECK(block.size() >= 2);
    CHECK(block.substr(block.size() - 2) == "\r\n");
    largest = std::max(largest, std::size_t(std::count(block.begin(), block.end(), '\n')));
    joined += block;
  }
  CHECK(largest <= 8'192);
  CHECK(largest * 3 < std::size_t(kUnits));  // not the whole report in one block
  CHECK(joined == siap::render_csv(f.assessment, f.options(siap::Lang::id)));

  // A sink that fails (a full disk) on the third block: the failure reaches
  // the caller, with nothing sent after it, and the other thread, waiting
  // for its turn, does not wait for ever.
  std::size_t sent = 0;
  auto failing = [&](std::string_view) {
    if (++sent == 3) throw std::runtime_error("disk full");
  };
  CHECK_THROWS_WITH(siap::write_csv(f.assessment, f.options(siap::Lang::id), failing), "disk full");
  CHECK(sent == 3);
}

TEST_CASE("CSV of a small sheet: one block, equal to the rendered text", "[report][csv]") {
  auto f = report_fixture::make();
  std::vector<std::string> blocks;
  siap::write_csv(f.assessment, f.options(siap::Lang::en), [&](std::string_view block) { blocks.emplace_back(block); });
  REQUIRE(blocks.size() == 1);
  CHECK(blocks[0] == siap::render_csv(f.assessment, f.options(siap::Lang::en)));
  CHECK(std::count(blocks[0].begin(), blocks[0].end(), '\n') == 4);
}
