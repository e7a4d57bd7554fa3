#include "normalizer/normalizer.h"

#include <gtest/gtest.h>

#include "tests/support/guard_inputs.h"

#include "common/utf8.h"

namespace kh {
namespace {

TEST(NormalizerTest, CanonicalToneAndSpaces) {
  struct Case { std::string in, out; } cases[] = {
      {"Uỷ ban nhân dân", "Ủy ban nhân dân"},
      {"hoà bình, khoẻ mạnh, thuỷ lợi", "hòa bình, khỏe mạnh, thủy lợi"},
      {"Ủy ban", "Ủy ban"},                       // already canonical
      {"hoàn thành, thuyết minh", "hoàn thành, thuyết minh"},  // closed syllables unchanged
      {"quý I, quỹ", "quý I, quỹ"},               // "qu" keeps the tone on the next vowel
      {"khuya, ngoài", "khuya, ngoài"},           // three vowels: untouched
      {"Ho\xCC\x80" "a", "Hòa"},                     // decomposed old-style input
      {"Quye\xCC\x82\xCC\x81" "t", "Quyết"},         // decomposed: NFC
      {"a\xC2\xA0\tb", "a b"},                    // NBSP and tab
      {"so\xC2\xAD" "sánh\xE2\x80\x8B" "!", "sosánh!"}, // soft hyphen, zero-width space
      {"\xE2\x80\x9C" "Công dân\xE2\x80\x9D", "\"Công dân\""},
      {"2021 \xE2\x80\x93" " 2030 \xE2\x88\x92" " x", "2021 - 2030 - x"},
      {"a   b \n c", "a b\nc"},
  };
  for (const Case& c : cases) EXPECT_EQ(NormalizeString(c.in), c.out) << c.in;
}

TEST(NormalizerTest, FoldRemovesDiacriticsAndCase) {
  struct Case { std::string in, out; } cases[] = {
      {"Quyết định", "quyet dinh"},
      {"QUYẾT ĐỊNH", "quyet dinh"},
      {"Nghị định số 61/2018/NĐ-CP", "nghi dinh so 61/2018/nd-cp"},
      {"Ủy ban nhân dân", "uy ban nhan dan"},
      {"ƯỚC Ơ Ă Â Ê Ô", "uoc o a a e o"},
  };
  for (const Case& c : cases) EXPECT_EQ(Fold(NormalizeString(c.in)), c.out) << c.in;
}

TEST(NormalizerTest, MapsBackToSource) {
  // The source has an old-style tone and a double space; a match in the
  // folded text must map back to the exact source bytes.
  std::string src = "Căn cứ  Quyết định của Uỷ ban";
  NormalizedText nt = Normalize(src);
  ASSERT_EQ(nt.to_source.size(), nt.text.size() + 1);
  ASSERT_EQ(nt.folded_to_text.size(), nt.folded.size() + 1);
  size_t fb = nt.folded.find("quyet dinh");
  ASSERT_NE(fb, std::string::npos);
  auto [tb, te] = nt.TextRange(fb, fb + std::string("quyet dinh").size());
  EXPECT_EQ(nt.text.substr(tb, te - tb), "Quyết định");
  auto [sb, se] = nt.SourceRange(tb, te);
  EXPECT_EQ(src.substr(sb, se - sb), "Quyết định");
  size_t ub = nt.folded.find("uy ban");
  auto [tb2, te2] = nt.TextRange(ub, ub + 6);
  auto [sb2, se2] = nt.SourceRange(tb2, te2);
  EXPECT_EQ(src.substr(sb2, se2 - sb2), "Uỷ ban");
}

TEST(NormalizerTest, CaseConversion) {
  EXPECT_EQ(ToUpper("sở giáo dục và đào tạo"), "SỞ GIÁO DỤC VÀ ĐÀO TẠO");
  EXPECT_EQ(ToLower("ỦY BAN NHÂN DÂN"), "ủy ban nhân dân");
}

TEST(NormalizerTest, CaseOfAWord) {
  EXPECT_TRUE(IsAllCaps("ĐẾN"));
  EXPECT_TRUE(IsAllCaps("UBND-KGVX"));
  EXPECT_FALSE(IsAllCaps("Đến"));
  EXPECT_FALSE(IsAllCaps("2025"));
  EXPECT_TRUE(IsCapitalized("Trân"));
  EXPECT_TRUE(IsCapitalized("Đ"));
  EXPECT_FALSE(IsCapitalized("TRÂN"));
  EXPECT_FALSE(IsCapitalized("trân"));
  EXPECT_FALSE(IsCapitalized(""));
  EXPECT_EQ(Capitalize("phó"), "Phó");
  EXPECT_EQ(Capitalize("ủy ban"), "Ủy ban");
  EXPECT_EQ(Capitalize(""), "");
  EXPECT_EQ(CaseLike("ĐÊN", "đến"), "ĐẾN");
  EXPECT_EQ(CaseLike("Chông", "chống"), "Chống");
  EXPECT_EQ(CaseLike("chông", "Chống"), "chống");
}

TEST(NormalizerTest, LargeInputIsLinear) {
  // 4 MB of text in one paragraph: must finish (it is linear; a quadratic
  // pass would take minutes).
  std::string big = Repeated("Uỷ ban nhân dân tỉnh Cà Mau  hoà ", 4u << 20);
  NormalizedText nt = Normalize(big);
  EXPECT_EQ(nt.to_source.size(), nt.text.size() + 1);
  EXPECT_NE(nt.text.find("Ủy ban"), std::string::npos);
}

// Regression (found by bench/stress_rules): a letter followed by a long run
// of alternating combining marks made ICU's canonical reordering quadratic,
// 0.7 s for 100 000 marks and minutes for a few megabytes.  Marks past 30 in
// a row are dropped now; 2 MB of them must come out as the letter and 30
// marks, and everything after them whole.
TEST(NormalizerTest, EndlessCombiningMarksAreCutAndStayLinear) {
  std::string s = "a" + Repeated("\xCC\x81\xCC\xA3", 2u << 20);  // U+0301, U+0323
  s += " Ủy ban";
  NormalizedText nt = Normalize(s);
  size_t i = 0, marks = 0;
  while (i < nt.text.size() && nt.text[i] != ' ') {
    char32_t c = utf8::Next(nt.text, &i);
    if (c >= 0x300 && c <= 0x36F) ++marks;
  }
  EXPECT_EQ(marks, 29u);  // 30 kept; NFC folds one into the letter (a + U+0323 = ạ)
  EXPECT_NE(nt.text.find(" Ủy ban"), std::string::npos);
  EXPECT_EQ(nt.to_source.back(), s.size());
  // Vietnamese needs at most two marks on a letter: "ộ" decomposed stays.
  EXPECT_EQ(NormalizeString("o\xCC\x82\xCC\xA3"), "ộ");
}

}  // namespace
}  // namespace kh
