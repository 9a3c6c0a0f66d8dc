#include <catch2/catch.hpp>

#include "siap/report.hpp"

using siap::Decimal;

TEST_CASE("published values in the report language, rounded half up on the exact decimal", "[report][text-util]") {
  CHECK(siap::format_published(*Decimal::parse("3.405"), 2, siap::Lang::id) == "3,41");
  CHECK(siap::format_published(*Decimal::parse("3.404"), 2, siap::Lang::en) == "3.40");
  CHECK(siap::format_published(*Decimal::parse("2"), 2, siap::Lang::id) == "2,00");
}

TEST_CASE("text cells never start a spreadsheet formula", "[report][text-util]") {
  CHECK(siap::spreadsheet_safe("=SUM(A1)") == "'=SUM(A1)");
  CHECK(siap::spreadsheet_safe("+62 812") == "'+62 812");
  CHECK(siap::spreadsheet_safe("-") == "'-");
  CHECK(siap::spreadsheet_safe("@cmd") == "'@cmd");
  CHECK(siap::spreadsheet_safe("\tx") == "'\tx");
  CHECK(siap::spreadsheet_safe("Kota Bandung") == "Kota Bandung");
  CHECK(siap::spreadsheet_safe("") == "");
}

TEST_CASE("CSV fields quoted only when they must be (RFC 4180)", "[report][text-util]") {
  CHECK(siap::csv_field("Kota Bandung", ',') == "Kota Bandung");
  CHECK(siap::csv_field("a,b", ',') == "\"a,b\"");
  CHECK(siap::csv_field("a,b", ';') == "a,b");
  CHECK(siap::csv_field("say \"hi\"", ',') == "\"say \"\"hi\"\"\"");
  CHECK(siap::csv_field("two\nlines", ';') == "\"two\nlines\"");
}

TEST_CASE("CSV fields appended in place, made inert for spreadsheets on request", "[report][text-util]") {
  // The same as csv_field(spreadsheet_safe(text)), written out by hand.
  std::string out = "a;";
  siap::append_csv_field(out, "=1;\"x\"", ';', true);
  CHECK(out == "a;\"'=1;\"\"x\"\"\"");
  out.clear();
  siap::append_csv_field(out, "=1", ';', true);
  CHECK(out == "'=1");
  out.clear();
  siap::append_csv_field(out, "=1", ';');
  CHECK(out == "=1");
  out.clear();
  siap::append_csv_field(out, "", ',', true);
  CHECK(out.empty());
  for (const char* text : {"Kota Bandung", "-5", "+62, 812", "say \"hi\"", "@x\ny"}) {
    std::string appended;
    siap::append_csv_field(appended, text, ',', true);
    CHECK(appended == siap::csv_field(siap::spreadsheet_safe(text), ','));
  }
}

TEST_CASE("a CSV record: fields quoted as needed, the delimiter between, CRLF at the end (RFC 4180)", "[report][text-util]") {
  std::string out = "x";
  siap::append_csv_row(out, {"a", "b;c", "", "say \"hi\""}, ';');
  CHECK(out == "xa;\"b;c\";;\"say \"\"hi\"\"\"\r\n");
  out.clear();
  siap::append_csv_row(out, {}, ',');
  CHECK(out == "\r\n");
}
