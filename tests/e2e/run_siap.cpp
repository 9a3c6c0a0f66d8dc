#include "e2e/run_siap.hpp"

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

extern char** environ;

namespace fs = std::filesystem;

ScratchDir::ScratchDir() {
  std::string pattern = (fs::temp_directory_path() / "siap-e2e-XXXXXX").string();
  REQUIRE(::mkdtemp(pattern.data()) != nullptr);
  path = pattern;
}

ScratchDir::~ScratchDir() {
  std::error_code ignored;
  fs::remove_all(path, ignored);
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_file(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
}

RunResult run_siap(const std::vector<std::string>& args, const std::string& cwd, const std::vector<std::string>& extra_env) {
  return run_program(SIAP_BINARY, args, cwd, extra_env);
}

RunResult run_program(const std::string& binary, const std::vector<std::string>& args, const std::string& cwd,
                      const std::vector<std::string>& extra_env) {
  ScratchDir capture;
  std::string out_path = capture.file("stdout");
  std::string err_path = capture.file("stderr");

  // Output goes to files, not pipes: no risk of a full pipe blocking the child.
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);

  std::vector<std::string> env_strings;
  for (char** e = environ; *e != nullptr; ++e) {
    std::string entry(*e);
    if (entry.rfind("NO_COLOR=", 0) == 0 || entry.rfind("SIAP_", 0) == 0) continue;
    env_strings.push_back(entry);
  }
  env_strings.push_back("NO_COLOR=1");
  for (const auto& e : extra_env) env_strings.push_back(e);
  std::vector<char*> envp;
  for (auto& e : env_strings) envp.push_back(e.data());
  envp.push_back(nullptr);

  std::vector<std::string> argv_strings{binary};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_strings) argv.push_back(a.data());
  argv.push_back(nullptr);

  // posix_spawn has no chdir action in glibc 2.36 without _np; change the
  // parent's directory around the spawn instead (tests run serially).
  std::string previous = fs::current_path().string();
  if (!cwd.empty()) fs::current_path(cwd);
  pid_t pid = 0;
  int rc = posix_spawn(&pid, binary.c_str(), &actions, nullptr, argv.data(), envp.data());
  if (!cwd.empty()) fs::current_path(previous);
  posix_spawn_file_actions_destroy(&actions);
  REQUIRE(rc == 0);

  int status = 0;
  REQUIRE(waitpid(pid, &status, 0) == pid);
  RunResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = read_file(out_path);
  result.err = read_file(err_path);
  return result;
}
