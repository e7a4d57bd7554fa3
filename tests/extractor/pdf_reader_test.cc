#include "extractor/extractor.h"

#include <gtest/gtest.h>

#include "tests/support/guard_inputs.h"
#include "tests/support/scratch_dir.h"

#include <ctime>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace kh {
namespace {

const std::string kSrc = KEHOACH_SOURCE_DIR;

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}


TEST(PdfReaderTest, ReadsWordsBoxesFontsAndRulings) {
  Result<RawDocument> doc = ReadPdf(kSrc + "/corpus/003_cantho_2019.pdf", {});
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  ASSERT_EQ(doc->pages.size(), 7u);
  const RawPage& p1 = doc->pages[0];
  EXPECT_NEAR(p1.width, 595.3, 1);
  EXPECT_NEAR(p1.height, 841.9, 1);
  bool found_number = false, found_bold_title = false;
  for (const Word& w : p1.words) {
    if (w.text == "129/KH-SGDĐT") {
      found_number = true;
      EXPECT_GT(w.box.x0, 85);   // inside the left margin
      EXPECT_LT(w.box.x1, 300);  // in the left column of the header
      EXPECT_LT(w.box.y0, 200);  // near the top
      EXPECT_GT(w.size, 10);
    }
    if (w.text == "HOẠCH" && w.bold) found_bold_title = true;
  }
  EXPECT_TRUE(found_number);
  EXPECT_TRUE(found_bold_title);
  // Page 2 holds the task table: it has ruling lines both ways.
  int h = 0, v = 0;
  for (const Ruling& r : doc->pages[1].rulings) (r.horizontal() ? h : v)++;
  EXPECT_GT(h, 10);
  EXPECT_GT(v, 10);
}

TEST(PdfReaderTest, BadInputIsAnErrorNotACrash) {
  std::string good = ReadAll(kSrc + "/corpus/000_cantho_2026.pdf");
  ASSERT_GT(good.size(), 10000u);
  struct Case { std::string name, bytes; Status::Code code; } cases[] = {
      {"empty.pdf", "", Status::Code::kInvalidInput},
      {"text.pdf", "Kế hoạch cải cách hành chính\n", Status::Code::kInvalidInput},
      {"header_only.pdf", "%PDF-1.7\n", Status::Code::kInvalidInput},
      {"truncated.pdf", good.substr(0, 2000), Status::Code::kInvalidInput},
  };
  ScratchDir dir;
  for (const Case& c : cases) {
    Result<RawDocument> r = ReadPdf(dir.Write(c.name, c.bytes), {});
    ASSERT_FALSE(r.ok()) << c.name;
    EXPECT_EQ(r.status().code(), c.code) << c.name << ": " << r.status().message();
    EXPECT_EQ(r.status().message().find('\n'), std::string::npos);
  }
  Result<RawDocument> missing = ReadPdf("/nonexistent/plan.pdf", {});
  EXPECT_EQ(missing.status().code(), Status::Code::kIoError);
}

TEST(PdfReaderTest, EncryptedNeedsThePassword) {
  const std::string path = kSrc + "/tests/data/encrypted_secret.pdf";
  Result<RawDocument> no = ReadPdf(path, {});
  ASSERT_FALSE(no.ok());
  EXPECT_EQ(no.status().code(), Status::Code::kEncrypted);
  ReadOptions wrong;
  wrong.password = "guess";
  EXPECT_EQ(ReadPdf(path, wrong).status().code(), Status::Code::kEncrypted);
  ReadOptions right;
  right.password = "secret";
  Result<RawDocument> yes = ReadPdf(path, right);
  ASSERT_TRUE(yes.ok()) << yes.status().message();
  EXPECT_TRUE(yes->encrypted);
  EXPECT_FALSE(yes->pages[0].words.empty());
}

// Regression: Poppler's layout analysis (TextPage::coalesce) took 336 s on
// a page of 100 000 tiny words, quadratic in the words; words are now read
// in raw order.  A page of 60 000 words must come out whole: about a second
// when linear, two minutes for the quadratic reader, past the test's ctest
// TIMEOUT (tests/CMakeLists.txt); the malformed corpus has a page of 100 000
// (tests/batch/malformed_test.sh).  The page is 2010 pt square and the glyphs
// 5 pt, as Poppler keeps only 50 000 characters under 3 pt square on a page.
TEST(PdfReaderTest, PageOfManyTinyWordsIsReadWhole) {
  ScratchDir dir;
  Result<RawDocument> doc = ReadPdf(dir.Write("many_words.pdf", ManyWordsPdf(60000)), {});
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  ASSERT_EQ(doc->pages.size(), 1u);
  EXPECT_EQ(doc->pages[0].words.size(), 60000u);
}

