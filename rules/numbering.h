// numbering: the numbers Vietnamese documents put before their parts, the
// rows of their task tables and their quarters.  One reader serves the
// outline (outline.h), the task tables (tasks.h) and the timelines
// (timeline.h), so that "II.", "1.2." and "Quý IV" mean the same everywhere.
//
//   I. / II.        Roman numeral, upper case, and a dot     level 1
//   1. / 2)         one number, closed                       level 2
//   1.1 / 1.1.      two numbers                              level 3
//   1.1.1           three (or more)                          level 4
//   a) / đ) / a.    one lower-case letter, closed            level 6
//   - / + / •       list items (never headings)              level 7
//
//   RomanValue("IV") == 4;  RomanValue("iv") == 4;  RomanValue("IIII") == 0
//   ReadMarker("1.2. Rà soát …") == {3, 5}
//   SplitNumber("1. Tham mưu …") == {"1.", "Tham mưu …"}
#ifndef KEHOACH_RULES_NUMBERING_H_
#define KEHOACH_RULES_NUMBERING_H_

#include <string>
#include <string_view>

namespace kh {

// The value of a Roman numeral (I V X L, either case, written the usual way:
// "IV" not "IIII"), 0 for anything else.  A trailing '.' or ')' is allowed.
int RomanValue(std::string_view s);
// A Roman numeral in capitals, as parts and groups are numbered ("II", "IV.").
inline bool IsRoman(std::string_view s) { return RomanValue(s) > 0 && s[0] >= 'A' && s[0] <= 'Z'; }

struct Marker {
  int level = 0;      // 0 = no marker
  size_t length = 0;  // bytes of the marker and the space after it
};

// The list or heading marker at the start of a normalized paragraph (the
// table above), and how deep it sits.
Marker ReadMarker(std::string_view paragraph);

// How deep a row number sits in a task table: "A" 0, "II" 1, "2" 2, "2.1" 3,
// "2.1.3" 4, "a" 5 (a trailing '.' or ')' aside; unknown forms 2).
int NumberLevel(std::string_view number);

// A row's or a group's own number at the start of its text, and the rest:
// "1. Cải cách thể chế" -> {"1.", "Cải cách thể chế"}, "II CẢI CÁCH" ->
// {"II", "CẢI CÁCH"}; no number -> {"", text}.  A bare word is a number only
// if it is a Roman numeral or digits ("Có" is not).
struct NumberedText {
  std::string number, text;
};
NumberedText SplitNumber(const std::string& text);

}  // namespace kh

#endif  // KEHOACH_RULES_NUMBERING_H_
