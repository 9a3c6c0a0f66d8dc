#include "siap/atomic_file.hpp"

#include <cerrno>
#include <system_error>
#include <sys/stat.h>
#include <unistd.h>

namespace siap {
namespace {

[[noreturn]] void throw_errno(const std::string& what) { throw std::system_error(errno, std::generic_category(), what); }

}  // namespace

AtomicFile::AtomicFile(std::filesystem::path target) : target_(std::move(target)) {
  // mkstemp in the target's own directory, so rename() stays on one file
  // system and is atomic.
  std::string pattern = target_.string() + ".tmp.XXXXXX";
  int fd = ::mkstemp(pattern.data());
  if (fd < 0) throw_errno("cannot create a temporary file beside " + target_.string());
  temporary_ = pattern;
  stream_ = ::fdopen(fd, "wb");
  if (stream_ == nullptr) {
    ::close(fd);
    std::filesystem::remove(temporary_);
    throw_errno("cannot open " + temporary_.string());
  }
}

AtomicFile::~AtomicFile() {
  if (stream_ != nullptr) std::fclose(stream_);
  if (!committed_) {
    std::error_code ignored;
    std::filesystem::remove(temporary_, ignored);
  }
}

void AtomicFile::write(std::string_view data) {
  if (std::fwrite(data.data(), 1, data.size(), stream_) != data.size()) {
    throw_errno("cannot write " + temporary_.string());
  }
}

void AtomicFile::commit() {
  if (std::fflush(stream_) != 0) throw_errno("cannot write " + temporary_.string());
  if (::fsync(::fileno(stream_)) != 0) throw_errno("cannot sync " + temporary_.string());
  // mkstemp creates 0600; reports should get the usual umask-based mode.
  mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(::fileno(stream_), 0666 & ~mask);
  int closed = std::fclose(stream_);
  stream_ = nullptr;
  if (closed != 0) throw_errno("cannot close " + temporary_.string());
  if (std::rename(temporary_.c_str(), target_.c_str()) != 0) throw_errno("cannot rename onto " + target_.string());
  committed_ = true;
}

void write_file_atomically(const std::filesystem::path& target, std::string_view data) {
  AtomicFile file(target);
  file.write(data);
  file.commit();
}

}  // namespace siap
