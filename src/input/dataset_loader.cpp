// Reads input files into a Dataset: matches headers, resolves each row's
// unit, parses each cell against its item's scale, and records every row and
// cell it cannot use, with its reason. Rows are accounted for exactly:
// read = accepted + rejected.
#include "siap/dataset.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <array>
#include <cctype>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <stdexcept>

#include <tuple>
#include <unordered_map>

#include "framework/scale_semantics.hpp"
#include "input/column_matcher.hpp"
#include "input/dataset_rows.hpp"
#include "input/dataset_sources.hpp"
#include "input/row_source.hpp"
#include "siap/edit_distance.hpp"
#include "siap/folding.hpp"
#include "siap/limits.hpp"
#include "siap/number.hpp"
#include "siap/utf8.hpp"
#include "util/has_repeat.hpp"
#include "util/huge_pages.hpp"
#include "input/denominator_columns.hpp"
#include "util/parallel.hpp"
#include "util/string_index.hpp"

namespace siap {
namespace {

// A whole-file problem. (Built field by field: GCC 12 at -O3 warns falsely
// about a braced Diagnostic temporary.)
Diagnostic file_error(const std::string& file, int line, LocalizedText message) {
  Diagnostic d;
  d.where.file = file;
  d.where.line = line;
  d.message = std::move(message);
  return d;
}

class Loader {
 public:
  Loader(const Framework& fw, const LoadOptions& options) : fw_(fw), options_(options), regions_(RegionTable::builtin()) {
    data_.quality = QualityLog(options.full_quality_log);
    data_.kind = fw.input.kind == InputKind::units ? InputKind::units : InputKind::respondents;
    for (int leaf : fw.leaves) item_nodes_.push_back(leaf);
    for (std::size_t i = 1; i < fw.nodes.size(); ++i) {
      if (!fw.nodes[i].is_leaf() && !fw.nodes[i].column.empty()) item_nodes_.push_back(int(i));
    }
    data_.items.resize(item_nodes_.size());
    for (std::size_t i = 0; i < item_nodes_.size(); ++i) {
      parsers_.emplace_back(fw, fw.nodes[std::size_t(item_nodes_[i])], data_.items[i], options.no_answer);
    }
    for (std::size_t i = 0; i < data_.items.size(); ++i) {
      ItemColumn& item = data_.items[i];
      coded_index_.push_back(item.coded ? int(data_.coded_items++) : -1);
      // Exact decimals: every answer of an uncoded column; the off-grid ones of a fractional scale.
      if (!item.coded || parsers_[i].fractional()) {
        item.decimal_slot = int(data_.decimals.size());
        data_.decimals.emplace_back();
      }
    }
    unit_of_region_.assign(regions_.regions().size(), -1);
  }

  Expected<Dataset> run(const std::vector<std::string>& paths) {
    Diagnostics errors;
    if (!check_no_answer_markers(errors)) return errors;
    for (std::size_t f = 0; f < paths.size(); ++f) read_file(paths[f], f, errors);
    return finish(errors);
  }

  Expected<Dataset> run(std::vector<NamedSource> sources) {
    Diagnostics errors;
    if (!check_no_answer_markers(errors)) return errors;
    for (std::size_t f = 0; f < sources.size(); ++f) {
      data_.files.push_back({});
      data_.files.back().name = escape_invalid_utf8(sources[f].name);
      read_source(std::move(sources[f].rows), "", f, errors);
    }
    return finish(errors);
  }

 private:
  // Why a submission is set aside by its tool's status column, or nothing.
  static std::optional<std::pair<std::string, LocalizedText>> set_aside(SubmissionStatus status, std::string_view value) {
    const std::string folded = fold_answer(value);
    switch (status) {
      case SubmissionStatus::limesurvey_submitdate:
        if (folded.empty()) {
          return std::pair{std::string("incomplete_response"),
                           LocalizedText{"respons belum selesai (submitdate kosong); sertakan dengan --include-incomplete",
                                         "an incomplete response (empty submitdate); include it with --include-incomplete"}};
        }
        break;
      case SubmissionStatus::kobo_validation:
        if (folded.find("notapproved") != std::string::npos || folded.find("tidakdisetujui") != std::string::npos) {
          return std::pair{std::string("not_approved"), LocalizedText{"validasi KoboToolbox: tidak disetujui; sertakan dengan --include-incomplete",
                                                                      "KoboToolbox validation: not approved; include it with --include-incomplete"}};
        }
        break;
      case SubmissionStatus::odk_review:
        if (folded == "rejected") {
          return std::pair{std::string("review_rejected"), LocalizedText{"ulasan ODK Central: ditolak; sertakan dengan --include-incomplete",
                                                                         "ODK Central review: rejected; include it with --include-incomplete"}};
        }
        break;
    }
    return std::nullopt;
  }

  // A no-answer marker that is also a valid answer would make a cell mean
  // two things: an error before anything is read, naming the scale.
  bool check_no_answer_markers(Diagnostics& errors) {
    std::vector<int> reported;
    for (std::size_t i = 0; i < parsers_.size(); ++i) {
      const Node& node = fw_.nodes[std::size_t(item_nodes_[i])];
      if (!node.is_leaf() || std::find(reported.begin(), reported.end(), node.scale) != reported.end()) continue;
      if (const std::string* marker = parsers_[i].clashing_marker()) {
        reported.push_back(node.scale);
        const Scale& scale = fw_.scales[std::size_t(node.scale)];
        errors.push_back(Diagnostic{scale.where,
                                    "",
                                    {fmt::format("penanda 'tidak menjawab' '{}' adalah jawaban sah pada skala '{}'", *marker, scale.id),
                                     fmt::format("the no-answer marker '{}' is a valid answer on scale '{}'", *marker, scale.id)}});
      }
    }
    return errors.empty();
  }

  Expected<Dataset> finish(const Diagnostics& errors) {
    if (!errors.empty()) return errors;
    reject_duplicate_respondents();
    // Counted where each row is rejected, so that the reconciliation below
    // (and the tests' rows_read == rows + rows_rejected) can fail.
    data_.rows_rejected = 0;
    for (const InputFileInfo& info : data_.files) data_.rows_rejected += info.rows_rejected;
    if (data_.rows + data_.rows_rejected != data_.rows_read) {
      throw std::logic_error(
          fmt::format("rows do not reconcile: {} read, {} accepted, {} rejected", data_.rows_read, data_.rows, data_.rows_rejected));
    }
    return std::move(data_);
  }

  void reject(std::size_t file, int line, std::string_view column, std::string_view value, std::string_view code, const LocalizedText& reason) {
    log_issue(IssueKind::row_rejected, file, line, column, value, code, reason);
    ++data_.files[file].rows_rejected;
  }

  void reject_empty_response(std::size_t file, int line) {
    reject(file, line, "", "", "empty_response",
           {"tidak ada jawaban yang dapat dipakai: bukan responden (tidak dihitung untuk jumlah minimum responden)",
            "no usable answer: not a respondent (not counted toward the minimum respondents)"});
  }

  void log_issue(IssueKind kind, std::size_t file, int line, std::string_view column, std::string_view value, std::string_view code,
                 const LocalizedText& reason) {
    QualityLog& log = data_.quality;
    log.add(log.group(kind, data_.files[file].name, column, code, reason), line, value, &reason);
  }

