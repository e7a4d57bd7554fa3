#include "extractor/layout.h"

#include <gtest/gtest.h>

#include "common/utf8.h"

namespace kh {
namespace {

// Builds a word at (x, y) of the given width, 14 pt high.
Word W(const std::string& t, double x, double y, double w, bool bold = false) {
  Word word;
  word.text = t;
  word.box = {x, y, x + w, y + 14};
  word.size = 13;
  word.bold = bold;
  return word;
}

RawPage PageOf(std::vector<Word> words, int number = 1) {
  RawPage p;
  p.number = number;
  p.width = 595;
  p.height = 842;
  p.words = std::move(words);
  return p;
}

// A full-width body line of words from x=85 to x=538 at height y.
std::vector<Word> BodyLine(const std::string& first, double y, double x0 = 85) {
  std::vector<Word> out{W(first, x0, y, 40)};
  for (double x = x0 + 45; x + 40 <= 538.5; x += 45) out.push_back(W("chữ", x, y, 40));
  out.back().box.x1 = 538;
  return out;
}

TEST(LayoutTest, HeaderBandReadsLeftColumnThenRight) {
  RawDocument doc;
  std::vector<Word> w = {
      W("UBND", 110, 60, 40), W("TỈNH", 155, 60, 40), W("CỘNG", 300, 60, 50, true), W("HÒA", 355, 60, 40, true),
      W("SỞ", 115, 76, 30, true), W("NỘI", 150, 76, 40, true), W("VỤ", 195, 76, 30, true), W("Độc", 320, 76, 40, true),
      W("Số:", 110, 110, 25), W("12/KH-SNV", 140, 110, 80), W("Huế,", 310, 110, 40), W("ngày", 355, 110, 40),
  };
  for (Word& x : BodyLine("KẾ", 160)) w.push_back(x);
  doc.pages.push_back(PageOf(w));
  LaidOutDocument laid = Layout(doc);
  ASSERT_GE(laid.pages[0].blocks.size(), 3u);
  const Block& left = laid.pages[0].blocks[0];
  const Block& right = laid.pages[0].blocks[1];
  EXPECT_EQ(left.kind, BlockKind::kColumn);
  EXPECT_EQ(left.column, 0);
  EXPECT_EQ(right.column, 1);
  ASSERT_EQ(left.lines.size(), 3u);
  EXPECT_EQ(left.lines[0].Text(), "UBND TỈNH");
  EXPECT_EQ(left.lines[1].Text(), "SỞ NỘI VỤ");
  EXPECT_TRUE(left.lines[1].bold);
  EXPECT_EQ(left.lines[2].Text(), "Số: 12/KH-SNV");
  EXPECT_EQ(right.lines[0].Text(), "CỘNG HÒA");
  EXPECT_EQ(laid.pages[0].blocks[2].kind, BlockKind::kBody);
}

// Issue 17: a title set with wide letter spacing came out letter by letter
// ("C Ủ A T H Ủ T Ư Ớ N G"), and the document's number in it was lost.
// Letters 4 pt apart (a third of the size) are joined; a gap a space wider
// (8 pt) parts words.  Ordinary one-letter words are left alone.
TEST(LayoutTest, LetterSpacedTitleIsReadAsWords) {
  std::vector<Word> w;
  double x = 150;
  for (const std::string word : {"CỦA", "THỦ", "TƯỚNG", "SỐ", "58"}) {
    size_t i = 0;
    while (i < word.size()) {
      size_t n = utf8::SeqLen(static_cast<unsigned char>(word[i]));
      w.push_back(W(word.substr(i, n), x, 200, 9, true));
      x += 9 + 4;
      i += n;
    }
    x += 8;
  }
  // An ordinary line with one-letter words: "ở" and "y" are words.
  for (const auto& [t, x0] : std::vector<std::pair<std::string, double>>{{"ý", 85}, {"kiến", 96}, {"ở", 130}, {"y", 142}, {"tế", 154}})
    w.push_back(W(t, x0, 300, t.size() > 2 ? 28 : 8));
  RawDocument doc;
  doc.pages.push_back(PageOf(w));
  LaidOutDocument laid = Layout(doc);
  std::string text = BuildText(laid).text;
  EXPECT_NE(text.find("CỦA THỦ TƯỚNG SỐ 58"), std::string::npos) << text;
  EXPECT_NE(text.find("ý kiến ở y tế"), std::string::npos) << text;
}

// The same from a real PDF (tests/data/letter_spaced.pdf: Tc 5 on 14 pt
// Helvetica), as Poppler gives its words: one per letter.
TEST(LayoutTest, LetterSpacedTitleOfAPdfIsReadAsWords) {
  Result<RawDocument> doc = ReadPdf(std::string(KEHOACH_SOURCE_DIR) + "/tests/data/letter_spaced.pdf", {});
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  std::string text = BuildText(Layout(std::move(doc).value())).text;
  EXPECT_NE(text.find("KE HOACH CUA THU TUONG CHINH PHU SO 58"), std::string::npos) << text;
  EXPECT_NE(text.find("Noi dung thuong"), std::string::npos) << text;
  EXPECT_NE(text.find("Dong van ban thuong sau tieu de."), std::string::npos) << text;
}

TEST(LayoutTest, NumberBrokenAtLineEndIsJoinedBack) {
  RawDocument doc;
  std::vector<Word> w = BodyLine("theo", 100);
  w.back().text = "4725/QĐ-";
  std::vector<Word> l2 = {W("BGDĐT", 85, 118, 50), W("ngày", 140, 118, 40)};
  w.insert(w.end(), l2.begin(), l2.end());
  doc.pages.push_back(PageOf(w));
  Text t = BuildText(Layout(doc));
  EXPECT_NE(t.text.find("4725/QĐ-BGDĐT ngày"), std::string::npos) << t.text;
}

TEST(LayoutTest, SpacedDashIsNotJoined) {
  RawDocument doc;
  std::vector<Word> w = BodyLine("giai", 100);
  w.back().text = "-";
  std::vector<Word> l2 = {W("2030", 85, 118, 40)};
  w.insert(w.end(), l2.begin(), l2.end());
  doc.pages.push_back(PageOf(w));
  Text t = BuildText(Layout(doc));
  EXPECT_NE(t.text.find("- 2030"), std::string::npos) << t.text;
}

TEST(LayoutTest, ParagraphsSplitOnIndentAndShortLines) {
  RawDocument doc;
  std::vector<Word> w = BodyLine("Một", 100, 121);
  for (Word& x : BodyLine("hai", 118)) w.push_back(x);
  w.push_back(W("ba.", 85, 136, 30));                       // short last line
  for (Word& x : BodyLine("Bốn", 154, 121)) w.push_back(x);  // indented: new paragraph
  doc.pages.push_back(PageOf(w));
  Text t = BuildText(Layout(doc));
  ASSERT_NE(t.text.find("ba.\nBốn"), std::string::npos) << t.text;
  EXPECT_NE(t.text.find("chữ hai"), std::string::npos) << t.text;
}

TEST(LayoutTest, RunningPageNumbersAreDropped) {
  RawDocument doc;
  for (int p = 1; p <= 3; ++p) {
    std::vector<Word> w = BodyLine("Trang", 300);
    if (p > 1) w.push_back(W(std::to_string(p), 295, 45, 8));
    doc.pages.push_back(PageOf(w, p));
  }
  LaidOutDocument laid = Layout(doc);
  EXPECT_EQ(laid.pages[1].dropped.size(), 1u);
  Text t = BuildText(laid);
  EXPECT_EQ(t.text.find("\n2\n"), std::string::npos);
  EXPECT_EQ(t.text.find(" 2 "), std::string::npos);
}

TEST(LayoutTest, ParagraphContinuesOverPageBreak) {
  RawDocument doc;
  doc.pages.push_back(PageOf(BodyLine("đầu", 700), 1));
  std::vector<Word> p2 = {W("tiếp", 85, 70, 40), W("theo.", 130, 70, 40)};
  doc.pages.push_back(PageOf(p2, 2));
  Text t = BuildText(Layout(doc));
  EXPECT_NE(t.text.find("chữ tiếp theo."), std::string::npos) << t.text;
}

TEST(LayoutTest, WordsInsideRulingsBecomeCellsReadRowByRow) {
  RawDocument doc;
  RawPage p = PageOf({W("1.1", 90, 105, 20), W("Việc", 130, 105, 40), W("một", 130, 121, 30), W("Quý", 300, 105, 30),
                      W("1.2", 90, 155, 20), W("Việc", 130, 155, 40), W("hai", 300, 155, 30)});
  auto h = [](double y) { return Ruling{{85, y - 0.25, 400, y + 0.25}}; };
  auto v = [](double x) { return Ruling{{x - 0.25, 100, x + 0.25, 200}}; };
  p.rulings = {h(100), h(150), h(200), v(85), v(120), v(290), v(400)};
  doc.pages.push_back(p);
  LaidOutDocument laid = Layout(doc);
  ASSERT_EQ(laid.pages[0].blocks.size(), 6u);
  for (const Block& b : laid.pages[0].blocks) EXPECT_EQ(b.kind, BlockKind::kCell);
  EXPECT_EQ(laid.pages[0].blocks[1].lines.size(), 2u);  // "Việc" / "một" in one cell
  Text t = BuildText(laid);
  EXPECT_EQ(t.text, "1.1\nViệc một\nQuý\n1.2\nViệc\nhai\n");
}

TEST(LayoutTest, LocateGivesPageAndUnionBox) {
  RawDocument doc;
  doc.pages.push_back(PageOf({W("Nghị", 85, 100, 30), W("định", 120, 100, 30)}, 1));
  doc.pages.push_back(PageOf({W("khác", 85, 100, 30)}, 2));
  Text t = BuildText(Layout(doc));
  Provenance p = t.Locate(0, t.text.find("định") + 6);
  EXPECT_EQ(p.page, 1);
  EXPECT_DOUBLE_EQ(p.box.x0, 85);
  EXPECT_DOUBLE_EQ(p.box.x1, 150);
  EXPECT_EQ(t.Locate(t.text.find("khác"), t.text.size()).page, 2);
}

// Regression (r25): "KT. CHỦ TỊCH" stands a little above "Nơi nhận:" on the
// right; it was left in the body, and the signature block lost its
// authority.
TEST(LayoutTest, ALineRightOfASignatureBandJoinsIt) {
  RawDocument doc;
  std::vector<Word> w;
  for (Word& x : BodyLine("Nhận", 300)) w.push_back(x);
  w.push_back(W("nghiêm", 85, 316, 60));
  w.push_back(W("túc.", 150, 316, 40));
  for (Word x : {W("KT.", 360, 334, 30, true), W("CHỦ", 395, 334, 40, true), W("TỊCH", 440, 334, 40, true),
                 W("Nơi", 88, 350, 30, true), W("nhận:", 122, 350, 40, true), W("PHÓ", 356, 352, 40, true),
                 W("CHỦ", 400, 352, 40, true), W("TỊCH", 445, 352, 40, true), W("-", 88, 366, 5),
                 W("Như", 96, 366, 30), W("trên;", 130, 366, 35), W("-", 88, 382, 5), W("Lưu:", 96, 382, 30),
                 W("VT.", 130, 382, 30)})
    w.push_back(x);
  doc.pages.push_back(PageOf(w));
  LaidOutDocument laid = Layout(doc);
  const Block* right = nullptr;
  for (const Block& b : laid.pages[0].blocks)
    if (b.kind == BlockKind::kColumn && b.column == 1) right = &b;
  ASSERT_NE(right, nullptr);
  ASSERT_GE(right->lines.size(), 2u);
  EXPECT_EQ(right->lines[0].Text(), "KT. CHỦ TỊCH");
  EXPECT_EQ(right->lines[1].Text(), "PHÓ CHỦ TỊCH");
  // The paragraph's last line, on the left, stays in the body.
  EXPECT_EQ(laid.pages[0].blocks[0].kind, BlockKind::kBody);
  EXPECT_EQ(laid.pages[0].blocks[0].lines.back().Text(), "nghiêm túc.");
}

}  // namespace
}  // namespace kh
