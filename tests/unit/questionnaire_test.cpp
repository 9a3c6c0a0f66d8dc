// The form a framework implies: names as the framework's columns, the
// identity block, one group per dimension, choice lists from the scales,
// regions by scope. Counts are facts about the framework and Indonesia
// (27 kabupaten/kota in Jawa Barat, 514 in all, 38 provinces), not output
// copied from the program.
#include "siap/questionnaire.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "siap/framework_catalog.hpp"
#include "siap/framework_loader.hpp"
#include "input/dataset_sources.hpp"
#include "siap/regions.hpp"
#include "unit/fake_row_source.hpp"
#include "unit/mini_framework.hpp"

namespace {

const siap::FormQuestion* question(const siap::Questionnaire& form, const std::string& name) {
  for (const auto& q : form.survey) {
    if (q.name == name && q.type != "end_group") return &q;
  }
  return nullptr;
}

std::vector<const siap::FormChoice*> list(const std::vector<siap::FormChoice>& choices, const std::string& name) {
  std::vector<const siap::FormChoice*> out;
  for (const auto& c : choices) {
    if (c.list == name) out.push_back(&c);
  }
  return out;
}

}  // namespace

TEST_CASE("XLSForm names: a letter or _, then letters, digits, _, - or .", "[questionnaire]") {
  CHECK(siap::is_xlsform_name("q01"));
  CHECK(siap::is_xlsform_name("_id"));
  CHECK(siap::is_xlsform_name("kabupaten_kota"));
  CHECK(siap::is_xlsform_name("governance.pelayanan-publik"));
  CHECK_FALSE(siap::is_xlsform_name(""));
  CHECK_FALSE(siap::is_xlsform_name("1q"));
  CHECK_FALSE(siap::is_xlsform_name("Kebijakan Internal"));
  CHECK_FALSE(siap::is_xlsform_name("q/1"));
  CHECK_FALSE(siap::is_xlsform_name("pertanyaan\xC3\xA9"));  // é: XLSForm names are ASCII here
}

