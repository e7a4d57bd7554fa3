#include "rules/signature_box.h"

#include <re2/re2.h>

#include <algorithm>

#include "common/utf8.h"
#include "normalizer/normalizer.h"

namespace kh {
namespace {

struct TextLine {
  std::string text;
  Box box;
};

// The page's words as lines: sorted by top, a word joins the line whose
// vertical middle it shares.
std::vector<TextLine> Lines(const RawPage& page) {
  std::vector<const Word*> words;
  for (const Word& w : page.words) words.push_back(&w);
  std::stable_sort(words.begin(), words.end(), [](const Word* a, const Word* b) { return a->box.y0 < b->box.y0; });
  std::vector<std::vector<const Word*>> groups;
  for (const Word* w : words) {
    bool placed = false;
    for (size_t g = groups.size(); g-- > 0 && g + 4 >= groups.size() && !placed;) {
      const Box& b = groups[g].front()->box;
      // The same line and near it (a box sits apart from the page's text).
      if (w->box.cy() > b.y0 && w->box.cy() < b.y1 && w->box.x0 - groups[g].back()->box.x1 < 3 * b.height() &&
          w->box.x0 >= groups[g].back()->box.x0) {
        groups[g].push_back(w);
        placed = true;
      }
    }
    if (!placed) groups.push_back({w});
  }
  std::vector<TextLine> out;
  for (const auto& g : groups) {
    TextLine l;
    l.box = g.front()->box;
    for (const Word* w : g) {
      l.text += (l.text.empty() ? "" : " ") + w->text;
      l.box = l.box.Union(w->box);
    }
    out.push_back(std::move(l));
  }
  return out;
}

std::string Trim(std::string s) {
  size_t b = s.find_first_not_of(" ");
  size_t e = s.find_last_not_of(" ");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

}  // namespace

std::string MatchSignatureLabel(const std::vector<SignatureLabel>& rules, const std::string& line, std::string* value) {
  NormalizedText nt = Normalize(line);
  // "Ký bởi :" and "Ký bởi:" alike.
  std::string folded;
  std::vector<size_t> at;  // byte in nt.folded of each byte of `folded`
  for (size_t i = 0; i < nt.folded.size(); ++i) {
    if (nt.folded[i] == ' ' && i + 1 < nt.folded.size() && nt.folded[i + 1] == ':') continue;
    folded.push_back(nt.folded[i]);
    at.push_back(i);
  }
  at.push_back(nt.folded.size());
  for (const SignatureLabel& r : rules)
    for (const std::string& l : r.labels)
      if (folded.compare(0, l.size(), l) == 0) {
        size_t t = nt.folded_to_text[at[l.size()]];
        if (value != nullptr) *value = Trim(nt.text.substr(t));
        return r.field;
      }
  return "";
}

std::string SignatureTime(const std::string& printed) {
  static const RE2 kIso("(\\d{4})-(\\d{2})-(\\d{2})[T ](\\d{2}):(\\d{2}):(\\d{2})\\s*(Z|[+-]\\d{2}:?\\d{2})?");
  static const RE2 kDmy("(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})\\s+(\\d{1,2}):(\\d{2}):(\\d{2})\\s*([+-]\\d{2}:?\\d{2})?");
  std::string y, mo, d, h, mi, s, tz;
  if (!RE2::PartialMatch(printed, kIso, &y, &mo, &d, &h, &mi, &s, &tz) &&
      !RE2::PartialMatch(printed, kDmy, &d, &mo, &y, &h, &mi, &s, &tz))
    return "";
  auto two = [](const std::string& v) { return v.size() == 1 ? "0" + v : v; };
  int m = std::stoi(mo), dd = std::stoi(d), hh = std::stoi(h);
  if (m < 1 || m > 12 || dd < 1 || dd > 31 || hh > 23) return "";
  if (tz.size() == 5) tz = tz.substr(0, 3) + ":" + tz.substr(3);
  return y + "-" + two(mo) + "-" + two(d) + "T" + two(h) + ":" + mi + ":" + s + tz;
}

std::vector<Signature> ReadSignatureBoxes(const RawPage& page, const std::vector<SignatureLabel>& rules) {
  std::vector<Signature> out;
  std::vector<TextLine> lines = Lines(page);
  Signature cur;
  std::string* last = nullptr;  // the value a continuation line adds to
  double last_bottom = 0, last_x = 0, line_h = 0;
  auto flush = [&] {
    if (cur.visible) out.push_back(cur);
    cur = Signature{};
    last = nullptr;
  };
  // Only a line that starts with a label's first letter is worth
  // normalizing (every page of every document passes here).
  std::string firsts;
  for (const SignatureLabel& r : rules)
    for (const std::string& lab : r.labels)
      if (!lab.empty()) firsts.push_back(lab[0]);
  for (const TextLine& l : lines) {
    std::string value, field;
    size_t at = 0;
    char32_t c = l.text.empty() ? 0 : FoldChar(utf8::Next(l.text, &at));
    if (c != 0 && c < 0x80 && firsts.find(static_cast<char>(c)) != std::string::npos)
      field = MatchSignatureLabel(rules, l.text, &value);
    bool near = cur.visible && l.box.y0 - last_bottom < 2.5 * line_h && std::abs(l.box.x0 - last_x) < 4 * line_h;
    if (field.empty()) {
      // A wrapped value: close under its label, not far to its side.
      if (near && last != nullptr && l.box.y0 - last_bottom < 0.8 * line_h) {
        *last += (last->empty() ? "" : " ") + Trim(l.text);
        cur.box = cur.box.Union(l.box);
        last_bottom = l.box.y1;
      }
      continue;
    }
    std::string* slot = field == "signer" ? &cur.signer : field == "organisation" ? &cur.organisation
                      : field == "email" ? &cur.email : nullptr;
    // A label already filled, or one far from the box: a new box.
    if (!near || (slot != nullptr && !slot->empty()) || (field == "time" && !cur.time.empty())) flush();
    if (!cur.visible) {
      cur.visible = true;
      cur.page = page.number;
      cur.box = l.box;
      line_h = l.box.height();
    }
    cur.box = cur.box.Union(l.box);
    if (slot != nullptr) {
      *slot = value;
      last = slot;
    } else {
      cur.time = SignatureTime(value);
      last = nullptr;
    }
    last_bottom = l.box.y1;
    last_x = l.box.x0;
  }
  flush();
  return out;
}

std::vector<Signature> MergeSignatures(std::vector<Signature> fields, const std::vector<Signature>& boxes) {
  for (const Signature& b : boxes) {
    Signature* into = nullptr;
    for (Signature& f : fields) {
      if (!f.field || f.visible || f.page != b.page || f.box.XOverlap(b.box) <= 0 || f.box.YOverlap(b.box) <= 0) continue;
      into = &f;
      break;
    }
    if (into == nullptr) {
      fields.push_back(b);
      continue;
    }
    into->visible = true;
    if (into->signer.empty()) into->signer = b.signer;
    if (into->organisation.empty()) into->organisation = b.organisation;
    if (into->email.empty()) into->email = b.email;
    if (into->time.empty()) into->time = b.time;
  }
  return fields;
}

}  // namespace kh
