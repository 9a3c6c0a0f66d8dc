// Province roll-ups: each province's node values from its assessed
// kabupaten/kota (plain mean, population-weighted mean, or its respondents
// pooled and scored as one unit), published, banded and ranked by the same
// code as any unit (assess_values), with the coverage that says how much of
// the province that is.
#include "siap/rollup.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "siap/regions.hpp"
#include "siap/scoring_kernel.hpp"

namespace siap {
namespace {

std::size_t facet_value_count(const Framework& fw) {
  std::size_t n = 0;
  for (const auto& facet : fw.facets) n += facet.values.size();
  return n;
}

// Every node value then every facet value of a result, as NodeScores.
std::vector<const NodeScore*> scores_of(const Framework& fw, const UnitResult& r) {
  std::vector<const NodeScore*> out;
  for (std::size_t n = 0; n < fw.nodes.size(); ++n) out.push_back(&r.nodes[n]);
  for (const auto& facet : r.facets) {
    for (const NodeScore& s : facet) out.push_back(&s);
  }
  return out;
}

// The weighted mean of the members' values, node by node; a node none of
// them has stays unassessed, and its coverage is the share that have it.
std::vector<NodeValue> weighted_mean(const Assessment& a, const std::vector<int>& members, const std::vector<Number>& weights, std::size_t per_unit) {
  std::vector<NodeValue> out(per_unit);
  if (members.empty()) return out;
  Number all;
  for (const Number& w : weights) all = all + w;
  std::vector<std::vector<const NodeScore*>> scores;
  for (int m : members) scores.push_back(scores_of(*a.framework, a.results[std::size_t(m)]));
  for (std::size_t k = 0; k < per_unit; ++k) {
    Number sum, present;
    std::uint32_t answers = 0;
    for (std::size_t m = 0; m < members.size(); ++m) {
      const NodeScore& s = *scores[m][k];
      if (!s.assessed) continue;
      sum = sum + weights[m] * a.exact(s);
      present = present + weights[m];
      answers += s.answers;
    }
    if (present.is_zero()) continue;
    out[k].assessed = true;
    out[k].exact = sum / present;
    out[k].coverage = present / all;
    out[k].answers = answers;
  }
  return out;
}

std::vector<NodeValue> values_of(const Assessment& a, const UnitResult& r) {
  std::vector<NodeValue> out;
  for (const NodeScore* s : scores_of(*a.framework, r))
    out.push_back(NodeValue{s->assessed, s->given, s->answers, a.exact(*s), Number::of(s->coverage())});
  return out;
}

// A dataset of `units` with `data`'s items and files and no rows: what
// roll-ups are published and ranked on (assess_values), or filled by pooling.
std::shared_ptr<Dataset> units_like(const Dataset& data, std::vector<Unit> units) {
  auto out = std::make_shared<Dataset>();
  out->kind = data.kind;
  out->files = data.files;
  out->units = std::move(units);
  out->items = data.items;
  out->coded_items = data.coded_items;
  out->rows_read = data.rows_read;
  out->rows_rejected = data.rows_rejected;
  return out;
}

// The respondents of the assessed kabupaten/kota, each group's rows
// scored as one unit: `group_of[u]` for each source unit (-1: left out).
std::shared_ptr<Dataset> pooled_dataset(const Dataset& data, const std::vector<int>& group_of, std::vector<Unit> units) {
  auto out = units_like(data, std::move(units));
  std::vector<std::int64_t> new_row(data.rows, -1);
  for (std::size_t r = 0; r < data.rows; ++r) {
    const int group = group_of[std::size_t(data.row_unit[r])];
    if (group < 0) continue;
    new_row[r] = std::int64_t(out->rows++);
    out->row_unit.push_back(group);
    if (!data.row_group.empty()) out->row_group.push_back(data.row_group[r]);
    out->row_file.push_back(data.row_file[r]);
    out->row_line.push_back(data.row_line[r]);
    for (std::size_t c = 0; c < data.coded_items; ++c) out->codes.push_back(data.code(r, c));
  }
  out->decimals.resize(data.decimals.size());
  for (std::size_t slot = 0; slot < data.decimals.size(); ++slot) {
    for (const auto& answer : data.decimals[slot]) {
      if (new_row[answer.row] >= 0) out->decimals[slot].emplace_back(std::uint32_t(new_row[answer.row]), answer.value());
    }
  }
  return out;
}

// Each pooled unit's values, by unit index of the pooled assessment.
std::vector<std::vector<NodeValue>> pooled_values(const Assessment& pooled, std::size_t units, std::size_t per_unit) {
  std::vector<std::vector<NodeValue>> out(units, std::vector<NodeValue>(per_unit));
  for (const UnitResult& r : pooled.results) {
    if (r.assessed) out[std::size_t(r.unit)] = values_of(pooled, r);
  }
  return out;
}

// As the reports write shares: "7,41 %".
std::string percent(double share, char point) {
  std::string s = fmt::format("{:.2f} %", share * 100);
  for (char& c : s) c = c == '.' ? point : c;
  return s;
}

// A roll-up below the minimum coverage says so, in place of the scorer's reason.
void mark_too_few(UnitResult& r, const RollupCoverage& c, double min_coverage) {
  const double share = c.total ? double(c.assessed.size()) / double(c.total) : 0;
  r.why_not =
      std::make_shared<const NotAssessed>(NotAssessed{"too_few_kabupaten_kota",
                                                      {fmt::format("hanya {} dari {} kabupaten/kota dinilai ({}); minimal {}", c.assessed.size(),
                                                                   c.total, percent(share, ','), percent(min_coverage, ',')),
                                                       fmt::format("only {} of {} regencies and cities assessed ({}); at least {} needed",
                                                                   c.assessed.size(), c.total, percent(share, '.'), percent(min_coverage, '.'))}});
}

}  // namespace

LocalizedText rollup_method_label(RollupMethod method) {
  switch (method) {
    case RollupMethod::mean:
      return {"rata-rata kabupaten/kota", "plain mean of the regencies and cities"};
    case RollupMethod::population:
      return {"rata-rata kabupaten/kota tertimbang jumlah penduduk", "mean of the regencies and cities weighted by population"};
    case RollupMethod::pooled:
      return {"responden kabupaten/kota digabung", "the regencies' and cities' respondents pooled"};
  }
  return {};
}

Expected<Rollup> roll_up(const Assessment& a, const RollupOptions& o) {
  const Framework& fw = *a.framework;
  const Dataset& data = *a.data;
  const RegionTable& table = RegionTable::builtin();
  const PopulationTable& population = o.population ? *o.population : PopulationTable::builtin();
  const std::size_t per_unit = fw.nodes.size() + facet_value_count(fw);
  Rollup out;
  out.options = o;

  // The provinces with kabupaten/kota in the input, in code order, and their members.
  std::map<int, std::vector<int>> members;  // province region index -> source results
  for (std::size_t i = 0; i < a.results.size(); ++i) {
    const Unit& unit = a.unit_of(a.results[i]);
    if (unit.region < 0) continue;
    if (unit.level == UnitLevel::provinsi) {
      out.province_governments.push_back(int(i));
    } else {
      members[table.at(unit.region).province].push_back(int(i));
    }
  }
  std::map<int, std::vector<int>> all_kabkota;  // province -> region indices
  for (std::size_t r = 0; r < table.regions().size(); ++r) {
    const Region& region = table.regions()[r];
    if (region.type == RegionType::provinsi) {
      ++out.provinces_total;
    } else {
      all_kabkota[region.province].push_back(int(r));
    }
  }

  auto weights_of = [&](const std::vector<int>& results) -> Expected<std::vector<Number>> {
    std::vector<Number> w;
    for (int i : results) {
      if (o.method != RollupMethod::population) {
        w.push_back(Number::of(1));
        continue;
      }
      const Unit& unit = a.unit_of(a.results[std::size_t(i)]);
      auto n = population.find(unit.code());
      if (!n) {
        Diagnostic d;
        d.message = {fmt::format("{}: tidak ada jumlah penduduk untuk {} ({})", population.source().id, unit.name, unit.code()),
                     fmt::format("{}: no population for {} ({})", population.source().en, unit.name, unit.code())};
        return Diagnostics{d};
      }
      w.push_back(Number::of(std::int64_t(*n)));
    }
    return w;
  };
  auto coverage_of = [&](const std::vector<int>& results, const std::vector<int>& regions_in) {
    RollupCoverage c;
    c.total = regions_in.size();
    std::vector<bool> present(table.regions().size(), false);
    for (int i : results) {
      const UnitResult& r = a.results[std::size_t(i)];
      present[std::size_t(a.unit_of(r).region)] = true;
      (r.assessed ? c.assessed : c.not_assessable).push_back(i);
    }
    double covered = 0, total = 0;
    for (int region : regions_in) {
      if (!present[std::size_t(region)]) c.missing.push_back(region);
      const double n = PopulationTable::builtin().find(table.at(region).code).value_or(0);
      total += n;
    }
    for (int i : c.assessed) covered += PopulationTable::builtin().find(a.unit_of(a.results[std::size_t(i)]).code()).value_or(0);
    c.population_share = total > 0 ? covered / total : 0;
    return c;
  };
  auto enough = [&](const RollupCoverage& c) { return c.total > 0 && double(c.assessed.size()) / double(c.total) >= o.min_coverage; };

  // The provinces as units.
  auto provinces = units_like(data, {});
  std::vector<std::vector<NodeValue>> values;
  std::vector<int> province_of_unit(data.units.size(), -1);  // pooled: source unit -> province unit
  for (const auto& [province, results] : members) {
    const Region& p = table.at(province);
    provinces->units.push_back(Unit{province, p.code, p.name, UnitLevel::provinsi, p.code, p.name});
    out.coverage.push_back(coverage_of(results, all_kabkota[province]));
    const RollupCoverage& c = out.coverage.back();
    for (int i : c.assessed) province_of_unit[std::size_t(a.results[std::size_t(i)].unit)] = int(provinces->units.size() - 1);
    if (o.method == RollupMethod::pooled) {
      values.emplace_back(per_unit);  // filled below
      continue;
    }
    auto w = weights_of(c.assessed);
    if (!w) return w.errors();
    values.push_back(weighted_mean(a, c.assessed, *w, per_unit));
  }
  if (o.method == RollupMethod::pooled) {
    const Assessment pooled = assess(fw, pooled_dataset(data, province_of_unit, provinces->units), a.profile);
    values = pooled_values(pooled, provinces->units.size(), per_unit);
  }
  for (std::size_t p = 0; p < values.size(); ++p) {
    if (!enough(out.coverage[p])) values[p] = std::vector<NodeValue>(per_unit);
  }
  out.provinces = assess_values(fw, provinces, values, a.profile);

  // Why a province is not rolled up; its respondents; its weakest top-level node and who lags on it.
  for (UnitResult& r : out.provinces.results) {
    const RollupCoverage& c = out.coverage[std::size_t(r.unit)];
    for (int i : c.assessed) r.respondents += a.results[std::size_t(i)].respondents;
    if (!enough(c)) mark_too_few(r, c, o.min_coverage);
  }
  for (const UnitResult& r : out.provinces.results) {
    RollupCoverage& c = out.coverage[std::size_t(r.unit)];
    if (!r.assessed) continue;
    for (int t : fw.root().children) {
      const NodeScore& s = r.nodes[std::size_t(t)];
      if (s.assessed && (c.weakest < 0 || s.published < r.nodes[std::size_t(c.weakest)].published)) c.weakest = t;
    }
    if (c.weakest < 0) continue;
    const Decimal level = r.nodes[std::size_t(c.weakest)].published;
    for (int i : c.assessed) {
      const NodeScore& s = a.results[std::size_t(i)].nodes[std::size_t(c.weakest)];
      if (s.assessed && s.published < level) c.lagging.push_back(i);
    }
    std::stable_sort(c.lagging.begin(), c.lagging.end(), [&](int x, int y) {
      return a.results[std::size_t(x)].nodes[std::size_t(c.weakest)].published < a.results[std::size_t(y)].nodes[std::size_t(c.weakest)].published;
    });
  }

  if (o.national) {
    std::vector<int> every_result, every_region;
    for (const auto& [province, results] : members) every_result.insert(every_result.end(), results.begin(), results.end());
    for (const auto& [province, regions_in] : all_kabkota) every_region.insert(every_region.end(), regions_in.begin(), regions_in.end());
    out.national_coverage = coverage_of(every_result, every_region);
    auto nation = units_like(data, {Unit{-1, "", "Indonesia", UnitLevel::other, "", ""}});
    std::vector<std::vector<NodeValue>> national(1, std::vector<NodeValue>(per_unit));
    if (o.method == RollupMethod::mean) {
      // IMDI: the plain mean of the provinces.
      std::vector<int> rolled;
      for (std::size_t i = 0; i < out.provinces.results.size(); ++i) {
        if (out.provinces.results[i].assessed) rolled.push_back(int(i));
      }
      national[0] = weighted_mean(out.provinces, rolled, std::vector<Number>(rolled.size(), Number::of(1)), per_unit);
    } else if (o.method == RollupMethod::population) {
      auto w = weights_of(out.national_coverage.assessed);
      if (!w) return w.errors();
      national[0] = weighted_mean(a, out.national_coverage.assessed, *w, per_unit);
    } else {
      std::vector<int> all(data.units.size(), -1);
      for (int i : out.national_coverage.assessed) all[std::size_t(a.results[std::size_t(i)].unit)] = 0;
      const Assessment pooled = assess(fw, pooled_dataset(data, all, nation->units), a.profile);
      national = pooled_values(pooled, 1, per_unit);
    }
    if (!enough(out.national_coverage)) national[0] = std::vector<NodeValue>(per_unit);
    out.national = assess_values(fw, nation, national, a.profile);
    UnitResult& r = out.national->results[0];
    for (int i : out.national_coverage.assessed) r.respondents += a.results[std::size_t(i)].respondents;
    if (!enough(out.national_coverage)) mark_too_few(r, out.national_coverage, o.min_coverage);
  }
  return out;
}

}  // namespace siap
