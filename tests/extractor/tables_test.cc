#include "extractor/tables.h"

#include <gtest/gtest.h>

#include "extractor/layout.h"
#include "tests/support/guard_inputs.h"

namespace kh {
namespace {

// A word at (x, y) of the given width, 14 pt high.
Word W(const std::string& t, double x, double y, double w = 30, double size = 13) {
  Word word;
  word.text = t;
  word.box = {x, y, x + w, y + 14};
  word.size = size;
  return word;
}

Ruling H(double y, double x0 = 85, double x1 = 400) { return Ruling{{x0, y - 0.25, x1, y + 0.25}}; }
Ruling V(double x, double y0, double y1) { return Ruling{{x - 0.25, y0, x + 0.25, y1}}; }

// A page with a 3-column grid from x=85 to 400 (edges 85, 120, 290, 400)
// and horizontal rulings at row_lines.
RawPage TablePage(std::vector<Word> words, int number, std::vector<double> row_lines) {
  RawPage p;
  p.number = number;
  p.width = 595;
  p.height = 842;
  p.words = std::move(words);
  for (double y : row_lines) p.rulings.push_back(H(y));
  for (double x : {85.0, 120.0, 290.0, 400.0}) p.rulings.push_back(V(x, row_lines.front(), row_lines.back()));
  return p;
}

std::string CellText(const Table& t, int row, int col) {
  const TableCell* c = t.At(row, col);
  return c ? JoinLines(c->lines) : "<none>";
}

TEST(TablesTest, RuledGridGivesEveryPositionAndMergedCellsAsSpans) {
  // Row 2's first cell is merged down into row 3 (no ruling under it), and
  // row 1's last two cells are one (no vertical ruling at 290 there).
  std::vector<Ruling> rs{H(100), H(150), V(85, 100, 250), V(120, 100, 250), V(290, 150, 250), V(400, 100, 250),
                         H(250), Ruling{{120, 199.75, 400, 200.25}}};
  std::vector<Word> words{W("1", 90, 105, 10), W("Nhóm", 130, 105), W("6.1", 90, 175, 20), W("Kế", 130, 155), W("Quý", 300, 155),
                          W("Báo", 130, 205), W("Tự", 450, 500)};
  auto segs = FindRuledTables(1, rs, &words);
  ASSERT_EQ(segs.size(), 1u);
  ASSERT_EQ(words.size(), 1u);  // the word outside the grid stays free
  EXPECT_EQ(words[0].text, "Tự");
  const TableSegment& s = segs[0];
  EXPECT_EQ(s.xs.size(), 4u);
  EXPECT_EQ(s.ys.size(), 4u);
  // 1 + 1 (spanning) + 3 + 2 (the merged first cell covers row 3) = 7 cells
  EXPECT_EQ(s.cells.size(), 7u);
  int checked = 0;
  for (const TableCell& c : s.cells) {
    if (c.row == 0 && c.col == 1) {
      EXPECT_EQ(c.col_span, 2);
      EXPECT_EQ(JoinLines(c.lines), "Nhóm");
      ++checked;
    }
    if (c.row == 1 && c.col == 0) {
      EXPECT_EQ(c.row_span, 2);
      EXPECT_EQ(JoinLines(c.lines), "6.1");
      ++checked;
    }
  }
  EXPECT_EQ(checked, 2);
}

// Regression guard: a border drawn around the whole page made every word a
// cell of one 1x1 "table", so the page lost its paragraphs and header block.
TEST(TablesTest, PageBorderIsNotATable) {
  std::vector<Ruling> rs{H(40, 40, 560), H(800, 40, 560), V(40, 40, 800), V(560, 40, 800)};
  std::vector<Word> words;
  for (int i = 0; i < 100; ++i) words.push_back(W("chữ", 60 + 40 * (i % 10), 60 + 20 * (i / 10)));
  EXPECT_TRUE(FindRuledTables(1, rs, &words).empty());
  EXPECT_EQ(words.size(), 100u);
}

TEST(TablesTest, UnderlineAloneIsNotATable) {
  std::vector<Ruling> rs{H(100, 200, 300), H(130, 200, 300), H(160, 200, 300), H(190, 200, 300)};
  std::vector<Word> words{W("Độc", 210, 85)};
  EXPECT_TRUE(FindRuledTables(1, rs, &words).empty());
  EXPECT_EQ(words.size(), 1u);
}

// Regression: a row cut by a page break ("... của 20% đơn vị" / "sự nghiệp
// công lập" on the next page, under the repeated header) was read as two
// paragraphs, so the text of one cell was split.
TEST(TablesTest, RowCutByPageBreakIsJoinedAndRepeatedHeaderDropped) {
  RawDocument doc;
  doc.pages.push_back(TablePage({W("TT", 90, 105, 20), W("Nội", 130, 105), W("Sản", 300, 105),
                                 W("3.3", 90, 705, 20), W("đơn", 130, 705), W("vị", 165, 705, 20),
                                 W("Báo", 300, 705), W("cáo", 335, 705)},
                                1, {100, 150, 700, 800}));
  doc.pages.push_back(TablePage({W("TT", 90, 105, 20), W("Nội", 130, 105), W("Sản", 300, 105),
                                 W("sự", 130, 155, 20), W("nghiệp", 155, 155, 50),
                                 W("3.4", 90, 205, 20), W("Việc", 130, 205, 40)},
                                2, {100, 150, 200, 250}));
  LaidOutDocument laid = Layout(doc);
  ASSERT_EQ(laid.tables.size(), 1u);
  const Table& t = laid.tables[0];
  EXPECT_EQ(t.repeated_header_rows, 1);
  ASSERT_EQ(t.rows.size(), 4u);  // header, (empty), 3.3 joined, 3.4
  EXPECT_TRUE(t.rows[2].cut);
  EXPECT_EQ(CellText(t, 2, 1), "đơn vị sự nghiệp");
  EXPECT_EQ(t.At(2, 1)->pieces.size(), 2u);
  EXPECT_EQ(t.At(2, 1)->pieces[1].page, 2);
  EXPECT_EQ(CellText(t, 3, 0), "3.4");
  Text text = BuildText(laid);
  EXPECT_EQ(text.text, "TT\nNội\nSản\n3.3\nđơn vị sự nghiệp\nBáo cáo\n3.4\nViệc\n");
  size_t at = text.text.find("nghiệp");
  EXPECT_EQ(text.Locate(at, at + 1).page, 2);  // the moved words keep their page
}

// A numbered row at the top of the next page is a row of its own.
TEST(TablesTest, NumberedRowAtPageTopIsNotJoined) {
  RawDocument doc;
  doc.pages.push_back(TablePage({W("3.3", 90, 705, 20), W("đơn", 130, 705)}, 1, {700, 800}));
  doc.pages.push_back(TablePage({W("3.4", 90, 105, 20), W("Việc", 130, 105, 40)}, 2, {100, 150}));
  LaidOutDocument laid = Layout(doc);
  ASSERT_EQ(laid.tables.size(), 1u);
  EXPECT_EQ(laid.tables[0].rows.size(), 2u);
  EXPECT_EQ(BuildText(laid).text, "3.3\nđơn\n3.4\nViệc\n");
}

// An unnumbered row at the top of the next page that fills every column the
// row above filled, each starting in upper case, is a row of its own (a
// second product and deadline for the task above).
TEST(TablesTest, UnnumberedSubRowAtPageTopIsNotJoined) {
  RawDocument doc;
  // Row 2.0 shows how wide lines in each column go.
  doc.pages.push_back(TablePage({W("2.0", 90, 655, 20), W("Một", 125, 655, 160), W("Hai", 295, 655, 100),
                                 W("2.1", 90, 705, 20), W("Kế", 130, 705), W("Quý", 300, 705)},
                                1, {650, 700, 800}));
  doc.pages.push_back(TablePage({W("Báo", 130, 105), W("Quý", 300, 105)}, 2, {100, 150}));
  LaidOutDocument laid = Layout(doc);
  ASSERT_EQ(laid.tables.size(), 1u);
  EXPECT_EQ(laid.tables[0].rows.size(), 3u);
  EXPECT_FALSE(laid.tables[0].rows[1].cut);
}

// A cell going on in lower case is a cut row even when every column goes on.
TEST(TablesTest, LowerCaseContinuationIsJoined) {
  RawDocument doc;
  doc.pages.push_back(TablePage({W("2.1", 90, 705, 20), W("Kế", 130, 705), W("Quý", 300, 705)}, 1, {700, 800}));
  doc.pages.push_back(TablePage({W("hoạch", 130, 105, 40), W("IV/2019", 300, 105, 50)}, 2, {100, 150}));
  LaidOutDocument laid = Layout(doc);
  ASSERT_EQ(laid.tables[0].rows.size(), 1u);
  EXPECT_EQ(CellText(laid.tables[0], 0, 1), "Kế hoạch");
  EXPECT_EQ(CellText(laid.tables[0], 0, 2), "Quý IV/2019");
}

// A table that ends well above the foot of its page was not cut: the row
// at the top of the next page moved there whole.
TEST(TablesTest, RowIsNotJoinedWhenTheTableEndedAboveTheFoot) {
  RawDocument doc;
  doc.pages.push_back(TablePage({W("2.1", 90, 105, 20), W("Kế", 130, 105), W("Quý", 300, 105)}, 1, {100, 400}));
  doc.pages.push_back(TablePage({W("hoạch", 130, 105, 40), W("x", 90, 780, 5)}, 2, {100, 150}));
  doc.pages[1].words.back().box = {90, 790, 95, 804};  // text low on page 2 sets the foot
  LaidOutDocument laid = Layout(doc);
  ASSERT_EQ(laid.tables.size(), 1u);
  EXPECT_EQ(laid.tables[0].rows.size(), 2u);
}

// A group cell merged down over rows on two pages: its text stays on one
// page and the other part is empty; it is one cell.
TEST(TablesTest, MergedCellOverAPageBreakIsOneCell) {
  auto page = [](int number, std::vector<Word> words, double top, double mid, double bottom) {
    RawPage p;
    p.number = number;
    p.width = 595;
    p.height = 842;
    p.words = std::move(words);
    p.rulings = {H(top), H(mid, 120, 400), H(bottom)};  // no ruling at mid under the first column: merged
    for (double x : {85.0, 120.0, 290.0, 400.0}) p.rulings.push_back(V(x, top, bottom));
    return p;
  };
  RawDocument doc;
  doc.pages.push_back(page(1, {W("Nhóm", 90, 705, 25), W("1.1", 130, 705, 20), W("Việc", 155, 705, 120), W("1.2", 130, 755, 20)},
                           700, 750, 800));
  doc.pages.push_back(page(2, {W("1.3", 130, 105, 20), W("1.4", 130, 155, 20)}, 100, 150, 200));
  LaidOutDocument laid = Layout(doc);
  ASSERT_EQ(laid.tables.size(), 1u);
  const Table& t = laid.tables[0];
  ASSERT_EQ(t.rows.size(), 4u);
  const TableCell* g = t.At(3, 0);
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(JoinLines(g->lines), "Nhóm");
  EXPECT_EQ(g->row, 0);
  EXPECT_EQ(g->row_span, 4);
  EXPECT_EQ(t.At(0, 0), g);
  EXPECT_EQ(CellText(t, 2, 1), "1.3");
}

// Tables whose columns differ are two tables, even on consecutive pages.
TEST(TablesTest, DifferentColumnsStartANewTable) {
  RawDocument doc;
  doc.pages.push_back(TablePage({W("3.3", 90, 705, 20), W("đơn", 130, 705)}, 1, {700, 800}));
  RawPage p2;
  p2.number = 2;
  p2.width = 595;
  p2.height = 842;
  p2.words = {W("a", 90, 105, 10), W("b", 250, 105, 10)};
  p2.rulings = {H(100), H(150), V(85, 100, 150), V(240, 100, 150), V(400, 100, 150)};
  doc.pages.push_back(p2);
  EXPECT_EQ(Layout(doc).tables.size(), 2u);
}

// ---- borderless --------------------------------------------------------------

// A line of cells at height y: {x, text} pairs, each word 30 pt wide per
// 8 characters or so.
Line Row(int page, double y, std::vector<std::pair<double, std::string>> cells, double size = 13) {
  std::vector<Word> ws;
  for (auto& [x, text] : cells) {
    double at = x;
    size_t i = 0;
    while (i < text.size()) {
      size_t j = text.find(' ', i);
      if (j == std::string::npos) j = text.size();
      std::string w = text.substr(i, j - i);
      ws.push_back(W(w, at, y, 6.0 * static_cast<double>(w.size()), size));
      at += 6.0 * static_cast<double>(w.size()) + 3.5;
      i = j + 1;
    }
  }
  return GroupLines(ws, page).front();
}

TEST(TablesTest, BorderlessTableFromGutters) {
  std::vector<Line> lines{
      Row(1, 80, {{85, "Nhiệm vụ như sau trong năm nay của các cơ quan đơn vị"}}),
      Row(1, 110, {{85, "TT"}, {120, "Nội dung"}, {300, "Chủ trì"}, {400, "Thời gian"}}),
      Row(1, 130, {{85, "1."}, {120, "Cải cách thể chế và thủ tục hành chính"}}),  // spans
      Row(1, 150, {{85, "1.1"}, {120, "Rà soát văn bản"}, {300, "Sở Tư pháp"}, {400, "Quý I/2025"}}),
      Row(1, 166, {{120, "quy phạm"}}),
      Row(1, 190, {{120, "Báo cáo thêm"}, {300, "Văn phòng"}, {400, "Quý II"}}),  // unnumbered, after a gap
      Row(1, 210, {{85, "1.2"}, {120, "Công khai"}, {300, "Sở Nội vụ"}, {400, "Thường xuyên"}}),
      Row(1, 240, {{85, "¹ Ghi chú nhỏ ở cuối bảng"}}, 10),  // footnote: smaller
      Row(1, 260, {{85, "Đoạn văn tiếp theo sau bảng này viết dài hết cả dòng văn bản"}}),
  };
  std::vector<TableSegment> segs = FindBorderlessTables(1, &lines);
  ASSERT_EQ(segs.size(), 1u);
  EXPECT_EQ(lines.size(), 3u);  // the paragraph above, the footnote and the paragraph below
  const TableSegment& s = segs[0];
  EXPECT_FALSE(s.ruled);
  ASSERT_EQ(s.xs.size(), 5u);  // 4 columns
  std::vector<std::vector<TableSegment>> pages{segs};
  std::vector<Table> tables = AssembleTables(pages, {PageContent{842, {}}});
  ASSERT_EQ(tables.size(), 1u);
  const Table& t = tables[0];
  ASSERT_EQ(t.rows.size(), 5u);
  EXPECT_EQ(CellText(t, 1, 1), "Cải cách thể chế và thủ tục hành chính");
  EXPECT_EQ(t.At(1, 1)->col_span, 3);
  EXPECT_EQ(CellText(t, 2, 1), "Rà soát văn bản quy phạm");
  EXPECT_EQ(CellText(t, 2, 2), "Sở Tư pháp");
  EXPECT_EQ(t.At(3, 0), nullptr);
  EXPECT_EQ(CellText(t, 3, 1), "Báo cáo thêm");
  EXPECT_EQ(CellText(t, 4, 3), "Thường xuyên");
}

TEST(TablesTest, TwoColumnHeaderIsNotABorderlessTable) {
  std::vector<Line> lines{
      Row(1, 60, {{100, "UBND TỈNH"}, {330, "CỘNG HÒA XÃ HỘI"}}),
      Row(1, 76, {{100, "SỞ NỘI VỤ"}, {330, "Độc lập - Tự do"}}),
      Row(1, 100, {{100, "Số: 12/KH-SNV"}, {330, "Cần Thơ, ngày 1"}}),
      Row(1, 130, {{85, "Thực hiện Kế hoạch số 1 của cơ quan"}}),
  };
  EXPECT_TRUE(FindBorderlessTables(1, &lines).empty());
  EXPECT_EQ(lines.size(), 4u);
}

// A line of three columns over 200 000 one-word lines: the gutters stay
// open all the way down but only one line fills them, so it is no table; the
// search stays linear and finds nothing.  Linear: well under a second; a
// search quadratic in the lines (4e10 steps) would run into the test's ctest
// TIMEOUT (tests/CMakeLists.txt).
TEST(TablesTest, LongPageOfAlignedLinesIsQuick) {
  const int n = 200000;
  std::vector<Line> lines = AlignedLines(n);
  std::vector<TableSegment> segs = FindBorderlessTables(1, &lines);
  EXPECT_TRUE(segs.empty());
  EXPECT_EQ(lines.size(), static_cast<size_t>(n));
}

// Regression (found with the page dump format of the tables fuzzer): a page
// ruled 1000 times each way is a grid of a million positions; finding its
// cells took 2.8 s and 200 MB (2000 rulings: 22 s), cells x rulings.  No
// page of a real table has that many positions: it is not read as a table,
// and its words stay running text.  Ruled 2400 times each way here (under
// the 5000 rulings past which a page is not read for tables at all): the old
// search would take many minutes, past the test's ctest TIMEOUT.
TEST(TablesTest, HugeGridIsNotATable) {
  std::vector<Ruling> rs = RuledGrid(2400);
  std::vector<Word> words{W("x", 12, 12, 2, 2), W("y", 600, 600, 2, 2)};
  EXPECT_TRUE(FindRuledTables(1, rs, &words).empty());
  EXPECT_EQ(words.size(), 2u);
  // A large real one still is: 8 columns, 60 rows.
  std::vector<Ruling> real;
  for (int r = 0; r <= 60; ++r) real.push_back(H(40 + 12 * r, 40, 560));
  for (int c = 0; c <= 8; ++c) real.push_back(V(40 + 65 * c, 40, 760));
  std::vector<Word> cells;
  for (int r = 0; r < 60; ++r) cells.push_back(W(std::to_string(r + 1), 50, 42 + 12 * r, 10, 8));
  std::vector<TableSegment> t = FindRuledTables(1, real, &cells);
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].cells.size(), 480u);
  EXPECT_TRUE(cells.empty());
}

