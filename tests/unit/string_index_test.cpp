#include "util/string_index.hpp"

#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <unordered_map>

using siap::StringIndex;

TEST_CASE("StringIndex finds what was stored and only that", "[string-index]") {
  StringIndex index;
  CHECK(index.find("a") == nullptr);
  CHECK(index.empty());
  CHECK(index.try_emplace("", 7) == std::pair{7, true});  // the empty text is a key like any other
  CHECK(index.try_emplace("Kota Bandung", 1) == std::pair{1, true});
  CHECK(index.try_emplace("Kota Bandung", 2) == std::pair{1, false});  // the first value stays
  REQUIRE(index.find("Kota Bandung") != nullptr);
  CHECK(*index.find("Kota Bandung") == 1);
  CHECK(*index.find("") == 7);
  CHECK(index.find("Kota Bandun") == nullptr);
  CHECK(index.find("Kota Bandung ") == nullptr);
  CHECK(index.find(std::string_view("Kota\0Bandung", 12)) == nullptr);
  CHECK(index.size() == 2);
}

TEST_CASE("StringIndex agrees with std::unordered_map through many growths", "[string-index]") {
  // Keys that share prefixes, differ in length by one, and repeat; checked
  // against the standard map after every insertion batch.
  std::mt19937_64 random(20261202);
  StringIndex index;
  std::unordered_map<std::string, int> truth;
  for (int i = 0; i < 200'000; ++i) {
    std::string key = "Instansi " + std::to_string(random() % 150'000);
    if (i % 7 == 0) key.pop_back();
    // Half the insertions in two steps (fetch, then try_emplace with its
    // hash), across growths: they must behave as the one-step form.
    const auto [value, added] = i % 2 == 0 ? index.try_emplace(key, i) : index.try_emplace(key, i, index.fetch(key));
    const auto [it, truth_added] = truth.emplace(key, i);
    REQUIRE(added == truth_added);
    REQUIRE(value == it->second);
  }
  CHECK(index.size() == truth.size());
  for (const auto& [key, value] : truth) {
    const int* found = index.find(key);
    REQUIRE(found != nullptr);
    CHECK(*found == value);
  }
  for (int i = 0; i < 1000; ++i) CHECK(index.find("absent " + std::to_string(i)) == nullptr);
}

TEST_CASE("StringIndex reserved ahead, and looked up with a hash fetched beforehand, agrees with std::unordered_map", "[string-index]") {
  StringIndex index;
  index.reserve(50'000);
  std::unordered_map<std::string, int> truth;
  for (int i = 0; i < 60'000; ++i) {  // past the reservation: it grows as before
    const std::string key = "Dinas " + std::to_string(i % 45'000);
    const auto fetched = index.fetch(key);
    index.prefetch(fetched);
    const auto [value, added] = index.try_emplace(key, i, fetched);
    const auto [it, truth_added] = truth.emplace(key, i);
    REQUIRE(added == truth_added);
    REQUIRE(value == it->second);
  }
  for (const auto& [key, value] : truth) {
    const int* found = index.find(key, index.fetch(key));
    REQUIRE(found != nullptr);
    CHECK(*found == value);
  }
  CHECK(index.find("Dinas 45000", index.fetch("Dinas 45000")) == nullptr);
  CHECK(index.size() == truth.size());
}

TEST_CASE("StringIndex reserved after some keys holds the rest of the keys' text without moving it", "[string-index]") {
  StringIndex index;
  for (int i = 0; i < 100; ++i) index.try_emplace(fmt::format("Instansi {:07}", i), i);  // 16 bytes each
  index.reserve(100'000);
  CHECK(index.text_capacity() >= 100'000 * 16);
  for (int i = 100; i < 100'000; ++i) index.try_emplace(fmt::format("Instansi {:07}", i), i);
  CHECK(index.text_capacity() < 2 * 100'000 * 16);  // never doubled: the reservation sufficed
  CHECK(index.size() == 100'000);
  CHECK(*index.find("Instansi 0099999") == 99'999);
}
