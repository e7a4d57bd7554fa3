#include "ocr/digits.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

namespace kh {

extern std::pair<const char*, std::string_view> kEmbeddedDigitData[];

namespace {

constexpr int kSide = 32;          // a figure's bitmap: 32 x 32
constexpr int kNeighbours = 5;     // samples that vote
constexpr double kSureVote = 0.7;  // share of the vote a sure figure has
// The nearest sample of a sure figure is no farther than this (the grids'
// Euclidean distance; two writers' samples of one digit lie 15-35 apart).
constexpr double kSureDistance = 42;
// The samples' ink covers 18-42% of their square (30% on average): their
// pens were broad.  A thinner figure is thickened to about this share.
constexpr double kInkShare = 0.24;
// A digit is a second choice for a figure in doubt when its nearest sample
// is at most this much farther than the best digit's.
constexpr double kDoubt = 6;
constexpr int kFigureWidth = 20;  // of 32
constexpr double kStroke = 0.3;   // a figure narrower than this share of its height is a stroke (a 1)
constexpr double kInkDepth = 0.35;
// A figure shorter than the blank's others is read again at this lighter
// threshold: a pen running dry leaves strokes paler than the rest.
constexpr double kFaintDepth = 0.2;

struct Component {
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // inclusive
  std::vector<std::pair<int, int>> pixels;
  int width() const { return x1 - x0 + 1; }
  int height() const { return y1 - y0 + 1; }
  void Add(const Component& o) {
    x0 = std::min(x0, o.x0), y0 = std::min(y0, o.y0), x1 = std::max(x1, o.x1), y1 = std::max(y1, o.y1);
    pixels.insert(pixels.end(), o.pixels.begin(), o.pixels.end());
  }
};

Component Bounded(std::vector<std::pair<int, int>> pixels) {
  Component c;
  c.x0 = c.y0 = 1 << 30;
  c.x1 = c.y1 = -1;
  for (auto [x, y] : pixels) c.x0 = std::min(c.x0, x), c.x1 = std::max(c.x1, x), c.y0 = std::min(c.y0, y), c.y1 = std::max(c.y1, y);
  c.pixels = std::move(pixels);
  return c;
}

// 8-connected runs of ink in a w x h bitmap.
std::vector<Component> Components(const std::vector<uint8_t>& ink, int w, int h) {
  std::vector<uint8_t> seen(ink.size(), 0);
  std::vector<Component> out;
  std::vector<std::pair<int, int>> stack;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      if (!ink[y * w + x] || seen[y * w + x]) continue;
      std::vector<std::pair<int, int>> px;
      stack.assign(1, {x, y});
      seen[y * w + x] = 1;
      while (!stack.empty()) {
        auto [a, b] = stack.back();
        stack.pop_back();
        px.push_back({a, b});
        for (int dy = -1; dy <= 1; ++dy)
          for (int dx = -1; dx <= 1; ++dx) {
            int c = a + dx, d = b + dy;
            if (c < 0 || d < 0 || c >= w || d >= h || !ink[d * w + c] || seen[d * w + c]) continue;
            seen[d * w + c] = 1;
            stack.push_back({c, d});
          }
      }
      out.push_back(Bounded(std::move(px)));
    }
  return out;
}

// The w x h bitmap of the pixels of `grey` from (x0, y0) darker than
// `threshold` (1 = ink).
std::vector<uint8_t> InkBelow(const PageImage& grey, int x0, int y0, int w, int h, int threshold) {
  std::vector<uint8_t> ink(static_cast<size_t>(w) * h, 0);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) ink[y * w + x] = grey.pixels[static_cast<size_t>(y + y0) * grey.width + x + x0] < threshold;
  return ink;
}

double XOverlap(const Component& a, const Component& b) {
  return std::min(a.x1, b.x1) - std::max(a.x0, b.x0) + 1;
}

