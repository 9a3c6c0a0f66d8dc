#include "input/zip_directory.hpp"

#include <fmt/format.h>

#include "siap/limits.hpp"

namespace siap {
namespace {

std::uint16_t u16(std::string_view d, std::size_t at) {
  return std::uint16_t(static_cast<unsigned char>(d[at]) | static_cast<unsigned char>(d[at + 1]) << 8);
}
std::uint32_t u32(std::string_view d, std::size_t at) { return std::uint32_t(u16(d, at)) | std::uint32_t(u16(d, at + 2)) << 16; }

constexpr std::uint32_t kEndSignature = 0x06054b50;
constexpr std::uint32_t kEntrySignature = 0x02014b50;
constexpr std::size_t kEndSize = 22;
constexpr std::size_t kEntrySize = 46;
// Deflate cannot expand data by more than about 1032 times; a declared size
// beyond that is a lie.
constexpr std::uint64_t kMaxDeflateRatio = 1032;

Diagnostics broken(const std::string& file, const LocalizedText& why) {
  return {
      Diagnostic{{file, 0, 0},
                 "",
                 {fmt::format("arsip ZIP rusak atau tidak didukung: {}", why.id), fmt::format("a broken or unsupported ZIP archive: {}", why.en)}}};
}

}  // namespace

const ZipEntry* ZipDirectory::find(std::string_view name) const {
  for (const auto& e : entries) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

bool looks_like_zip(std::string_view head) {
  return head.size() >= 4 && head.substr(0, 2) == "PK" && (head.substr(2, 2) == "\x03\x04" || head.substr(2, 2) == "\x05\x06");
}

Expected<ZipDirectory> read_zip_directory(std::string_view data, const std::string& file) {
  // The end record lies in the last 22 + 65,535 bytes (its comment is at most
  // 65,535 long); searched from the end, as readers do.
  if (data.size() < kEndSize) return broken(file, {"terlalu pendek", "too short"});
  std::size_t lowest = data.size() > kEndSize + 0xFFFF ? data.size() - kEndSize - 0xFFFF : 0;
  std::size_t end = std::string_view::npos;
  for (std::size_t at = data.size() - kEndSize + 1; at-- > lowest;) {
    if (u32(data, at) == kEndSignature) {
      end = at;
      break;
    }
  }
  if (end == std::string_view::npos) return broken(file, {"tidak ada direktori pusat", "no central directory"});
  const std::uint16_t count = u16(data, end + 10);
  const std::uint32_t directory_size = u32(data, end + 12);
  const std::uint32_t directory_at = u32(data, end + 16);
  if (count == 0xFFFF || directory_at == 0xFFFFFFFF || directory_size == 0xFFFFFFFF) {
    return broken(file, {"ZIP64 (arsip lebih dari 4 GB) tidak didukung", "ZIP64 (an archive over 4 GB) is not supported"});
  }
  // Archives split over disks are not supported; the counts must agree, or
  // another reader (liborcus) could see entries this one does not check.
  if (u16(data, end + 4) != 0 || u16(data, end + 6) != 0 || u16(data, end + 8) != u16(data, end + 10)) {
    return broken(file, {"arsip terbagi atau jumlah entri tidak cocok", "a split archive, or entry counts that disagree"});
  }
  if (count > limits::kMaxZipEntries) {
    return broken(file, {fmt::format("{} entri; paling banyak {}", count, limits::kMaxZipEntries),
                         fmt::format("{} entries; at most {}", count, limits::kMaxZipEntries)});
  }
  if (std::uint64_t(directory_at) + directory_size > end)
    return broken(file, {"direktori pusat di luar berkas", "central directory outside the file"});

  ZipDirectory out;
  out.entries.reserve(count);
  std::size_t at = directory_at;
  for (std::uint16_t i = 0; i < count; ++i) {
    if (at + kEntrySize > end || u32(data, at) != kEntrySignature) return broken(file, {"entri direktori rusak", "a broken directory entry"});
    ZipEntry e;
    e.method = u16(data, at + 10);
    e.compressed = u32(data, at + 20);
    e.uncompressed = u32(data, at + 24);
    const std::size_t name_size = u16(data, at + 28), extra = u16(data, at + 30), comment = u16(data, at + 32);
    if (at + kEntrySize + name_size > end) return broken(file, {"entri direktori rusak", "a broken directory entry"});
    e.name.assign(data.substr(at + kEntrySize, name_size));
    at += kEntrySize + name_size + extra + comment;
    if (e.compressed > data.size())
      return broken(file, {fmt::format("entri '{}' lebih besar dari berkasnya", e.name), fmt::format("entry '{}' is larger than the file", e.name)});
    if (e.method == 8 && e.uncompressed > e.compressed * kMaxDeflateRatio + 1024) {
      return broken(file, {fmt::format("ukuran entri '{}' mustahil untuk kompresi deflate", e.name),
                           fmt::format("entry '{}' declares a size deflate cannot produce", e.name)});
    }
    if (e.uncompressed > limits::kMaxZipEntryBytes) {
      return broken(
          file, {fmt::format("entri '{}' berukuran {} bita setelah diekstrak; paling banyak {}", e.name, e.uncompressed, limits::kMaxZipEntryBytes),
                 fmt::format("entry '{}' inflates to {} bytes; at most {}", e.name, e.uncompressed, limits::kMaxZipEntryBytes)});
    }
    out.total_uncompressed += e.uncompressed;
    out.entries.push_back(std::move(e));
  }
  if (at != std::size_t(directory_at) + directory_size) {
    return broken(file, {"ukuran direktori pusat tidak cocok dengan entrinya", "the central directory's size does not match its entries"});
  }
  if (out.total_uncompressed > limits::kMaxZipTotalBytes) {
    return broken(file, {fmt::format("isinya {} bita setelah diekstrak; paling banyak {}", out.total_uncompressed, limits::kMaxZipTotalBytes),
                         fmt::format("it inflates to {} bytes; at most {}", out.total_uncompressed, limits::kMaxZipTotalBytes)});
  }
  return out;
}

}  // namespace siap