  // Maps headers to targets; reports missing required columns.
  bool map_header(const std::vector<std::string_view>& header, std::size_t file, Diagnostics& errors, std::vector<ColumnTarget>& layout,
                  std::vector<bool>& present) {
    ColumnMatcher matcher(fw_, item_nodes_);
    layout.assign(header.size(), ColumnTarget{ColumnTarget::Role::item, -2});  // -2: ignored
    present.assign(item_nodes_.size(), false);
    bool has_unit = false, has_group = false;
    std::vector<std::string> headers;
    std::unordered_map<std::string, std::size_t> seen;  // target key -> column
    for (std::size_t c = 0; c < header.size(); ++c) {
      headers.emplace_back(header[c]);
      auto target = matcher.match(header[c]);
      if (!target && data_.kind == InputKind::respondents) {
        if (auto status = submission_status_column(header[c])) target = ColumnTarget{ColumnTarget::Role::submission_status, int(*status)};
      }
      if (!target) {
        data_.files[file].ignored_columns.emplace_back(header[c]);
        continue;
      }
      std::string key = fmt::format("{}:{}", int(target->role), target->item);
      if (auto it = seen.find(key); it != seen.end()) {
        const bool earlier_named = matcher.names_canonically(header[it->second], *target);
        if (earlier_named != matcher.names_canonically(header[c], *target)) {
          // One is the framework's own name, the other an alias: the name
          // wins and the alias column is ignored (and listed as such).
          std::size_t alias = earlier_named ? c : it->second;
          if (!earlier_named) {
            layout[it->second] = ColumnTarget{ColumnTarget::Role::item, -2};
            it->second = c;
            layout[c] = *target;
          }
          data_.files[file].ignored_columns.emplace_back(header[alias]);
          continue;
        }
        errors.push_back(
            file_error(data_.files[file].name, 1,
                       {fmt::format("kolom '{}' dan '{}' sama-sama cocok dengan '{}'", header[it->second], header[c], matcher.canonical(*target)),
                        fmt::format("columns '{}' and '{}' both match '{}'", header[it->second], header[c], matcher.canonical(*target))}));
        continue;
      }
      seen.emplace(key, c);
      layout[c] = *target;
      if (target->role == ColumnTarget::Role::unit) has_unit = true;
      if (target->role == ColumnTarget::Role::group) has_group = true;
      if (target->role == ColumnTarget::Role::item) present[std::size_t(target->item)] = true;
    }
    std::vector<std::string> absent;
    auto missing = [&](const std::string& name) { absent.push_back(name); };
    // A pilot sample (uji coba) is one unit of its own: no region column needed.
    if (!has_unit && options_.pilot_unit.empty()) missing(fw_.input.unit_column.name);
    if (fw_.respondents && !fw_.respondents->groups.empty() && !has_group && data_.kind == InputKind::respondents)
      missing(fw_.input.group_column.name);
    // A leaf is required unless an ancestor's value is given in this file.
    std::vector<bool> given(fw_.nodes.size(), false);
    for (std::size_t i = 0; i < item_nodes_.size(); ++i) {
      if (present[i]) given[std::size_t(item_nodes_[i])] = true;
    }
    for (std::size_t i = 0; i < item_nodes_.size(); ++i) {
      const Node& node = fw_.nodes[std::size_t(item_nodes_[i])];
      if (!node.is_leaf() || present[i]) continue;
      bool covered = false;
      for (int p = node.parent; p > 0; p = fw_.nodes[std::size_t(p)].parent) covered = covered || given[std::size_t(p)];
      if (!covered) missing(node.column.name);
    }
    if (absent.empty()) return true;
    // One error per file: each missing column with the closest header that
    // names nothing else, compared with each header's undecorated forms ("q1" in "grup/q1"); when
    // one has none close, the file's headers are listed so the user sees what is there.
    std::vector<std::string> forms;
    std::vector<std::size_t> form_header;
    constexpr std::size_t kMaxHintForms = 20'000;  // bounds the hint's cost on a file of 100,000 columns
    for (std::size_t c = 0; c < headers.size() && forms.size() < kMaxHintForms; ++c) {
      const bool matched = layout[c].role != ColumnTarget::Role::item || layout[c].item != -2;
      if (matched) continue;  // a header that names another column is no hint for this one
      for (std::string_view form : ColumnMatcher::candidates(headers[c])) {
        forms.emplace_back(form);
        form_header.push_back(c);
      }
    }
    std::vector<std::string> parts_id, parts_en;
    bool unhinted = false;
    for (std::size_t i = 0; i < absent.size() && i < 10; ++i) {
      std::optional<std::string> closest;
      if (auto form = closest_match(absent[i], forms)) {
        closest = headers[form_header[std::size_t(std::find(forms.begin(), forms.end(), *form) - forms.begin())]];
      }
      unhinted = unhinted || !closest;
      parts_id.push_back(closest ? fmt::format("'{}' (terdekat: '{}')", absent[i], *closest) : fmt::format("'{}'", absent[i]));
      parts_en.push_back(closest ? fmt::format("'{}' (closest: '{}')", absent[i], *closest) : fmt::format("'{}'", absent[i]));
    }
    std::string more_id = absent.size() > 10 ? fmt::format(" dan {} lagi", absent.size() - 10) : "";
    std::string more_en = absent.size() > 10 ? fmt::format(" and {} more", absent.size() - 10) : "";
    if (unhinted) {
      std::vector<std::string> listed;
      for (std::size_t c = 0; c < headers.size() && c < 12; ++c) listed.push_back(fmt::format("'{}'", quote_value(headers[c], 60)));
      const std::string rest = headers.size() > 12 ? fmt::format(", … ({})", headers.size()) : "";
      more_id += fmt::format("; kolom di berkas: {}{}", fmt::join(listed, ", "), rest);
      more_en += fmt::format("; the file's columns: {}{}", fmt::join(listed, ", "), rest);
    }
    errors.push_back(file_error(data_.files[file].name, 1,
                                {fmt::format("kolom wajib tidak ada: {}{}", fmt::join(parts_id, ", "), more_id),
                                 fmt::format("required columns missing: {}{}", fmt::join(parts_en, ", "), more_en)}));
    return false;
  }

  // The unit a cell names, or a rejection reason.
  struct UnitLookup {
    int unit = -1;
    std::string code;
    LocalizedText reason;
    bool mapped = false;  // found through --region-map: each row is noted
  };

  static_assert(int(UnitLevel::kota) == int(RegionType::kota) && int(UnitLevel::provinsi) == int(RegionType::provinsi));

  // LoadOptions::pilot_unit: every row's unit, unless the file has a unit column.
  const UnitLookup& pilot_unit() {
    if (pilot_.unit < 0) {
      pilot_.unit = int(data_.units.size());
      data_.units.push_back({-1, "", options_.pilot_unit, UnitLevel::other, "", ""});
    }
    return pilot_;
  }

