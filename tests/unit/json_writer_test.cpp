#include "report/json_writer.hpp"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

TEST_CASE("JSON strings: control characters escaped, invalid UTF-8 replaced, valid UTF-8 kept", "[json][writer]") {
  siap::JsonWriter w;
  w.begin_object().field("a", std::string("tab\there \"q\" \\ \x01")).field("b", std::string("caf\xC3\xA9 \xFF")).field("n", 3).end_object();
  std::string text = w.take();
  auto j = nlohmann::json::parse(text);  // an independent parser accepts it
  CHECK(j["a"] == "tab\there \"q\" \\ \x01");
  CHECK(j["b"] == "caf\xC3\xA9 \xEF\xBF\xBD");  // U+FFFD for the stray byte
  CHECK(j["n"] == 3);
  CHECK(text.find("\\u0001") != std::string::npos);
}
