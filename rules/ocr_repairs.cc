#include "rules/ocr_repairs.h"

#include <re2/re2.h>

#include <cctype>

#include "common/utf8.h"

namespace kh {

namespace {

bool IsLetterByte(unsigned char c) { return std::isalpha(c) || c >= 0x80; }

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
};

OcrRepairer::OcrRepairer(const std::vector<OcrRepairRule>& rules) : rules_(rules), impl_(std::make_unique<Impl>()) {
  for (const OcrRepairRule& r : rules_)
    impl_->patterns.push_back(r.kind == "in_symbol" ? std::make_unique<RE2>(r.pattern, RE2::Quiet) : nullptr);
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
        if (impl_->patterns[k]->ok() && LooksLikeSymbol(w)) RE2::GlobalReplace(&w, *impl_->patterns[k], r.rewrite);
      } else if (r.kind == "zero_in_number") {
        w = ZeroInNumber(w);
      } else if (r.kind == "eth_in_symbol") {
        w = EthInSymbol(w);
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
  return changed;
}

std::string OcrRepairer::RepairLine(const std::string& line) const {
  std::vector<std::string> words;
  size_t i = 0;
  while (i < line.size()) {
    size_t j = line.find(' ', i);
    if (j == std::string::npos) j = line.size();
    if (j > i) words.push_back(line.substr(i, j - i));
    i = j + 1;
  }
  std::vector<bool> start(words.size(), false);
  if (!start.empty()) start[0] = true;
  Repair(&words, start);
  std::string out;
  for (const std::string& w : words) {
    if (!out.empty()) out.push_back(' ');
    out += w;
  }
  return out;
}

}  // namespace kh
