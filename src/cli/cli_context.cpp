#include "cli/cli_context.hpp"

#include <cstdlib>
#include <unistd.h>

#include <fmt/format.h>

#include "siap/utf8.hpp"

namespace siap::cli {
namespace {

bool color_allowed(int fd) {
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && no_color[0] != '\0') return false;
  const char* term = std::getenv("TERM");
  if (term != nullptr && std::string_view(term) == "dumb") return false;
  return ::isatty(fd) == 1;
}

// What reaches the terminal is valid UTF-8: text from the command line or a
// file name may hold any bytes, shown as \xNN.
std::string shown(std::string_view message) { return escape_invalid_utf8(message); }

}  // namespace

void CliContext::detect_color() {
  color_stdout = color_allowed(STDOUT_FILENO);
  color_stderr = color_allowed(STDERR_FILENO);
}

void CliContext::error(const Diagnostic& diagnostic) const { error(diagnostic.render(lang)); }

void CliContext::error(std::string_view message) const {
  std::string label = lang == Lang::en ? "error" : "galat";
  if (color_stderr) label = "\033[1;31m" + label + "\033[0m";
  fmt::print(stderr, "siap: {}: {}\n", label, shown(message));
}

void CliContext::warning(std::string_view message) const {
  if (verbosity == Verbosity::quiet) return;
  std::string label = lang == Lang::en ? "warning" : "peringatan";
  if (color_stderr) label = "\033[1;33m" + label + "\033[0m";
  fmt::print(stderr, "siap: {}: {}\n", label, shown(message));
}

void CliContext::info(std::string_view message) const {
  if (verbosity != Verbosity::quiet) fmt::print(stderr, "{}\n", shown(message));
}

void CliContext::detail(std::string_view message) const {
  if (verbosity == Verbosity::verbose) fmt::print(stderr, "{}\n", shown(message));
}

std::string CliContext::bold(std::string_view s) const { return color_stdout ? fmt::format("\033[1m{}\033[0m", s) : std::string(s); }

std::string CliContext::dim(std::string_view s) const { return color_stdout ? fmt::format("\033[2m{}\033[0m", s) : std::string(s); }

char decimal_separator(Lang lang) { return lang == Lang::en ? '.' : ','; }

}  // namespace siap::cli
