#include "extractor/tables.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <optional>
#include <set>
#include <string>

#include "common/utf8.h"

namespace kh {

const TableCell* Table::At(int row, int col) const {
  if (row < 0 || col < 0 || row >= static_cast<int>(rows.size()) || col >= columns) return nullptr;
  if (grid_.size() != rows.size() * static_cast<size_t>(columns)) return nullptr;
  int i = grid_[static_cast<size_t>(row) * columns + col];
  return i < 0 ? nullptr : &cells[static_cast<size_t>(i)];
}

void Table::Index() {
  std::stable_sort(cells.begin(), cells.end(), [](const TableCell& a, const TableCell& b) {
    return a.row != b.row ? a.row < b.row : a.col < b.col;
  });
  grid_.assign(rows.size() * static_cast<size_t>(columns), -1);
  for (size_t i = 0; i < cells.size(); ++i) {
    const TableCell& c = cells[i];
    for (int r = c.row; r < c.row + c.row_span && r < static_cast<int>(rows.size()); ++r)
      for (int k = c.col; k < c.col + c.col_span && k < columns; ++k)
        if (r >= 0 && k >= 0) grid_[static_cast<size_t>(r) * columns + k] = static_cast<int>(i);
  }
}

namespace {

constexpr double kTol = 2.0;        // rulings closer than this touch / are one edge
constexpr size_t kMaxRulings = 5000;  // a page with more is not read as tables
// A grid of more positions (rows x columns) is not a table: a page of a real
// one has a few hundred.  Finding cells costs positions x rulings, so an
// unbounded grid (1000 rulings each way: 2.8 s, 2000: 22 s) is a hang.
constexpr size_t kMaxGridPositions = 20000;

struct UnionFind {
  std::vector<size_t> parent;
  explicit UnionFind(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  size_t Find(size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void Unite(size_t a, size_t b) { parent[Find(a)] = Find(b); }
};

// Values within tol of their neighbour form one cluster, given as its mean.
std::vector<double> Cluster(std::vector<double> v, double tol) {
  std::sort(v.begin(), v.end());
  std::vector<double> out;
  double sum = 0;
  size_t n = 0;
  for (size_t i = 0; i < v.size(); ++i) {
    if (n > 0 && v[i] - v[i - 1] > tol) {
      out.push_back(sum / n);
      sum = 0;
      n = 0;
    }
    sum += v[i];
    ++n;
  }
  if (n > 0) out.push_back(sum / n);
  return out;
}

int EdgeIndex(const std::vector<double>& edges, double x, double tol) {
  auto it = std::lower_bound(edges.begin(), edges.end(), x);
  int best = -1;
  double best_d = tol;
  for (auto c : {it, it == edges.begin() ? it : std::prev(it)}) {
    if (c == edges.end()) continue;
    double d = std::fabs(*c - x);
    if (d <= best_d) {
      best_d = d;
      best = static_cast<int>(c - edges.begin());
    }
  }
  return best;
}

// The rectangle of rulings around (x, y), if there is one on all four sides.
bool EnclosingCell(double x, double y, const std::vector<Ruling>& hs, const std::vector<Ruling>& vs, Box* cell) {
  double left = -1e9, right = 1e9, top = -1e9, bottom = 1e9;
  for (const Ruling& v : vs) {
    if (v.box.y0 - 1 > y || v.box.y1 + 1 < y) continue;
    double vx = v.box.cx();
    if (vx < x && vx > left) left = vx;
    if (vx > x && vx < right) right = vx;
  }
  if (left < -1e8 || right > 1e8) return false;
  for (const Ruling& h : hs) {
    if (h.box.x0 - 1 > x || h.box.x1 + 1 < x) continue;
    double hy = h.box.cy();
    if (hy < y && hy > top) top = hy;
    if (hy > y && hy < bottom) bottom = hy;
  }
  if (top < -1e8 || bottom > 1e8) return false;
  if (right - left < 4 || bottom - top < 4) return false;
  *cell = {left, top, right, bottom};
  return true;
}

struct Grid {
  TableSegment seg;
  std::vector<Ruling> hs, vs;
  std::vector<int> at;  // row * columns + col -> cell index
  std::vector<std::vector<Word>> words;
};

}  // namespace

std::vector<TableSegment> FindRuledTables(int page, const std::vector<Ruling>& rulings, std::vector<Word>* words) {
  if (rulings.size() < 4 || rulings.size() > kMaxRulings) return {};
  // Connected sets of rulings: a sweep over x, joining boxes that touch.
  const size_t n = rulings.size();
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return rulings[a].box.x0 < rulings[b].box.x0; });
  UnionFind uf(n);
  for (size_t i = 0; i < n; ++i) {
    const Box& a = rulings[order[i]].box;
    for (size_t j = i + 1; j < n; ++j) {
      const Box& b = rulings[order[j]].box;
      if (b.x0 > a.x1 + kTol) break;
      if (b.y0 <= a.y1 + kTol && a.y0 <= b.y1 + kTol) uf.Unite(order[i], order[j]);
    }
  }
  std::map<size_t, std::vector<size_t>> sets;
  for (size_t i = 0; i < n; ++i) sets[uf.Find(i)].push_back(i);

