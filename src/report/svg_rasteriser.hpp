// SVG to PNG through the rasteriser module (siap-raster.so, librsvg and
// cairo; src/raster/svg_to_png.hpp), loaded on the first map drawn: a run
// that draws none never loads those libraries.
#pragma once

#include <string>
#include <string_view>

#include "siap/expected.hpp"

namespace siap::report {

// The PNG of `svg` at `scale` times its size. Fails, saying where it looked,
// when the module is missing or of another version (a binary copied
// without it), or with librsvg's reason when it cannot draw the document.
Expected<std::string> svg_to_png(std::string_view svg, double scale);

// The module is looked for beside the program, then where `cmake --install`
// puts it relative to the program (SIAP_RASTER_INSTALL_DIR). A program
// elsewhere (the test runners and fuzzers, in the build tree) names it here,
// before the first map; then only `path` is tried.
void use_raster_module(std::string path);

}  // namespace siap::report
