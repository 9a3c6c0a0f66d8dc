#include "siap/diagnostic.hpp"

#include <catch2/catch.hpp>

TEST_CASE("a diagnostic renders as file:line:col: message (at path), in either language", "[diagnostic]") {
  siap::Diagnostic d{{"kerangka.yaml", 12, 5}, "tree[3].weight", {"bobot harus positif", "weight must be positive"}};
  CHECK(d.render(siap::Lang::en) == "kerangka.yaml:12:5: weight must be positive (at tree[3].weight)");
  CHECK(d.render(siap::Lang::id) == "kerangka.yaml:12:5: bobot harus positif (di tree[3].weight)");
  siap::Diagnostic line_only{{"data.csv", 40, 0}, "", {"baris terlalu panjang", "row too long"}};
  CHECK(line_only.render(siap::Lang::en) == "data.csv:40: row too long");
  siap::Diagnostic file_only{{"data.csv", 0, 0}, "", {"kosong", "empty"}};
  CHECK(file_only.render(siap::Lang::id) == "data.csv: kosong");
  // Bytes that are not UTF-8 (a file name from the command line) are shown escaped.
  siap::Diagnostic bad{{"dat\xFF.csv", 0, 0}, "", {"x", "x"}};
  CHECK(bad.render(siap::Lang::en) == "dat\\xFF.csv: x");
}
