// normalizer: text as a PDF gives it -> one canonical form, with a map back.
//
// Normalize() does, in this order:
//  1. Spaces: NBSP, tabs, the Unicode space family and CR become a plain space;
//     zero-width characters, BOM and soft hyphens are removed; runs of spaces
//     become one; spaces next to a newline are dropped.  '\n' is kept (it
//     separates paragraphs).  Combining marks past 30 in a row are dropped
//     (UAX #15's stream-safe limit: no letter has more, and a longer run
//     would make Unicode normalization take quadratic time).
//  2. Quotes and dashes: curly and angle quotes become '"' or '\''; the dash
//     family (U+2010..U+2015, U+2212 minus) becomes '-'.
//  3. Unicode NFC (ICU), so that decomposed input ("a" + U+0301) matches.
//  4. One tone-mark placement.  We use the "new" style, the one Vietnamese
//     government documents mostly use today: in an open syllable ending in
//     "oa", "oe" or "uy" the tone sits on the first vowel:
//         hoà -> hòa, khoẻ -> khỏe, thuỷ -> thủy, Uỷ -> Ủy
//     Closed syllables ("hoàn", "thuyết") and "qu" ("quý") are the same in
//     both styles and are left alone.  Input in either style is accepted.
//
// Fold() gives the matching view: every code point of the normalized text
// becomes exactly one code point with no diacritics, in lower case ("đ" ->
// "d"), so "Quyết định", "QUYẾT ĐỊNH" and "Quyet dinh" all read
// "quyet dinh".  Because folding is one-to-one per code point, offsets found
// in the folded text map straight back to the normalized text, and through
// to_source back to the source bytes (and so to page and box).
#ifndef KEHOACH_NORMALIZER_NORMALIZER_H_
#define KEHOACH_NORMALIZER_NORMALIZER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kh {

struct NormalizedText {
  std::string text;                       // normalized, UTF-8
  std::vector<uint32_t> to_source;        // text.size()+1 entries: source byte offset of each byte
  std::string folded;                     // Fold(text)
  std::vector<uint32_t> folded_to_text;   // folded.size()+1 entries: byte offset in text

  // Source byte range of the normalized range [b, e).
  std::pair<size_t, size_t> SourceRange(size_t b, size_t e) const { return {to_source[b], to_source[e]}; }
  // Normalized byte range of the folded range [b, e).
  std::pair<size_t, size_t> TextRange(size_t b, size_t e) const { return {folded_to_text[b], folded_to_text[e]}; }
};

NormalizedText Normalize(std::string_view source);

// The normalized text alone (no maps).
std::string NormalizeString(std::string_view source);

// The folded view of already normalized text.
std::string Fold(std::string_view normalized);

// The folded letters and digits of any text, spaces and punctuation
// dropped: for matching a fixed phrase in a line whose spaces OCR may have
// lost ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆTNAM" -> "conghoaxahoichunghiavietnam").
std::string FoldedLettersAndDigits(std::string_view source);

// Folds one code point ('đ' -> 'd', 'Ấ' -> 'a', others lower-cased).
char32_t FoldChar(char32_t c);

// A letter of Vietnamese (its fold is a to z): 'Ấ', 'đ', 'q'; not '2', '$'.
inline bool IsFoldedLetter(char32_t c) {
  char32_t f = FoldChar(c);
  return f >= 'a' && f <= 'z';
}

// Upper/lower case of a whole UTF-8 string (Vietnamese-aware, via ICU).
std::string ToLower(std::string_view s);
std::string ToUpper(std::string_view s);

// Case of a word's letters, for OCR repairs and facts alike:
//   IsAllCaps("ĐẾN") and IsAllCaps("UBND-KGVX"); not "Đến", "2025".
//   IsCapitalized("Trân"): a capital, then small letters; not "TRÂN", "trân".
//   Capitalize("phó") == "Phó": the first code point upper, the rest as is.
//   CaseLike("ĐÊN", "đến") == "ĐẾN", CaseLike("Chông", "chống") == "Chống":
//   `target` in the case of `model` (all caps, capitalized, else lower).
bool IsAllCaps(std::string_view word);
bool IsCapitalized(std::string_view word);
std::string Capitalize(std::string_view word);
std::string CaseLike(std::string_view model, std::string_view target);

// The word without its tone marks (huyền, sắc, hỏi, ngã, nặng), vowel marks
// kept: "Tiếng" -> "Tiêng", "hoạch" -> "hoach".  *tones, if given, counts
// the marks taken off (a syllable has at most one).
std::string StripTones(std::string_view s, int* tones = nullptr);

// Runs of spaces and newlines become one space; no space at either end.
std::string CollapseSpaces(std::string_view s);

}  // namespace kh

#endif  // KEHOACH_NORMALIZER_NORMALIZER_H_
