// Province roll-ups ("smart province"): each province's score per node from
// its kabupaten/kota, always with how much of the province that is. A
// province's own government assessed as a unit is not one of its
// kabupaten/kota and is never part of the roll-up.
// Conventions and sources: shared/domain/provinces-and-time.md.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "siap/assessment.hpp"
#include "siap/expected.hpp"
#include "siap/text.hpp"

namespace siap {

// Population per Kemendagri code ("32.73"): the bundled Dukcapil
// registration counts (data/regions/population-area.csv), or a study's own.
class PopulationTable {
 public:
  static const PopulationTable& builtin();
  // The bundled area in km² (the same file), for per-km² denominators.
  static const PopulationTable& builtin_area();
  // A CSV with a `code` (or `kode`) column and a `population` (or
  // `population_total`, `penduduk`) column; every other column is ignored.
  static Expected<PopulationTable> load(const std::string& path);
  std::optional<double> find(std::string_view code) const;
  const LocalizedText& source() const { return source_; }

 private:
  std::vector<std::pair<std::string, double>> by_code_;  // sorted by code
  LocalizedText source_;
};

enum class RollupMethod {
  mean,        // plain mean of the assessed kabupaten/kota (Komdigi's IMDI)
  population,  // weighted by population
  pooled,      // the province's respondents pooled as one unit
};

struct RollupOptions {
  RollupMethod method = RollupMethod::mean;
  // A province with a smaller share of its kabupaten/kota assessed is
  // itself "Tidak Dapat Dinilai" (project-defined default: half).
  double min_coverage = 0.5;
  bool national = false;                        // also Indonesia as a whole
  const PopulationTable* population = nullptr;  // for RollupMethod::population; nullptr: the bundled table
};

// What a roll-up is made of.
struct RollupCoverage {
  std::size_t total = 0;            // kabupaten/kota in the province (the bundled region table)
  std::vector<int> assessed;        // indices into the source Assessment::results: its assessed kabupaten/kota
  std::vector<int> not_assessable;  // its kabupaten/kota in the input but "Tidak Dapat Dinilai"
  std::vector<int> missing;         // RegionTable indices of its kabupaten/kota absent from the input
  double population_share = 0;      // of the province's registered population living in the assessed ones
  // The top-level node with the lowest published value (-1 when none), and
  // the assessed kabupaten/kota below the province's value on it, lowest first.
  int weakest = -1;
  std::vector<int> lagging;  // indices into the source Assessment::results
};

struct Rollup {
  RollupOptions options;
  // One unit per province with kabupaten/kota in the input (code "32", name
  // "Jawa Barat"), published, banded and ranked as units are.
  Assessment provinces;
  std::vector<RollupCoverage> coverage;  // parallel to provinces.data->units
  // With options.national: Indonesia as one unit (its coverage: provinces
  // and kabupaten/kota); the mean method takes the plain mean of the
  // provinces that could be rolled up, as IMDI does.
  std::optional<Assessment> national;
  RollupCoverage national_coverage;
  std::size_t provinces_total = 0;        // in the region table
  std::vector<int> province_governments;  // source results that are provinces' own governments, kept apart
};

// Rolls up `a`'s kabupaten/kota. Fails only for the population method when
// an assessed kabupaten/kota has no population in the table.
Expected<Rollup> roll_up(const Assessment& a, const RollupOptions& options);

// "rata-rata kabupaten/kota" / "plain mean of the regencies and cities", ...
LocalizedText rollup_method_label(RollupMethod method);

}  // namespace siap
