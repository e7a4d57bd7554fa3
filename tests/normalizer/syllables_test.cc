#include "normalizer/syllables.h"

#include <gtest/gtest.h>

#include "normalizer/normalizer.h"
#include "rules/rule_data.h"

namespace kh {
namespace {

SyllableSet Built() {
  auto data = DefaultRuleData();
  EXPECT_TRUE(data.ok()) << data.status().message();
  return data.ok() ? SyllableSet(data.value()->syllables.onsets, data.value()->syllables.rhymes) : SyllableSet();
}

// Every example of rules/syllables.json is a syllable, no counter-example is.
TEST(SyllablesTest, DataExamples) {
  auto data = DefaultRuleData();
  ASSERT_TRUE(data.ok());
  SyllableSet set = Built();
  ASSERT_FALSE(data.value()->syllables.examples.empty());
  for (const std::string& w : data.value()->syllables.examples) EXPECT_TRUE(set.Contains(w)) << w;
  for (const std::string& w : data.value()->syllables.counter_examples) EXPECT_FALSE(set.Contains(w)) << w;
}

TEST(SyllablesTest, ToneMarksAsideAtMostOne) {
  SyllableSet set = Built();
  EXPECT_EQ(StripTones("Tiếng Việt"), "Tiêng Viêt");
  EXPECT_EQ(StripTones("hoạch"), "hoach");
  int tones = 0;
  StripTones("ả\xCC\x81", &tones);  // a hook above and an acute on one letter
  EXPECT_EQ(tones, 2);
  EXPECT_FALSE(set.Contains("ả\xCC\x81"));
  EXPECT_TRUE(set.Contains("o\xCC\x82\xCC\xA3"));  // "ộ" decomposed
  EXPECT_TRUE(set.Contains("QUYẾT"));
}

// The share over a line of a real page and over the junk a scanner's OCR
// without Vietnamese left on one (r26 of ../shared/real, page 1).
// r23: OCR read the issuer line at a cut page edge as "CÔNG ANTỈNHLÂMĐỎNG".
TEST(SyllablesTest, SplitsARunOfSyllables) {
  SyllableSet set = Built();
  EXPECT_EQ(set.Split("ANTỈNHLÂMĐỎNG"), (std::vector<std::string>{"AN", "TỈNH", "LÂM", "ĐỎNG"}));
  EXPECT_EQ(set.Split("QUẢNGNGÃI"), (std::vector<std::string>{"QUẢNG", "NGÃI"}));
  EXPECT_TRUE(set.Split("NGHIÊNG").empty());  // one syllable
  EXPECT_TRUE(set.Split("UBND").empty());     // no run of them
  EXPECT_TRUE(set.Split("").empty());
}

TEST(SyllablesTest, ShareTellsVietnameseFromJunk) {
  SyllableSet set = Built();
  std::vector<std::string> real = {"Căn", "cứ", "Công", "văn", "số", "857/SVHTTDL-VP", "ngày", "14/4/2025", "của",
                                   "Sở", "Văn", "hoá,", "Thể", "thao", "và", "Du", "lịch", "tỉnh", "(TTHC);"};
  std::vector<std::string> junk = {"BCH", "DOAN", "]'iNII'I'IEN", "GIAN(;", "***", "Sii:ang-CY", "ITDTN-XDD", "Tiin",
                                   "Giang'", "nsdvJl", "thdng", "1", "ndn", "2025"};
  SyllableSet::Count r = set.Share(real), j = set.Share(junk);
  EXPECT_EQ(r.words, 18);  // the date is a number, not a word
  EXPECT_GE(r.share(), 0.85);
  EXPECT_LE(j.share(), 0.35);
}

}  // namespace
}  // namespace kh
