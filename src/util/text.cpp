#include "siap/text.hpp"

namespace siap {

std::optional<Lang> parse_lang(std::string_view code) {
  if (code == "id") return Lang::id;
  if (code == "en") return Lang::en;
  return std::nullopt;
}

}  // namespace siap
