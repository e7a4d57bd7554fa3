#include "ocr/page_reading.h"

#include <gtest/gtest.h>

#include "rules/rule_data.h"

namespace kh {
namespace {

SyllableSet Built() {
  auto data = DefaultRuleData();
  EXPECT_TRUE(data.ok());
  return data.ok() ? SyllableSet(data.value()->syllables.onsets, data.value()->syllables.rhymes) : SyllableSet();
}

// A page of `lines` lines of the given words, 12 pt high, from the top.
RawPage Page(double image_cover, const std::vector<std::string>& words, int lines, double x0 = 70, double y0 = 70) {
  RawPage p;
  p.number = 1;
  p.width = 595;
  p.height = 842;
  p.image_cover = image_cover;
  for (int l = 0; l < lines; ++l) {
    double x = x0;
    for (const std::string& t : words) {
      Word w;
      w.text = t;
      double width = 6.0 * static_cast<double>(t.size());
      w.box = {x, y0 + 18 * l, x + width, y0 + 18 * l + 12};
      w.size = 12;
      p.words.push_back(w);
      x += width + 4;
    }
  }
  return p;
}

const std::vector<std::string> kBody = {"Thực", "hiện", "Kế", "hoạch", "số", "93/KH-UBND", "của", "Ủy", "ban", "nhân",
                                        "dân", "tỉnh", "về", "cải", "cách", "hành", "chính", "năm", "2025,"};

TEST(PageReadingTest, ABornDigitalPageIsReadByItsText) {
  PageReading r = DecidePageReading(Page(0.0, kBody, 35), Built());
  EXPECT_FALSE(r.ocr);
  EXPECT_EQ(r.reason, "text_page");
  EXPECT_GT(r.evidence.text_cover, 0.15);
  EXPECT_EQ(r.evidence.syllables, -1);  // not counted on a page that is no scan
  EXPECT_GT(MeasurePage(Page(0.0, kBody, 35), Built()).syllables, 0.9);
}

TEST(PageReadingTest, AScanWithoutTextIsOcrd) {
  PageReading r = DecidePageReading(Page(1.0, {}, 0), Built());
  EXPECT_TRUE(r.ocr);
  EXPECT_EQ(r.reason, "no_text_layer");
}

// No text and no image, but thousands of curved shapes: letters printed as
// outlines (the fixture corpus/scans/003_cantho_2019.p1.outlined.pdf has
// them).  A few curves (a logo, a seal drawn as vectors) on an empty page,
// or curves beside a text layer, are no letters.
TEST(PageReadingTest, LettersDrawnAsOutlinesAreOcrd) {
  RawPage outlined = Page(0.0, {}, 0);
  outlined.curved_fills = 2500;
  PageReading r = DecidePageReading(outlined, Built());
  EXPECT_TRUE(r.ocr);
  EXPECT_EQ(r.reason, "outlined_text");
  EXPECT_EQ(r.evidence.curved_fills, 2500);
  RawPage logo = Page(0.0, {}, 0);
  logo.curved_fills = 40;
  EXPECT_EQ(DecidePageReading(logo, Built()).reason, "text_page");
  RawPage text = Page(0.0, kBody, 35);
  text.curved_fills = 2500;
  EXPECT_FALSE(DecidePageReading(text, Built()).ocr);
}

// The regression of issue 16: a signed scan's only text is the signature box
// in a corner (r05, r17, r18, r19, r25 of ../shared/real), once taken for the
// page's text, so that page 1's body was never read.
TEST(PageReadingTest, ASignatureBoxOverAScanIsNotThePagesText) {
  RawPage p = Page(1.0, {"Ký", "bởi:", "Ủy", "ban", "nhân", "dân", "tỉnh", "Quảng", "Ngãi"}, 3, 400, 20);
  for (Word& w : p.words) w.box.y1 = w.box.y0 + 5;  // the box's small print
  PageReading r = DecidePageReading(p, Built());
  EXPECT_TRUE(r.ocr);
  EXPECT_EQ(r.reason, "partial_text_layer");
  EXPECT_LT(r.evidence.text_cover, 0.06);
}

// A scanner's OCR layer without Vietnamese, long (r28) or short (r26 page 2).
TEST(PageReadingTest, JunkTextOverAScanIsOcrd) {
  std::vector<std::string> junk = {"Ilan", "Thuong", "vg", "T'inh", "Dodn", "di", "nghi", "c6c", "dcrn", "vi", "quan",
                                   "hi0n", "thc,r", "rinh", "thdn"};
  for (int lines : {2, 30}) {
    PageReading r = DecidePageReading(Page(1.0, junk, lines), Built());
    EXPECT_TRUE(r.ocr) << lines;
    EXPECT_EQ(r.reason, "unusable_text_layer") << lines;
  }
  // Vietnamese with every mark lost is junk too, though its words are syllables.
  std::vector<std::string> unmarked = {"Thuc", "hien", "Ke", "hoach", "cua", "Uy", "ban", "nhan", "dan", "tinh", "ve",
                                       "cai", "cach", "hanh", "chinh", "nam"};
  PageReading r = DecidePageReading(Page(1.0, unmarked, 20), Built());
  EXPECT_EQ(r.reason, "unusable_text_layer");
}

// A layer of symbols and replacement characters among real words is junk,
// whatever share of its few words are syllables.
TEST(PageReadingTest, ALayerOfSymbolsIsOcrd) {
  std::vector<std::string> symbols = {"Kế", "hoạch", "\xEF\xBF\xBD\xEF\xBF\xBD", "#$%&", "@@@@", "*+*+", "~~~~"};
  PageReading r = DecidePageReading(Page(1.0, symbols, 30), Built());
  EXPECT_TRUE(r.ocr);
  EXPECT_EQ(r.reason, "unusable_text_layer");
  EXPECT_LT(r.evidence.alnum, 0.6);
}

// A scan with a good text layer over its body keeps it (a searchable PDF).
TEST(PageReadingTest, AScanWithItsBodyAsTextKeepsIt) {
  PageReading r = DecidePageReading(Page(1.0, kBody, 35), Built());
  EXPECT_FALSE(r.ocr);
  EXPECT_EQ(r.reason, "image_page_text");
}

}  // namespace
}  // namespace kh
