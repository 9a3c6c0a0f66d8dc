// What score a cell gives for a leaf: the one place that knows scales'
// semantics. ItemParser reads a cell of a leaf's column (numbers with
// decimal commas, level labels, yes/no words, categories; the code grid of
// a fractional scale; reverse keying) and says why a cell is unusable;
// leaf_score maps an exact decimal answer to its score (a numeric scale's
// goalposts and direction). The loader reads cells with it, the scoring
// kernel scores with it.
#pragma once

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "siap/dataset.hpp"
#include "siap/folding.hpp"
#include "siap/framework.hpp"
#include "siap/number.hpp"
#include "util/string_hash.hpp"

namespace siap {

// How a file writes numbers: its decimal mark, and the thousands separator
// the user declared (--thousands), if any.
struct NumberFormat {
  bool decimal_comma = false;
  char thousands = 0;  // '.', ',' or 0: none declared
  bool operator==(const NumberFormat&) const = default;
};

// A number read from a cell: its value, or why not.
struct NumberRead {
  enum class Status : std::uint8_t { ok, not_a_number, ambiguous } status = Status::not_a_number;
  Decimal value;
};

namespace number_detail {
// True when `text` is shaped like a grouped number: 1-3 digits, then one or
// more groups of `separator` and exactly three digits, then optionally the
// decimal mark and digits ("12.300", "1.000", "42.150,75" with '.').
inline bool grouped(std::string_view text, char separator, char mark) {
  std::size_t i = (!text.empty() && (text[0] == '-' || text[0] == '+')) ? 1 : 0;
  std::size_t lead = 0;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i, ++lead;
  if (lead == 0 || lead > 3) return false;
  int groups = 0;
  while (i < text.size() && text[i] == separator) {
    ++i;
    for (int k = 0; k < 3; ++k, ++i) {
      if (i >= text.size() || text[i] < '0' || text[i] > '9') return false;
    }
    ++groups;
  }
  if (groups == 0) return false;
  if (i < text.size() && text[i] == mark) {
    ++i;
    if (i == text.size()) return false;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
  }
  return i == text.size();
}
}  // namespace number_detail

// "3,5" -> 3.5 with decimal commas; "3.5" otherwise. A separator that could
// group thousands as well as mark decimals ("12.300" in a decimal-comma
// file, "1,000" in a decimal-point one) is ambiguous unless the user
// declared it as the thousands separator: never guessed.
inline NumberRead parse_number(std::string_view text, NumberFormat format) {
  const char mark = format.decimal_comma ? ',' : '.';
  const char other = format.decimal_comma ? '.' : ',';
  NumberRead out;
  // On the stack: a survey has millions of such cells.
  char buffer[64];
  if (text.size() > sizeof buffer) return out;  // no answer on a scale is that long
  std::size_t n = 0;
  const bool has_other = text.find(other) != std::string_view::npos;
  if (has_other) {
    const bool shaped = number_detail::grouped(text, other, mark);
    if (format.thousands == other) {
      if (!shaped) return out;
    } else {
      // A dot (or comma) followed by exactly three digits may group thousands.
      if (shaped && !(text.find_first_not_of("+-") < text.size() && text[text.find_first_not_of("+-")] == '0')) {
        out.status = NumberRead::Status::ambiguous;
        return out;
      }
      // "3.5" in a decimal-comma file: a decimal point, since it cannot group thousands.
      if (!format.decimal_comma || text.find(',') != std::string_view::npos) return out;
      auto d = Decimal::parse(text);
      if (d) out = {NumberRead::Status::ok, *d};
      return out;
    }
  }
  for (char c : text) {
    if (c == other) continue;  // a declared thousands separator, checked above
    buffer[n++] = c == mark ? '.' : c;
  }
  auto d = Decimal::parse(std::string_view(buffer, n));
  if (d) out = {NumberRead::Status::ok, *d};
  return out;
}

// The outcome of reading one cell: a plain value, cheap to return. The
// reason text of an invalid cell is made only when it is logged.
struct Cell {
  // no_answer: a marker the framework or the user declared ("n/a", "-", "99"); counted, never scored.
  enum class Kind : std::uint8_t { missing, code, decimal, invalid, no_answer } kind = Kind::missing;
  enum class Problem : std::uint8_t {
    none,
    not_a_number,
    out_of_range,
    out_of_scale,
    not_integer,
    not_yes_no,
    unknown_answer,
    ambiguous_number,
    conflicting_answer
  } problem = Problem::none;
  static constexpr std::size_t kProblemCount = 9;
  std::uint8_t code = 0;
  Decimal decimal;
};

class ItemParser {
 public:
  // `no_answer`: markers given for every column (--no-answer), besides the scale's own.
  ItemParser(const Framework& fw, const Node& node, ItemColumn& column, const std::vector<std::string>& no_answer = {})
      : fw_(fw), node_(node), column_(column) {
    if (node.is_leaf()) scale_ = &fw.scales[std::size_t(node.scale)];
    if (scale_) {
      for (const auto& marker : scale_->no_answer) no_answer_.push_back(ascii_lower(trim(marker)));
    }
    for (const auto& marker : no_answer) no_answer_.push_back(ascii_lower(trim(marker)));
    column_.node = int(&node - fw.nodes.data());
    column_.coded = is_coded();
    if (column_.coded) build_codes();
  }

