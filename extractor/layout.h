// layout: words and rulings -> lines -> blocks in reading order -> one text
// with every byte traceable to a page and a box.
//
// What it does, page by page:
//  * Tables (tables.h).  Ruled grids and borderless tables are rebuilt and
//    joined over page breaks; each cell becomes one block on the page where
//    it starts (a cell cut by a page break keeps the lines of both pages,
//    each line its own page and boxes).  Cells are read row by row.
//  * Lines.  Other words are grouped into lines by vertical overlap.
//  * Running headers and footers.  A line in the top or bottom margin that is
//    only a page number ("3", "- 3 -", "Trang 3"), or whose text (digits
//    ignored) recurs in the margins of at least three pages, is dropped.
//  * Two-column bands.  A run of lines with a vertical channel of white space
//    between words (the plan's header: issuing body and "Số: ..." on the left,
//    the national motto and "Place, ngày ..." on the right; the signature
//    block at the end) becomes a band: its left column is read before its
//    right column, each as one block.
//  * Everything else is body text, one block per run of lines.
//
// BuildText then joins blocks into paragraphs ("\n" between paragraphs): a
// line that is indented, follows a short line, changes between bold and
// regular, or follows a wider gap starts a new paragraph.  A token broken
// after a hyphen or slash at a line end ("4725/QĐ-" + "BGDĐT") is joined back
// without a space.  A paragraph running over a page break is joined too.
#ifndef KEHOACH_EXTRACTOR_LAYOUT_H_
#define KEHOACH_EXTRACTOR_LAYOUT_H_

#include <string>
#include <vector>

#include "common/geometry.h"
#include "extractor/extractor.h"
#include "extractor/line.h"
#include "extractor/tables.h"

namespace kh {

enum class BlockKind {
  kBody,    // running text
  kColumn,  // one column of a two-column band
  kCell,    // one table cell
};

struct Block {
  int page = 0;
  Box box;
  BlockKind kind = BlockKind::kBody;
  int band = -1;    // kColumn: which band on the page (0 = first from the top)
  int column = 0;   // kColumn: 0 left, 1 right
  Box frame;        // kCell: the rectangle of the rulings around the cell
  std::vector<Line> lines;
};

struct Page {
  int number = 0;
  double width = 0, height = 0;
  std::vector<Block> blocks;          // reading order
  std::vector<Line> dropped;          // running headers/footers removed
  std::vector<Ruling> rulings;
  bool ocr = false;                   // as RawPage has it: read by OCR
};

struct LaidOutDocument {
  std::vector<Page> pages;
  std::vector<Table> tables;  // every table, each joined over its pages (tables.h)
  std::vector<Signature> signatures;  // as RawDocument has them
  std::vector<InkText> stamps;        // every page's, in page order
  std::vector<BlankReadings> blanks;  // every page's, in page order
  std::string created;                // as RawDocument has it
};

// Takes the document by value: pass std::move(doc) when it is not needed
// after (the pipeline does), and its words are moved, not copied.
LaidOutDocument Layout(RawDocument doc);

// Where a piece of text came from.
struct Span {
  size_t begin = 0, end = 0;  // byte range in Text::text
  int page = 0;
  Box box;
};

struct Provenance {
  int page = 0;
  Box box;  // union of the word boxes on that page
};

// One paragraph of Text: [begin, end) excludes the '\n' after it.
struct Paragraph {
  size_t begin = 0, end = 0;
  BlockKind kind = BlockKind::kBody;  // kCell: a table cell; kColumn: header/signature
  bool bold = true;                   // every line of it is bold
};

struct Text {
  std::string text;         // UTF-8, paragraphs separated by '\n'
  std::vector<Span> spans;  // one per word, ordered by begin
  std::vector<Paragraph> paragraphs;  // in order, covering every line

  // The page (of the first word touched) and the union of the boxes of the
  // words in [begin, end) on that page.  page 0 if the range touches no word.
  Provenance Locate(size_t begin, size_t end) const;
};

Text BuildText(const LaidOutDocument& doc);

}  // namespace kh

#endif  // KEHOACH_EXTRACTOR_LAYOUT_H_
