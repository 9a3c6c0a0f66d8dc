// siap compare's reports: per region the values of each side, the change,
// the band change and the rank change; the most improved and declined; the
// regions in only some sides; a dumbbell chart in HTML. Text, Markdown and
// HTML lay out the same worded tables; JSON and CSV hold the values.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "report/html_style.hpp"
#include "report/json_writer.hpp"
#include "report/report_view.hpp"
#include "report/table.hpp"
#include "siap/comparison.hpp"
#include "siap/report.hpp"

namespace siap {
namespace {

constexpr std::size_t kMovers = 5;      // most improved and most declined listed
constexpr std::size_t kChartRows = 40;  // a dumbbell chart of more units shows the 20 largest rises and falls

std::string tr(Lang lang, std::string_view id, std::string_view en) { return std::string(lang == Lang::en ? en : id); }

std::string signed_text(const Decimal& d, int decimals, Lang lang) {
  std::string s = format_published(d, decimals, lang);
  return d.is_negative() || d.is_zero() ? s : "+" + s;
}

std::string value_text(const ComparedValue& v, int decimals, Lang lang) {
  if (!v.present) return "";
  return v.assessed ? format_published(v.published, decimals, lang) : "–";
}

struct ComparisonTables {
  std::string title;
  std::vector<std::string> about;  // sides, frameworks, how regions were matched, warnings
  report::Table units;
  std::vector<std::string> improved, declined;
  report::Table partial;
};

ComparisonTables tables_of(const Comparison& c, Lang lang) {
  const int d = c.decimals;
  const bool years = c.sides.front().year && c.sides.back().year;
  // Bands are compared only within one framework, and only when it has them.
  const bool banded = c.bands_comparable && !c.sides.back().assessment->framework->band_sets_at(0).empty();
  ComparisonTables out;
  out.title = tr(lang, "Perbandingan antarwaktu", "Change over time");
  for (const ComparedSide& s : c.sides) {
    const Framework& fw = *s.assessment->framework;
    out.about.push_back(
        fmt::format("{}: {} {} ({}), {} {}", s.label, fw.id, fw.version, fw.title.in(lang), s.assessment->results.size(), tr(lang, "unit", "units")));
  }
  out.about.push_back(tr(lang,
                         "Wilayah dicocokkan menurut kode Kemendagri saat ini: kode lama (misalnya pemekaran Papua 2022) dan nama lama diikuti "
                         "melalui tabel perubahan kode sejak 2018; unit bukan wilayah dicocokkan menurut namanya.",
                         "Regions are matched by today's Kemendagri code: earlier codes (such as the 2022 Papua expansion) and names are followed "
                         "through the table of code changes since 2018; units that are not regions are matched by name."));
  out.about.push_back(tr(lang, "Perubahan = nilai terbit terakhir − nilai terbit pertama; peringkat sebagaimana tiap penilaian menerbitkannya.",
                         "Change = last published value − first published value; ranks as each assessment published them."));
  for (const LocalizedText& w : c.warnings) out.about.push_back(w.in(lang));

  report::Table& t = out.units;
  t.header = {tr(lang, "Wilayah", "Region"), tr(lang, "Provinsi", "Province")};
  for (const ComparedSide& s : c.sides) t.header.push_back(s.label);
  t.header.push_back(tr(lang, "Perubahan", "Change"));
  if (banded) t.header.push_back(tr(lang, "Predikat", "Band"));
  t.header.push_back(tr(lang, "Peringkat", "Rank"));
  if (years) t.header.push_back(tr(lang, "Pertumbuhan per tahun", "Annual growth"));
  for (std::size_t k = 1; k < c.node_ids.size(); ++k) t.header.push_back("Δ " + c.node_names[k].in(lang));
  auto row_of = [&](const ComparedUnit& u) {
    std::vector<report::TableCell> row{{u.name, false}, {u.province_name, false}};
    for (const auto& side : u.values) row.push_back({value_text(side[0], d, lang), true});
    const auto change = change_of(u, 0);
    row.push_back({change ? signed_text(*change, d, lang) : "–", true});
    if (banded) {
      const ComparedValue& a = u.values.front()[0];
      const ComparedValue& b = u.values.back()[0];
      const LocalizedText moved = band_change(c, u);
      row.push_back({a.band && b.band ? fmt::format("{} → {} ({})", a.band->label.in(lang), b.band->label.in(lang), moved.in(lang)) : "–", false});
    }
    std::vector<std::string> ranks;
    for (const auto& side : u.values) ranks.push_back(side[0].rank > 0 ? std::to_string(side[0].rank) : "–");
    row.push_back({fmt::format("{}", fmt::join(ranks, " → ")), true});
    if (years) {
      const auto g = annual_growth(c, u);
      row.push_back({g ? report::percent_text(*g, lang) : "–", true});
    }
    for (std::size_t k = 1; k < c.node_ids.size(); ++k) {
      const auto ck = change_of(u, k);
      row.push_back({ck ? signed_text(*ck, d, lang) : "–", true});
    }
    return row;
  };
  for (const ComparedUnit& u : c.units) t.rows.push_back(row_of(u));
  for (const ComparedUnit& u : c.units) {
    if (!u.values.front()[0].assessed) continue;
    std::string moved;
    for (std::size_t s = 0; s < u.written_as.size(); ++s) {
      if (!u.written_as[s].empty()) moved = fmt::format(" ({} {}: {})", tr(lang, "ditulis", "written as"), c.sides[s].label, u.written_as[s]);
    }
    if (!moved.empty()) t.notes.push_back(u.name + moved);
  }
  std::vector<const ComparedUnit*> changed;
  for (const ComparedUnit& u : c.units) {
    if (change_of(u, 0)) changed.push_back(&u);
  }
  for (std::size_t i = 0; i < changed.size() && i < kMovers; ++i) {
    if (change_of(*changed[i], 0)->is_negative() || change_of(*changed[i], 0)->is_zero()) break;
    out.improved.push_back(fmt::format("{} ({})", changed[i]->name, signed_text(*change_of(*changed[i], 0), d, lang)));
  }
  for (std::size_t i = 0; i < changed.size() && i < kMovers; ++i) {
    const ComparedUnit& u = *changed[changed.size() - 1 - i];
    if (!change_of(u, 0)->is_negative()) break;
    out.declined.push_back(fmt::format("{} ({})", u.name, signed_text(*change_of(u, 0), d, lang)));
  }

  out.partial.caption = tr(lang, "Hanya ada di sebagian penilaian", "In only some of the assessments");
  out.partial.header = {tr(lang, "Wilayah", "Region"), tr(lang, "Provinsi", "Province")};
  for (const ComparedSide& s : c.sides) out.partial.header.push_back(s.label);
  for (const ComparedUnit& u : c.partial) {
    std::vector<report::TableCell> row{{u.name, false}, {u.province_name, false}};
    for (const auto& side : u.values) row.push_back({side[0].present ? value_text(side[0], d, lang) : tr(lang, "tidak ada", "absent"), true});
    out.partial.rows.push_back(std::move(row));
  }
  return out;
}

// Each unit's first and last index as a dumbbell: grey dot then, coloured dot now.
std::string dumbbell_svg(const Comparison& c, Lang lang) {
  std::vector<const ComparedUnit*> rows;
  for (const ComparedUnit& u : c.units) {
    if (change_of(u, 0)) rows.push_back(&u);
  }
  std::string note;
  if (rows.size() > kChartRows) {
    std::vector<const ComparedUnit*> ends(rows.begin(), rows.begin() + kChartRows / 2);
    ends.insert(ends.end(), rows.end() - kChartRows / 2, rows.end());
    note = lang == Lang::en ? fmt::format("The {} largest rises and {} largest falls of {} regions.", kChartRows / 2, kChartRows / 2, rows.size())
                            : fmt::format("{} kenaikan dan {} penurunan terbesar dari {} wilayah.", kChartRows / 2, kChartRows / 2, rows.size());
    rows = std::move(ends);
  }
  if (rows.empty()) return "";
  const Framework& fw = *c.sides.back().assessment->framework;
  const double lo = fw.score.min.to_double(), hi = fw.score.max.to_double();
  const double label_w = 230, plot_w = 460, row_h = 18, top = 24;
  const double width = label_w + plot_w + 70, height = top + row_h * double(rows.size()) + 30;
  auto x = [&](double v) { return label_w + (v - lo) / (hi - lo) * plot_w; };
  std::string out = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {0} {1}\" width=\"{0}\" height=\"{1}\" role=\"img\" aria-label=\"{2}\" "
      "font-family=\"DejaVu Sans, Liberation Sans, Arial, sans-serif\" font-size=\"11\">\n<title>{2}</title>\n",
      width, height, html_escape(tr(lang, "Indeks pertama dan terakhir per wilayah", "First and last index per region")));
  for (int tick = int(std::ceil(lo)); tick <= int(std::floor(hi)); ++tick) {
    out += fmt::format(
        "<line x1=\"{0:.1f}\" x2=\"{0:.1f}\" y1=\"{1}\" y2=\"{2:.1f}\" stroke=\"#D0D4DA\"/><text x=\"{0:.1f}\" y=\"{3}\" text-anchor=\"middle\" "
        "fill=\"#5B5B5B\">{4}</text>\n",
        x(tick), top - 6, top + row_h * double(rows.size()), top - 10, tick);
  }
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const ComparedUnit& u = *rows[i];
    const double a = u.values.front()[0].published.to_double(), b = u.values.back()[0].published.to_double();
    const double y = top + row_h * double(i) + row_h / 2;
    const char* color = b > a ? "#1B7837" : b < a ? "#D73027" : "#5B5B5B";
    out += fmt::format(
        "<g><title>{0}: {1} → {2}</title><text x=\"{3:.1f}\" y=\"{4:.1f}\" text-anchor=\"end\">{0}</text>"
        "<line x1=\"{5:.1f}\" x2=\"{6:.1f}\" y1=\"{7:.1f}\" y2=\"{7:.1f}\" stroke=\"{8}\" stroke-width=\"2\"/>"
        "<circle cx=\"{5:.1f}\" cy=\"{7:.1f}\" r=\"4\" fill=\"#A6A6A6\"/><circle cx=\"{6:.1f}\" cy=\"{7:.1f}\" r=\"4.5\" fill=\"{8}\"/></g>\n",
        html_escape(u.name), format_published(u.values.front()[0].published, c.decimals, lang),
        format_published(u.values.back()[0].published, c.decimals, lang), label_w - 8, y + 4, x(a), x(b), y, color);
  }
  out += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" fill=\"#5B5B5B\">{}</text>\n</svg>\n", label_w, height - 8,
                     html_escape(fmt::format("{} {} → {} {}. {}", tr(lang, "Abu-abu:", "Grey:"), c.sides.front().label,
                                             tr(lang, "berwarna:", "coloured:"), c.sides.back().label, note)));
  return out;
}