  // The first no-answer marker that is also a valid answer of this column
  // (so that it would be ambiguous), or nullptr.
  const std::string* clashing_marker() const {
    for (const auto& marker : no_answer_) {
      Cell c = slow_parse(marker, NumberFormat{});
      if (c.kind == Cell::Kind::code || c.kind == Cell::Kind::decimal) return &marker;
    }
    return nullptr;
  }

  // The code of a one-character answer (> 0), -problem for an invalid one, 0 when it needs the full parser.
  const std::int16_t* quick_table() const { return single_byte_.data(); }
  bool coded() const { return column_.coded; }
  // A coded column whose off-grid answers are kept as decimals.
  bool fractional() const { return grid_ >= 0; }
  // Codes of "a.b" answers by 10 * a + b (< 0: invalid, -problem; 0: needs the parser), for fractional columns.
  const std::int16_t* tenths_table() const { return tenths_.data(); }

  // Parses a cell; `format` applies to numbers.
  Cell parse(std::string_view raw, NumberFormat format) const {
    std::string_view text = trim(raw);
    if (text.empty()) return {};
    if (!no_answer_.empty() && is_no_answer(text)) {
      Cell c;
      c.kind = Cell::Kind::no_answer;
      return c;
    }
    if (column_.coded && text.size() == 1) {  // the common case: one digit
      std::int16_t fast = single_byte_[static_cast<unsigned char>(text[0])];
      if (fast > 0) {
        Cell c;
        c.kind = Cell::Kind::code;
        c.code = std::uint8_t(fast);
        return c;
      }
      if (fast < 0) return invalid(Cell::Problem(-fast));
    }
    // "2,72" on a fractional scale, as indicator sheets write scores: one
    // of a thousand texts per column, each parsed once.
    if (fractional() && text.size() == 4 && text[1] == (format.decimal_comma ? ',' : '.') && format.thousands != text[1]) {
      const unsigned d0 = unsigned(text[0] - '0'), d1 = unsigned(text[2] - '0'), d2 = unsigned(text[3] - '0');
      if (d0 < 10 && d1 < 10 && d2 < 10) return hundredths(d0 * 100 + d1 * 10 + d2, text, format);
    }
    // A number parses without allocating; it is quicker than a lookup.
    const char first = text[0];
    if ((first >= '0' && first <= '9') || first == '-' || first == '+' || first == '.') return slow_parse(text, format);
    // Words repeat ("Setuju", "ya", a category) and cost a folded copy each:
    // each distinct short text is parsed once per column and file, up to a bound.
    if (text.size() > kMemoTextBytes) return slow_parse(text, format);
    use_format(format);
    if (auto hit = memo_.find(text); hit != memo_.end()) return hit->second;
    Cell cell = slow_parse(text, format);
    if (memo_.size() < kMemoEntries) memo_.emplace(std::string(text), cell);
    return cell;
  }

