#include "report/xlsx_file.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

namespace siap {
namespace {

std::filesystem::path temporary_xlsx_path() {
  std::random_device rd;
  auto name = fmt::format("siap-{:016x}.xlsx", (std::uint64_t(rd()) << 32) ^ rd());
  return std::filesystem::temp_directory_path() / name;
}

Diagnostics error(std::string_view id, std::string_view en) {
  Diagnostic d;
  d.message = LocalizedText{std::string(id), std::string(en)};
  return {d};
}

}  // namespace

Expected<std::string> build_xlsx(const XlsxProperties& properties, const std::function<void(lxw_workbook*)>& fill) {
  // libxlsxwriter 1.1.4 (Debian 12) writes only to a named file; the bytes are
  // read back so that the CLI writes every output the same, atomic way.
  std::error_code ec;
  std::filesystem::path path = temporary_xlsx_path();
  lxw_workbook_options wb_options{};
  wb_options.tmpdir = nullptr;
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &wb_options);
  if (!wb) return error("tidak dapat membuat berkas sementara XLSX", "cannot create the temporary XLSX file");
  lxw_doc_properties doc{};
  std::string title = properties.title, comments = properties.comments;
  doc.title = title.data();
  doc.comments = comments.data();
  std::tm created{};
  if (properties.date.size() == 10 && std::sscanf(properties.date.c_str(), "%4d-%2d-%2d", &created.tm_year, &created.tm_mon, &created.tm_mday) == 3) {
    created.tm_year -= 1900;
    created.tm_mon -= 1;
    doc.created = timegm(&created);
  }
  workbook_set_properties(wb, &doc);
  fill(wb);
  lxw_error closed = workbook_close(wb);
  if (closed != LXW_NO_ERROR) {
    std::filesystem::remove(path, ec);
    return error(fmt::format("XLSX tidak dapat ditulis: {}", lxw_strerror(closed)), fmt::format("cannot write the XLSX: {}", lxw_strerror(closed)));
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  in.close();
  std::filesystem::remove(path, ec);
  if (!in && bytes.str().empty()) return error("XLSX sementara tidak dapat dibaca", "cannot read the temporary XLSX back");
  return bytes.str();
}

XlsxBaseFormats add_base_formats(lxw_workbook* wb) {
  XlsxBaseFormats f;
  f.title = workbook_add_format(wb);
  format_set_bold(f.title);
  format_set_font_size(f.title, 14);
  f.subtitle = workbook_add_format(wb);
  format_set_bold(f.subtitle);
  format_set_font_size(f.subtitle, 12);
  f.header = workbook_add_format(wb);
  format_set_bold(f.header);
  format_set_text_wrap(f.header);
  format_set_align(f.header, LXW_ALIGN_VERTICAL_TOP);
  format_set_bg_color(f.header, 0x1F3864);
  format_set_font_color(f.header, 0xFFFFFF);
  format_set_border(f.header, LXW_BORDER_THIN);
  f.muted = workbook_add_format(wb);
  format_set_italic(f.muted);
  format_set_font_color(f.muted, 0x595959);
  return f;
}

}  // namespace siap
