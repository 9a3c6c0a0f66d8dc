#include "report/rollup_tables.hpp"

#include <fmt/format.h>

#include "report/report_labels.hpp"
#include "report/report_view.hpp"
#include "siap/regions.hpp"
#include "siap/report.hpp"

namespace siap::report {
namespace {

constexpr std::size_t kNamesListed = 10;  // names in a sentence before "and N more"
constexpr std::size_t kLaggingListed = 3;

class Builder {
 public:
  Builder(const Rollup& rollup, const Assessment& source, Lang lang)
      : r_(rollup), source_(source), fw_(*source.framework), lang_(lang), banded_(overall_band_set(fw_) != nullptr) {}

  RollupTables build() {
    RollupTables out;
    out.title = t("Rekap provinsi", "Province roll-up");
    method(out);
    out.provinces = provinces(out);
    if (r_.national) out.national = national();
    if (!r_.province_governments.empty()) {
      std::vector<std::string> names;
      for (int i : r_.province_governments) names.push_back(source_.unit_of(source_.results[std::size_t(i)]).name);
      out.governments = fmt::format(
          "{}: {}.", t("Dinilai sebagai pemerintah provinsi, tidak termasuk rekap", "Assessed as provincial governments, not in the roll-up"),
          list(names));
    }
    return out;
  }

 private:
  std::string t(std::string_view id, std::string_view en) const { return std::string(lang_ == Lang::en ? en : id); }
  std::string share(double v) const { return percent_text(v, lang_); }

  std::string list(const std::vector<std::string>& names) const {
    std::string out;
    for (std::size_t i = 0; i < names.size() && i < kNamesListed; ++i) out += (i ? ", " : "") + names[i];
    if (names.size() > kNamesListed) out += fmt::format(" {} {} {}", t("dan", "and"), names.size() - kNamesListed, t("lainnya", "more"));
    return out;
  }
  std::string name_of_result(int i) const { return source_.unit_of(source_.results[std::size_t(i)]).name; }

  void method(RollupTables& out) const {
    const RollupOptions& o = r_.options;
    out.method.push_back(fmt::format("{}: {}{}.", t("Nilai provinsi", "A province's value"), rollup_method_label(o.method).in(lang_),
                                     o.method == RollupMethod::mean ? t(" (seperti IMDI Komdigi)", " (as Komdigi's IMDI)") : ""));
    if (o.method == RollupMethod::population) {
      const PopulationTable& population = o.population ? *o.population : PopulationTable::builtin();
      out.method.push_back(fmt::format("{}: {}.", t("Bobot", "Weights"), population.source().in(lang_)));
    }
    if (o.method == RollupMethod::pooled) {
      out.method.push_back(
          t("Responden kabupaten/kota yang dinilai digabung dan dinilai sebagai satu unit per provinsi, dengan aturan kerangka yang sama.",
            "The respondents of the assessed regencies and cities are pooled and scored as one unit per province, by the "
            "framework's own rules."));
    }
    out.method.push_back(fmt::format("{} {} {}", t("Provinsi dengan kurang dari", "A province with fewer than"), share(o.min_coverage),
                                     t("kabupaten/kota dinilai tidak direkap (Tidak Dapat Dinilai); batas ini ditetapkan proyek (--min-coverage).",
                                       "of its regencies and cities assessed is not rolled up (not assessable); this minimum is project-defined "
                                       "(--min-coverage).")));
    out.method.push_back(t("Cakupan penduduk: bagian penduduk terdaftar Dukcapil provinsi yang tinggal di kabupaten/kota yang dinilai.",
                           "Population covered: the share of the province's Dukcapil-registered population living in the assessed regencies "
                           "and cities."));
    out.method.push_back(
        t("Dimensi terlemah: dimensi tingkat pertama dengan nilai provinsi terendah; tertinggal: kabupaten/kota yang dinilai di "
          "bawah nilai provinsi pada dimensi itu, terendah dahulu.",
          "Weakest dimension: the top-level node with the province's lowest value; lagging: the assessed regencies and cities "
          "below the province's value on it, lowest first."));
  }