  std::vector<Grid> grids;
  for (auto& [root, members] : sets) {
    Grid g;
    std::vector<double> xs, ys;
    for (size_t i : members) {
      const Ruling& r = rulings[i];
      if (r.horizontal()) {
        if (r.box.width() < 4) continue;
        g.hs.push_back(r);
        ys.push_back(r.box.cy());
      } else {
        if (r.box.height() < 4) continue;
        g.vs.push_back(r);
        xs.push_back(r.box.cx());
      }
    }
    g.seg.xs = Cluster(xs, kTol);
    g.seg.ys = Cluster(ys, kTol);
    if (g.seg.xs.size() < 2 || g.seg.ys.size() < 2) continue;
    if ((g.seg.xs.size() - 1) * (g.seg.ys.size() - 1) > kMaxGridPositions) continue;
    g.seg.page = page;
    g.seg.ruled = true;
    g.seg.box = {g.seg.xs.front(), g.seg.ys.front(), g.seg.xs.back(), g.seg.ys.back()};
    // Every grid position gets the rectangle of rulings around its centre.
    const int cols = static_cast<int>(g.seg.xs.size()) - 1, rows = static_cast<int>(g.seg.ys.size()) - 1;
    g.at.assign(static_cast<size_t>(rows) * cols, -1);
    for (int r = 0; r < rows; ++r) {
      for (int c = 0; c < cols; ++c) {
        if (g.at[static_cast<size_t>(r) * cols + c] >= 0) continue;
        double x = (g.seg.xs[c] + g.seg.xs[c + 1]) / 2, y = (g.seg.ys[r] + g.seg.ys[r + 1]) / 2;
        Box rect;
        if (!EnclosingCell(x, y, g.hs, g.vs, &rect)) continue;
        int c0 = EdgeIndex(g.seg.xs, rect.x0, kTol), c1 = EdgeIndex(g.seg.xs, rect.x1, kTol);
        int r0 = EdgeIndex(g.seg.ys, rect.y0, kTol), r1 = EdgeIndex(g.seg.ys, rect.y1, kTol);
        if (c0 < 0 || c1 <= c0 || r0 < 0 || r1 <= r0 || c0 > c || r0 > r) continue;
        // Rulings that disagree (a line drawn short or past a crossing) can
        // give a rectangle over positions another cell holds: then this
        // position is a cell of its own, so no position has two cells.
        bool taken = false;
        for (int rr = r0; rr < r1 && !taken; ++rr)
          for (int cc = c0; cc < c1 && !taken; ++cc) taken = g.at[static_cast<size_t>(rr) * cols + cc] >= 0;
        if (taken) {
          r0 = r, r1 = r + 1, c0 = c, c1 = c + 1;
          rect = {g.seg.xs[c], g.seg.ys[r], g.seg.xs[c + 1], g.seg.ys[r + 1]};
        }
        TableCell cell;
        cell.row = r0;
        cell.col = c0;
        cell.row_span = r1 - r0;
        cell.col_span = c1 - c0;
        cell.pieces.push_back({page, rect});
        int idx = static_cast<int>(g.seg.cells.size());
        g.seg.cells.push_back(std::move(cell));
        for (int rr = r0; rr < r1; ++rr)
          for (int cc = c0; cc < c1; ++cc) g.at[static_cast<size_t>(rr) * cols + cc] = idx;
      }
    }
    g.words.resize(g.seg.cells.size());
    grids.push_back(std::move(g));
  }
  if (grids.empty()) return {};

