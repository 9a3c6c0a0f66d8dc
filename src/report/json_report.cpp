// JSON report, schema "siap/assessment/v1" (docs/assessment-json.md).
#include <nlohmann/json.hpp>

#include "siap/regions.hpp"
#include "siap/report.hpp"

namespace siap {
namespace {

using json = nlohmann::ordered_json;

json text(const LocalizedText& t) { return json{{"id", t.id}, {"en", t.in(Lang::en)}}; }
// A decimal as a JSON number. Integers stay integers; otherwise the double
// nearest the exact value, which nlohmann writes back as the shortest text
// that round-trips: 3.41 prints as 3.41, 16.5 as 16.5.
json number(const Decimal& d) {
  if (d.is_integer()) return json(d.mantissa());
  if (d.scale() > 0 && d.round_half_up(0) == d) return json(d.round_half_up(0).mantissa());
  return json(d.to_double());
}

json score_json(const Framework& fw, const NodeScore& s, int depth) {
  json out{{"assessed", s.assessed}};
  if (!s.assessed) {
    out["coverage"] = s.coverage.round_half_up(4).to_string();
    return out;
  }
  out["exact"] = s.exact.to_string();
  out["exact_is_exact"] = s.exact.is_exact();
  out["published"] = number(s.published);
  if (s.percent) out["percent"] = number(*s.percent);
  out["coverage"] = number(s.coverage.round_half_up(4));
  if (s.given) out["given"] = true;
  json bands = json::object();
  auto sets = fw.band_sets_at(depth);
  for (std::size_t i = 0; i < s.bands.size() && i < sets.size(); ++i) {
    const BandSet& set = fw.band_sets[std::size_t(sets[i])];
    bands[set.id] = s.bands[i] >= 0 ? json(set.bands[std::size_t(s.bands[i])].id) : json(nullptr);
  }
  if (!bands.empty()) out["bands"] = bands;
  return out;
}

}  // namespace

std::string render_json(const Assessment& a, const ReportOptions& options) {
  const Framework& fw = *a.framework;
  const auto& regions = RegionTable::builtin();
  json out{{"schema", "siap/assessment/v1"}, {"tool", {{"name", "siap"}, {"version", options.tool_version}}}};
  out["settings"] = options.settings;
  out["framework"] = {{"id", fw.id},
                      {"version", fw.version},
                      {"title", text(fw.title)},
                      {"status", status_key(fw.provenance.status)},
                      {"profile", a.profile < 0 ? "default" : fw.profiles[std::size_t(a.profile)].id},
                      {"score", {{"min", number(fw.score.min)}, {"max", number(fw.score.max)}, {"decimals", fw.score.decimals}, {"rounding", "half_up"}}}};
  json inputs = json::array();
  for (const auto& f : a.data.files) {
    inputs.push_back({{"file", f.name},
                      {"sha256", f.sha256},
                      {"bytes", f.bytes},
                      {"delimiter", std::string(1, f.delimiter)},
                      {"decimal_comma", f.decimal_comma},
                      {"rows_read", f.rows_read},
                      {"rows_accepted", f.rows_accepted},
                      {"rows_rejected", f.rows_rejected}});
  }
  out["inputs"] = inputs;
  std::size_t cells = 0, assessed = 0;
  for (const auto& issue : a.data.issues) cells += issue.kind == IssueKind::cell_ignored;
  for (const auto& r : a.results) assessed += r.assessed;
  out["counts"] = {{"rows_read", a.data.rows_read},       {"rows_accepted", a.data.rows}, {"rows_rejected", a.data.rows_rejected},
                   {"cells_ignored", cells},             {"units", a.results.size()},    {"units_assessed", assessed},
                   {"units_not_assessed", a.results.size() - assessed}};

  json units = json::array();
  for (const auto& r : a.results) {
    const Unit& unit = a.unit_of(r);
    json u{{"code", unit.code.empty() ? json(nullptr) : json(unit.code)},
           {"name", unit.name},
           {"type", text(unit_type_label(unit))},
           {"province", unit.region < 0 ? json(nullptr) : json(regions.at(regions.at(unit.region).province).name)},
           {"respondents", r.respondents},
           {"assessed", r.assessed}};
    if (r.assessed) {
      u["rank"] = r.rank;
      u["rank_in_type"] = r.rank_in_type;
      u["rank_in_province"] = r.rank_in_province == 0 ? json(nullptr) : json(r.rank_in_province);
      u["index"] = score_json(fw, r.nodes[0], 0);
      if (r.gap_to_next_band) {
        const BandSet& set = fw.band_sets[std::size_t(fw.band_sets_at(0)[0])];
        u["next_band"] = {{"band", set.bands[std::size_t(*r.next_band)].id}, {"gap", number(*r.gap_to_next_band)}};
      }
    } else {
      u["not_assessed"] = {{"code", r.not_assessed_code}, {"reason", text(r.not_assessed_reason)}};
    }
    json nodes = json::object();
    for (std::size_t n = 1; n < fw.nodes.size(); ++n) {
      json s = score_json(fw, r.nodes[n], fw.nodes[n].depth);
      if (fw.nodes[n].is_leaf()) s["answers"] = r.nodes[n].answers;
      nodes[fw.nodes[n].id] = s;
    }
    u["nodes"] = nodes;
    if (!fw.facets.empty()) {
      json facets = json::object();
      for (std::size_t f = 0; f < fw.facets.size(); ++f) {
        json values = json::object();
        for (std::size_t v = 0; v < fw.facets[f].values.size(); ++v) {
          const NodeScore& s = r.facets[f][v];
          values[fw.facets[f].values[v].id] =
              s.assessed ? json{{"exact", s.exact.to_string()}, {"published", number(s.published)}} : json{{"assessed", false}};
        }
        facets[fw.facets[f].id] = values;
      }
      u["facets"] = facets;
    }
    units.push_back(u);
  }
  out["units"] = units;

  json quality = json::array();
  for (const auto& issue : a.data.issues) {
    quality.push_back({{"file", issue.file},
                       {"line", issue.line},
                       {"column", issue.column},
                       {"value", issue.value},
                       {"outcome", issue.kind == IssueKind::row_rejected ? "row_rejected" : "cell_ignored"},
                       {"code", issue.code},
                       {"reason", text(issue.reason)}});
  }
  out["quality"] = quality;
  return out.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace siap
