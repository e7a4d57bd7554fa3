// strings: byte-string helpers with no knowledge of the language.
#ifndef KEHOACH_COMMON_STRINGS_H_
#define KEHOACH_COMMON_STRINGS_H_

#include <string>
#include <string_view>
#include <vector>

namespace kh {

// Replaces every occurrence of `from` (non-empty) in *s, left to right; the
// replacement text is not searched again.
inline void ReplaceAll(std::string* s, std::string_view from, std::string_view to) {
  for (size_t p = s->find(from); p != std::string::npos; p = s->find(from, p + to.size())) s->replace(p, from.size(), to);
}

// The words of s, split at spaces and newlines (runs of them count once).
inline std::vector<std::string> SplitWords(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == ' ' || c == '\n') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

// words[from, to) joined by single spaces (SplitWords' inverse), or by
// `sep`; empty words before the first that is not add nothing.
inline std::string JoinWords(const std::vector<std::string>& words, size_t from = 0, size_t to = std::string::npos,
                             std::string_view sep = " ") {
  std::string s;
  for (size_t i = from; i < to && i < words.size(); ++i) {
    if (!s.empty()) s += sep;
    s += words[i];
  }
  return s;
}

}  // namespace kh

#endif  // KEHOACH_COMMON_STRINGS_H_
