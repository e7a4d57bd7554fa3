#include "rules/outline.h"

#include "common/utf8.h"

namespace kh {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size(); i += utf8::SeqLen(static_cast<unsigned char>(s[i]))) ++n;
  return n;
}

// Cuts s to at most max code points, at a word boundary, adding "…".
std::string Shorten(std::string_view s, size_t max) {
  if (CodePoints(s) <= max) return std::string(s);
  size_t i = 0, n = 0, last_space = 0;
  while (i < s.size() && n < max) {
    if (s[i] == ' ') last_space = i;
    i += utf8::SeqLen(static_cast<unsigned char>(s[i]));
    ++n;
  }
  size_t cut = last_space > 0 ? last_space : i;
  return std::string(s.substr(0, cut)) + "…";
}

}  // namespace

Marker ReadMarker(std::string_view p) {
  auto followed_by_space = [&](size_t i) { return i < p.size() && p[i] == ' '; };
  // Roman numeral + '.'
  size_t i = 0;
  while (i < p.size() && std::string_view("IVXL").find(p[i]) != std::string_view::npos) ++i;
  if (i > 0 && i <= 5 && i < p.size() && p[i] == '.' && followed_by_space(i + 1)) return {1, i + 2};
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

std::vector<OutlineEntry> Outline::Step(std::string_view p, bool bold) {
  Marker m = ReadMarker(p);
  if (m.level > 0 && m.level < 7) {
    while (!open_.empty() && open_.back().level >= m.level) open_.pop_back();
  }
  std::vector<OutlineEntry> context = open_;
  char last = p.empty() ? 0 : p.back();
  if (m.level > 0 && m.level < 7) {
    bool heading_like = (CodePoints(p) <= 150 && last != '.' && last != ';') || (bold && m.level <= 5);
    if (heading_like) {
      open_.push_back({static_cast<double>(m.level), Shorten(p, 100), true});
      return context;
    }
  }
  if (last == ':') {
    // A lead-in: lives as long as the section it opens.
    double level = m.level > 0 ? m.level : (open_.empty() ? 0 : open_.back().level) + 0.5;
    while (!open_.empty() && open_.back().level >= level) open_.pop_back();
    open_.push_back({level, Shorten(p, 100), false});
  }
  return context;
}

std::vector<std::string> Outline::Titles(const std::vector<OutlineEntry>& context) {
  std::vector<std::string> out;
  for (const OutlineEntry& e : context)
    if (e.shown) out.push_back(e.title);
  return out;
}

}  // namespace kh
