// date: the one calendar date type of the code base, its one checker and
// ISO 8601 formatting.  Every reader that finds a day, a month and a year
// (a date line, a reference's date, a timeline, a signature's time, the
// file's creation date) makes its date through Date::Make, so that 31/02
// or 29/02/2025 is no date anywhere, and compares dates as Dates.
//
//   std::optional<Date> d = Date::Make(2025, 12, 25);   // checked
//   d->Iso()                                           // "2025-12-25"
//   Date::FromIso("2025-12-25")                         // the other way
#ifndef KEHOACH_COMMON_DATE_H_
#define KEHOACH_COMMON_DATE_H_

#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>

namespace kh {

inline bool IsLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// Days in month m (1..12) of year y.
inline int DaysInMonth(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeapYear(y) ? 29 : kDays[m - 1];
}

// "2025-01-31".  The fields are taken as given (check them first, or make
// a Date); the modulos only keep the text to its ten characters.
inline std::string IsoDate(int y, int m, int d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y % 10000, m % 100, d % 100);
  return buf;
}

struct Date {
  int y = 0, m = 0, d = 0;

  // The years a document of this archive can bear (the oldest archive
  // pages are from the 1940s; a year past 2100 is a misread figure).
  static constexpr int kFirstYear = 1900, kLastYear = 2100;

  // Whether y-m-d is a day of the calendar within those years.
  static bool Valid(int y, int m, int d) {
    return y >= kFirstYear && y <= kLastYear && m >= 1 && m <= 12 && d >= 1 && d <= DaysInMonth(y, m);
  }
  // The date, or nullopt for 31/02, 29/02 of a common year, month 13, day 0
  // or a year out of range.
  static std::optional<Date> Make(int y, int m, int d) {
    if (!Valid(y, m, d)) return std::nullopt;
    return Date{y, m, d};
  }
  // "2025-12-25" (what follows the ten characters, a time, is ignored);
  // nullopt if it is no valid date.
  static std::optional<Date> FromIso(std::string_view iso) {
    int y = 0, m = 0, d = 0;
    if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
      if (iso[i] < '0' || iso[i] > '9') return std::nullopt;
    auto num = [&](size_t b, size_t n) {
      int v = 0;
      for (size_t i = b; i < b + n; ++i) v = v * 10 + (iso[i] - '0');
      return v;
    };
    y = num(0, 4), m = num(5, 2), d = num(8, 2);
    return Make(y, m, d);
  }

  std::string Iso() const { return IsoDate(y, m, d); }
  // The day after (31/12 -> 1/1 of the next year).
  Date Next() const {
    if (d < DaysInMonth(y, m)) return {y, m, d + 1};
    if (m < 12) return {y, m + 1, 1};
    return {y + 1, 1, 1};
  }
  // The last day of its month.
  static Date EndOfMonth(int y, int m) { return {y, m, DaysInMonth(y, m)}; }

  bool operator<(const Date& o) const { return std::tie(y, m, d) < std::tie(o.y, o.m, o.d); }
  bool operator==(const Date& o) const { return std::tie(y, m, d) == std::tie(o.y, o.m, o.d); }
  bool operator<=(const Date& o) const { return !(o < *this); }
};

}  // namespace kh

#endif  // KEHOACH_COMMON_DATE_H_
