#include "cli/framework_json.hpp"

#include <cmath>

#include "siap/effective_weights.hpp"

namespace siap::cli {
namespace {

using json = nlohmann::ordered_json;

json text(const LocalizedText& t) { return json{{"id", t.id}, {"en", t.en.empty() ? t.id : t.en}}; }

// Exact decimals become JSON numbers through their exact text, so 1.3 is
// written as 1.3 and not as the nearest double's 17 digits.
json number(const Decimal& d) { return json::parse(d.to_string()); }

// Shares are ratios of exact weights; 12 significant digits is far beyond
// any published precision and keeps 0.013 from printing as 0.013000000000000001.
json share(double value) {
  if (value == 0) return 0.0;
  double magnitude = std::pow(10.0, 12 - int(std::ceil(std::log10(std::fabs(value)))));
  return std::round(value * magnitude) / magnitude;
}

json provenance(const Framework& fw, const Provenance& p) {
  json sources = json::array();
  for (int s : p.sources) sources.push_back(fw.sources[std::size_t(s)].id);
  return json{{"status", status_key(p.status)}, {"sources", sources}};
}

json column(const ColumnSpec& c) {
  if (c.empty()) return nullptr;
  return json{{"name", c.name}, {"aliases", c.aliases}};
}

json scale_json(const Framework& fw, const Scale& s) {
  json out{{"id", s.id}, {"name", text(s.name)}, {"type", scale_kind_key(s.kind)}};
  out.update(provenance(fw, s.provenance));
  switch (s.kind) {
    case ScaleKind::ordinal:
    case ScaleKind::likert: {
      out["min"] = number(s.min);
      out["max"] = number(s.max);
      out["integer"] = s.integer_only;
      json levels = json::array();
      for (const auto& p : s.points) levels.push_back({{"value", number(p.value)}, {"label", text(p.label)}});
      out["levels"] = levels;
      break;
    }
    case ScaleKind::yes_no:
      out["yes"] = {{"score", number(s.yes_score)}, {"answers", s.yes_words}};
      out["no"] = {{"score", number(s.no_score)}, {"answers", s.no_words}};
      break;
    case ScaleKind::numeric:
      out["direction"] = s.direction == Direction::higher_is_better ? "higher" : "lower";
      if (s.has_goalposts) out["goalposts"] = json::array({number(s.low_goalpost), number(s.high_goalpost)});
      break;
    case ScaleKind::categorical: {
      json cats = json::array();
      for (const auto& c : s.categories) cats.push_back({{"answer", c.answer}, {"score", number(c.score)}});
      out["categories"] = cats;
      break;
    }
  }
  return out;
}

json node_json(const Framework& fw, const EffectiveWeights& w, int index) {
  const Node& node = fw.nodes[std::size_t(index)];
  json out{{"id", node.id},
           {"name", text(node.name)},
           {"depth", node.depth},
           {"weight", number(w.weight[std::size_t(index)])},
           {"share", share(w.share[std::size_t(index)])}};
  out.update(provenance(fw, node.provenance));
  if (!node.description.empty()) out["description"] = text(node.description);
  if (node.is_leaf()) {
    out["column"] = column(node.column);
    out["scale"] = fw.scales[std::size_t(node.scale)].id;
    out["reverse"] = node.reverse;
    json facets = json::object();
    for (const auto& [f, v] : node.facet_values) {
      facets[fw.facets[std::size_t(f)].id] = fw.facets[std::size_t(f)].values[std::size_t(v)].id;
    }
    out["facets"] = facets;
  } else {
    out["aggregation"] = {{"method", aggregation_key(node.aggregation.method)}, {"min_coverage", number(node.aggregation.min_coverage)}};
    if (!node.column.empty()) out["column"] = column(node.column);
    json children = json::array();
    for (int child : node.children) children.push_back(node_json(fw, w, child));
    out["children"] = children;
  }
  return out;
}

}  // namespace

nlohmann::ordered_json framework_to_json(const Framework& fw, int profile) {
  EffectiveWeights w = effective_weights(fw, profile);
  json out{{"schema", "siap/framework-view/v1"}, {"id", fw.id}, {"version", fw.version}, {"title", text(fw.title)}};
  if (!fw.description.empty()) out["description"] = text(fw.description);
  out["status"] = status_key(fw.provenance.status);
  json sources = json::array();
  for (const auto& s : fw.sources) {
    sources.push_back({{"id", s.id}, {"citation", s.citation}, {"url", s.url}, {"status", status_key(s.status)}});
  }
  out["sources"] = sources;
  out["profile"] = profile < 0 ? "default" : fw.profiles[std::size_t(profile)].id;
  out["input"] = {{"kind", input_kind_key(fw.input.kind)},
                  {"unit_column", column(fw.input.unit_column)},
                  {"respondent_id_column", column(fw.input.respondent_id_column)},
                  {"group_column", column(fw.input.group_column)},
                  {"provinces", fw.input.provinces}};
  if (fw.respondents) {
    json groups = json::array();
    for (const auto& g : fw.respondents->groups) {
      groups.push_back({{"id", g.id}, {"name", text(g.name)}, {"weight", number(g.weight)}, {"aliases", g.aliases}});
    }
    json r{{"combine", fw.respondents->combine == CombineMethod::median ? "median" : "mean"},
           {"min_respondents", fw.respondents->min_respondents},
           {"groups", groups}};
    r.update(provenance(fw, fw.respondents->provenance));
    out["respondents"] = r;
  }
  out["score"] = {{"min", number(fw.score.min)},
                  {"max", number(fw.score.max)},
                  {"decimals", fw.score.decimals},
                  {"rounding", "half_up"},
                  {"percent", fw.score.percent}};

  json scales = json::array();
  for (const auto& s : fw.scales) scales.push_back(scale_json(fw, s));
  out["scales"] = scales;

  json bands = json::array();
  for (const auto& set : fw.band_sets) {
    json ranges = json::array();
    for (const auto& b : set.bands) {
      ranges.push_back({{"id", b.id}, {"label", text(b.label)}, {"from", number(b.from)}, {"to", number(b.to)}, {"color", b.color}});
    }
    json j{{"id", set.id}, {"name", text(set.name)}, {"depths", set.depths}, {"ranges", ranges}};
    j.update(provenance(fw, set.provenance));
    bands.push_back(j);
  }
  out["bands"] = bands;

  json facets = json::array();
  for (const auto& f : fw.facets) {
    json values = json::array();
    for (const auto& v : f.values) {
      values.push_back({{"id", v.id}, {"name", text(v.name)}, {"parent", v.parent < 0 ? json(nullptr) : json(f.values[std::size_t(v.parent)].id)}});
    }
    json j{{"id", f.id}, {"name", text(f.name)}, {"values", values}};
    j.update(provenance(fw, f.provenance));
    facets.push_back(j);
  }
  out["facets"] = facets;

  json profiles = json::array();
  for (const auto& p : fw.profiles) {
    json weights = json::object();
    for (const auto& [node, weight] : p.weights) weights[fw.nodes[std::size_t(node)].id] = number(weight);
    json j{{"id", p.id}, {"name", text(p.name)}, {"weights", weights}};
    j.update(provenance(fw, p.provenance));
    profiles.push_back(j);
  }
  out["profiles"] = profiles;

  json tree = json::array();
  for (int child : fw.root().children) tree.push_back(node_json(fw, w, child));
  out["tree"] = tree;

  // The leaves again, flat and in framework order: what an input file needs.
  json leaves = json::array();
  for (int leaf : fw.leaves) {
    const Node& node = fw.nodes[std::size_t(leaf)];
    json path = json::array();
    std::vector<std::string> ids;
    for (int p = node.parent; p > 0; p = fw.nodes[std::size_t(p)].parent) ids.insert(ids.begin(), fw.nodes[std::size_t(p)].id);
    for (const auto& id : ids) path.push_back(id);
    leaves.push_back({{"id", node.id},
                      {"ancestors", path},
                      {"column", column(node.column)},
                      {"scale", fw.scales[std::size_t(node.scale)].id},
                      {"reverse", node.reverse},
                      {"weight", number(w.weight[std::size_t(leaf)])},
                      {"share", share(w.share[std::size_t(leaf)])}});
  }
  out["leaves"] = leaves;
  return out;
}

}  // namespace siap::cli
