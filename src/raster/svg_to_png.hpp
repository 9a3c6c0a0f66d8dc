// The rasteriser module's entry point, shared by the module
// (src/raster/svg_to_png.cpp, built as siap-raster.so) and the code that
// loads it (src/report/svg_rasteriser.cpp). librsvg and cairo bring about
// forty shared libraries, whose loading was half of a run's start on the
// development VM (32-37 ms before, 16-17 ms after): the module keeps them
// out of every run that draws no map. A plain C interface, so that nothing but bytes crosses it;
// the name carries a version, so that a module of another version is
// refused rather than called wrongly.
#pragma once

#include <cstddef>

extern "C" {
// Receives the PNG's bytes, in pieces, in order.
typedef void (*siap_png_sink)(void* closure, const unsigned char* data, size_t size);

// Draws the SVG document `svg` (`svg_size` bytes) at `scale` times its
// intrinsic size into `sink`. 0 on success; otherwise 1, with why (librsvg's
// or cairo's message) in `error`, NUL-terminated and cut to `error_size`.
int siap_svg_to_png_v1(const char* svg, size_t svg_size, double scale, siap_png_sink sink, void* closure, char* error, size_t error_size);
}

#define SIAP_SVG_TO_PNG_SYMBOL "siap_svg_to_png_v1"
