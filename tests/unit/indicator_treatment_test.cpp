// Composite indicators: each treatment against COINr's closed-form values
// (bluefoxr/COINr tests/testthat: test-normalise.R, test-treat.R,
// test-aggregate.R) and hand calculations, through load_framework,
// load_dataset and assess as a user's run goes.
#include <catch2/catch.hpp>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <fstream>
#include <sstream>
#include <string>

#include "siap/assessment.hpp"
#include "siap/composite.hpp"
#include "siap/framework_loader.hpp"

using siap::Lang;

namespace {

// Units on 0-100; `x` is an indicator (numeric scale without goalposts)
// whose treatment is TREATMENT; `y` is another, for aggregation tests.
std::string framework_text(const std::string& treatment, const std::string& scale_direction = "higher", const std::string& aggregation = "") {
  return "schema: siap/framework/v1\n"
         "id: t\n"
         "version: '1'\n"
         "title: {id: T, en: T}\n"
         "status: project-defined\n"
         "input: {kind: units, unit_column: wilayah}\n"
         "score: {min: 0, max: 100, decimals: 4}\n" +
         aggregation +
         "scale: ind\n"
         "scales:\n"
         "  - {id: ind, type: numeric, direction: " +
         scale_direction +
         "}\n"
         "tree:\n"
         "  - {id: x, name: X, treatment: " +
         treatment + "}\n";
}

siap::Framework framework(const std::string& text) {
  auto fw = siap::load_framework(text, "t.yaml");
  if (!fw) {
    for (const auto& e : fw.errors()) UNSCOPED_INFO(e.render(Lang::en));
  }
  REQUIRE(fw.has_value());
  return std::move(*fw);
}

std::vector<std::string> errors(const std::string& text) {
  auto fw = siap::load_framework(text, "t.yaml");
  std::vector<std::string> out;
  if (!fw) {
    for (const auto& e : fw.errors()) out.push_back(e.render(Lang::en));
  }
  return out;
}

siap::Dataset load(const siap::Framework& fw, const std::string& csv) {
  static int counter = 0;
  const std::string path =
      (std::filesystem::temp_directory_path() / ("siap-treatment-test-" + std::to_string(::getpid()) + "-" + std::to_string(++counter) + ".csv"))
          .string();
  {
    std::ofstream out(path, std::ios::binary);
    out << csv;
  }
  auto data = siap::load_dataset(fw, {path}, {});
  std::remove(path.c_str());
  if (!data) {
    for (const auto& e : data.errors()) UNSCOPED_INFO(e.render(Lang::en));
  }
  REQUIRE(data.has_value());
  return std::move(*data);
}

// Four Jawa Barat units and their values of x ("" = missing).
const char* const kUnits[] = {"Kabupaten Bogor", "Kabupaten Bandung", "Kota Bandung", "Kota Bogor"};

std::string csv(const std::vector<std::string>& x) {
  std::string out = "wilayah,x\n";
  for (std::size_t i = 0; i < x.size(); ++i) out += std::string(kUnits[i]) + "," + x[i] + "\n";
  return out;
}

// The exact value of node `id` ("" for the index) for unit `name`, or NaN when not assessed.
double value(const siap::Assessment& a, const char* name, const char* id = "x") {
  for (const auto& r : a.results) {
    if (a.unit_of(r).name != name) continue;
    const auto node = *id == '\0' ? std::optional<int>(0) : a.framework->find_node(id);
    REQUIRE(node);
    const auto& s = r.nodes[std::size_t(*node)];
    return s.assessed ? double(a.exact(s).value()) : std::nan("");
  }
  FAIL("no unit " << name);
  return 0;
}

siap::Assessment run(const siap::Framework& fw, const std::vector<std::string>& x) { return siap::assess(fw, load(fw, csv(x))); }

}  // namespace

