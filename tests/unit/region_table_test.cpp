#include "siap/regions.hpp"

#include <catch2/catch.hpp>

using siap::RegionCoding;
using siap::RegionMatch;
using siap::RegionTable;
using siap::RegionType;

namespace {
const RegionTable& table() { return RegionTable::builtin(); }
std::string found(const char* text, RegionCoding coding = RegionCoding::unspecified) {
  RegionMatch m = table().resolve(text, coding);
  return m.kind == RegionMatch::Kind::found ? table().at(m.region).code : "";
}
std::vector<std::string> candidates(const char* text) {
  std::vector<std::string> out;
  for (int c : table().resolve(text).candidates) out.push_back(table().describe(c));
  return out;
}
}  // namespace

TEST_CASE("the bundled table has 38 provinces and 514 kabupaten/kota", "[regions]") {
  // data-and-formats.md 1.1: 38 provinces, 514 regencies (416 Kabupaten + 98 Kota).
  int provinces = 0, kabupaten = 0, kota = 0;
  for (const auto& r : table().regions()) {
    provinces += r.type == RegionType::provinsi;
    kabupaten += r.type == RegionType::kabupaten;
    kota += r.type == RegionType::kota;
  }
  CHECK(provinces == 38);
  CHECK(kabupaten == 416);
  CHECK(kota == 98);
  // The type rule from the same source: code digits 3-4 are 01-69 for a kabupaten, 71-99 for a kota.
  for (const auto& r : table().regions()) {
    if (r.type == RegionType::provinsi) continue;
    int n = std::stoi(r.code.substr(3));
    INFO(r.code);
    CHECK((r.type == RegionType::kota) == (n >= 71));
  }
  CHECK(table().at(*table().find_code("32.73")).name == "Kota Bandung");
  CHECK(table().at(table().at(*table().find_code("32.73")).province).name == "Jawa Barat");
}

TEST_CASE("regions resolve from codes and common name variants", "[regions]") {
  CHECK(found("32.73") == "32.73");
  CHECK(found(" 32.04 ") == "32.04");
  CHECK(found("Kab. Bandung") == "32.04");
  CHECK(found("KABUPATEN BANDUNG") == "32.04");
  CHECK(found("Kota Bandung") == "32.73");
  CHECK(found("kota  bandung") == "32.73");
  CHECK(found("Kab. Bandung Barat") == "32.17");
  CHECK(found("KOTA BANJAR") == "32.79");
  CHECK(found("Kabupaten Pangandaran") == "32.18");
  CHECK(found("PARE PARE") == "73.72");
  CHECK(found("Kota Pare-Pare") == "73.72");
  CHECK(found("TANJUNG BALAI") == "12.74");
  CHECK(found("Kota Padang Sidempuan") == "12.77");  // renamed by UU 8/2023
  CHECK(found("Kab. Toba Samosir") == "12.12");      // renamed Toba
  CHECK(found("PAHUWATO") == "75.04");               // misspelling of Pohuwato
  CHECK(found("Kota Adm. Jakarta Selatan") == "31.74");
  CHECK(found("DKI Jakarta") == "31");
  CHECK(found("Prov. Jawa Barat") == "32");
  CHECK(found("Cianjur") == "32.03");  // a bare name with one region
}

TEST_CASE("a kabupaten and a kota with the same name are never confused", "[regions]") {
  CHECK(table().resolve("Bandung").kind == RegionMatch::Kind::ambiguous);
  CHECK(candidates("Bandung") == std::vector<std::string>{"Kabupaten Bandung (32.04)", "Kota Bandung (32.73)"});
  CHECK(candidates("BANJAR") == std::vector<std::string>{"Kota Banjar (32.79)", "Kabupaten Banjar (63.03)"});
  CHECK(candidates("Gorontalo").size() == 3);  // the province, the kabupaten and the kota
}

TEST_CASE("unknown names get the closest suggestions", "[regions]") {
  RegionMatch m = table().resolve("Kab. Bandng");
  CHECK(m.kind == RegionMatch::Kind::unknown);
  REQUIRE_FALSE(m.candidates.empty());
  CHECK(table().describe(m.candidates[0]) == "Kabupaten Bandung (32.04)");
  CHECK(table().resolve("Atlantis").candidates.empty());
  CHECK(table().resolve("99.99").kind == RegionMatch::Kind::unknown);
  CHECK(table().resolve("").kind == RegionMatch::Kind::empty);
}

