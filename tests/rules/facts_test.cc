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

// Regression (r23): a Tờ trình with the Báo cáo it submits in one PDF gave
// the Báo cáo's signer, the last signature block of the file, as the Tờ
// trình's.  The signer is the first document's: the search stops at a later
// page's national motto.
TEST(FactsTest, TheSignerIsTheFirstDocumentsNotAnAttachments) {
  auto data = DefaultRuleData();
  ASSERT_TRUE(data.ok());
  auto refs = LegalRefExtractor::Create(data.value());
  ASSERT_TRUE(refs.ok());
  auto page = [](int n, std::vector<Block> blocks) {
    Page p;
    p.number = n;
    p.width = 595, p.height = 842;
    p.blocks = std::move(blocks);
    return p;
  };
  LaidOutDocument doc;
  doc.pages.push_back(page(1, {Column(1, 0, 0, {At(1, 60, 40, "CÔNG AN TỈNH LÂM ĐỒNG"), At(1, 60, 60, "Số: 239/TTr-CAT-PC06")}),
                               Column(1, 0, 1, {At(1, 320, 40, "Độc lập - Tự do - Hạnh phúc"),
                                                At(1, 320, 60, "Lâm Đồng, ngày 01 tháng 4 năm 2026")}),
                               Column(1, 1, 0, {At(1, 60, 600, "Nơi nhận:"), At(1, 60, 615, "- Như kính gửi;")}),
                               Column(1, 1, 1, {At(1, 360, 600, "KT. GIÁM ĐỐC"), At(1, 360, 615, "PHÓ GIÁM ĐỐC"),
                                                At(1, 340, 700, "Nguyễn Tường Vũ")})}));
  doc.pages.push_back(page(2, {Column(2, 0, 0, {At(2, 60, 40, "BAN CHỈ ĐẠO"), At(2, 60, 60, "Số: /BC-BCĐ")}),
                               Column(2, 0, 1, {At(2, 320, 40, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
                                                At(2, 320, 55, "Độc lập - Tự do - Hạnh phúc")}),
                               Column(2, 1, 0, {At(2, 60, 600, "Nơi nhận:"), At(2, 60, 615, "- Như trên;")}),
                               Column(2, 1, 1, {At(2, 360, 600, "TM. BAN CHỈ ĐẠO"), At(2, 360, 615, "PHÓ CHỦ TỊCH"),
                                                At(2, 340, 700, "Nguyễn Ngọc Phúc")})}));
  DocumentFacts f = ExtractFacts(doc, *refs.value(), nullptr);
  ASSERT_TRUE(f.signer.name.has_value());
  EXPECT_EQ(*f.signer.name, "Nguyễn Tường Vũ");
  // One document alone: its last band's signer, as before.
  doc.pages.pop_back();
  doc.pages.push_back(page(2, {Column(2, 0, 0, {At(2, 60, 600, "Nơi nhận:")}),
                               Column(2, 0, 1, {At(2, 360, 600, "CHỦ TỊCH"), At(2, 340, 700, "Trần Văn Lâm")})}));
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
