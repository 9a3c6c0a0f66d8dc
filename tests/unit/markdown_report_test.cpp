#include <catch2/catch.hpp>

#include "unit/report_fixture.hpp"

TEST_CASE("Markdown: the ranking table with hand-computed scores, input text cannot break the table", "[report][markdown]") {
  auto f = report_fixture::make();
  std::string md = siap::render_markdown(f.assessment, f.options(siap::Lang::id));
  CHECK(md.find("| 1 | Kota Bandung | 4,75 | Tinggi | 4,00 | 5,00 |") != std::string::npos);
  CHECK(md.find("| 2 | Kabupaten Garut | 2,75 | Rendah | 2,00 | 3,00 |") != std::string::npos);
  CHECK(md.find("0,25 (Tinggi)") != std::string::npos);  // Garut's gap to the next band
  CHECK(md.find("<b>") == std::string::npos);            // escaped, as is the pipe
  CHECK(md.find("\\<b\\>\\|") != std::string::npos);
  std::string en = siap::render_markdown(f.assessment, f.options(siap::Lang::en));
  CHECK(en.find("| 1 | Kota Bandung | 4.75 | High |") != std::string::npos);
  CHECK(md.find("quality.csv") != std::string::npos);
  auto options = f.options(siap::Lang::id);
  options.quality_file = "masalah.csv";  // the CLI's choice of name, not the reporter's
  std::string renamed = siap::render_markdown(f.assessment, options);
  CHECK(renamed.find("masalah.csv") != std::string::npos);
  CHECK(renamed.find("quality.csv") == std::string::npos);
}
