// JSON report, schema "siap/assessment/v1" (docs/assessment-json.md).
#include <fmt/format.h>

#include <cmath>

#include "report/json_writer.hpp"
#include "siap/bootstrap.hpp"
#include "siap/report.hpp"
#include "siap/regions.hpp"
#include "report/uncertainty_sections.hpp"
#include "siap/composite.hpp"
#include "siap/rollup.hpp"

namespace siap {
namespace {

void text(JsonWriter& w, std::string_view k, const LocalizedText& t) {
  w.key(k).begin_object().field("id", t.id).field("en", t.in(Lang::en)).end_object();
}

// Exact decimal text is valid JSON number text ("3.41", "-0.5", "16.5").
void number(JsonWriter& w, std::string_view k, const Decimal& d) { w.key(k).number(d.to_string()); }

void score(JsonWriter& w, const Assessment& a, const NodeScore& s, int depth) {
  const Framework& fw = *a.framework;
  w.begin_object().field("assessed", s.assessed);
  if (!s.assessed) {
    number(w, "coverage", s.coverage());
    w.end_object();
    return;
  }
  const Number& exact = a.exact(s);
  w.field("exact", exact.to_string()).field("exact_is_exact", exact.is_exact());
  number(w, "published", s.published);
  if (auto percent = s.percent(fw.score)) number(w, "percent", *percent);
  number(w, "coverage", s.coverage());
  if (s.given) w.field("given", true);
  auto sets = fw.band_sets_at(depth);
  if (!s.bands.empty()) {
    w.key("bands").begin_object();
    for (std::size_t i = 0; i < s.bands.size() && i < sets.size(); ++i) {
      const BandSet& set = fw.band_sets[std::size_t(sets[i])];
      w.key(set.id);
      if (s.bands[i] >= 0) {
        w.string(set.bands[std::size_t(s.bands[i])].id);
      } else {
        w.null();
      }
    }
    w.end_object();
  }
  w.end_object();
}

// A double as a JSON number (10 significant digits), or null when not computed.
void real(JsonWriter& w, std::string_view k, double v) {
  w.key(k);
  std::isnan(v) ? w.null() : w.number(fmt::format("{:.10g}", v));
}

void interval(JsonWriter& w, std::string_view k, const Interval& i) {
  w.key(k).begin_object();
  real(w, "low", i.low);
  real(w, "high", i.high);
  w.end_object();
}

void node_bootstrap(JsonWriter& w, const NodeBootstrap& n) {
  w.begin_object().field("resamples_assessed", n.assessed);
  real(w, "estimate", n.estimate);
  real(w, "mean", n.mean);
  real(w, "standard_error", n.standard_error);
  interval(w, "percentile", n.percentile);
  interval(w, "bca", n.bca);
  w.end_object();
}

// A unit's bootstrap: every node's and facet value's intervals, its rank
// distribution and band probabilities.
void unit_bootstrap(JsonWriter& w, const Framework& fw, const UnitBootstrap& b) {
  w.key("bootstrap").begin_object();
  w.key("nodes").begin_object();
  for (std::size_t n = 0; n < b.nodes.size(); ++n) {
    w.key(n == 0 ? std::string_view("index") : std::string_view(fw.nodes[n].id));
    node_bootstrap(w, b.nodes[n]);
  }
  w.end_object();
  if (!fw.facets.empty()) {
    w.key("facets").begin_object();
    std::size_t at = 0;
    for (const Facet& facet : fw.facets) {
      for (const FacetValue& value : facet.values) {
        if (at < b.facets.size()) {
          w.key(facet.id + ":" + value.id);
          node_bootstrap(w, b.facets[at]);
        }
        ++at;
      }
    }
    w.end_object();
  }
  w.key("rank").begin_object().field("resamples_ranked", b.ranked);
  real(w, "median", b.median_rank);
  if (b.ranked > 0) {
    w.field("p05", b.rank_low).field("p95", b.rank_high);
  } else {
    w.key("p05").null().key("p95").null();
  }
  real(w, "p_top", b.p_top);
  w.end_object();
  const auto sets = fw.band_sets_at(0);
  if (!sets.empty() && !b.band_probability.empty()) {
    const BandSet& set = fw.band_sets[std::size_t(sets[0])];
    w.key("band_probability").begin_object();
    for (std::size_t i = 0; i < set.bands.size() && i < b.band_probability.size(); ++i) real(w, set.bands[i].id, b.band_probability[i]);
    w.end_object();
  }
  w.end_object();
}

}  // namespace

std::string render_json(const Assessment& a, const ReportOptions& options) {
  const Framework& fw = *a.framework;
  JsonWriter w;
  w.begin_object().field("schema", "siap/assessment/v1");
  w.key("tool").begin_object().field("name", "siap").field("version", options.tool_version).end_object();
  w.key("settings").begin_array();
  for (const auto& s : options.settings) w.string(s);
  w.end_array();

  w.key("framework").begin_object().field("id", fw.id).field("version", fw.version);
  text(w, "title", fw.title);
  w.field("status", status_key(fw.provenance.status))
      .field("profile", a.profile < 0 ? std::string("default") : fw.profiles[std::size_t(a.profile)].id);
  w.key("score").begin_object();
  number(w, "min", fw.score.min);
  number(w, "max", fw.score.max);
  w.field("decimals", fw.score.decimals).field("rounding", "half_up").end_object();
  w.end_object();

  w.key("inputs").begin_array();
  for (const auto& f : a.data->files) {
    w.begin_object()
        .field("file", f.name)
        .field("sha256", f.sha256)
        .field("bytes", f.bytes)
        .field("delimiter", std::string(1, f.delimiter))
        .field("decimal_comma", f.decimal_comma)
        .field("rows_read", f.rows_read)
        .field("rows_accepted", f.rows_accepted)
        .field("rows_rejected", f.rows_rejected)
        .end_object();
  }
  w.end_array();

  std::size_t assessed = 0;
  const std::size_t cells = a.data->quality.count(IssueKind::cell_ignored);
  for (const auto& r : a.results) assessed += r.assessed;
  w.key("counts")
      .begin_object()
      .field("rows_read", a.data->rows_read)
      .field("rows_accepted", a.data->rows)
      .field("rows_rejected", a.data->rows_rejected)
      .field("cells_ignored", cells)
      .field("issues", a.data->quality.size())
      .field("units", a.results.size())
      .field("units_assessed", assessed)
      .field("units_not_assessed", a.results.size() - assessed)
      .end_object();

  w.key("units").begin_array();
  for (const auto& r : a.results) {
    const Unit& unit = a.unit_of(r);
    w.begin_object();
    w.key("code");
    unit.code().empty() ? w.null() : w.string(unit.code());
    w.field("name", unit.name);
    text(w, "type", unit_type_label(unit));
    w.key("province");
    unit.province_code().empty() ? w.null() : w.string(unit.province_name());
    w.field("respondents", r.respondents).field("assessed", r.assessed);
    if (r.assessed) {
      w.field("rank", r.rank).field("rank_in_type", r.rank_in_type).key("rank_in_province");
      r.rank_in_province == 0 ? w.null() : w.number(r.rank_in_province);
      w.key("index");
      score(w, a, r.nodes[0], 0);
      if (r.gap_to_next_band) {
        const BandSet& set = fw.band_sets[std::size_t(fw.band_sets_at(0)[0])];
        w.key("next_band").begin_object().field("band", set.bands[std::size_t(*r.next_band)].id);
        number(w, "gap", *r.gap_to_next_band);
        w.end_object();
      }
    } else {
      w.key("not_assessed").begin_object().field("code", r.not_assessed_code());
      text(w, "reason", r.not_assessed_reason());
      w.end_object();
    }
    w.key("nodes").begin_object();
    for (std::size_t n = 1; n < fw.nodes.size(); ++n) {
      w.key(fw.nodes[n].id);
      score(w, a, r.nodes[n], fw.nodes[n].depth);
    }
    // Per-leaf answer counts sit beside "nodes" (a streamed object cannot be reopened).
    w.end_object();
    w.key("answers").begin_object();
    for (int leaf : fw.leaves) w.field(fw.nodes[std::size_t(leaf)].id, r.nodes[std::size_t(leaf)].answers);
    w.end_object();
    if (!fw.facets.empty()) {
      w.key("facets").begin_object();
      for (std::size_t f = 0; f < fw.facets.size(); ++f) {
        w.key(fw.facets[f].id).begin_object();
        for (std::size_t v = 0; v < fw.facets[f].values.size(); ++v) {
          const NodeScore& s = r.facets[f][v];
          w.key(fw.facets[f].values[v].id).begin_object();
          if (s.assessed) {
            w.field("exact", a.exact(s).to_string());
            number(w, "published", s.published);
          } else {
            w.field("assessed", false);
          }
          w.end_object();
        }
        w.end_object();
      }
      w.end_object();
    }
    if (options.bootstrap) unit_bootstrap(w, fw, options.bootstrap->units[std::size_t(&r - a.results.data())]);
    w.end_object();
  }
  w.end_array();

  if (const BootstrapResult* boot = options.bootstrap) {
    const BootstrapOptions& o = boot->options;
    w.key("bootstrap").begin_object();
    w.field("method", "respondent_bootstrap")
        .field("resampling", "respondents with replacement within each unit and respondent group")
        .field("resamples", o.resamples)
        .field("seed", std::to_string(o.seed));
    real(w, "confidence", o.confidence);
    w.field("top", o.top).field("intervals", "percentile and BCa (R boot's norm.inter and bca.ci; acceleration from the jackknife)");
    w.field("rank_interval", "5th and 95th percentile of the rank within its RankTier");
    w.field("engine", boot->plain ? "plain" : "sums");
    w.key("unresolved").begin_array();
    for (const UnresolvedPair& pair : boot->unresolved) {
      const Unit& upper = a.unit_of(a.results[pair.upper]);
      const Unit& lower = a.unit_of(a.results[pair.lower]);
      w.begin_object()
          .field("upper", upper.code().empty() ? upper.name : upper.code())
          .field("lower", lower.code().empty() ? lower.name : lower.code());
      interval(w, "difference", pair.difference);
      w.end_object();
    }
    w.end_array();
    w.end_object();
  }

  if (options.uncertainty_analysis) {
    w.key("uncertainty_analysis");
    report::write_uncertainty_json(w, *options.uncertainty_analysis, a, false);
  }
  if (a.treatment) {
    // Per treated indicator what was applied, then every event by unit.
    w.key("treatment").begin_object();
    w.key("indicators").begin_array();
    for (const TreatedIndicator& info : a.treatment->indicators) {
      const Node& node = fw.nodes[std::size_t(info.leaf)];
      const Treatment& t = *node.treatment;
      w.begin_object();
      w.field("id", node.id);
      w.field("direction", fw.scales[std::size_t(node.scale)].direction == Direction::higher_is_better ? "higher" : "lower");
      w.field("denominator", denominator_key(t.denominator));
      if (t.denominator == Denominator::column) w.field("denominator_column", t.denominator_column);
      if (t.denominator != Denominator::none) w.key("per").number(t.per.to_string());
      w.field("impute", imputation_key(t.impute));
      w.field("outliers", t.outliers == OutlierTreatment::winsorise ? "winsorise" : "none");
      w.field("normalise", normaliser_key(t.normalise));
      if (normaliser_has_range(t.normalise)) {
        w.key("range").begin_array().number(t.range_low.to_string()).number(t.range_high.to_string()).end_array();
      }
      w.field("present", (long long)info.present);
      w.field("imputed", (long long)info.imputed);
      w.field("passed_before", info.passed_before);
      real(w, "skew_before", info.skew_before);
      real(w, "kurtosis_before", info.kurtosis_before);
      real(w, "skew_after", info.skew_after);
      real(w, "kurtosis_after", info.kurtosis_after);
      w.field("winsorised", (long long)info.winsorised);
      w.field("log_transformed", info.log_transformed);
      w.field("constant", info.constant);
      real(w, "min", info.min);
      real(w, "max", info.max);
      w.end_object();
    }
    w.end_array();
    w.key("events").begin_array();
    static const char* const kinds[] = {"imputed", "not_imputed", "no_denominator", "winsorised", "not_positive"};
    for (const TreatmentEvent& e : a.treatment->events) {
      w.begin_object();
      w.field("kind", kinds[int(e.kind)]);
      w.field("indicator", fw.nodes[std::size_t(e.leaf)].id);
      w.field("code", a.data->units[std::size_t(e.unit)].code());
      w.field("unit", a.data->units[std::size_t(e.unit)].name);
      if (e.kind == TreatmentEvent::Kind::winsorised || e.kind == TreatmentEvent::Kind::not_positive) real(w, "before", e.before);
      if (e.kind == TreatmentEvent::Kind::winsorised || e.kind == TreatmentEvent::Kind::imputed) real(w, "after", e.after);
      w.end_object();
    }
    w.end_array();
    w.end_object();
  }

  if (const Rollup* rollup = options.rollup) {
    const RollupOptions& o = rollup->options;
    w.key("rollup").begin_object();
    w.field("method", o.method == RollupMethod::mean ? "mean" : o.method == RollupMethod::population ? "population" : "pooled");
    real(w, "min_coverage", o.min_coverage);
    if (o.method == RollupMethod::population) text(w, "weights", (o.population ? *o.population : PopulationTable::builtin()).source());
    auto codes = [&](std::string_view key, const std::vector<int>& results) {
      w.key(key).begin_array();
      for (int i : results) w.string(a.unit_of(a.results[std::size_t(i)]).code());
      w.end_array();
    };
    auto region = [&](const Assessment& p, const UnitResult& r, const RollupCoverage& c) {
      const Unit& unit = p.unit_of(r);
      w.begin_object().field("code", unit.code()).field("name", unit.name).field("assessed", r.assessed).field("respondents", r.respondents);
      if (r.assessed) {
        w.field("rank", r.rank);
      } else {
        w.field("not_assessed_code", r.not_assessed_code());
        text(w, "not_assessed_reason", r.not_assessed_reason());
      }
      if (r.gap_to_next_band) number(w, "gap_to_next_band", *r.gap_to_next_band);
      w.key("nodes").begin_object();
      for (std::size_t n = 0; n < fw.nodes.size(); ++n) {
        w.key(n == 0 ? std::string_view("index") : std::string_view(fw.nodes[n].id));
        score(w, p, r.nodes[n], fw.nodes[n].depth);
      }
      w.end_object();
      w.key("coverage").begin_object().field("total", c.total);
      codes("assessed", c.assessed);
      codes("not_assessable", c.not_assessable);
      w.key("missing").begin_array();
      for (int m : c.missing) w.string(RegionTable::builtin().at(m).code);
      w.end_array();
      real(w, "population_share", c.population_share);
      w.end_object();
      if (c.weakest >= 0) w.field("weakest", fw.nodes[std::size_t(c.weakest)].id);
      codes("lagging", c.lagging);
      w.end_object();
    };
    w.key("provinces").begin_array();
    for (const UnitResult& r : rollup->provinces.results) region(rollup->provinces, r, rollup->coverage[std::size_t(r.unit)]);
    w.end_array();
    if (rollup->national) {
      w.key("national");
      region(*rollup->national, rollup->national->results[0], rollup->national_coverage);
    }
    codes("province_governments", rollup->province_governments);
    w.end_object();
  }

  // The quality log as reports keep it: every group's count, and its first
  // examples; the issues not listed here are counted in quality_elided (and
  // all of them are in quality.csv).
  const QualityLog& log = a.data->quality;
  w.key("quality_groups").begin_array();
  for (const auto& g : log.groups()) {
    w.begin_object()
        .field("file", g.file)
        .field("column", g.column)
        .field("outcome", issue_kind_code(g.kind))
        .field("code", g.code)
        .field("count", g.count)
        .field("examples", g.examples.size());
    text(w, "reason", g.reason);
    w.end_object();
  }
  w.end_array();
  w.field("quality_elided", log.elided());
  w.key("quality").begin_array();
  log.for_each_example([&](const QualityIssue& issue) {
    w.begin_object()
        .field("file", issue.file)
        .field("line", issue.line)
        .field("column", issue.column)
        .field("value", issue.value)
        .field("outcome", issue_kind_code(issue.kind))
        .field("code", issue.code);
    text(w, "reason", issue.reason);
    w.end_object();
  });
  w.end_array();
  w.end_object();
  return w.take();
}

}  // namespace siap
