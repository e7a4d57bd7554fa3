// text_match: comparing free text a person wrote with what the program
// read, without gtest (the tests and bench/accuracy both use it).
#ifndef KEHOACH_TESTS_SUPPORT_TEXT_MATCH_H_
#define KEHOACH_TESTS_SUPPORT_TEXT_MATCH_H_

#include <string>
#include <vector>

namespace kh {

// Lower-cased words (split at spaces and ASCII punctuation).
std::vector<std::string> Words(const std::string& s);

// How much of a person's phrase the program's text holds: the share of the
// phrase's distinct words found in the text (recall), and the share of the
// text's distinct words found in the phrase (precision).
struct Overlap {
  double recall = 0, precision = 0;
};
Overlap WordOverlap(const std::string& person, const std::string& program);

// A metric is right when it holds most of the person's words and is not
// mostly other words: recall >= 0.6 and precision >= 0.35.
bool MetricMatches(const std::string& person, const std::string& program);

// The fewest character edits that turn `phrase` into some stretch of
// `text` (Sellers' approximate matching, in code points): 0 when the
// phrase is in the text as it is.
size_t ApproxDistance(const std::string& phrase, const std::string& text);

// A phrase a person read on a page is found in what was read of it when at
// most one character in ten differs (OCR slips: "QHI5" for "QH15").
bool PhraseFound(const std::string& phrase, const std::string& text);

// Whitespace collapsed and trimmed, for cell text.
std::string Squeeze(const std::string& s);

// A value as printed (want) and as the program gives it: the same once the
// printed one is in the output's canonical form (normalizer/normalizer.h:
// one tone placement, "ma tuý" is "ma túy"; spaces and dashes).
bool SameText(const std::string& printed, const std::string& got);

// Lower case, one tone placement, spaces collapsed: for phrases and page text.
std::string Comparable(const std::string& s);

}  // namespace kh

#endif  // KEHOACH_TESTS_SUPPORT_TEXT_MATCH_H_
