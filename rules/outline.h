// outline: the heading structure of a plan, read paragraph by paragraph, so
// that a finding can say which section it is in ("I. MỤC TIÊU > 2. Các chỉ
// tiêu chủ yếu đến năm 2030 > b) Về cải cách TTHC").
//
// The parts are numbered as rules/numbering.h describes (I. > 1. > 1.1 >
// 1.1.1 > a) > list items).
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

#include "rules/numbering.h"

namespace kh {

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
