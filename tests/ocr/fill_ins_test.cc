#include "ocr/fill_ins.h"

#include <gtest/gtest.h>

namespace kh {
namespace {

// Words on one line, each 10 pt high, laid out left to right with the
// widths given (a space of 4 between).
std::vector<Word> Line(const std::vector<std::pair<std::string, double>>& words, double y = 100) {
  std::vector<Word> out;
  double x = 50;
  for (const auto& [text, width] : words) {
    Word w;
    w.text = text;
    w.box = {x, y, x + width, y + 10};
    w.space_after = true;
    out.push_back(w);
    x += width + 4;
  }
  return out;
}

// The blanks still to be read: those without a clean number.
std::vector<FillIn> ToRead(const std::vector<Word>& words) {
  std::vector<FillIn> out;
  for (const FillIn& f : FindBlanks(words))
    if (!f.clean) out.push_back(f);
  return out;
}

std::string Text(const std::vector<Word>& words) {
  std::string s;
  for (const Word& w : words) s += (s.empty() ? "" : " ") + w.text;
  return s;
}

TEST(FillInsTest, SplitsWhatWasWrittenAgainstALabel) {
  // As Tesseract read r18's and r19's headers: "Số:⁄{6", "ngàyà3", "4$tháng".
  std::vector<Word> w = Line({{"Số:⁄{6", 40}, {"/CT-UBND", 40}, {"ngàyà3", 36}, {"4$tháng", 42}, {"năm", 20}, {"2021", 20}});
  std::vector<std::vector<Box>> glyphs;
  SplitAtLabels(&w, &glyphs);
  EXPECT_EQ(Text(w), "Số: ⁄{6 /CT-UBND ngày à3 4$ tháng năm 2021");
  ASSERT_EQ(glyphs.size(), w.size());
  // Cut in proportion without glyph boxes: "Số:" is 3 of 6 code points.
  EXPECT_DOUBLE_EQ(w[0].box.x1, 70);
  EXPECT_DOUBLE_EQ(w[1].box.x0, 70);
  // r26: "Số:ᴊ309-CV/TĐTN-XDĐ", the symbol from its "-CV".
  std::vector<Word> v = Line({{"Số:", 15}, {"ᴊ309-CV/TĐTN-XDĐ", 80}});
  std::vector<std::vector<Box>> g;
  SplitAtLabels(&v, &g);
  EXPECT_EQ(Text(v), "Số: ᴊ309 -CV/TĐTN-XDĐ");
}

// Regression: a table cell of the 003 scan, "Chương trình số 28-CTr/TU"
// with "số" starting its line, came out "số 28 /TU"; "12 tháng/ lần" as
// "tháng / lần"; "ngay," is a word and its comma.
TEST(FillInsTest, LeavesWordsWithPunctuationAndBodyReferencesAlone) {
  std::vector<Word> w = Line({{"số", 10}, {"28-CTr/TU", 40}, {"tháng/", 25}, {"lần", 15}, {"ngay,", 20}, {"(tháng", 25},
                              {"tháng/năm", 40}});
  std::vector<std::vector<Box>> glyphs;
  SplitAtLabels(&w, &glyphs);
  EXPECT_EQ(Text(w), "số 28-CTr/TU tháng/ lần ngay, (tháng tháng/năm");
  EXPECT_TRUE(ToRead(w).empty());
}

TEST(FillInsTest, CutsAtTheGlyphBoxesWhenThereAreSome) {
  std::vector<Word> w = Line({{"ngày27", 60}, {"tháng", 25}, {"12", 10}, {"năm", 20}, {"2021", 20}});
  std::vector<std::vector<Box>> glyphs(w.size());
  // "ngày" is narrow, the handwriting wide.
  for (double x : {50, 55, 60, 65}) glyphs[0].push_back({x, 100, x + 4, 110});
  glyphs[0].push_back({80, 100, 95, 110});
  glyphs[0].push_back({95, 100, 110, 110});
  SplitAtLabels(&w, &glyphs);
  ASSERT_EQ(Text(w), "ngày 27 tháng 12 năm 2021");
  EXPECT_DOUBLE_EQ(w[0].box.x1, 74.5);  // between the "y" (69) and the "2" (80)
}

TEST(FillInsTest, FindsTheNumberAndTheDayAndLeavesCleanFiguresAlone) {
  std::vector<Word> w = Line({{"Số:", 15}, {"#4", 12}, {"/QĐ-UBND", 40}});
  std::vector<Word> date = Line({{"Quảng", 25}, {"Ngãi,", 20}, {"ngày", 20}, {"à3", 12}, {"tháng", 25}, {"02", 10},
                                 {"năm", 20}, {"2025", 20}},
                                140);
  w.insert(w.end(), date.begin(), date.end());
  std::vector<FillIn> f = ToRead(w);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].kind, FillIn::kNumber);
  EXPECT_EQ(f[0].first, 1u);
  EXPECT_EQ(f[0].last, 2u);
  EXPECT_DOUBLE_EQ(f[0].box.x0, 65);   // the label's right edge
  EXPECT_DOUBLE_EQ(f[0].box.x1, 85);   // the symbol's left edge
  EXPECT_EQ(f[0].label, "Số:");
  EXPECT_EQ(f[1].kind, FillIn::kDay);  // "02" is a month already
  EXPECT_EQ(f[1].first, 6u);
}

