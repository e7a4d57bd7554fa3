#include "ocr/ink.h"

#include <algorithm>

namespace kh {
namespace {

constexpr int kSpread = 60;  // max - min channel: how far from grey ink must be

}  // namespace

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
    int hi = std::max({r, g, b}), lo = std::min({r, g, b});
    int lum = (299 * r + 587 * g + 114 * b) / 1000;
    // Red, pink, magenta, purple and blue: green is the lowest channel or
    // blue clearly above it.  Yellow and brown paper has blue lowest.
    bool seal_hue = (g <= b + 10 && (r - g > kSpread || b - g > kSpread)) || (b - r > kSpread && b - g > 20);
    if (hi - lo > kSpread && seal_hue) {
      out.pixels[i] = 255;
      ++coloured;
    } else {
      out.pixels[i] = static_cast<uint8_t>(lum);
    }
  }
  if (stats != nullptr && n > 0) {
    stats->coloured = static_cast<double>(coloured) / n;
  }
  return out;
}

}  // namespace kh
