#include <catch2/catch.hpp>

#include <sstream>
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