std::string list_text(const std::vector<std::string>& items, Lang lang) {
  return items.empty() ? tr(lang, "tidak ada", "none") : fmt::format("{}", fmt::join(items, "; "));
}

}  // namespace

std::string render_comparison_text(const Comparison& c, Lang lang) {
  const ComparisonTables t = tables_of(c, lang);
  std::string out = t.title + "\n";
  for (const std::string& line : t.about) out += terminal_safe(line) + "\n";
  out += "\n" + report::text_table(t.units);
  out += "\n" + tr(lang, "Paling naik: ", "Most improved: ") + terminal_safe(list_text(t.improved, lang)) + "\n";
  out += tr(lang, "Paling turun: ", "Most declined: ") + terminal_safe(list_text(t.declined, lang)) + "\n";
  if (!t.partial.rows.empty()) out += "\n" + report::text_table(t.partial);
  return out;
}

std::string render_comparison_markdown(const Comparison& c, Lang lang) {
  const ComparisonTables t = tables_of(c, lang);
  std::string out = "# " + markdown_escape(t.title) + "\n\n";
  for (const std::string& line : t.about) out += "- " + markdown_escape(line) + "\n";
  out += "\n" + report::markdown_table(t.units);
  out += fmt::format("**{}** {}\n\n**{}** {}\n\n", markdown_escape(tr(lang, "Paling naik:", "Most improved:")),
                     markdown_escape(list_text(t.improved, lang)), markdown_escape(tr(lang, "Paling turun:", "Most declined:")),
                     markdown_escape(list_text(t.declined, lang)));
  if (!t.partial.rows.empty()) out += report::markdown_table(t.partial);
  return out;
}

