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

#include <vector>

#include "extractor/extractor.h"

namespace kh {

struct InkStats {
  double coloured = 0;  // share of the page's pixels taken off as coloured ink
};

PageImage DropColourInk(const PageImage& image, InkStats* stats = nullptr);

// Where coloured ink makes a rectangle of a stamp's size and shape: the
// incoming-document stamp ("ĐẾN / Số / Ngày / Chuyển", about 2.5 x 1 inch);
// round seals (as wide as high) and lines of handwriting are not.  Boxes in
// pixels.  A grey image has none.
std::vector<Box> StampRegions(const PageImage& image);

// The coloured ink inside `box` alone, black on white (the print under it
// left out), for reading a stamp.
PageImage ColourInkOnly(const PageImage& image, const Box& box);

}  // namespace kh

#endif  // KEHOACH_OCR_INK_H_