// Raw order keeps text drawn twice, which Poppler's layout used to drop:
// fake bold (the same word again 0.3 pt to the right) and a shadow must give
// one word each, while the same word elsewhere on the line stays.
TEST(PdfReaderTest, TextDrawnTwiceIsOneWord) {
  std::string body =
      "BT /F1 12 Tf 1 0 0 1 100 700 Tm (KE) Tj ET\n"
      "BT /F1 12 Tf 1 0 0 1 100.3 700 Tm (KE) Tj ET\n"      // fake bold
      "BT /F1 12 Tf 1 0 0 1 101 699 Tm (KE) Tj ET\n"        // a shadow
      "BT /F1 12 Tf 1 0 0 1 160 700 Tm (KE) Tj ET\n"        // another word
      "BT /F1 12 Tf 1 0 0 1 100 600 Tm (HOACH) Tj ET\n";
  ScratchDir dir;
  Result<RawDocument> doc = ReadPdf(dir.Write("fake_bold.pdf", SimplePdf({body})), {});
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  std::vector<std::string> texts;
  for (const Word& w : doc->pages[0].words) texts.push_back(w.text);
  EXPECT_EQ(texts, (std::vector<std::string>{"KE", "KE", "HOACH"}));
}

}  // namespace
}  // namespace kh

namespace kh {
namespace {

// "2024-11-26T10:40:48+07:00" -> "2024-11-26 03:40:48" (UTC), as pdfsig
// prints signing times on a machine whose zone is UTC.
std::string Utc(const std::string& iso) {
  std::tm t{};
  if (iso.size() < 19 || sscanf(iso.c_str(), "%d-%d-%dT%d:%d:%d", &t.tm_year, &t.tm_mon, &t.tm_mday, &t.tm_hour,
                                &t.tm_min, &t.tm_sec) != 6)
    return "bad time " + iso;
  t.tm_year -= 1900;
  t.tm_mon -= 1;
  time_t s = timegm(&t);
  std::string tz = iso.substr(19);
  if (tz.size() == 6) s -= (tz[0] == '-' ? -1 : 1) * (std::stoi(tz.substr(1, 2)) * 3600 + std::stoi(tz.substr(4, 2)) * 60);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", std::gmtime(&s));
  return buf;
}

// Expected values from Poppler's own pdfsig (signer common name, signing
// time, "Total document signed" on the last one only), not from kehoach.
TEST(PdfReaderTest, ReadsSignatureFields) {
  Result<RawDocument> doc = ReadPdf(kSrc + "/corpus/real/r17_bc280_ubnd_quangngai_2024_scan.pdf", {});
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  ASSERT_EQ(doc->signatures.size(), 2u);
  const Signature& a = doc->signatures[0];
  const Signature& b = doc->signatures[1];
  EXPECT_TRUE(a.field);
  EXPECT_EQ(a.signer, "Ủy ban nhân dân tỉnh Quảng Ngãi");
  EXPECT_EQ(Utc(a.time), "2024-11-26 03:40:48");
  EXPECT_FALSE(a.whole_file);  // the second signature was added after it
  EXPECT_EQ(b.signer, "TRUNG TÂM CÔNG BÁO VÀ TIN HỌC");
  EXPECT_EQ(Utc(b.time), "2024-11-26 13:45:56");
  EXPECT_TRUE(b.whole_file);
  // Both widgets are in the top strip of page 1 (the boxes on the image).
  EXPECT_EQ(a.page, 1);
  EXPECT_LT(a.box.y1, 80);
  EXPECT_GT(a.box.x0, 300);

  Result<RawDocument> r05 = ReadPdf(kSrc + "/corpus/real/r05_kh589_bca_c04_2025_scan.pdf", {});
  ASSERT_TRUE(r05.ok());
  ASSERT_EQ(r05->signatures.size(), 1u);
  EXPECT_EQ(r05->signatures[0].signer, "Bộ Công an");
  EXPECT_EQ(Utc(r05->signatures[0].time), "2025-10-02 09:24:01");
  EXPECT_TRUE(r05->signatures[0].whole_file);

  // No signature field: none.
  Result<RawDocument> plain = ReadPdf(kSrc + "/corpus/003_cantho_2019.pdf", {});
  ASSERT_TRUE(plain.ok());
  EXPECT_TRUE(plain->signatures.empty());
}

// Info /CreationDate as the day it names, in its own zone
// ("D:20250421161048+07'00'", as `strings` shows it): the latest date a
// blank day written by hand may have (rules/facts.h LatestDate).
TEST(PdfReaderTest, ReadsTheDayTheFileWasMade) {
  Result<RawDocument> r26 = ReadPdf(kSrc + "/corpus/real/r26_cv2309_tdtn_tiengiang_scan_badocr.pdf", {});
  ASSERT_TRUE(r26.ok()) << r26.status().message();
  EXPECT_EQ(r26->created, "2025-04-21");
  Result<RawDocument> r04 = ReadPdf(kSrc + "/corpus/real/r04_kh996_tctlntw_c04_2026_scan.pdf", {});
  ASSERT_TRUE(r04.ok());
  EXPECT_EQ(r04->created, "2026-03-01");  // 10:46 in Vietnam, 03:46 UTC
  // No /CreationDate: none.
  Result<RawDocument> r17 = ReadPdf(kSrc + "/corpus/real/r17_bc280_ubnd_quangngai_2024_scan.pdf", {});
  ASSERT_TRUE(r17.ok());
  EXPECT_EQ(r17->created, "");
}

}  // namespace
}  // namespace kh