  const UnitLookup& lookup_unit(std::string_view raw) {
    if (const int* cached = unit_cache_.find(raw)) return outcome(*cached);
    UnitLookup out;
    // With --allow-non-regions an unknown name is a unit of its own: no suggestions are made.
    RegionMatch m;
    if (options_.region_map != nullptr) {
      if (int mapped = options_.region_map->find(raw); mapped >= 0) {
        m.kind = RegionMatch::Kind::found;
        m.region = mapped;
        out.mapped = true;
      }
    }
    // A name that is no region becomes a unit of its own under its folded
    // form: its slot in that index is fetched while the region table is searched.
    StringIndex::Fetched custom_slot;
    if (!out.mapped && options_.allow_non_regions) {
      fold_header_into(raw, folded_);
      custom_slot = defer_unit_index_ ? StringIndex::hashed(folded_) : custom_units_.fetch(folded_);
    }
    if (!out.mapped) m = regions_.resolve(raw, options_.region_coding, !options_.allow_non_regions);
    auto list = [&](const std::vector<int>& candidates, const char* sep) {
      std::vector<std::string> names;
      for (int c : candidates) names.push_back(regions_.describe(c));
      return fmt::format("{}", fmt::join(names, sep));
    };
    switch (m.kind) {
      case RegionMatch::Kind::found: {
        if (!in_scope(m.region)) {
          const Region& province = regions_.at(regions_.at(m.region).province);
          out.code = "outside_scope";
          out.reason = {
              fmt::format("di luar cakupan studi: {} ada di provinsi {}; cakupan: {}", regions_.describe(m.region), province.name, scope_names()),
              fmt::format("outside the study's scope: {} is in {}; the scope: {}", regions_.describe(m.region), province.name, scope_names())};
          break;
        }
        int& unit = unit_of_region_[std::size_t(m.region)];
        if (unit < 0) {
          unit = int(data_.units.size());
          const Region& r = regions_.at(m.region);
          const Region& province = regions_.at(r.province);
          data_.units.push_back({m.region, r.code, r.type == RegionType::provinsi ? "Provinsi " + r.name : r.name, UnitLevel(int(r.type)),
                                 province.code, province.name});
        }
        out.unit = unit;
        break;
      }
      case RegionMatch::Kind::empty:
        out.code = "no_region";
        out.reason = {"wilayah kosong", "no region given"};
        break;
      case RegionMatch::Kind::ambiguous:
        out.code = "ambiguous_region";
        out.reason = {fmt::format("wilayah ambigu: {}", list(m.candidates, " atau ")),
                      fmt::format("ambiguous region: {}", list(m.candidates, " or "))};
        break;
      case RegionMatch::Kind::undotted_code:
        out.code = "undotted_code";
        out.reason = {
            "kode tanpa titik bisa kode Kemendagri atau BPS (berbeda untuk sebagian wilayah); tulis '32.73' atau nyatakan --region-codes kemendagri",
            "an undotted code may be Kemendagri or BPS (they differ for some regions); write '32.73' or declare --region-codes kemendagri"};
        break;
      case RegionMatch::Kind::unknown:
        if (options_.allow_non_regions) {
          // A part of a unit sheet makes a new unit; a repeat is found after the parts (names_a_unit_twice).
          auto [unit, added] = std::pair{int(data_.units.size()), true};
          if (defer_unit_index_) {
            custom_hashes_.push_back(custom_slot.hash);
          } else {
            std::tie(unit, added) = custom_units_.try_emplace(folded_, unit, custom_slot);
          }
          if (added) {
            Unit named;  // not a region: no code, no province
            named.name = std::string(trim(raw));
            data_.units.push_back(std::move(named));
          }
          out.unit = unit;
          break;
        }
        // Suggestions from the study's provinces first.
        std::stable_partition(m.candidates.begin(), m.candidates.end(), [&](int c) { return in_scope(c); });
        out.code = "unknown_region";
        out.reason = m.candidates.empty() ? LocalizedText{"wilayah tidak dikenal (gunakan --allow-non-regions untuk unit seperti OPD)",
                                                          "unknown region (use --allow-non-regions for units such as an OPD)"}
                                          : LocalizedText{fmt::format("wilayah tidak dikenal; maksud Anda {}?", list(m.candidates, " atau ")),
                                                          fmt::format("unknown region; did you mean {}?", list(m.candidates, " or "))};
        break;
    }
    // A unit sheet names each unit once: remembering where a name was found
    // costs a hash lookup and a copy of the name per row, and a repeat (a
    // duplicate row) resolves to the same unit again. Its rejections are
    // still remembered, so a repeated unknown name is not re-suggested.
    if (data_.kind == InputKind::units && out.unit >= 0 && !out.mapped) return outcome(out.unit);
    // Remember the outcome, up to a bound: a file of distinct unknown names
    // must not grow the cache with the input.
    if (unit_cache_.size() >= limits::kMaxCachedUnitTexts) {
      uncached_unit_ = std::move(out);
      return uncached_unit_;
    }
    // A unit found plainly is remembered as its index alone; the rest
    // (rejections, mapped names) as an index into unit_outcomes_.
    int code = out.unit;
    if (out.unit < 0 || out.mapped) {
      code = -1 - int(unit_outcomes_.size());
      unit_outcomes_.push_back(std::move(out));
    }
    unit_cache_.try_emplace(raw, code);
    return outcome(code);
  }

  // A unit_cache_ value as the lookup it stands for.
  const UnitLookup& outcome(int code) {
    if (code < 0) return unit_outcomes_[std::size_t(-1 - code)];
    plain_unit_.unit = code;
    return plain_unit_;
  }

  bool in_scope(int region) const {
    const auto& scope = options_.scope_provinces;
    return scope.empty() || std::find(scope.begin(), scope.end(), regions_.at(region).province) != scope.end();
  }

  // "Jawa Tengah (33), DI Yogyakarta (34)"
  std::string scope_names() const {
    std::vector<std::string> names;
    for (int p : options_.scope_provinces) names.push_back(regions_.describe(p));
    return fmt::format("{}", fmt::join(names, ", "));
  }

  int lookup_group(std::string_view raw) {
    auto cached = group_cache_.find(raw);
    if (cached != group_cache_.end()) return cached->second;
    int group = find_group(raw);
    group_cache_.emplace(std::string(raw), group);
    return group;
  }

  int find_group(std::string_view raw) const {
    std::string folded = fold_header(raw);
    const auto& groups = fw_.respondents->groups;
    for (std::size_t g = 0; g < groups.size(); ++g) {
      if (fold_header(groups[g].id) == folded || fold_header(groups[g].name.id) == folded || fold_header(groups[g].name.in(Lang::en)) == folded)
        return int(g);
      for (const auto& alias : groups[g].aliases) {
        if (fold_header(alias) == folded) return int(g);
      }
    }
    return -1;
  }

  // What a file's header says about its columns.
  struct FileLayout {
    std::vector<ColumnTarget> targets;
    std::vector<std::string> header_names;
    bool decimal_comma = false;
    bool groups = false;
    std::size_t form_version_column = SIZE_MAX;  // ODK Central's FormVersion, when present
  };

  void read_file(const std::string& path, std::size_t file, Diagnostics& errors) {
    // An export of several tables is read from the one naming most answer columns.
    const ColumnMatcher matcher(fw_, item_nodes_);
    const ItemCounter count_items = [&matcher](const std::vector<std::string_view>& header) {
      std::size_t n = 0;
      for (std::string_view h : header) {
        auto target = matcher.match(h);
        n += target && target->role == ColumnTarget::Role::item;
      }
      return n;
    };
    auto opened = open_row_source(path, options_.csv, count_items);
    data_.files.push_back({});
    data_.files.back().name = path == "-" ? "<stdin>" : escape_invalid_utf8(path);  // shown in reports, which must be UTF-8
    if (!opened) {
      errors.insert(errors.end(), opened.errors().begin(), opened.errors().end());
      return;
    }
    read_source(std::move(*opened), path, file, errors);
  }

