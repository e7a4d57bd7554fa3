#include "extractor/layout.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

#include "common/utf8.h"


namespace kh {
namespace {

// ---- lines ---------------------------------------------------------------

// A single letter or digit, with at most one combining mark ("Ủ" written
// as U + hook is one letter).
bool OneLetter(const std::string& t) {
  size_t i = 0, n = 0;
  bool letter = false;
  while (i < t.size()) {
    char32_t c = utf8::Next(t, &i);
    if (c >= 0x300 && c <= 0x36F) continue;  // combining marks
    ++n;
    letter = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= 0xC0 && c != 0xD7 && c != 0xF7);
  }
  return n == 1 && letter;
}

// A heading set with wide letter spacing ("C Ủ A  T H Ủ  T Ư Ớ N G") comes
// out of the PDF one word per letter.  In a run of four or more one-letter
// words of one size, each within a font size of the next, the letters are
// joined into words, and a gap wider than the run's narrowest by a fifth of
// the font size (a space's width) parts two words: spacing judged against the
// font size, as Poppler's own text output does.
void JoinLetterSpaced(Line* l) {
  std::vector<Word>& w = l->words;
  std::vector<Word> out;
  size_t i = 0;
  while (i < w.size()) {
    size_t j = i;
    while (j + 1 < w.size() && OneLetter(w[j].text) && OneLetter(w[j + 1].text) && w[j].size > 0 &&
           std::fabs(w[j + 1].size - w[j].size) < 0.1 * w[j].size && w[j + 1].box.x0 - w[j].box.x1 < w[j].size &&
           w[j + 1].box.x0 - w[j].box.x1 > -0.1 * w[j].size)
      ++j;
    if (j - i + 1 < 4) {
      out.push_back(std::move(w[i]));
      ++i;
      continue;
    }
    double narrowest = 1e9;
    for (size_t k = i; k < j; ++k) narrowest = std::min(narrowest, w[k + 1].box.x0 - w[k].box.x1);
    Word cur = std::move(w[i]);
    for (size_t k = i + 1; k <= j; ++k) {
      if (w[k].box.x0 - cur.box.x1 > narrowest + 0.2 * cur.size) {
        cur.space_after = true;
        out.push_back(std::move(cur));
        cur = std::move(w[k]);
        continue;
      }
      cur.text += w[k].text;
      cur.box = cur.box.Union(w[k].box);
      cur.bold = cur.bold && w[k].bold;
      cur.space_after = w[k].space_after;
    }
    out.push_back(std::move(cur));
    i = j + 1;
  }
  w = std::move(out);
}

void FinishLine(Line* l) {
  std::sort(l->words.begin(), l->words.end(), [](const Word& a, const Word& b) { return a.box.x0 < b.box.x0; });
  JoinLetterSpaced(l);
  l->box = Box{};
  l->size = 0;
  l->bold = true;
  for (const Word& w : l->words) {
    l->box = l->box.Union(w.box);
    l->size = std::max(l->size, w.size);
    l->bold = l->bold && w.bold;
  }
}

}  // namespace

std::vector<Line> GroupLines(std::vector<Word> words, int page) {
  std::sort(words.begin(), words.end(), [](const Word& a, const Word& b) {
    return a.box.cy() < b.box.cy() || (a.box.cy() == b.box.cy() && a.box.x0 < b.box.x0);
  });
  std::vector<Line> lines;
  std::vector<Box> seeds;  // the first word of each line: a line does not grow taller
  for (Word& w : words) {
    Line* target = nullptr;
    // Words come sorted by centre, so only the last few lines can match.
    for (size_t k = lines.size(), seen = 0; k > 0 && seen < 4; --k, ++seen) {
      const Box& seed = seeds[k - 1];
      double h = std::min(w.box.height(), seed.height());
      if (seed.YOverlap(w.box) >= 0.6 * h && std::fabs(seed.cy() - w.box.cy()) < 0.45 * std::max(w.box.height(), seed.height())) {
        target = &lines[k - 1];
        break;
      }
    }
    if (target == nullptr) {
      lines.emplace_back();
      seeds.push_back(w.box);
      target = &lines.back();
      target->page = page;
    }
    target->box = target->box.Union(w.box);
    target->words.push_back(std::move(w));
  }
  for (Line& l : lines) FinishLine(&l);
  std::sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) { return a.box.y0 < b.box.y0; });
  return lines;
}

