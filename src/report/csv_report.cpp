// One row per unit: identification, ranks, the index and its band, every
// top-level node and facet value. Text cells are made inert for spreadsheets.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <charconv>
#include <cmath>
#include <limits>

#include "report/report_view.hpp"
#include "siap/bootstrap.hpp"
#include "siap/report.hpp"
#include "util/parallel.hpp"

namespace siap {

void write_csv(const Assessment& a, const ReportOptions& options, const std::function<void(std::string_view)>& sink) {
  const Framework& fw = *a.framework;
  const Lang lang = options.lang;
  const char d = options.csv_decimal_comma ? ';' : ',';
  const char point = options.csv_decimal_comma ? ',' : '.';
  const int decimals = fw.score.decimals;
  auto tr = [lang](std::string_view id, std::string_view en) { return std::string(lang == Lang::en ? en : id); };

  std::string out = options.csv_bom ? "\xEF\xBB\xBF" : "";
  auto row = [&](const std::vector<std::string>& fields) { append_csv_row(out, fields, d); };
  auto overall = fw.band_sets_at(0);
  std::vector<std::string> header{tr("kode", "code"),
                                  tr("wilayah", "region"),
                                  tr("jenis", "type"),
                                  tr("provinsi", "province"),
                                  tr("responden", "respondents"),
                                  tr("peringkat", "rank"),
                                  tr("peringkat_jenis", "rank_in_type"),
                                  tr("peringkat_provinsi", "rank_in_province"),
                                  tr("indeks", "index")};
  if (!overall.empty()) header.push_back(tr("predikat", "band"));
  // With --bootstrap: the index's percentile interval and the rank's
  // distribution beside the index (every node's interval: --format intervals).
  const BootstrapResult* boot = options.bootstrap;
  if (boot) {
    const std::pair<std::string_view, std::string_view> names[] = {{"indeks_bawah", "index_low"},
                                                                   {"indeks_atas", "index_high"},
                                                                   {"peringkat_median", "rank_median"},
                                                                   {"peringkat_p05", "rank_p05"},
                                                                   {"peringkat_p95", "rank_p95"}};
    for (const auto& [id, en] : names) header.push_back(tr(id, en));
    header.push_back(fmt::format("{}{}", tr("p_peringkat_maks_", "p_rank_le_"), boot->options.top));
  }
  for (int t : fw.root().children) header.push_back(fw.nodes[std::size_t(t)].id);
  for (const auto& facet : fw.facets) {
    for (const auto& v : facet.values) header.push_back(facet.id + ":" + v.id);
  }
  header.push_back(tr("status", "status"));
  row(header);

  // Rows are appended field by field: a national unit sheet has hundreds of
  // thousands, and a vector of strings per row cost more than the scoring.
  std::array<std::string, 4> type_labels;  // per UnitLevel
  for (int level = 0; level < 4; ++level) {
    Unit of_level;
    of_level.level = UnitLevel(level);
    type_labels[std::size_t(level)] = unit_type_label(of_level).in(lang);
  }
  const std::string assessed_text = tr("dinilai", "assessed");
  const std::string not_assessed_text = tr("Tidak Dapat Dinilai: ", "Not assessable: ");
  const std::vector<UnitResult>& results = a.results;
  // Results [from, to) appended to `text_out`.
  auto append_rows = [&](std::string& text_out, std::size_t from, std::size_t to) {
    bool first = true;
    auto next = [&] {
      if (!first) text_out += d;
      first = false;
    };
    auto text = [&](std::string_view value, bool formula_safe = false) {
      next();
      append_csv_field(text_out, value, d, formula_safe);
    };
    auto integer = [&](std::size_t v) {  // digits need no quoting
      next();
      char digits[24];
      const auto written = std::to_chars(digits, digits + sizeof digits, v);  // not fmt: no format string parsed per number
      text_out.append(digits, written.ptr);
    };
    auto rank = [&](int v) {
      if (v > 0) {
        integer(std::size_t(v));
      } else {
        next();
      }
    };
    auto num = [&](const NodeScore& s) {
      next();
      // A published value is digits, a sign and the separator, which is never the delimiter.
      if (s.assessed) s.published.append_format(text_out, decimals, point);
    };
    // Results are in rank order, their units and scores in input order: each
    // row reads three places far apart in memory, so they are fetched ahead.
    // A unit's kept scores span several cache lines (six 24-byte scores on
    // the evaluation sheet): each is fetched, not only the first. Eight
    // rows ahead, about 40 lines in flight per core: at 16 the prefetches
    // themselves stalled, waiting for a free line buffer (the evaluation
    // sheet's report took 46 ms instead of 38, the SPBE sheet's 23 instead of 16).
    constexpr std::size_t kAhead = 8;
    const std::size_t score_bytes = results.empty() ? 0 : a.scores.size() / results.size() * sizeof(NodeScore);
    // Every line a span touches: 144 bytes of scores start anywhere in a
    // line and may end in a fourth, and a 56-byte unit may cross into a second.
    auto prefetch_span = [](const void* p, std::size_t bytes) {
      const auto at = reinterpret_cast<std::uintptr_t>(p);
      for (std::uintptr_t line = at & ~std::uintptr_t(63); line < at + bytes; line += 64) __builtin_prefetch(reinterpret_cast<const void*>(line));
    };
    for (std::size_t i = from; i < to; ++i) {
      if (i + kAhead < to) {
        const NodeScore* scores = results[i + kAhead].nodes.data();
        if (scores != nullptr) prefetch_span(scores, score_bytes);
        prefetch_span(&a.unit_of(results[i + kAhead]), sizeof(Unit));
      }
      if (i + kAhead / 2 < to) __builtin_prefetch(a.unit_of(results[i + kAhead / 2]).name.data());
      const UnitResult& r = results[i];
      const Unit& unit = a.unit_of(r);
      first = true;
      text(unit.code());
      text(unit.name, true);
      text(type_labels[std::size_t(unit.level)]);
      text(unit.province_name());
      integer(r.respondents);
      rank(r.rank);
      rank(r.rank_in_type);
      rank(r.rank_in_province);
      num(r.nodes[0]);
      if (!overall.empty()) {
        int band = r.assessed && !r.nodes[0].bands.empty() ? r.nodes[0].bands[0] : -1;
        text(band >= 0 ? std::string_view(fw.band_sets[std::size_t(overall[0])].bands[std::size_t(band)].label.in(lang)) : std::string_view());
      }
      if (boot) {
        const UnitBootstrap& b = boot->units[i];
        auto value = [&](double v, int places) { return std::isnan(v) ? std::string() : round_estimate(v, places).format(places, point); };
        const bool ranked = r.assessed && b.ranked > 0;
        text(r.assessed && !b.nodes.empty() ? value(b.nodes[0].percentile.low, decimals) : "");
        text(r.assessed && !b.nodes.empty() ? value(b.nodes[0].percentile.high, decimals) : "");
        text(ranked ? value(b.median_rank, 1) : "");
        text(ranked ? std::to_string(b.rank_low) : "");
        text(ranked ? std::to_string(b.rank_high) : "");
        text(ranked ? value(b.p_top, 3) : "");
      }
      for (int t : fw.root().children) num(r.nodes[std::size_t(t)]);
      for (std::size_t f = 0; f < fw.facets.size(); ++f) {
        for (std::size_t v = 0; v < fw.facets[f].values.size(); ++v) num(r.facets[f][v]);
      }
      if (r.assessed) {
        text(assessed_text);
      } else {
        text(not_assessed_text + r.not_assessed_reason().in(lang));
      }
      text_out += "\r\n";
    }
  };
  // Rows go to `sink` in batches, each rendered into a buffer that is reused:
  // a national unit sheet's report was a string as large as its input, and
  // memory first touched costs more on a VM than the rows' formatting (a
  // kernel page clear per 4 KiB). Rows are independent, and a unit sheet's
  // hundreds of thousands of rows were a fifth of its run, so two threads
  // render: each takes the next batch and, once the batches before it have
  // gone to `sink`, sends its own. The output stays in order; neither
  // thread waits for the other's half of a batch, and one pair of threads
  // serves the whole report (a thread per batch left both cores idle a
  // third of the time).
  constexpr std::size_t kParallelMinRows = 20'000;
  constexpr std::size_t kBatchRows = 8'192;
  if (results.size() < kParallelMinRows) {
    append_rows(out, 0, results.size());
    sink(out);
    return;
  }
  sink(out);                                                                    // the header
  const std::size_t batch_bytes = (kBatchRows + 1) * (header.size() * 6 + 40);  // a guess, to reserve
  const std::size_t batches = (results.size() + kBatchRows - 1) / kBatchRows;
  constexpr std::size_t kFailed = std::numeric_limits<std::size_t>::max();
  std::atomic<std::size_t> next_batch{0};
  std::atomic<std::size_t> written{0};  // batches sent; kFailed once a thread has failed
  auto render = [&] {
    try {
      std::string text;
      text.reserve(batch_bytes);
      for (std::size_t k = next_batch.fetch_add(1); k < batches; k = next_batch.fetch_add(1)) {
        text.clear();
        append_rows(text, k * kBatchRows, std::min(results.size(), (k + 1) * kBatchRows));
        for (std::size_t sent = written.load(); sent != k; sent = written.load()) {
          if (sent == kFailed) return;  // the other thread's exception is the one reported
          written.wait(sent);
        }
        sink(text);
        written.store(k + 1);
        written.notify_all();
      }
    } catch (...) {
      written.store(kFailed);  // the other thread must not wait for a batch that will never be sent
      written.notify_all();
      throw;
    }
  };
  run_in_parallel({render, render});
}

std::string render_csv(const Assessment& a, const ReportOptions& options) {
  std::string out;
  write_csv(a, options, [&out](std::string_view block) { out += block; });
  return out;
}

}  // namespace siap