  // `path`: where to open the source again if a parallel split fails; empty: never split.
  void read_source(std::unique_ptr<RowSource> source, const std::string& path, std::size_t file, Diagnostics& errors) {
    index_deferred_units();  // this file's names are looked up among the earlier files'
    InputFileInfo& info = data_.files[file];
    std::vector<std::string_view> fields;
    if (!source->next(fields)) {
      if (source->error()) {
        errors.push_back(*source->error());
      } else {
        errors.push_back(file_error(info.name, 0, {"berkas kosong: tidak ada baris judul", "the file is empty: no header row"}));
      }
      return;
    }
    info.delimiter = source->delimiter();
    info.decimal_comma =
        options_.decimal_comma == DecimalComma::yes || (options_.decimal_comma == DecimalComma::automatic && source->delimiter() == ';');
    FileLayout layout;
    std::vector<bool> present;
    if (!map_header(fields, file, errors, layout.targets, present)) return;
    layout.header_names.assign(fields.begin(), fields.end());
    layout.decimal_comma = info.decimal_comma;
    if (options_.thousands != 0 && options_.thousands == (info.decimal_comma ? ',' : '.')) {
      errors.push_back(file_error(info.name, 0,
                                  {fmt::format("pemisah ribuan '{}' adalah tanda desimal berkas ini", options_.thousands),
                                   fmt::format("the thousands separator '{}' is this file's decimal mark", options_.thousands)}));
      return;
    }
    layout.groups = data_.kind == InputKind::respondents && fw_.respondents && !fw_.respondents->groups.empty();
    for (std::size_t c = 0; c < fields.size(); ++c) {
      if (fold_header(fields[c]) == "formversion") layout.form_version_column = c;
    }

    // A large file is parsed in two halves on two cores, when its format can split.
    if (!path.empty() && source->size_hint() >= options_.parallel_min_bytes) {
      const int body_line = source->next_line();
      const std::size_t body_bytes = source->size_hint() - source->bytes_consumed();
      if (auto parts = source->split_body()) {
        source.reset();
        if (read_in_parts(*parts, file, layout, body_line, body_bytes, errors)) return;
        // The halves disagreed about quoting at the split, or a unit sheet
        // named a unit twice: read it in one go.
        info.reread = true;
        auto again = open_row_source(path, options_.csv);
        if (!again) {
          errors.insert(errors.end(), again.errors().begin(), again.errors().end());
          return;
        }
        source = std::move(*again);
        source->next(fields);  // the header, already checked
      }
    }
    read_rows(*source, file, layout);
    if (source->error()) {
      errors.push_back(*source->error());
      return;
    }
    if (source->ended_inside_a_value()) report_open_quote(file, source->line());
    SourceFacts facts = source->facts();
    data_.files[file].sha256 = facts.sha256;
    data_.files[file].bytes = facts.bytes;
    data_.files[file].notes = source->notes();
    warn_of_form_version(file);
  }

  // A form generated from another version of the framework may ask other
  // questions or word them otherwise: scored, but said.
  void warn_of_form_version(std::size_t file) {
    InputFileInfo& info = data_.files[file];
    if (info.rows_other_form_version == 0) return;
    info.warnings.push_back(
        {fmt::format("{} baris diisi pada formulir versi '{}' (FormVersion), bukan versi kerangka '{}': periksa bahwa formulir dibuat dari "
                     "kerangka ini",
                     info.rows_other_form_version, escape_invalid_utf8(info.other_form_version), fw_.version),
         fmt::format("{} rows were filled in on form version '{}' (FormVersion), not the framework's version '{}': check that the form was made "
                     "from this framework",
                     info.rows_other_form_version, escape_invalid_utf8(info.other_form_version), fw_.version)});
  }

  // Not an error (Excel reads such a file the same way), but nobody should miss it.
  void report_open_quote(std::size_t file, int line) {
    log_issue(IssueKind::cell_ignored, file, line, "", "", "unterminated_quote",
              {"berkas berakhir di dalam tanda kutip yang dibuka di baris ini: sisa berkas terbaca sebagai satu nilai",
               "the file ends inside a quote opened on this line: the rest of the file was read as one value"});
  }

  // Reads the two parts of a body in parallel and merges them in order.
  // False when the first part ends inside a quoted value: the split then
  // fell on a quoted newline and the second part was read out of step, so
  // the caller reads the file sequentially instead. The same for a unit
  // sheet that names a unit twice (within a part, across the parts, or
  // again after an earlier file): a repeat is rejected with the line of the
  // first, which a part cannot know; such a sheet is an error to fix, and
  // reading it again in one pass costs only time.
  bool read_in_parts(SplitBody& parts, std::size_t file, const FileLayout& layout, int body_line, std::size_t body_bytes, Diagnostics& errors) {
    Loader first(fw_, options_), second(fw_, options_);
    first.reserve_total_ = body_bytes;  // the first part's arrays will hold the whole file
    const bool unit_sheet = data_.kind == InputKind::units;
    for (Loader* part : {&first, &second}) {
      part->data_.files.resize(file + 1);
      part->data_.files[file].name = data_.files[file].name;
      part->defer_unit_index_ = unit_sheet;
    }
    SourceFacts facts;
    bool first_ok = false;
    std::optional<Diagnostic> first_error, second_error;
    int first_end_line = body_line;
    // The file's digest is read by whichever part ends first, not by a
    // third thread: on two cores a third thread slowed both parts, and the
    // first part (which sizes the arrays for the whole file) ran long after
    // the second had ended, leaving a core idle.
    std::atomic<bool> facts_taken{false};
    auto take_facts = [&] {
      if (!facts_taken.exchange(true)) facts = parts.facts();
    };
    run_in_parallel({
        [&] {
          first.read_rows(*parts.first, file, layout);
          first_ok = !parts.first->ended_inside_a_value();
          first_error = parts.first->error();
          first_end_line = parts.first->next_line();
          take_facts();
        },
        [&] {
          second.read_rows(*parts.second, file, layout);
          if (parts.second->ended_inside_a_value()) second.report_open_quote(file, parts.second->line());
          second_error = parts.second->error();
          take_facts();
        },
    });
    if (!first_ok) return false;
    if (unit_sheet && names_a_unit_twice(first, second)) return false;
    if (first_error) {
      errors.push_back(*first_error);
      return true;
    }
    if (second_error) {
      Diagnostic e = *second_error;
      e.where.line += first_end_line - 1;
      errors.push_back(e);
      return true;
    }
    // The rows whose units are noted as first given (a unit sheet): all of
    // them, unless the first part is taken over with its own notes.
    std::size_t unnoted = data_.rows;
    if (data_.rows == 0 && data_.units.empty()) {
      adopt(first, file);  // no copy: its arrays were sized for the whole file
      unnoted = data_.rows;
    } else {
      absorb(first, file, 0);
    }
    absorb(second, file, first_end_line - 1);
    if (data_.kind == InputKind::units) note_unit_rows(unnoted);
    data_.files[file].parts = 2;
    warn_of_form_version(file);
    data_.files[file].sha256 = facts.sha256;
    data_.files[file].bytes = facts.bytes;
    return true;
  }

