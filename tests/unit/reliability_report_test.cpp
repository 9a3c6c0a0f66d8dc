// The reliability text's fixed-width columns: names are cut by code points,
// never inside a character (found by fuzz_reports: a unit name cut at its
// 30th byte left half an "œ" and the report was not UTF-8).
#include <catch2/catch.hpp>

#include <string>

#include "siap/framework_catalog.hpp"
#include "siap/instrument.hpp"
#include "siap/report.hpp"
#include "siap/utf8.hpp"

namespace {

std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

}  // namespace

TEST_CASE("reliability text: a long unit name with two-byte letters is cut to 31 characters, never inside one", "[reliability][report]") {
  const siap::Framework spbe = *siap::load_builtin_framework("spbe-2020");
  // Three items, four respondents: 1 2 3 / 2 3 4 / 3 3 3 / 4 5 4.
  const siap::ItemMatrix answers{3, {1, 2, 3, 2, 3, 4, 3, 3, 3, 4, 5, 4}};
  const siap::ScaleAnalysis scale{"",
                                  siap::LocalizedText{"Seluruh instrumen", "Whole instrument"},
                                  {spbe.leaves[0], spbe.leaves[1], spbe.leaves[2]},
                                  siap::analyse_reliability(answers)};
  // "Kota " and 30 times "é" (2 bytes each): 35 characters, 65 bytes; byte
  // 30 is inside the 13th "é".
  const std::string name = "Kota " + repeat("\xC3\xA9", 30);
  siap::InstrumentAnalysis a;
  a.respondents = 4;
  a.scales = {scale};
  a.units.push_back(siap::UnitInstrument{"", name, 4, a.scales});
  for (siap::Lang lang : {siap::Lang::id, siap::Lang::en}) {
    const std::string text = siap::render_reliability_text(a, spbe, lang);
    CHECK(siap::is_valid_utf8(text));
    // 30 characters and "…" fill 31 of the 32-wide column, one space pads it.
    CHECK(text.find("  Kota " + repeat("\xC3\xA9", 25) + "\xE2\x80\xA6 ") != std::string::npos);
  }
}
