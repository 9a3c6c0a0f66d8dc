// libFuzzer harness: any text as a framework file. It must become either a
// validated Framework or diagnostics, never a crash, a hang or unbounded
// memory; a valid framework must then show as JSON (as `frameworks show
// --format json` does) and every message must be valid UTF-8. The same text
// is also read as a study manifest (siap study), which shares the reader.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "cli/framework_json.hpp"
#include "siap/effective_weights.hpp"
#include "siap/framework_loader.hpp"
#include "siap/study.hpp"
#include "siap/utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  if (auto study = siap::load_study(text, "fuzz.yaml", "/nonexistent")) {
    if (study->runs.empty()) std::abort();  // a manifest without runs is refused
    for (const auto& run : study->runs) {
      if (run.name.empty() || run.name.front() == '.' || run.name.find('/') != std::string::npos) std::abort();  // names are folders
    }
  } else {
    for (const auto& e : study.errors()) {
      if (!siap::is_valid_utf8(e.render(siap::Lang::en))) std::abort();
    }
  }
  auto fw = siap::load_framework(text, "fuzz.yaml");
  if (!fw) {
    for (const auto& e : fw.errors()) {
      if (!siap::is_valid_utf8(e.render(siap::Lang::id)) || !siap::is_valid_utf8(e.render(siap::Lang::en))) std::abort();
    }
    return 0;
  }
  for (int profile = -1; profile < int(fw->profiles.size()); ++profile) {
    (void)siap::effective_weights(*fw, profile);
    std::string json = siap::cli::framework_to_json(*fw, profile).dump(2);  // throws on invalid UTF-8
    if (json.empty()) std::abort();
  }
  return 0;
}
