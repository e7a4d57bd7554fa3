// page_reading: one decision per page, how it is read: its own text layer,
// or its rendered image through OCR.  Decided by what the page holds, never
// by the producer's name:
//
//  - text_cover: the share of the page's area its words' boxes cover (a
//    page of body text: 0.15-0.35; a signature box or a "SAO Y" stamp over a
//    scan: under 0.05);
//  - syllables: the share of its words that are Vietnamese syllables
//    (normalizer/syllables.h; OCR junk from an engine without Vietnamese:
//    under a half);
//  - marked: the share of its letters that carry a Vietnamese mark (a
//    Vietnamese text has many; an OCR layer that dropped them has none);
//  - alnum and broken: the share of its characters that are letters or
//    digits, and that are U+FFFD or control characters (a layer of symbols);
//  - image_cover: the share covered by images (a scan: near 1);
//  - curved_fills: filled shapes with curves (extractor.h), the letters of
//    a page printed without fonts (Ghostscript -dNoOutputFonts: thousands).
//
// A page without text whose letters are outlines is OCR'd (outlined_text).
// Any other page that is not mostly image is read by its text.  An image page is
// OCR'd when its text is missing (no_text_layer), junk (unusable_text_layer)
// or only a corner of it, such as a signature box or a stamp
// (partial_text_layer); otherwise its text layer is believed.
//
//   PageReading r = DecidePageReading(page, syllables);
//   if (r.ocr) ...render and OCR...; source.reading.push_back(...)
#ifndef KEHOACH_OCR_PAGE_READING_H_
#define KEHOACH_OCR_PAGE_READING_H_

#include <string>

#include "extractor/extractor.h"
#include "normalizer/syllables.h"

namespace kh {

struct PageEvidence {
  int chars = 0;             // characters of the text layer
  double text_cover = 0;     // 0..1
  double syllables = 0;      // 0..1 of the words with letters; -1: not counted (not a scan)
  double marked = 0;         // 0..1 of the letters
  double alnum = 0;          // 0..1 of the characters: letters and digits
  double broken = 0;         // 0..1 of the characters: U+FFFD and control characters
  double image_cover = 0;    // 0..1
  int curved_fills = 0;
};

struct PageReading {
  bool ocr = false;
  // "text_page", "image_page_text" (a scan with a text layer that carries
  // its body), "no_text_layer", "unusable_text_layer", "partial_text_layer",
  // "outlined_text".
  std::string reason;
  PageEvidence evidence;
};

PageEvidence MeasurePage(const RawPage& page, const SyllableSet& syllables, bool count_syllables = true);
PageReading DecidePageReading(const RawPage& page, const SyllableSet& syllables);

}  // namespace kh

#endif  // KEHOACH_OCR_PAGE_READING_H_
