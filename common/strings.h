// strings: byte-string helpers with no knowledge of the language.
#ifndef KEHOACH_COMMON_STRINGS_H_
#define KEHOACH_COMMON_STRINGS_H_

#include <string>
#include <string_view>

namespace kh {

// Replaces every occurrence of `from` (non-empty) in *s, left to right; the
// replacement text is not searched again.
inline void ReplaceAll(std::string* s, std::string_view from, std::string_view to) {
  for (size_t p = s->find(from); p != std::string::npos; p = s->find(from, p + to.size())) s->replace(p, from.size(), to);
}

}  // namespace kh

#endif  // KEHOACH_COMMON_STRINGS_H_
