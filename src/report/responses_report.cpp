// The respondents' table (--format responses): one row per accepted
// respondent with the answers as the scores are made of them (reverse
// keyed, mapped onto the score range), exact, so that SPSS, R or pandas
// start from siap's recoding instead of redoing it by hand.
#include <fmt/format.h>

#include "siap/instrument.hpp"
#include "siap/report.hpp"

namespace siap {

std::string render_responses_csv(const Assessment& a, const ReportOptions& options) {
  const Framework& fw = *a.framework;
  const Dataset& data = *a.data;
  const char d = options.csv_decimal_comma ? ';' : ',';
  auto tr = [&](std::string_view id, std::string_view en) { return std::string(options.lang == Lang::en ? en : id); };
  std::string out = options.csv_bom ? "\xEF\xBB\xBF" : "";
  std::vector<std::string> header{tr("kode", "code"), tr("wilayah", "region"), tr("kelompok", "group"), tr("berkas", "file"), tr("baris", "line")};
  for (int leaf : fw.leaves) header.push_back(fw.nodes[std::size_t(leaf)].column.name);
  for (std::size_t i = 0; i < header.size(); ++i) out += (i ? std::string(1, d) : "") + csv_field(spreadsheet_safe(header[i]), d);
  out += "\r\n";
  if (data.kind != InputKind::respondents) return out;
  for_each_respondent(fw, data, a.profile, [&](std::size_t r, std::span<const NodeValue> nodes) {
    const Unit& unit = data.units[std::size_t(data.row_unit[r])];
    const int group = data.row_group.empty() ? -1 : data.row_group[r];
    out += csv_field(unit.code(), d);
    out += d;
    out += csv_field(spreadsheet_safe(unit.name), d);
    out += d;
    if (group >= 0 && fw.respondents) out += csv_field(fw.respondents->groups[std::size_t(group)].id, d);
    out += d;
    out += csv_field(spreadsheet_safe(data.files[data.row_file[r]].name), d);
    out += d;
    out += std::to_string(data.row_line[r]);
    for (int leaf : fw.leaves) {
      out += d;
      const NodeValue& v = nodes[std::size_t(leaf)];
      if (!v.assessed) continue;
      std::string value = v.exact.to_string();
      if (options.csv_decimal_comma) {
        for (char& c : value) c = c == '.' ? ',' : c;
      }
      out += value;
    }
    out += "\r\n";
  });
  return out;
}

}  // namespace siap
