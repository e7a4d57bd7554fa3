#include "normalizer/normalizer.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/locid.h>

#include <cctype>
#include <unordered_map>

#include "common/utf8.h"

namespace kh {
namespace {

const icu::Normalizer2* Nfc() {
  static const icu::Normalizer2* n = [] {
    UErrorCode e = U_ZERO_ERROR;
    return icu::Normalizer2::getNFCInstance(e);
  }();
  return n;
}
const icu::Normalizer2* Nfd() {
  static const icu::Normalizer2* n = [] {
    UErrorCode e = U_ZERO_ERROR;
    return icu::Normalizer2::getNFDInstance(e);
  }();
  return n;
}

// Step 1 and 2 for one code point: 0 = drop, else the replacement.
char32_t MapChar(char32_t c) {
  switch (c) {
    case 0x00A0: case 0x0009: case 0x000B: case 0x000C: case 0x000D: case 0x1680:
    case 0x202F: case 0x205F: case 0x3000: case 0x0085:
      return ' ';
    case 0x00AD: case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF:
      return 0;
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB: case 0x00BB: case 0x2033:
      return '"';
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032:
      return '\'';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212: case 0xFE58:
    case 0xFE63: case 0xFF0D:
      return '-';
    default:
      break;
  }
  if (c >= 0x2000 && c <= 0x200A) return ' ';
  if (c < 0x20 && c != '\n') return ' ';
  return c;
}

// UAX #15's stream-safe limit: no more combining marks in a row than this
// (a Vietnamese letter has at most 2).  ICU's canonical reordering takes time
// quadratic in a run of marks: 0.7 s for 100 000 alternating ones.
constexpr int kMaxMarksInARow = 30;

bool IsTone(UChar32 c) { return c == 0x0300 || c == 0x0301 || c == 0x0303 || c == 0x0309 || c == 0x0323; }
bool IsMark(UChar32 c) { return c >= 0x0300 && c <= 0x036F; }
bool IsVowelBase(UChar32 c) {
  switch (u_tolower(c)) {
    case 'a': case 'e': case 'i': case 'o': case 'u': case 'y': return true;
    default: return false;
  }
}

// Moves the tone of an open "oa"/"oe"/"uy" syllable to its first vowel.
// `s` is one run of letters in NFD.
void CanonicalTone(icu::UnicodeString* s) {
  // Clusters: a base letter and the marks after it.
  struct Cl { int32_t start, end; UChar32 base; };
  std::vector<Cl> cl;
  for (int32_t i = 0; i < s->length();) {
    UChar32 c = s->char32At(i);
    int32_t n = U16_LENGTH(c);
    if (IsMark(c) && !cl.empty()) {
      cl.back().end = i + n;
    } else {
      cl.push_back({i, i + n, c});
    }
    i += n;
  }
  if (cl.size() < 2) return;
  const Cl& a = cl[cl.size() - 2];
  const Cl& b = cl[cl.size() - 1];
  UChar32 la = u_tolower(a.base), lb = u_tolower(b.base);
  bool pair = (la == 'o' && (lb == 'a' || lb == 'e')) || (la == 'u' && lb == 'y');
  if (!pair) return;
  if (cl.size() >= 3) {
    UChar32 before = u_tolower(cl[cl.size() - 3].base);
    if (IsVowelBase(before)) return;            // "uya", "oai"... not this case
    if (la == 'u' && before == 'q') return;     // "quý": u belongs to "qu"
  }
  // Tone on b, none on a, and a carries no other mark (o with circumflex or
  // horn would make a different vowel: "ôa" is not Vietnamese anyway).
  int32_t tone_pos = -1;
  for (int32_t i = b.start + U16_LENGTH(b.base); i < b.end; ++i)
    if (IsTone(s->charAt(i))) tone_pos = i;
  if (tone_pos < 0) return;
  if (a.end != a.start + U16_LENGTH(a.base)) return;
  UChar tone = s->charAt(tone_pos);
  s->remove(tone_pos, 1);
  s->insert(a.start + U16_LENGTH(a.base), tone);
}

// u decomposed (NFD), changed by edit, composed again (NFC), as UTF-8.
template <typename Edit>
std::string Recomposed(const icu::UnicodeString& u, Edit edit) {
  UErrorCode e = U_ZERO_ERROR;
  icu::UnicodeString d = Nfd()->normalize(u, e);
  if (U_FAILURE(e)) d = u;
  edit(&d);
  e = U_ZERO_ERROR;
  icu::UnicodeString c = Nfc()->normalize(d, e);
  if (U_FAILURE(e)) c = d;
  std::string out;
  c.toUTF8String(out);
  return out;
}

// Normalizes one run of letters; returns the UTF-8 result.
std::string NormalizeRun(const std::u32string& run) {
  icu::UnicodeString u;
  for (char32_t c : run) u.append(static_cast<UChar32>(c));
  return Recomposed(u, CanonicalTone);
}

bool IsLetterLike(char32_t c) {
  return u_isalpha(static_cast<UChar32>(c)) || IsMark(static_cast<UChar32>(c));
}

}  // namespace

char32_t FoldChar(char32_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  if (c == 0x0111 || c == 0x0110) return 'd';
  if (c == 0x00D0) return 'd';  // Ð (eth), often typed for Đ
  // Per thread: no lock on this hot path.
  thread_local std::unordered_map<char32_t, char32_t> cache;
  auto it = cache.find(c);
  if (it != cache.end()) return it->second;
  char32_t r = c;
  if (IsMark(static_cast<UChar32>(c))) {
    r = c;  // a stray combining mark stays (one code point in, one out)
  } else {
    icu::UnicodeString u(static_cast<UChar32>(c));
    UErrorCode e = U_ZERO_ERROR;
    icu::UnicodeString d = Nfd()->normalize(u, e);
    UChar32 base = U_SUCCESS(e) && d.length() > 0 ? d.char32At(0) : static_cast<UChar32>(c);
    r = static_cast<char32_t>(u_tolower(base));
    if (r == 0x0111) r = 'd';
  }
  cache.emplace(c, r);
  return r;
}

NormalizedText Normalize(std::string_view src) {
  NormalizedText out;
  out.text.reserve(src.size());
  out.to_source.reserve(src.size() + 1);
  auto emit = [&](std::string_view bytes, uint32_t src_off) {
    out.text.append(bytes);
    for (size_t k = 0; k < bytes.size(); ++k) out.to_source.push_back(src_off);
  };
  auto emit_space = [&](uint32_t src_off) {
    if (out.text.empty() || out.text.back() == ' ' || out.text.back() == '\n') return;
    emit(" ", src_off);
  };
  std::u32string run;
  std::vector<uint32_t> run_off;
  bool run_ascii = true;
  auto flush_run = [&]() {
    if (run.empty()) return;
    if (run_ascii) {
      for (size_t k = 0; k < run.size(); ++k) {
        char ch = static_cast<char>(run[k]);
        emit(std::string_view(&ch, 1), run_off[k]);
      }
    } else {
      // Runs are syllables, and a plan repeats a few thousand of them: each
      // goes through ICU once per thread, then comes from the cache.
      thread_local std::unordered_map<std::u32string, std::string> cache;
      auto hit = cache.find(run);
      if (hit == cache.end()) {
        if (cache.size() > 100000) cache.clear();  // bounded: odd input cannot grow it without end
        hit = cache.emplace(run, NormalizeRun(run)).first;
      }
      const std::string& n = hit->second;
      // Map one to one by code point when the count is unchanged, else
      // everything to the run's start.
      size_t count = 0;
      for (size_t i = 0; i < n.size();) { utf8::Next(n, &i); ++count; }
      size_t i = 0, k = 0;
      while (i < n.size()) {
        size_t b = i;
        utf8::Next(n, &i);
        emit(std::string_view(n).substr(b, i - b), count == run.size() ? run_off[k] : run_off[0]);
        ++k;
      }
    }
    run.clear();
    run_off.clear();
    run_ascii = true;
  };
  size_t i = 0;
  int marks_in_a_row = 0;
  while (i < src.size()) {
    uint32_t off = static_cast<uint32_t>(i);
    char32_t c = MapChar(utf8::Next(src, &i));
    if (c == 0) continue;
    if (c >= 0x300 && u_getCombiningClass(static_cast<UChar32>(c)) != 0) {
      if (++marks_in_a_row > kMaxMarksInARow) continue;
    } else {
      marks_in_a_row = 0;
    }
    if (IsLetterLike(c)) {
      run.push_back(c);
      run_off.push_back(off);
      if (c >= 0x80) run_ascii = false;
      continue;
    }
    flush_run();
    if (c == ' ') {
      emit_space(off);
    } else if (c == '\n') {
      while (!out.text.empty() && out.text.back() == ' ') {
        out.text.pop_back();
        out.to_source.pop_back();
      }
      emit("\n", off);
    } else {
      std::string b;
      utf8::Append(c, &b);
      emit(b, off);
    }
  }
  flush_run();
  out.to_source.push_back(static_cast<uint32_t>(src.size()));

  // The folded view, one code point per code point.
  out.folded.reserve(out.text.size());
  out.folded_to_text.reserve(out.text.size() + 1);
  i = 0;
  while (i < out.text.size()) {
    uint32_t off = static_cast<uint32_t>(i);
    char32_t f = FoldChar(utf8::Next(out.text, &i));
    size_t before = out.folded.size();
    utf8::Append(f, &out.folded);
    for (size_t k = before; k < out.folded.size(); ++k) out.folded_to_text.push_back(off);
  }
  out.folded_to_text.push_back(static_cast<uint32_t>(out.text.size()));
  return out;
}

std::string NormalizeString(std::string_view source) { return Normalize(source).text; }

std::string Fold(std::string_view normalized) {
  std::string out;
  size_t i = 0;
  while (i < normalized.size()) utf8::Append(FoldChar(utf8::Next(normalized, &i)), &out);
  return out;
}

namespace {

std::string ChangeCase(std::string_view s, bool upper) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  if (upper) u.toUpper(icu::Locale("vi"));
  else u.toLower(icu::Locale("vi"));
  std::string out;
  u.toUTF8String(out);
  return out;
}

}  // namespace