TEST(FillInsTest, AnEmptyBlankIsABlankToo) {
  // Blue handwriting taken off with the coloured ink: nothing between.
  std::vector<Word> w = Line({{"Số:", 15}, {"/KH-BCA-C04", 50}});
  w[1].box.x0 += 20, w[1].box.x1 += 20;
  std::vector<FillIn> f = ToRead(w);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].first, f[0].last);
}

TEST(FillInsTest, TheLabelAndSymbolAsOcrSlipsThem) {
  // r25: the symbol's slash lost ("; UBND-KGVX" after a stamped 3206 read as
  // ">2?"); r04: the circumflex of "Số:" read as an acute.
  std::vector<Word> w = Line({{"Số:", 15}, {">2?", 20}, {";", 4}, {"UBND-KGVX", 50}});
  std::vector<FillIn> f = ToRead(w);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].kind, FillIn::kNumber);
  EXPECT_EQ(f[0].first, 1u);
  EXPECT_EQ(f[0].last, 3u);
  std::vector<Word> v = Line({{"Só:#6`", 35}, {"/KH-TCTLNTW-C04", 60}});
  std::vector<std::vector<Box>> glyphs;
  SplitAtLabels(&v, &glyphs);
  EXPECT_EQ(Text(v), "Só: #6` /KH-TCTLNTW-C04");
  ASSERT_EQ(ToRead(v).size(), 1u);
  // Capitals and a dash with digits are not a symbol: "COVID-19".
  std::vector<Word> u = Line({{"Số:", 15}, {"x", 20}, {"COVID-19", 50}});
  EXPECT_TRUE(ToRead(u).empty());
}

TEST(FillInsTest, NotBlanks) {
  // A reference in the body: "số 12/2021/QĐ-TTg" is no label with a
  // symbol; a date with its figures; "ngày" without a year; "thăng" is no
  // "tháng"; labels on other lines.
  for (const std::vector<Word>& w :
       {Line({{"Quyết", 20}, {"định", 20}, {"số", 10}, {"12/2021/QĐ-TTg", 60}}),
        Line({{"ngày", 20}, {"24", 10}, {"tháng", 25}, {"3", 5}, {"năm", 20}, {"2018", 20}}),
        Line({{"ngày", 20}, {"làm", 10}, {"việc", 20}, {"tháng", 25}, {"sau", 15}, {"năm", 20}, {"nay", 20}}),
        Line({{"ngày", 20}, {"mai", 10}, {"thăng", 25}, {"3", 5}, {"năm", 20}, {"2018", 20}})}) {
    EXPECT_TRUE(ToRead(w).empty()) << Text(w);
  }
  std::vector<Word> two = Line({{"Số:", 15}});
  std::vector<Word> next = Line({{"/KH", 15}}, 200);
  two.insert(two.end(), next.begin(), next.end());
  EXPECT_TRUE(ToRead(two).empty());
}