// A run of ink as wide as `k` figures, cut at its thinnest columns near the
// even division points.
std::vector<Component> Cut(const Component& c, int k) {
  std::vector<int> column(c.width(), 0);
  for (auto [x, y] : c.pixels) ++column[x - c.x0];
  std::vector<int> cuts;
  for (int j = 1; j < k; ++j) {
    int target = c.width() * j / k, reach = c.width() / (3 * k), best = target;
    for (int x = std::max(1, target - reach); x <= std::min(c.width() - 2, target + reach); ++x)
      if (column[x] < column[best]) best = x;
    cuts.push_back(best);
  }
  std::vector<std::vector<std::pair<int, int>>> parts(k);
  for (auto p : c.pixels) {
    int part = static_cast<int>(std::upper_bound(cuts.begin(), cuts.end(), p.first - c.x0) - cuts.begin());
    parts[part].push_back(p);
  }
  std::vector<Component> out;
  for (auto& p : parts)
    if (!p.empty()) out.push_back(Bounded(std::move(p)));
  return out;
}

// The figure's slant taken off (its ink sheared upright about its centre),
// as a bitmap of its own box.
std::vector<uint8_t> Upright(const Component& c, int* w, int* h) {
  double n = c.pixels.size(), mx = 0, my = 0;
  for (auto [x, y] : c.pixels) mx += x, my += y;
  mx /= n, my /= n;
  double cxy = 0, cyy = 0;
  for (auto [x, y] : c.pixels) cxy += (x - mx) * (y - my), cyy += (y - my) * (y - my);
  double shear = cyy > 0 ? std::clamp(cxy / cyy, -0.7, 0.7) : 0;
  std::vector<std::pair<int, int>> moved;
  moved.reserve(c.pixels.size() * 2);
  for (auto [x, y] : c.pixels) {
    double nx = x - shear * (y - my);
    moved.push_back({static_cast<int>(std::floor(nx)), y});
    moved.push_back({static_cast<int>(std::ceil(nx)), y});
  }
  Component u = Bounded(std::move(moved));
  *w = u.width(), *h = u.height();
  std::vector<uint8_t> bits(static_cast<size_t>(*w) * *h, 0);
  for (auto [x, y] : u.pixels) bits[(y - u.y0) * *w + (x - u.x0)] = 1;
  return bits;
}

// The loops of a figure: runs of paper it closes round, big enough not to
// be a speck between two strokes.  0, 6 and 9 have one, 8 two; 1, 3, 5 and 7
// none.
int Loops(const std::vector<uint8_t>& bits, int w, int h) {
  int W = w + 2, H = h + 2;
  std::vector<uint8_t> paper(static_cast<size_t>(W) * H, 1);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) paper[(y + 1) * W + x + 1] = !bits[y * w + x];
  std::vector<Component> runs = Components(paper, W, H);
  int loops = 0;
  double least = std::max(6.0, 0.015 * w * h);
  for (const Component& r : runs)
    if (r.x0 > 0 && r.y0 > 0 && r.x1 < W - 1 && r.y1 < H - 1 && r.pixels.size() >= least) ++loops;
  return loops;
}

// Whether a figure read as `digit` has the loops that digit is written with
// (a 4 or a 2 may or may not close one).
bool LoopsFit(int digit, int loops) {
  switch (digit) {
    case 0: case 6: case 9: return loops == 1;
    case 8: return loops >= 1;
    case 1: case 3: case 5: case 7: return loops == 0;
    default: return loops <= 1;
  }
}

}  // namespace

Result<DigitReader> DigitReader::FromJson(std::string_view text) {
  nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.contains("samples") || !j["samples"].is_array())
    return Status::DataError("handwritten digits: no \"samples\" list");
  DigitReader r;
  for (const auto& s : j["samples"]) {
    if (!s.is_string()) return Status::DataError("handwritten digits: a sample is not a string");
    std::string v = s.get<std::string>();
    if (v.size() != 66 || v[0] < '0' || v[0] > '9' || v[1] != ':')
      return Status::DataError("handwritten digits: bad sample \"" + v.substr(0, 20) + "\"");
    DigitGrid g;
    for (int i = 0; i < 64; ++i) {
      char c = v[2 + i];
      if (c < 'a' || c > 'q') return Status::DataError("handwritten digits: bad count in \"" + v.substr(0, 20) + "\"");
      g[i] = static_cast<uint8_t>(c - 'a');
    }
    r.grids_.push_back(g);
    r.labels_.push_back(v[0] - '0');
  }
  if (r.grids_.empty()) return Status::DataError("handwritten digits: no samples");
  return r;
}

const DigitReader& DigitReader::Embedded() {
  static const DigitReader* reader = [] {
    for (auto* e = kEmbeddedDigitData; e->first != nullptr; ++e) {
      Result<DigitReader> r = FromJson(e->second);
      if (r.ok()) return new DigitReader(std::move(r).value());
    }
    return new DigitReader();
  }();
  return *reader;
}

