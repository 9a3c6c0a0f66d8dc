#include "cli/profile_option.hpp"

#include <fmt/format.h>

#include "siap/edit_distance.hpp"

namespace siap::cli {

std::optional<int> select_profile(const Framework& fw, const std::string& name, const CliContext& ctx) {
  if (name.empty() || name == "default") return -1;
  if (auto found = fw.find_profile(name)) return *found;
  std::vector<std::string> ids{"default"};
  for (const auto& p : fw.profiles) ids.push_back(p.id);
  auto suggestion = closest_match(name, ids);
  ctx.error(fmt::format("{} '{}'; {}", ctx.tr("profil bobot tidak dikenal", "unknown weight profile"), name,
                        suggestion ? fmt::format("{} '{}'?", ctx.tr("maksud Anda", "did you mean"), *suggestion)
                                   : fmt::format("{}: {}", ctx.tr("yang tersedia", "available"), fmt::join(ids, ", "))));
  return std::nullopt;
}

}  // namespace siap::cli
