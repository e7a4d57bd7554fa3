#include "rules/levels.h"

#include <gtest/gtest.h>

namespace kh {
namespace {

TEST(LevelsTest, FoundInFoldedWords) {
  std::vector<std::string> w = {"uy", "ban", "nhan", "dan", "thanh", "pho", "can", "tho"};
  EXPECT_EQ(LevelAt(w, 4), 2u);
  EXPECT_EQ(LevelAt(w, 5), 0u);  // "pho" alone is no level
  EXPECT_EQ(LevelAt({"thi", "xa", "bim", "son"}, 0), 2u);
  EXPECT_EQ(LevelAt({"thi"}, 0), 0u);
  EXPECT_EQ(LevelAt({"tinh"}, 0), 1u);
}

// Spelt as it is, whatever OCR made of the marks: the issuer of a scan read
// as "Ủy ban nhân dân tinh Quảng Ngãi" comes out with "tỉnh" (r19, r25).
TEST(LevelsTest, DisplayedWithTheirMarks) {
  EXPECT_EQ(LevelDisplay("tinh"), "tỉnh");
  EXPECT_EQ(LevelDisplay("thanh pho"), "thành phố");
  EXPECT_EQ(LevelDisplay("tp"), "thành phố");
  EXPECT_EQ(LevelDisplay("thi tran"), "thị trấn");
  EXPECT_EQ(LevelDisplay("xa"), "xã");
  EXPECT_EQ(LevelDisplay("ban"), "ban");
}

}  // namespace
}  // namespace kh
