#include "siap/os_error.hpp"

#include <cerrno>
#include <cstring>
#include <fmt/format.h>
#include <sys/stat.h>

namespace siap {
namespace {

struct Known {
  int err;
  const char* id;
  const char* en;
};

// The errors a user can cause or fix: a path, a permission, a full disk.
constexpr Known kKnown[] = {
    {ENOENT, "tidak ditemukan", "not found"},
    {EACCES, "tidak ada izin", "permission denied"},
    {EPERM, "tidak diizinkan", "operation not permitted"},
    {EISDIR, "adalah direktori, bukan berkas", "is a directory, not a file"},
    {ENOTDIR, "bagian jalurnya bukan direktori", "a part of the path is not a directory"},
    {ENAMETOOLONG, "nama terlalu panjang", "name too long"},
    {ELOOP, "terlalu banyak tautan simbolik", "too many symbolic links"},
    {ENOSPC, "ruang disk habis", "no space left on the device"},
    {EDQUOT, "kuota disk habis", "disk quota exceeded"},
    {EROFS, "sistem berkas hanya-baca", "read-only file system"},
    {EEXIST, "sudah ada", "already exists"},
    {EMFILE, "terlalu banyak berkas terbuka", "too many open files"},
    {ENFILE, "terlalu banyak berkas terbuka di sistem", "too many open files in the system"},
    {EIO, "galat masukan/keluaran perangkat", "input/output error"},
    {EFBIG, "berkas terlalu besar", "file too large"},
    {ENOMEM, "memori tidak cukup", "not enough memory"},
    {EBUSY, "sedang dipakai", "device or resource busy"},
    {EXDEV, "tidak dapat dipindah antar-sistem berkas", "cannot move across file systems"},
};

}  // namespace

LocalizedText os_error_text(int err) {
  for (const auto& k : kKnown) {
    if (k.err == err) return {k.id, k.en};
  }
  const char* c_text = std::strerror(err);
  return {fmt::format("galat sistem {} ({})", err, c_text), fmt::format("system error {} ({})", err, c_text)};
}

Expected<std::FILE*> open_for_reading(const std::string& path) {
  auto failure = [&](int err) {
    const LocalizedText why = os_error_text(err);
    return Diagnostics{
        Diagnostic{{path, 0, 0}, "", {fmt::format("berkas tidak dapat dibuka: {}", why.id), fmt::format("cannot open the file: {}", why.en)}}};
  };
  // fopen() opens a directory for reading on Linux; reading it then fails
  // with a less helpful message.
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) return failure(EISDIR);
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) return failure(errno);
  return file;
}

}  // namespace siap
