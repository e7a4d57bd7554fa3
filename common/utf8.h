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

}  // namespace kh::utf8

#endif  // KEHOACH_COMMON_UTF8_H_
