#include "siap/text.hpp"

#include <catch2/catch.hpp>

TEST_CASE("languages by code, English falls back to Indonesian when a framework gives none", "[text]") {
  CHECK(siap::parse_lang("id") == siap::Lang::id);
  CHECK(siap::parse_lang("en") == siap::Lang::en);
  CHECK_FALSE(siap::parse_lang("EN").has_value());
  CHECK_FALSE(siap::parse_lang("").has_value());
  siap::LocalizedText only_id{"Tata Kelola", ""};
  CHECK(only_id.in(siap::Lang::en) == "Tata Kelola");
  siap::LocalizedText both{"Tata Kelola", "Governance"};
  CHECK(both.in(siap::Lang::en) == "Governance");
  CHECK(both.in(siap::Lang::id) == "Tata Kelola");
}