 private:
  // Decimal places of the code grid of a scale that allows fractions (half
  // steps, tenths): the finest grid of at most 254 values from min to max;
  // -1 when there is none. Answers on the grid are coded; others are kept as
  // exact decimals.
  int grid_places() const {
    const Scale& s = *scale_;
    for (int places = 3; places >= 0; --places) {
      if (s.min.scale() > places || s.max.scale() > places) break;
      auto at = [&](const Decimal& d) {
        std::int64_t m = d.mantissa();
        for (int e = d.scale(); e < places; ++e) m *= 10;
        return m;
      };
      std::int64_t span = at(s.max) - at(s.min);
      if (span >= 0 && span < 254) return places;
    }
    return -1;
  }

  // The code of `d` on the grid, or 0 when it is off the grid.
  std::uint8_t grid_code(const Decimal& d) const {
    if (d.scale() > grid_) return 0;
    std::int64_t m = d.mantissa(), lo = scale_->min.mantissa();
    for (int e = d.scale(); e < grid_; ++e) m *= 10;
    for (int e = scale_->min.scale(); e < grid_; ++e) lo *= 10;
    std::int64_t code = m - lo + 1;
    return code >= 1 && code <= std::int64_t(column_.scores.size()) ? std::uint8_t(code) : 0;
  }

  bool is_coded() {
    if (scale_ == nullptr) return false;  // a given internal node
    switch (scale_->kind) {
      case ScaleKind::ordinal:
      case ScaleKind::likert: {
        if (!scale_->integer_only) {
          grid_ = grid_places();
          return grid_ >= 0;
        }
        auto span = scale_->max.mantissa() - scale_->min.mantissa();
        return span >= 0 && span < 255;
      }
      case ScaleKind::yes_no:
        return true;
      case ScaleKind::categorical:
        return scale_->categories.size() < 255;
      case ScaleKind::numeric:
        return false;
    }
    return false;
  }

  void build_codes() {
    const Scale& s = *scale_;
    if ((s.kind == ScaleKind::ordinal || s.kind == ScaleKind::likert) && !s.integer_only) {
      // The grid: min, min + 10^-grid_, ..., max; reverse keying is exact at that scale.
      Number reversed_base = Number::of(s.min) + Number::of(s.max);
      Decimal step = Decimal::parse(grid_ == 0 ? "1" : "0." + std::string(std::size_t(grid_ - 1), '0') + "1").value();
      for (Number v = Number::of(s.min); !(Number::of(s.max) < v); v = v + Number::of(step)) {
        Decimal value = v.round_half_up(grid_);
        column_.scores.push_back(node_.reverse ? (reversed_base - Number::of(value)).round_half_up(grid_) : value);
      }
    } else if (s.kind == ScaleKind::ordinal || s.kind == ScaleKind::likert) {
      Number reversed_base = Number::of(s.min) + Number::of(s.max);
      for (auto v = s.min.mantissa(); v <= s.max.mantissa(); ++v) {
        Decimal score = Decimal::from_int(v);
        if (node_.reverse) score = (reversed_base - Number::of(score)).round_half_up(0);
        column_.scores.push_back(score);
      }
    } else if (s.kind == ScaleKind::yes_no) {
      column_.scores = {s.yes_score, s.no_score};
    } else {
      // Reverse keying mirrors a category's score within the score range.
      const Number mirror = Number::of(fw_.score.min) + Number::of(fw_.score.max);
      for (const auto& c : s.categories) {
        const int places = std::max({fw_.score.min.scale(), fw_.score.max.scale(), c.score.scale()});
        column_.scores.push_back(node_.reverse ? (mirror - Number::of(c.score)).round_half_up(places) : c.score);
      }
    }
    // Table entries: a code (> 0), an invalid answer (-problem), or 0 for
    // "needs the parser". Invalid one-character answers ("9", "x", "-") are
    // as common in a broken file as valid ones in a good one.
    single_byte_.fill(0);
    for (int b = 33; b < 127; ++b) {
      char c = char(b);
      Cell cell = slow_parse(std::string_view(&c, 1), NumberFormat{});
      if (cell.kind == Cell::Kind::code) single_byte_[std::size_t(b)] = cell.code;
      if (cell.kind == Cell::Kind::invalid) single_byte_[std::size_t(b)] = std::int16_t(-int(cell.problem));
      if (is_no_answer(std::string_view(&c, 1))) single_byte_[std::size_t(b)] = 0;  // parse() says so
    }
    tenths_.fill(0);
    if (grid_ >= 0) {
      for (int v = 0; v < 100; ++v) {
        char text[3] = {char('0' + v / 10), '.', char('0' + v % 10)};
        Cell cell = slow_parse(std::string_view(text, 3), NumberFormat{});
        if (cell.kind == Cell::Kind::code) tenths_[std::size_t(v)] = cell.code;
        if (cell.kind == Cell::Kind::invalid) tenths_[std::size_t(v)] = std::int16_t(-int(cell.problem));
        if (is_no_answer(std::string_view(text, 3))) tenths_[std::size_t(v)] = 0;
      }
    }
  }

