// outline: the heading structure of a plan, read paragraph by paragraph, so
// that a finding can say which section it is in ("I. MỤC TIÊU > 2. Các chỉ
// tiêu chủ yếu đến năm 2030 > b) Về cải cách TTHC").
//
// Vietnamese plans number their parts in a fixed hierarchy:
//     I. / II.        level 1   (Roman numeral and a dot, upper case)
//     1. / 2)         level 2
//     1.1 / 1.1.      level 3   (and 1.1.1 level 4)
//     a) / đ) / a.    level 6   (one lower-case letter)
//     - / + / •       level 7   (list items: never headings)
// A numbered paragraph closes every open entry of its level or deeper.  It
// becomes a heading itself when it reads like one: short (at most 150
// characters) and not ending in '.' or ';', or wholly bold.  A paragraph that
// ends in ':' ("Phấn đấu đến cuối năm 2019, Sở ... đạt các mục tiêu sau:") is
// kept as a lead-in: not shown in the path, but available as context (for
// instance the year a target is due) until its section closes.
#ifndef KEHOACH_RULES_OUTLINE_H_
#define KEHOACH_RULES_OUTLINE_H_

#include <string>
#include <string_view>
#include <vector>

namespace kh {

struct Marker {
  int level = 0;      // 0 = no marker
  size_t length = 0;  // bytes of the marker and the space after it
};

// The list or heading marker at the start of a normalized paragraph.
Marker ReadMarker(std::string_view paragraph);

struct OutlineEntry {
  double level = 0;
  std::string title;  // the heading as printed, cut to about 100 characters
  bool shown = true;  // false for a lead-in
};

class Outline {
 public:
  // Feeds the next body paragraph (normalized text; table cells and header
  // columns are not fed).  Returns the context of that paragraph: the entries
  // open above it, outermost first.  The paragraph itself is entered after.
  std::vector<OutlineEntry> Step(std::string_view paragraph, bool bold);

  // The entries open now (the context of a table cell, which is not fed).
  const std::vector<OutlineEntry>& Open() const { return open_; }

  // Titles of the shown entries of a context.
  static std::vector<std::string> Titles(const std::vector<OutlineEntry>& context);

 private:
  std::vector<OutlineEntry> open_;
};

}  // namespace kh

#endif  // KEHOACH_RULES_OUTLINE_H_