bool NarrowChannel(const Line& l, double* c0, double* c1, double min_width) {
  double best0 = 0, best1 = -1;
  double free0 = -1e9;
  for (size_t k = 0; k <= l.words.size(); ++k) {
    double free1 = k < l.words.size() ? l.words[k].box.x0 : 1e9;
    double a = std::max(free0, *c0), b = std::min(free1, *c1);
    if (b - a > best1 - best0) {
      best0 = a;
      best1 = b;
    }
    if (k < l.words.size()) free0 = std::max(free0, l.words[k].box.x1);
  }
  if (best1 - best0 < min_width) return false;
  *c0 = best0;
  *c1 = best1;
  return true;
}

namespace {

// ---- running headers / footers ---------------------------------------------

bool IsPageNumberText(const std::string& t) {
  std::string s;
  for (char c : t) if (c != ' ' && c != '-') s.push_back(c);
  if (s.rfind("Trang", 0) == 0) s = s.substr(5);
  if (s.empty() || s.size() > 4) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string MarginKey(const Line& l) {
  std::string k;
  for (char c : l.Text()) k.push_back((c >= '0' && c <= '9') ? '#' : c);
  return k;
}

bool InMargin(const Line& l, double page_height) {
  return l.box.y1 < page_height * 0.10 || l.box.y0 > page_height * 0.92;
}

// ---- bands -----------------------------------------------------------------

bool TwoSided(const Line& l, double mid) {
  bool left = false, right = false;
  for (const Word& w : l.words) (w.box.cx() < mid ? left : right) = true;
  return left && right;
}

Block MakeBlock(int page, BlockKind kind, std::vector<Line> lines) {
  Block b;
  b.page = page;
  b.kind = kind;
  for (const Line& l : lines) b.box = b.box.Union(l.box);
  b.lines = std::move(lines);
  return b;
}

// Splits the page's free lines into body runs and two-column bands.
void AddLineBlocks(const std::vector<Line>& lines, int page, std::vector<Block>* out) {
  if (lines.empty()) return;
  double left = 1e9, right = -1e9;
  for (const Line& l : lines) {
    left = std::min(left, l.box.x0);
    right = std::max(right, l.box.x1);
  }
  double width = right - left;
  double top = 1e9, bottom = -1e9;
  for (const Line& l : lines) top = std::min(top, l.box.y0), bottom = std::max(bottom, l.box.y1);
  const double top_quarter = top + 0.25 * (bottom - top);
  std::vector<Line> body;
  auto flush_body = [&]() {
    if (!body.empty()) out->push_back(MakeBlock(page, BlockKind::kBody, std::move(body)));
    body.clear();
  };
  int band_no = 0;
  size_t i = 0;
  while (i < lines.size()) {
    const Line& first = lines[i];
    size_t best_end = 0;
    double best_c0 = 0, best_c1 = 0;
    const double min_gap = std::max(1.4 * first.size, 14.0);
    for (size_t k = 1; k < first.words.size(); ++k) {
      double c0 = first.words[k - 1].box.x1, c1 = first.words[k].box.x0;
      double mid = (c0 + c1) / 2;
      if (c1 - c0 < min_gap || mid < left + 0.2 * width || mid > left + 0.8 * width) continue;
      const double gap0 = c1 - c0;
      size_t j = i + 1, two_sided = 1;
      while (j < lines.size()) {
        const Line& prev = lines[j - 1];
        const Line& cur = lines[j];
        if (cur.box.y0 - prev.box.y1 > 2.5 * std::max(prev.size, 8.0)) break;
        // A line centred on the page (the title under the header) ends a band.
        if (!TwoSided(cur, (c0 + c1) / 2) && std::fabs(cur.box.cx() - (left + right) / 2) < 0.03 * width) break;
        double n0 = c0, n1 = c1;
        if (!NarrowChannel(cur, &n0, &n1, 8.0)) break;
        c0 = n0;
        c1 = n1;
        if (TwoSided(cur, (c0 + c1) / 2)) ++two_sided;
        ++j;
      }
      // Two lines with words on both sides, or one with a very wide gap
      // (a signature beside "Nơi nhận:") and more lines under it.
      bool band = two_sided >= 2 || (gap0 >= 4 * std::max(first.size, 8.0) && j > i + 1);
      if (band && j > best_end) {
        best_end = j;
        best_c0 = c0;
        best_c1 = c1;
      }
    }
    if (best_end == 0) {
      body.push_back(first);
      ++i;
      continue;
    }
    // A band also takes the lines just above it that belong to it:
    //  - for the page's first band (the header), those whose gap lies in
    //    its channel, however narrow: on a scan the body's name and the wide
    //    national motto may stand 15 pt apart;
    //  - for any band, a line wholly right of its channel: no body line
    //    starts there, but a signature's "KT. CHỦ TỊCH" a little above
    //    "Nơi nhận:" does.
    size_t start = i;
    while (!body.empty() && start > 0) {
      const Line& up = lines[start - 1];
      const Line& below = lines[start];
      if (below.box.y0 - up.box.y1 > 2.5 * std::max(up.size, 8.0)) break;
      double n0 = best_c0, n1 = best_c1;
      bool header = band_no == 0 && up.box.y1 <= top_quarter && NarrowChannel(up, &n0, &n1, 8.0) &&
                    TwoSided(up, (n0 + n1) / 2);
      bool right = up.box.x0 >= (best_c0 + best_c1) / 2;
      if (!header && !right) break;
      body.pop_back();
      --start;
    }
    flush_body();
    double mid = (best_c0 + best_c1) / 2;
    std::vector<Word> side[2];
    for (size_t k = start; k < best_end; ++k)
      for (const Word& w : lines[k].words) side[w.box.cx() < mid ? 0 : 1].push_back(w);
    for (int c = 0; c < 2; ++c) {
      if (side[c].empty()) continue;
      Block b = MakeBlock(page, BlockKind::kColumn, GroupLines(std::move(side[c]), page));
      b.band = band_no;
      b.column = c;
      out->push_back(std::move(b));
    }
    ++band_no;
    i = best_end;
  }
  flush_body();
}

bool EndsWithJoiner(const std::string& w) {
  if (w.size() < 2) return false;
  char last = w.back();
  if (last != '-' && last != '/') return false;
  return std::any_of(w.begin(), w.end(), [](char c) { return (c >= '0' && c <= '9') || c == '/'; });
}

}  // namespace

std::string Line::Text() const {
  std::string s;
  for (const Word& w : words) {
    if (!s.empty()) s.push_back(' ');
    s += w.text;
  }
  return s;
}

LaidOutDocument Layout(RawDocument doc) {
  LaidOutDocument out;
  out.signatures = std::move(doc.signatures);
  out.created = std::move(doc.created);
  for (RawPage& p : doc.pages) {
    for (InkText& t : p.stamps) {
      t.page = p.number;
      out.stamps.push_back(std::move(t));
    }
    for (BlankReadings& b : p.blanks) {
      b.page = p.number;
      out.blanks.push_back(std::move(b));
    }
  }
  // Pass 1: ruled tables and lines per page.
  struct PageWork {
    std::vector<TableSegment> tables;
    std::vector<Line> lines;
  };
  std::vector<PageWork> work(doc.pages.size());
  std::unordered_map<std::string, int> margin_count;
  for (size_t p = 0; p < doc.pages.size(); ++p) {
    RawPage& rp = doc.pages[p];
    std::vector<Word> words = std::move(rp.words);
    rp.words.clear();
    work[p].tables = FindRuledTables(rp.number, rp.rulings, &words);
    work[p].lines = GroupLines(std::move(words), rp.number);
    const auto& ls = work[p].lines;
    if (!ls.empty()) {
      if (InMargin(ls.front(), rp.height)) ++margin_count[MarginKey(ls.front())];
      if (ls.size() > 1 && InMargin(ls.back(), rp.height)) ++margin_count[MarginKey(ls.back())];
    }
  }
  // Pass 2: drop running headers/footers, find borderless tables, form the
  // other blocks.
  std::vector<std::vector<TableSegment>> segments(doc.pages.size());
  std::vector<PageContent> content(doc.pages.size());
  for (size_t p = 0; p < doc.pages.size(); ++p) {
    RawPage& rp = doc.pages[p];
    Page page;
    page.number = rp.number;
    page.ocr = rp.ocr;
    page.width = rp.width;
    page.height = rp.height;
    page.rulings = std::move(rp.rulings);
    std::vector<Line> kept;
    auto& ls = work[p].lines;
    for (size_t k = 0; k < ls.size(); ++k) {
      bool edge = (k == 0 || k + 1 == ls.size()) && InMargin(ls[k], rp.height);
      if (edge && (IsPageNumberText(ls[k].Text()) || margin_count[MarginKey(ls[k])] >= 3)) {
        page.dropped.push_back(std::move(ls[k]));
      } else {
        kept.push_back(std::move(ls[k]));
      }
    }
    segments[p] = std::move(work[p].tables);
    for (TableSegment& s : FindBorderlessTables(rp.number, &kept)) segments[p].push_back(std::move(s));
    std::sort(segments[p].begin(), segments[p].end(),
              [](const TableSegment& a, const TableSegment& b) { return a.box.y0 < b.box.y0; });
    content[p].height = rp.height;
    for (const Line& l : kept) content[p].other.push_back(l.box);
    AddLineBlocks(kept, rp.number, &page.blocks);
    out.pages.push_back(std::move(page));
  }
  out.tables = AssembleTables(std::move(segments), content);
  // Table cells become blocks on the page where they start.
  std::unordered_map<int, size_t> page_index;
  for (size_t p = 0; p < out.pages.size(); ++p) page_index[out.pages[p].number] = p;
  for (const Table& t : out.tables) {
    for (const TableCell& c : t.cells) {
      if (c.empty() || c.pieces.empty()) continue;
      auto it = page_index.find(c.pieces.front().page);
      if (it == page_index.end()) continue;
      Block b;
      b.page = c.pieces.front().page;
      b.kind = BlockKind::kCell;
      b.frame = c.pieces.front().frame;
      for (const Line& l : c.lines)
        if (l.page == b.page) b.box = b.box.Union(l.box);
      b.lines = c.lines;
      out.pages[it->second].blocks.push_back(std::move(b));
    }
  }
  for (Page& page : out.pages) {
    // Blocks go top to bottom.  Both columns of a band sort at the band's
    // top (its right column may start above its left one), left first.
    std::vector<Block>& blocks = page.blocks;
    std::map<int, double> band_top;
    for (const Block& b : blocks) {
      if (b.kind != BlockKind::kColumn) continue;
      auto [it, fresh] = band_top.emplace(b.band, b.box.y0);
      if (!fresh) it->second = std::min(it->second, b.box.y0);
    }
    auto top = [&](const Block& b) {
      if (b.kind == BlockKind::kColumn) return band_top[b.band];
      return b.kind == BlockKind::kCell ? b.frame.y0 : b.box.y0;
    };
    std::stable_sort(blocks.begin(), blocks.end(), [&](const Block& a, const Block& b) {
      double ta = top(a), tb = top(b);
      if (std::fabs(ta - tb) > 1.0) return ta < tb;
      if (a.kind == BlockKind::kColumn && b.kind == BlockKind::kColumn && a.band == b.band) return a.column < b.column;
      double xa = a.kind == BlockKind::kCell ? a.frame.x0 : a.box.x0, xb = b.kind == BlockKind::kCell ? b.frame.x0 : b.box.x0;
      return xa < xb;
    });
  }
  return out;
}

// ---- text ----------------------------------------------------------------

namespace {

class TextBuilder {
 public:
  explicit TextBuilder(Text* t) : t_(t) {}
  void AppendLine(const Line& l) {
    for (size_t k = 0; k < l.words.size(); ++k) {
      if (k > 0) t_->text.push_back(' ');
      size_t b = t_->text.size();
      t_->text += l.words[k].text;
      t_->spans.push_back({b, t_->text.size(), l.page, l.words[k].box});
    }
  }
  void Sep(const char* s) {
    if (!t_->text.empty()) t_->text += s;
  }
  // Starts a paragraph of the given kind (after a "\n" separator).
  void NewParagraph(BlockKind kind) {
    Sep("\n");
    t_->paragraphs.push_back({t_->text.size(), t_->text.size(), kind, true});
  }
  // Records that `l` went into the current paragraph.
  void Note(const Line& l) {
    if (t_->paragraphs.empty()) return;
    Paragraph& p = t_->paragraphs.back();
    p.bold = p.bold && l.bold;
    p.end = t_->text.size();
  }
  // Joins the next line onto the previous one within a paragraph.
  void JoinAfter(const Line& prev) {
    if (!prev.words.empty() && EndsWithJoiner(prev.words.back().text)) return;
    Sep(" ");
  }