TEST_CASE("min-max onto a chosen range, and reversed for lower-is-better (COINr n_minmax)", "[composite]") {
  // test-normalise.R: min-max to (2, 7) gives min 2 and max 7; 3 lies half-way.
  const auto fw = framework(framework_text("{normalise: minmax, range: [2, 7]}"));
  const auto a = run(fw, {"1", "3", "5"});
  CHECK(value(a, "Kabupaten Bogor") == 2);
  CHECK(value(a, "Kabupaten Bandung") == 4.5);
  CHECK(value(a, "Kota Bandung") == 7);
  const auto lower = framework(framework_text("{normalise: minmax, range: [2, 7]}", "lower"));
  const auto b = run(lower, {"1", "3", "5"});
  CHECK(value(b, "Kabupaten Bogor") == 7);
  CHECK(value(b, "Kota Bandung") == 2);
  // Published exactly: (3 - 1) / 4 * 5 + 2 = 4.5000 at four decimals.
  CHECK(a.results[1].nodes[0].published.to_string() == "4.5000");
}

TEST_CASE("goalposts truncate to [0, 1] before the range (COINr n_goalposts)", "[composite]") {
  // n_goalposts(1, c(0, 10, 1)) = 0.1, (-1) -> 0, (11) -> 1; direction -1: (1) -> 0.9.
  const auto fw = framework(framework_text("{normalise: goalposts, goalposts: [0, 10], range: [0, 1]}"));
  const auto a = run(fw, {"1", "-1", "11"});
  CHECK(value(a, "Kabupaten Bogor") == Approx(0.1).epsilon(1e-15));
  CHECK(value(a, "Kabupaten Bandung") == 0);
  CHECK(value(a, "Kota Bandung") == 1);
  const auto lower = framework(framework_text("{normalise: goalposts, goalposts: [0, 10], range: [0, 1]}", "lower"));
  CHECK(value(run(lower, {"1", "-1", "11"}), "Kabupaten Bogor") == Approx(0.9).epsilon(1e-15));
}

TEST_CASE("distance to target, capped at the target (COINr n_dist2targ)", "[composite]") {
  // n_dist2targ(c(0, 5, 11), targ = 10, cap_max = TRUE) = (0, 0.5, 1).
  const auto fw = framework(framework_text("{normalise: distance_to_target, target: 10, range: [0, 1]}"));
  const auto a = run(fw, {"0", "5", "11"});
  CHECK(value(a, "Kabupaten Bogor") == 0);
  CHECK(value(a, "Kabupaten Bandung") == 0.5);
  CHECK(value(a, "Kota Bandung") == 1);
  // Direction -1, target 0 on (-1, 1, 10): (1.1, 0.9, 0), capped: (1, 0.9, 0).
  const auto lower = framework(framework_text("{normalise: distance_to_target, target: 0, range: [0, 1]}", "lower"));
  const auto b = run(lower, {"-1", "1", "10"});
  CHECK(value(b, "Kabupaten Bogor") == 1);
  CHECK(value(b, "Kabupaten Bandung") == Approx(0.9).epsilon(1e-15));
  CHECK(value(b, "Kota Bandung") == 0);
}

TEST_CASE("distance to the best, percentile ranks with ties, and a constant indicator", "[composite]") {
  const auto best = framework(framework_text("{normalise: distance_to_best, range: [0, 100]}"));
  const auto a = run(best, {"2", "4", "8", "0"});
  CHECK(value(a, "Kabupaten Bogor") == 25);
  CHECK(value(a, "Kota Bandung") == 100);
  CHECK(std::isnan(value(a, "Kota Bogor")));  // not > 0: left missing and logged
  REQUIRE(a.treatment);
  REQUIRE(a.treatment->events.size() == 1);
  CHECK(a.treatment->events[0].kind == siap::TreatmentEvent::Kind::not_positive);
  const auto lower = framework(framework_text("{normalise: distance_to_best, range: [0, 100]}", "lower"));
  CHECK(value(run(lower, {"2", "4", "8"}), "Kota Bandung") == 25);  // best / x = 2 / 8

  // R: rank(c(5, 1, 5, 3), ties.method = "min") = (3, 1, 3, 2); (r - 1) / (n - 1) = (2/3, 0, 2/3, 1/3).
  const auto prank = framework(framework_text("{normalise: percentile_rank, range: [0, 1]}"));
  const auto p = run(prank, {"5", "1", "5", "3"});
  CHECK(value(p, "Kabupaten Bogor") == Approx(2.0 / 3).epsilon(1e-15));
  CHECK(value(p, "Kabupaten Bandung") == 0);
  CHECK(value(p, "Kota Bandung") == Approx(2.0 / 3).epsilon(1e-15));
  CHECK(value(p, "Kota Bogor") == Approx(1.0 / 3).epsilon(1e-15));

  // Every unit equal: min-max is undefined (COINr returns NaN with a
  // warning); here the indicator is left missing and the log says so.
  const auto minmax = framework(framework_text("{normalise: minmax}"));
  const auto c = run(minmax, {"7", "7", "7"});
  CHECK(std::isnan(value(c, "Kota Bandung")));
  REQUIRE(c.treatment->indicators.size() == 1);
  CHECK(c.treatment->indicators[0].constant);
}