std::string render_comparison_html(const Comparison& c, Lang lang, const std::string& tool_version) {
  const ComparisonTables t = tables_of(c, lang);
  std::string out = fmt::format("<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n", lang == Lang::en ? "en" : "id");
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += fmt::format("<meta name=\"generator\" content=\"siap {}\">\n", html_escape(tool_version));
  out += fmt::format("<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n<header>\n<h1>{}</h1>\n</header>\n", html_escape(t.title),
                     report::kHtmlStyle, html_escape(t.title));
  out += "<ul class=\"method\">\n";
  for (const std::string& line : t.about) out += fmt::format("<li>{}</li>\n", html_escape(line));
  out += "</ul>\n<section>\n" + dumbbell_svg(c, lang) + "</section>\n<section>\n" + report::html_table(t.units);
  out += fmt::format("<p><b>{}</b> {}</p>\n<p><b>{}</b> {}</p>\n</section>\n", html_escape(tr(lang, "Paling naik:", "Most improved:")),
                     html_escape(list_text(t.improved, lang)), html_escape(tr(lang, "Paling turun:", "Most declined:")),
                     html_escape(list_text(t.declined, lang)));
  if (!t.partial.rows.empty()) out += "<section>\n" + report::html_table(t.partial) + "</section>\n";
  out += fmt::format("<footer>{} siap {}</footer>\n</body>\n</html>\n", tr(lang, "Dibuat dengan", "Made with"), html_escape(tool_version));
  return out;
}

