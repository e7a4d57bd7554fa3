#include "rules/facts.h"

#include <gtest/gtest.h>

namespace kh {
namespace {

TEST(FactsTest, BodyDisplayName) {
  auto data = DefaultRuleData();
  ASSERT_TRUE(data.ok());
  struct Case { std::string in, out; } cases[] = {
      {"UBND THÀNH PHỐ CẦN THƠ", "Ủy ban nhân dân thành phố Cần Thơ"},
      {"ỦY BAN NHÂN DÂN TỈNH CÀ MAU", "Ủy ban nhân dân tỉnh Cà Mau"},
      {"UỶ BAN NHÂN DÂN TỈNH THANH HOÁ", "Ủy ban nhân dân tỉnh Thanh Hóa"},
      {"SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Sở Giáo dục và Đào tạo"},
      {"BỘ NỘI VỤ", "Bộ Nội vụ"},
      {"TỈNH ỦY CÀ MAU", "Tỉnh ủy Cà Mau"},
      {"BAN CHỈ ĐẠO CẢI CÁCH HÀNH CHÍNH", "Ban chỉ đạo cải cách hành chính"},
  };
  for (const Case& c : cases) EXPECT_EQ(BodyDisplayName(c.in, *data.value()), c.out) << c.in;
}

}  // namespace
}  // namespace kh

namespace kh {
namespace {

// rules/signer.json: each example line gives the name after "=>", each
// counter-example none.
TEST(FactsTest, PersonNameExamplesAndCounterExamples) {
  auto data = DefaultRuleData();
  ASSERT_TRUE(data.ok());
  const RuleData& d = *data.value();
  ASSERT_FALSE(d.signer.examples.empty());
  ASSERT_FALSE(d.signer.ranks.empty());
  for (const std::string& e : d.signer.examples) {
    size_t arrow = e.find(" => ");
    ASSERT_NE(arrow, std::string::npos) << e;
    EXPECT_EQ(PersonName(e.substr(0, arrow), d).value_or("(none)"), e.substr(arrow + 4)) << e;
  }
  for (const std::string& e : d.signer.counter_examples) EXPECT_FALSE(PersonName(e, d).has_value()) << e;
}

}  // namespace
}  // namespace kh