  // Whether the parts of a unit sheet, with what was read before them, name
  // a unit more than once (see read_in_parts). The parts did not index the
  // names that are no region as they read (defer_unit_index_): each part's
  // every such name is a unit of its own, and a name given twice, in one
  // part or across both, shows as a repeated hash of the folded name. Equal
  // hashes of different names (a chance of about n^2 / 2^65) only cost the
  // sequential reading, which decides with the names themselves.
  bool names_a_unit_twice(const Loader& first, const Loader& second) {
    if (first.duplicate_units_ > 0 || second.duplicate_units_ > 0) return true;
    for (const Unit& u : second.data_.units) {
      if (u.region >= 0 && first.unit_of_region_[std::size_t(u.region)] >= 0) return true;
    }
    std::vector<std::uint64_t> hashes;
    hashes.reserve(first.custom_hashes_.size() + second.custom_hashes_.size());
    hashes.insert(hashes.end(), first.custom_hashes_.begin(), first.custom_hashes_.end());
    hashes.insert(hashes.end(), second.custom_hashes_.begin(), second.custom_hashes_.end());
    if (has_repeat(std::move(hashes))) return true;
    if (data_.units.empty()) return false;
    // Against the units of earlier files, by region or through the index of names.
    index_deferred_units();
    for (const Loader* part : {&first, &second}) {
      for (const Unit& u : part->data_.units) {
        if (u.region >= 0) {
          if (unit_of_region_[std::size_t(u.region)] >= 0) return true;
          continue;
        }
        fold_header_into(u.name, folded_);
        if (custom_units_.find(folded_) != nullptr) return true;
      }
    }
    return false;
  }

  // Puts the names of units merged from parts (which named each unit once)
  // into the index, for the files read after them; the last file's never are.
  void index_deferred_units() {
    if (unindexed_from_ >= data_.units.size()) return;
    custom_units_.reserve(custom_units_.size() + (data_.units.size() - unindexed_from_));
    for (std::size_t u = unindexed_from_; u < data_.units.size(); ++u) {
      if (data_.units[u].region >= 0) continue;
      fold_header_into(data_.units[u].name, folded_);
      custom_units_.try_emplace(folded_, int(u));
    }
    unindexed_from_ = SIZE_MAX;
  }

  // A unit sheet's rows [from, data_.rows), read in parts, as the first row
  // of each unit: a later file naming one of them again is a duplicate.
  void note_unit_rows(std::size_t from) {
    unit_row_.reserve(data_.units.size());
    for (std::size_t r = from; r < data_.rows; ++r) {
      UnitRow& first = unit_row_of(std::size_t(data_.row_unit[r]));
      if (first.line == 0) first = {data_.row_file[r], int(data_.row_line[r])};
    }
  }

  // Appends another loader's rows of `file` (a later part of it) to ours:
  // units are matched by region or name, rows and ids renumbered, lines shifted.
  // The other loader's units are moved: it is not read afterwards.
  void absorb(Loader& other, std::size_t file, int line_offset) {
    std::vector<Unit>& units = other.data_.units;
    Dataset& d = other.data_;
    const std::uint32_t row_offset = std::uint32_t(data_.rows);
    reserve(data_.rows + d.rows);
    data_.units.reserve(data_.units.size() + units.size());
    // A part that deferred its index names only units new to us (checked
    // by names_a_unit_twice): they are appended, and indexed only if
    // another file follows.
    const bool all_new = other.defer_unit_index_;
    if (!all_new) custom_units_.reserve(custom_units_.size() + units.size());
    std::vector<int> unit_map(units.size());
    auto match_units = [&] {
      if (all_new) {
        if (unindexed_from_ == SIZE_MAX) unindexed_from_ = data_.units.size();
        for (std::size_t i = 0; i < units.size(); ++i) {
          unit_map[i] = int(data_.units.size());
          if (units[i].region >= 0) unit_of_region_[std::size_t(units[i].region)] = unit_map[i];
          data_.units.push_back(std::move(units[i]));
        }
        return;
      }
      for (std::size_t i = 0; i < units.size(); ++i) {
        Unit& u = units[i];
        int index;
        if (u.region >= 0) {
          int& known = unit_of_region_[std::size_t(u.region)];
          if (known < 0) {
            known = int(data_.units.size());
            data_.units.push_back(std::move(u));
          }
          index = known;
        } else {
          fold_header_into(u.name, folded_);
          const auto [unit, added] = custom_units_.try_emplace(folded_, int(data_.units.size()));
          if (added) data_.units.push_back(std::move(u));
          index = unit;
        }
        unit_map[i] = index;
      }
    };
    // The units are matched while the answers are copied (they touch
    // nothing in common): on a unit sheet read in parts both are hundreds of
    // thousands of entries, and this merge was otherwise on one core.
    auto copy_answers = [&] { dataset_rows::append_answers(data_, d); };
    if (units.size() + d.rows < 50'000) {
      match_units();
      copy_answers();
    } else {
      run_in_parallel({match_units, copy_answers});
    }
    dataset_rows::append_units_and_lines(data_, d, unit_map, line_offset);
    const std::uint32_t char_offset = std::uint32_t(id_chars_.size());
    id_chars_.append(other.id_chars_);
    const std::size_t first_id = ids_.size();
    ids_.resize(first_id + other.ids_.size());
    for (std::size_t i = 0; i < other.ids_.size(); ++i) {
      const IdRef& id = other.ids_[i];
      ids_[first_id + i] = {id.offset + char_offset, id.length, id.row + row_offset, id.hash};
    }
    data_.quality.absorb(std::move(other.data_.quality), line_offset);
    if (auto it = other.id_header_.find(file); it != other.id_header_.end()) id_header_[file] = it->second;
    add_counts(d, file);
  }

  // Another loader's counts of `file` (which it read alone) added to ours.
  void add_counts(const Dataset& d, std::size_t file) {
    data_.rows_read += d.rows_read;
    InputFileInfo& info = data_.files[file];
    const InputFileInfo& read = d.files[file];
    info.rows_read += read.rows_read;
    info.rows_accepted += read.rows_accepted;
    info.rows_rejected += read.rows_rejected;
    info.cells_no_answer += read.cells_no_answer;
    if (info.other_form_version.empty()) info.other_form_version = read.other_form_version;
    info.rows_other_form_version += read.rows_other_form_version;
  }

  // Takes over another loader's rows wholesale (we have none yet).
  void adopt(Loader& other, std::size_t file) {
    Dataset& d = other.data_;
    data_.units = std::move(d.units);
    unit_of_region_ = std::move(other.unit_of_region_);
    custom_units_ = std::move(other.custom_units_);
    if (other.defer_unit_index_) unindexed_from_ = 0;  // its names are not in the index (index_deferred_units)
    unit_row_ = std::move(other.unit_row_);            // its units' first rows, with their lines in the file
    dataset_rows::take(data_, d);
    ids_ = std::move(other.ids_);
    id_chars_ = std::move(other.id_chars_);
    data_.quality.absorb(std::move(d.quality), 0);
    if (auto it = other.id_header_.find(file); it != other.id_header_.end()) id_header_[file] = it->second;
    add_counts(d, file);
  }