  Table provinces(RollupTables& out) const {
    Table table;
    table.header = {"#", t("Provinsi", "Province"), label::kScore.in(lang_)};
    if (banded_) table.header.push_back(label::kBand.in(lang_));
    table.header.insert(table.header.end(),
                        {t("Kab/kota dinilai", "Regencies/cities assessed"), t("Cakupan", "Coverage"), t("Penduduk tercakup", "Population covered")});
    if (banded_) table.header.push_back(t("Ke predikat berikutnya", "To the next band"));
    table.header.insert(table.header.end(), {t("Dimensi terlemah", "Weakest dimension"), t("Tertinggal", "Lagging")});
    const Assessment& p = r_.provinces;
    for (const UnitResult& result : p.results) {
      const RollupCoverage& c = r_.coverage[std::size_t(result.unit)];
      const Unit& unit = p.unit_of(result);
      std::vector<TableCell> row{{result.assessed ? std::to_string(result.rank) : "–", true},
                                 {unit.name, false},
                                 {result.assessed ? published_text(fw_, result.nodes[0], lang_) : "–", true}};
      if (banded_) {
        const Band* band = result.assessed ? band_of(fw_, 0, result.nodes[0]) : nullptr;
        row.push_back({band ? band->label.in(lang_) : label::kNotAssessable.in(lang_), false});
      }
      row.push_back({fmt::format("{} {} {}", c.assessed.size(), t("dari", "of"), c.total), true});
      row.push_back({share(c.total ? double(c.assessed.size()) / double(c.total) : 0), true});
      row.push_back({share(c.population_share), true});
      if (banded_) row.push_back({result.gap_to_next_band ? format_published(*result.gap_to_next_band, fw_.score.decimals, lang_) : "–", true});
      row.push_back({c.weakest >= 0 ? fw_.nodes[std::size_t(c.weakest)].name.in(lang_) : "–", false});
      std::vector<std::string> lagging;
      for (std::size_t i = 0; i < c.lagging.size() && i < kLaggingListed; ++i) {
        const UnitResult& k = source_.results[std::size_t(c.lagging[i])];
        lagging.push_back(fmt::format("{} ({})", source_.unit_of(k).name, published_text(fw_, k.nodes[std::size_t(c.weakest)], lang_)));
      }
      std::string lag = lagging.empty() ? "–" : fmt::format("{}", fmt::join(lagging, ", "));
      if (c.lagging.size() > kLaggingListed) lag += fmt::format(" +{}", c.lagging.size() - kLaggingListed);
      row.push_back({lag, false});
      table.rows.push_back(std::move(row));
      out.details.push_back(details(unit, result, c));
    }
    return table;
  }

  std::string details(const Unit& unit, const UnitResult& result, const RollupCoverage& c) const {
    std::vector<std::string> parts;
    if (!result.assessed) parts.push_back(result.not_assessed_reason().in(lang_));
    if (!c.missing.empty()) {
      std::vector<std::string> names;
      for (int region : c.missing) names.push_back(RegionTable::builtin().at(region).name);
      parts.push_back(
          fmt::format("{} {}: {}", c.missing.size(), t("kabupaten/kota tidak ada dalam data", "regencies/cities not in the data"), list(names)));
    }
    if (!c.not_assessable.empty()) {
      std::vector<std::string> names;
      for (int i : c.not_assessable) {
        names.push_back(fmt::format("{} ({})", name_of_result(i), source_.results[std::size_t(i)].not_assessed_reason().in(lang_)));
      }
      parts.push_back(fmt::format("{}: {}", t("tidak dapat dinilai", "not assessable"), list(names)));
    }
    if (parts.empty()) parts.push_back(t("semua kabupaten/kota dinilai", "every regency and city assessed"));
    return fmt::format("{}: {}.", unit.name, fmt::join(parts, "; "));
  }

  std::string national() const {
    const UnitResult& n = r_.national->results[0];
    const RollupCoverage& c = r_.national_coverage;
    std::string value =
        n.assessed ? published_text(fw_, n.nodes[0], lang_) : label::kNotAssessable.in(lang_) + " (" + n.not_assessed_reason().in(lang_) + ")";
    if (n.assessed && banded_) {
      if (const Band* band = band_of(fw_, 0, n.nodes[0])) value += " · " + band->label.in(lang_);
    }
    return fmt::format("Indonesia: {} · {} {} {} {} ({}), {} {}", value, c.assessed.size(), t("dari", "of"), c.total,
                       t("kabupaten/kota dinilai", "regencies and cities assessed"), share(c.total ? double(c.assessed.size()) / double(c.total) : 0),
                       t("penduduk tercakup", "population covered"), share(c.population_share));
  }

  const Rollup& r_;
  const Assessment& source_;
  const Framework& fw_;
  Lang lang_;
  bool banded_;
};

}  // namespace

RollupTables rollup_tables(const Rollup& rollup, const Assessment& source, Lang lang) { return Builder(rollup, source, lang).build(); }

}  // namespace siap::report
