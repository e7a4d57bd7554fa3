// Pages made from text, for what starts after the PDF reader (the rules
// stage, the table builder): the fuzz targets (fuzz/), the stress tests and
// the stress benchmark (bench/stress_rules.cc).
//
// TextToDocument: plain text as a PDF would draw it.  Each line is a row of
// words (split at spaces) 14 pt below the last, 48 lines a page ('\f' starts
// a page).  A line starting with '#' is bold, with '^' centred, with '|'
// split into cells at every further '|' with ruled borders around them, so
// that titles, headers and tables can be reached from text.
//
// ParsePageDump: the exact words and rulings of pages, one per line:
//   P width height                    a new page
//   R x0 y0 x1 y1                     a ruling
//   W x0 y0 x1 y1 flags text          a word; flags: b bold, s space after, - none
// Lines that do not parse are skipped; numbers are whatever strtod reads
// (nan and inf included: the reader must cope).  DumpPages writes this
// format, so real pages can seed the fuzzer (fuzz/dump_pages.cc).
#ifndef KEHOACH_TESTS_SUPPORT_SYNTHETIC_PAGES_H_
#define KEHOACH_TESTS_SUPPORT_SYNTHETIC_PAGES_H_

#include <string>
#include <string_view>

#include "extractor/extractor.h"

namespace kh {

RawDocument TextToDocument(std::string_view text);
RawDocument ParsePageDump(std::string_view dump);
std::string DumpPages(const RawDocument& doc);

}  // namespace kh

#endif  // KEHOACH_TESTS_SUPPORT_SYNTHETIC_PAGES_H_
