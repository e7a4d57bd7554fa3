// date: the calendar arithmetic the rules share, and ISO 8601 formatting.
#ifndef KEHOACH_COMMON_DATE_H_
#define KEHOACH_COMMON_DATE_H_

#include <cstdio>
#include <string>

namespace kh {

inline bool IsLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// Days in month m (1..12) of year y.
inline int DaysInMonth(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeapYear(y) ? 29 : kDays[m - 1];
}

// "2025-01-31".  The fields are taken as given (check them first); the
// modulos only keep the text to its ten characters.
inline std::string IsoDate(int y, int m, int d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y % 10000, m % 100, d % 100);
  return buf;
}

}  // namespace kh

#endif  // KEHOACH_COMMON_DATE_H_
