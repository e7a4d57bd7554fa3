#include "rules/rule_data.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include "normalizer/normalizer.h"

namespace kh {
namespace {

std::shared_ptr<const RuleData> Data() {
  auto r = DefaultRuleData();
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.value();
}

TEST(RuleDataTest, EmbeddedCopyEqualsTheFiles) {
  auto disk = LoadRuleData(std::string(KEHOACH_SOURCE_DIR) + "/rules");
  ASSERT_TRUE(disk.ok()) << disk.status().message();
  auto mem = Data();
  EXPECT_EQ(disk.value()->reference.regex, mem->reference.regex);
  EXPECT_EQ(disk.value()->doc_types.size(), mem->doc_types.size());
  EXPECT_EQ(disk.value()->provinces.size(), mem->provinces.size());
}

TEST(RuleDataTest, MissingDirectoryIsAnError) {
  auto r = LoadRuleData("/nonexistent/rules");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("doc_types.json"), std::string::npos);
}

TEST(RuleDataTest, Lookups) {
  auto d = Data();
  EXPECT_EQ(d->TypeByWord("quyet dinh")->id, "quyet_dinh");
  EXPECT_EQ(d->TypeByCode("nd")->id, "nghi_dinh");
  EXPECT_EQ(d->IssuerByCode("qh15")->body, "Quốc hội");
  EXPECT_EQ(d->IssuerByCode("ttg")->display, "TTg");
  EXPECT_EQ(d->IssuerByCode("qhx"), nullptr);
  EXPECT_EQ(d->ProvinceByName("can tho")->level, "thành phố");
  size_t len = 0;
  EXPECT_EQ(d->ProvinceAtStart("ca mau ve viec", &len)->name, "Cà Mau");
  EXPECT_EQ(len, 6u);
  EXPECT_EQ(d->ProvinceAtStart("ca mauxyz", &len), nullptr);
  EXPECT_EQ(d->BodyByAlias("ubnd")->name, "Ủy ban nhân dân");
}

// A body's first words (issuers.json body_heads): every example starts with
// one, no counter-example does.
TEST(RuleDataTest, BodyHeadsExamplesAndCounterExamples) {
  auto d = Data();
  ASSERT_GE(d->body_heads.examples.size(), 3u);
  for (const std::string& e : d->body_heads.examples) EXPECT_TRUE(d->StartsWithBody(Fold(NormalizeString(e)))) << e;
  for (const std::string& c : d->body_heads.counter_examples) EXPECT_FALSE(d->StartsWithBody(Fold(NormalizeString(c)))) << c;
}

// Every example of the small patterns must match on its folded form; no
// counter-example may.
TEST(RuleDataTest, PatternExamplesAndCounterExamples) {
  auto d = Data();
  for (const PatternSpec* spec : {&d->list_head, &d->named_head, &d->date, &d->issuer, &d->list_separator}) {
    RE2 re(spec->regex);
    ASSERT_TRUE(re.ok()) << re.error();
    ASSERT_FALSE(spec->examples.empty());
    for (const PatternExample& e : spec->examples)
      EXPECT_TRUE(RE2::PartialMatch(Fold(NormalizeString(e.text)), re)) << spec->regex << " on '" << e.text << "'";
    for (const std::string& c : spec->counter_examples)
      EXPECT_FALSE(RE2::PartialMatch(Fold(NormalizeString(c)), re)) << spec->regex << " on '" << c << "'";
  }
}

}  // namespace
}  // namespace kh