  // A single box around much text is a frame (a page border, a boxed
  // note), not a table: its words stay running text.
  grids.erase(std::remove_if(grids.begin(), grids.end(),
                             [&](const Grid& g) {
                               if (g.seg.xs.size() != 2 || g.seg.ys.size() != 2) return false;
                               size_t inside = 0;
                               for (const Word& w : *words)
                                 if (g.seg.box.Contains(w.box.cx(), w.box.cy())) ++inside;
                               return inside > 60;
                             }),
              grids.end());
  if (grids.empty()) return {};
  std::vector<Word> free_words;
  for (Word& w : *words) {
    double x = w.box.cx(), y = w.box.cy();
    bool placed = false;
    for (Grid& g : grids) {
      const Box& b = g.seg.box;
      if (x < b.x0 || x > b.x1 || y < b.y0 || y > b.y1) continue;
      Box rect;
      if (!EnclosingCell(x, y, g.hs, g.vs, &rect)) continue;
      int c = EdgeIndex(g.seg.xs, rect.x0, kTol), r = EdgeIndex(g.seg.ys, rect.y0, kTol);
      if (c < 0 || r < 0 || c + 1 >= static_cast<int>(g.seg.xs.size()) || r + 1 >= static_cast<int>(g.seg.ys.size())) continue;
      int idx = g.at[static_cast<size_t>(r) * (g.seg.xs.size() - 1) + c];
      if (idx < 0) continue;
      g.words[static_cast<size_t>(idx)].push_back(std::move(w));
      placed = true;
      break;
    }
    if (!placed) free_words.push_back(std::move(w));
  }
  *words = std::move(free_words);

  std::vector<TableSegment> out;
  for (Grid& g : grids) {
    bool any = false;
    for (size_t i = 0; i < g.seg.cells.size(); ++i) {
      if (g.words[i].empty()) continue;
      any = true;
      g.seg.cells[i].lines = GroupLines(std::move(g.words[i]), page);
    }
    if (any) out.push_back(std::move(g.seg));
  }
  std::sort(out.begin(), out.end(), [](const TableSegment& a, const TableSegment& b) { return a.box.y0 < b.box.y0; });
  return out;
}

// ---- borderless ------------------------------------------------------------

namespace {

struct Gutter {
  double x0, x1;
};

bool Narrow(const Line& l, Gutter* g, double min_width) { return NarrowChannel(l, &g->x0, &g->x1, min_width); }

std::vector<Gutter> NarrowAll(const Line& l, const std::vector<Gutter>& gs, double min_width) {
  std::vector<Gutter> out;
  for (Gutter g : gs)
    if (Narrow(l, &g, min_width)) out.push_back(g);
  return out;
}

std::vector<Gutter> LineGutters(const Line& l, double min_width) {
  std::vector<Gutter> out;
  double right = -1e9;
  for (size_t k = 0; k < l.words.size(); ++k) {
    if (k > 0 && l.words[k].box.x0 - right >= min_width) out.push_back({right, l.words[k].box.x0});
    right = std::max(right, l.words[k].box.x1);
  }
  return out;
}

double Median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
  return v[v.size() / 2];
}

int ColumnOf(const std::vector<double>& xs, double x) {
  int c = 0;
  while (c + 2 < static_cast<int>(xs.size()) && x > xs[c + 1]) ++c;
  return c;
}

}  // namespace

