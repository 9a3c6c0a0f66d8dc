// ZIP archives built byte by byte for tests: entries stored as given, with
// the sizes they declare (a test may make them lie). No CRC is written.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace siap::testing {

inline void put16(std::string& s, std::uint32_t v) {
  s += char(v & 0xFF);
  s += char((v >> 8) & 0xFF);
}
inline void put32(std::string& s, std::uint32_t v) {
  put16(s, v & 0xFFFF);
  put16(s, v >> 16);
}

struct Entry {
  std::string name;
  std::uint16_t method = 0;
  std::uint32_t compressed = 0, uncompressed = 0;
  std::string data;
};

// A ZIP archive as the format defines it: local headers with data, the
// central directory, the end record.
inline std::string zip(const std::vector<Entry>& entries) {
  std::string out, directory;
  for (const auto& e : entries) {
    const std::uint32_t local_at = std::uint32_t(out.size());
    put32(out, 0x04034b50);
    put16(out, 20), put16(out, 0), put16(out, e.method), put16(out, 0), put16(out, 0);
    put32(out, 0), put32(out, e.compressed), put32(out, e.uncompressed);
    put16(out, std::uint16_t(e.name.size())), put16(out, 0);
    out += e.name + e.data;
    put32(directory, 0x02014b50);
    put16(directory, 20), put16(directory, 20), put16(directory, 0), put16(directory, e.method), put16(directory, 0), put16(directory, 0);
    put32(directory, 0), put32(directory, e.compressed), put32(directory, e.uncompressed);
    put16(directory, std::uint16_t(e.name.size())), put16(directory, 0), put16(directory, 0), put16(directory, 0), put16(directory, 0);
    put32(directory, 0), put32(directory, local_at);
    directory += e.name;
  }
  const std::uint32_t directory_at = std::uint32_t(out.size());
  out += directory;
  put32(out, 0x06054b50);
  put16(out, 0), put16(out, 0), put16(out, std::uint16_t(entries.size())), put16(out, std::uint16_t(entries.size()));
  put32(out, std::uint32_t(directory.size())), put32(out, directory_at), put16(out, 0);
  return out;
}

// Entries stored uncompressed, their sizes true.
inline std::string stored_zip(const std::vector<std::pair<std::string, std::string>>& parts) {
  std::vector<Entry> entries;
  for (const auto& [name, data] : parts) entries.push_back({name, 0, std::uint32_t(data.size()), std::uint32_t(data.size()), data});
  return zip(entries);
}

}  // namespace siap::testing
