// An XLSForm's labels laid over a framework (assess --form): added as
// aliases where they name the same thing, refused where they would name
// something else. The form here is built in memory; reading it from an XLSX
// is checked with openpyxl-edited forms in tests/e2e/check_xlsform.py.
#include "siap/form_codebook.hpp"

#include <catch2/catch.hpp>

#include "siap/framework_catalog.hpp"

namespace {

siap::FormCodebook form(std::vector<siap::FormCodebook::Entry> questions, std::vector<siap::FormCodebook::Entry> choices) {
  siap::FormCodebook f;
  f.file = "form.xlsx";
  f.questions = std::move(questions);
  f.choices = std::move(choices);
  return f;
}

const siap::Node& node(const siap::Framework& fw, const char* id) { return fw.nodes[std::size_t(*fw.find_node(id))]; }

}  // namespace

TEST_CASE("a reworded question and reworded choices become aliases of the column and the levels", "[form]") {
  auto fw = siap::resolve_framework(std::string(SIAP_SOURCE_DIR) + "/samples/frameworks/contoh-kesiapan.yaml");
  REQUIRE(fw.has_value());
  std::vector<std::string> unused;
  auto out = siap::with_form_labels(*fw,
                                    form({{"q1", {"Kebijakan kota cerdas sudah ada?"}, "setuju", 10},
                                          {"masterplan", {"Status rencana induk"}, "dokumen", 11},
                                          {"q4", {"Pusat data"}, "ada", 12},
                                          {"kelompok", {"Kelompok responden"}, "kelompok", 13},
                                          {"catatan", {"Catatan"}, "", 14}},
                                         {{"setuju", {"Agak setuju"}, "setuju", 2},  // list name as the choice: not a level
                                          {"4", {"Agak setuju"}, "setuju", 3},
                                          {"Tidak_ada", {"Belum ada"}, "dokumen", 4},
                                          {"ya", {"Sudah ada"}, "ada", 5},
                                          {"pemerintah", {"ASN pemerintah daerah"}, "kelompok", 6}}),
                                    unused);
  REQUIRE(out.has_value());
  CHECK(unused == std::vector<std::string>{"catatan"});
  CHECK(node(*out, "q1").column.aliases == std::vector<std::string>{"Kebijakan kota cerdas sudah ada?"});
  CHECK(node(*out, "q3").column.aliases.back() == "Status rencana induk");
  const siap::Scale& likert = out->scales[std::size_t(node(*out, "q1").scale)];
  CHECK(likert.points[3].aliases.back() == "Agak setuju");
  const siap::Scale& documents = out->scales[std::size_t(node(*out, "q3").scale)];
  REQUIRE(documents.categories.size() == 4);
  CHECK(documents.categories[3].answer == "Belum ada");
  CHECK(documents.categories[3].score == documents.categories[2].score);  // "Tidak ada"'s score
  const siap::Scale& yes_no = out->scales[std::size_t(node(*out, "q4").scale)];
  CHECK(yes_no.yes_words.back() == "Sudah ada");
  CHECK(out->respondents->groups[0].aliases.back() == "ASN pemerintah daerah");
  // The framework itself is unchanged.
  CHECK(node(*fw, "q1").column.aliases.empty());
}

TEST_CASE("a label that names another column, level, answer or group is an error naming the form's row", "[form]") {
  auto fw = siap::resolve_framework(std::string(SIAP_SOURCE_DIR) + "/samples/frameworks/contoh-kesiapan.yaml");
  REQUIRE(fw.has_value());
  std::vector<std::string> unused;
  auto column = siap::with_form_labels(*fw, form({{"q1", {"q2"}, "", 7}}, {}), unused);
  REQUIRE_FALSE(column.has_value());
  CHECK(column.errors()[0].render(siap::Lang::en) ==
        "form.xlsx:7: label 'q2' is also a name or alias of the column 'q2': the form cannot serve as the codebook");
  auto level = siap::with_form_labels(*fw, form({{"q1", {}, "setuju", 7}}, {{"5", {"Setuju"}, "setuju", 9}}), unused);
  REQUIRE_FALSE(level.has_value());
  CHECK(level.errors()[0].render(siap::Lang::en) ==
        "form.xlsx:9: label 'Setuju' is also level 4's label in the framework: the form cannot serve as the codebook");
  auto yes = siap::with_form_labels(*fw, form({{"q4", {}, "ada", 7}}, {{"ya", {"tidak"}, "ada", 8}}), unused);
  REQUIRE_FALSE(yes.has_value());
  CHECK(yes.errors()[0].message.en == "label 'tidak' is also a 'no' answer in the framework: the form cannot serve as the codebook");
  auto group = siap::with_form_labels(*fw, form({{"kelompok", {}, "k", 7}}, {{"pemerintah", {"warga"}, "k", 8}}), unused);
  REQUIRE_FALSE(group.has_value());
  CHECK(group.errors()[0].message.en == "label 'warga' is also the group 'masyarakat': the form cannot serve as the codebook");
}
