// `siap assess`, `siap validate` and `siap regions` end to end.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "e2e/run_siap.hpp"

using json = nlohmann::json;

namespace {
const std::string kRoot = SIAP_SOURCE_DIR;
const std::string kSpbe = kRoot + "/samples/spbe-2020-jabar.csv";
const std::string kSurvey = kRoot + "/samples/contoh-kesiapan-survei.csv";
const std::string kContoh = kRoot + "/samples/frameworks/contoh-kesiapan.yaml";
}  // namespace

TEST_CASE("assess prints a ranked table of all 27 Jawa Barat regions", "[e2e][assess]") {
  auto r = run_siap({"assess", kSpbe, "-f", "spbe-2020"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("WILAYAH") != std::string::npos);
  CHECK(r.out.find("Kota Banjar") != std::string::npos);  // "KOTA BANJAR" resolved
  CHECK(r.out.find("27 unit: 27 dinilai") != std::string::npos);
  for (std::size_t start = 0, end; (end = r.out.find('\n', start)) != std::string::npos; start = end + 1) {
    INFO(r.out.substr(start, end - start));
    CHECK(end - start <= 100 + 10);  // readable in 100 columns (UTF-8 dashes count as bytes)
  }
}

TEST_CASE("assess --format json pipes to stdout with the documented schema", "[e2e][assess][json]") {
  auto r = run_siap({"assess", kSpbe, "-f", "spbe-2020", "--format", "json"});
  REQUIRE(r.exit_code == 0);
  auto j = json::parse(r.out);
  CHECK(j["schema"] == "siap/assessment/v1");
  CHECK(j["framework"]["id"] == "spbe-2020");
  CHECK(j["inputs"][0]["sha256"].get<std::string>().size() == 64);
  CHECK(j["counts"]["rows_read"] == 27);
  CHECK(j["units"].size() == 27);
  const auto& first = j["units"][0];
  CHECK(first["rank"] == 1);
  CHECK(first["nodes"].contains("i47"));
  CHECK(first["index"]["exact_is_exact"] == true);
  // Every unit's index equals the weighted sum of its levels (recomputed here from the JSON leaves).
  for (const auto& u : j["units"]) {
    double index = 0;
    for (int i = 1; i <= 47; ++i) {
      std::string id = (i < 10 ? "i0" : "i") + std::to_string(i);
      double w = i <= 10 ? 1.3 : i <= 20 ? 2.5 : i <= 31 ? 1.5 : i <= 41 ? 2.75 : 3.0;
      index += w * std::stod(u["nodes"][id]["exact"].get<std::string>()) / 100.0;
    }
    CHECK(std::stod(u["index"]["exact"].get<std::string>()) == Approx(index).margin(1e-9));
  }
}

TEST_CASE("assess writes every format and quality.csv into -o DIR", "[e2e][assess]") {
  ScratchDir dir;
  std::string out = dir.file("hasil/baru");  // created if missing
  auto r = run_siap({"assess", kSurvey, "-f", kContoh, "--format", "text,json,csv,md", "-o", out});
  REQUIRE(r.exit_code == 0);
  for (const char* name : {"penilaian.txt", "penilaian.json", "penilaian.csv", "penilaian.md", "quality.csv"}) {
    INFO(name);
    CHECK(std::filesystem::exists(out + "/" + name));
  }
  CHECK(r.out.empty());
  std::string quality = read_file(out + "/quality.csv");
  // The planted problems of samples/README.md, and nothing else.
  CHECK(quality.find("38,identitas/kabupaten_kota,Bandung,baris ditolak,ambiguous_region") != std::string::npos);
  CHECK(quality.find("39,identitas/kabupaten_kota,,baris ditolak,no_region") != std::string::npos);
  CHECK(quality.find("40,_id,1001,baris ditolak,duplicate_respondent") != std::string::npos);
  CHECK(quality.find("41,tata_kelola/q1,7,sel diabaikan,out_of_scale") != std::string::npos);
  CHECK(quality.find("42,tata_kelola/rencana_induk,Belum,sel diabaikan,unknown_answer") != std::string::npos);
  CHECK(quality.find("43,identitas/kabupaten_kota,Kota Garut,baris ditolak,unknown_region") != std::string::npos);
  CHECK(std::count(quality.begin(), quality.end(), '\n') == 7);  // header + 6
  auto j = json::parse(read_file(out + "/penilaian.json"));
  CHECK(j["counts"]["rows_read"] == 43);
  CHECK(j["counts"]["rows_accepted"] == 39);
  CHECK(j["counts"]["rows_rejected"] == 4);
  CHECK(j["counts"]["units_not_assessed"] == 1);
  CHECK(j["inputs"][0]["delimiter"] == ";");
  CHECK(j["inputs"][0]["decimal_comma"] == true);
}

TEST_CASE("assess --strict exits 1 and writes nothing when the data has problems", "[e2e][assess][strict]") {
  ScratchDir dir;
  auto r = run_siap({"assess", kSurvey, "-f", kContoh, "-o", dir.file("x"), "--strict", "--lang", "en"});
  CHECK(r.exit_code == 1);
  CHECK_FALSE(std::filesystem::exists(dir.file("x")));
  CHECK(r.err.find("--strict: 6 problems in the data; no report written") != std::string::npos);
  auto clean = run_siap({"assess", kSpbe, "-f", "spbe-2020", "--strict"});
  CHECK(clean.exit_code == 0);
}

TEST_CASE("assess reads stdin and several files as one study", "[e2e][assess]") {
  ScratchDir dir;
  write_file(dir.file("a.csv"), "instansi,D1,D2,D3,D4\nKab. Magelang,4.90,2.40,1.09,3.76\n");
  write_file(dir.file("b.csv"), "Instansi;d1;d2;d3;d4\nKota Bandung;3,405;3,405;3,405;3,405\n");
  auto r = run_siap({"assess", dir.file("a.csv"), dir.file("b.csv"), "-f", "spbe-2020", "--format", "csv", "--lang", "en"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("32.73,Kota Bandung,City,Jawa Barat,1,1,1,1,3.41,Good") != std::string::npos);
  CHECK(r.out.find("33.08,Kabupaten Magelang,Regency,Jawa Tengah,1,2,1,1,3.13,Good") != std::string::npos);
  // "-" is standard input: run through a shell redirect.
  std::string cmd = std::string(SIAP_BINARY) + " assess - -f spbe-2020 --format json < " + dir.file("a.csv") + " > " + dir.file("out.json");
  REQUIRE(std::system(cmd.c_str()) == 0);
  CHECK(json::parse(read_file(dir.file("out.json")))["units"][0]["index"]["published"] == 3.13);
}

TEST_CASE("assess exit codes: bad data 1, usage 2", "[e2e][assess]") {
  ScratchDir dir;
  write_file(dir.file("missing-col.csv"), "kabupaten_kota,kelompok,q1,q2,masterpla,q4,q5\nKota Bandung,warga,3,3,Ada,ya,50\n");
  auto missing = run_siap({"assess", dir.file("missing-col.csv"), "-f", kContoh, "--lang", "en"});
  CHECK(missing.exit_code == 1);
  CHECK(missing.err == "siap: error: " + dir.file("missing-col.csv") + ":1: required columns missing: 'masterplan' (closest: 'masterpla')\n");
  write_file(dir.file("few.csv"), "wilayah,D1\nKota Bandung,3\n");
  auto many = run_siap({"assess", dir.file("few.csv"), "-f", "spbe-2020", "--lang", "en"});
  CHECK(many.err.find("required columns missing: 'i11', 'i12'") != std::string::npos);
  CHECK(many.err.find("and 27 more") != std::string::npos);  // D1 covers i01-i10; 37 missing, 10 named
  write_file(dir.file("latin1.csv"), "instansi,D1,D2,D3,D4\nKota Bandung,3,3,3,3\nKab. Garut \xE9,3,3,3,3\n");
  auto latin = run_siap({"assess", dir.file("latin1.csv"), "-f", "spbe-2020", "--lang", "en"});
  CHECK(latin.exit_code == 1);
  CHECK(latin.err.find("latin1.csv:3: the file is not valid UTF-8") != std::string::npos);
  CHECK(run_siap({"assess", dir.file("nope.csv"), "-f", "spbe-2020"}).exit_code == 1);
  CHECK(run_siap({"assess", kSpbe}).exit_code == 2);  // no framework
  CHECK(run_siap({"assess", kSpbe, "-f", "spbe-2020", "--format", "pdf"}).exit_code == 2);
  CHECK(run_siap({"assess", kSpbe, "-f", "spbe-2020", "--format", "json,csv"}).exit_code == 2);  // several need -o
  CHECK(run_siap({"assess", kSpbe, "-f", "spbe-2020", "--region-codes", "bps"}).exit_code == 2);
}

TEST_CASE("undotted codes need a declared coding", "[e2e][assess][regions]") {
  ScratchDir dir;
  write_file(dir.file("codes.csv"), "instansi,D1,D2,D3,D4\n3273,3,3,3,3\n");
  // Its only row rejected, nothing can be scored: exit 1, the reason in the log.
  auto r = run_siap({"validate", dir.file("codes.csv"), "-f", "spbe-2020", "--lang", "en"});
  CHECK(r.exit_code == 1);
  CHECK(r.out.find(",undotted_code,") != std::string::npos);
  CHECK(run_siap({"assess", dir.file("codes.csv"), "-f", "spbe-2020", "--format", "json"}).exit_code == 1);
  auto ok = run_siap({"assess", dir.file("codes.csv"), "-f", "spbe-2020", "--format", "json", "--region-codes", "kemendagri"});
  CHECK(json::parse(ok.out)["units"][0]["code"] == "32.73");
}

TEST_CASE("hostile text from input stays inert in CSV and Markdown", "[e2e][assess][hostile]") {
  ScratchDir dir;
  write_file(dir.file("h.csv"),
             "instansi,D1,D2,D3,D4\n\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",3,3,3,3\n<script>alert(1)</script>,2,2,2,2\n- daftar,1,1,1,1\n");
  auto csv = run_siap({"assess", dir.file("h.csv"), "-f", "spbe-2020", "--allow-non-regions", "--format", "csv"});
  REQUIRE(csv.exit_code == 0);
  CHECK(csv.out.find("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"") != std::string::npos);
  auto md = run_siap({"assess", dir.file("h.csv"), "-f", "spbe-2020", "--allow-non-regions", "--format", "md"});
  CHECK(md.out.find("<script>") == std::string::npos);
  CHECK(md.out.find("\\<script\\>") != std::string::npos);
  CHECK(md.out.find("### \\- daftar") != std::string::npos);  // a heading, not a list item
}

TEST_CASE("validate prints the quality log and exits 1 on problems", "[e2e][validate]") {
  auto r = run_siap({"validate", kSurvey, "-f", kContoh});
  CHECK(r.exit_code == 1);
  CHECK(r.out.rfind("berkas,baris,kolom,nilai,akibat,kode,alasan", 0) == 0);
  CHECK(r.err.find("43 baris dibaca: 39 diterima, 4 ditolak; 2 sel diabaikan") != std::string::npos);
  CHECK(run_siap({"validate", kSpbe, "-f", "spbe-2020"}).exit_code == 0);
}

TEST_CASE("regions lists and searches", "[e2e][regions]") {
  auto all = run_siap({"regions", "--format", "json"});
  REQUIRE(all.exit_code == 0);
  CHECK(json::parse(all.out).size() == 552);  // 38 + 514
  auto jabar = run_siap({"regions", "--province", "32", "--format", "json"});
  CHECK(json::parse(jabar.out).size() == 28);
  auto bandung = run_siap({"regions", "bandung"});
  CHECK(bandung.out.find("32.73  Kota       Kota Bandung") != std::string::npos);
  auto typo = run_siap({"regions", "Kab. Bandng"});
  CHECK(typo.out.find("Kabupaten Bandung") != std::string::npos);
  CHECK(run_siap({"regions", "--province", "99"}).exit_code == 2);
}

TEST_CASE("the readiness sample's quality log lists exactly the planted problems", "[e2e][samples]") {
  ScratchDir dir;
  auto r = run_siap({"assess", kRoot + "/samples/kominfo-readiness-jabar.csv", "-f", "kominfo-readiness", "--format", "json", "-o", dir.path});
  REQUIRE(r.exit_code == 0);
  // samples/README.md lists them; the generator plants them at fixed rows.
  std::string f = kRoot + "/samples/kominfo-readiness-jabar.csv";
  CHECK(read_file(dir.file("quality.csv")) ==
        "berkas,baris,kolom,nilai,akibat,kode,alasan\r\n" + f + ",12,q05,6,sel diabaikan,out_of_scale,di luar skala 1–5\r\n" + f +
            ",502,q21,0,sel diabaikan,out_of_scale,di luar skala 1–5\r\n" + f + ",702,kabupaten_kota,,baris ditolak,no_region,wilayah kosong\r\n" +
            f + ",1202,q54,9,sel diabaikan,out_of_scale,di luar skala 1–5\r\n" + f +
            ",1456,id_responden,R00301,baris ditolak,duplicate_respondent,id responden ganda (pertama di " + f + ":302)\r\n");
  auto j = json::parse(read_file(dir.file("penilaian.json")));
  CHECK(j["counts"]["rows_read"] == 1455);
  CHECK(j["counts"]["rows_accepted"] == 1453);
  CHECK(j["counts"]["units"] == 27);
  CHECK(j["counts"]["units_assessed"] == 27);
  CHECK(j["units"][0]["facets"]["pilar"].contains("struktur"));
}

TEST_CASE("every bundled sample assesses with its framework", "[e2e][samples]") {
  const std::vector<std::vector<std::string>> runs = {{kRoot + "/samples/spbe-2020-jabar.csv", "spbe-2020"},
                                                      {kRoot + "/samples/spbe-2018-denpasar.csv", "spbe-2018"},
                                                      {kRoot + "/samples/pemdi-2026-jabar.csv", "pemdi-2026"},
                                                      {kRoot + "/samples/kominfo-evaluation-jabar.csv", "kominfo-evaluation"},
                                                      {kRoot + "/samples/kominfo-readiness-jabar.csv", "kominfo-readiness"},
                                                      {kRoot + "/samples/garuda-gscm-jabar.csv", "garuda-gscm"},
                                                      {kSurvey, kContoh}};
  for (const auto& run : runs) {
    INFO(run[0]);
    auto r = run_siap({"assess", run[0], "-f", run[1], "--format", "json"});
    REQUIRE(r.exit_code == 0);
    auto j = json::parse(r.out);
    CHECK(j["counts"]["rows_read"].get<int>() == j["counts"]["rows_accepted"].get<int>() + j["counts"]["rows_rejected"].get<int>());
    CHECK(j["counts"]["units_assessed"].get<int>() > 0);
  }
}

TEST_CASE("a quote left open is reported, not silently swallowed", "[e2e][assess][csv]") {
  ScratchDir dir;
  write_file(dir.file("open.csv"), "instansi,D1,D2,D3,D4\nKota Bandung,3,3,3,3\n\"Kota Bogor,3,3,3,3\nKota Depok,3,3,3,3\n");
  auto r = run_siap({"assess", dir.file("open.csv"), "-f", "spbe-2020", "--format", "json", "--lang", "en"});
  REQUIRE(r.exit_code == 0);
  auto j = json::parse(r.out);
  bool found = false;
  for (const auto& q : j["quality"]) {
    if (q["code"] == "unterminated_quote") {
      found = true;
      CHECK(q["line"] == 3);
    }
  }
  CHECK(found);
  CHECK(run_siap({"assess", dir.file("open.csv"), "-f", "spbe-2020", "--strict"}).exit_code == 1);
}

namespace {
std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}
const std::string kDenpasar = kRoot + "/samples/spbe-2018-denpasar.csv";
}  // namespace

TEST_CASE("the HTML report shows Denpasar's published 2018 result in both languages", "[e2e][assess][html]") {
  // Published: index 2.64 (Baik), domains 2.06 / 2.29 / 3.00; Sangat Baik starts at 3.5.
  auto id = run_siap({"assess", kDenpasar, "-f", "spbe-2018", "--format", "html", "--title", "Evaluasi SPBE Denpasar 2018"}, "",
                     {"SOURCE_DATE_EPOCH=1542931200"});
  REQUIRE(id.exit_code == 0);
  CHECK(id.out.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(id.out.find("<html lang=\"id\">") != std::string::npos);
  CHECK(id.out.find("<title>Evaluasi SPBE Denpasar 2018</title>") != std::string::npos);
  CHECK(id.out.find("2018-11-23") != std::string::npos);  // the report date from SOURCE_DATE_EPOCH
  CHECK(id.out.find("<b>2,64</b>") != std::string::npos);
  CHECK(id.out.find(">2,06<") != std::string::npos);
  CHECK(id.out.find(">2,29<") != std::string::npos);
  CHECK(id.out.find(">3,00<") != std::string::npos);
  CHECK(id.out.find("background:#A6DBA0;color:#000000;padding:1px 6px;border-radius:3px\">Baik<") != std::string::npos);
  CHECK(id.out.find("Kurang <b>0,86</b> lagi untuk mencapai <i>Sangat Baik</i>") != std::string::npos);  // 3.50 - 2.64
  CHECK(count(id.out, "<article class=\"profile\">") == 1);
  CHECK(count(id.out, "<svg") == 2);  // the radar, and the map of Bali with Kota Denpasar in its band
  CHECK(count(id.out, "data-code=\"51.") == 9);
  CHECK(id.out.find("<path d=\"M") != std::string::npos);
  CHECK(id.out.find("<script") == std::string::npos);

  auto en = run_siap({"assess", kDenpasar, "-f", "spbe-2018", "--format", "html", "--lang", "en"});
  REQUIRE(en.exit_code == 0);
  CHECK(en.out.find("<html lang=\"en\">") != std::string::npos);
  CHECK(en.out.find("<h2>Ranking</h2>") != std::string::npos);
  CHECK(en.out.find("<b>2.64</b>") != std::string::npos);
  CHECK(en.out.find(">Good<") != std::string::npos);
}

TEST_CASE("profiles drawn are chosen with --profiles-for, unknown names get a suggestion", "[e2e][assess][html]") {
  auto all = run_siap({"assess", kSpbe, "-f", "spbe-2020", "--format", "html"});
  REQUIRE(all.exit_code == 0);
  CHECK(count(all.out, "<article class=\"profile\">") == 27);
  auto two = run_siap({"assess", kSpbe, "-f", "spbe-2020", "--format", "html", "--profiles-for", "32.73,kota bogor"});
  REQUIRE(two.exit_code == 0);
  CHECK(count(two.out, "<article class=\"profile\">") == 2);
  CHECK(two.out.find("<h3>Kota Bandung</h3>") != std::string::npos);
  CHECK(two.out.find("<h3>Kota Bogor</h3>") != std::string::npos);
  auto typo = run_siap({"assess", kSpbe, "-f", "spbe-2020", "--format", "html", "--profiles-for", "Kota Bandungg"});
  CHECK(typo.exit_code == 2);
  CHECK(typo.err.find("unit 'Kota Bandungg' tidak ada dalam data; mungkin maksudnya 'Kota Bandung'?") != std::string::npos);
}

TEST_CASE("xlsx needs an output directory and is written there with the other reports", "[e2e][assess][xlsx]") {
  auto no_dir = run_siap({"assess", kSpbe, "-f", "spbe-2020", "--format", "xlsx"});
  CHECK(no_dir.exit_code == 2);
  CHECK(no_dir.err.find("xlsx memerlukan -o DIR") != std::string::npos);
  ScratchDir dir;
  auto r = run_siap({"assess", kSpbe, "-f", "spbe-2020", "--format", "xlsx,html,md", "-o", dir.path, "--lang", "en"});
  REQUIRE(r.exit_code == 0);
  std::string xlsx = read_file(dir.file("assessment.xlsx"));
  CHECK(xlsx.rfind("PK\x03\x04", 0) == 0);  // a ZIP container
  CHECK(std::filesystem::exists(dir.file("assessment.html")));
  CHECK(std::filesystem::exists(dir.file("quality.csv")));
  std::string md = read_file(dir.file("assessment.md"));
  CHECK(md.find("## Regional profiles") != std::string::npos);
  CHECK(md.find("## Method") != std::string::npos);
  // Nothing but the reports is left behind: no temporary files.
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir.path)) ++files;
  CHECK(files == 4);
}

TEST_CASE("a file of bad cells: reports list a few per kind and count all, quality.csv and validate have every one", "[e2e][quality]") {
  // 300 rows of the SPBE 2020 sheet with every level out of the 1-5 scale:
  // 300 x 47 = 14,100 ignored cells, in 47 groups (one per column), and one good row.
  ScratchDir dir;
  std::string csv = "instansi";
  for (int i = 1; i <= 47; ++i) csv += (i < 10 ? ",i0" : ",i") + std::to_string(i);
  csv += "\n";
  for (int r = 0; r < 300; ++r) {
    csv += "OPD " + std::to_string(r);
    for (int i = 0; i < 47; ++i) csv += ",9";
    csv += "\n";
  }
  // One good row, so that there is something to score (a file of nothing
  // but bad cells is an error with no report: "nothing can be scored").
  csv += "OPD baik";
  for (int i = 0; i < 47; ++i) csv += ",3";
  csv += "\n";
  write_file(dir.file("bad.csv"), csv);
  auto r = run_siap(
      {"--lang", "en", "assess", dir.file("bad.csv"), "-f", "spbe-2020", "--allow-non-regions", "--format", "json,text", "-o", dir.file("out")});
  REQUIRE(r.exit_code == 0);
  auto j = json::parse(read_file(dir.file("out/assessment.json")));
  CHECK(j["counts"]["cells_ignored"] == 14100);
  CHECK(j["counts"]["issues"] == 14100);
  CHECK(j["quality_groups"].size() == 47);
  CHECK(j["quality_groups"][0]["count"] == 300);
  CHECK(j["quality_groups"][0]["code"] == "out_of_scale");
  CHECK(j["quality"].size() == 47 * 5);
  CHECK(j["quality_elided"] == 14100 - 47 * 5);
  // quality.csv: a header and one line per ignored cell, in line order.
  std::string quality = read_file(dir.file("out/quality.csv"));
  std::size_t lines = 0;
  for (char c : quality) lines += c == '\n';
  CHECK(lines == 1 + 14100);
  CHECK(quality.find("bad.csv,2,i01,9,cell ignored,out_of_scale,") != std::string::npos);
  CHECK(quality.rfind("bad.csv,301,i47,9,cell ignored,out_of_scale,") != std::string::npos);
  // siap validate prints the same full log on stdout (exit 1: there are problems).
  auto v = run_siap({"--lang", "en", "validate", dir.file("bad.csv"), "-f", "spbe-2020", "--allow-non-regions"});
  CHECK(v.exit_code == 1);
  CHECK(v.out == quality);
  // Without -o the terminal gets ten examples and the count of the rest.
  auto t = run_siap({"--lang", "en", "assess", dir.file("bad.csv"), "-f", "spbe-2020", "--allow-non-regions"});
  CHECK(t.exit_code == 0);
  CHECK(t.err.find("14090 more problems") != std::string::npos);
}

TEST_CASE("a worker thread's failure reaches main and exits 3 with a message, never std::terminate", "[e2e][assess][internal]") {
  // The sample has respondent ids, whose duplicate check sorts on two threads;
  // the hook makes the second thread throw std::bad_alloc (util/parallel.cpp).
  ScratchDir dir;
  auto r = run_siap({"assess", kSurvey, "-f", kContoh, "--format", "json", "-o", dir.path}, "", {"SIAP_TEST_WORKER_FAILURE=1"});
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("internal error") != std::string::npos);
  CHECK(r.err.find("kesalahan internal") != std::string::npos);
  CHECK(r.out.empty());
  auto clean = run_siap({"assess", kSurvey, "-f", kContoh, "--format", "json"});
  CHECK(clean.exit_code == 0);
}

TEST_CASE("assess --name names every file of a run, so that two runs share a folder", "[e2e][assess]") {
  ScratchDir dir;
  const std::string sample = std::string(SIAP_SOURCE_DIR) + "/samples/spbe-2020-jabar.csv";
  for (const char* name : {"jabar-2025", "jabar-2026"}) {
    auto r = run_siap({"assess", sample, "-f", "spbe-2020", "--format", "md,json,map", "--name", name, "-o", dir.path, "-q"});
    REQUIRE(r.exit_code == 0);
  }
  for (const char* file : {"jabar-2025.md", "jabar-2025.json", "jabar-2025-peta.svg", "jabar-2025-quality.csv", "jabar-2026.md", "jabar-2026.json",
                           "jabar-2026-peta.svg", "jabar-2026-quality.csv"}) {
    CAPTURE(file);
    CHECK(std::filesystem::exists(dir.file(file)));
  }
  CHECK_FALSE(std::filesystem::exists(dir.file("penilaian.md")));
  // The report names the quality log it was written beside.
  CHECK(read_file(dir.file("jabar-2026.md")).find("ada di jabar-2026-quality.csv.") != std::string::npos);
  auto folder = run_siap({"assess", sample, "-f", "spbe-2020", "--name", "../luar", "-o", dir.path});
  CHECK(folder.exit_code == 2);
  auto stdout_only = run_siap({"assess", sample, "-f", "spbe-2020", "--name", "x"});
  CHECK(stdout_only.exit_code == 2);
  CHECK(stdout_only.err.find("--name memerlukan -o DIR") != std::string::npos);
}

TEST_CASE("a CSV-only run keeps the top-level scores only and writes the same CSV as a run that keeps every node", "[e2e][assess][scope]") {
  // --format csv alone assesses with NodeScope::top; with json beside it every node is kept.
  const std::vector<std::vector<std::string>> runs = {{kSpbe, "spbe-2020"}, {kSurvey, kContoh}};
  for (const auto& run : runs) {
    INFO(run[0]);
    ScratchDir dir;
    auto top = run_siap({"assess", run[0], "-f", run[1], "--format", "csv", "-o", dir.file("top")});
    auto all = run_siap({"assess", run[0], "-f", run[1], "--format", "csv,json", "-o", dir.file("all")});
    REQUIRE(top.exit_code == 0);
    REQUIRE(all.exit_code == 0);
    const std::string csv = read_file(dir.file("top/penilaian.csv"));
    CHECK(std::count(csv.begin(), csv.end(), '\n') > 5);  // a header and the units
    CHECK(csv == read_file(dir.file("all/penilaian.csv")));
  }
}

TEST_CASE("a national unit sheet's CSV, written in blocks, is the same on stdout and in -o DIR, every unit once with its index",
          "[e2e][assess][csv]") {
  // 25,000 instansi (above the threshold at which the CSV is written in
  // blocks): unit k scores v = 1 + (k mod 401) / 100 on all five dimensions,
  // so its index is v whatever the weights, and its rank is one more than
  // the number of units with a larger v (ties share a rank).
  constexpr int kUnits = 25'000;
  ScratchDir dir;
  std::string sheet = "kabupaten_kota;baseline;output;outcome;impact;quick_win\n";
  std::vector<int> at(401, 0);  // units per k mod 401
  for (int k = 0; k < kUnits; ++k) {
    const int v = 100 + k % 401;
    const std::string cell = std::to_string(v / 100) + "," + (v % 100 < 10 ? "0" : "") + std::to_string(v % 100);
    sheet += "Instansi " + std::to_string(100'000 + k);
    for (int d = 0; d < 5; ++d) sheet += ";" + cell;
    sheet += "\n";
    ++at[std::size_t(k % 401)];
  }
  write_file(dir.file("evaluasi.csv"), sheet);
  auto piped = run_siap({"assess", dir.file("evaluasi.csv"), "-f", "kominfo-evaluation", "--allow-non-regions", "--format", "csv", "-q"});
  auto written =
      run_siap({"assess", dir.file("evaluasi.csv"), "-f", "kominfo-evaluation", "--allow-non-regions", "--format", "csv", "-o", dir.file("hasil")});
  REQUIRE(piped.exit_code == 0);
  REQUIRE(written.exit_code == 0);
  const std::string csv = read_file(dir.file("hasil/penilaian.csv"));
  CHECK(csv == piped.out);
  CHECK(std::count(csv.begin(), csv.end(), '\n') == kUnits + 1);
  std::vector<bool> seen(kUnits, false);
  std::size_t wrong = 0;
  std::size_t start = csv.find('\n') + 1;
  for (std::size_t end; (end = csv.find("\r\n", start)) != std::string::npos; start = end + 2) {
    const std::string row = csv.substr(start, end - start);
    // ",Instansi N,Lainnya,,1,rank,rank,,index,..."
    const std::size_t name_at = row.find("Instansi ") + 9;
    const int k = std::stoi(row.substr(name_at, 6)) - 100'000;
    REQUIRE(k >= 0);
    REQUIRE(k < kUnits);
    CHECK(!seen[std::size_t(k)]);
    seen[std::size_t(k)] = true;
    int above = 0;
    for (int m = k % 401 + 1; m < 401; ++m) above += at[std::size_t(m)];
    const int v = 100 + k % 401;
    const std::string index = std::to_string(v / 100) + "." + (v % 100 < 10 ? "0" : "") + std::to_string(v % 100);
    const std::string expected = ",Instansi " + std::to_string(100'000 + k) + ",Lainnya,,1," + std::to_string(above + 1) + "," +
                                 std::to_string(above + 1) + ",," + index + ",";
    if (row.rfind(expected, 0) != 0 && wrong++ < 3) CHECK(row == expected);
  }
  CHECK(wrong == 0);
  CHECK(std::count(seen.begin(), seen.end(), true) == kUnits);
}
