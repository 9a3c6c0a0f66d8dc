// Human-readable views of frameworks for `siap frameworks list|show`.
#pragma once

#include <string>
#include <vector>

#include "cli/cli_context.hpp"
#include "siap/effective_weights.hpp"
#include "siap/framework.hpp"

namespace siap::cli {

struct FrameworkSummary {
  std::string id;
  std::string version;
  LocalizedText title;
  Status status = Status::official;
  std::size_t indicators = 0;
};

std::string render_framework_list(const std::vector<FrameworkSummary>& frameworks, const CliContext& ctx);

// The framework's metadata, scales, bands, facets, tree with each node's
// weight and effective share, and sources. `profile` is -1 for default.
std::string render_framework_text(const Framework& fw, int profile, const CliContext& ctx);

// "16,5" in Indonesian, "16.5" in English; exact.
std::string format_decimal(const Decimal& d, Lang lang);
// A share of 1 as "13,00%" / "13.00%".
std::string format_share(double share, Lang lang);

}  // namespace siap::cli
