// Machine-readable view of a framework for `siap frameworks show --format json`
// (schema "siap/framework-view/v1", documented in docs/framework-schema.md).
#pragma once

#include <nlohmann/json.hpp>

#include "siap/framework.hpp"

namespace siap::cli {

nlohmann::ordered_json framework_to_json(const Framework& fw, int profile);

}  // namespace siap::cli