TEST_CASE("undotted codes are never guessed", "[regions]") {
  // BPS 1103 is Aceh Selatan; Kemendagri 11.03 is another region. Only a declared coding decides.
  CHECK(table().resolve("3273").kind == RegionMatch::Kind::undotted_code);
  CHECK(found("3273", RegionCoding::kemendagri) == "32.73");
  CHECK(table().at(*table().find_code("11.01")).name == "Kabupaten Aceh Selatan");
}

TEST_CASE("search finds by part of a name or code, within a province", "[regions]") {
  CHECK(table().search("", "32").size() == 28);  // the province itself and its 27 kabupaten/kota
  auto bandung = table().search("bandung");
  CHECK(bandung.size() == 3);                 // Kabupaten Bandung, Kabupaten Bandung Barat, Kota Bandung
  CHECK(table().search("32.7").size() == 9);  // Jawa Barat's nine kota, 32.71-32.79
}

TEST_CASE("a name too long to be a region gets no suggestions, a long near miss still does", "[regions]") {
  std::string huge(1u << 20, 'b');
  RegionMatch m = table().resolve(huge);
  CHECK(m.kind == RegionMatch::Kind::unknown);
  CHECK(m.candidates.empty());
  CHECK(candidates("Kabupaten Bandung Baratt") == std::vector<std::string>{"Kabupaten Bandung Barat (32.17)"});
}

TEST_CASE("nicknames that name one region, a note in parentheses, a town or shared name is never guessed", "[regions]") {
  CHECK(found("Solo") == "33.72");  // Kota Surakarta
  CHECK(found("Kota Solo") == "33.72");
  CHECK(found("Kabupaten Solo").empty());
  CHECK(found("Jogja") == "34.71");  // Kota Yogyakarta
  CHECK(found("YOGYA") == "34.71");
  CHECK(found("Jaksel") == "31.74");
  // Purwokerto is a town in Kabupaten Banyumas, not a kabupaten/kota.
  CHECK(table().resolve("Purwokerto").kind == RegionMatch::Kind::unknown);
  // Pekalongan is both a kabupaten and a kota.
  CHECK(table().resolve("Pekalongan").kind == RegionMatch::Kind::ambiguous);
  CHECK(found("Kab. Semarang (Ungaran)") == "33.22");
  CHECK(found("Kota Bandung (Dinas Kominfo)") == "32.73");
  CHECK(table().resolve("Bogor (Cibinong)").kind == RegionMatch::Kind::ambiguous);  // the note does not decide
  CHECK(table().resolve("Bukan Wilayah (x)").kind == RegionMatch::Kind::unknown);
  // Brackets piled up cost one extra lookup, not one per bracket.
  std::string piled = "Kota Bandung";
  for (int i = 0; i < 100000; ++i) piled += " (x)";
  CHECK(table().resolve(piled).kind == RegionMatch::Kind::unknown);
}

TEST_CASE("a name's key: ASCII letters and digits lowercased, the type prefix and 'Administrasi' set apart", "[regions]") {
  auto key = [](std::string_view text) {
    const RegionTable::NameKey k = RegionTable::normalize_name(text);
    const char* type = !k.type ? "-" : *k.type == RegionType::kota ? "kota" : *k.type == RegionType::kabupaten ? "kab" : "prov";
    return std::string(type) + " " + k.key;
  };
  CHECK(key("Kab. Adm. Kepulauan Seribu") == "kab kepulauanseribu");
  CHECK(key("KOTA ADMINISTRASI Jakarta-Pusat") == "kota jakartapusat");
  CHECK(key("  kodya   Bandung ") == "kota bandung");
  CHECK(key("Prov. D.K.I. Jakarta") == "prov dkijakarta");
  CHECK(key("Kota") == "- kota");                                     // a name, not a prefix
  CHECK(key("Kabupaten Administrasi") == "- kabupatenadministrasi");  // nothing after the prefixes
  CHECK(key("Kab. Bandung Barat (Ngamprah)") == "kab bandungbaratngamprah");
  CHECK(key("\xC3\x96l\xC3\xA7"
            "ek 2") == "- lek2");  // bytes beyond ASCII separate words
  CHECK(key("Instansi 0000001") == "- instansi0000001");
  CHECK(key("") == "- ");
  CHECK(key(" .,-") == "- ");
}
