#include "siap/framework_catalog.hpp"

#include <catch2/catch.hpp>

TEST_CASE("built-in frameworks by id, an unknown id suggests the closest, or lists them all", "[framework][catalog]") {
  CHECK(siap::builtin_framework_ids() ==
        std::vector<std::string>{"garuda-gscm", "kominfo-evaluation", "kominfo-readiness", "pemdi-2026", "spbe-2018", "spbe-2020"});
  auto spbe = siap::load_builtin_framework("spbe-2020");
  REQUIRE(spbe.has_value());
  CHECK(spbe->id == "spbe-2020");
  auto typo = siap::load_builtin_framework("spbe-2021");
  REQUIRE_FALSE(typo.has_value());
  CHECK(typo.errors()[0].render(siap::Lang::en).find("did you mean 'spbe-2020'?") != std::string::npos);
  auto unknown = siap::load_builtin_framework("zzzzzzzzzzzzzzzz");
  REQUIRE_FALSE(unknown.has_value());
  CHECK(unknown.errors()[0].render(siap::Lang::en).find("available: garuda-gscm, kominfo-evaluation") != std::string::npos);
}
