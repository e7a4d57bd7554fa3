#include "tests/support/plan_source.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <regex>
#include <sstream>

namespace kh {
namespace {

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r"), e = s.find_last_not_of(" \t\r");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

std::vector<std::string> SplitCells(const std::string& s, size_t max_parts = 0) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t bar = s.find('|', start);
    if (bar == std::string::npos || (max_parts && out.size() + 1 == max_parts)) break;
    out.push_back(Trim(s.substr(start, bar - start)));
    start = bar + 1;
  }
  out.push_back(Trim(s.substr(start)));
  return out;
}

bool HasAsciiLower(const std::string& s) {
  for (char c : s)
    if (c >= 'a' && c <= 'z') return true;
  return false;
}

std::string Iso(int y, int m, int d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

}  // namespace

std::string StripInline(const std::string& s) {
  // The same two patterns scripts/make_corpus.py turns into spans.
  static const std::regex bold(R"(\*\*(.+?)\*\*)");
  static const std::regex italic(R"((^|[^*\w])\*([^\s*](?:.*?[^\s])?)\*(?![*\w]))");
  std::string out = std::regex_replace(s, bold, "$1");
  out = std::regex_replace(out, italic, "$1$2");
  for (size_t p; (p = out.find("\\n")) != std::string::npos;) out.replace(p, 2, " ");
  return out;
}

bool ReadPlanSource(const std::string& path, PlanSource* out, std::string* error) {
  std::ifstream in(path);
  if (!in) {
    *error = path + ": cannot open";
    return false;
  }
  std::vector<std::string> lines;
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  *out = PlanSource();
  std::string& text = out->text;
  auto emit = [&](const std::string& t) { text += StripInline(t) + "\n"; };
  static const std::regex side_line(R"(([LR])([*/_]?):\s?(.*))");
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string line = lines[i];
    if (Trim(line).empty() || line[0] == '%') continue;
    auto fail = [&](const std::string& why) {
      *error = path + ":" + std::to_string(i + 1) + ": " + why;
      return false;
    };
    if (line == "@header" || line == "@sign") {
      std::vector<PlanSource::SideLine>& block = line == "@header" ? out->header : out->sign;
      for (++i; i < lines.size() && lines[i] != "@end"; ++i) {
        std::smatch m;
        if (!std::regex_match(lines[i], m, side_line)) return fail("bad line in " + line);
        block.push_back({m[1].str()[0], m[2].length() ? m[2].str()[0] : char(0), StripInline(m[3].str())});
        emit(m[3].str());
      }
      if (i == lines.size()) return fail(line + " without @end");
    } else if (line.rfind("@table", 0) == 0) {
      PlanSource::Table table;
      table.plain = line.find(" plain ") != std::string::npos;
      std::vector<std::vector<std::string>> raw;  // as written, for merges
      for (++i; i < lines.size() && lines[i] != "@endtable"; ++i) {
        const std::string& row = lines[i];
        if (Trim(row).empty() || row[0] == '%') continue;
        PlanSource::Row r;
        if (row.rfind("@th ", 0) == 0) {
          r.kind = PlanSource::Row::kHeader;
          r.cells = SplitCells(row.substr(4));
        } else if (row.rfind("@group ", 0) == 0) {
          r.kind = PlanSource::Row::kGroup;
          r.cells = SplitCells(row.substr(7), 2);
        } else {
          r.cells = SplitCells(row);
        }
        raw.push_back(r.cells);
        r.merged.assign(r.cells.size(), false);
        for (size_t c = 0; c < r.cells.size(); ++c) {
          if (r.cells[c] == "^") {
            // Merged into the nearest cell above that is not itself merged.
            size_t k = raw.size() - 1;
            while (k > 0 && c < raw[k - 1].size() && raw[k - 1][c] == "^") --k;
            if (k == 0 || table.rows.size() < raw.size() - k || c >= table.rows[k - 1].cells.size())
              return fail("'^' with no cell above");
            r.cells[c] = table.rows[k - 1].cells[c];
            r.merged[c] = true;
          } else if (r.cells[c] == "<") {
            r.cells[c] = "";  // its text is the cell on its left's
            r.merged[c] = true;
          } else {
            r.cells[c] = StripInline(r.cells[c]);
            emit(r.cells[c]);
          }
        }
        table.rows.push_back(std::move(r));
      }
      if (i == lines.size()) return fail("@table without @endtable");
      out->tables.push_back(std::move(table));
    } else if (line.rfind("@center* ", 0) == 0 || line.rfind("@center ", 0) == 0) {
      bool bold = line[7] == '*';
      std::string t = StripInline(line.substr(bold ? 9 : 8));
      out->centers.push_back({bold, t, static_cast<size_t>(std::count(text.begin(), text.end(), '\n'))});
      emit(t);
    } else if (line.rfind("@hc ", 0) == 0 || line.rfind("@h ", 0) == 0) {
      emit(line.substr(line.find(' ') + 1));
    } else if (line.rfind("@footnote ", 0) == 0) {
      emit(line.substr(10));
    } else if (line == "@landscape" || line == "@portrait" || line == "@pagebreak") {
      continue;
    } else if (line[0] == '@') {
      return fail("unknown directive " + line);
    } else {
      emit(line);
    }
  }
  return true;
}

std::optional<std::string> LeadingDate(const std::string& s) {
  static const std::regex words(R"(^\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4}))");
  static const std::regex slashes(R"(^\s*(?:ngày\s+)?(\d{1,2})/(\d{1,2})/(\d{4}))");
  std::smatch m;
  if (std::regex_search(s, m, words) || std::regex_search(s, m, slashes))
    return Iso(std::stoi(m[3]), std::stoi(m[2]), std::stoi(m[1]));
  return std::nullopt;
}

SourceFacts FactsOf(const PlanSource& src) {
  SourceFacts f;
  for (const PlanSource::SideLine& l : src.header) {
    std::string t = Trim(l.text);
    static const std::string kSo = "Số:";
    if (l.side == 'L' && t.rfind(kSo, 0) == 0) {
      std::string n = Trim(t.substr(kSo.size()));
      if (!n.empty() && n[0] != '/') f.number = n;
    }
    size_t comma = t.find(", ngày");
    if (l.side == 'R' && comma != std::string::npos) {
      f.place = t.substr(0, comma);
      f.date = LeadingDate(t.substr(comma + 1));
    }
  }
  // The type line is the first bold centred line in capitals; the title is
  // the bold centred lines that follow it.
  for (size_t i = 0; i < src.centers.size(); ++i) {
    if (!src.centers[i].bold || HasAsciiLower(src.centers[i].text)) continue;
    f.kind_line = src.centers[i].text;
    for (size_t j = i + 1; j < src.centers.size() && src.centers[j].bold &&
                           src.centers[j].block == src.centers[j - 1].block + 1;
         ++j)
      f.title += (f.title.empty() ? "" : " ") + Trim(src.centers[j].text);
    break;
  }
  for (const PlanSource::SideLine& l : src.sign) {
    if (l.side != 'R' || Trim(l.text).empty()) continue;
    if (HasAsciiLower(l.text))
      f.signer = Trim(l.text);
    else
      f.sign_roles.push_back(Trim(l.text));
  }
  return f;
}

}  // namespace kh
