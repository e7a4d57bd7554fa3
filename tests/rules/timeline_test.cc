#include "rules/timeline.h"

#include <gtest/gtest.h>

#include "tests/rules/compiled.h"

#include <nlohmann/json.hpp>

namespace kh {
namespace {

std::shared_ptr<const TimelineParser> P() { return Compiled<TimelineParser>(); }

std::string Opt(const std::optional<std::string>& s) { return s ? *s : "null"; }

// The examples in rules/timelines.json are the table of this test: every
// field an example names must come out as named, and the fields it leaves
// out must be empty.
TEST(TimelineTest, DataExamples) {
  auto p = P();
  auto data = DefaultRuleData().value();
  ASSERT_GE(data->timelines.examples.size(), 15u);
  for (const PatternExample& e : data->timelines.examples) {
    SCOPED_TRACE(e.text);
    nlohmann::json want = nlohmann::json::parse(e.json);
    Timeline t = p->Parse(e.text, want.value("_year", 0));
    EXPECT_EQ(Opt(t.from), want.value("from", "null"));
    EXPECT_EQ(Opt(t.to), want.value("to", "null"));
    EXPECT_EQ(Opt(t.recurring), want.value("recurring", "null"));
    EXPECT_EQ(Opt(t.condition), want.value("condition", "null"));
    EXPECT_EQ(t.year_inferred, want.value("year_inferred", false));
    EXPECT_EQ(t.parts.size(), want.value("parts", 0u));
    if (want.contains("first_label") && !t.parts.empty()) {
      EXPECT_EQ(t.parts[0].label, want["first_label"].get<std::string>());
    }
  }
}

TEST(TimelineTest, CounterExamplesHaveNoDates) {
  auto p = P();
  auto data = DefaultRuleData().value();
  for (const std::string& text : data->timelines.counter_examples) {
    SCOPED_TRACE(text);
    Timeline t = p->Parse(text, 2025);
    EXPECT_FALSE(t.from);
    EXPECT_FALSE(t.to);
  }
}

TEST(TimelineTest, PartsKeepLabelsAndDates) {
  Timeline t = P()->Parse("Ban hành kế hoạch: Quý I/2025. Thực hiện: Trong năm 2025", 0);
  ASSERT_EQ(t.parts.size(), 2u);
  EXPECT_EQ(t.parts[0].label, "Ban hành kế hoạch");
  EXPECT_EQ(t.parts[0].text, "Quý I/2025");
  EXPECT_EQ(Opt(t.parts[0].to), "2025-03-31");
  EXPECT_EQ(t.parts[1].label, "Thực hiện");
  EXPECT_EQ(Opt(t.parts[1].from), "2025-01-01");
}

TEST(TimelineTest, WordsThatOnlyLookLikeDatesAreNot) {
  auto p = P();
  // "quy định" is not a quarter; "6 tháng" without a half is not a month;
  // an impossible date is no date.
  EXPECT_FALSE(p->Parse("Theo quy định", 2025).from);
  EXPECT_FALSE(p->Parse("Báo cáo định kỳ 6 tháng", 0).from);
  EXPECT_FALSE(p->Parse("31/02/2025", 0).from);
  EXPECT_FALSE(p->Parse("Quý V/2025", 0).from);
}

TEST(TimelineTest, DeadlineAndStart) {
  auto p = P();
  Timeline before = p->Parse("Chậm nhất 30/6/2025", 0);
  EXPECT_FALSE(before.from);
  EXPECT_EQ(Opt(before.to), "2025-06-30");
  Timeline from = p->Parse("Từ ngày 01/7/2025", 0);
  EXPECT_EQ(Opt(from.from), "2025-07-01");
  EXPECT_FALSE(from.to);
}

// Linear: a long cell is read quickly and without error.
TEST(TimelineTest, LongTextIsFine) {
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "Quý I/2025, ";
  Timeline t = P()->Parse(text, 0);
  EXPECT_EQ(Opt(t.to), "2025-03-31");
}

}  // namespace
}  // namespace kh