TEST_CASE("kominfo-readiness scoped to Jawa Barat: identity block, six dimension screens, 54 Likert items named as the columns", "[questionnaire]") {
  auto fw = siap::load_builtin_framework("kominfo-readiness");
  REQUIRE(fw.has_value());
  auto jabar = siap::RegionTable::builtin().find_province("32");
  REQUIRE(jabar.province >= 0);
  auto form = siap::build_questionnaire(*fw, {{jabar.province}, "", "", ""});
  REQUIRE(form.has_value());
  CHECK(form->form_id == "siap_kominfo-readiness");
  CHECK(form->version == "1");
  CHECK(form->title.id == "Survei Kesiapan Kota Cerdas (Gerakan Menuju Smart City)");
  // Metadata first, then the note saying whose questionnaire this is.
  REQUIRE(form->survey.size() > 4);
  CHECK(form->survey[0].type == "start");
  CHECK(form->survey[1].type == "end");
  CHECK(form->survey[2].type == "today");
  CHECK(form->survey[3].type == "note");
  CHECK(form->survey[3].label.id.find("bukan instrumen resmi pemerintah") != std::string::npos);
  CHECK(form->survey[3].label.en.find("not an official government instrument") != std::string::npos);
  // Region: province, then its kabupaten/kota filtered by it, saved as Kemendagri codes.
  const auto* region = question(*form, "kabupaten_kota");
  REQUIRE(region != nullptr);
  CHECK(region->type == "select_one kabkota");
  CHECK(region->choice_filter == "prov=${provinsi}");
  CHECK(region->required);
  auto kabkota = list(form->choices, "kabkota");
  CHECK(kabkota.size() == 27);
  CHECK(std::all_of(kabkota.begin(), kabkota.end(), [](const auto* c) { return c->province == "32"; }));
  CHECK(std::any_of(kabkota.begin(), kabkota.end(), [](const auto* c) { return c->name == "32.73" && c->label.id == "Kota Bandung"; }));
  CHECK(list(form->choices, "provinsi").size() == 1);
  CHECK(form->external_regions.empty());
  // Pentahelix groups and a respondent id made on the device.
  const auto* group = question(*form, "kelompok");
  REQUIRE(group != nullptr);
  auto groups = list(form->choices, "kelompok");
  REQUIRE(groups.size() == 5);
  CHECK(groups[0]->name == "pemerintah");
  CHECK(groups[0]->label.en == "Government");
  const auto* id = question(*form, "id_responden");
  REQUIRE(id != nullptr);
  CHECK(id->type == "calculate");
  CHECK(id->calculation == "once(uuid())");
  // Six dimension screens, each shown only after consent.
  int groups_open = 0, screens = 0, items = 0;
  for (const auto& q : form->survey) {
    if (q.type == "begin_group") {
      ++groups_open;
      CHECK(q.appearance == "field-list");
      CHECK(q.relevant == "${persetujuan} = 'ya'");
      if (q.name.rfind("g_", 0) == 0) ++screens;
    }
    if (q.type == "end_group") --groups_open;
    if (q.node >= 0) {
      ++items;
      CHECK(q.type == "select_one setuju");
      CHECK(q.required);
      CHECK(q.appearance == "likert");
      CHECK(q.name == fw->nodes[std::size_t(q.node)].column.name);
    }
  }
  CHECK(groups_open == 0);
  CHECK(screens == 6);
  CHECK(items == 54);
  // A reverse-keyed item is asked as the framework words it; the saved value is the answer, not the score.
  const auto* q03 = question(*form, "q03");
  REQUIRE(q03 != nullptr);
  CHECK(q03->label.id == "Warga masih harus datang langsung ke kantor untuk sebagian besar layanan.");
  CHECK(q03->label.en == "Citizens still have to come in person for most services.");
  auto likert = list(form->choices, "setuju");
  REQUIRE(likert.size() == 5);
  CHECK(likert[0]->name == "1");
  CHECK(likert[0]->label.id == "Sangat tidak setuju");
  CHECK(likert[4]->name == "5");
  CHECK(likert[4]->label.en == "Strongly agree");
}

TEST_CASE("a national form lists the 514 kabupaten/kota in kabkota.csv and every province inline", "[questionnaire]") {
  auto fw = siap::load_builtin_framework("kominfo-readiness");
  REQUIRE(fw.has_value());
  auto form = siap::build_questionnaire(*fw, {});
  REQUIRE(form.has_value());
  CHECK(question(*form, "kabupaten_kota")->type == "select_one_from_file kabkota.csv");
  CHECK(form->external_regions.size() == 514);
  CHECK(list(form->choices, "kabkota").empty());
  CHECK(list(form->choices, "provinsi").size() == 38);
  std::string csv = siap::render_external_regions(*form);
  CHECK(csv.rfind("name,label,prov\r\n", 0) == 0);
  CHECK(csv.find("\r\n32.73,Kota Bandung,32\r\n") != std::string::npos);
  CHECK(std::count(csv.begin(), csv.end(), '\n') == 515);
}

TEST_CASE("choice names are unique within each list, and every select_one names a list that exists", "[questionnaire]") {
  for (const char* id : {"kominfo-readiness", "garuda-gscm", "spbe-2020", "pemdi-2026", "kominfo-evaluation", "spbe-2018"}) {
    CAPTURE(id);
    auto fw = siap::load_builtin_framework(id);
    REQUIRE(fw.has_value());
    auto form = siap::build_questionnaire(*fw, {{siap::RegionTable::builtin().find_province("32").province}, "", "", ""});
    REQUIRE(form.has_value());
    std::map<std::string, std::set<std::string>> names;
    for (const auto& c : form->choices) CHECK(names[c.list].insert(c.name).second);
    std::set<std::string> question_names;
    for (const auto& q : form->survey) {
      if (q.type == "end_group") continue;
      CHECK(siap::is_xlsform_name(q.name));
      CHECK(question_names.insert(q.name).second);
      if (q.type.rfind("select_one ", 0) == 0) CHECK(names.count(q.type.substr(11)) == 1);
    }
  }
}

