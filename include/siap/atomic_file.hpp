// All-or-nothing file output (as ccache's AtomicFile): content goes to a
// temporary file beside the target, is flushed to disk, and is renamed over
// the target only on commit. A reader never sees a half-written report, and a
// failed run leaves any earlier file untouched.
#pragma once

#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>

namespace siap {

class AtomicFile {
 public:
  // Creates the temporary file; throws std::system_error if it cannot.
  explicit AtomicFile(std::filesystem::path target);
  ~AtomicFile();  // removes the temporary file unless committed
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  void write(std::string_view data);
  // Flushes, syncs and renames onto the target; throws std::system_error.
  void commit();

  const std::filesystem::path& target() const { return target_; }
  const std::filesystem::path& temporary_path() const { return temporary_; }

 private:
  std::filesystem::path target_;
  std::filesystem::path temporary_;
  std::FILE* stream_ = nullptr;
  bool committed_ = false;
};

// Convenience: writes `data` to `target` atomically.
void write_file_atomically(const std::filesystem::path& target, std::string_view data);

}  // namespace siap