  void read_rows(RowSource& csv, std::size_t file, const FileLayout& file_layout) {
    InputFileInfo& info = data_.files[file];
    std::vector<std::string_view> fields;
    const std::vector<ColumnTarget>& layout = file_layout.targets;
    // Per column, what the hot loop needs without chasing pointers.
    struct Action {
      const std::int16_t* quick = nullptr;   // one-character answers of a coded item
      const std::int16_t* tenths = nullptr;  // "d.d" answers of a fractional scale, by the two digits
      int coded = -1;                        // index among coded items
    };
    std::vector<Action> actions(layout.size());
    for (std::size_t c = 0; c < layout.size(); ++c) {
      if (layout[c].role == ColumnTarget::Role::item && layout[c].item >= 0 && parsers_[std::size_t(layout[c].item)].coded()) {
        const ItemParser& parser = parsers_[std::size_t(layout[c].item)];
        actions[c] = {parser.quick_table(), parser.fractional() ? parser.tenths_table() : nullptr, coded_index_[std::size_t(layout[c].item)]};
      }
    }
    const std::vector<std::string>& header_names = file_layout.header_names;
    const bool decimal_comma = file_layout.decimal_comma;
    const char decimal_mark = decimal_comma ? ',' : '.';
    const NumberFormat number_format{decimal_comma, options_.thousands};
    const bool groups = file_layout.groups;
    std::vector<std::optional<Decimal>> row_decimals(data_.decimals.size());
    // Decimal slots whose column is in this file; the others stay empty.
    std::vector<std::size_t> used_slots;
    for (std::size_t c = 0; c < layout.size(); ++c) {
      if (layout[c].role == ColumnTarget::Role::item && layout[c].item >= 0 && data_.items[std::size_t(layout[c].item)].decimal_slot >= 0) {
        used_slots.push_back(std::size_t(data_.items[std::size_t(layout[c].item)].decimal_slot));
      }
    }
    reserve_slots_ = used_slots;
    std::size_t group_column = layout.size();
    for (std::size_t c = 0; c < layout.size(); ++c) {
      if (layout[c].role == ColumnTarget::Role::group) group_column = c;
    }
    // Invalid cells of the current row, and per (column, problem) their group in the log.
    struct PendingCell {
      std::size_t column;
      Cell::Problem problem;
      std::string_view value;
    };
    std::vector<PendingCell> pending_cells;
    std::vector<int> cell_groups(layout.size() * Cell::kProblemCount, -1);
    const UnitLookup* last_unit = nullptr;
    std::string last_unit_text;
    int last_group = -2;  // -2: nothing looked up yet
    std::string last_group_text;
    bool reserved = false;
    bool noted_trailing_fields = false;
    while (csv.next(fields)) {
      // A line of delimiters only (";;;;", as Excel saves the rows it
      // formatted but left empty) holds nothing: a blank line, as in any CSV.
      if (std::all_of(fields.begin(), fields.end(), [](std::string_view f) { return trim(f).empty(); })) continue;
      ++data_.rows_read;
      ++info.rows_read;
      int line = csv.line();
      if (file_layout.form_version_column < fields.size()) {
        std::string_view version = trim(fields[file_layout.form_version_column]);
        if (!version.empty() && version != fw_.version) {
          if (info.rows_other_form_version++ == 0) info.other_form_version.assign(version.substr(0, limits::kMaxQuotedValueBytes));
        }
      }
      if (!reserved && info.rows_read == 1000) {
        // Reserve once from the file size instead of growing by doubling.
        reserved = true;
        std::size_t total = reserve_total_ > 0 ? reserve_total_ : csv.size_hint();
        std::size_t used = csv.bytes_consumed();
        if (total > used && used > 0) {
          std::size_t more = std::size_t(double(total - used) / double(used) * double(info.rows_read) * 1.02) + 16;
          reserve(data_.rows + more);
        }
      }
      if (fields.size() > header_names.size() &&
          std::all_of(fields.begin() + std::ptrdiff_t(header_names.size()), fields.end(), [](std::string_view f) { return f.empty(); })) {
        // Empty fields past the header (a ';' at the end of every line, as
        // KoBoCAT and some spreadsheet saves write): nothing is lost by
        // dropping them; said once per file.
        if (!noted_trailing_fields) {
          noted_trailing_fields = true;
          log_issue(
              IssueKind::cell_ignored, file, line, "", "", "trailing_empty_fields",
              {fmt::format("baris memiliki kolom kosong di luar {} kolom judul; diabaikan (hanya dicatat sekali per berkas)", header_names.size()),
               fmt::format("rows have empty fields past the header's {} columns; they are ignored (noted once per file)", header_names.size())});
        }
        fields.resize(header_names.size());
      }
      if (fields.size() > header_names.size()) {
        reject(file, line, "", "", "too_many_fields",
               {fmt::format("baris memiliki {} kolom, judul {}", fields.size(), header_names.size()),
                fmt::format("row has {} fields; the header has {}", fields.size(), header_names.size())});
        continue;
      }
      const UnitLookup* unit = options_.pilot_unit.empty() ? nullptr : &pilot_unit();
      int group = -1;
      std::string_view respondent_id;
      bool rejected = false;
      // A respondent row with no region is decided at its end: a submission
      // that answered nothing either (a refusal of consent, a blank form) is
      // an empty response, not a row whose region was forgotten.
      std::size_t blank_unit_column = SIZE_MAX;
      // The row's codes are written straight into the dataset; a rejected row is taken back.
      std::uint8_t* row_codes = dataset_rows::begin_row(data_);
      for (std::size_t slot : used_slots) row_decimals[slot].reset();
      pending_cells.clear();
      std::size_t row_no_answers = 0;
      for (std::size_t c = 0; c < fields.size() && !rejected; ++c) {
        // The hot path: a one-digit answer to a coded item.
        if (actions[c].quick != nullptr && fields[c].size() == 1) {
          std::int16_t quick = actions[c].quick[static_cast<unsigned char>(fields[c][0])];
          if (quick > 0) {
            row_codes[actions[c].coded] = std::uint8_t(quick);
            continue;
          }
          if (quick < 0) {
            pending_cells.push_back({c, Cell::Problem(-quick), fields[c]});
            continue;
          }
        }
        // And its sibling on a half-step scale: "2,5" or "2.5".
        if (actions[c].tenths != nullptr && fields[c].size() == 3 && fields[c][1] == decimal_mark) {
          unsigned d0 = unsigned(fields[c][0] - '0'), d1 = unsigned(fields[c][2] - '0');
          if (d0 < 10 && d1 < 10) {
            if (std::int16_t code = actions[c].tenths[d0 * 10 + d1]; code > 0) {
              row_codes[actions[c].coded] = std::uint8_t(code);
              continue;
            } else if (code < 0) {
              pending_cells.push_back({c, Cell::Problem(-code), fields[c]});
              continue;
            }
          }
        }
        const ColumnTarget& t = layout[c];
        switch (t.role) {
          case ColumnTarget::Role::unit:
            // Exports often list a region's rows together: the previous row's answer is reused.
            if (last_unit == nullptr || fields[c] != last_unit_text) {
              last_unit = &lookup_unit(fields[c]);
              last_unit_text.assign(fields[c]);
            }
            unit = last_unit;
            if (unit->unit < 0 && unit->code == "no_region" && data_.kind == InputKind::respondents) {
              blank_unit_column = c;
            } else if (unit->unit < 0) {
              reject(file, line, header_names[c], std::string(fields[c]), unit->code, unit->reason);
              rejected = true;
            } else if (unit->mapped) {
              const Unit& u = data_.units[std::size_t(unit->unit)];
              log_issue(IssueKind::value_mapped, file, line, header_names[c], fields[c], "region_mapped",
                        {fmt::format("dibaca sebagai {} ({}) menurut peta wilayah {}", u.name, u.code(), options_.region_map->file),
                         fmt::format("read as {} ({}) by the region map {}", u.name, u.code(), options_.region_map->file)});
            }
            break;
          case ColumnTarget::Role::respondent_id:
            respondent_id = trim(fields[c]);
            id_header_[file] = header_names[c];
            break;
          case ColumnTarget::Role::submission_status:
            if (!options_.include_incomplete) {
              if (auto why = set_aside(SubmissionStatus(t.item), fields[c])) {
                reject(file, line, header_names[c], std::string(fields[c]), why->first, why->second);
                rejected = true;
              }
            }
            break;
          case ColumnTarget::Role::group:
            if (!groups) break;
            if (fields[c] != last_group_text || last_group < -1) {
              last_group = lookup_group(fields[c]);
              last_group_text.assign(fields[c]);
            }
            group = last_group;
            // An empty cell is decided after the row, with the unit (a blank submission).
            if (group < 0 && !trim(fields[c]).empty()) {
              std::vector<std::string> ids;
              for (const auto& g : fw_.respondents->groups) ids.push_back(g.id);
              reject(file, line, header_names[c], std::string(fields[c]), "unknown_group",
                     {fmt::format("kelompok responden tidak dikenal; pilihan: {}", fmt::join(ids, ", ")),
                      fmt::format("unknown respondent group; expected one of: {}", fmt::join(ids, ", "))});
              rejected = true;
            }
            break;
          case ColumnTarget::Role::item: {
            if (t.item < 0) break;  // ignored column
            // One-digit coded answers took the fast path above; this is everything else.
            const ItemParser& parser = parsers_[std::size_t(t.item)];
            std::string_view f = fields[c];
            if (f.empty()) break;
            Cell cell = parser.parse(f, number_format);
            switch (cell.kind) {
              case Cell::Kind::missing:
                break;
              case Cell::Kind::no_answer:
                ++row_no_answers;
                break;
              case Cell::Kind::code:
                row_codes[coded_index_[std::size_t(t.item)]] = cell.code;
                break;
              case Cell::Kind::decimal:
                row_decimals[std::size_t(data_.items[std::size_t(t.item)].decimal_slot)] = cell.decimal;
                break;
              case Cell::Kind::invalid:
                // Logged once the row is known to be kept.
                pending_cells.push_back({c, cell.problem, fields[c]});
                break;
            }
            break;
          }
        }
      }
      auto take_back = [&] {
        dataset_rows::cancel_row(data_);
        // Only the rejection is logged: the row's cell problems no longer matter.
        pending_cells.clear();
      };
      if (rejected) {
        take_back();
        continue;
      }
      auto answered = [&] {
        return std::any_of(row_codes, row_codes + data_.coded_items, [](std::uint8_t code) { return code != 0; }) ||
               std::any_of(used_slots.begin(), used_slots.end(), [&](std::size_t slot) { return row_decimals[slot].has_value(); });
      };
      if (blank_unit_column != SIZE_MAX) {
        if (answered()) {
          reject(file, line, header_names[blank_unit_column], "", unit->code, unit->reason);
        } else {
          reject_empty_response(file, line);
        }
        take_back();
        continue;
      }
      if (unit == nullptr || (groups && group < 0 && fields.size() <= group_column)) {
        // The row ends before the unit (or group) column, as a truncated line
        // does: it cannot be placed.
        reject(file, line, "", "", "too_few_fields",
               {fmt::format("baris memiliki {} kolom, judul {}; kolom {} tidak ada", fields.size(), header_names.size(),
                            unit == nullptr ? "unit" : "kelompok"),
                fmt::format("row has {} fields; the header has {}; the {} column is absent", fields.size(), header_names.size(),
                            unit == nullptr ? "unit" : "group")});
        take_back();
        continue;
      }
      if (groups && group < 0) {
        reject(file, line, fw_.input.group_column.name, "", "unknown_group", {"kelompok responden kosong", "no respondent group given"});
        take_back();
        continue;
      }
      if (data_.kind == InputKind::units) {
        const std::size_t u = std::size_t(unit->unit);
        if (const UnitRow first = unit_row_of(u); first.line > 0) {
          ++duplicate_units_;
          reject(file, line, fw_.input.unit_column.name, data_.units[u].name, "duplicate_unit",
                 {fmt::format("unit sudah ada di {}:{}", data_.files[first.file].name, first.line),
                  fmt::format("unit already given at {}:{}", data_.files[first.file].name, first.line)});
          take_back();
          continue;
        }
        unit_row_[u] = {std::uint32_t(file), line};
      }
      for (const PendingCell& p : pending_cells) {
        int& g = cell_groups[p.column * Cell::kProblemCount + std::size_t(p.problem)];
        if (g < 0) {
          // A cell problem's reason depends only on its column and kind: worded once.
          auto [code, reason] = parsers_[std::size_t(layout[p.column].item)].explain(p.problem);
          g = data_.quality.group(IssueKind::cell_ignored, info.name, header_names[p.column], code, reason);
        }
        data_.quality.add(g, line, p.value);
      }
      // A submission without one usable answer (blank, skipped or invalid
      // throughout) is not a respondent: it must not count toward a region's
      // minimum. Its invalid cells, logged above, say why.
      if (data_.kind == InputKind::respondents && !answered()) {
        reject_empty_response(file, line);
        take_back();
        continue;
      }
      if (fields.size() < header_names.size()) {
        log_issue(IssueKind::cell_ignored, file, line, "", "", "too_few_fields",
                  {fmt::format("baris memiliki {} kolom, judul {}; sel yang tidak ada dianggap kosong", fields.size(), header_names.size()),
                   fmt::format("row has {} fields; the header has {}; the absent cells are missing", fields.size(), header_names.size())});
      }
      // Accept.
      for (std::size_t slot : used_slots) {
        if (row_decimals[slot]) dataset_rows::add_decimal(data_, slot, *row_decimals[slot]);
      }
      if (!respondent_id.empty()) {
        ids_.push_back({std::uint32_t(id_chars_.size()), std::uint32_t(respondent_id.size()), std::uint32_t(data_.rows),
                        std::uint32_t(std::hash<std::string_view>{}(respondent_id))});
        id_chars_.append(respondent_id);
      }
      dataset_rows::accept_row(data_, unit->unit, group, file, line);
      ++info.rows_accepted;
      info.cells_no_answer += row_no_answers;
    }
  }

