#include "siap/report.hpp"

namespace siap {

std::string render_quality_csv(const Dataset& data, const ReportOptions& options) {
  const char d = options.csv_decimal_comma ? ';' : ',';
  std::string out = options.csv_bom ? "\xEF\xBB\xBF" : "";
  auto row = [&](const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (i > 0) out += d;
      out += csv_field(spreadsheet_safe(fields[i]), d);
    }
    out += "\r\n";
  };
  if (options.lang == Lang::en) {
    row({"file", "line", "column", "value", "outcome", "code", "reason"});
  } else {
    row({"berkas", "baris", "kolom", "nilai", "akibat", "kode", "alasan"});
  }
  for (const auto& issue : data.issues) {
    std::string outcome = issue.kind == IssueKind::row_rejected ? (options.lang == Lang::en ? "row rejected" : "baris ditolak")
                                                                : (options.lang == Lang::en ? "cell ignored" : "sel diabaikan");
    row({issue.file, std::to_string(issue.line), issue.column, issue.value, outcome, issue.code, issue.reason.in(options.lang)});
  }
  return out;
}

}  // namespace siap
