// Times each reporter on one Assessment, so report writing for 514 regions is
// measured apart from loading and scoring (docs/performance.md).
//
//   siap_bench_reports SURVEY.csv FRAMEWORK [RUNS]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include "siap/assessment.hpp"
#include "siap/framework_catalog.hpp"
#include "siap/report.hpp"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s SURVEY.csv FRAMEWORK [RUNS]\n", argv[0]);
    return 2;
  }
  int runs = argc > 3 ? std::atoi(argv[3]) : 5;
  auto fw = siap::resolve_framework(argv[2]);
  if (!fw) {
    std::fprintf(stderr, "%s\n", fw.errors().front().render(siap::Lang::en).c_str());
    return 1;
  }
  auto data = siap::load_dataset(*fw, {argv[1]}, {});
  if (!data) {
    std::fprintf(stderr, "%s\n", data.errors().front().render(siap::Lang::en).c_str());
    return 1;
  }
  siap::Assessment a = siap::assess(*fw, std::move(*data));
  siap::ReportOptions options;
  options.tool_version = "bench";
  options.date = "2026-01-01";
  struct Reporter {
    const char* name;
    std::function<std::size_t()> render;
  };
  std::vector<Reporter> reporters = {
      {"text", [&] { return siap::render_text(a, options).size(); }},
      {"json", [&] { return siap::render_json(a, options).size(); }},
      {"csv", [&] { return siap::render_csv(a, options).size(); }},
      {"md", [&] { return siap::render_markdown(a, options).size(); }},
      {"html", [&] { return siap::render_html(a, options).size(); }},
      {"xlsx", [&] { return siap::render_xlsx(a, options)->size(); }},
      {"quality", [&] { return siap::render_quality_csv(*a.data, options).size(); }},
  };
  std::printf("%zu units, %zu nodes, median of %d runs\n", a.results.size(), fw->nodes.size(), runs);
  double total = 0;
  for (const auto& reporter : reporters) {
    std::vector<double> times;
    std::size_t bytes = 0;
    for (int i = 0; i < runs; ++i) {
      auto start = std::chrono::steady_clock::now();
      bytes = reporter.render();
      times.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(times.begin(), times.end());
    double median = times[times.size() / 2];
    total += median;
    std::printf("%-8s %8.1f ms %10zu bytes\n", reporter.name, median * 1000, bytes);
  }
  std::printf("%-8s %8.1f ms\n", "all", total * 1000);
  return 0;
}