  void reserve(std::size_t rows) {
    // A decimal column of this file has about one answer per row.
    dataset_rows::reserve(data_, rows, reserve_slots_);
    // A unit sheet names a unit per row: growing the units by doubling
    // touched twice their final size in fresh memory (75 MB for 238,000).
    if (data_.kind == InputKind::units) {
      data_.units.reserve(rows);
      unit_row_.reserve(rows);
      if (defer_unit_index_) custom_hashes_.reserve(rows);
    }
    // Its names that are no region (instansi, OPD) are indexed too: the index
    // is sized once, in proportion to such names so far, instead of growing
    // by doubling and, for a sheet read in parts, again as the parts merge.
    if (data_.kind == InputKind::units && data_.rows > 0 && !custom_units_.empty()) {
      custom_units_.reserve(std::size_t(double(custom_units_.size()) / double(data_.rows) * double(rows) * 1.02) + 16);
    }
    ids_.reserve(rows);
    if (!ids_.empty()) id_chars_.reserve(std::size_t(double(id_chars_.size()) / double(ids_.size()) * double(rows) * 1.1));
  }

  // A respondent id seen twice: the later row is rejected.
  void reject_duplicate_respondents() {
    if (ids_.empty()) return;
    auto id_of = [&](std::uint32_t i) { return std::string_view(id_chars_).substr(ids_[i].offset, ids_[i].length); };
    // Sort (32-bit hash, position) packed in one integer: equal ids share a
    // hash, so only runs of equal hashes (a few, by chance, among a million
    // ids) need their strings compared.
    std::vector<std::uint64_t, HugePageAllocator<std::uint64_t>> keys(ids_.size());
    for (std::size_t i = 0; i < ids_.size(); ++i) keys[i] = (std::uint64_t(ids_[i].hash) << 32) | std::uint64_t(i);
    auto middle = keys.begin() + std::ptrdiff_t(keys.size() / 2);
    run_in_parallel({[&] { std::sort(keys.begin(), middle); }, [&] { std::sort(middle, keys.end()); }});
    std::inplace_merge(keys.begin(), middle, keys.end());
    std::vector<bool> drop;
    std::vector<std::uint32_t> run;
    struct Duplicate {
      std::uint32_t row, keep, id;  // rows, and the index of the duplicate's id
    };
    std::vector<Duplicate> duplicates;
    for (std::size_t k = 0; k < keys.size();) {
      std::size_t end = k + 1;
      while (end < keys.size() && (keys[end] >> 32) == (keys[k] >> 32)) ++end;
      if (end - k > 1) {
        run.clear();
        for (std::size_t j = k; j < end; ++j) run.push_back(std::uint32_t(keys[j]));
        // Same string together, earliest first.
        std::sort(run.begin(), run.end(), [&](std::uint32_t x, std::uint32_t y) {
          std::string_view sx = id_of(x), sy = id_of(y);
          return sx != sy ? sx < sy : x < y;
        });
        for (std::size_t j = 1; j < run.size(); ++j) {
          std::uint32_t first = run[j - 1];
          while (j < run.size() && id_of(run[j]) == id_of(first)) {
            if (drop.empty()) drop.assign(data_.rows, false);
            std::size_t keep = ids_[first].row;
            std::size_t row = ids_[run[j]].row;
            drop[row] = true;
            duplicates.push_back({std::uint32_t(row), std::uint32_t(keep), run[j]});
            ++j;
          }
        }
      }
      k = end;
    }
    keys = {};
    // Logged in file and line order (accepted rows are in input order), as a
    // run of their own: they were found after every row had been read.
    std::sort(duplicates.begin(), duplicates.end(), [](const Duplicate& a, const Duplicate& b) { return a.row < b.row; });
    if (!duplicates.empty()) data_.quality.start_run();
    for (const Duplicate& d : duplicates) {
      std::size_t file = data_.row_file[d.row];
      const std::string& first_file = data_.files[data_.row_file[d.keep]].name;
      log_issue(IssueKind::row_rejected, file, int(data_.row_line[d.row]), id_header_[file], id_of(d.id), "duplicate_respondent",
                {fmt::format("id responden ganda (pertama di {}:{})", first_file, data_.row_line[d.keep]),
                 fmt::format("duplicate respondent id (first at {}:{})", first_file, data_.row_line[d.keep])});
      ++data_.files[file].rows_rejected;
      --data_.files[file].rows_accepted;
    }
    duplicates = {};
    ids_.clear();
    ids_.shrink_to_fit();
    id_chars_.clear();
    id_chars_.shrink_to_fit();
    if (drop.empty()) return;  // no duplicates: nothing to compact
    dataset_rows::drop(data_, drop);
  }

