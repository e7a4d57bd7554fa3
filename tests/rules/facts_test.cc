#include "rules/facts.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace kh {
namespace {

// issuers.json "abbreviations": each example's printed name gives its
// display name; no counter-example gets a spelt-out form.
TEST(FactsTest, AbbreviationsInBodyNamesAreSpeltOut) {
  auto data = DefaultRuleData();
  ASSERT_TRUE(data.ok());
  const auto& ab = data.value()->body_abbreviations;
  ASSERT_FALSE(ab.examples.empty());
  for (const std::string& e : ab.examples) {
    size_t arrow = e.find(" => ");
    ASSERT_NE(arrow, std::string::npos) << e;
    EXPECT_EQ(BodyDisplayName(e.substr(0, arrow), *data.value()), e.substr(arrow + 4));
  }
  for (const std::string& c : ab.counter_examples)
    for (const auto& w : ab.words) EXPECT_EQ(BodyDisplayName(c, *data.value()).find(w.second), std::string::npos) << c;
}

// signer.json "chairs": every example line ends with a chair's role in
// capitals, no counter-example does.
TEST(FactsTest, ChairRoleExamplesAndCounterExamples) {
  auto data = DefaultRuleData();
  ASSERT_TRUE(data.ok());
  const auto& s = data.value()->signer;
  ASSERT_FALSE(s.chair_examples.empty());
  for (const std::string& e : s.chair_examples) EXPECT_GT(ChairRoleWords(e, *data.value()), 0u) << e;
  for (const std::string& c : s.chair_counter_examples) EXPECT_EQ(ChairRoleWords(c, *data.value()), 0u) << c;
}

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
      {"BAN CHỈ ĐẠO CẢI CÁCH HÀNH CHÍNH", "Ban Chỉ đạo cải cách hành chính"},
      {"CỤC CẢNH SÁT ĐIỀU TRA TỘI PHẠM VỀ MA TUÝ", "Cục Cảnh sát điều tra tội phạm về ma túy"},
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

namespace kh {
namespace {

// rules/received_stamp.json: each example's body, number and date (null:
// not legible), and no stamp from each counter-example.
TEST(FactsTest, ReceivedStampExamplesAndCounterExamples) {
  auto data = DefaultRuleData();
  ASSERT_TRUE(data.ok());
  const RuleData& d = *data.value();
  nlohmann::json j = nlohmann::json::parse(d.received_stamp.examples_json);
  ASSERT_FALSE(j["examples"].empty());
  auto opt = [](const std::optional<std::string>& s) { return s ? nlohmann::json(*s) : nlohmann::json(nullptr); };
  for (const nlohmann::json& e : j["examples"]) {
    std::optional<DocumentFacts::Received> r = ReadReceivedStamp(e["text"], d);
    ASSERT_TRUE(r.has_value()) << e["text"];
    EXPECT_EQ(opt(r->body), e["body"]) << e["text"];
    EXPECT_EQ(opt(r->number), e["number"]) << e["text"];
    EXPECT_EQ(opt(r->date), e["date"]) << e["text"];
  }
  for (const nlohmann::json& e : j["counter_examples"]) EXPECT_FALSE(ReadReceivedStamp(e, d).has_value()) << e;
}

}  // namespace
}  // namespace kh
