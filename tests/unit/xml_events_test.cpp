// The XML event stream the workbook readers stand on (expat underneath).
#include "input/xml_events.hpp"

#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>

namespace {

// Every event as text: "<name a=v>", "text", "</name>".
std::string events(std::string_view document, std::string_view attribute = "r:id") {
  std::string out;
  siap::xml::Handlers h;
  h.start = [&](std::string_view name, const siap::xml::Attributes& a) {
    out += "<" + std::string(name);
    if (!a.get(attribute).empty()) out += " " + std::string(attribute) + "=" + std::string(a.get(attribute));
    out += ">";
  };
  h.end = [&](std::string_view name) { out += "</" + std::string(name) + ">"; };
  h.text = [&](std::string_view text) { out += text; };
  siap::xml::parse("part.xml", document, h);
  return out;
}

}  // namespace

TEST_CASE("XML events: local names, attributes by qualified name, text with entities decoded", "[input][xml]") {
  CHECK(events("<?xml version=\"1.0\"?><x:sheet xmlns:x=\"u\" xmlns:r=\"v\"><x:c r:id=\"rId1\">a &amp; b &#x41;&lt;</x:c><!-- note --></x:sheet>") ==
        "<sheet><c r:id=rId1>a & b A<</c></sheet>");
  CHECK(events("<a><![CDATA[<b>]]></a>") == "<a><b></a>");
}

TEST_CASE("XML that is not well-formed, or has a DOCTYPE, is a ParseError with its place", "[input][xml]") {
  try {
    events("<a>\n<b></a>");
    FAIL("no error");
  } catch (const siap::xml::ParseError& e) {
    CHECK(e.part == "part.xml");
    CHECK(e.line == 2);
    CHECK(e.column == 6);
    CHECK(e.reason == "mismatched tag");
  }
  // The billion laughs: refused at its DOCTYPE, before any entity exists.
  const std::string laughs =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
      "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>\n<l>&c;</l>";
  try {
    events(laughs);
    FAIL("no error");
  } catch (const siap::xml::ParseError& e) {
    CHECK(e.line == 2);
    CHECK(e.reason == "a DOCTYPE declaration, which no workbook part has");
  }
  CHECK_THROWS_AS(events("<a>&undefined;</a>"), siap::xml::ParseError);
  CHECK_THROWS_AS(events(""), siap::xml::ParseError);
  CHECK_THROWS_AS(events("<a>\xff</a>"), siap::xml::ParseError);
}

TEST_CASE("what a handler throws comes out of parse unchanged, and parsing stops there", "[input][xml]") {
  int starts = 0;
  siap::xml::Handlers h;
  h.start = [&](std::string_view name, const siap::xml::Attributes&) {
    ++starts;
    if (name == "stop") throw std::out_of_range("stopped");
  };
  CHECK_THROWS_WITH(siap::xml::parse("p", "<a><stop/><b/><c/></a>", h), "stopped");
  CHECK(starts == 2);
}
