#include "tests/support/synthetic_pages.h"

#include <cstdio>
#include <cstdlib>
#include <string>

#include "common/utf8.h"

namespace kh {

namespace {

// Lines start below the top tenth of the page and end above the bottom
// twelfth, where layout.h looks for running headers and footers: lines that
// come back page after page (as stress inputs do) are body text here.
constexpr double kWidth = 595, kHeight = 842, kLine = 14, kMargin = 60, kTop = 90;
constexpr int kLinesPerPage = 48;

double TextWidth(std::string_view s, double size) {
  size_t n = 0, i = 0;
  while (i < s.size()) {
    utf8::Next(s, &i);
    ++n;
  }
  return 0.5 * size * static_cast<double>(n);
}

RawPage NewPage(int number) {
  RawPage p;
  p.number = number;
  p.width = kWidth;
  p.height = kHeight;
  return p;
}

// The words of `line` from x, on the row [y, y + size).
void AddWords(std::string_view line, double x, double y, double size, bool bold, RawPage* page) {
  size_t i = 0;
  while (i < line.size()) {
    size_t j = line.find(' ', i);
    if (j == std::string_view::npos) j = line.size();
    if (j > i) {
      Word w;
      w.text = std::string(line.substr(i, j - i));
      double width = TextWidth(w.text, size);
      w.box = {x, y, x + width, y + size};
      w.size = size;
      w.bold = bold;
      w.space_after = j < line.size();
      page->words.push_back(std::move(w));
      x += width + 0.25 * size;
    }
    i = j + 1;
  }
}

}  // namespace

RawDocument TextToDocument(std::string_view text) {
  RawDocument doc;
  doc.pages.push_back(NewPage(1));
  int row = 0;
  size_t i = 0;
  while (i <= text.size()) {
    size_t j = text.find('\n', i);
    if (j == std::string_view::npos) j = text.size();
    std::string_view line = text.substr(i, j - i);
    i = j + 1;
    bool new_page = !line.empty() && line.front() == '\f';
    if (new_page) line.remove_prefix(1);
    if (new_page || row == kLinesPerPage) {
      doc.pages.push_back(NewPage(static_cast<int>(doc.pages.size()) + 1));
      row = 0;
    }
    RawPage& page = doc.pages.back();
    double y = kTop + kLine * row++;
    bool bold = false, centred = false, cells = false;
    if (!line.empty() && line.front() == '#') bold = true, line.remove_prefix(1);
    if (!line.empty() && line.front() == '^') centred = true, line.remove_prefix(1);
    if (!line.empty() && line.front() == '|') cells = true, line.remove_prefix(1);
    if (cells) {
      // Equal columns across the text width, ruled all round.
      std::vector<std::string_view> parts;
      size_t a = 0;
      while (true) {
        size_t b = line.find('|', a);
        parts.push_back(line.substr(a, b == std::string_view::npos ? std::string_view::npos : b - a));
        if (b == std::string_view::npos) break;
        a = b + 1;
      }
      double cw = (kWidth - 2 * kMargin) / static_cast<double>(parts.size());
      for (size_t c = 0; c < parts.size(); ++c) AddWords(parts[c], kMargin + cw * static_cast<double>(c) + 2, y + 1, 10, bold, &page);
      page.rulings.push_back({{kMargin, y, kWidth - kMargin, y + 0.5}});
      page.rulings.push_back({{kMargin, y + kLine, kWidth - kMargin, y + kLine + 0.5}});
      for (size_t c = 0; c <= parts.size(); ++c) {
        double x = kMargin + cw * static_cast<double>(c);
        page.rulings.push_back({{x, y, x + 0.5, y + kLine}});
      }
      continue;
    }
    double x = kMargin;
    if (centred) x = (kWidth - TextWidth(line, 12)) / 2;
    AddWords(line, x, y, 12, bold, &page);
  }
  return doc;
}

RawDocument ParsePageDump(std::string_view dump) {
  RawDocument doc;
  size_t i = 0;
  while (i < dump.size()) {
    size_t j = dump.find('\n', i);
    if (j == std::string_view::npos) j = dump.size();
    std::string line(dump.substr(i, j - i));
    i = j + 1;
    if (line.size() < 2 || line[1] != ' ') continue;
    const char* p = line.c_str() + 2;
    char* end = nullptr;
    double v[4] = {0, 0, 0, 0};
    int n = line[0] == 'P' ? 2 : 4;
    bool ok = true;
    for (int k = 0; k < n && ok; ++k) {
      v[k] = std::strtod(p, &end);
      ok = end != p;
      p = end;
    }
    if (!ok) continue;
    if (line[0] == 'P') {
      RawPage page;
      page.number = static_cast<int>(doc.pages.size()) + 1;
      page.width = v[0];
      page.height = v[1];
      doc.pages.push_back(std::move(page));
      continue;
    }
    if (doc.pages.empty()) continue;
    Box box{v[0], v[1], v[2], v[3]};
    if (line[0] == 'R') {
      doc.pages.back().rulings.push_back({box});
    } else if (line[0] == 'W') {
      while (*p == ' ') ++p;
      Word w;
      w.box = box;
      w.size = box.height();
      for (; *p != '\0' && *p != ' '; ++p) {
        if (*p == 'b') w.bold = true;
        if (*p == 's') w.space_after = true;
      }
      if (*p == ' ') ++p;
      w.text = p;
      if (!w.text.empty()) doc.pages.back().words.push_back(std::move(w));
    }
  }
  return doc;
}

std::string DumpPages(const RawDocument& doc) {
  std::string out;
  char buf[160];
  for (const RawPage& p : doc.pages) {
    std::snprintf(buf, sizeof buf, "P %.2f %.2f\n", p.width, p.height);
    out += buf;
    for (const Ruling& r : p.rulings) {
      std::snprintf(buf, sizeof buf, "R %.2f %.2f %.2f %.2f\n", r.box.x0, r.box.y0, r.box.x1, r.box.y1);
      out += buf;
    }
    for (const Word& w : p.words) {
      std::snprintf(buf, sizeof buf, "W %.2f %.2f %.2f %.2f %s%s ", w.box.x0, w.box.y0, w.box.x1, w.box.y1,
                    w.bold ? "b" : "", w.space_after ? "s" : (w.bold ? "" : "-"));
      out += buf;
      out += w.text;
      out += '\n';
    }
  }
  return out;
}

}  // namespace kh
