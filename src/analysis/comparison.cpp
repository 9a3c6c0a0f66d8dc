// Change over time: units matched across assessments by today's Kemendagri
// code (an earlier list's code mapped through the bundled changes), or by
// name for units that are not regions; nodes compared where every side's
// framework has them and the frameworks are one.
#include "siap/comparison.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "siap/folding.hpp"
#include "siap/number.hpp"
#include "siap/regions.hpp"

namespace siap {
namespace {

// The key a unit is matched by: today's code, or its folded name.
std::string key_of(const Unit& unit) { return unit.code().empty() ? "name:" + fold_answer(unit.name) : current_code(unit.code()); }

const Band* overall_band(const Framework& fw, const NodeScore& score) {
  const auto sets = fw.band_sets_at(0);
  if (sets.empty() || score.bands.empty() || score.bands[0] < 0) return nullptr;
  return &fw.band_sets[std::size_t(sets[0])].bands[std::size_t(score.bands[0])];
}

}  // namespace

Expected<Comparison> compare_assessments(std::vector<ComparedSide> sides) {
  Comparison out;
  const Framework& newest = *sides.back().assessment->framework;
  out.decimals = newest.score.decimals;
  for (const ComparedSide& side : sides) {
    const Framework& fw = *side.assessment->framework;
    if (fw.score.min != newest.score.min || fw.score.max != newest.score.max) {
      Diagnostic d;
      d.message = {fmt::format("{} ({} {}) menilai pada skala {}–{}, {} ({} {}) pada {}–{}: tidak ada yang dapat dibandingkan", side.label, fw.id,
                               fw.version, fw.score.min.to_string(), fw.score.max.to_string(), sides.back().label, newest.id, newest.version,
                               newest.score.min.to_string(), newest.score.max.to_string()),
                   fmt::format("{} ({} {}) scores on {}–{}, {} ({} {}) on {}–{}: nothing can be compared", side.label, fw.id, fw.version,
                               fw.score.min.to_string(), fw.score.max.to_string(), sides.back().label, newest.id, newest.version,
                               newest.score.min.to_string(), newest.score.max.to_string())};
      return Diagnostics{d};
    }
    if (fw.id != newest.id) out.bands_comparable = false;
  }
  // The index, then the top-level nodes of the newest framework that every side has, by id.
  out.node_ids.push_back("index");
  out.node_names.push_back({"Indeks", "Index"});
  std::vector<std::vector<int>> node_of(sides.size(), std::vector<int>{0});
  if (out.bands_comparable) {
    for (int t : newest.root().children) {
      const std::string& id = newest.nodes[std::size_t(t)].id;
      std::vector<int> found;
      for (const ComparedSide& side : sides) {
        auto n = side.assessment->framework->find_node(id);
        if (!n) break;
        found.push_back(*n);
      }
      if (found.size() != sides.size()) continue;
      out.node_ids.push_back(id);
      out.node_names.push_back(newest.nodes[std::size_t(t)].name);
      for (std::size_t s = 0; s < sides.size(); ++s) node_of[s].push_back(found[s]);
    }
  } else {
    std::vector<std::string> names;
    for (const ComparedSide& side : sides) names.push_back(fmt::format("{} {}", side.assessment->framework->id, side.assessment->framework->version));
    const std::string list = fmt::format("{}", fmt::join(names, " → "));
    out.warnings.push_back(
        {fmt::format("Kerangka berbeda ({}): hanya indeks pada skala yang sama ({}–{}) yang dibandingkan; dimensi, domain dan indikatornya tidak "
                     "sebanding, dan predikatnya tidak dibandingkan.",
                     list, newest.score.min.format(0, ','), newest.score.max.format(0, ',')),
         fmt::format("Different frameworks ({}): only the index on the same scale ({}–{}) is compared; their dimensions, domains and indicators "
                     "are not comparable, and neither are their bands.",
                     list, newest.score.min.format(0, '.'), newest.score.max.format(0, '.'))});
  }

  // Every unit of every side under its key, in the order first seen (newest side first).
  std::map<std::string, std::size_t> index_of;
  std::vector<ComparedUnit> all;
  for (std::size_t s = sides.size(); s-- > 0;) {
    const Assessment& a = *sides[s].assessment;
    for (const UnitResult& r : a.results) {
      const Unit& unit = a.unit_of(r);
      const std::string key = key_of(unit);
      auto [it, added] = index_of.emplace(key, all.size());
      if (added) {
        ComparedUnit u;
        u.code = unit.code().empty() ? "" : current_code(unit.code());
        u.name = unit.name;
        if (auto region = RegionTable::builtin().find_code(u.code)) {
          u.name = RegionTable::builtin().at(*region).name;
          u.province_name = RegionTable::builtin().at(RegionTable::builtin().at(*region).province).name;
        } else {
          u.province_name = unit.province_name();
        }
        u.written_as.assign(sides.size(), "");
        u.values.assign(sides.size(), std::vector<ComparedValue>(out.node_ids.size()));
        all.push_back(std::move(u));
      }
      ComparedUnit& u = all[it->second];
      if (!unit.code().empty() && unit.code() != u.code) u.written_as[s] = fmt::format("{} {}", unit.code(), unit.name);
      for (std::size_t k = 0; k < out.node_ids.size(); ++k) {
        const NodeScore& score = r.nodes[std::size_t(node_of[s][k])];
        ComparedValue& v = u.values[s][k];
        v.present = true;
        v.assessed = r.assessed && score.assessed;
        if (v.assessed) v.published = score.published;
        if (k == 0 && v.assessed) {
          v.band = overall_band(*a.framework, score);
          v.rank = r.rank;
        }
      }
    }
  }
  for (ComparedUnit& u : all) {
    const bool everywhere = std::all_of(u.values.begin(), u.values.end(), [](const auto& side) { return side[0].present; });
    (everywhere ? out.units : out.partial).push_back(std::move(u));
  }
  std::stable_sort(out.units.begin(), out.units.end(), [](const ComparedUnit& x, const ComparedUnit& y) {
    const auto cx = change_of(x, 0), cy = change_of(y, 0);
    if (cx.has_value() != cy.has_value()) return cx.has_value();
    if (cx && *cx != *cy) return *cx > *cy;
    return x.name < y.name;
  });
  std::stable_sort(out.partial.begin(), out.partial.end(), [](const ComparedUnit& x, const ComparedUnit& y) { return x.name < y.name; });
  out.sides = std::move(sides);
  return out;
}

std::optional<Decimal> change_of(const ComparedUnit& unit, std::size_t node) {
  const ComparedValue& first = unit.values.front()[node];
  const ComparedValue& last = unit.values.back()[node];
  if (!first.assessed || !last.assessed) return std::nullopt;
  const int decimals = std::max(first.published.scale(), last.published.scale());
  return (Number::of(last.published) - Number::of(first.published)).round_half_up(decimals);
}

LocalizedText band_change(const Comparison& c, const ComparedUnit& unit) {
  const ComparedValue& first = unit.values.front()[0];
  const ComparedValue& last = unit.values.back()[0];
  if (!c.bands_comparable || !first.band || !last.band) return {};
  if (last.band->from > first.band->from) return {"naik", "up"};
  if (last.band->from < first.band->from) return {"turun", "down"};
  return {"tetap", "same"};
}

std::optional<double> annual_growth(const Comparison& c, const ComparedUnit& unit) {
  const ComparedSide& first = c.sides.front();
  const ComparedSide& last = c.sides.back();
  if (!first.year || !last.year || *last.year <= *first.year) return std::nullopt;
  const ComparedValue& a = unit.values.front()[0];
  const ComparedValue& b = unit.values.back()[0];
  if (!a.assessed || !b.assessed || a.published.to_double() <= 0 || b.published.to_double() <= 0) return std::nullopt;
  return std::pow(b.published.to_double() / a.published.to_double(), 1.0 / double(*last.year - *first.year)) - 1;
}

Comparison by_province(const Comparison& c) {
  Comparison out;
  out.sides = c.sides;
  out.node_ids = c.node_ids;
  out.node_names = c.node_names;
  out.decimals = c.decimals;
  out.bands_comparable = c.bands_comparable;
  out.warnings = c.warnings;
  const RegionTable& table = RegionTable::builtin();
  // Today's province of every kabupaten/kota, in code order.
  std::map<int, std::vector<const ComparedUnit*>> members;
  for (const auto* list : {&c.units, &c.partial}) {
    for (const ComparedUnit& u : *list) {
      const auto region = table.find_code(u.code);
      if (!region || table.at(*region).type == RegionType::provinsi) continue;
      members[table.at(*region).province].push_back(&u);
    }
  }
  for (const auto& [province, units] : members) {
    ComparedUnit p;
    p.code = table.at(province).code;
    p.name = table.at(province).name;
    p.province_name = p.name;
    p.written_as.assign(c.sides.size(), "");
    p.values.assign(c.sides.size(), std::vector<ComparedValue>(c.node_ids.size()));
    for (std::size_t s = 0; s < c.sides.size(); ++s) {
      for (std::size_t k = 0; k < c.node_ids.size(); ++k) {
        Number sum;
        std::int64_t n = 0;
        bool present = false;
        for (const ComparedUnit* u : units) {
          const ComparedValue& v = u->values[s][k];
          present = present || v.present;
          if (!v.assessed) continue;
          sum = sum + Number::of(v.published);
          ++n;
        }
        ComparedValue& v = p.values[s][k];
        v.present = present;
        v.assessed = n > 0;
        if (v.assessed) v.published = (sum / Number::of(n)).round_half_up(c.sides[s].assessment->framework->score.decimals);
        if (k == 0 && v.assessed) {
          const Framework& fw = *c.sides[s].assessment->framework;
          const auto sets = fw.band_sets_at(0);
          if (!sets.empty()) {
            const BandSet& set = fw.band_sets[std::size_t(sets[0])];
            if (auto band = set.band_of(v.published)) v.band = &set.bands[std::size_t(*band)];
          }
        }
      }
    }
    const bool everywhere = std::all_of(p.values.begin(), p.values.end(), [](const auto& side) { return side[0].present; });
    (everywhere ? out.units : out.partial).push_back(std::move(p));
  }
  // Competition ranks among the provinces of each side.
  for (std::size_t s = 0; s < c.sides.size(); ++s) {
    std::vector<ComparedValue*> ranked;
    for (auto* list : {&out.units, &out.partial}) {
      for (ComparedUnit& u : *list) {
        if (u.values[s][0].assessed) ranked.push_back(&u.values[s][0]);
      }
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](const ComparedValue* x, const ComparedValue* y) { return x->published > y->published; });
    for (std::size_t i = 0; i < ranked.size(); ++i) {
      ranked[i]->rank = i > 0 && ranked[i]->published == ranked[i - 1]->published ? ranked[i - 1]->rank : int(i + 1);
    }
  }
  std::stable_sort(out.units.begin(), out.units.end(), [](const ComparedUnit& x, const ComparedUnit& y) {
    const auto cx = change_of(x, 0), cy = change_of(y, 0);
    if (cx.has_value() != cy.has_value()) return cx.has_value();
    if (cx && *cx != *cy) return *cx > *cy;
    return x.code < y.code;
  });
  out.warnings.push_back({"Per provinsi: rata-rata kabupaten/kota yang dinilai pada setiap penilaian, menurut provinsi saat ini (seperti IMDI).",
                          "By province: the mean of the regencies and cities assessed in each assessment, by today's province (as IMDI)."});
  return out;
}

}  // namespace siap
