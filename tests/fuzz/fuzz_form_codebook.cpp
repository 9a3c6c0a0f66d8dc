// libFuzzer harness: any bytes as an XLSForm given with `assess --form`:
// read as a codebook, then its labels laid over a built-in framework. Either
// step may refuse with errors; neither may crash, hang or grow without
// bound, and a framework that comes out must still make its form.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "siap/form_codebook.hpp"
#include "siap/framework_catalog.hpp"
#include "siap/questionnaire.hpp"
#include "siap/utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const siap::Framework framework = *siap::load_builtin_framework("kominfo-readiness");
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  auto form = siap::read_form_codebook(bytes, "fuzz.xlsx");
  if (!form) return 0;
  for (const auto& q : form->questions) {
    for (const auto& label : q.labels) {
      if (!siap::is_valid_utf8(label)) std::abort();
    }
  }
  std::vector<std::string> unused;
  auto with_labels = siap::with_form_labels(framework, *form, unused);
  if (!with_labels) return 0;
  // Aliases never change what the framework is.
  if (with_labels->leaves.size() != framework.leaves.size() || with_labels->version != framework.version) std::abort();
  (void)siap::questionnaire_problems(*with_labels);
  return 0;
}