 private:
  Text* t_;
};

}  // namespace

std::string JoinLines(const std::vector<Line>& lines) {
  Text t;
  TextBuilder tb(&t);
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) tb.JoinAfter(lines[i - 1]);
    tb.AppendLine(lines[i]);
  }
  return t.text;
}

Text BuildText(const LaidOutDocument& doc) {
  Text t;
  // One span per word: reserve them all at once rather than doubling (and
  // holding twice the memory while a long plan's spans are copied).
  size_t words = 0;
  for (const Page& page : doc.pages) {
    for (const Block& b : page.blocks) {
      for (const Line& l : b.lines) words += l.words.size();
    }
  }
  t.spans.reserve(words);
  TextBuilder tb(&t);
  const Line* open_para = nullptr;  // last body line, if its paragraph may go on
  double open_right = 0;
  for (const Page& page : doc.pages) {
    double left = 1e9, right = -1e9;
    for (const Block& b : page.blocks) {
      if (b.kind != BlockKind::kBody) continue;
      left = std::min(left, b.box.x0);
      right = std::max(right, b.box.x1);
    }
    for (const Block& b : page.blocks) {
      if (b.kind != BlockKind::kBody) {
        tb.NewParagraph(b.kind);
        open_para = nullptr;
        for (size_t i = 0; i < b.lines.size(); ++i) {
          if (i > 0) tb.JoinAfter(b.lines[i - 1]);
          tb.AppendLine(b.lines[i]);
          tb.Note(b.lines[i]);
        }
        continue;
      }
      for (size_t i = 0; i < b.lines.size(); ++i) {
        const Line& cur = b.lines[i];
        const Line* prev = i > 0 ? &b.lines[i - 1] : open_para;
        double prev_right = i > 0 ? right : open_right;
        bool new_para = prev == nullptr;
        if (!new_para) {
          double size = std::max(cur.size, 6.0);
          bool indented = cur.box.x0 > left + 0.9 * size;
          bool prev_short = prev->box.x1 < prev_right - 2.0 * size;
          bool style_change = prev->bold != cur.bold;
          bool gap = i > 0 && cur.box.y0 - prev->box.y1 > 1.2 * size;
          new_para = indented || prev_short || style_change || gap;
        }
        if (new_para) {
          tb.NewParagraph(BlockKind::kBody);
        } else {
          tb.JoinAfter(*prev);
        }
        tb.AppendLine(cur);
        tb.Note(cur);
      }
      if (!b.lines.empty()) {
        open_para = &b.lines.back();
        open_right = right;
      }
    }
  }
  if (!t.text.empty()) t.text.push_back('\n');
  return t;
}

Provenance Text::Locate(size_t begin, size_t end) const {
  Provenance p;
  auto it = std::lower_bound(spans.begin(), spans.end(), begin,
                             [](const Span& s, size_t pos) { return s.end <= pos; });
  for (; it != spans.end() && it->begin < end; ++it) {
    if (p.page == 0) p.page = it->page;
    if (it->page == p.page) p.box = p.box.Union(it->box);
  }
  return p;
}

}  // namespace kh