  bool is_no_answer(std::string_view text) const {
    if (text.size() > 32) return false;
    std::string folded = ascii_lower(text);
    return std::find(no_answer_.begin(), no_answer_.end(), folded) != no_answer_.end();
  }

  // A level by its label in either language or an alias, compared with case,
  // spacing and punctuation folded; -1 when none.
  int level_of_words(std::string_view words) const {
    const std::string folded = fold_answer(words);
    if (folded.empty()) return -1;
    for (std::size_t i = 0; i < scale_->points.size(); ++i) {
      const ScalePoint& p = scale_->points[i];
      if (fold_answer(p.label.id) == folded || fold_answer(p.label.in(Lang::en)) == folded) return int(i);
      for (const auto& alias : p.aliases) {
        if (fold_answer(alias) == folded) return int(i);
      }
    }
    return -1;
  }

  // "4. Setuju", "5 - Sangat setuju", "5 (SS)", "4) Setuju", "3 Netral": a
  // level's number written before words, as survey tools export answers.
  static std::optional<std::pair<std::string_view, std::string_view>> split_numbered(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
    if (i == 0 || i > 3 || i == text.size()) return std::nullopt;
    std::string_view number = text.substr(0, i), rest = text.substr(i);
    const bool spaced = rest[0] == ' ';
    rest = trim(rest);
    std::string_view words;
    if (rest.size() >= 2 && rest.front() == '(' && rest.back() == ')') {
      words = trim(rest.substr(1, rest.size() - 2));
    } else if (!rest.empty() && std::string_view(".):-").find(rest[0]) != std::string_view::npos) {
      words = trim(rest.substr(1));
    } else if (rest.starts_with("\xE2\x80\x93") || rest.starts_with("\xE2\x80\x94")) {  // en and em dashes
      words = trim(rest.substr(3));
    } else if (spaced) {
      words = rest;
    }
    // Words, not more digits: "2.72" with '.' declared as thousands
    // separator, or "2-72", is not "2" followed by a label.
    const bool has_letter = std::any_of(
        words.begin(), words.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80; });
    if (!has_letter) return std::nullopt;
    return std::pair{number, words};
  }

  static Cell::Problem problem_of(const NumberRead& read) {
    return read.status == NumberRead::Status::ambiguous ? Cell::Problem::ambiguous_number : Cell::Problem::not_a_number;
  }

  static Cell invalid(Cell::Problem problem) {
    Cell c;
    c.kind = Cell::Kind::invalid;
    c.problem = problem;
    return c;
  }

