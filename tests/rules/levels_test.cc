#include "rules/levels.h"

#include <gtest/gtest.h>

namespace kh {
namespace {

const RuleData& D() { return *DefaultRuleData().value(); }

TEST(LevelsTest, FoundInFoldedWords) {
  std::vector<std::string> w = {"uy", "ban", "nhan", "dan", "thanh", "pho", "can", "tho"};
  EXPECT_EQ(LevelAt(w, 4, D()), 2u);
  EXPECT_EQ(LevelAt(w, 5, D()), 0u);  // "pho" alone is no level
  EXPECT_EQ(LevelAt({"thi", "xa", "bim", "son"}, 0, D()), 2u);
  EXPECT_EQ(LevelAt({"thi"}, 0, D()), 0u);
  EXPECT_EQ(LevelAt({"tinh"}, 0, D()), 1u);
}

// Spelt as it is, whatever OCR made of the marks: the issuer of a scan read
// as "Ủy ban nhân dân tinh Quảng Ngãi" comes out with "tỉnh" (r19, r25).
TEST(LevelsTest, DisplayedWithTheirMarks) {
  EXPECT_EQ(LevelDisplay("tinh", D()), "tỉnh");
  EXPECT_EQ(LevelDisplay("thanh pho", D()), "thành phố");
  EXPECT_EQ(LevelDisplay("tp", D()), "thành phố");
  EXPECT_EQ(LevelDisplay("thi tran", D()), "thị trấn");
  EXPECT_EQ(LevelDisplay("xa", D()), "xã");
  EXPECT_EQ(LevelDisplay("ban", D()), "ban");
  EXPECT_EQ(LevelDisplay("dac khu", D()), "đặc khu");  // since 2025-07-01
}

}  // namespace
}  // namespace kh