TEST(FillInsTest, AReadingOfTheRightRangeFillsTheBlankElseItIsEmptied) {
  std::vector<Word> w = Line({{"Số:", 15}, {"#4", 12}, {"/QĐ-UBND", 40}, {"ngày", 20}, {"A4‡", 12}, {"tháng", 25},
                              {"l2", 10}, {"năm", 20}, {"2021", 20}});
  std::vector<FillIn> f = ToRead(w);
  ASSERT_EQ(f.size(), 3u);
  ApplyFillIns(f, {"84\n", "27", "13"}, &w);
  // The number and day filled; 13 is no month: the month left blank.
  EXPECT_EQ(Text(w), "Số: 84 /QĐ-UBND ngày 27 tháng năm 2021");
  EXPECT_DOUBLE_EQ(w[1].box.x0, f[0].box.x0);
  std::vector<Word> v = Line({{"ngày", 20}, {"à3", 12}, {"tháng", 25}, {"02", 10}, {"năm", 20}, {"2025", 20}});
  std::vector<FillIn> g = ToRead(v);
  ApplyFillIns(g, {"32"}, &v);
  EXPECT_EQ(Text(v), "ngày tháng 02 năm 2025");
}

// r25's "ngày?." (a handwritten 20 read as "?.") and r24's "Số: 3 3Ñ/C04-P6"
// (a stamped 39 and a handwritten 80, the symbol two words on).
TEST(FillInsTest, JunkAfterALabelAndASymbolTwoWordsOn) {
  std::vector<Word> w = Line({{"ngày?.", 30}, {"tháng", 25}, {"5", 5}, {"năm", 20}, {"2025", 20}});
  std::vector<std::vector<Box>> glyphs;
  SplitAtLabels(&w, &glyphs);
  EXPECT_EQ(Text(w), "ngày ?. tháng 5 năm 2025");
  ASSERT_EQ(ToRead(w).size(), 1u);
  std::vector<Word> v = Line({{"Số:", 15}, {"3", 5}, {"3Ñ/C04-P6", 45}});
  SplitAtLabels(&v, &glyphs);
  EXPECT_EQ(Text(v), "Số: 3 3Ñ /C04-P6");
  std::vector<FillIn> f = ToRead(v);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].last - f[0].first, 2u);
  EXPECT_EQ(f[0].next, "/C04-P6");
}

TEST(FillInsTest, TheSlashOfTheFormComesBackWithTheNumber) {
  // r25: "Số: 3206 UBND-KGVX", the slash lost under the figures.
  std::vector<Word> w = Line({{"Số:", 15}, {">2?", 20}, {"UBND-KGVX", 50}});
  std::vector<FillIn> f = ToRead(w);
  ASSERT_EQ(f.size(), 1u);
  ApplyFillIns(f, {"3206"}, &w);
  EXPECT_EQ(Text(w), "Số: 3206 /UBND-KGVX");
}

