// digits: the figures written by hand (or with a number stamp) into a blank
// of a printed form, read one by one.
//
// Tesseract's models are trained on print; the number a clerk writes into
// "Số:    /KH-UBND" and the day into "ngày   tháng" come out of it as junk
// ("ØÓ6", "#€") or not at all (ocr/fill_ins.h).  This reader takes the ink
// in the blank apart into figures and compares each with a set of
// handwritten digits (ocr/data/handwritten_digits.json: 1797 digits by 43
// writers), the way the set was made: the figure's slant taken off, scaled
// to 32 pixels high in a 32x32 square, and its ink counted in an 8x8 grid.
// The nearest samples vote.
//
//   DigitReader reader = DigitReader::Embedded();
//   DigitReading r = reader.Read(grey, blank_in_pixels, line_height_px);
//   if (r.sure) number = r.digits;
//
// Figures are found as the connected ink taller than half a line; pieces
// above or below one (the flag of a 5, a 7's bar) join it, dots and the
// dotted leader line do not count, and a run of ink as wide as two or more
// figures is cut at its thinnest columns; a figure much shorter than the
// others (a pen running dry) is looked for again, in its own columns, at a
// lighter threshold.  A reading is `sure` only when every
// figure is: its nearest samples agree (most of the vote for one digit), it
// is near them, it has the loops its digit is written with (a 9 one, a 3
// none), and it is as tall as the blank's other figures (not a fragment of
// a faint one).  The caller weighs an unsure reading against the engine's
// (ocr/fill_ins.h JoinReadings) rather than give a wrong number.
#ifndef KEHOACH_OCR_DIGITS_H_
#define KEHOACH_OCR_DIGITS_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "extractor/extractor.h"

namespace kh {

// One figure as the samples hold it: 8x8 counts (0-16) of a 32x32 bitmap.
using DigitGrid = std::array<uint8_t, 64>;

struct DigitFigure {
  char digit = '0';
  Box box;               // in the image's pixels
  double vote = 0;       // its share of the nearest samples' vote (0-1)
  double distance = 0;   // to the nearest sample
  bool sure = false;     // most of the vote, near it, its loops fit, a figure's height
  // Per digit, the distance to its nearest sample (the second choices
  // PlausibleReadings weighs), and the loops the figure closes.
  std::array<double, 10> nearest{};
  int loops = 0;
};

struct DigitReading {
  std::string digits;  // "589"; empty when no figure was found
  std::vector<DigitFigure> figures;
  bool sure = false;   // every figure is, and no ink of the blank is left unread
  // Ink over the blank, a figure high, that no figure was made of (a stroke
  // too long for a figure, figures run into the printed word after them),
  // or, as the OCR stage finds, blue ink under the printed word after a
  // number's blank: what was read may be only part of what is written.
  bool unread_ink = false;
};

// Every string the figures may be read as: a sure figure is its digit; one
// in doubt is any digit whose nearest sample lies within `kDoubt` (6) of its
// best one's, no farther than a sure figure's, and whose loops fit (the
// hooked 1 of r26's "18" is 26 from a 3, 29 from a 1, 32 from a 2).  Empty
// when a figure fits no digit, or when there would be more than `limit`.
// Nearest first: by the summed distances of their figures' digits.
// The caller keeps those its field allows (a day, a month; fill_ins.h).
std::vector<std::string> PlausibleReadings(const DigitReading& reading, size_t limit = 16);

class DigitReader {
 public:
  // From JSON text {"samples": ["5:aafn..."]} (see the data file's "about").
  static Result<DigitReader> FromJson(std::string_view json);
  // The samples compiled into the binary.
  static const DigitReader& Embedded();

  // Reads the figures of a one-channel image (0 black, 255 paper) whose
  // middle lies between `from_x` and `to_x`, looking for their ink in `look`
  // (pixels): a figure often crosses the edges OCR drew round the words
  // beside it.  `line_height` is the printed line's height in pixels.
  DigitReading Read(const PageImage& grey, const Box& look, double from_x, double to_x, double line_height) const;

  // The digit nearest to one figure's grid, and its share of the vote.
  int Classify(const DigitGrid& grid, double* vote, double* distance,
               std::array<double, 10>* nearest = nullptr) const;

  // A figure's grid from its ink: a bitmap `width` x `height`, 1 = ink.
  static DigitGrid GridOf(const std::vector<uint8_t>& ink, int width, int height);

  size_t size() const { return labels_.size(); }

 private:
  std::vector<DigitGrid> grids_;
  std::vector<int> labels_;
};

}  // namespace kh

#endif  // KEHOACH_OCR_DIGITS_H_
