#include "cli/choice.hpp"

#include <fmt/format.h>

#include "cli/usage_error.hpp"
#include "siap/folding.hpp"
#include "siap/text.hpp"

namespace siap::cli {

CLI::Validator one_of(const CliContext& ctx, std::vector<std::string> values) {
  std::vector<std::string> quoted;
  for (const auto& v : values) quoted.push_back(fmt::format("'{}'", v));
  const std::string shown = fmt::format("{}", fmt::join(quoted, ", "));
  auto check = [&ctx, values, shown](std::string& value) -> std::string {
    const std::string wanted = ascii_lower(std::string(trim(value)));
    for (const auto& v : values) {
      if (ascii_lower(v) == wanted) {
        value = v;
        return {};
      }
    }
    std::string message =
        fmt::format("{} '{}'; {}: {}", ctx.tr("nilai tidak dikenal", "unknown value"), value, ctx.tr("pilihan", "expected one of"), shown);
    return message + ctx.tr(did_you_mean(wanted, values));
  };
  return CLI::Validator(check, "{" + shown + "}");
}

}  // namespace siap::cli