std::string render_comparison_csv(const Comparison& c, Lang lang, bool decimal_comma) {
  const char sep = decimal_comma ? ';' : ',';
  const char point = decimal_comma ? ',' : '.';
  auto value = [&](const ComparedValue& v) { return v.assessed ? v.published.format(c.decimals, point) : std::string(); };
  std::string out;
  auto row = [&](const std::vector<std::string>& fields) { append_csv_row(out, fields, sep); };
  std::vector<std::string> header{tr(lang, "kode", "code"), tr(lang, "wilayah", "region"), tr(lang, "provinsi", "province")};
  for (const ComparedSide& s : c.sides) {
    for (const std::string& id : c.node_ids) header.push_back(s.label + "_" + (id == "index" ? tr(lang, "indeks", "index") : id));
  }
  for (const std::string& id : c.node_ids) header.push_back(tr(lang, "perubahan_", "change_") + (id == "index" ? tr(lang, "indeks", "index") : id));
  for (const ComparedSide& s : c.sides) header.push_back(s.label + tr(lang, "_peringkat", "_rank"));
  header.insert(header.end(), {tr(lang, "perubahan_predikat", "band_change"), tr(lang, "pertumbuhan_per_tahun", "annual_growth"),
                               tr(lang, "ditulis_sebagai", "written_as"), tr(lang, "status", "status")});
  row(header);
  auto line = [&](const ComparedUnit& u, bool everywhere) {
    std::vector<std::string> f{u.code, spreadsheet_safe(u.name), u.province_name};
    for (const auto& side : u.values) {
      for (const ComparedValue& v : side) f.push_back(value(v));
    }
    for (std::size_t k = 0; k < c.node_ids.size(); ++k) {
      const auto ch = change_of(u, k);
      f.push_back(ch && everywhere ? ch->format(c.decimals, point) : "");
    }
    for (const auto& side : u.values) f.push_back(side[0].rank > 0 ? std::to_string(side[0].rank) : "");
    f.push_back(everywhere ? band_change(c, u).in(lang) : "");
    const auto g = everywhere ? annual_growth(c, u) : std::nullopt;
    std::string growth = g ? fmt::format("{:.6f}", *g) : "";
    for (char& ch : growth) ch = ch == '.' ? point : ch;
    f.push_back(growth);
    std::vector<std::string> written;
    for (std::size_t s = 0; s < u.written_as.size(); ++s) {
      if (!u.written_as[s].empty()) written.push_back(c.sides[s].label + ": " + u.written_as[s]);
    }
    f.push_back(spreadsheet_safe(fmt::format("{}", fmt::join(written, "; "))));
    std::vector<std::string> absent;
    for (std::size_t s = 0; s < u.values.size(); ++s) {
      if (!u.values[s][0].present) absent.push_back(c.sides[s].label);
    }
    f.push_back(absent.empty() ? tr(lang, "lengkap", "complete")
                               : tr(lang, "tidak ada di ", "absent from ") + fmt::format("{}", fmt::join(absent, ", ")));
    row(f);
  };
  for (const ComparedUnit& u : c.units) line(u, true);
  for (const ComparedUnit& u : c.partial) line(u, false);
  return out;
}

