// Runs the real siap binary, as a user would, and captures what it did.
#pragma once

#include <string>
#include <vector>

struct RunResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

// Runs SIAP_BINARY with `args` in `cwd` (empty: the current directory) with
// NO_COLOR set, stdin from /dev/null. Extra environment entries "K=V" may be given.
RunResult run_siap(const std::vector<std::string>& args, const std::string& cwd = "", const std::vector<std::string>& extra_env = {});
// The same with another program (a copy of siap elsewhere).
RunResult run_program(const std::string& binary, const std::vector<std::string>& args, const std::string& cwd = "",
                      const std::vector<std::string>& extra_env = {});

// A fresh temporary directory, removed on destruction.
struct ScratchDir {
  std::string path;
  ScratchDir();
  ~ScratchDir();
  std::string file(const std::string& name) const { return path + "/" + name; }
};

std::string read_file(const std::string& path);
void write_file(const std::string& path, const std::string& content);
