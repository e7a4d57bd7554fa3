#include "ocr/fill_ins.h"

#include <algorithm>

#include "common/utf8.h"
#include "normalizer/normalizer.h"

namespace kh {
namespace {

// The label view of a word: lower case, tones off, marks kept ("Số:" ->
// "sô:", "tháng" -> "thang", "năm" -> "năm"): "thăng" or "nam" is no label.
std::string Key(const std::string& text) { return StripTones(ToLower(NormalizeString(text))); }

size_t CodePoints(const std::string& s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++n) utf8::Next(s, &i);
  return n;
}

size_t PrefixBytes(const std::string& s, size_t n) {
  size_t i = 0;
  for (size_t k = 0; k < n && i < s.size(); ++k) utf8::Next(s, &i);
  return i;
}

bool AllDigits(const std::string& s) { return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos; }

bool SameLine(const Word& a, const Word& b) {
  return a.box.YOverlap(b.box) > 0.4 * std::min(a.box.height(), b.box.height());
}

// "Số:" (the header's label has its colon; "số 28-CTr/TU" in the body is
// a reference), or "Số" and a lone ":".
bool IsNumberLabel(const std::vector<Word>& w, size_t i) {
  std::string k = Key(w[i].text);
  // "Só:": the circumflex read as an acute.
  return k == "sô:" || k == "so:" || ((k == "sô" || k == "so") && i + 1 < w.size() && w[i + 1].text == ":");
}

// A document symbol after the number: "/QĐ-UBND", "-CV/TĐTN".
bool IsSymbol(const std::string& text) {
  // Its slash lost: "UBND-KGVX", capitals and a dash.
  if (text.size() >= 5 && text.find('-') != std::string::npos && ToUpper(text) == text &&
      std::any_of(text.begin(), text.end(), [](char c) { return c >= 'A' && c <= 'Z'; }) &&
      std::none_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return true;
  if (text.size() < 2 || (text[0] != '/' && text[0] != '-')) return false;
  size_t i = 1;
  char32_t c = utf8::Next(text, &i);
  return ToUpper(std::string(text, 1, i - 1)) == std::string(text, 1, i - 1) && IsFoldedLetter(c);
}

// Cuts word i after n code points into two words.
void Cut(std::vector<Word>* words, std::vector<std::vector<Box>>* glyphs, size_t i, size_t n) {
  Word& w = (*words)[i];
  size_t cps = CodePoints(w.text);
  if (n == 0 || n >= cps) return;
  std::vector<Box>& g = (*glyphs)[i];
  double x = g.size() == cps ? (g[n - 1].x1 + g[n].x0) / 2 : w.box.x0 + w.box.width() * n / cps;
  Word a = w, b = w;
  size_t bytes = PrefixBytes(w.text, n);
  a.text = w.text.substr(0, bytes);
  b.text = w.text.substr(bytes);
  a.box.x1 = x;
  b.box.x0 = x;
  a.space_after = true;
  std::vector<Box> ga, gb;
  if (g.size() == cps) {
    ga.assign(g.begin(), g.begin() + n);
    gb.assign(g.begin() + n, g.end());
  }
  (*words)[i] = std::move(a);
  (*glyphs)[i] = std::move(ga);
  words->insert(words->begin() + i + 1, std::move(b));
  glyphs->insert(glyphs->begin() + i + 1, std::move(gb));
}

// What follows a label in one word was written after it: a digit, a
// letter ("à3"), or junk ("?."), but not one punctuation mark ("ngày,") or
// a slash ("tháng/năm").
bool WrittenAfter(const std::string& rest) {
  if (rest.find_first_of("0123456789") != std::string::npos) return true;
  size_t i = 0;
  if (IsFoldedLetter(utf8::Next(rest, &i))) return true;
  return rest[0] != '/' && CodePoints(rest) >= 2;
}

bool HasLetterBefore(const std::string& s, size_t end) {
  for (size_t i = 0; i < end;) {
    if (IsFoldedLetter(utf8::Next(s, &i))) return true;
  }
  return false;
}

bool InRange(FillIn::Kind kind, const std::string& digits) {
  if (!AllDigits(digits) || digits.size() > 5) return false;
  long v = std::stol(digits);
  switch (kind) {
    case FillIn::kNumber: return v >= 1;
    case FillIn::kDay: return v >= 1 && v <= 31 && digits.size() <= 2;
    case FillIn::kMonth: return v >= 1 && v <= 12 && digits.size() <= 2;
  }
  return false;
}

}  // namespace

void SplitAtLabels(std::vector<Word>* words, std::vector<std::vector<Box>>* glyphs) {
  glyphs->resize(words->size());
  for (size_t i = 0; i < words->size(); ++i) {
    std::string k = Key((*words)[i].text);
    // A label is a whole syllable: anything after it was written after it.
    for (const char* label : {"sô:", "so:", "ngay", "thang", "năm"}) {
      std::string l = label;
      // What follows has a digit or starts with a letter ("à3"): not
      // "ngay," or "tháng/năm", punctuation after a word.
      if (k.size() > l.size() && k.compare(0, l.size(), l) == 0 && WrittenAfter(k.substr(l.size()))) {
        Cut(words, glyphs, i, CodePoints(l));
        break;
      }
    }
    // "4$tháng": what was written before a label.
    for (const char* label : {"thang", "năm"}) {
      std::string l = label;
      size_t cps = CodePoints(k), lcps = CodePoints(l);
      if (cps > lcps && k.size() > l.size() && k.compare(k.size() - l.size(), l.size(), l) == 0 &&
          !HasLetterBefore(k, k.size() - l.size()) && k.find_first_of("0123456789") < k.size() - l.size()) {
        Cut(words, glyphs, i, cps - lcps);
        ++i;
        break;
      }
    }
    // "#4/QĐ-UBND", "ᴊ309-CV/TĐTN" after "Số:": the junk apart from the
    // symbol, which starts at the first "/" or "-" before a capital.
    // Also a word or two on ("3 3Ñ/C04-P6"): the first with a symbol.
    for (size_t j = i + 1; IsNumberLabel(*words, i) && j <= i + 3 && j < words->size() && SameLine((*words)[i], (*words)[j]);
         ++j) {
      const std::string& t = (*words)[j].text;
      if (IsSymbol(t)) break;
      size_t at = 0;
      while ((at = t.find_first_of("/-", at + 1)) != std::string::npos && !IsSymbol(t.substr(at))) {
      }
      if (at == std::string::npos) continue;
      if (!AllDigits(t.substr(0, at)) || j > i + 1) Cut(words, glyphs, j, CodePoints(t.substr(0, at)));
      break;
    }
  }
}

FigureSpan SpanOf(const FillIn& f) {
  double h = f.box.height();
  auto printed = [&](const std::string& text, const Box& box, double em) {
    double ems = 0;
    for (size_t i = 0; i < text.size();) ems += utf8::Next(text, &i) == U':' ? em / 2 : em;
    return std::min(box.width(), ems * h);
  };
  FigureSpan s;
  // The label measured narrow and the next word wide: a figure is not
  // taken for a letter of theirs ("y" of "ngày", "t" of "tháng").
  s.from = f.label_box.x0 + printed(f.label, f.label_box, 0.5);
  s.to = f.kind == FillIn::kNumber ? f.next_box.x0 : f.next_box.x1 - printed(f.next, f.next_box, 0.55);
  s.look = {f.label_box.x0, f.box.y0 - 0.35 * h, std::max(f.box.x1, s.to) + 0.6 * h, f.box.y1 + 0.35 * h};
  return s;
}

std::vector<FillIn> FindBlanks(const std::vector<Word>& w) {
  std::vector<FillIn> out;
  auto blank = [&](FillIn::Kind kind, size_t label, size_t end) {
    FillIn f;
    f.kind = kind;
    f.first = label + 1;
    f.last = end;
    f.label_box = w[label].box;
    f.label = w[label].text;
    f.next_box = w[end].box;
    f.next = w[end].text;
    f.box = {w[label].box.x1, std::min(w[label].box.y0, w[end].box.y0), w[end].box.x0,
             std::max(w[label].box.y1, w[end].box.y1)};
    std::string now;
    for (size_t k = f.first; k < f.last; ++k) now += w[k].text;
    // No room for a figure (even where the words' boxes may hide one, as
    // a "tháng" boxed with the "02" after it).
    f.span = SpanOf(f);
    if (std::max(f.box.width(), f.span.to - f.span.from) < 0.3 * f.box.height()) return;
    f.clean = InRange(kind, now);
    out.push_back(f);
  };
  // The next word j in (i, i+4] on i's line whose key is `key` (or, for
  // the number, a symbol).
  auto next = [&](size_t i, const char* key) -> size_t {
    for (size_t j = i + 1; j < w.size() && j <= i + 4 && SameLine(w[i], w[j]) && w[j].box.x0 >= w[i].box.x0; ++j) {
      if (key == nullptr ? IsSymbol(w[j].text) : Key(w[j].text) == key) return j;
    }
    return 0;
  };
  for (size_t i = 0; i < w.size(); ++i) {
    if (IsNumberLabel(w, i)) {
      if (size_t j = next(i, nullptr)) blank(FillIn::kNumber, i, j);
      continue;
    }
    if (Key(w[i].text) != "ngay") continue;
    size_t t = next(i, "thang");
    size_t n = t ? next(t, "năm") : 0;
    if (n == 0 || n + 1 >= w.size() || !SameLine(w[n], w[n + 1])) continue;
    std::string year = w[n + 1].text;
    while (!year.empty() && (year.back() == ',' || year.back() == '.')) year.pop_back();
    if (!AllDigits(year) || year.size() != 4) continue;
    blank(FillIn::kDay, i, t);
    blank(FillIn::kMonth, t, n);
  }
  return out;
}

std::string JoinReadings(const std::string& engine, const DigitReading& hand) {
  if (hand.figures.empty()) return hand.unread_ink ? "" : engine;
  if (hand.sure) return hand.digits;
  // Ink left unread: the figures found are not all there is.
  if (hand.unread_ink) return "";
  std::string digits;
  for (char c : engine)
    if (c >= '0' && c <= '9') digits.push_back(c);
  auto agree = [&](size_t skip) {
    if (digits.size() + skip != hand.figures.size()) return false;
    for (size_t i = skip; i < hand.figures.size(); ++i)
      if (hand.figures[i].sure && hand.figures[i].digit != digits[i - skip]) return false;
    return true;
  };
  size_t zeros = 0;
  while (zeros < hand.figures.size() && hand.figures[zeros].sure && hand.figures[zeros].digit == '0') ++zeros;
  for (size_t skip = 0; skip <= zeros; ++skip)
    if (!digits.empty() && agree(skip)) return digits;
  return "";
}

std::vector<std::string> ReadingsInRange(FillIn::Kind kind, const DigitReading& hand) {
  std::vector<std::string> out;
  if (kind == FillIn::kNumber) return out;
  for (std::string& r : PlausibleReadings(hand))
    if (InRange(kind, r)) out.push_back(std::move(r));
  return out;
}

void ApplyFillIns(const std::vector<FillIn>& fills, const std::vector<std::string>& readings,
                  std::vector<Word>* words) {
  // From the last blank back, so that earlier indices stay right.
  std::vector<size_t> order(fills.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return fills[a].first > fills[b].first; });
  for (size_t i : order) {
    const FillIn& f = fills[i];
    if (f.first == 0 || f.last > words->size() || f.first > f.last) continue;
    std::string digits;
    if (i < readings.size())
      for (char c : readings[i]) if (c >= '0' && c <= '9') digits.push_back(c);
    Word label = (*words)[f.first - 1];
    words->erase(words->begin() + f.first, words->begin() + f.last);
    if (!InRange(f.kind, digits)) continue;
    Word filled = label;
    filled.text = digits;
    filled.box = f.box;
    filled.space_after = true;
    filled.glued = false;
    (*words)[f.first - 1].space_after = true;
    words->insert(words->begin() + f.first, std::move(filled));
    // The form's slash before the symbol, lost under the figures
    // ("3206 UBND-KGVX").
    if (f.kind == FillIn::kNumber && f.first + 1 < words->size()) {
      std::string& symbol = (*words)[f.first + 1].text;
      if (!symbol.empty() && symbol[0] != '/' && symbol[0] != '-') symbol = "/" + symbol;
    }
  }
}

}  // namespace kh