 public:
  // The machine code and the reason of an invalid cell.
  std::pair<std::string, LocalizedText> explain(Cell::Problem problem) const {
    const Scale* s = scale_;
    switch (problem) {
      case Cell::Problem::not_a_number:
        if (s && (s->kind == ScaleKind::ordinal || s->kind == ScaleKind::likert) && !s->points.empty()) {
          return {"not_a_number", {"bukan angka atau label tingkat", "not a number or a level label"}};
        }
        return {"not_a_number", {"bukan angka", "not a number"}};
      case Cell::Problem::out_of_range:
        return {"out_of_range",
                {fmt::format("di luar rentang skor {}–{}", fw_.score.min.to_string(), fw_.score.max.to_string()),
                 fmt::format("outside the score range {}–{}", fw_.score.min.to_string(), fw_.score.max.to_string())}};
      case Cell::Problem::out_of_scale:
        return {"out_of_scale",
                {fmt::format("di luar skala {}–{}", s->min.to_string(), s->max.to_string()),
                 fmt::format("outside the scale {}–{}", s->min.to_string(), s->max.to_string())}};
      case Cell::Problem::not_integer:
        return {"not_integer", {"desimal pada skala bilangan bulat", "a decimal on a whole-number scale"}};
      case Cell::Problem::not_yes_no:
        return {"not_yes_no",
                {fmt::format("bukan jawaban ya/tidak ({} / {})", fmt::join(s->yes_words, ", "), fmt::join(s->no_words, ", ")),
                 fmt::format("not a yes/no answer ({} / {})", fmt::join(s->yes_words, ", "), fmt::join(s->no_words, ", "))}};
      case Cell::Problem::unknown_answer: {
        std::vector<std::string> answers;
        for (const auto& cat : s->categories) answers.push_back(cat.answer);
        return {"unknown_answer",
                {fmt::format("jawaban tidak dikenal; pilihan: {}", fmt::join(answers, ", ")),
                 fmt::format("unknown answer; expected one of: {}", fmt::join(answers, ", "))}};
      }
      case Cell::Problem::conflicting_answer:
        return {"conflicting_answer",
                {"angka dan kata pada jawaban menunjuk tingkat yang berbeda", "the answer's number and its words name different levels"}};
      case Cell::Problem::ambiguous_number:
        return {"ambiguous_number",
                {"titik atau koma ini bisa pemisah ribuan atau tanda desimal; tulis angka tanpa pemisah ribuan, atau nyatakan pemisahnya "
                 "dengan --thousands",
                 "this dot or comma could group thousands or mark decimals; write the number without a thousands separator, or declare it "
                 "with --thousands"}};
      case Cell::Problem::none:
        break;
    }
    return {"", {}};
  }

 private:
  Cell slow_parse(std::string_view text, NumberFormat format) const {
    if (scale_ == nullptr) {  // a given node value on the score range
      NumberRead read = parse_number(text, format);
      if (read.status != NumberRead::Status::ok) return invalid(problem_of(read));
      if (read.value < fw_.score.min || read.value > fw_.score.max) return invalid(Cell::Problem::out_of_range);
      Cell c;
      c.kind = Cell::Kind::decimal;
      c.decimal = read.value;
      return c;
    }
    const Scale& s = *scale_;
    switch (s.kind) {
      case ScaleKind::ordinal:
      case ScaleKind::likert: {
        NumberRead read = parse_number(text, format);
        if (read.status == NumberRead::Status::ambiguous) return invalid(Cell::Problem::ambiguous_number);
        std::optional<Decimal> d;
        if (read.status == NumberRead::Status::ok) d = read.value;
        if (!d) {
          // A level label ("Setuju") or alias ("SS") is accepted for its value.
          if (int level = level_of_words(text); level >= 0) d = s.points[std::size_t(level)].value;
        }
        if (!d) {
          // A number before words ("4. Setuju"): the number, unless the words name another level.
          if (auto numbered = split_numbered(text)) {
            auto value = Decimal::parse(numbered->first);
            int level = level_of_words(numbered->second);
            if (value && level >= 0 && !(s.points[std::size_t(level)].value == *value)) return invalid(Cell::Problem::conflicting_answer);
            d = value;
          }
        }
        if (!d) return invalid(Cell::Problem::not_a_number);
        if (*d < s.min || *d > s.max) return invalid(Cell::Problem::out_of_scale);
        if (s.integer_only && !(d->round_half_up(0) == *d)) return invalid(Cell::Problem::not_integer);
        Cell c;
        if (grid_ >= 0) {
          if (std::uint8_t code = grid_code(*d)) {
            c.kind = Cell::Kind::code;
            c.code = code;
            return c;
          }
          // Off the grid (2.37 on a half-step scale): kept exactly, below.
        }
        if (column_.coded && grid_ < 0) {
          c.kind = Cell::Kind::code;
          c.code = std::uint8_t(d->round_half_up(0).mantissa() - s.min.mantissa() + 1);
        } else {
          c.kind = Cell::Kind::decimal;
          int places = std::max({s.min.scale(), s.max.scale(), d->scale()});  // min + max - d is exact at this scale
          c.decimal = node_.reverse ? (Number::of(s.min) + Number::of(s.max) - Number::of(*d)).round_half_up(places) : *d;
        }
        return c;
      }
      case ScaleKind::yes_no: {
        std::string folded = ascii_lower(text);
        Cell c;
        c.kind = Cell::Kind::code;
        for (const auto& w : s.yes_words) {
          if (ascii_lower(trim(w)) == folded) {
            c.code = 1;
            return c;
          }
        }
        for (const auto& w : s.no_words) {
          if (ascii_lower(trim(w)) == folded) {
            c.code = 2;
            return c;
          }
        }
        return invalid(Cell::Problem::not_yes_no);
      }
      case ScaleKind::categorical: {
        std::string folded = fold_header(text);
        for (std::size_t i = 0; i < s.categories.size(); ++i) {
          if (fold_header(s.categories[i].answer) == folded) {
            Cell c;
            c.kind = Cell::Kind::code;
            c.code = std::uint8_t(i + 1);
            return c;
          }
        }
        return invalid(Cell::Problem::unknown_answer);
      }
      case ScaleKind::numeric: {
        NumberRead read = parse_number(text, format);
        if (read.status != NumberRead::Status::ok) return invalid(problem_of(read));
        Cell c;
        c.kind = Cell::Kind::decimal;
        c.decimal = read.value;
        return c;
      }
    }
    return {};
  }

