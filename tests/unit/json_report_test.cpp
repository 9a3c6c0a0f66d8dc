#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "unit/report_fixture.hpp"

TEST_CASE("JSON: the documented schema with hand-computed scores, exact and published", "[report][json]") {
  auto f = report_fixture::make();
  auto j = nlohmann::json::parse(siap::render_json(f.assessment, f.options(siap::Lang::id)));
  CHECK(j["schema"] == "siap/assessment/v1");
  CHECK(j["counts"]["rows_read"] == 3);
  CHECK(j["counts"]["units_assessed"] == 2);
  const auto& bandung = j["units"][0];
  CHECK(bandung["code"] == "32.73");
  CHECK(bandung["province"] == "Jawa Barat");
  CHECK(bandung["rank"] == 1);
  CHECK(bandung["index"]["exact"] == "4.75");
  CHECK(bandung["index"]["exact_is_exact"] == true);
  CHECK(bandung["index"]["bands"]["predikat"] == "tinggi");
  CHECK(bandung["nodes"]["b"]["published"] == 5.0);
  const auto& garut = j["units"][1];
  CHECK(garut["index"]["exact"] == "2.75");
  CHECK(garut["next_band"]["band"] == "tinggi");
  CHECK(garut["next_band"]["gap"] == 0.25);
  const auto& other = j["units"][2];
  CHECK(other["code"].is_null());
  CHECK(other["province"].is_null());
  CHECK(other["assessed"] == false);
  CHECK(other["not_assessed"]["code"] == "insufficient_coverage");
  CHECK(other["name"] == "=HYPERLINK(\"x\")<b>|");  // JSON keeps the text as it was; it is data, not markup
}