TEST(FillInsTest, TheFiguresLieBetweenThePrintedWords) {
  // r17: OCR boxed "Số:" over the handwritten 2 after it (label 119 px
  // for a line 62 high); the figures start where "Số:" in print would
  // end, 1.25 lines on.
  std::vector<Word> w = Line({{"Số:", 119}, {"ổ0", 60}, {"/BC-UBND", 100}});
  for (Word& x : w) x.box.y1 = x.box.y0 + 62;
  std::vector<FillIn> f = ToRead(w);
  ASSERT_EQ(f.size(), 1u);
  const FigureSpan& s = f[0].span;
  EXPECT_DOUBLE_EQ(SpanOf(f[0]).from, s.from);
  EXPECT_DOUBLE_EQ(s.from, 50 + 1.25 * 62);
  EXPECT_DOUBLE_EQ(s.to, w[2].box.x0);  // a number ends at its symbol
  EXPECT_LE(s.look.x0, w[0].box.x0);
  EXPECT_GT(s.look.x1, w[2].box.x0);
  // r04: "tháng" boxed over the "02" after it leaves no gap before "năm",
  // but its letters take 2.75 lines of its 3.5: a blank is there.
  std::vector<Word> d = Line({{"ngày", 24}, {"24", 10}, {"tháng", 35}, {"năm", 20}, {"2026", 20}});
  d[3].box.x0 -= 4, d[3].box.x1 -= 4;  // touching
  std::vector<FillIn> g = ToRead(d);
  ASSERT_EQ(g.size(), 1u);
  EXPECT_EQ(g[0].kind, FillIn::kMonth);
  EXPECT_LT(g[0].span.from, g[0].span.to);
}

DigitReading Hand(const std::string& digits, const std::string& sure) {
  DigitReading r;
  r.digits = digits;
  r.sure = sure.find('0') == std::string::npos;
  for (size_t i = 0; i < digits.size(); ++i) {
    DigitFigure f;
    f.digit = digits[i];
    f.sure = sure[i] == '1';
    r.figures.push_back(f);
  }
  return r;
}

TEST(FillInsTest, TheTwoReadingsJoined) {
  // Sure: the figures stand, whatever the engine read (r05: "S:S2").
  EXPECT_EQ(JoinReadings("S:S2\n", Hand("589", "111")), "589");
  // In doubt: the engine's digits, where they agree at every sure figure
  // (r17: 2?0 and "280"; r19: a sure 0, then a doubt, and "à3").
  EXPECT_EQ(JoinReadings("280\n", Hand("230", "101")), "280");
  EXPECT_EQ(JoinReadings("à3", Hand("09", "10")), "3");
  // They disagree (r23: ?39 and "297"), or count differently (r26): empty.
  EXPECT_EQ(JoinReadings("297", Hand("339", "011")), "");
  EXPECT_EQ(JoinReadings("204", Hand("4909", "0011")), "");
  EXPECT_EQ(JoinReadings("", Hand("27", "10")), "");
  // No figure found: the engine's reading.
  EXPECT_EQ(JoinReadings("84", DigitReading{}), "84");
  // Ink of the blank left unread (r21: "4552" run into its "/", two sure
  // figures 45 found): nothing, whatever was found or the engine read.
  DigitReading partial = Hand("45", "11");
  partial.sure = false;
  partial.unread_ink = true;
  EXPECT_EQ(JoinReadings("45", partial), "");
  DigitReading none;
  none.unread_ink = true;
  EXPECT_EQ(JoinReadings("45", none), "");
}

TEST(FillInsTest, FindBlanksGivesCleanOnesTooMarked) {
  // r26: Tesseract read the handwritten 18 as a clean "7"; FindBlanks
  // gives it marked clean (the OCR stage reads it again when its ink is
  // blue).
  std::vector<Word> w = Line({{"ngày", 20}, {"7", 8}, {"tháng", 25}, {"4", 5}, {"năm", 20}, {"2025", 20}});
  EXPECT_TRUE(ToRead(w).empty());
  std::vector<FillIn> all = FindBlanks(w);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].kind, FillIn::kDay);
  EXPECT_TRUE(all[0].clean);
  EXPECT_TRUE(all[1].clean);
  std::vector<Word> v = Line({{"ngày", 20}, {"à3", 12}, {"tháng", 25}, {"02", 10}, {"năm", 20}, {"2025", 20}});
  std::vector<FillIn> some = FindBlanks(v);
  ASSERT_EQ(some.size(), 2u);
  EXPECT_FALSE(some[0].clean);
  EXPECT_TRUE(some[1].clean);
}

}  // namespace
}  // namespace kh
