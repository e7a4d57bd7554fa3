#include "normalizer/syllables.h"

#include <algorithm>
#include <cctype>

#include "common/utf8.h"
#include "normalizer/normalizer.h"

namespace kh {

SyllableSet::SyllableSet(const std::vector<std::string>& onsets, const std::vector<std::string>& rhymes)
    : onsets_(onsets) {
  std::sort(onsets_.begin(), onsets_.end(), [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  for (const std::string& r : rhymes) rhymes_.insert(StripTones(ToLower(r)));
}

bool SyllableSet::Contains(std::string_view word) const {
  if (word.empty() || word.size() > 24) return false;
  int tones = 0;
  std::string w = StripTones(ToLower(word), &tones);
  if (tones > 1) return false;
  for (const std::string& onset : onsets_) {
    if (w.compare(0, onset.size(), onset) != 0) continue;
    if (rhymes_.count(w.substr(onset.size()))) return true;
  }
  return false;
}

std::vector<std::string> SyllableSet::Split(std::string_view word) const {
  if (word.empty() || word.size() > 96 || Contains(word)) return {};
  // Code point starts; best[i]: fewest syllables making the first i code
  // points, from[i] where the last one starts.
  std::vector<size_t> at;
  for (size_t i = 0; i < word.size();) {
    at.push_back(i);
    utf8::Next(word, &i);
  }
  at.push_back(word.size());
  const size_t n = at.size() - 1;
  constexpr int kNone = 1 << 20;
  std::vector<int> best(n + 1, kNone), from(n + 1, -1);
  best[0] = 0;
  for (size_t e = 1; e <= n; ++e)
    for (size_t b = e > 8 ? e - 8 : 0; b < e; ++b) {
      if (best[b] == kNone || best[b] + 1 >= best[e]) continue;
      if (!Contains(word.substr(at[b], at[e] - at[b]))) continue;
      best[e] = best[b] + 1;
      from[e] = static_cast<int>(b);
    }
  if (best[n] == kNone || best[n] < 2) return {};
  std::vector<std::string> out;
  for (size_t e = n; e > 0; e = static_cast<size_t>(from[e])) out.emplace_back(word.substr(at[from[e]], at[e] - at[from[e]]));
  std::reverse(out.begin(), out.end());
  return out;
}

SyllableSet::Count SyllableSet::Share(const std::vector<std::string>& words) const {
  Count c;
  for (const std::string& raw : words) {
    // Punctuation off both ends: what is left from the first letter or
    // digit to the last.
    size_t b = 0, e = raw.size();
    auto edge = [](unsigned char ch) { return ch < 0x80 && !std::isalnum(ch); };
    while (b < e && edge(static_cast<unsigned char>(raw[b]))) ++b;
    while (e > b && edge(static_cast<unsigned char>(raw[e - 1]))) --e;
    std::string_view w(raw.data() + b, e - b);
    // A word has letters, and more letters than digits ("c6c" and "hi0n"
    // are words read wrong; "2025", "24/3/2018" and "01b" are numbers).
    int letters = 0, digits = 0;
    for (char ch : w) {
      unsigned char u = static_cast<unsigned char>(ch);
      letters += std::isalpha(u) || u >= 0xC0;  // a UTF-8 lead byte: one letter
      digits += std::isdigit(u) != 0;
    }
    if (letters == 0 || digits >= letters) continue;
    ++c.words;
    c.syllables += Contains(w);
  }
  return c;
}

}  // namespace kh
