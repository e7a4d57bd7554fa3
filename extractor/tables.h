// tables: the grid of every table in the document, rebuilt from the page's
// ruling lines or, for a table drawn without lines, from the alignment of its
// text; one table per table, however many pages it runs over.
//
// This part knows geometry only; what the columns mean (which one is
// "Cơ quan chủ trì") is for rules/tasks.  Layout() calls it; the functions are
// exposed so that each step can be tested on its own.
//
// Ruled tables.  The page's rulings are grouped into connected sets (segments
// that touch); a set with at least two horizontal and two vertical rulings is
// a grid.  Its column edges are the x positions of its vertical rulings, its
// row edges the y positions of its horizontal ones.  Every grid position gets
// the rectangle of rulings around it, so a merged cell (a ruling missing
// inside it) is one cell spanning rows or columns, empty or not.  A word goes
// to the cell its centre lies in.
//
// Borderless tables.  Among the page's text lines, a run of lines kept apart
// by at least two vertical channels of white space (gutters) all the way down
// is a table: the gutters are its column edges.  A line with text in the
// first column, or text in two columns after a wider gap, starts a row.  A
// short line crossing the gutters with table lines after it is a row spanning
// the columns (a group row, "1. Cải cách thể chế"); any other line crossing
// them, a smaller font (a footnote) or a wide gap ends the table.
//
// Across pages.  A table that ends at the foot of a page goes on in the table
// at the top of the next page if their column edges match.  There:
//  * header rows repeated at the top (the same text as the table's first
//    rows) are dropped;
//  * a first row without a number is the rest of the row cut by the page
//    break when the cut is plausible (the row ran to the foot of the page)
//    and its text reads as a continuation (a cell going on in lower case, or
//    fewer columns going on than the row had); its lines are appended to the
//    cells above, column by column, and the cell gets a second piece;
//  * a cell merged down over rows goes on as one cell when one of its two
//    parts is empty (the text of a merged group cell stays on one page).
#ifndef KEHOACH_EXTRACTOR_TABLES_H_
#define KEHOACH_EXTRACTOR_TABLES_H_

#include <vector>

#include "common/geometry.h"
#include "extractor/extractor.h"
#include "extractor/line.h"

namespace kh {

// Where (part of) a cell is drawn.
struct CellPiece {
  int page = 0;
  Box frame;
};

struct TableCell {
  int row = 0, col = 0;            // top-left position in the table's grid
  int row_span = 1, col_span = 1;
  std::vector<Line> lines;         // reading order; may come from two pages
  std::vector<CellPiece> pieces;   // one per page the cell is drawn on, top first
  bool empty() const { return lines.empty(); }
};

struct TableRow {
  int page = 0;      // the page its top is on
  Box box;           // its band on that page
  bool cut = false;  // it went on over a page break (the rest was joined to it)
};

struct Table {
  bool ruled = true;
  int columns = 0;
  std::vector<TableRow> rows;
  std::vector<TableCell> cells;  // ordered by (row, col); ruled tables include empty cells
  int repeated_header_rows = 0;  // rows dropped from continuation pages as repeats

  // The cell covering (row, col); nullptr where nothing is (borderless tables
  // keep no empty cells).  Valid after Index().
  const TableCell* At(int row, int col) const;
  void Index();

 private:
  std::vector<int> grid_;
};

// One page's part of a table.
struct TableSegment {
  int page = 0;
  bool ruled = true;
  Box box;
  std::vector<double> xs;  // column edges, left to right (columns = xs.size() - 1)
  std::vector<double> ys;  // row edges, top to bottom
  std::vector<TableCell> cells;  // grid positions local to the segment
};

// The ruled grids among `rulings`; the words inside a grid's cells are taken
// out of *words and put into the cells (as lines).
std::vector<TableSegment> FindRuledTables(int page, const std::vector<Ruling>& rulings, std::vector<Word>* words);

// Borderless tables among `lines` (one page, sorted top to bottom); their
// lines are taken out of *lines.
std::vector<TableSegment> FindBorderlessTables(int page, std::vector<Line>* lines);

// What else is on a page, to know whether a table runs to its foot or starts
// at its top.
struct PageContent {
  double height = 0;
  std::vector<Box> other;  // boxes of the text outside tables (running headers and footers left out)
};

// Joins the segments (segments[p] = page p's, top to bottom) into tables.
std::vector<Table> AssembleTables(std::vector<std::vector<TableSegment>> segments, const std::vector<PageContent>& pages);

}  // namespace kh

#endif  // KEHOACH_EXTRACTOR_TABLES_H_
