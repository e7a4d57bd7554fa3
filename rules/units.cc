#include "rules/units.h"

#include "common/strings.h"
#include "common/utf8.h"
#include "normalizer/normalizer.h"

namespace kh {
namespace {

// Separators inside a protected name are swapped for these bytes while
// splitting, then swapped back.
constexpr char kComma = '\x01', kDash = '\x02', kAnd = '\x03';

std::string Protect(std::string s) {
  for (char& c : s) {
    if (c == ',') c = kComma;
    if (c == '-') c = kDash;
  }
  ReplaceAll(&s, " và ", std::string(" ") + kAnd + " ");
  return s;
}

std::string Restore(std::string s) {
  ReplaceAll(&s, std::string(" ") + kAnd + " ", " và ");
  for (char& c : s) {
    if (c == kComma) c = ',';
    if (c == kDash) c = '-';
  }
  return s;
}

std::string Trim(std::string s) {
  auto junk = [](char c) { return c == ' ' || c == '.' || c == ';' || c == ',' || c == ':'; };
  while (!s.empty() && junk(s.back())) s.pop_back();
  size_t b = 0;
  while (b < s.size() && (s[b] == ' ' || s[b] == '-' || s[b] == '+' || s[b] == '*')) ++b;
  if (s.compare(b, 3, "•") == 0) b += 3;
  while (b < s.size() && s[b] == ' ') ++b;
  return s.substr(b);
}

// Splits at every occurrence of sep.
std::vector<std::string> SplitOn(const std::string& s, std::string_view sep) {
  std::vector<std::string> out;
  size_t b = 0;
  for (size_t p = s.find(sep); p != std::string::npos; p = s.find(sep, b)) {
    out.push_back(s.substr(b, p - b));
    b = p + sep.size();
  }
  out.push_back(s.substr(b));
  return out;
}

bool IsAcronym(std::string_view word) {
  size_t i = 0, letters = 0;
  while (i < word.size()) {
    char32_t c = utf8::Next(word, &i);
    bool upper = (c >= 'A' && c <= 'Z') || c == 0x110 /* Đ */;
    if (!upper) return false;
    ++letters;
  }
  return letters >= 2;
}

}  // namespace

UnitSplitter::UnitSplitter(std::shared_ptr<const RuleData> data) : data_(std::move(data)) {
  for (const std::string& name : data_->task_tables.unit_names) protected_names_.emplace_back(name, Protect(name));
}

bool UnitSplitter::StartsWithUnitWord(std::string_view piece) const {
  while (!piece.empty() && piece.front() == ' ') piece.remove_prefix(1);
  for (const std::string& h : data_->task_tables.unit_heads) {
    if (piece.size() < h.size() || piece.substr(0, h.size()) != h) continue;
    if (piece.size() == h.size() || piece[h.size()] == ' ') return true;
  }
  size_t end = piece.find_first_of(" ,;:.)");
  return IsAcronym(piece.substr(0, end));
}

std::vector<std::string> UnitSplitter::Split(std::string_view raw) const {
  std::string text = CollapseSpaces(NormalizeString(raw));
  for (const auto& [name, masked] : protected_names_) ReplaceAll(&text, name, masked);
  // ' - ' before a unit word separates like ';'.
  std::string marked;
  for (size_t p = 0; p < text.size(); ++p) {
    if (text.compare(p, 3, " - ") == 0 && StartsWithUnitWord(std::string_view(text).substr(p + 3))) {
      marked += ";";
      p += 2;
      continue;
    }
    marked.push_back(text[p]);
  }
  std::vector<std::string> out;
  for (std::string seg : SplitOn(marked, ";")) {
    seg = Trim(seg);
    if (seg.empty()) continue;
    // A collective and its list: "Các sở: Tư pháp, Tài chính".
    size_t colon = seg.find(':');
    if (colon != std::string::npos) {
      std::string head_folded = CollapseSpaces(Fold(seg.substr(0, colon)));
      while (!head_folded.empty() && head_folded.back() == ' ') head_folded.pop_back();
      const Collective* found = nullptr;
      for (const Collective& c : data_->task_tables.collectives)
        for (const std::string& w : c.words)
          if (w == head_folded) found = &c;
      if (found != nullptr) {
        std::string list = seg.substr(colon + 1);
        ReplaceAll(&list, " và ", ",");
        for (std::string item : SplitOn(list, ",")) {
          item = Trim(item);
          if (!item.empty()) out.push_back(Restore(found->head + " " + item));
        }
        continue;
      }
    }
    // ',' and ' và ' before a unit word.
    std::vector<std::string> pieces;
    size_t b = 0;
    for (size_t p = 0; p < seg.size(); ++p) {
      size_t skip = 0;
      if (seg[p] == ',') skip = 1;
      else if (seg.compare(p, 5, " và ") == 0) skip = 5;  // "và" is 3 bytes
      if (skip == 0) continue;
      if (!StartsWithUnitWord(std::string_view(seg).substr(p + skip))) continue;
      pieces.push_back(seg.substr(b, p - b));
      b = p + skip;
      p = b - 1;
    }
    pieces.push_back(seg.substr(b));
    for (std::string& piece : pieces) {
      piece = Trim(piece);
      if (!piece.empty()) out.push_back(Restore(piece));
    }
  }
  return out;
}

}  // namespace kh
