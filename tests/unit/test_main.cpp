// The runner of the unit and end-to-end tests. The unit tests draw maps in
// process: the rasteriser module is in the build tree, not beside the
// runner, so it is named before any test runs.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#ifdef SIAP_RASTER_MODULE
#include "report/svg_rasteriser.hpp"
#endif

int main(int argc, char* argv[]) {
#ifdef SIAP_RASTER_MODULE
  siap::report::use_raster_module(SIAP_RASTER_MODULE);
#endif
  return Catch::Session().run(argc, argv);
}
