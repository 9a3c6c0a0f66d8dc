#include "cli/output.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <ctime>
#include <fmt/format.h>
#include <system_error>

#include "siap/atomic_file.hpp"
#include "siap/os_error.hpp"

namespace siap::cli {

std::string write_failure(const std::string& path, int err, const CliContext& ctx) {
  const LocalizedText why = os_error_text(err);
  return fmt::format("{}: {}: {}", path, ctx.tr("tidak dapat ditulis", "cannot be written"), ctx.tr(why));
}

bool emit(std::string_view data, const std::string& path, const CliContext& ctx, Announce announce) {
  if (path.empty() || path == "-") {
    std::fwrite(data.data(), 1, data.size(), stdout);
    std::fflush(stdout);
    return true;
  }
  try {
    write_file_atomically(path, data);
  } catch (const std::system_error& e) {
    ctx.error(write_failure(path, e.code().value(), ctx));
    return false;
  }
  if (announce == Announce::as_detail) ctx.detail(fmt::format("{} {}", ctx.tr("ditulis:", "written:"), path));
  return true;
}

bool emit_blocks(const std::function<void(const BlockSink&)>& produce, const std::string& path, const CliContext& ctx, Announce announce) {
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
    ctx.error(write_failure(path, e.code().value(), ctx));
    return false;
  }
  if (announce == Announce::as_detail) ctx.detail(fmt::format("{} {}", ctx.tr("ditulis:", "written:"), path));
  return true;
}

bool make_output_dir(const std::string& dir, const CliContext& ctx) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (!ec) return true;
  ctx.error(write_failure(dir, ec.value(), ctx));
  return false;
}

std::string output_date() {
  std::time_t now = std::time(nullptr);
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
    char* end = nullptr;
    long long value = std::strtoll(epoch, &end, 10);
    if (end != epoch && *end == '\0' && value >= 0) now = std::time_t(value);
  }
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[16];
  std::strftime(text, sizeof text, "%Y-%m-%d", &utc);
  return text;
}

void add_csv_flags(CLI::App& cmd, bool* bom, bool& decimal_comma, const CliContext& ctx) {
  if (bom) {
    cmd.add_flag("--csv-bom", *bom,
                 ctx.tr("CSV dengan BOM UTF-8 (agar Excel membacanya sebagai UTF-8)", "CSV with a UTF-8 BOM (so Excel reads it as UTF-8)"));
  }
  cmd.add_flag("--csv-decimal-comma", decimal_comma,
               ctx.tr("CSV dengan koma desimal dan pemisah ';' (Excel Indonesia)", "CSV with decimal commas and ';' delimiters (Indonesian Excel)"));
}

}  // namespace siap::cli
