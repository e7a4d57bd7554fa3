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

// signer.json "document_starts": each example carries the national motto
// (as OCR may run its words together), no counter-example does.
TEST(FactsTest, DocumentStartExamplesAndCounterExamples) {
  auto data = DefaultRuleData();
  ASSERT_TRUE(data.ok());
  const auto& s = data.value()->signer;
  ASSERT_FALSE(s.motto_examples.empty());
  for (const std::string& e : s.motto_examples) EXPECT_TRUE(StartsADocument(e, *data.value())) << e;
  for (const std::string& c : s.motto_counter_examples) EXPECT_FALSE(StartsADocument(c, *data.value())) << c;
}

// One line of words at (x, y), 10 pt high, each word 8 pt a letter.
Line At(int page, double x, double y, const std::string& text) {
  Line l;
  l.page = page;
  double cx = x;
  for (size_t at = 0; at < text.size();) {
    size_t sp = text.find(' ', at);
    std::string w = text.substr(at, sp == std::string::npos ? std::string::npos : sp - at);
    at = sp == std::string::npos ? text.size() : sp + 1;
    Word word;
    word.text = w;
    word.box = {cx, y, cx + 8.0 * w.size(), y + 10};
    word.space_after = true;
    l.words.push_back(word);
    l.box = l.box.width() > 0 ? l.box.Union(word.box) : word.box;
    cx = word.box.x1 + 4;
  }
  return l;
}

Block Column(int page, int band, int column, std::vector<Line> lines) {
  Block b;
  b.page = page;
  b.kind = BlockKind::kColumn;
  b.band = band;
  b.column = column;
  b.lines = std::move(lines);
  b.box = b.lines[0].box;
  for (const Line& l : b.lines) b.box = b.box.Union(l.box);
  return b;
}

// A page of lines stacked 15 pt apart in two-column bands: for each band,
// its left and right column's lines, from its top, and a signer's name 100
// pt under the top in the right column (the space for the signature
// between); an empty column is left out.
struct BandSpec {
  double top;
  std::vector<std::string> left, right;
  std::string name;
};
Page Banded(int n, const std::vector<BandSpec>& bands) {
  Page p;
  p.number = n;
  p.width = 595, p.height = 842;
  for (size_t k = 0; k < bands.size(); ++k)
    for (int column = 0; column < 2; ++column) {
      const std::vector<std::string>& texts = column == 0 ? bands[k].left : bands[k].right;
      if (texts.empty()) continue;
      std::vector<Line> lines;
      for (size_t i = 0; i < texts.size(); ++i) lines.push_back(At(n, column == 0 ? 60 : 340, bands[k].top + 15.0 * i, texts[i]));
      if (column == 1 && !bands[k].name.empty()) lines.push_back(At(n, 340, bands[k].top + 100, bands[k].name));
      p.blocks.push_back(Column(n, static_cast<int>(k), column, std::move(lines)));
    }
  return p;
}

// Regression (r23): a Tờ trình with the Báo cáo it submits in one PDF gave
// the Báo cáo's signer, the last signature block of the file, as the Tờ
// trình's.  The signer is the first document's: the search stops at a later
// page's national motto.
TEST(FactsTest, TheSignerIsTheFirstDocumentsNotAnAttachments) {
  auto data = DefaultRuleData();
  ASSERT_TRUE(data.ok());
  auto refs = LegalRefExtractor::Create(data.value());
  ASSERT_TRUE(refs.ok());
  LaidOutDocument doc;
  doc.pages.push_back(Banded(1, {{40, {"CÔNG AN TỈNH LÂM ĐỒNG", "Số: 239/TTr-CAT-PC06"},
                                  {"Độc lập - Tự do - Hạnh phúc", "Lâm Đồng, ngày 01 tháng 4 năm 2026"}},
                                 {600, {"Nơi nhận:", "- Như kính gửi;"}, {"KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"}, "Nguyễn Tường Vũ"}}));
  doc.pages.push_back(Banded(2, {{40, {"BAN CHỈ ĐẠO", "Số: /BC-BCĐ"},
                                  {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"}},
                                 {600, {"Nơi nhận:", "- Như trên;"}, {"TM. BAN CHỈ ĐẠO", "PHÓ CHỦ TỊCH"}, "Nguyễn Ngọc Phúc"}}));
  DocumentFacts f = ExtractFacts(doc, *refs.value(), nullptr);
  ASSERT_TRUE(f.signer.name.has_value());
  EXPECT_EQ(*f.signer.name, "Nguyễn Tường Vũ");
  // One document alone: its last band's signer, as before.
  doc.pages.pop_back();
  doc.pages.push_back(Banded(2, {{600, {"Nơi nhận:"}, {"CHỦ TỊCH"}, "Trần Văn Lâm"}}));
  f = ExtractFacts(doc, *refs.value(), nullptr);
  ASSERT_TRUE(f.signer.name.has_value());
  EXPECT_EQ(*f.signer.name, "Trần Văn Lâm");
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
