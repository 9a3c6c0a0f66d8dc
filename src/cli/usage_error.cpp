#include "cli/usage_error.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "siap/edit_distance.hpp"

namespace siap::cli {
namespace {

std::vector<std::string> command_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) names.push_back(sub->get_name());
  return names;
}

// Every long and short option name of `app` and of the commands above it
// (global options may follow a command).
std::vector<std::string> option_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* a = &app; a != nullptr; a = a->get_parent()) {
    for (const CLI::Option* o : a->get_options()) {
      for (const auto& l : o->get_lnames()) names.push_back("--" + l);
      for (const auto& s : o->get_snames()) names.push_back("-" + s);
    }
  }
  return names;
}

const CLI::Option* find_option(const CLI::App& app, const std::string& name) {
  for (const CLI::App* a = &app; a != nullptr; a = a->get_parent()) {
    if (const CLI::Option* o = a->get_option_no_throw(name)) return o;
  }
  return nullptr;
}

LocalizedText join(LocalizedText a, const LocalizedText& b) {
  a.id += b.id;
  a.en += b.en;
  return a;
}

std::string list(const std::vector<std::string>& names) { return fmt::format("{}", fmt::join(names, ", ")); }

}  // namespace

std::string command_name(const CLI::App& app) {
  if (app.get_parent() == nullptr) return "siap";
  return command_name(*app.get_parent()) + " " + app.get_name();
}

LocalizedText did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  auto closest = closest_match(word, candidates);
  if (!closest) return {};
  // Candidates as close as the closest are named too ("--formt": '--form' or '--format'), in their order.
  const int distance = edit_distance(word, *closest);
  std::vector<std::string> tied;
  for (const std::string& c : candidates) {
    if (tied.size() < 3 && std::find(tied.begin(), tied.end(), c) == tied.end() && edit_distance(word, c, distance) == distance) {
      tied.push_back("'" + c + "'");
    }
  }
  return {fmt::format("; maksud Anda {}?", fmt::join(tied, " atau ")), fmt::format("; did you mean {}?", fmt::join(tied, " or "))};
}

CommandPath walk_commands(const CLI::App& root, const std::vector<std::string>& args) {
  CommandPath path{&root, std::nullopt};
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--") break;
    if (arg.starts_with("-")) {
      // An option that takes a value consumes the next word, unless given as --name=value.
      if (arg.find('=') != std::string::npos) continue;
      const CLI::Option* o = find_option(*path.deepest, arg);
      if (o != nullptr && o->get_items_expected_min() > 0) ++i;
      continue;
    }
    const auto names = command_names(*path.deepest);
    if (names.empty()) break;  // positional arguments from here on
    const CLI::App* next = nullptr;
    for (const CLI::App* sub : path.deepest->get_subcommands([](const CLI::App*) { return true; })) {
      if (sub->check_name(arg)) next = sub;
    }
    if (next == nullptr) {
      path.unknown_command = arg;
      break;
    }
    path.deepest = next;
  }
  return path;
}

LocalizedText usage_error_text(const CLI::ParseError& e, const CLI::App& root, const std::vector<std::string>& args) {
  const CommandPath path = walk_commands(root, args);
  const CLI::App& app = *path.deepest;
  const std::string what = e.what();
  const std::string command = command_name(app);
  if (path.unknown_command) {
    const std::string& word = *path.unknown_command;
    return join({fmt::format("perintah tidak dikenal '{}'; perintah {}: {}", word, command, list(command_names(app))),
                 fmt::format("unknown command '{}'; the commands of {}: {}", word, command, list(command_names(app)))},
                did_you_mean(word, command_names(app)));
  }
  // By type, not get_name(): CLI11 names some errors after the command.
  const auto is = [&e]<typename T>(const T*) { return dynamic_cast<const T*>(&e) != nullptr; };
  if (is(static_cast<const CLI::RequiredError*>(nullptr))) {
    if (what == "A subcommand is required") {
      return {fmt::format("{} memerlukan perintah: {}", command, list(command_names(app))),
              fmt::format("{} needs a command: {}", command, list(command_names(app)))};
    }
    if (what.ends_with(" is required")) {
      const std::string name = what.substr(0, what.size() - std::string_view(" is required").size());
      return {fmt::format("{} wajib diberikan", name), fmt::format("{} is required", name)};
    }
  }
  if (is(static_cast<const CLI::ExtrasError*>(nullptr))) {
    for (std::string_view prefix : {"The following arguments were not expected: ", "The following argument was not expected: "}) {
      if (!what.starts_with(prefix)) continue;
      const std::string extras = what.substr(prefix.size());
      LocalizedText text{fmt::format("argumen tidak dikenal: {}", extras), fmt::format("unexpected argument: {}", extras)};
      const std::string first = extras.substr(0, extras.find(' '));
      if (first.starts_with("-")) return join(text, did_you_mean(first.substr(0, first.find('=')), option_names(app)));
      return text;
    }
  }
  if (is(static_cast<const CLI::ValidationError*>(nullptr))) {
    // one_of() (choice.hpp) words its failures in the user's language already.
    return {what, what};
  }
  if (is(static_cast<const CLI::ArgumentMismatch*>(nullptr))) {
    // "--framework: 1 required TEXT missing"
    const auto colon = what.find(": ");
    if (colon != std::string::npos && what.ends_with(" missing")) {
      const std::string name = what.substr(0, colon);
      return {fmt::format("{} memerlukan nilai", name), fmt::format("{} needs a value", name)};
    }
  }
  const bool excludes = is(static_cast<const CLI::ExcludesError*>(nullptr));
  if (excludes || is(static_cast<const CLI::RequiresError*>(nullptr))) {
    const std::string_view verb = excludes ? " excludes " : " requires ";
    if (const auto at = what.find(verb); at != std::string::npos) {
      const std::string a = what.substr(0, at), b = what.substr(at + verb.size());
      if (excludes) return {fmt::format("{} tidak dapat dipakai bersama {}", a, b), fmt::format("{} cannot be used with {}", a, b)};
      return {fmt::format("{} memerlukan {}", a, b), fmt::format("{} requires {}", a, b)};
    }
  }
  return {fmt::format("kesalahan penggunaan (pengurai opsi: {})", what), fmt::format("usage error ({})", what)};
}

}  // namespace siap::cli
