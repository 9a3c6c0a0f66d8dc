#include <catch2/catch.hpp>

#include "siap/report.hpp"

TEST_CASE("quality.csv: a header in the report language, one RFC 4180 row per issue, values inert", "[report][quality]") {
  siap::Dataset data;
  data.quality = siap::QualityLog(true);
  data.quality.add(
      siap::QualityIssue{siap::IssueKind::cell_ignored, "s.csv", 12, "q05", "=6", "out_of_scale", {"di luar skala 1–5", "outside the scale 1–5"}});
  data.quality.add(siap::QualityIssue{
      siap::IssueKind::row_rejected, "s.csv", 40, "wilayah", "Bandung, Jawa Barat", "ambiguous_region", {"wilayah ambigu", "ambiguous region"}});
  siap::ReportOptions options;
  CHECK(siap::render_quality_csv(data, options) ==
        "berkas,baris,kolom,nilai,akibat,kode,alasan\r\n"
        "s.csv,12,q05,'=6,sel diabaikan,out_of_scale,di luar skala 1–5\r\n"
        "s.csv,40,wilayah,\"Bandung, Jawa Barat\",baris ditolak,ambiguous_region,wilayah ambigu\r\n");
  options.lang = siap::Lang::en;
  options.csv_decimal_comma = true;
  CHECK(siap::render_quality_csv(data, options).rfind("file;line;column;value;outcome;code;reason\r\ns.csv;12;q05;'=6;cell ignored;", 0) == 0);
}
