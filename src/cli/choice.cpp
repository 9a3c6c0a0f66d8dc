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

std::vector<std::string> split_list(const std::string& list) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= list.size()) {
    std::size_t comma = list.find(',', start);
    // "HTML" and "html, xlsx" as people type them.
    std::string item = ascii_lower(trim(std::string_view(list).substr(start, comma == std::string::npos ? std::string::npos : comma - start)));
    if (!item.empty()) out.push_back(item);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

}  // namespace siap::cli
