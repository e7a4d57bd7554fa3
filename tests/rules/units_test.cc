#include "rules/units.h"

#include <gtest/gtest.h>

namespace kh {
namespace {

UnitSplitter S() { return UnitSplitter(DefaultRuleData().value()); }

std::string Join(const std::vector<std::string>& v) {
  std::string s;
  for (const std::string& x : v) s += "[" + x + "]";
  return s;
}

// The examples in rules/task_tables.json are the table of this test.
TEST(UnitsTest, DataExamples) {
  auto data = DefaultRuleData().value();
  ASSERT_GE(data->task_tables.unit_examples.size(), 8u);
  UnitSplitter s = S();
  for (const auto& [text, units] : data->task_tables.unit_examples) {
    SCOPED_TRACE(text);
    EXPECT_EQ(Join(s.Split(text)), Join(units));
  }
}

// Each counter-example names one unit, however many commas or "và" it has.
TEST(UnitsTest, CounterExamplesStayOneUnit) {
  auto data = DefaultRuleData().value();
  UnitSplitter s = S();
  for (const std::string& text : data->task_tables.unit_counter_examples) {
    SCOPED_TRACE(text);
    EXPECT_EQ(s.Split(text).size(), 1u) << Join(s.Split(text));
  }
}

TEST(UnitsTest, EmptyCellHasNoUnits) {
  EXPECT_TRUE(S().Split("").empty());
  EXPECT_TRUE(S().Split("  ;  ").empty());
}

TEST(UnitsTest, UnitWords) {
  UnitSplitter s = S();
  EXPECT_TRUE(s.StartsWithUnitWord("Sở Y tế"));
  EXPECT_TRUE(s.StartsWithUnitWord("BHXH tỉnh"));
  EXPECT_TRUE(s.StartsWithUnitWord("các phòng"));
  EXPECT_FALSE(s.StartsWithUnitWord("ban, ngành"));
  EXPECT_FALSE(s.StartsWithUnitWord("Thể thao và Du lịch"));
  EXPECT_FALSE(s.StartsWithUnitWord("Sởi"));  // a word, not the head "Sở"
}

}  // namespace
}  // namespace kh
