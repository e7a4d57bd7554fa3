#include "rules/legal_refs.h"

#include "rules/levels.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <map>

#include "common/date.h"
#include "common/utf8.h"

namespace kh {

struct LegalRefExtractor::Impl {
  std::unique_ptr<RE2> reference, list_item, list_head, named_head, date, issuer, list_sep;
  // Group numbers of the number's parts, in 'reference' and in 'list_item'.
  struct Groups {
    int type = 0, serial = 0, sep = 0, year = 0, code = 0, year2 = 0;
  } ref_g, item_g;
};

namespace {

struct Raw {
  size_t begin = 0, end = 0;          // folded byte range of the whole mention
  size_t num_begin = 0, num_end = 0;  // folded byte range of the number
  const DocType* type = nullptr;
  std::string serial, sep;
  std::optional<int> year;
  std::string type_code_display;      // "QĐ" or empty
  std::string type_issuer_sep;        // separator after the type code
  std::vector<std::string> issuer_parts;  // display, e.g. {"UBND"} or {"BNV", "CCHC"}
  std::vector<std::string> issuer_seps;
  std::string number;                 // canonical
  std::string printed;                // number as printed
  std::optional<std::string> date;
  std::optional<std::string> issuer;
  std::optional<std::string> issuer_source;
  std::vector<std::string> diag_codes;
  bool linked = false;
};

std::string StripSpaces(std::string_view s) {
  std::string out;
  for (char c : s) if (c != ' ' && c != '\n') out.push_back(c);
  return out;
}

// Display form of one code part: the vocabulary's spelling when it knows the
// code ("TTg", "CTr"), else the printed part in upper case.
std::string CodeDisplay(const RuleData& d, const std::string& folded, const std::string& printed) {
  for (const DocType& t : d.doc_types)
    for (size_t k = 0; k < t.codes.size(); ++k)
      if (t.codes[k] == folded) return t.code_display[k];
  for (const IssuerCode& ic : d.issuer_codes) {
    if (ic.code == folded) return ic.display;
    if (!ic.code.empty() && ic.code.back() == '#' && d.IssuerByCode(folded) == &ic)
      return ic.display + folded.substr(ic.code.size() - 1);
  }
  // An unknown part keeps its printed case when it mixes cases (QNg, Cty:
  // province and company abbreviations); otherwise upper case.
  bool lower = false, upper = false;
  for (char c : printed) lower |= c >= 'a' && c <= 'z', upper |= (c >= 'A' && c <= 'Z');
  return lower && upper && !printed.empty() && !(printed[0] >= 'a' && printed[0] <= 'z') ? printed : ToUpper(printed);
}

// The type a number's code names by its first part: "qd-ubnd" -> Quyết
// định, "nqcp" (type run into issuer) -> Nghị quyết; null for "hdnd-ktns".
const DocType* TypeOfCode(const RuleData& d, const std::string& code) {
  std::string first = code.substr(0, code.find_first_of("-/"));
  if (const DocType* t = d.TypeByCode(first)) return t;
  for (const DocType& t : d.doc_types)
    for (const std::string& c : t.codes)
      if (first.size() > c.size() && first.compare(0, c.size(), c) == 0 && d.IssuerByCode(first.substr(c.size())) != nullptr)
        return &t;
  return nullptr;
}

}  // namespace

LegalRefExtractor::~LegalRefExtractor() = default;

Result<std::shared_ptr<const LegalRefExtractor>> LegalRefExtractor::Create(std::shared_ptr<const RuleData> data) {
  std::shared_ptr<LegalRefExtractor> x(new LegalRefExtractor());
  x->impl_ = std::make_unique<Impl>();
  RE2::Options opt;
  opt.set_log_errors(false);
  opt.set_max_mem(64 << 20);
  auto compile = [&](const PatternSpec& spec, const char* name, std::unique_ptr<RE2>* out) -> Status {
    *out = std::make_unique<RE2>(spec.regex, opt);
    if (!(*out)->ok()) return Status::DataError(std::string("rules/legal_refs.json: pattern '") + name + "': " + (*out)->error());
    return Status::OK();
  };
  for (auto [spec, name, out] : {std::tuple{&data->reference, "reference", &x->impl_->reference},
                                 std::tuple{&data->list_item, "list_item", &x->impl_->list_item},
                                 std::tuple{&data->list_head, "list_head", &x->impl_->list_head},
                                 std::tuple{&data->named_head, "named_head", &x->impl_->named_head},
                                 std::tuple{&data->date, "date", &x->impl_->date},
                                 std::tuple{&data->issuer, "issuer", &x->impl_->issuer},
                                 std::tuple{&data->list_separator, "list_separator", &x->impl_->list_sep}}) {
    Status s = compile(*spec, name, out);
    if (!s.ok()) return s;
  }
  auto groups_of = [](const RE2& re) {
    const auto& groups = re.NamedCapturingGroups();
    auto group = [&](const char* n) { auto it = groups.find(n); return it == groups.end() ? 0 : it->second; };
    return Impl::Groups{group("type"), group("serial"), group("sep"), group("year"), group("code"), group("year2")};
  };
  x->impl_->ref_g = groups_of(*x->impl_->reference);
  x->impl_->item_g = groups_of(*x->impl_->list_item);
  if (!x->impl_->ref_g.type || !x->impl_->ref_g.serial || !x->impl_->ref_g.code)
    return Status::DataError("rules/legal_refs.json: pattern 'reference' needs groups type, serial and code");
  if (!x->impl_->item_g.serial || !x->impl_->item_g.code)
    return Status::DataError("rules/legal_refs.json: pattern 'list_item' needs groups serial and code");
  if (x->impl_->list_head->NumberOfCapturingGroups() < 1)
    return Status::DataError("rules/legal_refs.json: pattern 'list_head' needs the group type");
  if (x->impl_->named_head->NumberOfCapturingGroups() < 1)
    return Status::DataError("rules/legal_refs.json: pattern 'named_head' needs the group type");
  x->data_ = std::move(data);
  return std::shared_ptr<const LegalRefExtractor>(std::move(x));
}

std::vector<LegalReference> LegalRefExtractor::Extract(const NormalizedText& nt, const RefContext& ctx,
                                                       const Locator& locate, std::vector<Diagnostic>* diags) const {
  const RuleData& d = *data_;
  const Impl& im = *impl_;
  const std::string& f = nt.folded;
  auto norm = [&](size_t fb, size_t fe) {
    auto [b, e] = nt.TextRange(fb, fe);
    return std::string_view(nt.text).substr(b, e - b);
  };
  // Reads the number matched by a pattern (groups gi, whole match g[0]) as a
  // reference of the given type: its parts, canonical form, and the date and
  // issuer after it.  False if it is not a reference (a bare word after a
  // dash, the plan's own number).
  auto build = [&](const DocType* type, const Impl::Groups& gi, const std::vector<re2::StringPiece>& g, bool item,
                   Raw* out) -> bool {
    Raw& r = *out;
    r.type = type;
    r.begin = g[0].data() - f.data();
    r.end = r.begin + g[0].size();
    r.serial = std::string(g[gi.serial].data(), g[gi.serial].size());
    r.num_begin = g[gi.serial].data() - f.data();
    r.num_end = r.end;
    auto grp = [&](int k) { return k && g[k].data() ? std::string(g[k].data(), g[k].size()) : std::string(); };
    std::string year = grp(gi.year).empty() ? grp(gi.year2) : grp(gi.year);
    if (!year.empty()) r.year = std::stoi(year);
    r.sep = grp(gi.sep).empty() ? "/" : grp(gi.sep);
    std::string code_f = StripSpaces(grp(gi.code));
    std::string code_p;
    if (gi.code && g[gi.code].data()) {
      size_t cb = g[gi.code].data() - f.data();
      code_p = StripSpaces(norm(cb, cb + g[gi.code].size()));
    }
    // Split the code at '-' and '/', keeping the separators.  The printed
    // and folded codes have the same separators in the same places.
    std::vector<std::string> parts_f, parts_p, seps;
    {
      std::string cur;
      for (char c : code_f) {
        if (c == '-' || c == '/') { parts_f.push_back(cur); seps.emplace_back(1, c); cur.clear(); }
        else cur.push_back(c);
      }
      if (!code_f.empty()) parts_f.push_back(cur);
      cur.clear();
      for (size_t i = 0; i < code_p.size();) {
        char c = code_p[i];
        if (c == '-' || c == '/') { parts_p.push_back(cur); cur.clear(); ++i; continue; }
        size_t b = i;
        utf8::Next(code_p, &i);
        cur.append(code_p, b, i - b);
      }
      if (!code_p.empty()) parts_p.push_back(cur);
      if (parts_p.size() != parts_f.size()) parts_p = parts_f;
    }
    // A one-part code must be a known code ("qh15", "nqcp"), or follow "số"
    // and a slash ("Công văn số 05/Cty"); a bare word after a dash ("Nghị
    // định 2- Thông tư") is not a number.
    if (parts_f.size() == 1) {
      size_t after_type = gi.type ? g[gi.type].data() - f.data() + g[gi.type].size() : r.begin;
      bool with_so = r.num_begin > after_type &&
                     std::string_view(f).substr(after_type, r.num_begin - after_type).find("so") != std::string_view::npos;
      // The unknown code must touch the slash and be ASCII letters and
      // digits (or Đ) starting with a capital: "05/Cty", not "1/ Nghị".
      bool plain = with_so && r.sep == "/" && g[gi.code].data() > f.data() && g[gi.code].data()[-1] == '/' &&
                   !parts_p[0].empty() && parts_p[0][0] >= 'A' && parts_p[0][0] <= 'Z';
      for (size_t k = 0; plain && k < parts_p[0].size(); ++k) {
        unsigned char c = static_cast<unsigned char>(parts_p[0][k]);
        if (parts_p[0].compare(k, 2, "\u0110") == 0) ++k;
        else plain = std::isalnum(c) != 0;
      }
      bool known = d.TypeByCode(parts_f[0]) != nullptr || d.IssuerByCode(parts_f[0]) != nullptr || plain;
      for (const DocType& t : d.doc_types)
        for (const std::string& c : t.codes)
          if (!known && parts_f[0].size() > c.size() && parts_f[0].compare(0, c.size(), c) == 0 &&
              d.IssuerByCode(parts_f[0].substr(c.size())) != nullptr)
            known = true;
      if (!known) return false;
    }
    size_t first_issuer = 0;
    if (!parts_f.empty()) {
      if (d.TypeByCode(parts_f[0]) != nullptr) {
        r.type_code_display = CodeDisplay(d, parts_f[0], parts_p[0]);
        first_issuer = 1;
      } else {
        // "nqcp": a type code run into an issuer code.
        for (const DocType& t : d.doc_types) {
          for (size_t k = 0; k < t.codes.size() && r.type_code_display.empty(); ++k) {
            const std::string& c = t.codes[k];
            if (parts_f[0].size() > c.size() && parts_f[0].compare(0, c.size(), c) == 0 &&
                d.IssuerByCode(parts_f[0].substr(c.size())) != nullptr) {
              r.type_code_display = t.code_display[k];
              std::string rest_f = parts_f[0].substr(c.size());
              parts_f[0] = rest_f;
              parts_p[0] = rest_f;
              first_issuer = 0;
              r.diag_codes.push_back("number_repaired");
            }
          }
        }
        if (!r.type_code_display.empty()) {
          // parts_f now holds only issuer parts; mark the type as taken.
          r.type_issuer_sep = "-";
        }
      }
    }
    if (!r.type_code_display.empty() && first_issuer == 1) r.type_issuer_sep = seps.empty() ? "-" : seps[0];
    for (size_t k = first_issuer; k < parts_f.size(); ++k) {
      r.issuer_parts.push_back(CodeDisplay(d, parts_f[k], parts_p[k]));
      if (k > first_issuer) r.issuer_seps.push_back(seps[k - 1]);
    }
    if (!r.type_code_display.empty()) {
      const DocType* by_code = nullptr;
      for (const DocType& t : d.doc_types)
        for (const std::string& c : t.code_display) if (c == r.type_code_display) by_code = &t;
      if (by_code != nullptr && by_code != r.type) r.diag_codes.push_back("type_code_mismatch");
    }
    // Canonical number.
    r.number = r.serial;
    if (!r.type_code_display.empty() || !r.issuer_parts.empty()) {
      r.number += r.sep;
      if (r.year && !grp(gi.year).empty()) r.number += std::to_string(*r.year) + "/";
      if (!r.type_code_display.empty()) {
        r.number += r.type_code_display;
        if (!r.issuer_parts.empty()) r.number += r.type_issuer_sep.empty() ? "-" : r.type_issuer_sep;
      }
      for (size_t k = 0; k < r.issuer_parts.size(); ++k) {
        if (k > 0) r.number += r.issuer_seps[k - 1];
        r.number += r.issuer_parts[k];
      }
    } else if (r.year) {
      r.number += "/" + std::to_string(*r.year);
    }
    std::string_view printed_raw = norm(r.num_begin, r.num_end);
    r.printed = StripSpaces(printed_raw);
    bool reshaped = r.printed.find('.') != std::string::npos || r.printed.size() != r.number.size() ||
                    (r.sep == "-" && printed_raw.find(' ') != std::string_view::npos);
    bool reported = std::find(r.diag_codes.begin(), r.diag_codes.end(), "number_repaired") != r.diag_codes.end();
    if (reshaped && !reported && ToUpper(r.printed) != ToUpper(r.number)) r.diag_codes.push_back("number_repaired");
    if (ctx.own_number && *ctx.own_number == r.number && (r.type->id == "ke_hoach" || item)) return false;
    // Date.
    size_t after = r.end;
    {
      re2::StringPiece rest(f.data() + after, f.size() - after), m[4];
      if (im.date->Match(rest, 0, rest.size(), RE2::ANCHOR_START, m, 4)) {
        int dd = std::stoi(std::string(m[1].data(), m[1].size()));
        int mm = std::stoi(std::string(m[2].data(), m[2].size()));
        int yy = std::stoi(std::string(m[3].data(), m[3].size()));
        if (std::optional<Date> day = Date::Make(yy, mm, dd)) {
          r.date = day->Iso();
          if (!r.year) r.year = yy;
          after += m[0].size();
        }
      }
    }
    // Issuer named after it.
    {
      re2::StringPiece rest(f.data() + after, f.size() - after), m[3];
      if (im.issuer->Match(rest, 0, rest.size(), RE2::ANCHOR_START, m, 3)) {
        const Body* body = d.BodyByAlias(CollapseSpaces(std::string(m[1].data(), m[1].size())));
        if (body != nullptr) {
          std::string name = body->name;
          size_t end = after + m[0].size();
          std::string level = m[2].data() ? LevelDisplay(CollapseSpaces(std::string(m[2].data(), m[2].size())), d) : "";
          // A place after the level (or right after a party committee).
          size_t p = end;
          while (p < f.size() && f[p] == ' ') ++p;
          size_t plen = 0;
          const Province* prov = (body->local && (!level.empty() || body->place_only))
                                     ? d.ProvinceAtStart(std::string_view(f).substr(p), &plen) : nullptr;
          if (body->local && !level.empty()) {
            name += " " + level;
            if (prov != nullptr) {
              name += " " + prov->name;
              end = p + plen;
            } else if (ctx.province && ctx.province_level && *ctx.province_level == level) {
              name += " " + *ctx.province;
            }
          } else if (body->place_only && prov != nullptr) {
            name += " " + prov->name;
            end = p + plen;
          }
          r.issuer = name;
          r.issuer_source = "text";
          after = end;
        }
      }
    }
    r.end = after;
    return true;
  };
  std::vector<Raw> raws;
  {
    std::vector<re2::StringPiece> g(im.reference->NumberOfCapturingGroups() + 1);
    size_t pos = 0;
    while (pos < f.size() && im.reference->Match(f, pos, f.size(), RE2::UNANCHORED, g.data(), static_cast<int>(g.size()))) {
      size_t begin = g[0].data() - f.data();
      pos = begin + std::max<size_t>(g[0].size(), 1);
      const DocType* type = d.TypeByWord(std::string(g[im.ref_g.type].data(), g[im.ref_g.type].size()));
      Raw r;
      if (type == nullptr || !build(type, im.ref_g, g, false, &r)) continue;
      pos = std::max(pos, r.end);
      raws.push_back(std::move(r));
    }
  }
  // Numbers cited without their type word ("các Quyết định: số 418/QĐ-UBND
  // ..., số 728/QĐ-UBND"): typed by their code when it names a type, else by
  // the list they stand in (the reference, item or plural head before them in
  // the same sentence).
  {
    std::vector<std::pair<size_t, const DocType*>> heads;  // end, type
    {
      re2::StringPiece m[2];
      size_t p = 0;
      while (p < f.size() && im.list_head->Match(f, p, f.size(), RE2::UNANCHORED, m, 2)) {
        size_t e = m[0].data() - f.data() + m[0].size();
        p = std::max(e, p + 1);
        if (const DocType* t = d.TypeByWord(std::string(m[1].data(), m[1].size()))) heads.emplace_back(e, t);
      }
    }
    std::vector<Raw> items;
    std::vector<re2::StringPiece> g(im.list_item->NumberOfCapturingGroups() + 1);
    size_t pos = 0, next_raw = 0, next_head = 0;
    while (pos < f.size() && im.list_item->Match(f, pos, f.size(), RE2::UNANCHORED, g.data(), static_cast<int>(g.size()))) {
      size_t begin = g[0].data() - f.data();
      pos = begin + std::max<size_t>(g[0].size(), 1);
      if (g[im.item_g.code].data() == nullptr || g[im.item_g.code].empty()) continue;  // "số 5/2021"
      while (next_raw < raws.size() && raws[next_raw].end <= begin) ++next_raw;
      if (next_raw < raws.size() && raws[next_raw].begin <= begin) continue;  // part of a typed reference
      // The nearest anchor before it.
      size_t anchor_end = 0;
      const DocType* anchor = nullptr;
      if (next_raw > 0) anchor_end = raws[next_raw - 1].end, anchor = raws[next_raw - 1].type;
      if (!items.empty() && items.back().end >= anchor_end) anchor_end = items.back().end, anchor = items.back().type;
      while (next_head < heads.size() && heads[next_head].first <= begin) ++next_head;
      if (next_head > 0 && heads[next_head - 1].first >= anchor_end)
        anchor_end = heads[next_head - 1].first, anchor = heads[next_head - 1].second;
      // Another sentence, or too far to be the same list (the window also
      // keeps the search linear on hostile text).
      if (anchor != nullptr && (begin - anchor_end > 1000 ||
                                std::string_view(f).substr(anchor_end, begin - anchor_end).find(". ") != std::string_view::npos))
        anchor = nullptr;
      size_t q = begin;
      while (q > 0 && f[q - 1] == ' ') --q;
      bool listed = q > 0 && (std::string_view(",;:(").find(f[q - 1]) != std::string_view::npos ||
                              (q >= 3 && f.compare(q - 3, 3, " va") == 0));
      const DocType* type = TypeOfCode(d, StripSpaces(std::string(g[im.item_g.code].data(), g[im.item_g.code].size())));
      if (type == nullptr && !listed) {
        // A law's number, after its name: "Luật Tổ chức Chính phủ số …".
        size_t from = begin > 160 ? begin - 160 : 0;
        re2::StringPiece before(f.data() + from, begin - from), m[2];
        if (im.named_head->Match(before, 0, before.size(), RE2::UNANCHORED, m, 2))
          if (const DocType* t = d.TypeByWord(std::string(m[1].data(), m[1].size())); t != nullptr && t->codes.empty())
            type = t;
      }
      if (type == nullptr) {
        if (!listed || anchor == nullptr) continue;
        type = anchor;
      }
      Raw r;
      if (!build(type, im.item_g, g, true, &r)) continue;
      pos = std::max(pos, r.end);
      items.push_back(std::move(r));
    }
    if (!items.empty()) {
      for (Raw& r : items) raws.push_back(std::move(r));
      std::stable_sort(raws.begin(), raws.end(), [](const Raw& a, const Raw& b) { return a.begin < b.begin; });
    }
  }
  // An issuer named after the last reference of a list applies to the earlier
  // ones with the same issuer code.
  for (size_t i = raws.size(); i-- > 1;) {
    Raw& last = raws[i];
    if (last.issuer_source != std::optional<std::string>("text")) continue;
    for (size_t j = i; j-- > 0;) {
      Raw& prev = raws[j];
      std::string_view gap(f.data() + prev.end, raws[j + 1].begin - prev.end);
      if (prev.end > raws[j + 1].begin || !RE2::FullMatch(gap, *im.list_sep)) break;
      if (prev.issuer || prev.issuer_parts != last.issuer_parts) continue;
      prev.issuer = last.issuer;
      prev.issuer_source = "text";
    }
  }
  // Issuer from the code.
  for (Raw& r : raws) {
    if (r.issuer || r.issuer_parts.empty()) continue;
    const IssuerCode* ic = d.IssuerByCode(Fold(r.issuer_parts[0]));
    if (ic == nullptr) continue;
    std::string name = ic->body;
    if (ic->party) {
      if (ctx.province && ctx.province_level) name = (*ctx.province_level == "thành phố" ? "Thành ủy " : "Tỉnh ủy ") + *ctx.province;
    } else if (ic->local && ctx.province && ctx.province_level) {
      name += " " + *ctx.province_level + " " + *ctx.province;
    }
    r.issuer = name;
    r.issuer_source = "code";
  }
  // Link mentions of one document.
  std::vector<LegalReference> refs;
  std::vector<std::vector<size_t>> members;
  auto code_of = [](const Raw& r) {
    std::string s;
    for (const auto& p : r.issuer_parts) s += (s.empty() ? "" : "-") + p;
    return s;
  };
  // A group's members agree pairwise, so each of the issuer code, year and
  // date has at most one value among them: a mention joins a group when it
  // agrees with those (checking every member was quadratic in mentions).
  struct Agreed {
    std::string code;  // folded
    std::optional<int> year;
    std::optional<std::string> date;
  };
  std::vector<Agreed> agreed;
  auto fits = [&](const Agreed& a, const Raw& r) {
    std::string c = Fold(code_of(r));
    return (a.code.empty() || c.empty() || a.code == c) && (!a.year || !r.year || *a.year == *r.year) &&
           (!a.date || !r.date || *a.date == *r.date);
  };
  auto join = [&](Agreed* a, const Raw& r) {
    if (a->code.empty()) a->code = Fold(code_of(r));
    if (!a->year) a->year = r.year;
    if (!a->date) a->date = r.date;
  };
  // Only groups of the same type and serial can match: index them.
  std::map<std::pair<const DocType*, std::string>, std::vector<size_t>> by_key;
  for (size_t i = 0; i < raws.size(); ++i) {
    long target = -1;
    int candidates = 0;
    std::vector<size_t>& same = by_key[{raws[i].type, raws[i].serial}];
    for (size_t k : same) {
      if (fits(agreed[k], raws[i])) {
        target = static_cast<long>(k);
        ++candidates;
      }
    }
    if (candidates == 1) {
      members[target].push_back(i);
      join(&agreed[target], raws[i]);
    } else {
      same.push_back(members.size());
      members.push_back({i});
      agreed.emplace_back();
      join(&agreed.back(), raws[i]);
    }
  }
  // The fullest spelling of a group's number names it.
  auto score = [](const Raw& x) {
    return (x.issuer_parts.empty() ? 0 : 2) + (x.type_code_display.empty() ? 0 : 1) +
           (x.number.find('/') != std::string::npos && x.year ? 1 : 0);
  };
  for (const auto& group : members) {
    LegalReference ref;
    const Raw* best = &raws[group[0]];
    for (size_t m : group)
      if (score(raws[m]) > score(*best)) best = &raws[m];
    ref.type = best->type->id;
    ref.type_name = best->type->name;
    ref.number = best->number;
    ref.issuer_code = code_of(*best);
    for (size_t m : group) {
      const Raw& r = raws[m];
      if (!ref.year && r.year) ref.year = r.year;
      if (!ref.date && r.date) ref.date = r.date;
      if (r.issuer && (!ref.issuer || (ref.issuer_source == "code" && r.issuer_source == "text"))) {
        ref.issuer = r.issuer;
        ref.issuer_source = r.issuer_source;
      }
      if (r.printed != ref.number && std::find(ref.variants.begin(), ref.variants.end(), r.printed) == ref.variants.end() &&
          ToUpper(r.printed) != ToUpper(ref.number))
        ref.variants.push_back(r.printed);
      auto [b, e] = nt.TextRange(r.begin, r.end);
      Mention mention;
      mention.text = CollapseSpaces(std::string_view(nt.text).substr(b, e - b));
      mention.where = locate ? locate(b, e) : Location{};
      for (const std::string& code : r.diag_codes) {
        if (diags == nullptr) break;
        std::string msg = code == "type_code_mismatch"
                              ? "\"" + mention.text.substr(0, 80) + "\": the number's type code disagrees with \"" + r.type->name + "\""
                              : "\"" + r.printed + "\" read as " + r.number;
        diags->push_back({code, msg, mention.where.page});
      }
      ref.mentions.push_back(std::move(mention));
    }
    refs.push_back(std::move(ref));
  }
  return refs;
}

std::vector<LegalReference> LegalRefExtractor::ExtractFromString(const std::string& text, const RefContext& ctx,
                                                                 std::vector<Diagnostic>* diags) const {
  NormalizedText nt = Normalize(text);
  return Extract(nt, ctx, nullptr, diags);
}

std::optional<std::string> LegalRefExtractor::CanonicalNumber(const std::string& printed) const {
  // Reuse the reference pattern by naming the plan's kind in front of it.
  std::vector<LegalReference> refs = ExtractFromString("Kế hoạch số " + printed, RefContext{}, nullptr);
  if (refs.empty()) return std::nullopt;
  return refs[0].number;
}

}  // namespace kh
