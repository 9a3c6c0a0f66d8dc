// siap-raster.so: an SVG document to PNG with librsvg and cairo (see
// svg_to_png.hpp for why this is a module of its own).
#include "raster/svg_to_png.hpp"

#include <librsvg/rsvg.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>

namespace {

struct Sink {
  siap_png_sink write;
  void* closure;
  bool wrote = false;
};

void set_error(char* error, size_t error_size, const std::string& why) {
  if (error == nullptr || error_size == 0) return;
  const size_t n = std::min(why.size(), error_size - 1);
  std::memcpy(error, why.data(), n);
  error[n] = '\0';
}

}  // namespace

extern "C" int siap_svg_to_png_v1(const char* svg, size_t svg_size, double scale, siap_png_sink sink, void* closure, char* error, size_t error_size) {
  GError* failure = nullptr;
  RsvgHandle* handle = rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(svg), svg_size, &failure);
  if (!handle) {
    set_error(error, error_size, failure ? failure->message : "librsvg");
    if (failure) g_error_free(failure);
    return 1;
  }
  gdouble w = 0, h = 0;
  rsvg_handle_get_intrinsic_size_in_pixels(handle, &w, &h);
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, int(std::ceil(w * scale)), int(std::ceil(h * scale)));
  cairo_t* cr = cairo_create(surface);
  const RsvgRectangle viewport{0, 0, w * scale, h * scale};
  const bool drawn = rsvg_handle_render_document(handle, cr, &viewport, &failure);
  Sink out{sink, closure};
  if (drawn) {
    cairo_surface_write_to_png_stream(
        surface,
        [](void* to, const unsigned char* data, unsigned int length) {
          auto* s = static_cast<Sink*>(to);
          s->write(s->closure, data, length);
          s->wrote = s->wrote || length > 0;
          return CAIRO_STATUS_SUCCESS;
        },
        &out);
  }
  const std::string why = failure ? failure->message : "cairo";
  if (failure) g_error_free(failure);
  cairo_destroy(cr);
  cairo_surface_destroy(surface);
  g_object_unref(handle);
  if (!drawn || !out.wrote) {
    set_error(error, error_size, why);
    return 1;
  }
  return 0;
}
