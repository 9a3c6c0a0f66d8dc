#include "report/svg_rasteriser.hpp"

#include <dlfcn.h>
#include <fmt/format.h>
#include <unistd.h>

#include <array>
#include <filesystem>
#include <system_error>
#include <vector>

#include "raster/svg_to_png.hpp"

// Both from CMakeLists.txt, which builds and installs the module.
#if !defined(SIAP_RASTER_INSTALL_DIR) || !defined(SIAP_RASTER_MODULE_FILE)
#error "SIAP_RASTER_INSTALL_DIR and SIAP_RASTER_MODULE_FILE come from CMakeLists.txt"
#endif

namespace siap::report {
namespace {

constexpr std::string_view kModuleFile = SIAP_RASTER_MODULE_FILE;

std::string& chosen_path() {
  static std::string path;
  return path;
}

// Where to look, in order.
std::vector<std::string> candidates() {
  if (!chosen_path().empty()) return {chosen_path()};
  std::error_code ec;
  const std::filesystem::path program = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  const std::filesystem::path dir = program.parent_path();
  return {(dir / kModuleFile).string(), (dir / SIAP_RASTER_INSTALL_DIR / kModuleFile).lexically_normal().string()};
}

struct Module {
  decltype(&siap_svg_to_png_v1) draw = nullptr;
  LocalizedText why_not;  // when `draw` is null
};

Module load() {
  const std::vector<std::string> paths = candidates();
  std::string tried;
  for (const std::string& path : paths) {
    tried += (tried.empty() ? "" : ", ") + path;
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) continue;
    // Kept loaded until the process ends: glib and fontconfig keep state
    // that unloading would leave dangling.
    void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
      const char* why = dlerror();
      return {nullptr,
              {fmt::format("modul penggambar peta {} tidak dapat dimuat: {}", path, why ? why : "dlopen"),
               fmt::format("the map rasteriser module {} cannot be loaded: {}", path, why ? why : "dlopen")}};
    }
    auto* draw = reinterpret_cast<decltype(&siap_svg_to_png_v1)>(dlsym(handle, SIAP_SVG_TO_PNG_SYMBOL));
    if (draw == nullptr) {
      return {nullptr,
              {fmt::format("modul penggambar peta {} berasal dari versi siap lain (tidak ada {})", path, SIAP_SVG_TO_PNG_SYMBOL),
               fmt::format("the map rasteriser module {} is from another version of siap (no {})", path, SIAP_SVG_TO_PNG_SYMBOL)}};
    }
    return {draw, {}};
  }
  return {nullptr,
          {fmt::format("modul penggambar peta ({}) tidak ditemukan di: {}; pasang siap beserta modulnya", kModuleFile, tried),
           fmt::format("the map rasteriser module ({}) was not found in: {}; install siap with its module", kModuleFile, tried)}};
}

const Module& module() {
  static const Module loaded = load();
  return loaded;
}

}  // namespace

void use_raster_module(std::string path) { chosen_path() = std::move(path); }

Expected<std::string> svg_to_png(std::string_view svg, double scale) {
  auto failure = [](const LocalizedText& why) {
    Diagnostic d;
    d.message = {fmt::format("peta PNG tidak dapat dibuat: {}", why.id), fmt::format("cannot make the PNG map: {}", why.en)};
    return Diagnostics{d};
  };
  const Module& m = module();
  if (m.draw == nullptr) return failure(m.why_not);
  std::string png;
  std::array<char, 512> error{};
  const int rc = m.draw(
      svg.data(), svg.size(), scale,
      [](void* to, const unsigned char* data, size_t size) { static_cast<std::string*>(to)->append(reinterpret_cast<const char*>(data), size); },
      &png, error.data(), error.size());
  if (rc != 0) return failure({error.data(), error.data()});
  return png;
}

}  // namespace siap::report
