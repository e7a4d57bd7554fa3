#include "rules/signature_box.h"

#include <gtest/gtest.h>

namespace kh {
namespace {

const RuleData& Rules() {
  static std::shared_ptr<const RuleData> data = [] {
    Result<std::shared_ptr<const RuleData>> d = LoadRuleData(KEHOACH_SOURCE_DIR "/rules");
    EXPECT_TRUE(d.ok()) << d.status().message();
    return d.ok() ? d.value() : std::make_shared<RuleData>();
  }();
  return *data;
}

TEST(SignatureBoxTest, LabelExamplesAndCounterExamples) {
  const std::vector<SignatureLabel>& rules = Rules().signature_labels;
  ASSERT_EQ(rules.size(), 4u);
  for (const SignatureLabel& r : rules) {
    for (const std::string& e : r.examples) EXPECT_EQ(MatchSignatureLabel(rules, e, nullptr), r.field) << e;
    for (const std::string& e : r.counter_examples) EXPECT_EQ(MatchSignatureLabel(rules, e, nullptr), "") << e;
  }
  std::string value;
  EXPECT_EQ(MatchSignatureLabel(rules, "Ký bởi : Ủy ban nhân dân tỉnh Quảng Ngãi", &value), "signer");
  EXPECT_EQ(value, "Ủy ban nhân dân tỉnh Quảng Ngãi");
}

TEST(SignatureBoxTest, Times) {
  EXPECT_EQ(SignatureTime("03/02/2025 10:47:25"), "2025-02-03T10:47:25");
  EXPECT_EQ(SignatureTime("27.12.2021 17:22:11 +07:00"), "2021-12-27T17:22:11+07:00");
  EXPECT_EQ(SignatureTime("2025-10-02T16:24:01+07:00"), "2025-10-02T16:24:01+07:00");
  EXPECT_EQ(SignatureTime("3/2/2025 9:07:05 +0700"), "2025-02-03T09:07:05+07:00");
  EXPECT_EQ(SignatureTime("ngày 03 tháng 02"), "");
  EXPECT_EQ(SignatureTime("13/31/2025 10:00:00"), "");
}

Word At(const std::string& text, double x, double y) {
  Word w;
  w.text = text;
  w.box = {x, y, x + 6.0 * text.size(), y + 8};
  return w;
}

RawPage Page(const std::vector<std::vector<std::string>>& lines, double x, double y) {
  RawPage p;
  p.number = 1;
  p.width = 595;
  p.height = 842;
  for (size_t i = 0; i < lines.size(); ++i) {
    double at = x;
    for (const std::string& t : lines[i]) {
      p.words.push_back(At(t, at, y + 9.0 * i));
      at += 6.0 * t.size() + 3;
    }
  }
  return p;
}

// r18's second box, as its page image shows it: the signer's value wraps.
TEST(SignatureBoxTest, ReadsABoxWithAWrappedValue) {
  RawPage p = Page({{"Người", "ký:", "Trung", "tâm"},
                    {"Công", "báo", "và", "Tin", "học"},
                    {"Email:"},
                    {"ttcbth@quangngai.gov.vn"},
                    {"Cơ", "quan:", "Văn", "phòng", "Ủy"},
                    {"ban", "Nhân", "dân,", "Tỉnh"},
                    {"Quảng", "Ngãi"},
                    {"Thời", "gian", "ký:", "27.12.2021", "19:38:13", "+07:00"}},
                   250, 10);
  // The body of the page, far below: not part of it.
  p.words.push_back(At("Cơ", 100, 400));
  p.words.push_back(At("quan:", 120, 400));
  p.words.push_back(At("Sở", 160, 400));
  std::vector<Signature> s = ReadSignatureBoxes(p, Rules().signature_labels);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].signer, "Trung tâm Công báo và Tin học");
  EXPECT_EQ(s[0].email, "ttcbth@quangngai.gov.vn");
  EXPECT_EQ(s[0].organisation, "Văn phòng Ủy ban Nhân dân, Tỉnh Quảng Ngãi");
  EXPECT_EQ(s[0].time, "2021-12-27T19:38:13+07:00");
  EXPECT_TRUE(s[0].visible);
  EXPECT_FALSE(s[0].field);
  EXPECT_EQ(s[0].page, 1);
  EXPECT_LT(s[0].box.y1, 90);
  EXPECT_EQ(s[1].organisation, "Sở");  // a label far away starts a box of its own
}

TEST(SignatureBoxTest, ABoxCompletesTheFieldItLiesOn) {
  Signature field;
  field.field = true;
  field.signer = "Ủy ban nhân dân tỉnh Quảng Ngãi";
  field.time = "2024-11-26T03:40:48Z";
  field.page = 1;
  field.box = {372, 1, 589, 45};
  Signature on = field, elsewhere;
  on.field = false, on.visible = true;
  on.signer = "Ủy ban nhân dân tỉnh Quảng Ngãi (box)";
  on.organisation = "Tỉnh Quảng Ngãi";
  on.time = "2024-11-26T10:40:48";
  on.box = {380, 5, 580, 40};
  elsewhere.visible = true;
  elsewhere.page = 2;
  elsewhere.signer = "SAO Y";
  std::vector<Signature> m = MergeSignatures({field}, {on, elsewhere});
  ASSERT_EQ(m.size(), 2u);
  EXPECT_TRUE(m[0].field && m[0].visible);
  EXPECT_EQ(m[0].signer, "Ủy ban nhân dân tỉnh Quảng Ngãi");  // the certificate's
  EXPECT_EQ(m[0].time, "2024-11-26T03:40:48Z");
  EXPECT_EQ(m[0].organisation, "Tỉnh Quảng Ngãi");
  EXPECT_FALSE(m[1].field);
  EXPECT_EQ(m[1].page, 2);
}

}  // namespace
}  // namespace kh