TEST_CASE("z-scores and plain ranks are computed but have no range: not a framework's nominal normaliser", "[composite]") {
  CHECK(errors(framework_text("{normalise: zscore}")).front().find("normalise: zscore gives values outside the score range [0, 100]") !=
        std::string::npos);
  // treat_indicators itself, on a framework changed after loading: z-score (5, 2)
  // of (1, 2, 3): mean 2, sd 1, so (1, 2, 3) -> (3, 5, 7) (COINr n_zscore).
  auto fw = framework(framework_text("{normalise: minmax}"));
  const int x = *fw.find_node("x");
  fw.nodes[std::size_t(x)].treatment->normalise = siap::Normaliser::zscore;
  fw.nodes[std::size_t(x)].treatment->z_mean = siap::Decimal::from_int(5);
  fw.nodes[std::size_t(x)].treatment->z_sd = siap::Decimal::from_int(2);
  const auto data = load(fw, csv({"1", "2", "3"}));
  siap::TreatmentLog log;
  const auto values = siap::composite_values(fw, data, -1, log);
  CHECK(double(values[0][std::size_t(x)].exact.value()) == Approx(3).epsilon(1e-15));
  CHECK(double(values[1][std::size_t(x)].exact.value()) == Approx(5).epsilon(1e-15));
  CHECK(double(values[2][std::size_t(x)].exact.value()) == Approx(7).epsilon(1e-15));
}

TEST_CASE("imputation by the mean, the median, or within the province", "[composite]") {
  const auto mean = framework(framework_text("{impute: mean, normalise: goalposts, goalposts: [0, 100], range: [0, 100]}"));
  const auto a = run(mean, {"10", "", "40", "70"});
  CHECK(value(a, "Kabupaten Bandung") == 40);  // (10 + 40 + 70) / 3
  REQUIRE(a.treatment->events.size() == 1);
  CHECK(a.treatment->events[0].kind == siap::TreatmentEvent::Kind::imputed);
  CHECK(a.treatment->indicators[0].imputed == 1);
  const auto median = framework(framework_text("{impute: median, normalise: goalposts, goalposts: [0, 100], range: [0, 100]}"));
  CHECK(value(run(median, {"10", "", "20", "70"}), "Kabupaten Bandung") == 20);
  // Without imputation the unit has no value, and with the default full
  // coverage rule its index is "Tidak Dapat Dinilai".
  const auto none = framework(framework_text("{normalise: goalposts, goalposts: [0, 100], range: [0, 100]}"));
  CHECK(std::isnan(value(run(none, {"10", "", "20", "70"}), "Kabupaten Bandung", "")));
}

TEST_CASE("denominators: per capita and per km2 from the bundled table", "[composite]") {
  // Kota Bandung: 2,591,763 registered inhabitants, 166.593 km2 (data/regions/population-area.csv).
  const auto per_capita =
      framework(framework_text("{denominator: population, per: 100000, normalise: goalposts, goalposts: [0, 2000], range: [0, 100]}"));
  const auto a = run(per_capita, {"10", "20", "25917.63", "5"});
  CHECK(value(a, "Kota Bandung") == 50);  // 25,917.63 / 2,591,763 * 100,000 = 1,000 of 2,000
  CHECK(value(a, "Kabupaten Bogor") == Approx(10.0 / 5809790 * 100000 / 2000 * 100).epsilon(1e-12));
  CHECK(a.exact(a.results.front().nodes[0]).is_exact());
  const auto per_km2 = framework(framework_text("{denominator: area, normalise: goalposts, goalposts: [0, 100], range: [0, 100]}"));
  const auto b = run(per_km2, {"1", "1", "1665.93", "1"});
  CHECK(value(b, "Kota Bandung") == Approx(10).epsilon(1e-15));  // 1665.93 / 166.593
}

