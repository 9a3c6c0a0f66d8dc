// The codebook: per item, the column siap reads, the question in both
// languages, the scale with its values and labels, whether it is reverse
// keyed, where it sits in the tree, and its facets. What a researcher hands
// to whoever enters or recodes the data.
#include <fmt/format.h>

#include "siap/questionnaire.hpp"
#include "siap/report.hpp"

namespace siap {
namespace {

std::string values_text(const Framework& fw, const Scale& scale, Lang lang) {
  auto tr = [lang](std::string_view id, std::string_view en) { return std::string(lang == Lang::en ? en : id); };
  std::vector<std::string> parts;
  switch (scale.kind) {
    case ScaleKind::ordinal:
    case ScaleKind::likert:
      for (const ScalePoint& p : scale.points) parts.push_back(fmt::format("{} = {}", p.value.to_string(), p.label.in(lang)));
      if (parts.empty())
        return fmt::format("{}–{}{}", scale.min.to_string(), scale.max.to_string(),
                           scale.integer_only ? tr(", bilangan bulat", ", whole numbers") : "");
      break;
    case ScaleKind::yes_no:
      parts.push_back(fmt::format("{} = {}", fmt::join(scale.yes_words, "/"), scale.yes_score.to_string()));
      parts.push_back(fmt::format("{} = {}", fmt::join(scale.no_words, "/"), scale.no_score.to_string()));
      break;
    case ScaleKind::numeric: {
      bool higher = scale.direction == Direction::higher_is_better;
      if (!scale.has_goalposts) {
        return fmt::format("{} ({})", tr("angka", "number"),
                           higher ? tr("makin tinggi makin baik; dinormalisasi antar-unit", "higher is better; normalised across units")
                                  : tr("makin rendah makin baik; dinormalisasi antar-unit", "lower is better; normalised across units"));
      }
      return fmt::format("{}: {} → {}, {} → {}", tr("angka", "number"), scale.low_goalpost.to_string(),
                         (higher ? fw.score.min : fw.score.max).to_string(), scale.high_goalpost.to_string(),
                         (higher ? fw.score.max : fw.score.min).to_string());
    }
    case ScaleKind::categorical:
      for (const CategoryScore& c : scale.categories) parts.push_back(fmt::format("{} = {}", c.answer, c.score.to_string()));
      break;
  }
  if (!scale.no_answer.empty()) parts.push_back(fmt::format("{}: {}", tr("tidak menjawab", "no answer"), fmt::join(scale.no_answer, ", ")));
  return fmt::format("{}", fmt::join(parts, "; "));
}

// "Smart Governance > Pelayanan publik": the leaf's ancestors below the root.
std::string path_text(const Framework& fw, int leaf, Lang lang) {
  std::vector<std::string> names;
  for (int up = fw.nodes[std::size_t(leaf)].parent; up > 0; up = fw.nodes[std::size_t(up)].parent)
    names.insert(names.begin(), fw.nodes[std::size_t(up)].name.in(lang));
  return fmt::format("{}", fmt::join(names, " > "));
}

}  // namespace

std::vector<std::vector<std::string>> codebook_rows(const Framework& fw, Lang lang) {
  auto tr = [lang](std::string_view id, std::string_view en) { return std::string(lang == Lang::en ? en : id); };
  std::vector<std::vector<std::string>> rows{{tr("kolom", "column"), tr("pertanyaan_id", "question_id"), tr("pertanyaan_en", "question_en"),
                                              tr("skala", "scale"), tr("jenis_skala", "scale_type"), tr("nilai", "values"),
                                              tr("kebalikan", "reverse"), tr("jalur", "path"), tr("faset", "facets"), tr("simpul", "node")}};
  for (int leaf : fw.leaves) {
    const Node& node = fw.nodes[std::size_t(leaf)];
    const Scale& scale = fw.scales[std::size_t(node.scale)];
    std::vector<std::string> facets;
    for (const auto& [facet, value] : node.facet_values) {
      facets.push_back(fmt::format("{}={}", fw.facets[std::size_t(facet)].id, fw.facets[std::size_t(facet)].values[std::size_t(value)].id));
    }
    rows.push_back({node.column.name, node.name.id, node.name.en.empty() ? node.name.id : node.name.en, scale.id, scale_kind_key(scale.kind),
                    values_text(fw, scale, lang), node.reverse ? tr("ya", "yes") : tr("tidak", "no"), path_text(fw, leaf, lang),
                    fmt::format("{}", fmt::join(facets, "; ")), node.id});
  }
  return rows;
}

std::string render_codebook_csv(const Framework& fw, Lang lang) {
  std::string out;
  for (const auto& fields : codebook_rows(fw, lang)) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (i > 0) out += ',';
      out += csv_field(spreadsheet_safe(fields[i]), ',');
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace siap