std::vector<TableSegment> FindBorderlessTables(int page, std::vector<Line>* lines) {
  std::vector<Line>& ls = *lines;
  std::vector<TableSegment> out;
  if (ls.size() < 4) return out;
  std::vector<double> sizes;
  for (const Line& l : ls) sizes.push_back(l.size);
  const double size = std::max(Median(sizes), 6.0);
  const double min_gutter = std::max(7.0, 0.55 * size);
  std::vector<bool> taken(ls.size(), false);
  // Each start may look far down; a budget keeps the whole search linear in
  // the number of lines (a page of thousands of lines stays fast).
  size_t budget = 40 * ls.size() + 1000;

  size_t i = 0;
  while (i + 2 < ls.size() && budget > 0) {
    std::vector<Gutter> gs = LineGutters(ls[i], min_gutter);
    if (gs.size() < 2) {
      ++i;
      continue;
    }
    std::vector<size_t> members{i};
    std::vector<bool> spanning{false};
    size_t plain = 1;
    size_t j = i + 1;
    while (j < ls.size() && budget > 0) {
      --budget;
      const Line& prev = ls[j - 1];
      const Line& cur = ls[j];
      if (cur.box.y0 - prev.box.y1 > 2.5 * std::max(prev.size, 8.0)) break;
      if (cur.size < 0.85 * ls[i].size) break;  // a footnote
      std::vector<Gutter> next = NarrowAll(cur, gs, min_gutter);
      if (next.size() == gs.size() || (plain < 3 && next.size() >= 2)) {
        gs = std::move(next);
        members.push_back(j);
        spanning.push_back(false);
        ++plain;
        ++j;
        continue;
      }
      // Lines crossing the gutters: a row spanning the columns if the table
      // goes on after at most three of them.
      size_t k = j;
      while (k < ls.size() && k < j + 3 && NarrowAll(ls[k], gs, min_gutter).size() < gs.size()) ++k;
      if (k >= ls.size() || k == j + 3 || ls[k].box.y0 - ls[k - 1].box.y1 > 2.5 * std::max(ls[k - 1].size, 8.0)) break;
      for (size_t m = j; m < k; ++m) {
        members.push_back(m);
        spanning.push_back(true);
      }
      j = k;
    }
    // Trailing spanning lines are not part of the table.
    while (!spanning.empty() && spanning.back()) {
      spanning.pop_back();
      members.pop_back();
    }
    double left = 1e9, right = -1e9;
    for (size_t m : members) {
      left = std::min(left, ls[m].box.x0);
      right = std::max(right, ls[m].box.x1);
    }
    std::vector<double> xs{left};
    for (const Gutter& g : gs) xs.push_back((g.x0 + g.x1) / 2);
    xs.push_back(right);
    size_t wide = 0;
    for (size_t k = 0; k < members.size(); ++k) {
      if (spanning[k]) continue;
      std::set<int> cols;
      for (const Word& w : ls[members[k]].words) cols.insert(ColumnOf(xs, w.box.cx()));
      if (cols.size() >= 3) ++wide;
    }
    if (plain < 3 || gs.size() < 2 || wide < 2) {
      ++i;
      continue;
    }

    // Rows.
    TableSegment seg;
    seg.page = page;
    seg.ruled = false;
    seg.xs = xs;
    const int cols = static_cast<int>(xs.size()) - 1;
    struct RowWork {
      std::vector<std::vector<Word>> cells;
      int span_from = -1;  // a spanning row: its one cell starts at this column
      double y0 = 1e9, y1 = -1e9;
    };
    std::vector<RowWork> rows;
    for (size_t k = 0; k < members.size(); ++k) {
      const Line& l = ls[members[k]];
      taken[members[k]] = true;
      const Line* prev = k > 0 ? &ls[members[k - 1]] : nullptr;
      double gap = prev ? l.box.y0 - prev->box.y1 : 0;
      std::set<int> used;
      for (const Word& w : l.words) used.insert(ColumnOf(xs, w.box.cx()));
      bool new_row = rows.empty();
      if (!new_row && spanning[k]) {
        new_row = rows.back().span_from < 0 || gap > 0.45 * size;
      } else if (!new_row) {
        new_row = rows.back().span_from >= 0 || used.count(0) > 0 || (gap > 0.45 * size && used.size() >= 2);
      }
      // A spanning line: its words from the first run of words (runs are
      // kept apart by gutter-wide gaps) that crosses a column edge on.
      size_t span_word = l.words.size();
      if (spanning[k]) {
        size_t run = 0;
        for (size_t w = 0; w <= l.words.size(); ++w) {
          if (w < l.words.size() && (w == 0 || l.words[w].box.x0 - l.words[w - 1].box.x1 < min_gutter)) continue;
          double x0 = l.words[run].box.x0, x1 = l.words[w - 1].box.x1;
          bool crosses = false;
          for (size_t e = 1; e + 1 < xs.size(); ++e) crosses = crosses || (x0 < xs[e] && xs[e] < x1);
          if (crosses) {
            span_word = run;
            break;
          }
          run = w;
        }
        if (span_word == l.words.size()) span_word = 0;
      }
      if (new_row) {
        rows.emplace_back();
        rows.back().cells.resize(static_cast<size_t>(cols));
        if (spanning[k]) rows.back().span_from = ColumnOf(xs, l.words[span_word].box.x0 + 1);
      }
      RowWork& row = rows.back();
      row.y0 = std::min(row.y0, l.box.y0);
      row.y1 = std::max(row.y1, l.box.y1);
      for (size_t w = 0; w < l.words.size(); ++w) {
        int c = ColumnOf(xs, l.words[w].box.cx());
        if (row.span_from >= 0 && (w >= span_word || c > row.span_from)) c = row.span_from;
        row.cells[static_cast<size_t>(c)].push_back(l.words[w]);
      }
    }
    seg.ys.push_back(rows.front().y0);
    for (size_t r = 1; r < rows.size(); ++r) seg.ys.push_back((rows[r - 1].y1 + rows[r].y0) / 2);
    seg.ys.push_back(rows.back().y1);
    for (size_t r = 0; r < rows.size(); ++r) {
      for (int c = 0; c < cols; ++c) {
        auto& ws = rows[r].cells[static_cast<size_t>(c)];
        if (ws.empty()) continue;
        TableCell cell;
        cell.row = static_cast<int>(r);
        cell.col = c;
        if (c == rows[r].span_from) cell.col_span = cols - c;
        Box frame{xs[static_cast<size_t>(c)], seg.ys[r], xs[static_cast<size_t>(c + cell.col_span)], seg.ys[r + 1]};
        cell.pieces.push_back({page, frame});
        cell.lines = GroupLines(std::move(ws), page);
        seg.cells.push_back(std::move(cell));
      }
    }
    seg.box = {xs.front(), seg.ys.front(), xs.back(), seg.ys.back()};
    out.push_back(std::move(seg));
    i = members.back() + 1;
  }
  if (out.empty()) return out;
  std::vector<Line> rest;
  for (size_t k = 0; k < ls.size(); ++k)
    if (!taken[k]) rest.push_back(std::move(ls[k]));
  ls = std::move(rest);
  return out;
}

