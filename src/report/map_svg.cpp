#include "report/map_svg.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "report/report_labels.hpp"
#include "report/report_view.hpp"
#include "report/svg_rasteriser.hpp"
#include "siap/boundaries.hpp"
#include "siap/regions.hpp"
#include "siap/report.hpp"

namespace siap::report {
namespace {

constexpr std::string_view kNotAssessableFill = "#A6A6A6";
constexpr std::string_view kNoDataFill = "#E7E9ED";
// Score classes when the framework has no bands (ColorBrewer Blues, 5 classes).
constexpr std::string_view kClassFills[] = {"#EFF3FF", "#BDD7E7", "#6BAED6", "#3182BD", "#08519C"};

std::string credit(Lang lang) {
  return tr(lang, "Batas wilayah: mashadinoor/Indonesia-Geojson-2026 (turunan ardian28/GeoJson-Indonesia-38-Provinsi), lisensi MIT, disederhanakan",
            "Boundaries: mashadinoor/Indonesia-Geojson-2026 (from ardian28/GeoJson-Indonesia-38-Provinsi), MIT licence, simplified");
}

// How a score is coloured: its band in the overall band set, else its fifth of the score range.
struct Colouring {
  const Framework& fw;
  Lang lang;
  const BandSet* bands;

  std::string fill(const NodeScore& score) const {
    if (bands) {
      auto color = band_color_of(fw, 0, score);
      return color ? *color : std::string(kNotAssessableFill);
    }
    const double lo = fw.score.min.to_double(), hi = fw.score.max.to_double();
    const double at = hi > lo ? (score.published.to_double() - lo) / (hi - lo) : 0;
    return std::string(kClassFills[std::clamp(int(at * 5), 0, 4)]);
  }
  std::string band_label(const NodeScore& score) const {
    const Band* band = bands ? band_of(fw, 0, score) : nullptr;
    return band ? band->label.in(lang) : "";
  }
  // Fills a region's value, state and hover text from its score.
  void describe(MapRegion& m, const NodeScore& score) const {
    m.fill = fill(score);
    m.value = published_text(fw, score, lang);
    m.state = band_label(score);
    m.label = fmt::format("{}: {}{}", m.name, m.value, m.state.empty() ? "" : " · " + m.state);
  }
  std::vector<MapLegendEntry> legend() const {
    std::vector<MapLegendEntry> out;
    if (bands) {
      for (std::size_t b = 0; b < bands->bands.size(); ++b) out.push_back({bands->bands[b].label.in(lang), band_color(*bands, b)});
    } else {
      const double lo = fw.score.min.to_double(), hi = fw.score.max.to_double();
      for (int c = 0; c < 5; ++c) {
        out.push_back({fmt::format("{}–{}", estimate_text(lo + (hi - lo) * c / 5, fw.score.decimals, lang),
                                   estimate_text(lo + (hi - lo) * (c + 1) / 5, fw.score.decimals, lang)),
                       std::string(kClassFills[c])});
      }
    }
    out.push_back({label::kNotAssessable.in(lang), std::string(kNotAssessableFill)});
    return out;
  }
};

std::string number(double v) { return fmt::format("{:.1f}", v); }

}  // namespace

MapSpec kabupaten_kota_map(const Assessment& a, Lang lang) {
  const Framework& fw = *a.framework;
  const RegionTable& table = RegionTable::builtin();
  const Colouring colouring{fw, lang, overall_band_set(fw)};
  MapSpec spec;
  spec.title = tr(lang, "Peta kabupaten/kota", "Map of the regencies and cities");
  spec.credit = credit(lang);
  std::map<int, const UnitResult*> in_data;  // region index -> result
  std::vector<bool> province_present(table.regions().size(), false);
  for (const UnitResult& r : a.results) {
    const Unit& unit = a.unit_of(r);
    if (unit.region < 0 || unit.level == UnitLevel::provinsi) continue;
    in_data[unit.region] = &r;
    province_present[std::size_t(table.at(unit.region).province)] = true;
  }
  bool any_missing = false;
  for (std::size_t i = 0; i < table.regions().size(); ++i) {
    const Region& region = table.regions()[i];
    if (region.type == RegionType::provinsi || !province_present[std::size_t(region.province)]) continue;
    MapRegion m{region.code, region.name, std::string(kNoDataFill), "–", "", "", Boundaries::builtin().kabupaten_kota(region.code) != nullptr};
    auto it = in_data.find(int(i));
    if (it == in_data.end()) {
      m.state = tr(lang, "tidak ada data", "no data");
      m.label = fmt::format("{}: {}", region.name, m.state);
      any_missing = true;
    } else if (!it->second->assessed) {
      m.fill = std::string(kNotAssessableFill);
      m.state = label::kNotAssessable.in(lang);
      m.label = fmt::format("{}: {}", region.name, m.state);
    } else {
      colouring.describe(m, it->second->nodes[0]);
    }
    spec.regions.push_back(std::move(m));
  }
  spec.legend = colouring.legend();
  if (any_missing) spec.legend.push_back({tr(lang, "Tidak ada data", "No data"), std::string(kNoDataFill)});
  return spec;
}

MapSpec province_map(const Rollup& rollup, Lang lang) {
  const Framework& fw = *rollup.provinces.framework;
  const Colouring colouring{fw, lang, overall_band_set(fw)};
  MapSpec spec;
  spec.provinces = true;
  spec.title = tr(lang, "Peta provinsi (rekap)", "Map of the provinces (roll-up)");
  spec.credit = credit(lang);
  for (const UnitResult& r : rollup.provinces.results) {
    const Unit& unit = rollup.provinces.unit_of(r);
    MapRegion m{unit.code(), unit.name, std::string(kNotAssessableFill), "–", "", "", Boundaries::builtin().province(unit.code()) != nullptr};
    if (r.assessed) {
      colouring.describe(m, r.nodes[0]);
    } else {
      m.state = label::kNotAssessable.in(lang);
      m.label = fmt::format("{}: {}", unit.name, m.state);
    }
    spec.regions.push_back(std::move(m));
  }
  std::sort(spec.regions.begin(), spec.regions.end(), [](const MapRegion& x, const MapRegion& y) { return x.code < y.code; });
  spec.legend = colouring.legend();
  return spec;
}

std::string map_svg(const MapSpec& spec, double width) {
  const Boundaries& geo = Boundaries::builtin();
  auto shape_of = [&](const MapRegion& m) { return spec.provinces ? geo.province(m.code) : geo.kabupaten_kota(m.code); };
  // The view: every drawn shape, equirectangular at the view's middle latitude.
  double min_lon = 1e9, max_lon = -1e9, min_lat = 1e9, max_lat = -1e9;
  for (const MapRegion& m : spec.regions) {
    if (const GeoShape* s = shape_of(m)) {
      min_lon = std::min(min_lon, s->min_lon);
      max_lon = std::max(max_lon, s->max_lon);
      min_lat = std::min(min_lat, s->min_lat);
      max_lat = std::max(max_lat, s->max_lat);
    }
  }
  const double margin = 8, legend_row = 18;
  const bool empty = min_lon > max_lon;
  if (empty) min_lon = max_lon = min_lat = max_lat = 0;
  const double k = std::cos((min_lat + max_lat) / 2 * M_PI / 180);
  const double span_x = std::max((max_lon - min_lon) * k, 1e-6), span_y = std::max(max_lat - min_lat, 1e-6);
  double scale = (width - 2 * margin) / span_x;
  if (span_y * scale > 1.1 * width) scale = 1.1 * width / span_y;  // a tall view keeps a printable height
  const double map_h = empty ? 40 : span_y * scale;
  const double height = margin + map_h + 12 + legend_row * double(spec.legend.size()) + 22;
  auto x = [&](double lon) { return margin + (lon - min_lon) * k * scale; };
  auto y = [&](double lat) { return margin + (max_lat - lat) * scale; };

  std::string out = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {0} {1}\" width=\"{0}\" height=\"{1}\" role=\"img\" aria-label=\"{2}\" "
      "font-family=\"DejaVu Sans, Liberation Sans, Arial, sans-serif\">\n<title>{2}</title>\n<rect width=\"{0}\" height=\"{1}\" fill=\"#FFFFFF\"/>\n",
      number(width), number(height), html_escape(spec.title));
  out += "<g stroke=\"#FFFFFF\" stroke-width=\"0.7\" stroke-linejoin=\"round\" fill-rule=\"evenodd\">\n";
  std::string points;
  for (const MapRegion& m : spec.regions) {
    const GeoShape* s = shape_of(m);
    if (!s) continue;
    if (s->is_point()) {
      points += fmt::format(
          "<circle cx=\"{}\" cy=\"{}\" r=\"3.5\" fill=\"{}\" stroke=\"#333333\" stroke-width=\"0.6\" data-code=\"{}\"><title>{}</title></circle>\n",
          number(x(s->point.lon)), number(y(s->point.lat)), m.fill, html_escape(m.code), html_escape(m.label));
      continue;
    }
    std::string d;
    for (const auto& ring : s->rings) {
      std::string last;
      std::size_t drawn = 0;
      for (const GeoPoint& p : ring) {
        std::string here = number(x(p.lon)) + " " + number(y(p.lat));
        if (here == last) continue;  // the same pixel tenth: no segment to draw
        d += (drawn++ == 0 ? "M" : "L") + here;
        last = std::move(here);
      }
      if (drawn > 0) d += "Z";
    }
    out +=
        fmt::format("<path d=\"{}\" fill=\"{}\" data-code=\"{}\"><title>{}</title></path>\n", d, m.fill, html_escape(m.code), html_escape(m.label));
  }
  out += "</g>\n" + points;
  if (empty) {
    out += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"12\" fill=\"#5B5B5B\">{}</text>\n", number(margin), number(margin + 20),
                       html_escape(spec.provinces ? "–" : "–"));
  }
  double ly = margin + map_h + 12;
  for (const MapLegendEntry& e : spec.legend) {
    out += fmt::format(
        "<rect x=\"{}\" y=\"{}\" width=\"14\" height=\"12\" fill=\"{}\" stroke=\"#8C8C8C\" stroke-width=\"0.5\"/>"
        "<text x=\"{}\" y=\"{}\" font-size=\"12\" fill=\"#1A1A1A\">{}</text>\n",
        number(margin), number(ly), e.fill, number(margin + 20), number(ly + 10.5), html_escape(e.label));
    ly += legend_row;
  }
  out += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"9\" fill=\"#5B5B5B\">{}</text>\n</svg>\n", number(margin), number(ly + 10),
                     html_escape(spec.credit));
  return out;
}

Expected<std::string> map_png(const MapSpec& spec, double scale) { return svg_to_png(map_svg(spec), scale); }

}  // namespace siap::report

namespace siap {

std::string render_map_svg(const Assessment& a, const ReportOptions& options) { return report::map_svg(report::kabupaten_kota_map(a, options.lang)); }

Expected<std::string> render_map_png(const Assessment& a, const ReportOptions& options) {
  return report::map_png(report::kabupaten_kota_map(a, options.lang));
}

}  // namespace siap
