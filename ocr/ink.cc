#include "ocr/ink.h"

#include <algorithm>

namespace kh {
namespace {

constexpr int kSpread = 60;  // max - min channel: how far from grey ink must be

// Red, pink, magenta, purple and blue: green is the lowest channel or blue
// clearly above it.  Yellow and brown paper has blue lowest.
bool ColouredInk(int r, int g, int b) {
  int hi = std::max({r, g, b}), lo = std::min({r, g, b});
  bool seal_hue = (g <= b + 10 && (r - g > kSpread || b - g > kSpread)) || (b - r > kSpread && b - g > 20);
  return hi - lo > kSpread && seal_hue;
}

}  // namespace

std::vector<Box> StampRegions(const PageImage& image) {
  std::vector<Box> out;
  if (image.channels != 3 || image.dpi <= 0 || image.width <= 0 || image.height <= 0) return out;
  // Cells of a twentieth of an inch with some coloured ink, grown by one
  // cell to join a stamp's frame and letters, then grouped.
  const int cell = std::max(4, image.dpi / 20);
  const int cw = (image.width + cell - 1) / cell, ch = (image.height + cell - 1) / cell;
  std::vector<int> count(static_cast<size_t>(cw) * ch, 0);
  const uint8_t* p = image.pixels.data();
  for (int y = 0; y < image.height; ++y)
    for (int x = 0; x < image.width; ++x, p += 3)
      if (ColouredInk(p[0], p[1], p[2])) ++count[static_cast<size_t>(y / cell) * cw + x / cell];
  std::vector<uint8_t> on(count.size(), 0);
  const int min_ink = cell * cell / 40 + 1;
  for (int y = 0; y < ch; ++y)
    for (int x = 0; x < cw; ++x) {
      if (count[static_cast<size_t>(y) * cw + x] < min_ink) continue;
      for (int dy = -1; dy <= 1; ++dy)
        for (int dx = -1; dx <= 1; ++dx)
          if (x + dx >= 0 && x + dx < cw && y + dy >= 0 && y + dy < ch) on[static_cast<size_t>(y + dy) * cw + x + dx] = 1;
    }
  std::vector<int> stack;
  for (size_t start = 0; start < on.size(); ++start) {
    if (on[start] != 1) continue;
    int x0 = cw, y0 = ch, x1 = -1, y1 = -1;
    stack.assign(1, static_cast<int>(start));
    on[start] = 2;
    while (!stack.empty()) {
      int c = stack.back();
      stack.pop_back();
      int x = c % cw, y = c / cw;
      x0 = std::min(x0, x), x1 = std::max(x1, x), y0 = std::min(y0, y), y1 = std::max(y1, y);
      const int next[4][2] = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
      for (const auto& d : next) {
        int nx = x + d[0], ny = y + d[1];
        if (nx < 0 || ny < 0 || nx >= cw || ny >= ch) continue;
        size_t k = static_cast<size_t>(ny) * cw + nx;
        if (on[k] == 1) {
          on[k] = 2;
          stack.push_back(static_cast<int>(k));
        }
      }
    }
    double w = static_cast<double>(x1 - x0 + 1) * cell / image.dpi, h = static_cast<double>(y1 - y0 + 1) * cell / image.dpi;
    if (w >= 1.3 && w <= 4.5 && h >= 0.5 && h <= 2.2 && w / h >= 1.25)
      out.push_back(Box{static_cast<double>(x0 * cell), static_cast<double>(y0 * cell),
                        static_cast<double>(std::min(image.width, (x1 + 1) * cell)),
                        static_cast<double>(std::min(image.height, (y1 + 1) * cell))});
  }
  return out;
}

PageImage ColourInkOnly(const PageImage& image, const Box& box) {
  PageImage out;
  out.dpi = image.dpi;
  out.channels = 1;
  int x0 = std::clamp(static_cast<int>(box.x0), 0, image.width), x1 = std::clamp(static_cast<int>(box.x1), 0, image.width);
  int y0 = std::clamp(static_cast<int>(box.y0), 0, image.height), y1 = std::clamp(static_cast<int>(box.y1), 0, image.height);
  if (image.channels != 3 || x1 <= x0 || y1 <= y0) return out;
  out.width = x1 - x0;
  out.height = y1 - y0;
  out.pixels.assign(static_cast<size_t>(out.width) * out.height, 255);
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x) {
      const uint8_t* q = image.pixels.data() + (static_cast<size_t>(y) * image.width + x) * 3;
      if (ColouredInk(q[0], q[1], q[2])) out.pixels[static_cast<size_t>(y - y0) * out.width + (x - x0)] = 0;
    }
  return out;
}

PageImage DropColourInk(const PageImage& image, InkStats* stats) {
  if (image.channels != 3) {
    if (stats != nullptr) *stats = InkStats();
    return image;
  }
  PageImage out;
  out.width = image.width;
  out.height = image.height;
  out.dpi = image.dpi;
  out.channels = 1;
  const size_t n = static_cast<size_t>(image.width) * image.height;
  out.pixels.resize(n);
  size_t coloured = 0;
  const uint8_t* p = image.pixels.data();
  for (size_t i = 0; i < n && (i + 1) * 3 <= image.pixels.size(); ++i, p += 3) {
    int r = p[0], g = p[1], b = p[2];
    int lum = (299 * r + 587 * g + 114 * b) / 1000;
    if (ColouredInk(r, g, b)) {
      out.pixels[i] = 255;
      ++coloured;
    } else {
      // What is left of a red seal round its strokes (light pinkish grey,
      // not coloured enough to be taken off) is read by its red channel, so
      // it comes out light; other pixels (black print, under the seal too,
      // blue-black figures stamped or written in) by their luminance.
      out.pixels[i] = static_cast<uint8_t>(r - std::max(g, b) > 8 && lum > 100 ? r : lum);
    }
  }
  if (stats != nullptr && n > 0) {
    stats->coloured = static_cast<double>(coloured) / n;
  }
  return out;
}

}  // namespace kh
