#include "tests/support/text_match.h"

#include <algorithm>
#include <map>
#include <set>

#include "common/utf8.h"
#include "normalizer/normalizer.h"

namespace kh {

std::vector<std::string> Words(const std::string& s) {
  std::string lower = ToLower(s);
  std::vector<std::string> out;
  std::string cur;
  for (char c : lower) {
    unsigned char u = static_cast<unsigned char>(c);
    bool sep = u < 0x80 && !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'));
    if (sep) {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

namespace {

// The abbreviations the corpus plans define and then use ("thủ tục hành
// chính (TTHC)"): a person may write either form, so words are compared with
// them spelt out.
std::set<std::string> Expanded(const std::vector<std::string>& words) {
  static const std::map<std::string, std::string> kAbbreviations = {
      {"tthc", "thủ tục hành chính"}, {"cchc", "cải cách hành chính"},
      {"htqlcl", "hệ thống quản lý chất lượng"}, {"pakn", "phản ánh kiến nghị"},
      {"cbccvc", "cán bộ công chức viên chức"}, {"hđnd", "hội đồng nhân dân"},
      {"ubnd", "ủy ban nhân dân"}, {"gdđt", "giáo dục và đào tạo"}, {"gd", "giáo dục"},
      {"đt", "đào tạo"}, {"qppl", "quy phạm pháp luật"}, {"dvc", "dịch vụ công"}};
  std::set<std::string> out;
  for (const std::string& w : words) {
    auto a = kAbbreviations.find(w);
    if (a == kAbbreviations.end()) {
      out.insert(w);
      continue;
    }
    std::vector<std::string> spelt = Words(a->second);
    out.insert(spelt.begin(), spelt.end());
  }
  return out;
}

}  // namespace

Overlap WordOverlap(const std::string& person, const std::string& program) {
  std::set<std::string> ps = Expanded(Words(person)), gs = Expanded(Words(program));
  size_t common = 0;
  for (const std::string& w : ps) common += gs.count(w);
  Overlap o;
  o.recall = ps.empty() ? 1 : static_cast<double>(common) / ps.size();
  o.precision = gs.empty() ? 0 : static_cast<double>(common) / gs.size();
  return o;
}

bool MetricMatches(const std::string& person, const std::string& program) {
  Overlap o = WordOverlap(person, program);
  return o.recall >= 0.6 && o.precision >= 0.35;
}

size_t ApproxDistance(const std::string& phrase, const std::string& text) {
  auto chars = [](const std::string& s) {
    std::u32string out;
    size_t i = 0;
    while (i < s.size()) out.push_back(utf8::Next(s, &i));
    return out;
  };
  const std::u32string p = chars(phrase), t = chars(text);
  // col[i]: the distance of p[0..i) to the best stretch ending at the text
  // position; a stretch may start anywhere, so row 0 is all zeros.
  std::vector<size_t> col(p.size() + 1), prev(p.size() + 1);
  for (size_t i = 0; i <= p.size(); ++i) prev[i] = i;
  size_t best = p.size();
  for (char32_t c : t) {
    col[0] = 0;
    for (size_t i = 1; i <= p.size(); ++i)
      col[i] = std::min({prev[i - 1] + (p[i - 1] != c), prev[i] + 1, col[i - 1] + 1});
    best = std::min(best, col[p.size()]);
    std::swap(col, prev);
  }
  return best;
}

bool PhraseFound(const std::string& phrase, const std::string& text) {
  size_t n = 0, i = 0;
  while (i < phrase.size()) {
    utf8::Next(phrase, &i);
    ++n;
  }
  return ApproxDistance(phrase, text) * 10 <= n;
}

std::string Squeeze(const std::string& s) {
  // Typographic quotes and dashes as their plain forms (the normalizer's
  // output has the plain ones).
  std::string out = s;
  for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
           {"“", "\""}, {"”", "\""}, {"‘", "'"}, {"’", "'"}, {"–", "-"}, {"—", "-"}})
    for (size_t p; (p = out.find(from)) != std::string::npos;) out.replace(p, from.size(), to);
  return CollapseSpaces(out);
}

bool SameText(const std::string& printed, const std::string& got) { return NormalizeString(printed) == got; }

std::string Comparable(const std::string& s) { return ToLower(CollapseSpaces(NormalizeString(s))); }

}  // namespace kh
