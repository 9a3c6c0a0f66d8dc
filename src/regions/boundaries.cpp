#include "siap/boundaries.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <stdexcept>

#include "util/builtin_file.hpp"

namespace siap {
namespace {

std::string_view geo_text(std::string_view name) {
  for (const auto& file : builtin_geo_files()) {
    if (file.name == name) return file.text;
  }
  throw std::logic_error("boundary data missing from the binary: " + std::string(name));
}

GeoPoint point_of(const nlohmann::json& p) { return GeoPoint{p.at(0).get<double>(), p.at(1).get<double>()}; }

// GeoJSON Polygon, MultiPolygon or Point geometry as one shape.
GeoShape shape_of(const nlohmann::json& geometry) {
  GeoShape shape;
  const std::string type = geometry.at("type").get<std::string>();
  const nlohmann::json& coordinates = geometry.at("coordinates");
  auto add_polygon = [&](const nlohmann::json& polygon) {
    for (const auto& ring : polygon) {
      std::vector<GeoPoint> points;
      for (const auto& p : ring) points.push_back(point_of(p));
      if (points.size() >= 3) shape.rings.push_back(std::move(points));
    }
  };
  if (type == "Point") {
    shape.point = point_of(coordinates);
  } else if (type == "Polygon") {
    add_polygon(coordinates);
  } else if (type == "MultiPolygon") {
    for (const auto& polygon : coordinates) add_polygon(polygon);
  }
  shape.min_lon = shape.max_lon = shape.point.lon;
  shape.min_lat = shape.max_lat = shape.point.lat;
  bool first = true;
  for (const auto& ring : shape.rings) {
    for (const GeoPoint& p : ring) {
      if (first) {
        shape.min_lon = shape.max_lon = p.lon;
        shape.min_lat = shape.max_lat = p.lat;
        first = false;
      }
      shape.min_lon = std::min(shape.min_lon, p.lon);
      shape.max_lon = std::max(shape.max_lon, p.lon);
      shape.min_lat = std::min(shape.min_lat, p.lat);
      shape.max_lat = std::max(shape.max_lat, p.lat);
    }
  }
  return shape;
}

std::map<std::string, GeoShape, std::less<>> read(std::string_view name) {
  std::map<std::string, GeoShape, std::less<>> out;
  const nlohmann::json doc = nlohmann::json::parse(geo_text(name));
  for (const auto& feature : doc.at("features")) out[feature.at("properties").at("code").get<std::string>()] = shape_of(feature.at("geometry"));
  return out;
}

}  // namespace

const Boundaries& Boundaries::builtin() {
  static const Boundaries boundaries = [] {
    Boundaries b;
    b.kabupaten_kota_ = read("kabupaten-kota.geojson");
    b.provinces_ = read("provinsi.geojson");
    return b;
  }();
  return boundaries;
}

const GeoShape* Boundaries::kabupaten_kota(std::string_view code) const {
  auto it = kabupaten_kota_.find(code);
  return it == kabupaten_kota_.end() ? nullptr : &it->second;
}

const GeoShape* Boundaries::province(std::string_view code) const {
  auto it = provinces_.find(code);
  return it == provinces_.end() ? nullptr : &it->second;
}

}  // namespace siap
