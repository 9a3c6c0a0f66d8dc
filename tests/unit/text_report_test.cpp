#include <catch2/catch.hpp>

#include "unit/report_fixture.hpp"

TEST_CASE("text: ranked table with Indonesian decimals, and why a unit was not assessed", "[report][text]") {
  auto f = report_fixture::make();
  std::string text = siap::render_text(f.assessment, f.options(siap::Lang::id));
  auto bandung = text.find("Kota Bandung"), garut = text.find("Kabupaten Garut");
  REQUIRE(bandung != std::string::npos);
  REQUIRE(garut != std::string::npos);
  CHECK(bandung < garut);  // rank order
  CHECK(text.find("4,75") != std::string::npos);
  CHECK(text.find("2,75") != std::string::npos);
  CHECK(text.find("Tidak Dapat Dinilai:") != std::string::npos);
  CHECK(text.find("25,0%") != std::string::npos);
  std::string en = siap::render_text(f.assessment, f.options(siap::Lang::en));
  CHECK(en.find("4.75") != std::string::npos);
  CHECK(en.find("Not assessable:") != std::string::npos);
}

TEST_CASE("text: a narrow terminal cuts names to the column with an ellipsis, a name that fits stays whole", "[report][text]") {
  auto f = report_fixture::make();
  auto options = f.options(siap::Lang::id);
  options.width = 20;  // too narrow for the scores: the name column falls back to 12 characters
  const std::string text = siap::render_text(f.assessment, options);
  CHECK(text.find("Kabupaten G\xE2\x80\xA6  ") != std::string::npos);  // 15 characters: 11 and "…"
  CHECK(text.find("Kota Bandung  ") != std::string::npos);             // exactly 12: whole
  CHECK(text.find("Kabupaten Garut") == std::string::npos);
}
