// Boxes on a PDF page, in PDF points (1/72 inch), origin at the page's top-left
// corner, y growing downwards (the way a reader scans a page).
#ifndef KEHOACH_COMMON_GEOMETRY_H_
#define KEHOACH_COMMON_GEOMETRY_H_

#include <algorithm>

namespace kh {

struct Box {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;

  double width() const { return x1 - x0; }
  double height() const { return y1 - y0; }
  double cx() const { return (x0 + x1) / 2; }
  double cy() const { return (y0 + y1) / 2; }
  bool empty() const { return x1 <= x0 && y1 <= y0; }

  // The smallest box holding both; an empty box is the identity.
  Box Union(const Box& o) const {
    if (empty()) return o;
    if (o.empty()) return *this;
    return {std::min(x0, o.x0), std::min(y0, o.y0), std::max(x1, o.x1), std::max(y1, o.y1)};
  }
  // Length of the overlap of the two boxes' vertical extents (0 if none).
  double YOverlap(const Box& o) const {
    return std::max(0.0, std::min(y1, o.y1) - std::max(y0, o.y0));
  }
  double XOverlap(const Box& o) const {
    return std::max(0.0, std::min(x1, o.x1) - std::max(x0, o.x0));
  }
  bool Contains(double x, double y) const { return x >= x0 && x <= x1 && y >= y0 && y <= y1; }
};

}  // namespace kh

#endif  // KEHOACH_COMMON_GEOMETRY_H_
