// Small UTF-8 helpers shared by the stages (no ICU needed).
#ifndef KEHOACH_COMMON_UTF8_H_
#define KEHOACH_COMMON_UTF8_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace kh::utf8 {

// Decodes the code point at s[*i] and advances *i past it.  Invalid bytes come
// back as U+FFFD, one byte at a time, so decoding never stalls.
char32_t Next(std::string_view s, size_t* i);

// Appends the UTF-8 encoding of c to *out.
void Append(char32_t c, std::string* out);

// Number of bytes of the sequence starting with lead byte b (1 for invalid).
inline size_t SeqLen(unsigned char b) {
  if (b < 0x80) return 1;
  if ((b >> 5) == 0x6) return 2;
  if ((b >> 4) == 0xE) return 3;
  if ((b >> 3) == 0x1E) return 4;
  return 1;
}

// True if s is well-formed UTF-8.
bool IsValid(std::string_view s);

// The fewest code points to insert, delete or replace to turn a into b
// (Levenshtein), counting no further than `limit`: a result above it is
// limit + 1.  Names matched to a list ("Lâm Đông" to "Lâm Đồng") and codes
// read by OCR ("TIr" for "TTr") are compared this way.
size_t EditDistance(std::string_view a, std::string_view b, size_t limit = 8);

}  // namespace kh::utf8

#endif  // KEHOACH_COMMON_UTF8_H_
