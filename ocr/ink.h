// ink: a page image in grey for OCR, coloured ink taken off.
//
// A signed scan carries, over the black print, a red seal, a red or blue
// incoming-document stamp ("ĐẾN", "Số", "Ngày" with a handwritten number), a
// blue signature and notes in colour.  Read as grey they are dark blots that
// hide the print under them and are read as words of their own (an issuer
// "+07:00", a number from the stamp).  Ink whose colour is far from grey is
// turned white here; black and grey print, even where a seal covers it, stays.
//
//   InkStats stats;
//   PageImage grey = DropColourInk(rgb, &stats);   // 1 channel
//
// A pixel is coloured ink when its channels differ by more than kSpread and
// its hue is red, magenta or blue (the inks of seals, stamps and pens);
// yellowed paper and green are kept (a yellowed page is not ink).  A grey
// image comes back as it is.
#ifndef KEHOACH_OCR_INK_H_
#define KEHOACH_OCR_INK_H_

#include "extractor/extractor.h"

namespace kh {

struct InkStats {
  double coloured = 0;  // share of the page's pixels taken off as coloured ink
};

PageImage DropColourInk(const PageImage& image, InkStats* stats = nullptr);

}  // namespace kh

#endif  // KEHOACH_OCR_INK_H_
