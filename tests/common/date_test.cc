#include "common/date.h"

#include <gtest/gtest.h>

namespace kh {
namespace {

// One checker for every date of the code base: 31/02, 29/02 of a common
// year, month 13, day 0 and years out of range are no dates.
TEST(DateTest, OnlyDaysOfTheCalendarAreDates) {
  EXPECT_TRUE(Date::Make(2024, 2, 29).has_value());
  EXPECT_FALSE(Date::Make(2025, 2, 29).has_value());
  EXPECT_FALSE(Date::Make(2025, 2, 31).has_value());
  EXPECT_FALSE(Date::Make(2025, 4, 31).has_value());
  EXPECT_FALSE(Date::Make(2025, 13, 1).has_value());
  EXPECT_FALSE(Date::Make(2025, 12, 0).has_value());
  EXPECT_FALSE(Date::Make(1899, 12, 31).has_value());
  EXPECT_FALSE(Date::Make(2101, 1, 1).has_value());
  EXPECT_TRUE(Date::Make(2000, 2, 29).has_value());   // a leap year of four hundred
  EXPECT_FALSE(Date::Make(1900, 2, 29).has_value());  // a century, no leap year
}

TEST(DateTest, IsoBothWays) {
  EXPECT_EQ(Date::Make(2025, 3, 1)->Iso(), "2025-03-01");
  ASSERT_TRUE(Date::FromIso("2025-12-25T10:00:00+07:00").has_value());
  EXPECT_EQ(*Date::FromIso("2025-12-25T10:00:00+07:00"), (Date{2025, 12, 25}));
  for (const char* bad : {"", "2025-02-30", "2025-1-05", "20251205", "2025-12-2x", "abcd-ef-gh"})
    EXPECT_FALSE(Date::FromIso(bad).has_value()) << bad;
}

TEST(DateTest, OrderAndTheNextDay) {
  EXPECT_LT((Date{2024, 12, 31}), (Date{2025, 1, 1}));
  EXPECT_EQ((Date{2024, 12, 31}.Next()), (Date{2025, 1, 1}));
  EXPECT_EQ((Date{2024, 2, 28}.Next()), (Date{2024, 2, 29}));
  EXPECT_EQ((Date{2025, 2, 28}.Next()), (Date{2025, 3, 1}));
  EXPECT_EQ(Date::EndOfMonth(2025, 2), (Date{2025, 2, 28}));
}

}  // namespace
}  // namespace kh
