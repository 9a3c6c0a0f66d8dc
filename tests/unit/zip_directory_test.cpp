// The ZIP directory reader's refusals, on archives built byte by byte here.
#include "input/zip_directory.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <string>

#include "siap/limits.hpp"
#include "unit/zip_builder.hpp"

using siap::Lang;

using siap::testing::Entry;
using siap::testing::zip;

namespace {

std::string first_error(const std::string& bytes) {
  auto dir = siap::read_zip_directory(bytes, "a.zip");
  return dir.has_value() ? "" : dir.errors()[0].render(Lang::en);
}

}  // namespace

TEST_CASE("a ZIP's entries and declared sizes are listed without inflating anything", "[input][zip]") {
  std::string bytes = zip({{"xl/workbook.xml", 0, 5, 5, "hello"}, {"b.csv", 8, 3, 9, "abc"}});
  CHECK(siap::looks_like_zip(bytes));
  auto dir = siap::read_zip_directory(bytes, "a.zip");
  REQUIRE(dir.has_value());
  REQUIRE(dir->entries.size() == 2);
  CHECK(dir->entries[1].name == "b.csv");
  CHECK(dir->entries[1].uncompressed == 9);
  CHECK(dir->total_uncompressed == 14);
  CHECK(dir->find("xl/workbook.xml") != nullptr);
  CHECK(dir->find("xl/x.xml") == nullptr);
  CHECK(siap::read_zip_directory(zip({}), "a.zip").has_value());  // empty archive
}

TEST_CASE("zip bombs and lies are refused from the directory alone", "[input][zip]") {
  // 10 compressed bytes cannot inflate to 1 GB: deflate expands at most ~1032 times.
  CHECK(first_error(zip({{"x.xml", 8, 10, 1'000'000'000, "0123456789"}})) ==
        "a.zip: a broken or unsupported ZIP archive: entry 'x.xml' declares a size deflate cannot produce");
  // Within deflate's ratio but over the per-entry limit.
  const std::uint32_t big = std::uint32_t(siap::limits::kMaxZipEntryBytes + 1);
  std::string filler(big / 1000, 'x');
  CHECK(first_error(zip({{"x.xml", 8, std::uint32_t(filler.size()), big, filler}})).find("inflates to 1073741825 bytes; at most 1073741824") !=
        std::string::npos);
  // An entry that claims more compressed bytes than the file has.
  CHECK(first_error(zip({{"x.xml", 0, 1'000'000, 1'000'000, "short"}})) ==
        "a.zip: a broken or unsupported ZIP archive: entry 'x.xml' is larger than the file");
}

TEST_CASE("a truncated or foreign file is a broken archive, never a crash", "[input][zip]") {
  std::string bytes = zip({{"a.csv", 0, 3, 3, "a,b"}});
  CHECK(first_error(bytes.substr(0, bytes.size() - 5)) == "a.zip: a broken or unsupported ZIP archive: no central directory");
  CHECK(first_error("PK") == "a.zip: a broken or unsupported ZIP archive: too short");
  std::string moved = bytes;
  moved[moved.size() - 6] = char(0x7F);  // the directory's offset points past its end
  CHECK_FALSE(first_error(moved).empty());
  // ZIP64 markers.
  std::string zip64 = bytes;
  zip64.replace(zip64.size() - 12, 4, "\xFF\xFF\xFF\xFF");
  CHECK(first_error(zip64).find("ZIP64") != std::string::npos);
  // Entries on this disk and in total disagree (a fuzzed ODS: 514 and 0), so
  // another reader could see entries this one never checked.
  std::string counts = bytes;
  counts[counts.size() - 14] = 2;
  CHECK(first_error(counts) == "a.zip: a broken or unsupported ZIP archive: a split archive, or entry counts that disagree");
  std::string sized = bytes;
  sized[sized.size() - 10] = char(sized[sized.size() - 10] - 1);  // the directory one byte shorter than its entry
  CHECK(first_error(sized) == "a.zip: a broken or unsupported ZIP archive: the central directory's size does not match its entries");
}
