#include "rules/facts.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <mutex>

#include <re2/re2.h>

#include "common/date.h"
#include "common/strings.h"
#include "common/utf8.h"
#include "normalizer/normalizer.h"
#include "rules/levels.h"
#include "rules/places.h"

namespace kh {
namespace {

Location LinesLocation(const std::vector<Line>& lines) {
  Location loc;
  for (const Line& l : lines) {
    if (loc.page == 0) loc.page = l.page;
    if (l.page == loc.page) loc.bbox = loc.bbox.Union(l.box);
  }
  return loc;
}

std::string RoleDisplay(const std::string& printed) {
  // "BỘ TRƯỞNG, CHỦ NHIỆM": two roles, each written with its capital.
  std::string lower = ToLower(NormalizeString(printed)), out;
  for (size_t b = 0; b <= lower.size();) {
    size_t comma = lower.find(',', b);
    if (comma == std::string::npos) comma = lower.size();
    std::vector<std::string> w = SplitWords(lower.substr(b, comma - b));
    if (!w.empty()) {
      w[0] = Capitalize(w[0]);
      if (w.size() > 1 && (w[0] == "Phó" || w[0] == "Quyền")) w[1] = Capitalize(w[1]);
      out += (out.empty() ? "" : ", ") + JoinWords(w, 0, w.size());
    }
    b = comma + 1;
  }
  return out;
}

// The right column of the first document's last two-column band: bands
// after a later page's national motto (the header of an attached document)
// are not its.
const Block* LastRightColumn(const LaidOutDocument& doc, const RuleData& data) {
  const Block* found = nullptr;
  for (size_t i = 0; i < doc.pages.size(); ++i)
    for (const Block& b : doc.pages[i].blocks) {
      if (i > 0)
        for (const Line& l : b.lines)
          if (StartsADocument(l.Text(), data)) return found;
      if (b.kind == BlockKind::kColumn && b.column == 1) found = &b;
    }
  return found;
}

}  // namespace

bool StartsADocument(const std::string& line, const RuleData& data) {
  std::string letters = FoldedLettersAndDigits(line);
  for (const std::string& m : data.signer.motto)
    if (!m.empty() && letters.find(m) != std::string::npos) return true;
  return false;
}

namespace {

// Where the first letter of t starts (t.size() if it has none).
size_t FirstLetterAt(std::string_view t) {
  for (size_t k = 0; k < t.size();) {
    size_t at = k;
    if (IsFoldedLetter(utf8::Next(t, &k))) return at;
  }
  return t.size();
}

}  // namespace

std::optional<std::string> PersonName(const std::string& line, const RuleData& data) {
  std::string t = NormalizeString(line);
  // Quotes, dashes and stops round it.
  t = t.substr(FirstLetterAt(t));
  size_t e = 0;  // past the last letter
  for (size_t i = 0; i < t.size();)
    if (IsFoldedLetter(utf8::Next(t, &i))) e = i;
  t = t.substr(0, e);
  // Brackets, quotes and stops OCR put inside it ("Đại (tá Đậu Xuân Bảo").
  std::string letters;
  for (size_t i = 0; i < t.size();) {
    size_t at = i;
    char32_t c = utf8::Next(t, &i);
    if (IsFoldedLetter(c) || c == U' ') letters.append(t, at, i - at);
    else letters.push_back(' ');
  }
  t = letters;
  std::vector<std::string> w = SplitWords(t);
  std::vector<std::string> fw = SplitWords(Fold(t));
  // A rank before the name, its words matched as OCR may read them: a word
  // of four letters or more may differ by one letter ("Thượng tưửng").
  auto near = [](const std::string& a, const std::string& b) {
    if (a == b) return true;
    return a.size() >= 4 && b.size() >= 4 && utf8::EditDistance(a, b, 1) <= 1;
  };
  size_t from = 0;
  for (const std::string& r : data.signer.ranks) {
    std::vector<std::string> rw = SplitWords(r);
    if (rw.size() < fw.size() && std::equal(rw.begin(), rw.end(), fw.begin(), near) && rw.size() > from) from = rw.size();
  }
  if (w.size() - from < 2 || w.size() - from > 6) return std::nullopt;
  for (size_t k = from; k < w.size(); ++k) {
    size_t i = 0;
    char32_t first = utf8::Next(w[k], &i);
    std::string head = w[k].substr(0, i), rest = w[k].substr(i);
    if (!IsFoldedLetter(first) || ToUpper(head) != head || ToLower(rest) != rest) return std::nullopt;
    // A name's words have two letters or more, but the "Y" of Ê Đê men's
    // names: a lone capital is a stroke of the signature ("G Zoc").
    if (rest.empty() && head != "Y") return std::nullopt;
    for (size_t j = 0; j < rest.size();)
      if (!IsFoldedLetter(utf8::Next(rest, &j))) return std::nullopt;
  }
  return JoinWords(w, from, w.size());
}

size_t ChairRoleWords(const std::string& line, const RuleData& data) {
  std::vector<std::string> w = SplitWords(NormalizeString(line));
  for (const std::string& c : data.signer.chairs) {
    std::vector<std::string> cw = SplitWords(c);
    if (cw.size() > w.size()) continue;
    bool ok = true;
    for (size_t k = 0; k < cw.size() && ok; ++k) {
      const std::string& word = w[w.size() - cw.size() + k];
      ok = IsAllCaps(word) && Fold(word) == cw[k];
    }
    if (ok) return cw.size();
  }
  return 0;
}

std::optional<DocumentFacts::Received> ReadReceivedStamp(const std::string& text, const RuleData& data) {
  const auto& rules = data.received_stamp;
  std::vector<std::string> lines;
  std::string cur;
  for (char c : text + "\n") {
    if (c == '\n') {
      if (cur.find_first_not_of(' ') != std::string::npos) lines.push_back(NormalizeString(cur));
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  std::string all;
  for (const std::string& l : lines) all += " " + Fold(l) + " ";
  bool marked = false;
  for (const std::string& m : rules.marks) {
    for (size_t at = all.find(m); at != std::string::npos && !marked; at = all.find(m, at + 1))
      marked = !std::isalnum(static_cast<unsigned char>(all[at - 1])) && !std::isalnum(static_cast<unsigned char>(all[at + m.size()]));
  }
  if (!marked) return std::nullopt;
  DocumentFacts::Received r;
  if (!lines.empty() && IsAllCaps(lines[0]) && lines[0].find_first_of("0123456789") == std::string::npos) {
    bool mark_line = false;
    for (const std::string& m : rules.marks) mark_line |= Fold(lines[0]).find(m) != std::string::npos;
    if (!mark_line) r.body = BodyDisplayName(lines[0], data);
  }
  // "Số: 1614" (dots of the form around it), "Ngày: 01/3/2026".
  for (const std::string& l : lines) {
    std::string f = Fold(l);
    for (const std::string& lab : rules.number_labels) {
      size_t at = f.find(lab + ":");
      if (at == std::string::npos || r.number) continue;
      std::string v = f.substr(at + lab.size() + 1);
      std::string digits;
      size_t i = v.find_first_not_of(". ");
      for (; i < v.size() && std::isdigit(static_cast<unsigned char>(v[i])); ++i) digits.push_back(v[i]);
      if (!digits.empty() && (i >= v.size() || v.find_first_not_of(". ", i) == std::string::npos)) r.number = digits;
    }
    for (const std::string& lab : rules.date_labels) {
      static const RE2 kDate("^[:. ]*(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})\\s*[/.-]\\s*(\\d{4}|\\d{2})[. ]*$");
      size_t at = f.find(lab);
      if (at == std::string::npos || r.date) continue;
      int d = 0, m = 0, y = 0;
      if (RE2::FullMatch(f.substr(at + lab.size()), kDate, &d, &m, &y)) {
        if (y < 100) y += 2000;
        if (std::optional<Date> day = Date::Make(y, m, d); day && y >= 1990) r.date = day->Iso();
      }
    }
  }
  return r;
}

namespace {

// A rules file's pattern, compiled once (the readers run per line).
const RE2& Pattern(const std::string& re) {
  static std::mutex mu;
  static std::map<std::string, std::unique_ptr<RE2>> cache;
  std::lock_guard<std::mutex> lock(mu);
  std::unique_ptr<RE2>& p = cache[re];
  if (!p) {
    RE2::Options opt;
    opt.set_log_errors(false);
    p = std::make_unique<RE2>(re, opt);
  }
  return *p;
}

bool StartsWithAny(const std::string& folded, const std::vector<std::string>& prefixes) {
  for (const std::string& p : prefixes)
    if (folded.rfind(p, 0) == 0) return true;
  return false;
}

}  // namespace

std::optional<std::string> KindOfLine(const std::string& line, const RuleData& data, size_t* words) {
  std::string fl = Fold(NormalizeString(line));
  const DocType* best = nullptr;
  size_t best_len = 0;
  for (const DocType& t : data.doc_types)
    for (const std::string& w : t.words)
      if (w.size() > best_len && fl.rfind(w, 0) == 0 && (fl.size() == w.size() || fl[w.size()] == ' ')) {
        best = &t;
        best_len = w.size();
      }
  if (best == nullptr) return std::nullopt;
  if (words != nullptr) *words = SplitWords(fl.substr(0, best_len)).size();
  return best->id;
}

std::optional<std::string> ReadNumberLine(const std::string& line, const LegalRefExtractor& refs, bool* is_line) {
  std::string t = NormalizeString(line);
  *is_line = RE2::PartialMatch(Fold(t), Pattern(refs.data().facts.number_line));
  if (!*is_line) return std::nullopt;
  // The number follows the two letters of "Số", the spaces after them and
  // its colon, or what OCR made of the colon ("Số“ /TTr", "Số; 12"); none in
  // "Số 26/KH-UBND", "Số26/KH-UBND".
  size_t after = 0;
  for (int letters = 0; letters < 2 && after < t.size(); ++letters) utf8::Next(t, &after);
  while (after < t.size() && t[after] == ' ') ++after;
  if (after < t.size()) {
    size_t next = after;
    char32_t c = utf8::Next(t, &next);
    if (c != U'/' && !IsFoldedLetter(c) && !(c >= U'0' && c <= U'9')) after = next;
  }
  return refs.CanonicalNumber(t.substr(after));
}

std::optional<DateLine> ReadDateLine(const std::string& line, const RuleData& data) {
  NormalizedText nt = Normalize(line);
  re2::StringPiece m[5];
  if (!Pattern(data.facts.date_line).Match(nt.folded, 0, nt.folded.size(), RE2::UNANCHORED, m, 5)) return std::nullopt;
  DateLine out;
  size_t pb = m[1].data() - nt.folded.data();
  auto [b, e] = nt.TextRange(pb, pb + m[1].size());
  std::string place = nt.text.substr(b, e - b);
  // "Lâm Đông." as OCR may read it: a province's name with its marks
  // (the case stays as printed: "Hà nội" in a 2006 decree).
  while (!place.empty() && std::ispunct(static_cast<unsigned char>(place.back()))) place.pop_back();
  size_t plen = 0;
  std::string folded_place = Fold(place);
  if (const Province* p = data.ProvinceAtStart(folded_place, &plen);
      p != nullptr && plen == folded_place.size() && ToLower(place) != ToLower(p->name)) {
    place = p->name;
  } else if (p == nullptr || plen != folded_place.size()) {
    // One letter off a province's name ("Lâm Đòng", "Quảng Ngăl"): its name.
    std::vector<std::string> fw = SplitWords(folded_place);
    size_t words = 0;
    if (const Province* near = ProvinceNamedNearly(fw, 0, data, &words); near != nullptr && words == fw.size())
      place = near->name;
  }
  out.place = place;
  auto number = [&](int k) { return m[k].data() ? std::stoi(std::string(m[k].data(), m[k].size())) : 0; };
  out.day = number(2), out.month = number(3), out.year = number(4);
  if (std::optional<Date> day = Date::Make(out.year, out.month, out.day)) out.date = day->Iso();
  return out;
}

// The day a signature was made in Vietnam: its time's day, a day later for
// a time in UTC (which may be the day before Vietnam's); none without one.
std::optional<Date> SignedOn(const Signature& s) {
  std::optional<Date> day = Date::FromIso(s.time);
  if (day && s.time.find('Z') != std::string::npos) day = day->Next();
  return day;
}

std::string LatestDate(const LaidOutDocument& doc) {
  std::optional<Date> latest = Date::FromIso(doc.created);
  for (const Signature& s : doc.signatures) {
    std::optional<Date> day = SignedOn(s);
    if (day && (!latest || *day < *latest)) latest = day;
  }
  return latest ? latest->Iso() : "";
}

std::string DateAfterItsFile(const LaidOutDocument& doc, const std::string& date) {
  std::optional<Date> day = Date::FromIso(date);
  if (!day) return "no date";
  // The last signature: a file is signed by those who drafted and checked
  // it before its issuer signs and dates it (r01: four days of signatures).
  std::optional<Date> last_signed;
  for (const Signature& s : doc.signatures) {
    std::optional<Date> signed_on = SignedOn(s);
    if (signed_on && (!last_signed || *last_signed < *signed_on)) last_signed = signed_on;
  }
  if (last_signed && *last_signed < *day) return "after the file's last signature (" + last_signed->Iso() + ")";
  // A scan is made after its paper is signed and dated; a born-digital
  // file's own date may be a tool's default (docx4j: r14's March 2025 for a
  // January 2026 Công điện), so only a scanned first page is held to it.
  const bool scanned = !doc.pages.empty() && doc.pages[0].ocr;
  if (std::optional<Date> made = scanned ? Date::FromIso(doc.created) : std::nullopt) {
    Date slack = *made;
    for (int k = 0; k < kDaysAFileIsDatedAfterItIsMade; ++k) slack = slack.Next();
    if (slack < *day) return "more than a month after the file was made (" + made->Iso() + ")";
  }
  return "";
}

std::optional<std::string> DateFromBlank(const DateLine& line, const BlankReadings& blank, const std::string& latest) {
  if (latest.empty() || blank.readings.empty() || line.year == 0) return std::nullopt;
  const bool day = blank.field == "day";
  if (day ? line.day != 0 || line.month == 0 : line.month != 0 || line.day == 0) return std::nullopt;
  std::optional<std::string> kept;
  bool ruled_out = false;  // a reading the file's date rules out
  for (size_t i = 0; i < blank.readings.size(); ++i) {
    const std::string& r = blank.readings[i];
    if (r.empty() || r.size() > 2 || !std::all_of(r.begin(), r.end(), [](char c) { return c >= '0' && c <= '9'; }))
      continue;
    int v = std::stoi(r), d = day ? v : line.day, mo = day ? line.month : v;
    std::optional<Date> made = Date::Make(line.year, mo, d);
    if (!made) continue;
    std::string date = made->Iso();
    if (date > latest) {
      ruled_out = true;
      continue;
    }
    if (kept || i > 0) return std::nullopt;  // two remain, or the nearest reading is not the one
    kept = date;
  }
  // One reading alone is no more than the figures in doubt said.
  return ruled_out ? kept : std::nullopt;
}

std::optional<std::string> ReadOpeningDate(const std::string& line, const RuleData& data) {
  int d = 0, mo = 0, y = 0;
  if (!RE2::PartialMatch(Fold(NormalizeString(line)), Pattern(data.facts.opening_date), &d, &mo, &y)) return std::nullopt;
  std::optional<Date> day = Date::Make(y, mo, d);
  return day ? std::optional<std::string>(day->Iso()) : std::nullopt;
}

bool OpensTheBody(const std::string& line, const RuleData& data) {
  std::string t = NormalizeString(line);
  // The first letter (quotes and dashes before it aside) must be a capital.
  const size_t b = FirstLetterAt(t);
  if (b >= t.size()) return false;
  size_t e = b;
  utf8::Next(t, &e);
  const std::string first = t.substr(b, e - b);
  if (ToUpper(first) != first || ToLower(first) == first) return false;
  // Whole words, marks and all.
  const std::string lower = ToLower(t.substr(b));
  for (const std::string& w : data.facts.title_end_starts)
    if (lower.rfind(w, 0) == 0) {
      size_t at = w.size();
      if (at == lower.size() || !IsFoldedLetter(utf8::Next(lower, &at))) return true;
    }
  return false;
}

Period ReadPeriod(const std::string& title, const RuleData& data) {
  Period out;
  std::string text = Fold(NormalizeString(title));
  // Another document's date or number named in the title is not the period.
  RE2::GlobalReplace(&text, Pattern(data.facts.period_cited), " ");
  int a = 0, b = 0;
  if (RE2::PartialMatch(text, Pattern(data.facts.period_range), &a, &b) && a <= b) {
    out.from = a;
    out.to = b;
  } else if (RE2::PartialMatch(text, Pattern(data.facts.period_year), &a)) {
    out.from = out.to = a;
  }
  return out;
}

SignerRole ReadSignerRole(const std::vector<std::string>& lines, const RuleData& data) {
  SignerRole out;
  if (lines.empty()) return out;
  std::string first = NormalizeString(lines[0]);
  std::string fr = Fold(first);
  const auto& v = data.facts;
  if (StartsWithAny(fr, v.acting_prefixes)) {
    // "Q. GIÁM ĐỐC": acting.
    size_t dot = first.find('.');
    std::string role = "Quyền " + RoleDisplay(first.substr(dot + 1));
    while (!role.empty() && role.back() == ' ') role.pop_back();
    out.role = role;
    return out;
  }
  size_t k = 0;
  std::string authority;
  // Every leading line with a prefix is part of the authority.
  for (; k < lines.size(); ++k) {
    std::string line = NormalizeString(lines[k]);
    size_t dot = line.find('.');
    if (dot == std::string::npos || dot > 4 || !StartsWithAny(Fold(line), v.authority_prefixes)) break;
    std::string rest = line.substr(dot + 1);
    std::string rest_display = BodyDisplayName(rest, data);
    // A role word rather than a body: use the role display.
    if (Fold(rest_display) == Fold(RoleDisplay(rest)) || rest_display.empty()) rest_display = RoleDisplay(rest);
    authority += (authority.empty() ? "" : ", ") + ToUpper(line.substr(0, dot + 1)) + " " + rest_display;
  }
  if (!authority.empty()) out.authority = authority;
  std::string role;
  for (; k < lines.size(); ++k) role += (role.empty() ? "" : " ") + lines[k];
  if (!role.empty()) out.role = RoleDisplay(role);
  return out;
}

std::string BodyDisplayName(const std::string& printed, const RuleData& data) {
  std::string n = NormalizeString(printed);
  std::vector<std::string> nw = SplitWords(n);
  std::vector<std::string> fw = SplitWords(Fold(n));
  if (nw.size() != fw.size() || nw.empty()) return n;
  // The longest body alias at the start.
  const Body* body = nullptr;
  size_t body_words = 0;
  for (const Body& b : data.bodies) {
    for (const std::string& a : b.aliases) {
      std::vector<std::string> aw = SplitWords(a);
      if (aw.size() <= body_words || aw.size() > fw.size()) continue;
      if (std::equal(aw.begin(), aw.end(), fw.begin())) {
        body = &b;
        body_words = aw.size();
      }
    }
  }
  std::vector<std::string> out;
  size_t i = 0;
  if (body != nullptr) {
    out.push_back(body->name);
    i = body_words;
  } else {
    std::string lw = ToLower(nw[0]);
    out.push_back(Capitalize(lw));
    i = 1;
  }
  while (i < fw.size()) {
    size_t lv = LevelAt(fw, i, data);
    if (lv > 0) {
      out.push_back(LevelDisplay(JoinWords(fw, i, i + lv), data));
      i += lv;
      continue;
    }
    size_t plen = 0;
    std::string rest = JoinWords(fw, i, fw.size());
    const Province* p = data.ProvinceAtStart(rest, &plen);
    if (p != nullptr) {
      out.push_back(p->name);
      i += SplitWords(rest.substr(0, plen)).size();
      continue;
    }
    // After a level, a province's name with an OCR slip ("TỈNH QUÁNG NGÃl").
    if (i > 0 && LevelAt(fw, i - 1, data) > 0) {
      size_t words = 0;
      if (const Province* near = ProvinceNamedNearly(fw, i, data, &words)) {
        out.push_back(near->name);
        i += words;
        continue;
      }
    }
    // An abbreviation spelt out ("TW": trung ương).
    auto ab = std::find_if(data.body_abbreviations.words.begin(), data.body_abbreviations.words.end(),
                           [&](const auto& a) { return a.first == fw[i]; });
    if (ab != data.body_abbreviations.words.end()) {
      out.push_back(ab->second);
      ++i;
      continue;
    }
    // Unknown word: keep the case of the name after a level, else lower.
    bool after_level = !out.empty() && i > 0 && LevelAt(fw, i - 1, data) > 0;
    // After a known body, a word in capitals is lower case ("CỤC CẢNH SÁT
    // ĐIỀU TRA …": Cục Cảnh sát điều tra …) and one in mixed case as printed.
    if (after_level) out.push_back(IsAllCaps(nw[i]) ? Capitalize(ToLower(nw[i])) : nw[i]);
    else out.push_back(body == nullptr || IsAllCaps(nw[i]) ? ToLower(nw[i]) : nw[i]);
    ++i;
  }
  return JoinWords(out, 0, out.size());
}

namespace {

// What the readers of one document share: the document, the vocabularies,
// its first page's header band, and where diagnostics go.
struct Reading {
  const LaidOutDocument& doc;
  const LegalRefExtractor& refs;
  const RuleData& data;
  const Page& first;
  const Block* left = nullptr;   // the header band's columns
  const Block* right = nullptr;
  std::vector<Diagnostic>* diags = nullptr;
  void Diag(const char* code, const std::string& msg, int page) const {
    if (diags != nullptr) diags->push_back({code, msg, page});
  }
};

// Whether a body's name as read is one a person could have written: every
// word of letters in small type (its capitals aside: "BCH", "C04") a
// Vietnamese syllable.  OCR's reading of a worn typewritten header ("Cóc
// xs") is not.
// Places are named in the languages of their people too ("Đắk Nông",
// "Krông Pắc"): the words of the lists' names count as words.
bool ReadableName(const std::string& name, const RuleData& data) {
  int words = 0;
  for (const std::string& w : SplitWords(NormalizeString(name))) {
    if (std::any_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;  // a code: "C04"
    std::string letters;
    for (size_t i = 0; i < w.size();) {
      size_t at = i;
      if (IsFoldedLetter(utf8::Next(w, &i))) letters.append(w, at, i - at);
    }
    if (letters.empty()) continue;
    ++words;
    if (letters.size() >= 2 && IsAllCaps(letters)) continue;  // an abbreviation
    if (!data.syllable_set.Contains(letters) && !data.places.name_words.count(Fold(letters))) return false;
  }
  return words > 0;
}

// The header band's left column: the parent body and the issuing body (the
// bold part), then the "Số:" line.
void ReadIssuerAndNumber(const Reading& r, DocumentFacts& facts) {
  const LegalRefExtractor& refs = r.refs;
  const RuleData& data = r.data;
  const Block* left = r.left;
  auto diag = [&](const char* code, const std::string& msg, int page) { r.Diag(code, msg, page); };
  if (left != nullptr) {
    size_t so = left->lines.size();
    std::optional<std::string> number;
    for (size_t k = 0; k < left->lines.size(); ++k) {
      bool is_line = false;
      number = ReadNumberLine(left->lines[k].Text(), refs, &is_line);
      if (is_line) {
        so = k;
        break;
      }
    }
    std::vector<Line> org;
    for (size_t k = 0; k < so; ++k) {
      // Rules drawn with dashes under the body's name ("-------------") are
      // not part of it.
      std::string t = left->lines[k].Text();
      if (t.find_first_not_of("-_*=. ") == std::string::npos) continue;
      // Nor is a line without a capital: the stars under a union's name
      // read as "kk+k".
      if (ToLower(NormalizeString(t)) == NormalizeString(t)) continue;
      org.push_back(left->lines[k]);
    }
    if (!org.empty()) {
      // The issuing body is the trailing bold group; the parent is above it.
      size_t split = org.size();
      while (split > 0 && org[split - 1].bold) --split;
      if (split == org.size() || split == 0) {
        // No bold/regular change: all the lines are one body if together
        // they are a known one ("NGÂN HÀNG NHÀ NƯỚC" / "VIỆT NAM"), else
        // the last line is the body and the others its parent.
        split = data.BodyByAlias(Fold(NormalizeString(JoinLines(org)))) != nullptr ? 0 : org.size() - 1;
      }
      // "ỦY BAN NHÂN DÂN" / "THÀNH PHỐ CẦN THƠ": a line that is only a level
      // and a place completes the body above it.
      if (split > 0 && split < org.size()) {
        std::vector<std::string> fw = SplitWords(Fold(NormalizeString(org[split].Text())));
        if (fw.size() > 1 && LevelAt(fw, 0, data) > 0 && LevelAt(fw, 0, data) < fw.size()) --split;
      }
      // The issuer's name starts with a body's ("CỤC CẢNH SÁT ĐIỀU TRA" /
      // "TỘI PHẠM VỀ MA TÚY", only the second line found bold on a scan):
      // take the lines above it back until it does.
      auto body_first = [&](size_t from) {
        return data.StartsWithBody(Fold(NormalizeString(JoinLines(std::vector<Line>(org.begin() + from, org.end())))));
      };
      if (split > 1 && split < org.size() && !body_first(split)) {
        size_t k = split;
        while (k > 1 && !body_first(k)) --k;
        if (body_first(k)) split = k;
      }
      std::vector<Line> parent(org.begin(), org.begin() + split), issuer(org.begin() + split, org.end());
      if (!issuer.empty()) {
        facts.issuer = BodyDisplayName(JoinLines(issuer), data);
        facts.provenance["issuer"] = LinesLocation(issuer);
        if (!ReadableName(*facts.issuer, data)) {
          diag("issuer_unreadable", "the issuing body reads \"" + *facts.issuer + "\", no name of Vietnamese words: left null",
               issuer[0].page);
          facts.issuer.reset();
        }
      }
      if (!parent.empty()) {
        facts.parent_issuer = BodyDisplayName(JoinLines(parent), data);
        facts.provenance["parent_issuer"] = LinesLocation(parent);
      }
    }
    if (so < left->lines.size()) {
      const Line& l = left->lines[so];
      facts.number = number;
      facts.provenance["number"] = LinesLocation({l});
      if (!facts.number) diag("number_blank", "the plan's number is blank (\"" + NormalizeString(l.Text()) + "\"): a draft?", l.page);
    } else {
      diag("number_missing", "no \"Số:\" line in the header block", 1);
    }
  }
}

// The date of a line printed with a blank day or month, from the
// handwriting OCR read in it (DateFromBlank), said in a diagnostic.
std::optional<std::string> DateOfBlankIn(const Reading& r, const Line& l, const DateLine& dl) {
  const std::string latest = LatestDate(r.doc);
  for (const BlankReadings& b : r.doc.blanks) {
    if (b.page != l.page || b.box.y1 <= l.box.y0 || b.box.y0 >= l.box.y1) continue;
    std::optional<std::string> date = DateFromBlank(dl, b, latest);
    if (!date) continue;
    r.Diag("date_from_handwriting",
           "the " + b.field + " is written by hand, read as " + JoinWords(b.readings, 0, b.readings.size(), " or ") + "; the date is " +
               *date + ", the only one not after " + latest + ", when the file was made or signed",
           l.page);
    return date;
  }
  return std::nullopt;
}

// The right column's date line; whether there was one.
bool ReadPlaceAndDate(const Reading& r, DocumentFacts& facts) {
  const RuleData& data = r.data;
  const Block* right = r.right;
  auto diag = [&](const char* code, const std::string& msg, int page) { r.Diag(code, msg, page); };
  bool date_line = false;  // the header has a "…, ngày … tháng … năm …" line
  if (right != nullptr) {
    for (const Line& l : right->lines) {
      std::optional<DateLine> dl = ReadDateLine(l.Text(), data);
      if (!dl) continue;
      if (!dl->place.empty()) {
        facts.place = dl->place;
        facts.provenance["place"] = LinesLocation({l});
      }
      facts.provenance["date"] = LinesLocation({l});
      date_line = true;
      facts.date = dl->date;
      if (!facts.date) facts.date = DateOfBlankIn(r, l, *dl);
      if (!facts.date && dl->day > 0 && dl->month > 0)
        diag("date_invalid", "the plan's date is no date of the calendar (\"" + NormalizeString(l.Text()) + "\")", l.page);
      else if (!facts.date)
        diag("date_incomplete", "the plan's date is incomplete (\"" + NormalizeString(l.Text()) + "\"): a draft?", l.page);
      if (facts.date) {
        if (std::string after = DateAfterItsFile(r.doc, *facts.date); !after.empty()) {
          diag("date_after_file", "the date read, " + *facts.date + ", is " + after + ": a figure misread? left null", l.page);
          facts.date.reset();
        }
      }
      break;
    }
  }
  return date_line;
}

// The kind line under the header and the title under it; a Công văn's
// "V/v" subject; the kind from the number's type code; a Biên bản's date
// from its opening sentence.
void ReadKindAndTitle(const Reading& r, bool date_line, DocumentFacts& facts) {
  const LegalRefExtractor& refs = r.refs;
  const RuleData& data = r.data;
  const Page& first = r.first;
  const Block* left = r.left;
  const Block* right = r.right;
  double header_bottom = 0;
  if (left != nullptr) header_bottom = std::max(header_bottom, left->box.y1);
  if (right != nullptr) header_bottom = std::max(header_bottom, right->box.y1);
  std::vector<Line> title_lines;
  const Line* kind_line = nullptr;
  // The lines under the header, one group a body block.  A scan's header
  // column may run down over the kind line (r07: "TỜ TRÌNH" taken into the
  // right column): a line of a header column below its number and date
  // lines, centred on the page and naming a kind, heads the first group
  // under it.
  const Line* swallowed = nullptr;
  for (const Block* col : {left, right}) {
    if (col == nullptr || swallowed != nullptr) continue;
    bool past_number_or_date = false;
    for (const Line& l : col->lines) {
      bool is_number = false;
      ReadNumberLine(l.Text(), refs, &is_number);
      if (is_number || ReadDateLine(l.Text(), data)) {
        past_number_or_date = true;
        continue;
      }
      const bool centred = std::fabs(l.box.cx() - first.width / 2) < 0.08 * first.width;
      if (past_number_or_date && centred && KindOfLine(l.Text(), data)) {
        swallowed = &l;
        break;
      }
    }
  }
  if (swallowed != nullptr) header_bottom = std::min(header_bottom, swallowed->box.y0);
  std::vector<std::vector<const Line*>> groups;
  for (const Block& b : first.blocks) {
    if (b.kind != BlockKind::kBody || b.box.y1 < header_bottom) continue;
    groups.emplace_back();
    if (swallowed != nullptr && b.box.y0 >= swallowed->box.y0) groups.back().push_back(swallowed), swallowed = nullptr;
    for (const Line& l : b.lines)
      if (l.box.cy() >= header_bottom) groups.back().push_back(&l);
  }
  for (const std::vector<const Line*>& group : groups) {
    for (const Line* lp : group) {
      const Line& l = *lp;
      // On a scan the bold flag may miss a line: a line centred under the
      // header counts as set apart too.
      const bool centred = std::fabs(l.box.cx() - first.width / 2) < 0.05 * first.width && l.box.width() < 0.8 * first.width;
      if (kind_line == nullptr) {
        if (!l.bold && !(centred && IsAllCaps(l.Text()))) break;
        size_t kw = 0;
        facts.kind = KindOfLine(l.Text(), data, &kw);
        if (!facts.kind) break;
        kind_line = &l;
        facts.provenance["kind"] = LinesLocation({l});
        // "KẾ HOẠCH CẢI CÁCH ..." on one line: the rest is the title.
        std::vector<std::string> nw = SplitWords(NormalizeString(l.Text()));
        if (nw.size() > kw) {
          Line rest = l;
          rest.words.erase(rest.words.begin(), rest.words.begin() + std::min(kw, rest.words.size()));
          title_lines.push_back(rest);
        }
        continue;
      }
      if (!l.bold && !(centred && std::fabs(l.box.cx() - kind_line->box.cx()) < 0.03 * first.width)) break;
      // With no rule under the title, the body's first paragraph may be
      // centred as a justified line is: it opens with "Căn cứ", "Thực
      // hiện" … after a capital.
      if (!l.bold && !title_lines.empty() && OpensTheBody(l.Text(), data)) break;
      // A gap wider than a line ends the title ("ỦY BAN NHÂN DÂN TỈNH …",
      // the authority line of a Quyết định, is bold too).
      const Line& prev = title_lines.empty() ? *kind_line : title_lines.back();
      if (l.page != prev.page || l.box.y0 - prev.box.y1 > prev.box.height()) break;
      // So does the rule under it, typed as "_________" (a Công điện's
      // addressee line, bold too, follows it).
      std::string fl = Fold(NormalizeString(l.Text()));
      if (std::none_of(fl.begin(), fl.end(), [](char c) { return c >= 'a' && c <= 'z'; })) break;
      title_lines.push_back(l);
    }
    if (kind_line != nullptr) break;
  }
  // A Công văn has no kind line: its subject, "V/v …", stands under the
  // number in the left column, and is its title.
  // (On a scan it may fall just under the band, in the body's first lines.)
  if (!facts.kind && left != nullptr) {
    std::vector<Line> under = left->lines;
    for (const Block& b : first.blocks)
      for (const Line& l : b.lines)
        if (&b != left && l.box.y0 >= left->box.y1 - 2 && l.box.y0 < left->box.y1 + 30 && l.box.x0 < left->box.x1 &&
            l.box.x1 < first.width * 0.55)
          under.push_back(l);
    for (size_t k = 0; k < under.size(); ++k) {
      std::string fl = Fold(NormalizeString(under[k].Text()));
      if (fl.rfind("v/v", 0) != 0) continue;
      facts.kind = "cong_van";
      facts.provenance["kind"] = LinesLocation({under[k]});
      // It and the lines close under it.
      title_lines = {under[k]};
      for (size_t n = k + 1; n < under.size(); ++n) {
        if (under[n].box.y0 - title_lines.back().box.y1 > title_lines.back().box.height() || under[n].box.y0 < under[k].box.y0)
          break;
        title_lines.push_back(under[n]);
      }
      break;
    }
  }
  // No kind line: the type code of the document's own number names it
  // ("204-CV/TĐTN-XDĐ" is a Công văn, "280/BC-UBND" a Báo cáo).
  if (!facts.kind && facts.number) {
    std::vector<LegalReference> own = refs.ExtractFromString("số " + *facts.number, RefContext{}, nullptr);
    if (!own.empty() && own[0].number == *facts.number) {
      facts.kind = own[0].type;
      facts.provenance["kind"] = facts.provenance["number"];
    }
  }
  if (!title_lines.empty()) {
    std::string title = NormalizeString(JoinLines(title_lines));
    // A full stop ending the subject is punctuation, not part of it.
    if (title.size() > 1 && title.back() == '.' && title[title.size() - 2] != '.') title.pop_back();
    facts.title = title;
    facts.provenance["title"] = LinesLocation(title_lines);
  }
  // A Biên bản has no date line: it is dated by its opening sentence ("Vào
  // lúc 14 giờ 00 phút, ngày 09 tháng 12 năm 2025 tại …").
  if (!date_line && facts.kind == std::optional<std::string>("bien_ban")) {
    double below = title_lines.empty() ? header_bottom : title_lines.back().box.y1;
    int seen = 0;
    for (const Block& b : first.blocks) {
      for (const Line& l : b.lines) {
        if (facts.date || l.box.y0 < below || ++seen > 4) continue;
        if ((facts.date = ReadOpeningDate(l.Text(), data))) facts.provenance["date"] = LinesLocation({l});
      }
    }
  }
}

// The number's type code against the kind: "511/TIr-CAT" in a Tờ trình is
// its "TTr" read with a slip (OCR's I for T), and is given as "511/TTr-CAT"
// with a diagnostic.  The code is the number's first part of letters only
// ("KH" of "93/KH-UBND", "CV" of "2309-CV/TĐTN"); it is mended only when it
// is no kind's code itself, has three letters or more (a two-letter code one
// letter off is as likely another body's), and is one letter from the
// kind's code, or, with no kind read, from one kind's code alone.
void CheckNumberAgainstKind(const Reading& r, DocumentFacts& facts) {
  if (!facts.number) return;
  const std::string& number = *facts.number;
  // The first token of letters between the separators.
  size_t b = 0, e = 0;
  for (size_t i = 0; i <= number.size(); ++i) {
    if (i < number.size() && number[i] != '/' && number[i] != '-') continue;
    std::string_view tok(number.data() + b, i - b);
    bool letters = !tok.empty() && std::none_of(tok.begin(), tok.end(), [](char c) { return (c >= '0' && c <= '9') || c == '(' || c == ')'; });
    if (letters) {
      e = i;
      break;
    }
    b = i + 1;
  }
  if (e <= b) return;
  const std::string code = Fold(number.substr(b, e - b));
  for (const DocType& t : r.data.doc_types)
    if (std::find(t.codes.begin(), t.codes.end(), code) != t.codes.end()) return;  // a kind's code as it is
  size_t letters = 0;
  for (size_t i = 0; i < code.size(); ++i) letters += (static_cast<unsigned char>(code[i]) & 0xC0) != 0x80;
  if (letters < 3) return;
  const std::string* mend = nullptr;
  const DocType* kind = nullptr;
  int near = 0;
  for (const DocType& t : r.data.doc_types) {
    if (facts.kind && t.id != *facts.kind) continue;
    for (size_t k = 0; k < t.codes.size(); ++k)
      if (utf8::EditDistance(code, t.codes[k], 1) == 1) mend = &t.code_display[k], kind = &t, ++near;
  }
  if (mend == nullptr || near != 1) return;
  if (!facts.kind) {
    facts.kind = kind->id;
    facts.provenance["kind"] = facts.provenance["number"];
  }
  std::string mended = number.substr(0, b) + *mend + number.substr(e);
  r.Diag("number_code_mended",
         "the number's type code \"" + number.substr(b, e - b) + "\" is no kind's; read as \"" + *mend + "\" (" +
             (facts.kind ? "the document's kind" : "the one code it is near") + "): " + mended,
         facts.provenance.count("number") ? facts.provenance.at("number").page : 1);
  facts.number = mended;
}

// The period the title names.  A plan looks ahead: a period that ended
// before the plan's own year is some other document's (a title citing a
// programme of earlier years), not the plan's, and is left null.
void ReadPeriodOfTitle(const Reading& r, DocumentFacts& facts) {
  if (!facts.title) return;
  Period period = ReadPeriod(*facts.title, r.data);
  std::optional<Date> dated = facts.date ? Date::FromIso(*facts.date) : std::nullopt;
  const bool looks_ahead = facts.kind == std::optional<std::string>("ke_hoach") ||
                           facts.kind == std::optional<std::string>("chuong_trinh") ||
                           facts.kind == std::optional<std::string>("de_an");
  if (period.to && dated && looks_ahead && *period.to < dated->y) {
    r.Diag("period_before_date",
           "the title names the years " + std::to_string(*period.from) + "-" + std::to_string(*period.to) +
               ", all before the plan's own date (" + *facts.date + "): another document's period, left null",
           facts.provenance.count("title") ? facts.provenance.at("title").page : 1);
    return;
  }
  facts.period_from = period.from;
  facts.period_to = period.to;
  if (facts.period_from) facts.provenance["period"] = facts.provenance["title"];
}

// The words of a line whose centres lie within [x0, x1], as a line of their
// own (empty if none).
Line WordsWithin(const Line& l, double x0, double x1) {
  Line out = l;
  out.words.clear();
  out.box = Box{};
  for (const Word& w : l.words)
    if (w.box.cx() >= x0 && w.box.cx() <= x1) {
      out.words.push_back(w);
      out.box = out.box.Union(w.box);
    }
  return out;
}

// The lines of the first document, page by page, up to a later page's
// national motto (an attached document's header).
std::vector<const Line*> FirstDocumentLines(const LaidOutDocument& doc, const RuleData& data) {
  std::vector<const Line*> out;
  for (size_t i = 0; i < doc.pages.size(); ++i)
    for (const Block& b : doc.pages[i].blocks)
      for (const Line& l : b.lines) {
        if (i > 0 && StartsADocument(l.Text(), data)) return out;
        out.push_back(&l);
      }
  return out;
}

// A signature block that stands alone at the end of the body, with "Nơi
// nhận" under it rather than beside it (so no two-column band holds it):
// its first line is the last line in the right half of a page that is in
// capitals and starts with an authority prefix (TM., KT., TL., TUQ., Q.),
// else the last such line in capitals that has a person's name under it.
// The role lines are the capitals right under it, the name the first
// person's name under them, within 160 pt and about the block's centre.
struct LoneBlock {
  std::vector<Line> roles, name;
  std::optional<std::string> person;
};
LoneBlock ReadLoneSignatureBlock(const LaidOutDocument& doc, const RuleData& data) {
  std::vector<const Line*> lines = FirstDocumentLines(doc, data);
  std::map<int, double> width;
  for (const Page& p : doc.pages) width[p.number] = p.width;
  // Each line's words right of 40% of its page, made once.
  std::vector<Line> parts;
  for (const Line* l : lines) parts.push_back(WordsWithin(*l, width[l->page] * 0.4, width[l->page] + 1));
  // Two role lines in capitals stand together: one under the other on one
  // page, at most half a line apart, about one centre.
  auto together = [](const Line& above, const Line& below) {
    return !above.words.empty() && !below.words.empty() && above.page == below.page && IsAllCaps(above.Text()) &&
           IsAllCaps(below.Text()) && below.box.y0 - above.box.y1 <= 1.5 * above.box.height() &&
           std::fabs(below.box.cx() - above.box.cx()) <= 80;
  };
  auto name_under = [&](size_t k, const Box& over, LoneBlock* out) {
    for (size_t n = k + 1; n < lines.size(); ++n) {
      const Line& l = *lines[n];
      if (l.page != lines[k]->page || l.box.y0 - over.y1 > 160) break;
      Line part = WordsWithin(l, over.cx() - 120, over.cx() + 120);
      if (part.words.empty()) continue;
      if (std::optional<std::string> p = PersonName(part.Text(), data)) {
        out->name = {part};
        out->person = p;
        return true;
      }
    }
    return false;
  };
  auto roles_from = [&](size_t k) {
    std::vector<Line> roles = {parts[k]};
    for (size_t n = k + 1; n < lines.size() && together(roles.back(), parts[n]); ++n) roles.push_back(parts[n]);
    return roles;
  };
  LoneBlock best;
  for (int pass = 0; pass < 2 && !best.person; ++pass)
    for (size_t k = lines.size(); k-- > 0 && !best.person;) {
      const Line& part = parts[k];
      if (part.words.empty() || part.box.cx() < width[part.page] * 0.5 || !IsAllCaps(part.Text())) continue;
      const std::string folded = Fold(NormalizeString(part.Text()));
      const bool prefixed = StartsWithAny(folded, data.facts.authority_prefixes) || StartsWithAny(folded, data.facts.acting_prefixes);
      if (pass == 0 && !prefixed) continue;
      // The topmost of the capitals that stand together.
      if (k > 0 && together(parts[k - 1], part)) continue;
      LoneBlock b;
      b.roles = roles_from(k);
      if (name_under(k + b.roles.size() - 1, b.roles.back().box, &b)) best = b;
    }
  return best;
}

// The signer's role and authority from its role lines (if any) and its name
// (if found), each with where it was read.
void SetSigner(const std::vector<Line>& roles, const std::vector<Line>& name, const std::optional<std::string>& person,
               const RuleData& data, DocumentFacts& facts) {
  if (!roles.empty()) {
    std::vector<std::string> texts;
    for (const Line& l : roles) texts.push_back(l.Text());
    SignerRole sr = ReadSignerRole(texts, data);
    facts.signer.role = sr.role;
    facts.signer.authority = sr.authority;
    facts.provenance["signer.role"] = LinesLocation(roles);
  }
  if (person) {
    facts.signer.name = *person;
    facts.provenance["signer.name"] = LinesLocation(name);
  }
}

// The signature block: the right column of the first document's last band,
// its role lines in capitals and the name under the space for the signature.
void ReadSigner(const Reading& r, DocumentFacts& facts) {
  const LaidOutDocument& doc = r.doc;
  const RuleData& data = r.data;
  const Block* right = r.right;
  const Block* sig = LastRightColumn(doc, data);
  if (sig != nullptr && sig != right) {
    std::vector<Line> roles, name;
    std::optional<std::string> person;
    for (const Line& l : sig->lines) {
      // Two capitals or fewer are the signature's scrawl read by OCR ("TH").
      size_t letters = 0;
      for (const std::string& fw : SplitWords(Fold(NormalizeString(l.Text()))))
        for (char c : fw) letters += c >= 'a' && c <= 'z';
      if (letters < 3) continue;
      if (IsAllCaps(l.Text())) {
        // The role lines stand together; capitals after the space for the
        // signature are the scrawl read by OCR ("JI").
        bool apart = !roles.empty() && l.box.y0 - roles.back().box.y1 > 1.5 * roles.back().box.height();
        if (name.empty() && !apart) roles.push_back(l);
      } else if (std::optional<std::string> p = PersonName(l.Text(), data)) {
        name = {l};
        person = p;
      }
    }
    // The name under the space for the signature and the seal, below the
    // band: the first name-like line under the role, within 160 pt.
    for (const Page& p : doc.pages) {
      if (person || roles.empty() || p.number != sig->page) continue;
      for (const Block& b : p.blocks) {
        for (const Line& l : b.lines) {
          if (person || l.box.y0 < sig->box.y1 || l.box.y0 - sig->box.y1 > 160) continue;
          // The words under the block: on a scan the name may share its
          // line with the last recipient on the left.
          // Nothing stands right of the block: a name longer than its
          // role lines runs past them (r27's "Thiếu tướng Trương Minh Đương").
          Line under = WordsWithin(l, sig->box.x0 - 30, p.width + 1);
          if (under.words.empty()) continue;
          if (std::optional<std::string> n = PersonName(under.Text(), data)) {
            name = {under};
            person = n;
          }
        }
      }
    }
    SetSigner(roles, name, person, data, facts);
  }
  if (facts.signer.name) return;
  // No band holds the block: it stands alone, "Nơi nhận" under it.
  LoneBlock lone = ReadLoneSignatureBlock(doc, data);
  if (lone.person) SetSigner(lone.roles, lone.name, lone.person, data, facts);
}

// A Biên bản is signed for the meeting by its chair: the name under the
// last "CHỦ TRÌ" (beside the minute-taker), within 150 pt.
void ReadChair(const Reading& r, DocumentFacts& facts) {
  const LaidOutDocument& doc = r.doc;
  const RuleData& data = r.data;
  if (facts.kind == std::optional<std::string>("bien_ban")) {
    const Line* role = nullptr;
    Box role_box;
    for (const Page& p : doc.pages)
      for (const Block& b : p.blocks)
        for (const Line& l : b.lines)
          if (size_t n = ChairRoleWords(l.Text(), data); n > 0 && n <= l.words.size()) {
            role = &l;
            role_box = Box{};
            for (size_t k = l.words.size() - n; k < l.words.size(); ++k) role_box = role_box.Union(l.words[k].box);
          }
    std::optional<std::string> chair;
    for (const Page& p : doc.pages) {
      if (role == nullptr || p.number != role->page) continue;
      for (const Block& b : p.blocks)
        for (const Line& l : b.lines) {
          if (chair || l.box.y0 <= role_box.y1 || l.box.y0 - role_box.y1 > 150 ||
              std::fabs(l.box.cx() - role_box.cx()) > 80)
            continue;
          if ((chair = PersonName(l.Text(), data))) facts.provenance["signer.name"] = LinesLocation({l});
        }
    }
    if (chair) {
      facts.signer.name = chair;
      std::string text = NormalizeString(role->Text());
      std::vector<std::string> w = SplitWords(text);
      size_t n = ChairRoleWords(text, data);
      facts.signer.authority = RoleDisplay(JoinWords(w, w.size() - n, w.size()));
      facts.signer.role.reset();
      facts.provenance["signer.role"] = Location{role->page, role_box};
    }
  }
}

// The receiving body's stamp, from its own ink.
void ReadReceived(const Reading& r, DocumentFacts& facts) {
  const LaidOutDocument& doc = r.doc;
  const RuleData& data = r.data;
  for (const InkText& t : doc.stamps) {
    if (facts.received) break;
    if (std::optional<DocumentFacts::Received> r = ReadReceivedStamp(t.text, data)) {
      facts.received = *r;
      facts.received->at = Location{t.page, t.box};
    }
  }
}

}  // namespace

DocumentFacts ExtractFacts(const LaidOutDocument& doc, const LegalRefExtractor& refs,
                           std::vector<Diagnostic>* diags) {
  DocumentFacts facts;
  if (doc.pages.empty()) return facts;
  Reading r{doc, refs, refs.data(), doc.pages[0], nullptr, nullptr, diags};
  // The header band: the first two-column band in the top half of page 1.
  for (const Block& b : r.first.blocks) {
    if (b.kind != BlockKind::kColumn || b.band != 0 || b.box.y0 > r.first.height * 0.5) continue;
    (b.column == 0 ? r.left : r.right) = &b;
  }
  if (r.left == nullptr && r.right == nullptr) r.Diag("no_header_block", "no two-column header block on page 1", 1);
  ReadIssuerAndNumber(r, facts);
  const bool date_line = ReadPlaceAndDate(r, facts);
  ProvinceFacts province = ReadProvince({facts.issuer, facts.parent_issuer, facts.place}, facts.date, r.data);
  facts.province = province.province;
  facts.province_2025 = province.province_2025;
  ReadKindAndTitle(r, date_line, facts);
  CheckNumberAgainstKind(r, facts);
  ReadPeriodOfTitle(r, facts);
  ReadSigner(r, facts);
  ReadChair(r, facts);
  ReadReceived(r, facts);
  if (!facts.signer.name) r.Diag("signer_name_missing", "no signer's name under the signature block", 0);
  return facts;
}

}  // namespace kh
