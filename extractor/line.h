// line: words grouped into text lines, the unit layout and tables work with.
#ifndef KEHOACH_EXTRACTOR_LINE_H_
#define KEHOACH_EXTRACTOR_LINE_H_

#include <string>
#include <vector>

#include "common/geometry.h"
#include "extractor/extractor.h"

namespace kh {

struct Line {
  int page = 0;
  Box box;
  std::vector<Word> words;  // left to right
  double size = 0;          // the largest font size on the line
  bool bold = false;        // every word is bold
  std::string Text() const; // words joined by single spaces
};

// Groups words into lines by vertical overlap; lines top to bottom, words
// left to right.
std::vector<Line> GroupLines(std::vector<Word> words, int page);

// Narrows the white-space channel [*x0, *x1] to its widest part that no word
// of the line covers; false (and nothing changed) if less than min_width is
// left.  Columns of bands and tables are found this way.
bool NarrowChannel(const Line& l, double* x0, double* x1, double min_width);

// Joins lines as running text: one space between lines, none after a token
// broken at a hyphen or slash ("4725/QĐ-" + "BGDĐT").
std::string JoinLines(const std::vector<Line>& lines);

}  // namespace kh

#endif  // KEHOACH_EXTRACTOR_LINE_H_