TEST_CASE("a framework that cannot make a form says where and why", "[questionnaire]") {
  using namespace mini_framework;
  auto fw = siap::load_framework(with_line(21, "      - {id: a1, name: A1, weight: 1, column: Soal Satu}"), "fw.yaml");
  REQUIRE(fw.has_value());
  auto problems = siap::questionnaire_problems(*fw);
  REQUIRE(problems.size() == 1);
  CHECK(
      problems[0].render(siap::Lang::en) ==
      "fw.yaml:21:9: item column 'Soal Satu' is not a valid XLSForm name (a letter or _, then letters, digits, _, - or .) (at tree[0].children[0])");
  auto form = siap::build_questionnaire(*fw, {});
  CHECK_FALSE(form.has_value());
  // A unit column named like the form's own province question.
  auto province = siap::load_framework(with_line(6, "input: {kind: units, unit_column: provinsi}"), "fw.yaml");
  REQUIRE(province.has_value());
  auto clash = siap::questionnaire_problems(*province);
  REQUIRE(clash.size() == 1);
  CHECK(clash[0].message.en == "column 'provinsi' clashes with the form's question of that name");
  // The base document can.
  auto base = siap::load_framework(kBase, "fw.yaml");
  REQUIRE(base.has_value());
  CHECK(siap::questionnaire_problems(*base).empty());
}

TEST_CASE("the codebook: one row per item with its column, both questions, values, reverse flag, path and facets", "[questionnaire]") {
  auto fw = siap::load_builtin_framework("kominfo-readiness");
  REQUIRE(fw.has_value());
  std::string csv = siap::render_codebook_csv(*fw, siap::Lang::id);
  CHECK(csv.rfind("kolom,pertanyaan_id,pertanyaan_en,skala,jenis_skala,nilai,kebalikan,jalur,faset,simpul\r\n", 0) == 0);
  CHECK(std::count(csv.begin(), csv.end(), '\n') == 55);
  CHECK(csv.find("\r\nq03,Warga masih harus datang langsung ke kantor untuk sebagian besar layanan.,Citizens still have to come in person for most "
                 "services.,setuju,likert,1 = Sangat tidak setuju; 2 = Tidak setuju; 3 = Ragu-ragu; 4 = Setuju; 5 = Sangat setuju,ya,Smart "
                 "Governance > Pelayanan publik,pilar=implementasi,q03\r\n") != std::string::npos);
  std::string en = siap::render_codebook_csv(*fw, siap::Lang::en);
  CHECK(en.find(",1 = Strongly disagree; 2 = Disagree; 3 = Undecided; 4 = Agree; 5 = Strongly agree,yes,Smart Governance > Public service,") !=
        std::string::npos);
}

TEST_CASE("an answer with spaces becomes a choice name with '_' that siap reads back as the answer", "[questionnaire]") {
  auto fw = siap::resolve_framework(std::string(SIAP_SOURCE_DIR) + "/samples/frameworks/contoh-kesiapan.yaml");
  REQUIRE(fw.has_value());
  CHECK(siap::questionnaire_problems(*fw).empty());
  auto form = siap::build_questionnaire(*fw, {{siap::RegionTable::builtin().find_province("32").province}, "", "", ""});
  REQUIRE(form.has_value());
  std::vector<std::string> names;
  for (const auto* c : list(form->choices, "dokumen")) names.push_back(c->name);
  CHECK(names == std::vector<std::string>{"Lengkap", "Sebagian", "Tidak_ada"});
  CHECK(list(form->choices, "dokumen")[2]->label.id == "Tidak ada");
  // Read back: q3 'Tidak_ada' is the category 'Tidak ada' (score 1), like the other answers.
  std::vector<siap::NamedSource> sources;
  sources.push_back({"export.csv", std::make_unique<FakeRowSource>(std::vector<std::vector<std::string>>{
                                       {"id_responden", "kabupaten_kota", "kelompok", "q1", "q2", "masterplan", "q4", "q5"},
                                       {"1", "32.73", "pemerintah", "4", "2", "Tidak_ada", "ya", "50"},
                                   })});
  auto data = siap::load_sources(*fw, std::move(sources), siap::LoadOptions{});
  REQUIRE(data.has_value());
  CHECK(data->rows == 1);
  CHECK(data->quality.size() == 0);
}

