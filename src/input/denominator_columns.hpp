// A composite indicator's denominator columns, read after the rows
// (denominator_columns.cpp).
#pragma once

#include <string>
#include <vector>

#include "siap/dataset.hpp"
#include "siap/diagnostic.hpp"
#include "siap/framework.hpp"

namespace siap {

// Fills data.denominators for the columns the framework's treatments name;
// every problem (a missing column, a value that is not a number > 0, two
// values for one unit) is an error with file:line:col.
void read_denominator_columns(const Framework& fw, const std::vector<std::string>& paths, const LoadOptions& options, Dataset& data,
                              Diagnostics& errors);

}  // namespace siap
