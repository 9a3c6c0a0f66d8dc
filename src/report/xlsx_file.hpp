// A workbook built with libxlsxwriter and returned as bytes, so that every
// writer of an XLSX (report, XLSForm, entry template) hands the CLI bytes to
// write atomically like any other output.
#pragma once

#include <xlsxwriter.h>

#include <functional>
#include <string>

#include "siap/expected.hpp"

namespace siap {

struct XlsxProperties {
  std::string title;
  std::string comments;
  std::string date;  // YYYY-MM-DD: the workbook's creation date (a fixed date keeps it reproducible); "" for now
};

// The look every siap workbook shares: a title, a subtitle, the dark
// header row, a muted note.
struct XlsxBaseFormats {
  lxw_format* title = nullptr;
  lxw_format* subtitle = nullptr;
  lxw_format* header = nullptr;
  lxw_format* muted = nullptr;
};
XlsxBaseFormats add_base_formats(lxw_workbook* wb);

// Calls `fill` on a new workbook, closes it and returns its bytes.
Expected<std::string> build_xlsx(const XlsxProperties& properties, const std::function<void(lxw_workbook*)>& fill);

}  // namespace siap
