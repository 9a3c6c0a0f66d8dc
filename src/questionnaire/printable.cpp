// The questionnaire on paper: HTML that prints on A4 and Markdown, laid out
// from the same Questionnaire as the XLSForm, so that a paper survey asks
// exactly what the form asks. Items are numbered and carry their column
// name, which is what the entry template and the codebook use. All text from
// the framework is escaped.
#include <fmt/format.h>

#include <map>

#include "siap/questionnaire.hpp"
#include "siap/report.hpp"

namespace siap {
namespace {

constexpr std::size_t kMaxGridLevels = 7;  // more choices than this are listed under the item, not as columns

// One screen of the form as printed: its title, and its items grouped under
// the framework's intermediate nodes.
struct PrintedItem {
  const FormQuestion* question;
  const LocalizedText* subheading;  // the leaf's parent below the screen's node, or nullptr
};
struct PrintedSection {
  LocalizedText title;
  std::vector<PrintedItem> items;
  std::string list;    // the choice list every item shares, or "" when they differ
  bool loose = false;  // top-level leaves, gathered under one heading
};

struct Layout {
  std::vector<const FormQuestion*> identity;
  const FormQuestion* consent = nullptr;
  LocalizedText about;
  std::vector<PrintedSection> sections;
  std::map<std::string, std::vector<const FormChoice*>> lists;
};

std::string list_of(const FormQuestion& q) {
  auto space = q.type.find(' ');
  return q.type.rfind("select_one ", 0) == 0 && space != std::string::npos ? q.type.substr(space + 1) : "";
}

Layout lay_out(const Questionnaire& form, const Framework& fw) {
  Layout out;
  for (const FormChoice& c : form.choices) out.lists[c.list].push_back(&c);
  std::string group;
  for (const FormQuestion& q : form.survey) {
    if (q.type == "begin_group") {
      group = q.name;
      if (group != "responden") out.sections.push_back({q.label, {}, ""});
      continue;
    }
    if (q.type == "end_group") {
      group.clear();
      continue;
    }
    if (q.type == "note") {
      out.about = q.label;
    } else if (q.type == "calculate" || q.type == "start" || q.type == "end" || q.type == "today") {
      continue;
    } else if (group == "responden") {
      out.identity.push_back(&q);
    } else if (q.node < 0) {
      out.consent = &q;
    } else {
      if (group.empty() && (out.sections.empty() || !out.sections.back().loose)) {
        out.sections.push_back({{"Indikator", "Indicators"}, {}, "", true});  // top-level leaves share one heading
      }
      const Node& parent = fw.nodes[std::size_t(fw.nodes[std::size_t(q.node)].parent)];
      out.sections.back().items.push_back({&q, parent.depth >= 2 ? &parent.name : nullptr});
    }
  }
  for (PrintedSection& s : out.sections) {
    std::string list = s.items.empty() ? "" : list_of(*s.items[0].question);
    for (const PrintedItem& item : s.items) {
      if (list_of(*item.question) != list) list.clear();
    }
    s.list = !list.empty() && out.lists[list].size() <= kMaxGridLevels ? list : "";
  }
  return out;
}

struct Words {
  Lang lang;
  std::string t(std::string_view id, std::string_view en) const { return std::string(lang == Lang::en ? en : id); }
};

constexpr const char* kStyle = R"(
body{font-family:"DejaVu Sans",Arial,sans-serif;font-size:11pt;color:#111;max-width:190mm;margin:0 auto;padding:12px}
h1{font-size:17pt;margin:0 0 4px}
h2{font-size:13pt;margin:18px 0 6px;border-bottom:1px solid #999;padding-bottom:2px;break-after:avoid}
.about{color:#444;font-size:9.5pt}
.instructions{border:1px solid #999;padding:6px 10px;margin:10px 0;font-size:10pt}
table{border-collapse:collapse;width:100%}
th,td{border:1px solid #999;padding:4px 5px;vertical-align:top}
thead{display:table-header-group}
tr,tbody{break-inside:avoid}
th{background:#eee;font-size:8.5pt;font-weight:600}
td.no{width:7mm;text-align:right}
td.box{width:14mm;text-align:center;font-size:14pt}
td.options{font-size:10pt}
tr.sub td{background:#f6f6f6;font-weight:600;font-size:9.5pt}
.code{color:#666;font-size:8pt}
.field{border-bottom:1px solid #333;display:inline-block;min-width:80mm;height:1.2em}
.identity td{border:none;padding:6px 4px}
.box{font-size:14pt}
@page{size:A4;margin:14mm 12mm}
@media print{body{padding:0;max-width:none}}
)";

}  // namespace

std::string render_questionnaire_html(const Questionnaire& form, const Framework& fw, Lang lang) {
  const Layout layout = lay_out(form, fw);
  const Words w{lang};
  auto text = [&](const LocalizedText& t) { return html_escape(t.in(lang)); };
  std::string out =
      fmt::format("<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n",
                  lang == Lang::en ? "en" : "id", text(form.title), kStyle);
  out += fmt::format("<h1>{}</h1>\n<p class=\"about\">{}</p>\n", text(form.title), text(layout.about));
  out +=
      fmt::format("<div class=\"instructions\">{}</div>\n",
                  w.t("Petunjuk: untuk setiap pernyataan, beri tanda centang (&#10003;) pada satu kotak yang paling sesuai dengan keadaan atau "
                      "pendapat Anda. Tidak ada jawaban benar atau salah. Nomor kecil di samping pernyataan (mis. q01) dipakai saat data dimasukkan.",
                      "Instructions: for each statement, tick (&#10003;) the one box that best matches the situation or your view. There are "
                      "no right or wrong answers. The small code beside a statement (e.g. q01) is used when the data are entered."));
  auto boxes = [&](const std::vector<const FormChoice*>& choices) {
    std::string s;
    for (const FormChoice* c : choices) s += fmt::format("<span class=\"box\">&#9744;</span> {} &nbsp; ", text(c->label));
    return s;
  };
  // Identity and consent.
  out += fmt::format("<h2>{}</h2>\n<table class=\"identity\">\n", w.t("Identitas responden", "Respondent"));
  for (const FormQuestion* q : layout.identity) {
    auto list = layout.lists.find(list_of(*q));
    bool tick = list != layout.lists.end() && list->second.size() <= kMaxGridLevels;
    out += fmt::format("<tr><td>{}</td><td>{}</td></tr>\n", text(q->label), tick ? boxes(list->second) : "<span class=\"field\"></span>");
  }
  out += fmt::format("<tr><td>{}</td><td><span class=\"field\"></span></td></tr>\n", w.t("Tanggal pengisian", "Date"));
  out += "</table>\n";
  if (layout.consent) {
    out += fmt::format("<p>{}<br>{}</p>\n", text(layout.consent->label), boxes(layout.lists.at(list_of(*layout.consent))));
  }
  // The items.
  int number = 0;
  for (const PrintedSection& section : layout.sections) {
    out += fmt::format("<h2>{}</h2>\n<table>\n", text(section.title));
    const auto* grid = section.list.empty() ? nullptr : &layout.lists.at(section.list);
    std::size_t columns = 2 + (grid ? grid->size() : 1);
    out += fmt::format("<thead><tr><th>#</th><th>{}</th>", w.t("Pernyataan", "Statement"));
    if (grid) {
      for (const FormChoice* c : *grid) out += fmt::format("<th>{}<br>{}</th>", html_escape(c->name), text(c->label));
    } else {
      out += fmt::format("<th>{}</th>", w.t("Jawaban", "Answer"));
    }
    out += "</tr></thead>\n<tbody>\n";
    const LocalizedText* subheading = nullptr;
    for (const PrintedItem& item : section.items) {
      if (item.subheading != nullptr && item.subheading != subheading) {
        // Each element in a body of its own, kept on one page with its heading.
        if (subheading != nullptr) out += "</tbody>\n<tbody>\n";
        subheading = item.subheading;
        out += fmt::format("<tr class=\"sub\"><td colspan=\"{}\">{}</td></tr>\n", columns, text(*subheading));
      }
      const FormQuestion& q = *item.question;
      std::string hint = q.hint.in(lang).empty() ? "" : "<br><span class=\"code\">" + text(q.hint) + "</span>";
      out +=
          fmt::format("<tr><td class=\"no\">{}</td><td>{} <span class=\"code\">{}</span>{}</td>", ++number, text(q.label), html_escape(q.name), hint);
      if (grid) {
        for (std::size_t i = 0; i < grid->size(); ++i) out += "<td class=\"box\">&#9744;</td>";
      } else if (auto list = layout.lists.find(list_of(q)); list != layout.lists.end()) {
        out += fmt::format("<td class=\"options\">{}</td>", boxes(list->second));
      } else {
        out += fmt::format("<td class=\"options\"><span class=\"field\" style=\"min-width:30mm\"></span> {}</td>",
                           html_escape(q.constraint_message.in(lang)));
      }
      out += "</tr>\n";
    }
    out += "</tbody>\n</table>\n";
  }
  out += fmt::format("<p class=\"about\">{} {} {} · form_id {} · version {}</p>\n</body>\n</html>\n",
                     w.t("Dibuat oleh siap dari kerangka", "Made by siap from the framework"), html_escape(fw.id), html_escape(fw.version),
                     html_escape(form.form_id), html_escape(form.version));
  return out;
}

std::string render_questionnaire_markdown(const Questionnaire& form, const Framework& fw, Lang lang) {
  const Layout layout = lay_out(form, fw);
  const Words w{lang};
  auto text = [&](const LocalizedText& t) { return markdown_escape(t.in(lang)); };
  std::string out = fmt::format("# {}\n\n{}\n\n", text(form.title), text(layout.about));
  out += w.t("**Petunjuk:** untuk setiap pernyataan, beri tanda centang pada satu kotak yang paling sesuai. Tidak ada jawaban benar atau salah.\n\n",
             "**Instructions:** for each statement, tick the one box that fits best. There are no right or wrong answers.\n\n");
  auto boxes = [&](const std::vector<const FormChoice*>& choices) {
    std::string s;
    for (const FormChoice* c : choices) s += fmt::format("☐ {}  ", text(c->label));
    return s;
  };
  out += fmt::format("## {}\n\n", w.t("Identitas responden", "Respondent"));
  for (const FormQuestion* q : layout.identity) {
    auto list = layout.lists.find(list_of(*q));
    bool tick = list != layout.lists.end() && list->second.size() <= kMaxGridLevels;
    out += fmt::format("- {}: {}\n", text(q->label), tick ? boxes(list->second) : "______________________");
  }
  out += fmt::format("- {}: ______________________\n\n", w.t("Tanggal pengisian", "Date"));
  if (layout.consent) out += fmt::format("{}\n\n{}\n\n", text(layout.consent->label), boxes(layout.lists.at(list_of(*layout.consent))));
  int number = 0;
  for (const PrintedSection& section : layout.sections) {
    out += fmt::format("## {}\n\n", text(section.title));
    const auto* grid = section.list.empty() ? nullptr : &layout.lists.at(section.list);
    std::string header = fmt::format("| # | {} |", w.t("Pernyataan", "Statement")), rule = "|---:|---|";
    if (grid) {
      for (const FormChoice* c : *grid) {
        header += fmt::format(" {} {} |", markdown_escape(c->name), text(c->label));
        rule += ":---:|";
      }
    } else {
      header += fmt::format(" {} |", w.t("Jawaban", "Answer"));
      rule += "---|";
    }
    out += header + "\n" + rule + "\n";
    const LocalizedText* subheading = nullptr;
    for (const PrintedItem& item : section.items) {
      if (item.subheading != nullptr && item.subheading != subheading) {
        subheading = item.subheading;
        out += fmt::format("| | **{}** |{}\n", text(*subheading), std::string(grid ? grid->size() : 1, '|'));
      }
      const FormQuestion& q = *item.question;
      out += fmt::format("| {} | {} `{}` |", ++number, text(q.label), q.name);
      if (grid) {
        for (std::size_t i = 0; i < grid->size(); ++i) out += " ☐ |";
      } else if (auto list = layout.lists.find(list_of(q)); list != layout.lists.end()) {
        out += fmt::format(" {} |", boxes(list->second));
      } else {
        out += " ______ |";
      }
      out += "\n";
    }
    out += "\n";
  }
  return out;
}

}  // namespace siap
