#include "rules/outline.h"

#include "common/utf8.h"

namespace kh {

namespace {

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
