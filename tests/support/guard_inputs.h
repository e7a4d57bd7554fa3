// The inputs of the tests that guard against quadratic blow-ups, at any size,
// shared by those tests (sized so that a quadratic run passes their ctest
// TIMEOUT) and bench/guards.cc (the time per unit at growing sizes, in
// bench/RESULTS.md).
#ifndef KEHOACH_TESTS_SUPPORT_GUARD_INPUTS_H_
#define KEHOACH_TESTS_SUPPORT_GUARD_INPUTS_H_

#include <string>
#include <vector>

#include "extractor/extractor.h"
#include "extractor/line.h"

namespace kh {

// A PDF of one page per content stream, in Helvetica as /F1, pages of the
// given MediaBox.
std::string SimplePdf(const std::vector<std::string>& contents, const std::string& media = "0 0 595 842");

// One page of `words` two-letter words ("w0" … "w9") of 5 pt, 250 to a row,
// 8 pt apart on a page 2010 pt square (at most 60 000: Poppler keeps only
// 50 000 characters under 3 pt a page, so the words are not smaller).
std::string ManyWordsPdf(int words);

// A line of three columns over `lines` one-word lines below it: gutters open
// all the way down, filled once; no table.
std::vector<Line> AlignedLines(int lines);

// `per_way` rulings across and as many down, 6 pt apart: a grid of
// (per_way - 1)² positions, which no real table has.
std::vector<Ruling> RuledGrid(int per_way);

// piece repeated to at least `bytes` bytes.
std::string Repeated(const std::string& piece, size_t bytes);

}  // namespace kh

#endif  // KEHOACH_TESTS_SUPPORT_GUARD_INPUTS_H_