std::string render_comparison_json(const Comparison& c) {
  JsonWriter w;
  w.begin_object().field("schema", "siap/comparison/v1");
  w.key("sides").begin_array();
  for (const ComparedSide& s : c.sides) {
    const Framework& fw = *s.assessment->framework;
    w.begin_object().field("label", s.label);
    if (s.year) w.field("year", *s.year);
    w.key("framework").begin_object().field("id", fw.id).field("version", fw.version).end_object();
    w.end_object();
  }
  w.end_array();
  w.key("nodes").begin_array();
  for (const std::string& id : c.node_ids) w.string(id);
  w.end_array();
  w.field("bands_comparable", c.bands_comparable);
  w.key("warnings").begin_array();
  for (const LocalizedText& t : c.warnings) w.begin_object().field("id", t.id).field("en", t.en).end_object();
  w.end_array();
  auto unit = [&](const ComparedUnit& u) {
    w.begin_object().field("code", u.code).field("name", u.name).field("province", u.province_name);
    w.key("written_as").begin_array();
    for (const std::string& s : u.written_as) {
      if (s.empty()) {
        w.null();
      } else {
        w.string(s);
      }
    }
    w.end_array();
    w.key("values").begin_array();
    for (const auto& side : u.values) {
      if (!side[0].present) {
        w.null();
        continue;
      }
      w.begin_object();
      for (std::size_t k = 0; k < c.node_ids.size(); ++k) {
        w.key(c.node_ids[k]);
        if (side[k].assessed) {
          w.number(side[k].published.to_string());
        } else {
          w.null();
        }
      }
      if (side[0].band) w.field("band", side[0].band->id);
      if (side[0].rank > 0) w.field("rank", side[0].rank);
      w.end_object();
    }
    w.end_array();
    w.key("change").begin_object();
    for (std::size_t k = 0; k < c.node_ids.size(); ++k) {
      w.key(c.node_ids[k]);
      const auto ch = change_of(u, k);
      if (ch && u.values.front()[0].present && u.values.back()[0].present) {
        w.number(ch->to_string());
      } else {
        w.null();
      }
    }
    w.end_object();
    if (const LocalizedText moved = band_change(c, u); !moved.id.empty()) w.field("band_change", moved.en);
    if (auto g = annual_growth(c, u)) w.key("annual_growth").number(fmt::format("{:.10g}", *g));
    w.end_object();
  };
  w.key("units").begin_array();
  for (const ComparedUnit& u : c.units) unit(u);
  w.end_array();
  w.key("partial").begin_array();
  for (const ComparedUnit& u : c.partial) unit(u);
  w.end_array();
  w.end_object();
  std::string out = w.take();
  return out + "\n";
}

}  // namespace siap
