// The map rasteriser as a module (src/raster/svg_to_png.hpp): siap starts
// without librsvg and its forty libraries, loads them for the first map,
// and a binary copied without its module says so instead of failing to start.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "e2e/run_siap.hpp"

namespace fs = std::filesystem;

namespace {
const std::string kRoot = SIAP_SOURCE_DIR;
const std::string kSpbe = kRoot + "/samples/spbe-2020-jabar.csv";
}  // namespace

TEST_CASE("siap starts without librsvg or cairo, and loads them to draw a map", "[e2e][maps]") {
  // The dynamic loader lists what the binary loads at start, and runs nothing.
  auto listed = run_siap({}, "", {"LD_TRACE_LOADED_OBJECTS=1"});
  REQUIRE(listed.exit_code == 0);
  INFO(listed.out);
  CHECK(listed.out.find("libc.so") != std::string::npos);  // the listing is real
  CHECK(listed.out.find("librsvg") == std::string::npos);
  CHECK(listed.out.find("libcairo") == std::string::npos);
  CHECK(listed.out.find("libpango") == std::string::npos);

  ScratchDir out;
  auto r = run_siap({"assess", kSpbe, "-f", "spbe-2020", "--format", "map-png", "-o", out.path, "-q"});
  REQUIRE(r.exit_code == 0);
  const std::string png = read_file(out.file("peta.png"));
  REQUIRE(png.size() > 1000);
  CHECK(png.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
}

TEST_CASE("a siap copied without its rasteriser module names where it looked, and the workbook is still written", "[e2e][maps]") {
  ScratchDir alone;
  const std::string copy = alone.file("siap");
  fs::copy_file(SIAP_BINARY, copy);
  ScratchDir out;
  auto png = run_program(copy, {"assess", kSpbe, "-f", "spbe-2020", "--format", "map-png", "-o", out.path, "-q"});
  CHECK(png.exit_code == 3);  // an installation without its module: not the data's fault
  CHECK(png.err.find("modul penggambar peta (siap-raster.so) tidak ditemukan di: " + alone.file("siap-raster.so")) != std::string::npos);
  CHECK_FALSE(fs::exists(out.file("peta.png")));

  auto en = run_program(copy, {"--lang", "en", "assess", kSpbe, "-f", "spbe-2020", "--format", "map-png", "-o", out.path, "-q"});
  CHECK(en.exit_code == 3);
  CHECK(en.err.find("the map rasteriser module (siap-raster.so) was not found in: " + alone.file("siap-raster.so")) != std::string::npos);

  // The workbook puts the reason where the map would be, and the rest is written.
  auto xlsx = run_program(copy, {"assess", kSpbe, "-f", "spbe-2020", "--format", "xlsx,csv", "-o", out.path, "-q"});
  CHECK(xlsx.exit_code == 0);
  CHECK(fs::file_size(out.file("penilaian.xlsx")) > 10'000);
  CHECK(fs::exists(out.file("penilaian.csv")));
}