TEST_CASE("the printable questionnaire: framework text stays text in HTML and Markdown", "[questionnaire]") {
  using namespace mini_framework;
  auto fw = siap::load_framework(with_line(21, "      - {id: a1, name: '<script>alert(1)</script> *tebal* | pipa', weight: 1}"), "fw.yaml");
  REQUIRE(fw.has_value());
  auto form = siap::build_questionnaire(*fw, {{siap::RegionTable::builtin().find_province("32").province}, "", "", ""});
  REQUIRE(form.has_value());
  std::string html = siap::render_questionnaire_html(*form, *fw, siap::Lang::id);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt; *tebal* | pipa") != std::string::npos);
  std::string md = siap::render_questionnaire_markdown(*form, *fw, siap::Lang::id);
  CHECK(md.find("\\<script\\>alert(1)\\</script\\> \\*tebal\\* \\| pipa `a1`") != std::string::npos);
  // The base framework's three items, numbered in order, each with its column.
  CHECK(html.find("<td class=\"no\">1</td><td>A1 <span class=\"code\">a1</span>") == std::string::npos);
  auto base = siap::load_framework(kBase, "fw.yaml");
  REQUIRE(base.has_value());
  auto base_form = siap::build_questionnaire(*base, {{siap::RegionTable::builtin().find_province("32").province}, "", "", ""});
  REQUIRE(base_form.has_value());
  std::string base_html = siap::render_questionnaire_html(*base_form, *base, siap::Lang::en);
  auto one = base_html.find("<td class=\"no\">1</td><td>A1 <span class=\"code\">a1</span>");
  auto two = base_html.find("<td class=\"no\">2</td><td>A2 <span class=\"code\">a2</span>");
  auto three = base_html.find("<td class=\"no\">3</td><td>B <span class=\"code\">b</span>");
  REQUIRE(one != std::string::npos);
  REQUIRE(two != std::string::npos);
  REQUIRE(three != std::string::npos);
  CHECK(one < two);
  CHECK(two < three);
}

TEST_CASE("a scale's declared no-answer marker is offered as a last choice, and reads back as no answer", "[questionnaire]") {
  using namespace mini_framework;
  auto fw = siap::load_framework(with_line(10, "  - {id: lima, type: ordinal, min: 1, max: 5, no_answer: [n/a, '99']}"), "fw.yaml");
  REQUIRE(fw.has_value());
  auto form = siap::build_questionnaire(*fw, {{siap::RegionTable::builtin().find_province("32").province}, "", "", ""});
  REQUIRE(form.has_value());
  auto choices = list(form->choices, "lima");
  REQUIRE(choices.size() == 6);
  CHECK(choices[5]->name == "99");  // "n/a" cannot be a choice name
  CHECK(choices[5]->label.en == "Don't know / no answer");
  std::vector<siap::NamedSource> sources;
  sources.push_back({"export.csv", std::make_unique<FakeRowSource>(std::vector<std::vector<std::string>>{
                                       {"wilayah", "a1", "a2", "b"},
                                       {"32.73", "4", "99", "2"},
                                   })});
  auto data = siap::load_sources(*fw, std::move(sources), siap::LoadOptions{});
  REQUIRE(data.has_value());
  CHECK(data->rows == 1);
  CHECK(data->files[0].cells_no_answer == 1);
  CHECK(data->quality.size() == 0);
}
