#include "normalizer/syllables.h"

#include <algorithm>
#include <cctype>

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
