// The YAML keys and report labels of the indicator treatments, one table each.
#include "siap/indicator_treatment.hpp"

namespace siap {
namespace {

template <typename E>
struct Name {
  E value;
  const char* key;
  LocalizedText label;
};

const Name<Imputation> kImputations[] = {
    {Imputation::none, "none", {"dibiarkan kosong", "left missing"}},
    {Imputation::mean, "mean", {"rata-rata semua unit", "mean of all units"}},
    {Imputation::median, "median", {"median semua unit", "median of all units"}},
    {Imputation::province_mean, "province_mean", {"rata-rata unit di provinsi yang sama", "mean of the units in the same province"}},
    {Imputation::province_median, "province_median", {"median unit di provinsi yang sama", "median of the units in the same province"}},
    {Imputation::type_mean, "type_mean", {"rata-rata unit sejenis (kabupaten/kota)", "mean of the units of the same type (regency/city)"}},
    {Imputation::type_median, "type_median", {"median unit sejenis (kabupaten/kota)", "median of the units of the same type (regency/city)"}},
};

const Name<Normaliser> kNormalisers[] = {
    {Normaliser::minmax, "minmax", {"min-maks", "min-max"}},
    {Normaliser::zscore, "zscore", {"skor-z", "z-score"}},
    {Normaliser::goalposts, "goalposts", {"batas acuan (goalposts)", "goalposts"}},
    {Normaliser::distance_to_target, "distance_to_target", {"jarak ke target", "distance to target"}},
    {Normaliser::distance_to_best, "distance_to_best", {"rasio terhadap yang terbaik", "ratio to the best"}},
    {Normaliser::rank, "rank", {"peringkat", "rank"}},
    {Normaliser::percentile_rank, "percentile_rank", {"peringkat persentil", "percentile rank"}},
};

template <typename E, std::size_t N>
const Name<E>& find(const Name<E> (&table)[N], E value) {
  for (const auto& n : table) {
    if (n.value == value) return n;
  }
  return table[0];
}
template <typename E, std::size_t N>
std::optional<E> find_key(const Name<E> (&table)[N], std::string_view key) {
  for (const auto& n : table) {
    if (key == n.key) return n.value;
  }
  return std::nullopt;
}

}  // namespace

const char* imputation_key(Imputation method) { return find(kImputations, method).key; }
std::optional<Imputation> imputation_from_key(std::string_view key) { return find_key(kImputations, key); }
const LocalizedText& imputation_label(Imputation method) { return find(kImputations, method).label; }
const char* normaliser_key(Normaliser method) { return find(kNormalisers, method).key; }
std::optional<Normaliser> normaliser_from_key(std::string_view key) { return find_key(kNormalisers, key); }
const LocalizedText& normaliser_label(Normaliser method) { return find(kNormalisers, method).label; }
bool normaliser_has_range(Normaliser method) { return method != Normaliser::zscore && method != Normaliser::rank; }

const char* denominator_key(Denominator d) {
  switch (d) {
    case Denominator::population:
      return "population";
    case Denominator::area:
      return "area";
    case Denominator::column:
      return "column";
    case Denominator::none:
      break;
  }
  return "none";
}

}  // namespace siap
