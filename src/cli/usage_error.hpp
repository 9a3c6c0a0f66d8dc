// Usage errors in the user's language. CLI11 words its errors in English
// only; they are recognised by type and by CLI11 2.1's wording and said
// again in both languages, with a did-you-mean for an unknown command or
// option. Wording this file does not recognise is still shown, marked as
// the option parser's (so nothing is lost when CLI11 changes).
#pragma once

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <vector>

#include "siap/text.hpp"

namespace siap::cli {

// `args` are argv[1..]. The command line read as far as the command tree
// goes: the deepest (sub)command named, and the first word where a command
// was expected but none of that name exists.
struct CommandPath {
  const CLI::App* deepest = nullptr;
  std::optional<std::string> unknown_command;
};
CommandPath walk_commands(const CLI::App& root, const std::vector<std::string>& args);

// "; did you mean 'X'?" in both languages for the candidate closest to
// `word`, or nothing when none is close (closest_match's rule).
LocalizedText did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

// "siap", "siap assess", "siap frameworks show".
std::string command_name(const CLI::App& app);

// The message for a parse error `e` of `root` given `args`.
LocalizedText usage_error_text(const CLI::ParseError& e, const CLI::App& root, const std::vector<std::string>& args);

}  // namespace siap::cli
