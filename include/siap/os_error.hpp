// What the operating system said, in the user's language: strerror() speaks
// English (or the C locale's language), never Indonesian, and a message must
// not switch language halfway.
#pragma once

#include <cstdio>
#include <string>

#include "siap/diagnostic.hpp"
#include "siap/expected.hpp"

namespace siap {

// The reason an errno value names ("tidak ditemukan" / "not found"); an
// errno this table does not know keeps its number and the C library's text.
LocalizedText os_error_text(int err);

// Opens `path` for reading in binary. A directory, a missing file and a file
// without read permission are each an error naming the path and what it is.
Expected<std::FILE*> open_for_reading(const std::string& path);

}  // namespace siap
