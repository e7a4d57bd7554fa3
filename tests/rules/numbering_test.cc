#include "rules/numbering.h"

#include <gtest/gtest.h>

namespace kh {
namespace {

TEST(NumberingTest, RomanValue) {
  EXPECT_EQ(RomanValue("I"), 1);
  EXPECT_EQ(RomanValue("IV"), 4);
  EXPECT_EQ(RomanValue("iv"), 4);
  EXPECT_EQ(RomanValue("XIV."), 14);
  EXPECT_EQ(RomanValue("XL)"), 40);
  EXPECT_EQ(RomanValue("IIII"), 0);  // not the usual spelling
  EXPECT_EQ(RomanValue("VX"), 0);
  EXPECT_EQ(RomanValue("Iv"), 0);    // mixed case
  EXPECT_EQ(RomanValue("CÓ"), 0);
  EXPECT_EQ(RomanValue(""), 0);
  EXPECT_TRUE(IsRoman("II"));
  EXPECT_FALSE(IsRoman("ii"));  // parts and groups are numbered in capitals
}

TEST(NumberingTest, NumberLevel) {
  EXPECT_EQ(NumberLevel("A"), 0);
  EXPECT_EQ(NumberLevel("II."), 1);
  EXPECT_EQ(NumberLevel("2"), 2);
  EXPECT_EQ(NumberLevel("2.1"), 3);
  EXPECT_EQ(NumberLevel("2.1.3."), 4);
  EXPECT_EQ(NumberLevel("a)"), 5);
}

TEST(NumberingTest, SplitNumber) {
  EXPECT_EQ(SplitNumber("1. Cải cách thể chế").number, "1.");
  EXPECT_EQ(SplitNumber("1. Cải cách thể chế").text, "Cải cách thể chế");
  EXPECT_EQ(SplitNumber("II CẢI CÁCH THỦ TỤC").number, "II");
  EXPECT_EQ(SplitNumber("a) Rà soát").number, "a)");
  EXPECT_EQ(SplitNumber("Có ít nhất").number, "");       // a word, not a number
  EXPECT_EQ(SplitNumber("IIII. Sai").number, "");        // not a Roman numeral
  EXPECT_EQ(SplitNumber("Rà soát thủ tục").text, "Rà soát thủ tục");
}

// The one reader: a heading's level in the outline and a quarter's number in
// a timeline come from the same Roman numerals.
TEST(NumberingTest, ReadMarkerTakesOnlyRomanNumerals) {
  EXPECT_EQ(ReadMarker("IV. NHIỆM VỤ").level, 1);
  EXPECT_EQ(ReadMarker("IIII. NHIỆM VỤ").level, 0);
  EXPECT_EQ(ReadMarker("1.2. Rà soát").level, 3);
  EXPECT_EQ(ReadMarker("1.2. Rà soát").length, 5u);
}

}  // namespace
}  // namespace kh