TEST_CASE("outliers: winsorised as COINr's Treat does, else log of the original", "[composite]") {
  // test-treat.R: Treat(c(1:10, 100), winmax = 5): the 100 becomes 10.
  // Eleven units are needed: the region table's first eleven Jawa Barat kabupaten.
  const char* names[] = {"Kabupaten Bogor",   "Kabupaten Sukabumi",    "Kabupaten Cianjur", "Kabupaten Bandung",
                         "Kabupaten Garut",   "Kabupaten Tasikmalaya", "Kabupaten Ciamis",  "Kabupaten Kuningan",
                         "Kabupaten Cirebon", "Kabupaten Majalengka",  "Kabupaten Sumedang"};
  std::string rows = "wilayah,x\n";
  for (int i = 0; i < 11; ++i) rows += std::string(names[i]) + "," + std::to_string(i < 10 ? i + 1 : 100) + "\n";
  const auto fw = framework(framework_text("{outliers: winsorise, winmax: 5, normalise: goalposts, goalposts: [0, 100], range: [0, 100]}"));
  const auto a = siap::assess(fw, load(fw, rows));
  CHECK(value(a, "Kabupaten Sumedang") == 10);
  REQUIRE(a.treatment->indicators.size() == 1);
  CHECK(a.treatment->indicators[0].winsorised == 1);
  CHECK_FALSE(a.treatment->indicators[0].log_transformed);
  // Skewness of 1..10, 100 by e1071 type 2, computed here from its formula.
  std::vector<double> x{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100};
  CHECK(a.treatment->indicators[0].skew_before == Approx(siap::sample_skewness(x)));
  CHECK(siap::sample_skewness(x) > 2);

  // winmax 0: no winsorising allowed, so log_CT of the original:
  // log(x - min + 0.01 (max - min)) = log(x - 1 + 0.99).
  const auto logged = framework(framework_text("{outliers: winsorise, winmax: 0, normalise: goalposts, goalposts: [-10, 10], range: [0, 100]}"));
  const auto b = siap::assess(logged, load(logged, rows));
  CHECK(b.treatment->indicators[0].log_transformed);
  CHECK(value(b, "Kabupaten Sumedang") == Approx((std::log(100 - 1 + 0.99) + 10) / 20 * 100).epsilon(1e-12));
  CHECK(value(b, "Kabupaten Bogor") == Approx((std::log(0.99) + 10) / 20 * 100).epsilon(1e-12));
}

TEST_CASE("sample skewness and kurtosis are e1071's type 2 (COINr skew, kurt)", "[composite]") {
  // By hand for (1, 2, 3, 10): mean 4, deviations (-3, -2, -1, 6): m2 = 50,
  // m3 = -27 - 8 - 1 + 216 = 180, m4 = 81 + 16 + 1 + 1296 = 1394.
  const std::vector<double> x{1, 2, 3, 10};
  const double g1 = std::sqrt(4.0) * 180 / std::pow(50.0, 1.5);
  CHECK(siap::sample_skewness(x) == Approx(g1 * std::sqrt(4.0 * 3) / 2));
  const double r = 4.0 * 1394 / (50.0 * 50);
  CHECK(siap::sample_kurtosis(x) == Approx(((5) * (r - 3) + 6) * 3 / (2.0 * 1)));
  CHECK(std::isnan(siap::sample_skewness({1, 2})));
}

