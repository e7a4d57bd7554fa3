#include "rules/facts.h"

#include <gtest/gtest.h>

#include <tuple>
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
// rules/facts.json: each reader's examples give what they list, its
// counter-examples nothing.
TEST(FactsTest, VocabularyExamplesThroughEachReader) {
  auto data = DefaultRuleData();
  ASSERT_TRUE(data.ok());
  auto refs = LegalRefExtractor::Create(data.value());
  ASSERT_TRUE(refs.ok()) << refs.status().message();
  const RuleData& d = *data.value();
  nlohmann::json j = nlohmann::json::parse(d.facts.examples_json);
  auto opt = [](const std::optional<std::string>& v) { return v ? nlohmann::json(*v) : nlohmann::json(); };
  for (const auto& e : j["number_line"]["examples"]) {
    bool is_line = false;
    std::optional<std::string> n = ReadNumberLine(e["text"], *refs.value(), &is_line);
    EXPECT_TRUE(is_line) << e;
    EXPECT_EQ(opt(n), e["number"]) << e;
  }
  for (const auto& c : j["number_line"]["counter_examples"]) {
    bool is_line = true;
    ReadNumberLine(c, *refs.value(), &is_line);
    EXPECT_FALSE(is_line) << c;
  }
  for (const auto& e : j["date_line"]["examples"]) {
    std::optional<DateLine> dl = ReadDateLine(e["text"], d);
    ASSERT_TRUE(dl.has_value()) << e;
    EXPECT_EQ(dl->place, e["place"]) << e;
    EXPECT_EQ(opt(dl->date), e["date"]) << e;
  }
  for (const auto& c : j["date_line"]["counter_examples"]) EXPECT_FALSE(ReadDateLine(c, d).has_value()) << c;
  for (const auto& e : j["opening_date"]["examples"]) EXPECT_EQ(opt(ReadOpeningDate(e["text"], d)), e["date"]) << e;
  for (const auto& c : j["opening_date"]["counter_examples"]) EXPECT_FALSE(ReadOpeningDate(c, d).has_value()) << c;
  for (const auto& e : j["period"]["examples"]) {
    Period p = ReadPeriod(e["text"], d);
    EXPECT_EQ(p.from.value_or(0), e["from"].get<int>()) << e;
    EXPECT_EQ(p.to.value_or(0), e["to"].get<int>()) << e;
  }
  for (const auto& c : j["period"]["counter_examples"]) EXPECT_FALSE(ReadPeriod(c, d).from.has_value()) << c;
  for (const auto& e : j["authority"]["examples"]) {
    SignerRole sr = ReadSignerRole(e["lines"].get<std::vector<std::string>>(), d);
    EXPECT_EQ(opt(sr.authority), e["authority"]) << e;
    EXPECT_EQ(opt(sr.role), e["role"]) << e;
  }
  for (const auto& c : j["authority"]["counter_examples"])
    EXPECT_FALSE(ReadSignerRole(c["lines"].get<std::vector<std::string>>(), d).authority.has_value()) << c;
  ASSERT_FALSE(j["title_end"]["examples"].empty());
  for (const auto& e : j["title_end"]["examples"]) EXPECT_TRUE(OpensTheBody(e, d)) << e;
  for (const auto& c : j["title_end"]["counter_examples"]) EXPECT_FALSE(OpensTheBody(c, d)) << c;
}

// rules/doc_types.json: every kind of Decree 30 is read from its kind line;
// the counter-examples name no kind.
TEST(FactsTest, KindLineExamplesAndCounterExamples) {
  auto data = DefaultRuleData();
  ASSERT_TRUE(data.ok());
  const RuleData& d = *data.value();
  for (const char* id : {"quyet_dinh", "chi_thi", "quy_che", "quy_dinh", "thong_cao", "thong_bao", "huong_dan",
                         "chuong_trinh", "ke_hoach", "phuong_an", "de_an", "du_an", "bao_cao", "bien_ban", "to_trinh",
                         "hop_dong", "cong_van", "cong_dien", "ban_ghi_nho", "ban_thoa_thuan", "giay_uy_quyen",
                         "giay_moi", "giay_gioi_thieu", "giay_nghi_phep", "phieu_gui", "phieu_chuyen", "phieu_bao",
                         "thu_cong", "nghi_quyet"})
    EXPECT_NE(d.TypeById(id), nullptr) << id << " (Decree 30/2020, Appendix III)";
  size_t n = 0;
  for (const DocType& t : d.doc_types) {
    EXPECT_FALSE(t.examples.empty()) << t.id;
    for (const std::string& e : t.examples) {
      EXPECT_EQ(KindOfLine(e, d).value_or("-"), t.id) << e;
      ++n;
    }
  }
  EXPECT_GE(n, 37u);
  ASSERT_FALSE(d.kind_line_counter_examples.empty());
  for (const std::string& c : d.kind_line_counter_examples) EXPECT_FALSE(KindOfLine(c, d).has_value()) << c;
}

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