  // The cell of the "d.dd" text `hundredths` (0-999), parsed at its first use.
  Cell hundredths(unsigned value, std::string_view text, NumberFormat format) const {
    use_format(format);
    if (hundredths_.empty()) hundredths_.assign(1000, std::nullopt);
    std::optional<Cell>& cell = hundredths_[value];
    if (!cell) cell = slow_parse(text, format);
    return *cell;
  }

  // The memos hold cells read in one number format: another file's format starts them afresh.
  void use_format(NumberFormat format) const {
    if (format == memo_format_) return;
    memo_.clear();
    hundredths_.clear();
    memo_format_ = format;
  }

  static constexpr std::size_t kMemoTextBytes = 32;
  static constexpr std::size_t kMemoEntries = 256;

  const Framework& fw_;
  const Node& node_;
  ItemColumn& column_;
  const Scale* scale_ = nullptr;
  int grid_ = -1;  // decimal places of the code grid of a fractional scale; -1: none
  std::array<std::int16_t, 256> single_byte_{};
  std::array<std::int16_t, 100> tenths_{};
  mutable std::unordered_map<std::string, Cell, StringHash, std::equal_to<>> memo_;
  mutable NumberFormat memo_format_;                     // of memo_ and hundredths_
  mutable std::vector<std::optional<Cell>> hundredths_;  // by "d.dd" as 0-999; empty until used
  std::vector<std::string> no_answer_;                   // lower-cased
};

// A leaf's score from an exact decimal answer: a numeric scale maps its
// goalposts (by direction, clamped) onto the score range; other answers
// (read and reverse-keyed by ItemParser) are their score. The kernel's
// linear_mean is the same map, summed in integers.
// Whether leaf_score maps a node's answers at all (else each is its score).
inline bool leaf_score_scales(const Framework& fw_, const Node& node) {
  // A treated indicator is normalised across units later (treat_indicators).
  return node.scale >= 0 && fw_.scales[std::size_t(node.scale)].kind == ScaleKind::numeric && !node.treatment;
}

inline Number leaf_score(const Framework& fw_, const Node& node, const Decimal& raw) {
  if (!leaf_score_scales(fw_, node)) return Number::of(raw);
  const Scale& s = fw_.scales[std::size_t(node.scale)];
  Number lo = Number::of(s.low_goalpost), hi = Number::of(s.high_goalpost), x = Number::of(raw);
  Number t = s.direction == Direction::higher_is_better ? (x - lo) / (hi - lo) : (hi - x) / (hi - lo);
  if (t < Number::of(0)) t = Number::of(0);
  if (t > Number::of(1)) t = Number::of(1);
  return Number::of(fw_.score.min) + t * (Number::of(fw_.score.max) - Number::of(fw_.score.min));
}

}  // namespace siap