TEST_CASE("aggregation menu: geometric, harmonic and power means (COINr a_gmean, a_hmean, a_genmean)", "[composite][aggregation]") {
  auto text = [](const std::string& aggregation, const std::string& weights) {
    return "schema: siap/framework/v1\n"
           "id: t\n"
           "version: '1'\n"
           "title: {id: T, en: T}\n"
           "status: project-defined\n"
           "input: {kind: units, unit_column: wilayah}\n"
           "score: {min: 1, max: 5, decimals: 2}\n"
           "aggregation: " +
           aggregation +
           "\n"
           "scale: lima\n"
           "scales: [{id: lima, type: ordinal, min: 1, max: 5}]\n"
           "tree:\n"
           "  - {id: a, name: A, weight: " +
           weights.substr(0, 1) + "}\n  - {id: b, name: B, weight: " + weights.substr(1, 1) +
           "}\n  - {id: c, name: C, weight: " + weights.substr(2, 1) + "}\n";
  };
  const std::string rows = "wilayah,a,b,c\nKota Bandung,1,2,3\n";
  auto root = [&](const std::string& aggregation, const std::string& weights) {
    const auto fw = framework(text(aggregation, weights));
    const auto a = siap::assess(fw, load(fw, rows));
    return double(a.exact(a.results[0].nodes[0]).value());
  };
  CHECK(root("{method: geometric}", "111") == Approx(std::cbrt(6.0)).epsilon(1e-15));
  CHECK(root("{method: geometric}", "112") == Approx(std::pow(1 * 2 * 9.0, 0.25)).epsilon(1e-15));
  CHECK(root("{method: harmonic}", "211") == Approx(4 / (2 + 0.5 + 1.0 / 3)).epsilon(1e-15));
  CHECK(root("{method: power, power: -1}", "211") == Approx(4 / (2 + 0.5 + 1.0 / 3)).epsilon(1e-15));
  CHECK(root("{method: power, power: 1}", "111") == Approx(2).epsilon(1e-15));
  CHECK(root("{method: power, power: 2}", "111") == Approx(std::sqrt(14.0 / 3)).epsilon(1e-15));
  // The harmonic mean of exact decimals stays exact: 4 / (17/6) = 24/17.
  const auto fw = framework(text("{method: harmonic}", "211"));
  const auto a = siap::assess(fw, load(fw, rows));
  CHECK(a.exact(a.results[0].nodes[0]).is_exact());
  CHECK(a.exact(a.results[0].nodes[0]) == siap::Number::ratio(24, 17));
}

TEST_CASE("the geometric-mean trap: min-max onto a range starting at 0 is refused, with the fix", "[composite][aggregation]") {
  const auto e = errors(framework_text("{normalise: minmax}", "higher", "aggregation: {method: geometric}\n"));
  REQUIRE(e.size() == 1);
  CHECK(e[0] ==
        "t.yaml:13:5: the geometric mean of 'index' needs positive values, but indicator 'x' is normalised onto [0, 100]; give its treatment "
        "a 'range' starting above 0, for example range: [1, 100] (at tree[0].treatment)");
  CHECK(errors(framework_text("{normalise: minmax, range: [1, 100]}", "higher", "aggregation: {method: geometric}\n")).empty());
  CHECK(errors(framework_text("{normalise: minmax, range: [1, 100]}", "higher", "aggregation: {method: power, power: 0}\n"))
            .front()
            .find("an exponent of 0 is the geometric mean") != std::string::npos);
  CHECK(errors(framework_text("{normalise: minmax, range: [0, 200]}")).front().find("range [0, 200] must lie within the score range [0, 100]") !=
        std::string::npos);
}

TEST_CASE("imputation within the province or the type of region", "[composite]") {
  // Two Jawa Barat units (a kabupaten with 10, a kota missing) and two Jawa
  // Tengah ones (a kabupaten 100, a kota 200).
  const std::string rows = "wilayah,x\nKabupaten Bogor,10\nKota Bandung,\nKabupaten Cilacap,100\nKota Semarang,200\n";
  auto imputed = [&](const char* method) {
    const auto fw = framework(framework_text(std::string("{impute: ") + method + ", normalise: goalposts, goalposts: [0, 1000], range: [0, 100]}"));
    return value(siap::assess(fw, load(fw, rows)), "Kota Bandung");
  };
  // Goalposts [0, 1000] onto [0, 100]: the score is a tenth of the value.
  CHECK(imputed("province_mean") == 1);  // 10: the only other Jawa Barat unit
  CHECK(imputed("province_median") == 1);
  CHECK(imputed("type_mean") == 20);  // 200: the only other kota
  CHECK(imputed("mean") == Approx(31.0 / 3).epsilon(1e-15));
  CHECK(imputed("median") == 10);
}

