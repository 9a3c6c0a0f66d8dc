#include "siap/report.hpp"

namespace siap {

void write_quality_csv(const Dataset& data, const ReportOptions& options, const std::function<void(std::string_view)>& sink) {
  const char d = options.csv_decimal_comma ? ';' : ',';
  // Rows are gathered into blocks: the full log of a large file of bad cells
  // can be far larger than what should sit in memory.
  std::string out = options.csv_bom ? "\xEF\xBB\xBF" : "";
  auto row = [&](const std::vector<std::string_view>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (i > 0) out += d;
      out += csv_field(spreadsheet_safe(fields[i]), d);
    }
    out += "\r\n";
    if (out.size() >= (1u << 20)) {
      sink(out);
      out.clear();
    }
  };
  if (options.lang == Lang::en) {
    row({"file", "line", "column", "value", "outcome", "code", "reason"});
  } else {
    row({"berkas", "baris", "kolom", "nilai", "akibat", "kode", "alasan"});
  }
  data.quality.for_each([&](const QualityIssue& issue) {
    row({issue.file, std::to_string(issue.line), issue.column, issue.value, issue_kind_label(issue.kind).in(options.lang), issue.code,
         issue.reason.in(options.lang)});
  });
  if (!data.quality.full() && data.quality.elided() > 0) {
    // Only when the loader was asked for examples only; the CLI always keeps the full log for this file.
    std::string note =
        std::to_string(data.quality.elided()) + (options.lang == Lang::en ? " more problems not kept" : " masalah lain tidak disimpan");
    row({"", "", "", "", "", "elided", note});
  }
  if (!out.empty()) sink(out);
}

std::string render_quality_csv(const Dataset& data, const ReportOptions& options) {
  std::string all;
  write_quality_csv(data, options, [&](std::string_view block) { all += block; });
  return all;
}

}  // namespace siap
