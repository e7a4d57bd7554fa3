// fill_ins: the blanks of a document's form that are filled in after it is
// printed, found among the words OCR read.
//
// A Vietnamese administrative document is printed with its number and day
// left blank ("Số:    /QĐ-UBND", "Quảng Ngãi, ngày   tháng 02 năm 2025"); the
// clerk who registers it writes them in by hand or with a number stamp,
// often in blue ink.  Read with the rest of the page they come out as junk
// ("Số:⁄{6", "ngàyà3"), or not at all once coloured ink is taken off
// (ocr/ink.h).  So the engine finds each blank by its printed labels and
// reads it again, on its own, from the image with its ink kept, as digits:
//
//   Số: [number] /SYMBOL         "Số:" (or "Số" starting a line), then a word
//                                that starts with "/" or "-" and a capital
//   ngày [day] tháng [month] năm YYYY
//
// A blank whose words are already clean digits of the right range is left
// as it is.  One whose second reading is not a number of the right range is
// emptied, so that the facts see a blank ("ngày   tháng 02 năm 2025": no
// date, a diagnostic) rather than a wrong figure.
//
//   SplitAtLabels(&words, &glyphs);        // "ngàyà3" -> "ngày" "à3"
//   for (const FillIn& f : FindBlanks(words))
//     if (!f.clean) fills.push_back(f), digits.push_back(read(f.span));
//   ApplyFillIns(fills, digits, &words);
#ifndef KEHOACH_OCR_FILL_INS_H_
#define KEHOACH_OCR_FILL_INS_H_

#include <string>
#include <vector>

#include "extractor/extractor.h"
#include "ocr/digits.h"

namespace kh {

// Where a blank's figures lie, in the page's units.  OCR often draws a
// label's box over the figure written next to it ("Số:2" boxed as "Số:"),
// or the next word's over the figure before it ("7tháng"), so the printed
// words are measured by their letters (half the line's height each, a
// colon a quarter): a figure's middle lies between `from` and `to`, and
// its ink is looked for in `look`, which reaches over both words.
struct FigureSpan {
  double from = 0, to = 0;
  Box look;
};

struct FillIn {
  enum Kind { kNumber, kDay, kMonth };
  Kind kind = kNumber;
  Box box;            // the blank: from the label's right edge to the next label, one line high
  Box label_box;      // the printed label before it ("Số:", "ngày", "tháng")
  std::string label;  // its text, as read
  Box next_box;       // the printed word after the blank ("tháng", "/QĐ-UBND")
  std::string next;   // its text, as read
  size_t first = 0;   // the words in the blank now: [first, last)
  size_t last = 0;
  bool clean = false;  // they are a number of its range already
  FigureSpan span;     // where its figures lie (SpanOf), set by FindBlanks
};

// The span of a blank whose boxes and texts are set.
FigureSpan SpanOf(const FillIn& fill);

// Splits a word where a label runs into what was written after it ("Số:⁄{6"
// -> "Số:" "⁄{6", "ngàyà3" -> "ngày" "à3", "tháng02" -> "tháng" "02") and a
// number's junk from its symbol ("#4/QĐ-UBND" -> "#4" "/QĐ-UBND").  glyphs[i]
// are word i's character boxes (one a code point), or empty: then the word
// is cut in proportion.  Both vectors stay parallel.
void SplitAtLabels(std::vector<Word>* words, std::vector<std::vector<Box>>* glyphs);

// The blanks of the words, with those that hold a clean number of their
// range already marked `clean`: the caller reads the others again, and a
// clean one too where it can tell handwriting (a clean-looking "7" may be
// what the engine made of a handwritten 18, in blue ink).
std::vector<FillIn> FindBlanks(const std::vector<Word>& words);

// What a blank holds, from its two readings: `engine`, the text Tesseract
// read after the label, and `hand`, the figures ocr/digits.h read.  A sure
// hand reading stands.  One with figures in doubt stands where the engine's
// digits agree with it (as many, and equal at every sure figure; a sure
// leading 0 may be missing, "0?" and "3"): the engine's digits are taken.
// Else the blank is given as empty ("").  When no figure was found, the
// engine's reading.  A reading that left ink of the blank unread (r21's
// handwritten 4552 run into its "/", read as 45) gives nothing: a null
// number, never part of one.
std::string JoinReadings(const std::string& engine, const DigitReading& hand);

// The readings of a day or month blank in doubt that its range allows (a
// day 1-31, a month 1-12), from ocr/digits.h PlausibleReadings: a hooked 1
// read as a 3 before a sure 8 gives "18" and "28", not "38".  Empty for a
// number blank, whose range tells nothing.  Nearest first.  The engine
// takes none of them on its own, not even one alone (r04's brush-stamped
// month 02 is in range only as "04"): they are left to the facts, which
// weigh them against the file's own dates (extractor.h BlankReadings).
std::vector<std::string> ReadingsInRange(FillIn::Kind kind, const DigitReading& hand);

// readings[i]: what the second reading of fills[i].box gave.  Its digits,
// when they are a number of the blank's range (number 1-99999, day 1-31,
// month 1-12), replace the blank's words; else the blank is emptied.
void ApplyFillIns(const std::vector<FillIn>& fills, const std::vector<std::string>& readings,
                  std::vector<Word>* words);

}  // namespace kh

#endif  // KEHOACH_OCR_FILL_INS_H_