TEST_CASE("outliers skewed to the left are winsorised at the minimum", "[composite]") {
  // (-1000, 1, ..., 10): skewness < -2, so the minimum is set to the next value, 1.
  const char* names[] = {"Kabupaten Bogor",   "Kabupaten Sukabumi",    "Kabupaten Cianjur", "Kabupaten Bandung",
                         "Kabupaten Garut",   "Kabupaten Tasikmalaya", "Kabupaten Ciamis",  "Kabupaten Kuningan",
                         "Kabupaten Cirebon", "Kabupaten Majalengka",  "Kabupaten Sumedang"};
  std::string rows = "wilayah,x\n";
  for (int i = 0; i < 11; ++i) rows += std::string(names[i]) + "," + (i == 0 ? std::string("-1000") : std::to_string(i)) + "\n";
  const auto fw = framework(framework_text("{outliers: winsorise, normalise: goalposts, goalposts: [-2000, 100], range: [0, 100]}"));
  const auto a = siap::assess(fw, load(fw, rows));
  CHECK(value(a, "Kabupaten Bogor") == Approx((1.0 + 2000) / 2100 * 100).epsilon(1e-15));
  REQUIRE(a.treatment->events.size() == 1);
  CHECK(a.treatment->events[0].kind == siap::TreatmentEvent::Kind::winsorised);
  CHECK(a.treatment->events[0].before == -1000);
  CHECK(a.treatment->events[0].after == 1);
  CHECK(a.treatment->indicators[0].skew_before < -2);
}

TEST_CASE("a denominator from a column of the input: per 1,000 households", "[composite]") {
  const auto fw =
      framework(framework_text("{denominator: {column: rumah_tangga, aliases: [jumlah RT]}, per: 1000, normalise: goalposts, "
                               "goalposts: [0, 100], range: [0, 100]}"));
  // 30 / 1,500 * 1,000 = 20; 18 / 900 * 1,000 = 20; 90 / 1,200 * 1,000 = 75; Kota Bogor has no household count.
  const auto a = siap::assess(fw, load(fw,
                                       "wilayah,x,Jumlah RT\nKabupaten Bogor,30,1500\nKabupaten Bandung,18,900\nKota Bandung,90,1200\n"
                                       "Kota Bogor,10,\n"));
  CHECK(value(a, "Kabupaten Bogor") == 20);
  CHECK(value(a, "Kabupaten Bandung") == 20);
  CHECK(value(a, "Kota Bandung") == 75);
  CHECK(std::isnan(value(a, "Kota Bogor")));
  REQUIRE(a.treatment->events.size() == 1);
  CHECK(a.treatment->events[0].kind == siap::TreatmentEvent::Kind::no_denominator);
  // The column is read, so it is not listed as ignored.
  CHECK(a.data->files[0].ignored_columns.empty());
}

TEST_CASE("a denominator column that is missing, not a number, zero, or twice for a unit is an error naming the cell", "[composite]") {
  const auto fw = framework(framework_text("{denominator: {column: rumah_tangga}, normalise: minmax}"));
  auto errors_of = [&](const std::string& csv) {
    static int counter = 0;
    const std::string path =
        (std::filesystem::temp_directory_path() / ("siap-denominator-" + std::to_string(::getpid()) + "-" + std::to_string(++counter) + ".csv"))
            .string();
    {
      std::ofstream out(path, std::ios::binary);
      out << csv;
    }
    auto data = siap::load_dataset(fw, {path}, {});
    std::remove(path.c_str());
    std::vector<std::string> out;
    if (!data) {
      for (const auto& e : data.errors()) out.push_back(e.render(Lang::en).substr(e.render(Lang::en).find(".csv:") + 4));
    }
    return out;
  };
  CHECK(errors_of("wilayah,x\nKota Bandung,1\n") == std::vector<std::string>{":1:1: the denominator column 'rumah_tangga' is not in this file"});
  CHECK(errors_of("wilayah,x,rumah_tangga\nKota Bandung,1,banyak\n") ==
        std::vector<std::string>{":2:3: the denominator 'rumah_tangga' must be a number greater than 0, found 'banyak'"});
  CHECK(errors_of("wilayah,x,rumah_tangga\nKota Bandung,1,0\n") ==
        std::vector<std::string>{":2:3: the denominator 'rumah_tangga' must be a number greater than 0, found '0'"});
  // A framework of respondents cannot have one.
  std::string respondents = framework_text("{denominator: {column: rumah_tangga}}");
  respondents.replace(respondents.find("kind: units"), 11, "kind: respondents");
  CHECK(errors(respondents).front().find("a denominator column needs input.kind: units (one row per unit)") != std::string::npos);
}