std::string ToLower(std::string_view s) { return ChangeCase(s, false); }

std::string ToUpper(std::string_view s) { return ChangeCase(s, true); }

std::string FoldedLettersAndDigits(std::string_view source) {
  std::string out;
  for (char c : Fold(NormalizeString(source)))
    if (std::isalnum(static_cast<unsigned char>(c))) out.push_back(c);
  return out;
}

bool IsAllCaps(std::string_view w) { return ToUpper(w) == w && ToLower(w) != w; }

std::string Capitalize(std::string_view w) {
  if (w.empty()) return std::string(w);
  size_t i = 0;
  utf8::Next(w, &i);
  return ToUpper(w.substr(0, i)) + std::string(w.substr(i));
}

bool IsCapitalized(std::string_view w) {
  if (w.empty()) return false;
  size_t i = 0;
  utf8::Next(w, &i);
  return IsAllCaps(w.substr(0, i)) && ToLower(w.substr(i)) == w.substr(i);
}

std::string CaseLike(std::string_view model, std::string_view target) {
  if (IsAllCaps(model)) return ToUpper(target);
  size_t i = 0;
  if (!model.empty()) utf8::Next(model, &i);
  std::string lower = ToLower(target);
  return IsAllCaps(model.substr(0, i)) ? Capitalize(lower) : lower;
}

std::string StripTones(std::string_view s, int* tones) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  int n = 0;
  std::string out = Recomposed(u, [&n](icu::UnicodeString* d) {
    icu::UnicodeString kept;
    for (int32_t i = 0; i < d->length(); ++i) {
      UChar c = d->charAt(i);
      // grave, acute, tilde, hook above, dot below: the five tone marks.
      if (c == 0x300 || c == 0x301 || c == 0x303 || c == 0x309 || c == 0x323) {
        ++n;
        continue;
      }
      kept.append(c);
    }
    *d = kept;
  });
  if (tones != nullptr) *tones = n;
  return out;
}

std::string CollapseSpaces(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == ' ' || c == '\n') {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace kh