// ---- across pages ------------------------------------------------------------

namespace {

std::string CellText(const TableCell& c) { return JoinLines(c.lines); }

// The first letter of the text is a lower-case one (Vietnamese included).
bool StartsLower(const std::string& s) {
  size_t i = 0;
  while (i < s.size()) {
    char32_t c = utf8::Next(s, &i);
    if (c < 0x80) {
      if (c >= 'a' && c <= 'z') return true;
      if (c >= 'A' && c <= 'Z') return false;
      if (c >= '0' && c <= '9') return false;
      continue;
    }
    if (c >= 0xDF && c <= 0xFF) return c != 0xF7;
    if (c >= 0xC0 && c <= 0xDE) return false;
    if (c >= 0x100 && c <= 0x17F) return c % 2 == 1;  // Latin Extended-A: ă đ ĩ ũ
    if (c == 0x1A1 || c == 0x1B0) return true;        // ơ ư
    if (c == 0x1A0 || c == 0x1AF) return false;       // Ơ Ư
    if (c >= 0x1EA0 && c <= 0x1EF9) return c % 2 == 1;
    return false;
  }
  return false;
}

struct Open {
  size_t table = 0;
  int page_index = 0;  // index into pages of its last segment
  std::vector<double> xs;
  Box last_box;
  bool ruled = true;
  // Kept as lines go into the table: how far right text goes in each column
  // (where a line wraps) and every line's height.
  std::vector<double> right;
  std::vector<double> heights;
  void Note(int col, int col_span, const std::vector<Line>& lines) {
    for (const Line& l : lines) {
      if (col_span == 1) right[static_cast<size_t>(col)] = std::max(right[static_cast<size_t>(col)], l.box.x1);
      heights.push_back(l.box.height());
    }
  }
};

// The cell of `t` covering (row, col), searched from the end.
TableCell* Covering(Table* t, int row, int col) {
  for (size_t i = t->cells.size(); i > 0; --i) {
    TableCell& c = t->cells[i - 1];
    if (c.row <= row && row < c.row + c.row_span && c.col <= col && col < c.col + c.col_span) return &c;
  }
  return nullptr;
}

std::string RowKey(const std::vector<TableCell>& cells, int row, const std::vector<int>& colmap) {
  std::string k;
  for (const TableCell& c : cells) {
    if (c.row != row || c.empty()) continue;
    k += std::to_string(colmap.empty() ? c.col : colmap[static_cast<size_t>(c.col)]) + ":" + CellText(c) + "|";
  }
  return k;
}

}  // namespace

