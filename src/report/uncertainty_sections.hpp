// An uncertainty analysis (siap uncertainty, or assess --uncertainty) as a
// section of each document; render_uncertainty_* lay out the same as a
// document of its own.
#pragma once

#include <xlsxwriter.h>

#include <string>

#include "report/json_writer.hpp"
#include "siap/assessment.hpp"
#include "siap/uncertainty.hpp"

namespace siap::report {

std::string uncertainty_section_text(const UncertaintyResult& r, const Assessment& nominal, Lang lang);
std::string uncertainty_section_markdown(const UncertaintyResult& r, const Assessment& nominal, Lang lang, int level);
// `heading`: a <section> with its <h2>; otherwise the body only.
std::string uncertainty_section_html(const UncertaintyResult& r, const Assessment& nominal, Lang lang, bool heading);
void write_uncertainty_json(JsonWriter& w, const UncertaintyResult& r, const Assessment& nominal, bool parameters);
// A ranks sheet with its rank-interval chart; a sensitivity sheet with its bars.
void write_uncertainty_sheets(lxw_workbook* wb, const UncertaintyResult& r, const Assessment& nominal, Lang lang);

}  // namespace siap::report
