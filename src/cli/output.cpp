#include "cli/output.hpp"

#include <cstdio>
#include <fmt/format.h>
#include <system_error>

#include "siap/atomic_file.hpp"

namespace siap::cli {

bool emit(std::string_view data, const std::string& path, const CliContext& ctx) {
  if (path.empty() || path == "-") {
    std::fwrite(data.data(), 1, data.size(), stdout);
    std::fflush(stdout);
    return true;
  }
  try {
    write_file_atomically(path, data);
  } catch (const std::system_error& e) {
    ctx.error(fmt::format("{}: {}", path, e.what()));
    return false;
  }
  ctx.detail(fmt::format("{} {}", ctx.tr("ditulis:", "written:"), path));
  return true;
}

bool emit_blocks(const std::function<void(const BlockSink&)>& produce, const std::string& path, const CliContext& ctx) {
  if (path.empty() || path == "-") {
    produce([](std::string_view block) { std::fwrite(block.data(), 1, block.size(), stdout); });
    std::fflush(stdout);
    return true;
  }
  try {
    AtomicFile file(path);
    produce([&](std::string_view block) { file.write(block); });
    file.commit();
  } catch (const std::system_error& e) {
    ctx.error(fmt::format("{}: {}", path, e.what()));
    return false;
  }
  ctx.detail(fmt::format("{} {}", ctx.tr("ditulis:", "written:"), path));
  return true;
}

}  // namespace siap::cli
