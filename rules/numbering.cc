#include "rules/numbering.h"

#include <algorithm>

#include "common/utf8.h"

namespace kh {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

std::string_view Core(std::string_view s) {
  while (!s.empty() && (s.back() == '.' || s.back() == ')')) s.remove_suffix(1);
  return s;
}

}  // namespace

int RomanValue(std::string_view s) {
  s = Core(s);
  if (s.empty() || s.size() > 7) return 0;
  auto value = [](char c) {
    switch (c) {
      case 'I': case 'i': return 1;
      case 'V': case 'v': return 5;
      case 'X': case 'x': return 10;
      case 'L': case 'l': return 50;
      default: return 0;
    }
  };
  bool upper = s[0] >= 'A' && s[0] <= 'Z';
  int total = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    int v = value(s[i]);
    if (v == 0 || (s[i] >= 'A' && s[i] <= 'Z') != upper) return 0;
    int next = i + 1 < s.size() ? value(s[i + 1]) : 0;
    total += next > v ? -v : v;
  }
  // Only the usual spelling: written back, the value gives the same letters.
  static const char* const kOnes[] = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"};
  static const char* const kTens[] = {"", "X", "XX", "XXX", "XL", "L", "LX", "LXX", "LXXX"};
  if (total <= 0 || total >= 90) return 0;
  std::string canonical = std::string(kTens[total / 10]) + kOnes[total % 10];
  std::string given(s);
  for (char& c : given) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  return canonical == given ? total : 0;
}

Marker ReadMarker(std::string_view p) {
  auto followed_by_space = [&](size_t i) { return i < p.size() && p[i] == ' '; };
  // Roman numeral + '.'
  size_t i = 0;
  while (i < p.size() && std::string_view("IVXL").find(p[i]) != std::string_view::npos) ++i;
  if (i > 0 && i <= 5 && i < p.size() && p[i] == '.' && followed_by_space(i + 1) && IsRoman(p.substr(0, i)))
    return {1, i + 2};
  // 1. / 1) / 1.1 / 1.1. / 1.1.1
  i = 0;
  int parts = 0;
  while (i < p.size() && IsDigit(p[i])) {
    size_t b = i;
    while (i < p.size() && IsDigit(p[i])) ++i;
    if (i - b > 2) return {};
    ++parts;
    if (i < p.size() && p[i] == '.' && i + 1 < p.size() && IsDigit(p[i + 1])) { ++i; continue; }
    break;
  }
  if (parts > 0) {
    bool closed = i < p.size() && (p[i] == '.' || p[i] == ')');
    size_t after = closed ? i + 1 : i;
    if ((closed || parts > 1) && followed_by_space(after)) return {1 + std::min(parts, 3), after + 1};
    return {};
  }
  // a) / đ) / a.
  size_t len = utf8::SeqLen(static_cast<unsigned char>(p.empty() ? 0 : p[0]));
  if (!p.empty() && ((p[0] >= 'a' && p[0] <= 'z') || p.substr(0, len) == "đ") && len < p.size() &&
      (p[len] == ')' || p[len] == '.') && followed_by_space(len + 1))
    return {6, len + 2};
  // list items
  for (std::string_view bullet : {"-", "+", "•", "*", "–"}) {
    if (p.substr(0, bullet.size()) == bullet && followed_by_space(bullet.size())) return {7, bullet.size() + 1};
  }
  return {};
}

int NumberLevel(std::string_view number) {
  std::string_view s = Core(number);
  if (s.empty()) return 2;
  if (IsRoman(s)) return 1;
  if (s.size() == 1 && s[0] >= 'A' && s[0] <= 'Z') return 0;
  if (s.size() == 1 && s[0] >= 'a' && s[0] <= 'z') return 5;
  if (std::all_of(s.begin(), s.end(), [](char c) { return IsDigit(c) || c == '.'; }))
    return 2 + static_cast<int>(std::count(s.begin(), s.end(), '.'));
  return 2;
}

NumberedText SplitNumber(const std::string& text) {
  size_t sp = text.find(' ');
  if (sp == std::string::npos || sp > 8) return {"", text};
  std::string m = text.substr(0, sp);
  std::string_view core = Core(m);
  bool roman = IsRoman(core);
  bool ok = !core.empty() && (roman || (core.size() == 1 && std::isalpha(static_cast<unsigned char>(core[0]))) ||
                              std::all_of(core.begin(), core.end(), [](char c) { return IsDigit(c) || c == '.'; }));
  if (!ok || (core.size() == m.size() && !roman && !IsDigit(core[0]))) return {"", text};
  return {m, text.substr(sp + 1)};
}

}  // namespace kh
