#include "rules/ocr_repairs.h"

#include <re2/re2.h>

#include <cctype>

#include "common/strings.h"
#include "common/utf8.h"
#include "normalizer/normalizer.h"
#include "normalizer/syllables.h"

#include <map>
#include <set>

namespace kh {

namespace {

bool IsLetterByte(unsigned char c) { return std::isalpha(c) || c >= 0x80; }

// A word's letters without the punctuation round them: "phòng," -> [0, 6).
struct Core {
  size_t b = 0, e = 0;
};

Core CoreOf(const std::string& w) {
  Core c;
  c.b = w.size();
  for (size_t i = 0; i < w.size();) {
    size_t at = i;
    if (IsFoldedLetter(utf8::Next(w, &i))) {
      if (c.b == w.size()) c.b = at;
      c.e = i;
    }
  }
  if (c.b == w.size()) c.b = c.e = 0;
  // Letters only inside: "2O25" or "a-b" are not words.
  for (size_t i = c.b; i < c.e;)
    if (!IsFoldedLetter(utf8::Next(w, &i))) return Core{};
  return c;
}

}  // namespace

std::string EthInSymbol(const std::string& word) {
  static const std::string kD = "\u0110", kEth = "\u00D0";  // Đ, Ð
  if (word.find('/') == std::string::npos || word.find(kEth) == std::string::npos) return word;
  std::string out;
  for (size_t i = 0; i < word.size();) {
    if (word.compare(i, 2, kD) == 0 || word.compare(i, 2, kEth) == 0) {
      while (i < word.size() && (word.compare(i, 2, kD) == 0 || word.compare(i, 2, kEth) == 0)) i += 2;
      out += kD;
      continue;
    }
    out.push_back(word[i++]);
  }
  return out;
}

std::string ZeroInNumber(const std::string& word) {
  std::string out = word;
  size_t i = 0;
  while (i < out.size()) {
    auto in_run = [&](size_t k) { return std::isdigit(static_cast<unsigned char>(out[k])) || out[k] == 'O' || out[k] == 'o'; };
    if (!in_run(i)) {
      i += utf8::SeqLen(static_cast<unsigned char>(out[i]));
      continue;
    }
    size_t b = i;
    while (i < out.size() && in_run(i)) ++i;
    // The run must stand alone (no letter glued on either side), hold a
    // digit, and be two characters or more: "2O25", "1OO", not "CO2", "Ong".
    bool digit = false;
    for (size_t k = b; k < i; ++k) digit |= std::isdigit(static_cast<unsigned char>(out[k])) != 0;
    bool left_ok = b == 0 || !IsLetterByte(static_cast<unsigned char>(out[b - 1]));
    bool right_ok = i == out.size() || !IsLetterByte(static_cast<unsigned char>(out[i]));
    if (digit && i - b >= 2 && left_ok && right_ok) {
      for (size_t k = b; k < i; ++k)
        if (out[k] == 'O' || out[k] == 'o') out[k] = '0';
    }
  }
  return out;
}

struct OcrRepairer::Impl {
  std::vector<std::unique_ptr<RE2>> patterns;  // one a rule; null unless in_symbol
  // "phrase" rules: each phrase's words as printed right, and folded.
  struct Phrase {
    std::vector<std::string> words, folded;
  };
  std::vector<Phrase> phrases;
  // "person_name" rules: skeleton -> the first listed name with it; the
  // listed names (lower case); the words that end a name's run.
  struct Names {
    std::map<std::string, std::string> sur, given;
    std::set<std::string> known_sur, known_given, not_name;
  };
  std::vector<Names> names;
  SyllableSet syllables;  // "joined_syllables"
};

namespace {

// "ANTỈNHLÂMĐỎNG," -> "AN TỈNH LÂM ĐỎNG,": a word in capitals with a
// Vietnamese letter, five letters or more, that is no syllable but a run of
// them each after the first opening with a consonant, split into them (its
// punctuation at the end kept).
std::string SplitJoinedSyllables(const std::string& w, const SyllableSet& syllables) {
  size_t e = w.size();
  while (e > 0 && std::ispunct(static_cast<unsigned char>(w[e - 1]))) --e;
  std::string core = w.substr(0, e);
  size_t letters = 0;
  bool marked = false;
  for (size_t i = 0; i < core.size();) {
    char32_t c = utf8::Next(core, &i);
    if (c < 0x80 && !std::isalpha(static_cast<int>(c))) return w;
    marked |= c >= 0x80;
    ++letters;
  }
  if (letters < 5 || !marked || !IsAllCaps(core)) return w;
  std::vector<std::string> parts = syllables.Split(core);
  if (parts.empty()) return w;
  // A syllable after the first that opens with a vowel is more likely a
  // slip in one word ("QUYÉT" is not "QUY ÉT"): left as it is.
  for (size_t k = 1; k < parts.size(); ++k)
    if (std::string_view("aeiouy").find(Fold(parts[k])[0]) != std::string_view::npos) return w;
  return JoinWords(parts) + w.substr(e);
}

// An in_symbol rule on a word that looks like a document number.
void RewriteSymbol(const RE2& pattern, const std::string& rewrite, std::string* w) {
  if (pattern.ok() && LooksLikeSymbol(*w)) RE2::GlobalReplace(w, pattern, rewrite);
}

}  // namespace

OcrRepairer::OcrRepairer(const std::vector<OcrRepairRule>& rules, const SyllableRules& syllables)
    : rules_(rules), impl_(std::make_unique<Impl>()) {
  impl_->syllables = SyllableSet(syllables.onsets, syllables.rhymes);
  for (const OcrRepairRule& r : rules_) {
    impl_->patterns.push_back(r.kind == "in_symbol" ? std::make_unique<RE2>(r.pattern, RE2::Quiet) : nullptr);
    if (r.kind == "phrase") {
      for (const std::string& phrase : r.phrases) {
        Impl::Phrase ph;
        for (const std::string& w : SplitWords(phrase)) {
          Core c = CoreOf(w);
          ph.words.push_back(NormalizeString(w.substr(c.b, c.e - c.b)));
          ph.folded.push_back(Fold(ph.words.back()));
        }
        if (!ph.words.empty()) impl_->phrases.push_back(std::move(ph));
      }
    } else if (r.kind == "person_name") {
      Impl::Names n;
      n.not_name.insert(r.not_in_name.begin(), r.not_in_name.end());
      for (const std::string& s : r.surnames)
        n.sur.emplace(Fold(NormalizeString(s)), NormalizeString(s)), n.known_sur.insert(ToLower(NormalizeString(s)));
      for (const std::string& g : r.given_names)
        n.given.emplace(Fold(NormalizeString(g)), NormalizeString(g)), n.known_given.insert(ToLower(NormalizeString(g)));
      impl_->names.push_back(std::move(n));
    }
  }
}

OcrRepairer::~OcrRepairer() = default;

bool LooksLikeSymbol(const std::string& word) {
  bool digit = false, upper = false, sep = false;
  for (size_t i = 0; i < word.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(word[i]);
    digit |= std::isdigit(c) != 0;
    upper |= (c >= 'A' && c <= 'Z') || word.compare(i, 2, "\u0110") == 0;
    sep |= c == '/' || c == '-' || word.compare(i, 3, "\u2044") == 0;
  }
  return digit && upper && sep;
}

int OcrRepairer::Repair(std::vector<std::string>* words, const std::vector<bool>& line_start) const {
  int changed = 0;
  for (size_t i = 0; i < words->size(); ++i) {
    std::string& w = (*words)[i];
    const std::string original = w;
    for (size_t k = 0; k < rules_.size(); ++k) {
      const OcrRepairRule& r = rules_[k];
      if (r.kind == "in_symbol") {
        RewriteSymbol(*impl_->patterns[k], r.rewrite, &w);
      } else if (r.kind == "zero_in_number") {
        w = ZeroInNumber(w);
      } else if (r.kind == "eth_in_symbol") {
        w = EthInSymbol(w);
      } else if (r.kind == "joined_syllables") {
        w = SplitJoinedSyllables(w, impl_->syllables);
      } else if (w == r.from) {
        if (r.line_start && !(i < line_start.size() && line_start[i])) continue;
        if (!r.next.empty()) {
          if (i + 1 >= words->size()) continue;
          bool ok = false;
          for (const std::string& n : r.next) ok |= (*words)[i + 1] == n;
          if (!ok) continue;
        }
        w = r.to;
      }
    }
    if (w != original) ++changed;
  }
  // A symbol OCR cut after its hyphen or slash into two words ("1944/QĐ-"
  // "TIg": Tesseract ended a text line there; the layout joins them again):
  // the in_symbol repairs see the two as one, and the second word takes
  // the mended rest.
  for (size_t i = 0; i + 1 < words->size(); ++i) {
    const std::string& a = (*words)[i];
    if (a.empty() || (a.back() != '-' && a.back() != '/')) continue;
    std::string joined = a + (*words)[i + 1];
    if (!LooksLikeSymbol(joined)) continue;
    for (size_t k = 0; k < rules_.size(); ++k)
      if (rules_[k].kind == "in_symbol") RewriteSymbol(*impl_->patterns[k], rules_[k].rewrite, &joined);
    if (joined.size() > a.size() && joined.compare(0, a.size(), a) == 0 && joined.substr(a.size()) != (*words)[i + 1]) {
      (*words)[i + 1] = joined.substr(a.size());
      ++changed;
    }
  }
  changed += RepairWords(words, line_start);
  return changed;
}

int OcrRepairer::RepairWords(std::vector<std::string>* words, const std::vector<bool>& line_start) const {
  std::vector<std::string>& ws = *words;
  const size_t n = ws.size();
  std::vector<Core> core(n);
  std::vector<std::string> text(n), folded(n);
  for (size_t i = 0; i < n; ++i) {
    core[i] = CoreOf(ws[i]);
    text[i] = NormalizeString(ws[i].substr(core[i].b, core[i].e - core[i].b));
    folded[i] = Fold(text[i]);
  }
  auto starts_line = [&](size_t i) { return i < line_start.size() && line_start[i]; };
  int changed = 0;
  std::set<size_t> touched;
  auto put = [&](size_t i, const std::string& right) {
    std::string repl = CaseLike(text[i], right);
    if (repl == text[i]) return;
    ws[i] = ws[i].substr(0, core[i].b) + repl + ws[i].substr(core[i].e);
    text[i] = repl;
    touched.insert(i);
  };
  for (const Impl::Phrase& ph : impl_->phrases) {
    for (size_t i = 0; i + ph.words.size() <= n; ++i) {
      bool same = true, differs = false;
      for (size_t k = 0; k < ph.words.size() && same; ++k) {
        same = !folded[i + k].empty() && folded[i + k] == ph.folded[k];
        differs |= ToLower(text[i + k]) != ToLower(ph.words[k]);
      }
      if (!same || !differs) continue;
      for (size_t k = 0; k < ph.words.size(); ++k) put(i + k, ph.words[k]);
    }
  }
  for (const Impl::Names& nm : impl_->names) {
    for (size_t i = 0; i + 2 < n; ++i) {
      if (!IsCapitalized(text[i]) || (i > 0 && !starts_line(i) && IsCapitalized(text[i - 1]))) continue;
      auto s = nm.sur.find(folded[i]);
      if (s == nm.sur.end()) continue;
      // Two or three more capitalised words on the line: the full name.
      size_t m = i + 1;
      while (m < n && m - i < 4 && !starts_line(m) && IsCapitalized(text[m]) && nm.not_name.count(text[m]) == 0) ++m;
      if (m - i < 3) continue;
      if (nm.known_sur.count(ToLower(text[i])) == 0) put(i, s->second);
      size_t last = m - 1;
      auto g = nm.given.find(folded[last]);
      if (g != nm.given.end() && nm.known_given.count(ToLower(text[last])) == 0) put(last, g->second);
    }
  }
  changed += static_cast<int>(touched.size());
  return changed;
}

std::string OcrRepairer::RepairLine(const std::string& line) const {
  std::vector<std::string> words = SplitWords(line);
  std::vector<bool> start(words.size(), false);
  if (!start.empty()) start[0] = true;
  Repair(&words, start);
  return JoinWords(words);
}

}  // namespace kh
