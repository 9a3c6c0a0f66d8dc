// Choropleth maps: the kabupaten/kota of the provinces in an assessment
// coloured by band (or, without bands, by score class), and the provinces of
// a roll-up. One SVG, no script: a region's name, score and band are in its
// <title> (shown on hover), the legend and the source credit are drawn in.
// The HTML report inlines it; librsvg rasterises it for the workbook and
// peta.png, in a module loaded on the first map (svg_rasteriser.hpp).
#pragma once

#include <string>
#include <vector>

#include "siap/assessment.hpp"
#include "siap/expected.hpp"
#include "siap/rollup.hpp"
#include "siap/text.hpp"

namespace siap::report {

struct MapRegion {
  std::string code;   // Kemendagri
  std::string name;   // "Kota Bandung"
  std::string fill;   // "#A8D08D"
  std::string value;  // "2,41", or "–"
  std::string state;  // the band's label, "Tidak Dapat Dinilai" or "tidak ada data"; "" without bands
  std::string label;  // "Kota Bandung: 2,41 · Belum siap", the hover text
  bool drawn = true;  // false: no boundary for it
};

struct MapLegendEntry {
  std::string label;
  std::string fill;
};

struct MapSpec {
  bool provinces = false;          // the shapes are provinces
  std::vector<MapRegion> regions;  // every shape in view, in code order
  std::vector<MapLegendEntry> legend;
  std::string title;
  std::string credit;  // the boundaries' source and licence
};

// The kabupaten/kota map of `a`: every kabupaten/kota of the provinces that
// have one in the data, coloured by the index's band; the ones in the data
// but not assessable and the ones not in the data in two greys. Empty
// regions when the assessment has no kabupaten/kota.
MapSpec kabupaten_kota_map(const Assessment& a, Lang lang);
// The provinces of a roll-up, coloured by band.
MapSpec province_map(const Rollup& rollup, Lang lang);

// The map as an SVG document (also valid inline in HTML), `width` pixels wide.
std::string map_svg(const MapSpec& spec, double width = 760);
// The same rasterised by librsvg at `scale` (2: twice the pixels, for
// print); fails when the rasteriser module is missing (svg_rasteriser.hpp).
Expected<std::string> map_png(const MapSpec& spec, double scale = 2);

}  // namespace siap::report