  const Framework& fw_;
  const LoadOptions& options_;
  const RegionTable& regions_;
  Dataset data_;
  std::vector<int> item_nodes_;
  std::vector<ItemParser> parsers_;
  std::vector<int> coded_index_;
  std::vector<int> unit_of_region_;
  StringIndex custom_units_;  // folded name -> unit, for units that are not regions
  // A part of a unit sheet read in parts: its names that are no region are
  // not indexed as they are read (a cache miss per row, and the index's
  // memory, for a check that their hashes do at once: names_a_unit_twice),
  // each a unit of its own; their folded names' hashes, in order.
  bool defer_unit_index_ = false;
  std::vector<std::uint64_t> custom_hashes_;
  // Units from here on came from such parts and are not yet in custom_units_ (SIZE_MAX: none).
  std::size_t unindexed_from_ = SIZE_MAX;
  std::string folded_;  // lookup_unit's folded name, its buffer reused
  UnitLookup pilot_;    // the pilot sample's unit (LoadOptions::pilot_unit), made at its first row
  // Unit texts as written -> outcome (see lookup_unit), up to limits::kMaxCachedUnitTexts.
  StringIndex unit_cache_;
  std::deque<UnitLookup> unit_outcomes_;  // stable: a row keeps a pointer to its unit's
  UnitLookup plain_unit_;                 // the last plain unit found (outcome())
  UnitLookup uncached_unit_;              // the last lookup, once the cache is full
  std::unordered_map<std::string, int, StringHash, std::equal_to<>> group_cache_;
  // A unit sheet's first row of each unit, by unit index (line 0: none yet):
  // every row is a new unit, so a hash map cost a node allocation each.
  struct UnitRow {  // 8 bytes: a unit sheet keeps one per unit
    std::uint32_t file = 0;
    int line = 0;
  };
  std::vector<UnitRow> unit_row_;
  // Where unit `u` was first given (line 0: not yet). Grown one unit at a
  // time into capacity reserved with the units (see reserve): doubling the
  // size instead touched up to twice the units' entries, and again for
  // each part of a sheet read in parts.
  UnitRow& unit_row_of(std::size_t u) {
    if (u >= unit_row_.size()) unit_row_.resize(u + 1);
    return unit_row_[u];
  }
  std::size_t duplicate_units_ = 0;  // rows of a unit sheet rejected as duplicate_unit
  struct IdRef {
    std::uint32_t offset, length, row, hash;
  };
  std::vector<IdRef, HugePageAllocator<IdRef>> ids_;  // respondent ids of accepted rows, in an arena: no string per row
  std::string id_chars_;
  std::map<std::size_t, std::string> id_header_;  // per file: the respondent id header as written
  std::vector<std::size_t> reserve_slots_;        // decimal slots of the file being read
  std::size_t reserve_total_ = 0;                 // bytes the arrays should be sized for, when not the reader's
};

}  // namespace

Expected<Dataset> load_dataset(const Framework& fw, const std::vector<std::string>& paths, const LoadOptions& options) {
  Loader loader(fw, options);
  auto data = loader.run(paths);
  if (!data) return data;
  Diagnostics errors;
  read_denominator_columns(fw, paths, options, *data, errors);
  if (!errors.empty()) return errors;
  return data;
}

Expected<Dataset> load_sources(const Framework& fw, std::vector<NamedSource> sources, const LoadOptions& options) {
  Loader loader(fw, options);
  return loader.run(std::move(sources));
}

}  // namespace siap
