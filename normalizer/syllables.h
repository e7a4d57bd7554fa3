// syllables: is a word a Vietnamese syllable?  A syllable is an onset (maybe
// none) and a rhyme, with at most one tone mark; the inventory of onsets and
// rhymes is data (rules/syllables.json, loaded by rules/rule_data.h).  The
// share of a text's words that are syllables tells Vietnamese from the junk
// an OCR engine without Vietnamese leaves in a scan's text layer ("Tiin
// Giang' nsdvJl thdng"), or from a text layer whose marks were mis-mapped
// ("TÈNH LÂM ÒNG").
//
//   SyllableSet set(rules.syllables.onsets, rules.syllables.rhymes);
//   set.Contains("Hoạch");   // true
//   set.Contains("thdng");   // false
//   set.Share(words)         // syllables / letter words, over a page's words
#ifndef KEHOACH_NORMALIZER_SYLLABLES_H_
#define KEHOACH_NORMALIZER_SYLLABLES_H_

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace kh {

class SyllableSet {
 public:
  SyllableSet() = default;
  SyllableSet(const std::vector<std::string>& onsets, const std::vector<std::string>& rhymes);

  // Any case, any Unicode form; punctuation around the word is not taken
  // off (see Share).
  bool Contains(std::string_view word) const;

  struct Count {
    int words = 0;      // words with a letter, punctuation at their ends taken off
    int syllables = 0;  // of which syllables
    double share() const { return words ? static_cast<double>(syllables) / words : 0; }
  };
  // A word that is a run of syllables written together, as OCR gives a line
  // whose spaces it lost ("ANTỈNHLÂMĐỎNG"): the fewest syllables it is made
  // of, in order ("AN" "TỈNH" "LÂM" "ĐỎNG"), as printed.  Empty when the
  // word is one syllable or no run of them.
  std::vector<std::string> Split(std::string_view word) const;

  // Counts over words (each may carry punctuation at its ends: "(TTHC),").
  Count Share(const std::vector<std::string>& words) const;

  bool empty() const { return rhymes_.empty(); }

 private:
  std::vector<std::string> onsets_;  // longest first
  std::unordered_set<std::string> rhymes_;
};

}  // namespace kh

#endif  // KEHOACH_NORMALIZER_SYLLABLES_H_
