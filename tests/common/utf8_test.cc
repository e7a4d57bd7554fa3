#include "common/utf8.h"

#include <gtest/gtest.h>

namespace kh {
namespace {

TEST(Utf8Test, DecodesAndEncodesRoundTrip) {
  const std::string s = "Ủy ban Đ ư ₫ 𝄞";
  std::string out;
  size_t i = 0;
  while (i < s.size()) utf8::Append(utf8::Next(s, &i), &out);
  EXPECT_EQ(out, s);
}

TEST(Utf8Test, InvalidBytesBecomeReplacementOneByteAtATime) {
  struct Case { std::string in; size_t count; } cases[] = {
      {"\xff", 1}, {"a\xc3", 2}, {"\xe1\xbb", 2}, {"\xc0\xaf", 2} /* overlong */, {"\xed\xa0\x80", 3} /* surrogate */};
  for (const Case& c : cases) {
    size_t i = 0, n = 0;
    while (i < c.in.size()) {
      utf8::Next(c.in, &i);
      ++n;
    }
    EXPECT_EQ(n, c.count) << c.in;
    EXPECT_FALSE(utf8::IsValid(c.in));
  }
  EXPECT_TRUE(utf8::IsValid("Kế hoạch \xEF\xBF\xBD"));
}

// Edits in code points, not bytes: "Lâm Đông" is one edit from "Lâm Đồng".
TEST(Utf8Test, EditDistanceInCodePoints) {
  EXPECT_EQ(utf8::EditDistance("", ""), 0u);
  EXPECT_EQ(utf8::EditDistance("tir", "ttr"), 1u);
  EXPECT_EQ(utf8::EditDistance("Lâm Đông", "Lâm Đồng"), 1u);
  EXPECT_EQ(utf8::EditDistance("quang ngai", "quang ngal"), 1u);
  EXPECT_EQ(utf8::EditDistance("abc", ""), 3u);
  EXPECT_EQ(utf8::EditDistance("kitten", "sitting"), 3u);
  // Counting stops past the limit.
  EXPECT_EQ(utf8::EditDistance("kitten", "sitting", 1), 2u);
  EXPECT_EQ(utf8::EditDistance("a", "abcdefghijk", 2), 3u);
}

}  // namespace
}  // namespace kh
