// --profile: the weight profile a user named, or a "did you mean" error.
#pragma once

#include <optional>
#include <string>

#include "cli/cli_context.hpp"
#include "siap/framework.hpp"

namespace siap::cli {

// -1 for "default" or empty; the profile's index; or nullopt after reporting
// an unknown name (a usage error).
std::optional<int> select_profile(const Framework& fw, const std::string& name, const CliContext& ctx);

}  // namespace siap::cli
