// Boundaries of Indonesia's 514 kabupaten/kota and 38 provinces for maps,
// keyed by Kemendagri code (data/geo, compiled into the binary; simplified:
// good for a choropleth, not for measuring). Seven small cities have no
// boundary in the source and are a point.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace siap {

struct GeoPoint {
  double lon = 0, lat = 0;
};

struct GeoShape {
  std::vector<std::vector<GeoPoint>> rings;  // every polygon's rings, filled even-odd; empty for a point
  GeoPoint point;                            // the place itself when there are no rings
  double min_lon = 0, max_lon = 0, min_lat = 0, max_lat = 0;
  bool is_point() const { return rings.empty(); }
};

class Boundaries {
 public:
  // Parsed on first use (about 30,000 points).
  static const Boundaries& builtin();
  const GeoShape* kabupaten_kota(std::string_view code) const;
  const GeoShape* province(std::string_view code) const;

 private:
  std::map<std::string, GeoShape, std::less<>> kabupaten_kota_, provinces_;
};

}  // namespace siap
