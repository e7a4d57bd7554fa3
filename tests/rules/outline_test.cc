#include "rules/outline.h"

#include <gtest/gtest.h>

namespace kh {
namespace {

TEST(OutlineTest, ReadMarker) {
  struct Case {
    const char* text;
    int level;
    size_t length;
  } cases[] = {
      {"I. MỤC TIÊU", 1, 3},
      {"IV. TỔ CHỨC THỰC HIỆN", 1, 4},
      {"2. Các chỉ tiêu chủ yếu đến năm 2030", 2, 3},
      {"2) Chỉ tiêu", 2, 3},
      {"1.1 Thực hiện theo Kế hoạch", 3, 4},
      {"1.2. Rà soát", 3, 5},
      {"1.2.3. Chi tiết", 4, 7},
      {"a) Về cải cách thể chế", 6, 3},
      {"đ) Về cải cách tài chính công", 6, 4},
      {"- 100% TTHC", 7, 2},
      {"+ nội dung", 7, 2},
      {"100% thủ tục hành chính", 0, 0},
      {"2019 là năm", 0, 0},
      {"In. ấn", 0, 0},
      {"Các chỉ tiêu", 0, 0},
      {"ISO 9001", 0, 0},
  };
  for (const Case& c : cases) {
    Marker m = ReadMarker(c.text);
    EXPECT_EQ(m.level, c.level) << c.text;
    EXPECT_EQ(m.length, c.length) << c.text;
  }
}

TEST(OutlineTest, PathOfNestedHeadings) {
  Outline o;
  EXPECT_TRUE(o.Step("I. MỤC TIÊU", true).empty());
  EXPECT_EQ(Outline::Titles(o.Step("2. Các chỉ tiêu chủ yếu đến năm 2030", false)),
            (std::vector<std::string>{"I. MỤC TIÊU"}));
  o.Step("a) Về cải cách thể chế", false);
  std::vector<std::string> want = {"I. MỤC TIÊU", "2. Các chỉ tiêu chủ yếu đến năm 2030", "a) Về cải cách thể chế"};
  EXPECT_EQ(Outline::Titles(o.Step("- 100% TTHC được công bố.", false)), want);
  // a list item is never a heading: the next item has the same path
  EXPECT_EQ(Outline::Titles(o.Step("- Nội dung khác.", false)), want);
  // a sibling letter closes a), a new Roman part closes everything
  EXPECT_EQ(Outline::Titles(o.Step("b) Về cải cách TTHC", false)).size(), 2u);
  EXPECT_TRUE(Outline::Titles(o.Step("II. NHIỆM VỤ", true)).empty());
}

TEST(OutlineTest, LongItemIsNotAHeading) {
  Outline o;
  o.Step("I. MỤC TIÊU", true);
  o.Step("d) 100% thủ tục hành chính thuộc thẩm quyền giải quyết của Sở được triển khai dịch vụ công trực tuyến "
         "toàn trình và dịch vụ công trực tuyến một phần.", false);
  EXPECT_EQ(Outline::Titles(o.Step("Nội dung tiếp theo", false)), (std::vector<std::string>{"I. MỤC TIÊU"}));
}

TEST(OutlineTest, LeadInIsContextNotShown) {
  Outline o;
  o.Step("I. MỤC TIÊU", true);
  o.Step("Phấn đấu đến cuối năm 2019, Sở đạt các mục tiêu sau:", false);
  std::vector<OutlineEntry> ctx = o.Step("1. Cải cách thủ tục hành chính", true);
  ASSERT_EQ(ctx.size(), 2u);
  EXPECT_FALSE(ctx[1].shown);
  EXPECT_EQ(Outline::Titles(ctx), (std::vector<std::string>{"I. MỤC TIÊU"}));
  // the lead-in lives until its section closes
  EXPECT_EQ(o.Step("a) 100% TTHC", false).size(), 3u);
  EXPECT_TRUE(o.Step("II. NHIỆM VỤ", true).empty());
}

TEST(OutlineTest, LongHeadingIsShortened) {
  Outline o;
  std::string longest = "1. " + std::string(300, 'x');
  o.Step(longest, true);
  auto ctx = o.Step("text", false);
  ASSERT_EQ(ctx.size(), 1u);
  EXPECT_LT(ctx[0].title.size(), 120u);
  EXPECT_EQ(ctx[0].title.substr(ctx[0].title.size() - 3), "…");
}

}  // namespace
}  // namespace kh