std::vector<Table> AssembleTables(std::vector<std::vector<TableSegment>> segments, const std::vector<PageContent>& pages) {
  std::vector<Table> out;
  // How far down and up text goes on pages of each height: a table reaching
  // the foot of a page was cut by the page break.
  std::map<long, double> foot;
  for (size_t p = 0; p < segments.size() && p < pages.size(); ++p) {
    double& f = foot[std::lround(pages[p].height)];
    for (const TableSegment& s : segments[p]) f = std::max(f, s.box.y1);
    for (const Box& b : pages[p].other) f = std::max(f, b.y1);
  }
  std::optional<Open> open;
  for (size_t p = 0; p < segments.size(); ++p) {
    for (size_t k = 0; k < segments[p].size(); ++k) {
      TableSegment& seg = segments[p][k];
      const int seg_cols = static_cast<int>(seg.xs.size()) - 1;
      // Does it go on from the open table?
      std::vector<int> colmap;  // segment edge -> table edge
      bool goes_on = false;
      if (open && k == 0 && open->page_index + 1 == static_cast<int>(p) && open->ruled == seg.ruled && p < pages.size()) {
        const PageContent& prev = pages[p - 1];
        const PageContent& cur = pages[p];
        bool below = false, above = false;
        for (const Box& b : prev.other) below = below || b.y0 > open->last_box.y1 - 1;
        for (const Box& b : cur.other) above = above || b.y1 < seg.box.y0 + 1;
        const double tol = seg.ruled ? 3.0 : 12.0;
        if (!below && !above) {
          goes_on = true;
          for (double x : seg.xs) {
            int e = EdgeIndex(open->xs, x, tol);
            if (e < 0 || (!colmap.empty() && e <= colmap.back())) {
              goes_on = false;
              break;
            }
            colmap.push_back(e);
          }
          goes_on = goes_on && colmap.front() == 0 && colmap.back() == static_cast<int>(open->xs.size()) - 1;
        }
      }
      if (!goes_on) {
        Table t;
        t.ruled = seg.ruled;
        t.columns = seg_cols;
        colmap.resize(seg.xs.size());
        std::iota(colmap.begin(), colmap.end(), 0);
        out.push_back(std::move(t));
        open = Open{out.size() - 1, static_cast<int>(p), seg.xs, seg.box, seg.ruled,
                    std::vector<double>(static_cast<size_t>(seg_cols), -1e9), {}};
      }
      Table& t = out[open->table];
      const int seg_rows = static_cast<int>(seg.ys.size()) - 1;
      auto map_cell = [&](TableCell c, int row_offset) {
        int c1 = colmap[static_cast<size_t>(c.col + c.col_span)];
        c.col = colmap[static_cast<size_t>(c.col)];
        c.col_span = c1 - c.col;
        c.row += row_offset;
        return c;
      };
      int drop = 0;  // repeated header rows
      bool cut = false;
      if (goes_on) {
        while (drop < seg_rows && drop < static_cast<int>(t.rows.size())) {
          std::string a = RowKey(seg.cells, drop, colmap), b = RowKey(t.cells, drop, {});
          if (a.empty() || a != b) break;
          ++drop;
        }
        t.repeated_header_rows = std::max(t.repeated_header_rows, drop);
        // A row cut by the page break.
        const int last = static_cast<int>(t.rows.size()) - 1;
        if (drop < seg_rows && last >= 0) {
          // The row goes on if each of its cells goes on from the cell above
          // as a wrapped line would: in lower case, or with a first word that
          // would not have fitted on the last line above.
          bool numbered = false, lower = false, all_wrap = true;
          int shared = 0;
          for (const TableCell& c : seg.cells) {
            if (c.row != drop || c.empty()) continue;
            TableCell m = map_cell(c, 0);
            if (m.col == 0) {
              numbered = true;
              continue;
            }
            const TableCell* pc = Covering(&t, last, m.col);
            if (pc == nullptr || pc->empty() || pc->row != last) continue;
            ++shared;
            bool low = StartsLower(CellText(c));
            lower = lower || low;
            const Line& above = pc->lines.back();
            const Word& first = c.lines.front().words.front();
            double boundary = std::max(open->right[static_cast<size_t>(m.col)], above.box.x1);
            bool wraps = above.box.x1 + 0.25 * std::max(first.size, 6.0) + first.box.width() > boundary + 0.5;
            all_wrap = all_wrap && (low || wraps);
          }
          const double lh = open->heights.empty() ? 14 : Median(open->heights);
          bool at_foot = open->last_box.y1 >= foot[std::lround(pages[p - 1].height)] - std::max(25.0, 2 * lh);
          cut = !numbered && at_foot && shared > 0 && (lower || all_wrap);
        }
      }
      const int offset = static_cast<int>(t.rows.size()) - drop - (cut ? 1 : 0);
      const int last = static_cast<int>(t.rows.size()) - 1;
      if (cut) t.rows[static_cast<size_t>(last)].cut = true;
      for (int r = drop + (cut ? 1 : 0); r < seg_rows; ++r) {
        TableRow row;
        row.page = seg.page;
        row.box = {seg.xs.front(), seg.ys[static_cast<size_t>(r)], seg.xs.back(), seg.ys[static_cast<size_t>(r) + 1]};
        t.rows.push_back(row);
      }
      const int first_row = cut ? last : last + 1;  // the first row after the break
      for (TableCell& c : seg.cells) {
        if (c.row < drop) continue;
        TableCell m = map_cell(std::move(c), offset);
        if (goes_on && m.row == first_row) {
          // The first row after the break: joined to the cell above when the
          // row was cut, or when a merged cell goes on with one part empty.
          TableCell* pc = Covering(&t, last, m.col);
          bool join = false;
          if (pc && pc->col == m.col && pc->col_span == m.col_span && pc->row + pc->row_span - 1 == last) {
            if (cut) {
              join = true;
            } else if ((pc->row_span > 1 || m.row_span > 1) && pc->empty() != m.empty()) {
              join = true;
            }
          }
          if (join) {
            open->Note(pc->col, pc->col_span, m.lines);
            pc->lines.insert(pc->lines.end(), m.lines.begin(), m.lines.end());
            if (!m.empty()) pc->pieces.insert(pc->pieces.end(), m.pieces.begin(), m.pieces.end());
            pc->row_span += m.row_span - (cut ? 1 : 0);
            continue;
          }
          // A cut row's cell with nothing above to join to (a borderless
          // table keeps no empty cells) stays in the row; an empty one goes.
          if (cut && m.empty()) continue;
          // One whose columns do not match the cell above (the rulings
          // differ from page to page) goes into the cell it overlaps: two
          // cells must never hold one position.
          if (cut && pc != nullptr) {
            open->Note(pc->col, pc->col_span, m.lines);
            pc->lines.insert(pc->lines.end(), m.lines.begin(), m.lines.end());
            pc->pieces.insert(pc->pieces.end(), m.pieces.begin(), m.pieces.end());
            continue;
          }
        }
        open->Note(m.col, m.col_span, m.lines);
        t.cells.push_back(std::move(m));
      }
      open->page_index = static_cast<int>(p);
      open->last_box = seg.box;
    }
  }
  for (Table& t : out) t.Index();
  return out;
}

}  // namespace kh
