#include <catch2/catch.hpp>

#include "unit/report_fixture.hpp"

TEST_CASE("HTML: hand-computed scores, text from the input is never markup", "[report][html]") {
  auto f = report_fixture::make();
  std::string html = siap::render_html(f.assessment, f.options(siap::Lang::id));
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.find("4,75") != std::string::npos);
  CHECK(html.find("2,75") != std::string::npos);
  CHECK(html.find("<b>|") == std::string::npos);
  CHECK(html.find("&lt;b&gt;|") != std::string::npos);
  CHECK(html.find("<script") == std::string::npos);  // self-contained, no scripts
}
