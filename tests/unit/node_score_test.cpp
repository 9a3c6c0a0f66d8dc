#include <catch2/catch.hpp>
#include <stdexcept>

#include "siap/assessment.hpp"

using siap::Decimal;
using siap::Number;

TEST_CASE("a node's coverage is kept to 4 decimals, rounded half up on the exact share", "[scoring][node-score]") {
  siap::NodeScore s;
  CHECK(s.coverage().to_string() == "0.0000");
  s.set_coverage(Number::ratio(1, 3));
  CHECK(s.coverage().to_string() == "0.3333");
  s.set_coverage(Number::ratio(2, 3));
  CHECK(s.coverage().to_string() == "0.6667");
  s.set_coverage(Number::ratio(1, 20'000));  // 0.00005 exactly: a tie, up
  CHECK(s.coverage().to_string() == "0.0001");
  s.set_coverage(Number::ratio(19'999, 20'000));  // 0.99995: up to a full 1.0000
  CHECK(s.full_coverage());
  s.set_coverage(Number::ratio(99'989, 100'000));  // 0.99989: stays below
  CHECK_FALSE(s.full_coverage());
  CHECK(s.coverage().to_string() == "0.9999");
  s.set_coverage(Number::of(1));
  CHECK(s.full_coverage());
  CHECK(s.coverage() == Decimal::from_int(1));
  CHECK_THROWS_AS(s.set_coverage(Number::ratio(10'001, 10'000)), std::logic_error);
  CHECK_THROWS_AS(s.set_coverage(Number::ratio(-1, 10'000)), std::logic_error);
}

TEST_CASE("a node's percent is its published value's place in the score range, to the published decimals", "[scoring][node-score]") {
  siap::ScoreSpec spec;  // 1..5, 2 decimals
  siap::NodeScore s;
  s.assessed = true;
  s.published = *Decimal::parse("3.38");
  CHECK_FALSE(s.percent(spec).has_value());  // only when the framework asks for it
  spec.percent = true;
  CHECK(s.percent(spec)->to_string() == "59.50");  // (3.38 - 1) / 4 = 0.595
  s.published = *Decimal::parse("1.01");
  CHECK(s.percent(spec)->to_string() == "0.25");  // 0.0025 exactly
  s.published = *Decimal::parse("1.03");
  CHECK(s.percent(spec)->to_string() == "0.75");
  spec.decimals = 1;
  s.published = *Decimal::parse("1.1");
  CHECK(s.percent(spec)->to_string() == "2.5");  // 0.025 exactly
  s.published = *Decimal::parse("1.3");
  CHECK(s.percent(spec)->to_string() == "7.5");
  spec.decimals = 0;
  s.published = *Decimal::parse("3");
  CHECK(s.percent(spec)->to_string() == "50");
  s.published = *Decimal::parse("1.1");
  CHECK(s.percent(spec)->to_string() == "3");  // 2.5 exactly: a tie, up
  spec = {Decimal::from_int(0), Decimal::from_int(3), 2, true};
  s.published = Decimal::from_int(1);
  CHECK(s.percent(spec)->to_string() == "33.33");
  s.published = Decimal::from_int(2);
  CHECK(s.percent(spec)->to_string() == "66.67");
  s.assessed = false;
  CHECK_FALSE(s.percent(spec).has_value());  // Tidak Dapat Dinilai has none
}

TEST_CASE("a node score stays within 64 bytes", "[scoring][node-score]") {
  // A national unit sheet keeps one per node kept and unit: 238,000 units of
  // the evaluation sheet keep 1.7 million (docs/performance.md).
  STATIC_REQUIRE(sizeof(siap::NodeScore) <= 64);
}