DigitGrid DigitReader::GridOf(const std::vector<uint8_t>& ink, int w, int h) {
  DigitGrid grid{};
  if (w <= 0 || h <= 0) return grid;
  // Scaled to 32 high (or 32 wide if wider than high), centred.  The
  // samples' figures are broad (5-6 of the grid's 8 columns, a 1 five):
  // one narrower than kFigureWidth is widened to it, unless it is a stroke.
  double s = static_cast<double>(kSide) / std::max(w, h);
  int nw = std::clamp(static_cast<int>(std::lround(w * s)), 1, kSide);
  int nh = std::clamp(static_cast<int>(std::lround(h * s)), 1, kSide);
  if (h >= w && w >= kStroke * h) nw = std::max(nw, kFigureWidth);
  double sw = static_cast<double>(nw) / w;
  int ox = (kSide - nw) / 2, oy = (kSide - nh) / 2;
  std::vector<uint8_t> sq(kSide * kSide, 0);
  for (int j = 0; j < nh; ++j)
    for (int i = 0; i < nw; ++i) {
      // The share of ink in the source area under this pixel.
      int sx0 = static_cast<int>(i / sw), sx1 = std::max(sx0 + 1, static_cast<int>((i + 1) / sw));
      int sy0 = static_cast<int>(j / s), sy1 = std::max(sy0 + 1, static_cast<int>((j + 1) / s));
      int on = 0, all = 0;
      for (int y = sy0; y < std::min(sy1, h); ++y)
        for (int x = sx0; x < std::min(sx1, w); ++x) on += ink[y * w + x], ++all;
      sq[(oy + j) * kSide + ox + i] = all > 0 && on * 3 >= all;
    }
  // Thickened toward the samples' broad pen.
  for (int pass = 0; pass < 3; ++pass) {
    int on = static_cast<int>(std::count(sq.begin(), sq.end(), 1));
    if (on >= kInkShare * kSide * kSide) break;
    std::vector<uint8_t> grown = sq;
    for (int y = 0; y < kSide; ++y)
      for (int x = 0; x < kSide; ++x)
        if (sq[y * kSide + x])
          for (int dy = 0; dy <= 1; ++dy)
            for (int dx = 0; dx <= 1; ++dx)
              if (y + dy < kSide && x + dx < kSide) grown[(y + dy) * kSide + x + dx] = 1;
    sq.swap(grown);
  }
  for (int y = 0; y < kSide; ++y)
    for (int x = 0; x < kSide; ++x) grid[(y / 4) * 8 + x / 4] += sq[y * kSide + x];
  return grid;
}

int DigitReader::Classify(const DigitGrid& grid, double* vote, double* distance,
                          std::array<double, 10>* nearest) const {
  std::vector<std::pair<int, int>> d;  // (squared distance, label)
  d.reserve(grids_.size());
  for (size_t i = 0; i < grids_.size(); ++i) {
    int sum = 0;
    for (int k = 0; k < 64; ++k) {
      int e = static_cast<int>(grid[k]) - grids_[i][k];
      sum += e * e;
    }
    d.push_back({sum, labels_[i]});
  }
  if (nearest) {
    nearest->fill(1e9);
    for (auto [sum, label] : d) (*nearest)[label] = std::min((*nearest)[label], std::sqrt(static_cast<double>(sum)));
  }
  size_t k = std::min<size_t>(kNeighbours, d.size());
  if (k == 0) return -1;
  std::partial_sort(d.begin(), d.begin() + k, d.end());
  double weight[10] = {0}, total = 0;
  for (size_t i = 0; i < k; ++i) {
    double wgt = 1.0 / (1.0 + std::sqrt(d[i].first));
    weight[d[i].second] += wgt;
    total += wgt;
  }
  int best = static_cast<int>(std::max_element(weight, weight + 10) - weight);
  if (vote) *vote = total > 0 ? weight[best] / total : 0;
  if (distance) *distance = std::sqrt(d[0].first);
  return best;
}