// Regression (found by the tables fuzzer): a row cut by the page break whose
// continuation is ruled with fewer columns than the part above (one cell
// over two) gave the cut row two cells at one position; At() then found the
// wrong one and the task reader read a cell twice.  The wide cell's text now
// joins the cell it starts over.
TEST(TablesTest, CutRowContinuedOverTwoColumnsJoinsTheCellItStartsOver) {
  RawDocument doc;
  RawPage p1 = TablePage({W("TT", 90, 105, 20), W("Nội", 130, 105), W("Sản", 300, 105),
                          W("3.3", 90, 705, 20), W("đơn", 130, 705), W("vị", 210, 705, 20), W("Báo", 300, 705)},
                         1, {100, 150, 700, 800});
  p1.rulings.push_back(V(200, 700, 800));  // the last row has a fourth column
  doc.pages.push_back(p1);
  doc.pages.push_back(TablePage({W("sự", 130, 105, 20), W("nghiệp", 155, 105, 50), W("3.4", 90, 155, 20),
                                 W("Việc", 130, 155, 40)},
                                2, {100, 150, 200}));
  LaidOutDocument laid = Layout(doc);
  ASSERT_EQ(laid.tables.size(), 1u);
  const Table& t = laid.tables[0];
  for (const TableCell& c : t.cells) EXPECT_EQ(t.At(c.row, c.col), &c) << "two cells at row " << c.row << ", column " << c.col;
  std::string all;
  for (const TableCell& c : t.cells) all += JoinLines(c.lines) + "|";
  EXPECT_EQ(std::count(all.begin(), all.end(), '|'), static_cast<long>(t.cells.size()));
  EXPECT_NE(all.find("nghiệp"), std::string::npos);  // nothing lost
}

}  // namespace
}  // namespace kh
