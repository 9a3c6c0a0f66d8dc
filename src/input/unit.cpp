#include "siap/dataset.hpp"

namespace siap {

Unit::Unit(int region_index, std::string code, std::string unit_name, UnitLevel unit_level, std::string province_code, std::string province_name)
    : region(region_index), level(unit_level), name(std::move(unit_name)) {
  if (!code.empty() || !province_code.empty() || !province_name.empty()) {
    place_ = std::make_shared<const UnitPlace>(UnitPlace{std::move(code), std::move(province_code), std::move(province_name)});
  }
}

const std::string& Unit::empty() {
  static const std::string none;
  return none;
}

}  // namespace siap
