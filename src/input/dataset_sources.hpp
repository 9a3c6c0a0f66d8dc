// The loader over sources already open: a format's reader (or a test's
// in-memory fake) feeds load_dataset's checks without a file on disk.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "input/row_source.hpp"
#include "siap/dataset.hpp"

namespace siap {

struct NamedSource {
  std::string name;  // as reports show the file
  std::unique_ptr<RowSource> rows;
};

// As load_dataset(), in the order given; sources are read sequentially.
Expected<Dataset> load_sources(const Framework& fw, std::vector<NamedSource> sources, const LoadOptions& options);

}  // namespace siap
