// What every subcommand shares: the global options, the exit codes, and
// writing to the terminal (colour only on a TTY and never with NO_COLOR).
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

#include "siap/diagnostic.hpp"
#include "siap/text.hpp"

namespace siap::cli {

// Documented in the README; scripts rely on them.
enum ExitCode : int { kSuccess = 0, kBadInput = 1, kUsage = 2, kInternal = 3 };

enum class Verbosity { quiet, normal, verbose };

struct CliContext {
  Lang lang = Lang::id;
  Verbosity verbosity = Verbosity::normal;
  bool color_stdout = false;
  bool color_stderr = false;

  // Detects colour support for both streams.
  void detect_color();

  const std::string& tr(const LocalizedText& text) const { return text.in(lang); }
  std::string tr(std::string_view id, std::string_view en) const { return std::string(lang == Lang::en ? en : id); }

  void error(const Diagnostic& diagnostic) const;
  void error(std::string_view message) const;
  void warning(std::string_view message) const;
  // Progress and summaries for people; suppressed by --quiet.
  void info(std::string_view message) const;
  // Extra detail; only with --verbose.
  void detail(std::string_view message) const;

  std::string bold(std::string_view s) const;
  std::string dim(std::string_view s) const;
};

// Decimal separator of the output language: "3,41" in id, "3.41" in en.
char decimal_separator(Lang lang);

}  // namespace siap::cli