// The references reader of the built-in rules, made once.
const LegalRefExtractor& Refs() {
  static const std::shared_ptr<const LegalRefExtractor> refs =
      LegalRefExtractor::Create(DefaultRuleData().value()).value();
  return *refs;
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
  LaidOutDocument doc;
  doc.pages.push_back(Banded(1, {{40, {"CÔNG AN TỈNH LÂM ĐỒNG", "Số: 239/TTr-CAT-PC06"},
                                  {"Độc lập - Tự do - Hạnh phúc", "Lâm Đồng, ngày 01 tháng 4 năm 2026"}, ""},
                                 {600, {"Nơi nhận:", "- Như kính gửi;"}, {"KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"}, "Nguyễn Tường Vũ"}}));
  doc.pages.push_back(Banded(2, {{40, {"BAN CHỈ ĐẠO", "Số: /BC-BCĐ"},
                                  {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"}, ""},
                                 {600, {"Nơi nhận:", "- Như trên;"}, {"TM. BAN CHỈ ĐẠO", "PHÓ CHỦ TỊCH"}, "Nguyễn Ngọc Phúc"}}));
  DocumentFacts f = ExtractFacts(doc, Refs(), nullptr);
  ASSERT_TRUE(f.signer.name.has_value());
  EXPECT_EQ(*f.signer.name, "Nguyễn Tường Vũ");
  // One document alone: its last band's signer, as before.
  doc.pages.pop_back();
  doc.pages.push_back(Banded(2, {{600, {"Nơi nhận:"}, {"CHỦ TỊCH"}, "Trần Văn Lâm"}}));
  f = ExtractFacts(doc, Refs(), nullptr);
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

// The latest date a file allows: its creation day, or a signature's if
// earlier (a day later for a UTC time, which may be Vietnam's day before).
TEST(FactsTest, LatestDateByTheFile) {
  LaidOutDocument doc;
  EXPECT_EQ(LatestDate(doc), "");
  doc.created = "2025-04-21";
  EXPECT_EQ(LatestDate(doc), "2025-04-21");
  Signature box;
  box.time = "2025-04-19T16:02:11+07:00";
  doc.signatures.push_back(box);
  EXPECT_EQ(LatestDate(doc), "2025-04-19");
  Signature field;
  field.time = "2025-03-31T23:10:00Z";  // 1 April in Vietnam
  doc.signatures.push_back(field);
  EXPECT_EQ(LatestDate(doc), "2025-04-01");
  doc.signatures = {Signature{}};  // no time
  EXPECT_EQ(LatestDate(doc), "2025-04-21");
}

// r26: "Tiền Giang, ngày 18 tháng 4 năm 2025" with the 18 written by hand,
// read as 18 or 28 (a hooked 1); the file was made on 21 April 2025.
TEST(FactsTest, AHandwrittenDayIsTheOneReadingTheFileAllows) {
  DateLine line;
  line.month = 4, line.year = 2025;
  BlankReadings day{1, Box{}, "day", {"18", "28"}};
  EXPECT_EQ(DateFromBlank(line, day, "2025-04-21"), std::optional<std::string>("2025-04-18"));
  // Both allowed, or neither: no date.
  EXPECT_EQ(DateFromBlank(line, day, "2025-05-02"), std::nullopt);
  EXPECT_EQ(DateFromBlank(line, day, "2025-04-10"), std::nullopt);
  // The file says nothing of its date.
  EXPECT_EQ(DateFromBlank(line, day, ""), std::nullopt);
  // The reading left is not the figures' nearest: no date.
  BlankReadings far{1, Box{}, "day", {"28", "18"}};
  EXPECT_EQ(DateFromBlank(line, far, "2025-04-21"), std::nullopt);
  // The file's date must rule a reading out: 30 February is no day, but 03
  // alone is what the figures said.
  DateLine feb;
  feb.month = 2, feb.year = 2026;
  EXPECT_EQ(DateFromBlank(feb, BlankReadings{1, Box{}, "day", {"03", "30"}}, "2026-03-05"), std::nullopt);
  EXPECT_EQ(DateFromBlank(feb, BlankReadings{1, Box{}, "day", {"03", "13"}}, "2026-02-05"),
            std::optional<std::string>("2026-02-03"));
  // A day blank under a printed day, or a month blank with no day: no date.
  DateLine printed = line;
  printed.day = 18;
  EXPECT_EQ(DateFromBlank(printed, day, "2025-04-21"), std::nullopt);
  EXPECT_EQ(DateFromBlank(line, BlankReadings{1, Box{}, "month", {"04"}}, "2025-04-21"), std::nullopt);
  // A month blank, the day printed: r04's brush-stamped 02 read only as
  // "04" on a file made on 1 March 2026 stays blank.
  DateLine r04;
  r04.day = 24, r04.year = 2026;
  EXPECT_EQ(DateFromBlank(r04, BlankReadings{1, Box{}, "month", {"04"}}, "2026-03-01"), std::nullopt);
  EXPECT_EQ(DateFromBlank(r04, BlankReadings{1, Box{}, "month", {"04"}}, "2026-06-01"), std::nullopt);
  EXPECT_EQ(DateFromBlank(r04, BlankReadings{1, Box{}, "month", {"02", "12"}}, "2026-03-01"),
            std::optional<std::string>("2026-02-24"));
}

// The whole reader: the date line's blank day on page 1 is taken from the
// readings OCR left there, and said in a diagnostic.
TEST(FactsTest, TheDateLineTakesItsBlankDayFromTheReadingsUnderIt) {
  LaidOutDocument doc;
  doc.pages.push_back(Banded(1, {{40, {"BCH ĐOÀN TỈNH TIỀN GIANG", "Số: -CV/TĐTN-XDĐ"},
                                  {"ĐOÀN TNCS HỒ CHÍ MINH", "Tiền Giang, ngày tháng 4 năm 2025"}, ""}}));
  const Line& date_line = doc.pages[0].blocks[1].lines[1];
  ASSERT_NE(date_line.Text().find("ngày"), std::string::npos);
  doc.blanks.push_back({1, Box{410, date_line.box.y0, 426, date_line.box.y1}, "day", {"18", "28"}});
  std::vector<Diagnostic> diags;
  EXPECT_EQ(ExtractFacts(doc, Refs(), &diags).date, std::nullopt);  // the file says nothing of its date
  doc.created = "2025-04-21";
  diags.clear();
  EXPECT_EQ(ExtractFacts(doc, Refs(), &diags).date, std::optional<std::string>("2025-04-18"));
  bool said = false;
  for (const Diagnostic& d : diags) said = said || d.code == "date_from_handwriting";
  EXPECT_TRUE(said);
  // A blank on another line is not the date line's.
  doc.blanks[0].box = Box{410, date_line.box.y1 + 20, 426, date_line.box.y1 + 32};
  EXPECT_EQ(ExtractFacts(doc, Refs(), nullptr).date, std::nullopt);
}

// Lines of running text (a body block, no band): each line's text, left
// edge and top.
Block Body(int page, const std::vector<std::tuple<double, double, std::string>>& lines) {
  Block b;
  b.page = page;
  b.kind = BlockKind::kBody;
  for (const auto& [x, y, text] : lines) b.lines.push_back(At(page, x, y, text));
  b.box = b.lines[0].box;
  for (const Line& l : b.lines) b.box = b.box.Union(l.box);
  return b;
}

bool Said(const std::vector<Diagnostic>& diags, const std::string& code) {
  for (const Diagnostic& d : diags)
    if (d.code == code) return true;
  return false;
}

// The kind of page seen on unseen Word plans: the signature block stands
// alone at the end of the body, "Nơi nhận" under it rather than beside it,
// so no two-column band holds it.  The signer was null on all four.
TEST(FactsTest, ASignatureBlockWithNoiNhanUnderIt) {
  LaidOutDocument doc;
  doc.pages.push_back(Banded(1, {{40, {"ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG", "Số: 12/KH-UBND"},
                                  {"Độc lập - Tự do - Hạnh phúc", "Lâm Đồng, ngày 05 tháng 3 năm 2026"}, ""}}));
  doc.pages.push_back(Page{});
  Page& p = doc.pages.back();
  p.number = 2, p.width = 595, p.height = 842;
  p.blocks.push_back(Body(2, {{60, 100, "Trên đây là Kế hoạch của Ủy ban nhân dân tỉnh Lâm Đồng."},
                              {360, 140, "TM. ỦY BAN NHÂN DÂN"},
                              {390, 155, "KT. CHỦ TỊCH"},
                              {380, 170, "PHÓ CHỦ TỊCH"},
                              {370, 260, "Nguyễn Ngọc Phúc"},
                              {60, 300, "Nơi nhận:"},
                              {60, 315, "- Bộ Nội vụ;"},
                              {60, 330, "- Lưu: VT, NC."}}));
  DocumentFacts f = ExtractFacts(doc, Refs(), nullptr);
  ASSERT_TRUE(f.signer.name.has_value());
  EXPECT_EQ(*f.signer.name, "Nguyễn Ngọc Phúc");
  EXPECT_EQ(f.signer.role, std::optional<std::string>("Phó Chủ tịch"));
  EXPECT_EQ(f.signer.authority, std::optional<std::string>("TM. Ủy ban nhân dân, KT. Chủ tịch"));
  EXPECT_EQ(f.provenance.at("signer.name").page, 2);
  // No name under the block (an unsigned draft): no signer, not a recipient.
  p.blocks[0].lines.erase(p.blocks[0].lines.begin() + 4);
  EXPECT_EQ(ExtractFacts(doc, Refs(), nullptr).signer.name, std::nullopt);
}

// "TIr" kept in a Tờ trình's number (OCR's I for T): a type code that is no
// kind's and one letter from one kind's code alone is that code, said in a
// diagnostic; a code of two letters or one far from every kind's stays.
TEST(FactsTest, ANumbersTypeCodeOneLetterOffIsTheKindsCode) {
  auto number_of = [](const std::string& so, std::vector<Diagnostic>* diags) {
    LaidOutDocument doc;
    doc.pages.push_back(Banded(1, {{40, {"CÔNG AN TỈNH LÂM ĐỒNG", so}, {"Độc lập - Tự do - Hạnh phúc", "Lâm Đồng, ngày 23 tháng 12 năm 2025"}, ""}}));
    return ExtractFacts(doc, Refs(), diags);
  };
  std::vector<Diagnostic> diags;
  DocumentFacts f = number_of("Số: 511/TIr-CAT", &diags);
  ASSERT_TRUE(f.number.has_value());
  EXPECT_EQ(*f.number, "511/TTr-CAT");
  EXPECT_EQ(f.kind, std::optional<std::string>("to_trinh"));
  EXPECT_TRUE(Said(diags, "number_code_mended"));
  diags.clear();
  f = number_of("Số: 511/TTr-CAT", &diags);
  EXPECT_EQ(f.number, std::optional<std::string>("511/TTr-CAT"));
  EXPECT_FALSE(Said(diags, "number_code_mended"));
  for (const char* kept : {"Số: 3980/C04-P6", "Số: 8977/BNV-TCPCP", "Số: 12/KT-UBND"}) {
    diags.clear();
    f = number_of(kept, &diags);
    EXPECT_FALSE(Said(diags, "number_code_mended")) << kept << " -> " << f.number.value_or("null");
  }
}

// A date read that the calendar or the file rules out is null, with why:
// 31/02 is no date; a date after the file's signature is a misread figure.
TEST(FactsTest, ADateTheFileRulesOutIsNull) {
  auto facts_of = [](const std::string& line, const std::string& signed_at, std::vector<Diagnostic>* diags) {
    LaidOutDocument doc;
    doc.pages.push_back(Banded(1, {{40, {"ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI", "Số: 280/BC-UBND"}, {"Độc lập - Tự do - Hạnh phúc", line}, ""}}));
    if (!signed_at.empty()) {
      Signature s;
      s.time = signed_at;
      doc.signatures.push_back(s);
    }
    return ExtractFacts(doc, Refs(), diags);
  };
  std::vector<Diagnostic> diags;
  EXPECT_EQ(facts_of("Quảng Ngãi, ngày 31 tháng 02 năm 2024", "", &diags).date, std::nullopt);
  EXPECT_TRUE(Said(diags, "date_invalid"));
  diags.clear();
  EXPECT_EQ(facts_of("Quảng Ngãi, ngày 22 tháng 12 năm 2024", "2024-11-22T10:00:00+07:00", &diags).date, std::nullopt);
  EXPECT_TRUE(Said(diags, "date_after_file"));
  diags.clear();
  EXPECT_EQ(facts_of("Quảng Ngãi, ngày 22 tháng 11 năm 2024", "2024-11-22T10:00:00+07:00", &diags).date,
            std::optional<std::string>("2024-11-22"));
  EXPECT_FALSE(Said(diags, "date_after_file"));
  // Signed in UTC late on the 21st: the 22nd in Vietnam.
  EXPECT_EQ(facts_of("Quảng Ngãi, ngày 22 tháng 11 năm 2024", "2024-11-21T20:00:00Z", nullptr).date,
            std::optional<std::string>("2024-11-22"));
}

// A body's name OCR made junk of ("Cóc xs" for "UBND TỈNH CAO BẰNG" on a
// worn typewritten page) is no name: the issuer is null, with why.  Names
// of places in the languages of their people ("Đắk Nông") are names.
TEST(FactsTest, AnIssuerOfNoWordsIsNull) {
  auto issuer_of = [](const std::vector<std::string>& left, std::vector<Diagnostic>* diags) {
    LaidOutDocument doc;
    doc.pages.push_back(Banded(1, {{40, left, {"Độc lập - Tự do - Hạnh phúc", "Cao Bằng, ngày 22 tháng 02 năm 1999"}, ""}}));
    return ExtractFacts(doc, Refs(), diags).issuer;
  };
  std::vector<Diagnostic> diags;
  EXPECT_EQ(issuer_of({"Cóc xs", "Số: 157/QĐ-UB"}, &diags), std::nullopt);
  EXPECT_TRUE(Said(diags, "issuer_unreadable"));
  EXPECT_EQ(issuer_of({"ỦY BAN NHÂN DÂN", "TỈNH ĐẮK NÔNG", "Số: 3206/UBND-KGVX"}, nullptr),
            std::optional<std::string>("Ủy ban nhân dân tỉnh Đắk Nông"));
  EXPECT_TRUE(issuer_of({"BỘ CÔNG AN", "CỤC C04", "Số: 3980/C04-P6"}, nullptr).has_value());  // a code is no word
}

// A place or a province in a body's name read with one letter wrong is
// the list's name; a name near none, or near two, stays as printed.
TEST(FactsTest, AProvinceNameWithAnOcrSlipIsTheListsName) {
  auto data = DefaultRuleData();
  ASSERT_TRUE(data.ok());
  const RuleData& d = *data.value();
  EXPECT_EQ(BodyDisplayName("ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃl", d), "Ủy ban nhân dân tỉnh Quảng Ngãi");
  EXPECT_EQ(BodyDisplayName("CÔNG AN TỈNH LÂM ĐÒNG", d), "Công an tỉnh Lâm Đồng");
  std::optional<DateLine> dl = ReadDateLine("Quảng Ngăl, ngày 22 tháng 11 năm 2024", d);
  ASSERT_TRUE(dl.has_value());
  EXPECT_EQ(dl->place, "Quảng Ngãi");
  dl = ReadDateLine("Bảo Lộc, ngày 22 tháng 11 năm 2024", d);
  ASSERT_TRUE(dl.has_value());
  EXPECT_EQ(dl->place, "Bảo Lộc");  // a city's name, no province's
}

// Kind of page seen on unseen Word plans: no rule under the title, and the
// body's first paragraph, justified across the page, is as centred as the
// title: the title ends where "Căn cứ …" opens the body.
TEST(FactsTest, ATitleWithNoRuleUnderItEndsWhereTheBodyOpens) {
  LaidOutDocument doc;
  Page p = Banded(1, {{40, {"ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG", "Số: 12/KH-UBND"}, {"Độc lập - Tự do - Hạnh phúc", "Lâm Đồng, ngày 05 tháng 3 năm 2026"}, ""}});
  auto centred = [](double y, const std::string& text, bool bold) {
    Line l = At(1, 0, y, text);
    double shift = 297.5 - l.box.cx();
    for (Word& w : l.words) w.box.x0 += shift, w.box.x1 += shift, w.bold = bold;
    l.box.x0 += shift, l.box.x1 += shift;
    l.bold = bold;
    return l;
  };
  Block b;
  b.page = 1;
  b.lines = {centred(120, "KẾ HOẠCH", true), centred(135, "Cải cách hành chính nhà nước năm 2026", true),
             centred(150, "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;", false),
             centred(165, "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020;", false)};
  b.box = b.lines[0].box;
  for (const Line& l : b.lines) b.box = b.box.Union(l.box);
  p.blocks.push_back(b);
  doc.pages.push_back(p);
  DocumentFacts f = ExtractFacts(doc, Refs(), nullptr);
  EXPECT_EQ(f.kind, std::optional<std::string>("ke_hoach"));
  EXPECT_EQ(f.title, std::optional<std::string>("Cải cách hành chính nhà nước năm 2026"));
  // A title wrapped in plain type goes on in small letters.
  doc.pages[0].blocks.back().lines[2] = centred(150, "trên địa bàn tỉnh Lâm Đồng", false);
  f = ExtractFacts(doc, Refs(), nullptr);
  EXPECT_EQ(f.title, std::optional<std::string>("Cải cách hành chính nhà nước năm 2026 trên địa bàn tỉnh Lâm Đồng"));
}

// A plan's period is its own: the year of a document its title cites is
// not, and a period all before the plan's own date is left null.
TEST(FactsTest, APlansPeriodIsNotACitedDocumentsYear) {
  auto facts_of = [](const std::string& title) {
    LaidOutDocument doc;
    Page p = Banded(1, {{40, {"ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG", "Số: 12/KH-UBND"}, {"Độc lập - Tự do - Hạnh phúc", "Lâm Đồng, ngày 05 tháng 3 năm 2025"}, ""}});
    Line kind = At(1, 260, 120, "KẾ HOẠCH");
    Line t = At(1, 60, 135, title);
    kind.bold = t.bold = true;
    for (Word& w : kind.words) w.bold = true;
    for (Word& w : t.words) w.bold = true;
    Block b;
    b.page = 1;
    b.lines = {kind, t};
    b.box = kind.box.Union(t.box);
    p.blocks.push_back(b);
    doc.pages.push_back(p);
    std::vector<Diagnostic> diags;
    DocumentFacts f = ExtractFacts(doc, Refs(), &diags);
    return std::make_pair(f, diags);
  };
  auto [f, diags] = facts_of("Thực hiện Chỉ thị số 05/CT-TTg ngày 20 tháng 3 năm 2024 năm 2025");
  EXPECT_EQ(f.kind, std::optional<std::string>("ke_hoach"));
  EXPECT_EQ(f.period_from, std::optional<int>(2025));
  std::tie(f, diags) = facts_of("Thực hiện Chỉ thị số 05/CT-TTg ngày 20 tháng 3 năm 2024");
  EXPECT_EQ(f.period_from, std::nullopt);
  std::tie(f, diags) = facts_of("Thực hiện Chương trình giai đoạn 2021 - 2024");
  EXPECT_EQ(f.period_from, std::nullopt);
  EXPECT_TRUE(Said(diags, "period_before_date"));
  std::tie(f, diags) = facts_of("Cải cách hành chính giai đoạn 2021 - 2025");
  EXPECT_EQ(f.period_to, std::optional<int>(2025));
}

}  // namespace
}  // namespace kh