DigitReading DigitReader::Read(const PageImage& grey, const Box& region, double from_x, double to_x, double lh) const {
  DigitReading out;
  if (grey.channels != 1 || grids_.empty() || lh <= 0) return out;
  int x0 = std::max(0, static_cast<int>(region.x0)), y0 = std::max(0, static_cast<int>(region.y0));
  int x1 = std::min(grey.width, static_cast<int>(region.x1)), y1 = std::min(grey.height, static_cast<int>(region.y1));
  int w = x1 - x0, h = y1 - y0;
  if (w < 4 || h < 4) return out;
  // Ink: darker than the paper by a third of the way to the darkest ink (a
  // pen's thin upstrokes are pale).
  std::vector<int> hist(256, 0);
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x) ++hist[grey.pixels[static_cast<size_t>(y) * grey.width + x]];
  auto percentile = [&](double p) {
    long want = static_cast<long>(p * w * h), seen = 0;
    for (int v = 0; v < 256; ++v)
      if ((seen += hist[v]) > want) return v;
    return 255;
  };
  int dark = percentile(0.01), paper = percentile(0.7);
  if (paper - dark < 60) return out;
  int threshold = paper - static_cast<int>(kInkDepth * (paper - dark));
  std::vector<uint8_t> ink = InkBelow(grey, x0, y0, w, h, threshold);

  // Figures: ink at least half a line high, at most two lines; pieces beside
  // them in x join them.
  std::vector<Component> parts = Components(ink, w, h), figures, pieces;
  // Ink a figure high lying over the blank by a figure's width or more that
  // no figure below is made of (a scrawl too long for one, figures run into
  // the printed symbol after them: r21's "4552/" read as "45"): the reading
  // leaves some of what is written unread, and is not sure.
  bool unread = false;
  auto over_blank = [&](const Component& c) {
    double a = std::max<double>(x0 + c.x0, from_x), b = std::min<double>(x0 + c.x1 + 1, to_x);
    return c.height() >= 0.45 * lh && c.height() <= 2.2 * lh && b - a >= 0.5 * lh;
  };
  for (Component& c : parts) {
    if (c.height() > 2.2 * lh || c.width() > 4 * lh) {  // a rule, a seal's edge
      unread = unread || over_blank(c);
      continue;
    }
    (c.height() >= 0.45 * lh ? figures : pieces).push_back(std::move(c));
  }
  std::sort(figures.begin(), figures.end(), [](const Component& a, const Component& b) { return a.x0 < b.x0; });
  std::vector<Component> merged;
  for (Component& c : figures) {
    if (!merged.empty() && XOverlap(merged.back(), c) > 0.4 * std::min(merged.back().width(), c.width()))
      merged.back().Add(c);
    else
      merged.push_back(std::move(c));
  }
  double min_piece = 0.12 * lh;
  for (const Component& p : pieces) {
    if (std::max(p.width(), p.height()) < min_piece) continue;  // dots, specks
    double centre = (p.x0 + p.x1) / 2.0;
    for (Component& f : merged)
      if (centre >= f.x0 && centre <= f.x1 && p.y1 >= f.y0 - 0.3 * lh && p.y0 <= f.y1 + 0.3 * lh) {
        f.Add(p);
        break;
      }
  }
  std::vector<Component> cut;
  for (Component& f : merged) {
    int k = f.width() > 1.1 * f.height() ? static_cast<int>(std::lround(f.width() / (0.7 * f.height()))) : 1;
    if (k >= 2) {
      for (Component& c : Cut(f, k)) cut.push_back(std::move(c));
    } else {
      cut.push_back(std::move(f));
    }
  }
  // Those of the blank: the printed words beside it are not.
  cut.erase(std::remove_if(cut.begin(), cut.end(),
                           [&](const Component& c) {
                             double centre = x0 + (c.x0 + c.x1 + 1) / 2.0;
                             bool outside = centre < from_x || centre > to_x;
                             unread = unread || (outside && over_blank(c));
                             return outside;
                           }),
            cut.end());
  if (cut.empty()) return out;
  int tallest = 0;
  for (const Component& f : cut) tallest = std::max(tallest, f.height());
  // A figure much shorter than the others may be a faint one of which only
  // the darker strokes passed the threshold (r23's 2 of 239): its own
  // columns, up to its neighbours, are read again at a lighter threshold,
  // and what lies over them stands if it is a whole figure's height.
  std::sort(cut.begin(), cut.end(), [](const Component& a, const Component& b) { return a.x0 < b.x0; });
  const int faint = paper - static_cast<int>(kFaintDepth * (paper - dark));
  for (size_t k = 0; k < cut.size(); ++k) {
    Component& f = cut[k];
    if (f.height() >= 0.6 * tallest) continue;
    int pad = static_cast<int>(0.1 * lh);
    int cx0 = std::max(k > 0 ? cut[k - 1].x1 + 1 : 0, f.x0 - pad);
    int cx1 = std::min(k + 1 < cut.size() ? cut[k + 1].x0 - 1 : w - 1, f.x1 + pad);
    int ww = cx1 - cx0 + 1;
    if (ww < 2) continue;
    std::vector<uint8_t> light = InkBelow(grey, x0 + cx0, y0, ww, h, faint);
    std::vector<std::pair<int, int>> px;
    for (const Component& c : Components(light, ww, h)) {
      // The runs over the figure's columns, specks aside.
      if (std::max(c.width(), c.height()) < min_piece) continue;
      int overlap = std::min(c.x1 + cx0, f.x1) - std::max(c.x0 + cx0, f.x0) + 1;
      if (overlap < 0.4 * std::min(c.width(), f.width())) continue;
      for (auto [x, y] : c.pixels) px.push_back({x + cx0, y});
    }
    if (px.empty()) continue;
    Component whole = Bounded(std::move(px));
    if (whole.height() >= 0.6 * tallest && whole.height() <= 1.2 * tallest) f = std::move(whole);
  }
  auto judge = [&](const Component& f) {
    int bw = 0, bh = 0;
    std::vector<uint8_t> bits = Upright(f, &bw, &bh);
    DigitFigure fig;
    int digit = Classify(GridOf(bits, bw, bh), &fig.vote, &fig.distance, &fig.nearest);
    fig.digit = static_cast<char>('0' + std::max(digit, 0));
    fig.box = Box{static_cast<double>(x0 + f.x0), static_cast<double>(y0 + f.y0), static_cast<double>(x0 + f.x1 + 1),
                  static_cast<double>(y0 + f.y1 + 1)};
    fig.loops = Loops(bits, bw, bh);
    fig.sure = digit >= 0 && fig.vote >= kSureVote && fig.distance <= kSureDistance && LoopsFit(digit, fig.loops) &&
               f.height() >= 0.6 * tallest;
    return fig;
  };
  for (const Component& f : cut) {
    DigitFigure fig = judge(f);
    // Two figures written together ("80" in one stroke) may be no wider
    // than one broad figure: a figure in doubt at least 3/4 as wide as high
    // is read as two halves too, and those stand if both are sure.
    if (!fig.sure && f.width() >= 0.75 * f.height()) {
      std::vector<Component> halves = Cut(f, 2);
      if (halves.size() == 2) {
        DigitFigure a = judge(halves[0]), b = judge(halves[1]);
        if (a.sure && b.sure) {
          out.figures.push_back(a);
          out.figures.push_back(b);
          continue;
        }
      }
    }
    out.figures.push_back(fig);
  }
  out.sure = !unread;
  out.unread_ink = unread;
  for (DigitFigure& fig : out.figures) {
    out.digits += fig.digit;
    out.sure = out.sure && fig.sure;
  }
  return out;
}

std::vector<std::string> PlausibleReadings(const DigitReading& reading, size_t limit) {
  // (summed distance to the nearest samples, digits), nearest first.
  std::vector<std::pair<double, std::string>> all;
  if (reading.figures.empty()) return {};
  all.push_back({0, ""});
  for (const DigitFigure& f : reading.figures) {
    std::string choices;
    if (f.sure) {
      choices = f.digit;
    } else {
      double best = *std::min_element(f.nearest.begin(), f.nearest.end());
      for (int d = 0; d < 10; ++d)
        if (f.nearest[d] <= best + kDoubt && f.nearest[d] <= kSureDistance && LoopsFit(d, f.loops))
          choices += static_cast<char>('0' + d);
    }
    if (choices.empty() || all.size() * choices.size() > limit) return {};
    std::vector<std::pair<double, std::string>> longer;
    for (const auto& [sum, s] : all)
      for (char c : choices) longer.push_back({sum + (f.sure ? f.distance : f.nearest[c - '0']), s + c});
    all.swap(longer);
  }
  std::stable_sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> out;
  for (auto& [sum, s] : all) out.push_back(std::move(s));
  return out;
}

}  // namespace kh
