#include "normalizer/legacy.h"

#include <iconv.h>

#include <set>

#include <gtest/gtest.h>

#include "common/utf8.h"

namespace kh {
namespace {

std::shared_ptr<const LegacyDecoder> Decoder() {
  auto d = LegacyDecoder::Default();
  EXPECT_TRUE(d.ok()) << d.status().message();
  return d.value();
}

std::string U8(std::u32string_view s) {
  std::string out;
  for (char32_t c : s) utf8::Append(c, &out);
  return out;
}

// glibc's iconv from one encoding to another (the independent check).
std::string Iconv(const char* from, const char* to, const std::string& in) {
  iconv_t cd = iconv_open(to, from);
  if (cd == reinterpret_cast<iconv_t>(-1)) return "<no iconv " + std::string(from) + ">";
  std::string out(in.size() * 8 + 8, '\0');
  char* ip = const_cast<char*>(in.data());
  size_t il = in.size();
  char* op = out.data();
  size_t ol = out.size();
  size_t r = iconv(cd, &ip, &il, &op, &ol);
  // Flush: glibc's TCVN converter holds a base letter back, waiting for a
  // combining mark.
  if (r != static_cast<size_t>(-1)) r = iconv(cd, nullptr, nullptr, &op, &ol);
  iconv_close(cd);
  if (r == static_cast<size_t>(-1)) return "<iconv failed>";
  out.resize(out.size() - ol);
  return out;
}

const LegacyTable& TableOf(const LegacyDecoder& d, LegacyEncoding e) {
  for (const LegacyTable& t : d.tables())
    if (t.encoding == e) return t;
  ADD_FAILURE() << "no table " << LegacyEncodingName(e);
  return d.tables().front();
}

TEST(LegacyTest, TablesLoadWithTheirExamples) {
  auto d = Decoder();
  ASSERT_EQ(d->tables().size(), 3u);
  for (const LegacyTable& t : d->tables()) {
    EXPECT_GE(t.examples.size(), 3u) << t.id;
    EXPECT_FALSE(t.counter_examples.empty()) << t.id;
    EXPECT_FALSE(t.font_examples.empty()) << t.id;
  }
}

TEST(LegacyTest, EveryExampleDecodesAndEveryCounterExampleIsLeftAlone) {
  auto d = Decoder();
  for (const LegacyTable& t : d->tables()) {
    FontDecoding fd{t.encoding, false};
    for (const auto& [legacy, unicode] : t.examples) EXPECT_EQ(d->Decode(legacy, fd), unicode) << t.id << ": " << legacy;
    for (const std::string& c : t.counter_examples) EXPECT_EQ(d->Decode(c, fd), c) << t.id;
  }
}

TEST(LegacyTest, PopplerQuirksMapBackToWindows1252) {
  auto d = Decoder();
  ASSERT_FALSE(d->quirk_examples().empty());
  for (const auto& [pdf, cp1252] : d->quirk_examples()) {
    std::string mapped;
    size_t i = 0;
    while (i < pdf.size()) {
      char32_t c = utf8::Next(pdf, &i);
      auto q = d->quirks().find(c);
      utf8::Append(q == d->quirks().end() ? c : q->second, &mapped);
    }
    EXPECT_EQ(mapped, cp1252);
  }
  // And they reach the TCVN3 table: "n−íc" is "nước", "x∙" is "xã".
  EXPECT_EQ(d->Decode("n\u2212\u00edc x\u2219 h\u00e9i", {LegacyEncoding::kTcvn3, false}), "nước xã hội");
}

// Every single-byte entry of TCVN3 and VISCII agrees with glibc's tables:
// the key's Windows-1252 byte, read as TCVN5712-1 (a superset of TCVN3's
// VN3) or VISCII, is the value.
void CheckAgainstIconv(const LegacyTable& t, const char* glibc_name) {
  size_t checked = 0;
  for (const auto& [key, value] : t.map) {
    ASSERT_EQ(key.size(), 1u) << t.id << " keys are single bytes";
    std::string byte;
    if (key[0] < 0x20) {
      byte.push_back(static_cast<char>(key[0]));
    } else {
      byte = Iconv("UTF-8", "CP1252", U8(key));
      // 0x81, 0x8D, 0x8F, 0x90, 0x9D are unassigned in Windows-1252; Poppler
      // reports them as the Latin-1 control of the same code.
      if (byte.size() != 1 && key[0] >= 0x80 && key[0] <= 0x9F) byte = std::string(1, static_cast<char>(key[0]));
    }
    ASSERT_EQ(byte.size(), 1u) << t.id << ": key U+" << std::hex << static_cast<int>(key[0]);
    EXPECT_EQ(Iconv(glibc_name, "UTF-8", byte), U8(value))
        << t.id << ": byte 0x" << std::hex << (static_cast<unsigned>(byte[0]) & 0xFF);
    ++checked;
  }
  EXPECT_GT(checked, 60u);
}

TEST(LegacyTest, Tcvn3AgreesWithGlibc) { CheckAgainstIconv(TableOf(*Decoder(), LegacyEncoding::kTcvn3), "TCVN5712-1"); }
TEST(LegacyTest, VisciiAgreesWithGlibc) { CheckAgainstIconv(TableOf(*Decoder(), LegacyEncoding::kViscii), "VISCII"); }

// All 134 Vietnamese letters (67 with a diacritic, in two cases).
std::set<std::string> VietnameseLetters() {
  std::set<std::string> out;
  const std::string lower =
      "àảãáạăằẳẵắặâầẩẫấậđèẻẽéẹêềểễếệìỉĩíịòỏõóọôồổỗốộơờởỡớợùủũúụưừửữứựỳỷỹýỵ";
  size_t i = 0;
  while (i < lower.size()) {
    size_t b = i;
    utf8::Next(lower, &i);
    out.insert(lower.substr(b, i - b));
  }
  return out;
}

std::set<std::string> Produced(const LegacyTable& t) {
  std::set<std::string> out;
  for (const auto& [k, v] : t.map) out.insert(U8(v));
  // Letters whose Windows-1252 view is already right need no entry.
  for (char32_t c = 0xC0; c <= 0xFF; ++c) out.insert(U8(std::u32string(1, c)));
  return out;
}

TEST(LegacyTest, VniAndVisciiWriteEveryVietnameseLetter) {
  auto d = Decoder();
  std::set<std::string> letters = VietnameseLetters();
  ASSERT_EQ(letters.size(), 67u);
  for (LegacyEncoding e : {LegacyEncoding::kVni, LegacyEncoding::kViscii}) {
    std::set<std::string> produced = Produced(TableOf(*d, e));
    for (const std::string& l : letters) {
      EXPECT_TRUE(produced.count(l)) << LegacyEncodingName(e) << " lacks " << l;
    }
  }
}

TEST(LegacyTest, Tcvn3WritesEveryLowerCaseLetterAndTheUpperBases) {
  auto d = Decoder();
  std::set<std::string> produced = Produced(TableOf(*d, LegacyEncoding::kTcvn3));
  for (const std::string& l : VietnameseLetters()) EXPECT_TRUE(produced.count(l)) << "tcvn3 lacks " << l;
  for (const char* u : {"Ă", "Â", "Ê", "Ô", "Ơ", "Ư", "Đ"}) EXPECT_TRUE(produced.count(u)) << "tcvn3 lacks " << u;
}

TEST(LegacyTest, FontNamesAndUpperCaseFonts) {
  auto d = Decoder();
  for (const LegacyTable& t : d->tables()) {
    for (const std::string& f : t.font_examples) EXPECT_EQ(d->ByName(f).encoding, t.encoding) << f;
    for (const std::string& f : t.font_counter_examples) EXPECT_NE(d->ByName(f).encoding, t.encoding) << f;
    for (const std::string& f : t.upper_examples) EXPECT_TRUE(d->ByName(f).upper) << f;
    for (const std::string& f : t.upper_counter_examples) EXPECT_FALSE(d->ByName(f).upper) << f;
  }
}

TEST(LegacyTest, UpperCaseFontsComeBackInCapitals) {
  auto d = Decoder();
  FontDecoding h = d->ByName("VnTimeHBold");
  EXPECT_EQ(d->Decode("ng\u00a9n h\u00b5ng nh\u00b5 n\u2212\u00edc", h), "NGÂN HÀNG NHÀ NƯỚC");
  EXPECT_EQ(d->Decode("th\u00abng t\u2212", h), "THÔNG TƯ");
}

std::vector<std::string_view> Views(const std::vector<std::string>& v) { return {v.begin(), v.end()}; }

TEST(LegacyTest, ClassifyBelievesALegacyNameUnlessTheTextIsUnicode) {
  auto d = Decoder();
  std::vector<std::string> tcvn = {"Sè", ":", "01/2006/TT-NHNN", "H\u00b5", "N\u00e9i,", "ng\u00b5y"};
  EXPECT_EQ(d->Classify(".VnTime", Views(tcvn)).encoding, LegacyEncoding::kTcvn3);
  // A modern PDF of an old document can map a .VnTime font to real Unicode.
  std::vector<std::string> unicode = {"Số", "01/2006/TT-NHNN", "Hà", "Nội,", "ngày", "tháng", "hài", "lòng"};
  EXPECT_EQ(d->Classify(".VnTime", Views(unicode)).encoding, LegacyEncoding::kNone);
}

TEST(LegacyTest, ClassifyRecognisesLegacyTextUnderAnyFontName) {
  auto d = Decoder();
  std::vector<std::string> tcvn = {"c\u00e9ng", "ho\u00b5", "x\u00b7", "h\u00e9i", "chñ", "nghÜa", "vi\u00d6t", "nam",
                                   "§\u00e9c", "l\u00cbp", "H¹nh", "ph\u00f3c"};
  EXPECT_EQ(d->Classify("Arial", Views(tcvn)).encoding, LegacyEncoding::kTcvn3);
  std::vector<std::string> vni = {"Co\u00e4ng", "ho\u00f8a", "xa\u00f5", "ho\u00e4i", "chu\u00fb", "ngh\u00f3a",
                                  "Vie\u00e4t", "Nam", "\u00d1o\u00e4c", "la\u00e4p", "T\u00f6\u00ef", "do"};
  EXPECT_EQ(d->Classify("TimesNewRoman", Views(vni)).encoding, LegacyEncoding::kVni);
  std::vector<std::string> viscii = {"C\u00b5ng", "h\u00f2a", "x\u00e3", "h\u00b5i", "ch\u00fc", "ngh\u00eea",
                                     "Vi\u00aet", "Nam", "Quy\u00eat", "\u00f0\u00b8nh", "s\u00af", "t\u00df\u00beng"};
  EXPECT_EQ(d->Classify("Times", Views(viscii)).encoding, LegacyEncoding::kViscii);
}

TEST(LegacyTest, ClassifyLeavesUnicodeAndPlainTextAlone) {
  auto d = Decoder();
  std::vector<std::string> text = {"Ủy", "ban", "nhân", "dân", "thành", "phố", "Cần", "Thơ", "đạt", "95%", "“tối", "thiểu”"};
  EXPECT_EQ(d->Classify("TimesNewRomanPSMT", Views(text)).encoding, LegacyEncoding::kNone);
  // Latin-1 text with a few symbols is not enough to call a font legacy.
  std::vector<std::string> latin = {"Café", "©", "2024", "Zürich", "naïve", "résumé", "über", "crème", "brûlée"};
  EXPECT_EQ(d->Classify("Helvetica", Views(latin)).encoding, LegacyEncoding::kNone);
}

TEST(LegacyTest, WordsAlreadyInUnicodeAreNotDecoded) {
  auto d = Decoder();
  // "ộ" cannot come from a legacy byte: the word is Unicode already.
  EXPECT_EQ(d->Decode("Quyết định", {LegacyEncoding::kTcvn3, false}), "Quyết định");
}

TEST(LegacyTest, BadTablesAreRefused) {
  EXPECT_FALSE(LegacyDecoder::Create("{").ok());
  EXPECT_FALSE(LegacyDecoder::Create(R"({"encodings": [{"id": "ebcdic", "map": {}}]})").ok());
  EXPECT_FALSE(LegacyDecoder::Create(R"({"encodings": [{"id": "vni"}]})").ok());
  EXPECT_FALSE(LegacyDecoder::Create(R"({"pdf_quirks": {"map": {"ab": "c"}}, "encodings": []})").ok());
  EXPECT_TRUE(LegacyDecoder::Create(R"({"encodings": [{"id": "vni", "map": {"a\u00f9": "á"}}]})").ok());
}

}  // namespace
}  // namespace kh
