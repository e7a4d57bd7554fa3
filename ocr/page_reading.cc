#include "ocr/page_reading.h"

#include <algorithm>
#include <cctype>

#include "common/utf8.h"

namespace kh {
namespace {

// Thresholds, each with the pages it was set on (bench/accuracy and the
// tests in tests/ocr/page_reading_test.cc).
constexpr double kImagePage = 0.3;       // image cover from which a page is a scan
constexpr int kNoText = 20;              // fewer characters: no text layer
constexpr int kOutlinedText = 300;       // curved fills from which a page without text is letters drawn as outlines
constexpr double kJunkSyllables = 0.55;  // fewer syllables among its words: junk
constexpr double kPartialCover = 0.06;   // less of the page covered: a box or a stamp
constexpr int kMarkedFrom = 80;          // characters from which a page must have marks
constexpr double kMarkedMin = 0.02;      // ... at least this share of them
constexpr double kAlnumMin = 0.6;        // fewer letters and digits among its characters: junk
constexpr double kBrokenMax = 0.05;      // more U+FFFD and control characters: junk

}  // namespace

PageEvidence MeasurePage(const RawPage& page, const SyllableSet& syllables, bool count_syllables) {
  PageEvidence e;
  e.image_cover = page.image_cover;
  double area = 0;
  int letters = 0, marked = 0, alnum = 0, broken = 0;
  std::vector<std::string> words;
  for (const Word& w : page.words) {
    area += std::max(0.0, w.box.width()) * std::max(0.0, w.box.height());
    size_t i = 0;
    while (i < w.text.size()) {
      char32_t c = utf8::Next(w.text, &i);
      ++e.chars;
      if ((c < 0x80 && std::isalpha(static_cast<int>(c))) || (c >= 0xC0 && c < 0x2000)) ++letters;
      if (c >= 0xC0 && c < 0x2000) ++marked;
      if ((c < 0x80 && std::isalnum(static_cast<int>(c))) || (c >= 0xC0 && c < 0x2000)) ++alnum;
      if (c == 0xFFFD || c < 0x20) ++broken;
    }
    if (count_syllables) words.push_back(w.text);
  }
  double page_area = page.width * page.height;
  e.text_cover = page_area > 0 ? std::min(1.0, area / page_area) : 0;
  e.syllables = count_syllables ? syllables.Share(words).share() : -1;
  e.marked = letters ? static_cast<double>(marked) / letters : 0;
  e.alnum = e.chars ? static_cast<double>(alnum) / e.chars : 0;
  e.broken = e.chars ? static_cast<double>(broken) / e.chars : 0;
  return e;
}

PageReading DecidePageReading(const RawPage& page, const SyllableSet& syllables) {
  PageReading r;
  // Syllables are counted on image pages only: a page that is not a scan is
  // read by its text whatever it holds, and counting costs (ICU per word).
  r.evidence = MeasurePage(page, syllables, page.image_cover >= kImagePage);
  const PageEvidence& e = r.evidence;
  r.evidence.curved_fills = page.curved_fills;
  if (e.image_cover < kImagePage && e.chars < kNoText && page.curved_fills >= kOutlinedText) {
    r.ocr = true;
    r.reason = "outlined_text";
    return r;
  }
  if (e.image_cover < kImagePage) {
    r.reason = "text_page";
    return r;
  }
  r.ocr = true;
  if (e.chars < kNoText) {
    r.reason = "no_text_layer";
  } else if (e.syllables < kJunkSyllables || e.alnum < kAlnumMin || e.broken > kBrokenMax ||
             (e.chars >= kMarkedFrom && e.marked < kMarkedMin)) {
    r.reason = "unusable_text_layer";
  } else if (e.text_cover < kPartialCover) {
    r.reason = "partial_text_layer";
  } else {
    r.ocr = false;
    r.reason = "image_page_text";
  }
  return r;
}

}  // namespace kh
