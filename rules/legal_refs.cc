#include "rules/legal_refs.h"

#include "rules/levels.h"

#include <re2/re2.h>

#include <algorithm>
#include <map>

#include "common/date.h"
#include "common/utf8.h"

namespace kh {

struct LegalRefExtractor::Impl {
  std::unique_ptr<RE2> reference, date, issuer, list_sep;
  int g_type = 0, g_serial = 0, g_sep = 0, g_year = 0, g_code = 0, g_year2 = 0;
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

bool ValidDate(int d, int m, int y) {
  return m >= 1 && m <= 12 && d >= 1 && y >= 1900 && y <= 2100 && d <= DaysInMonth(y, m);
}

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
  return ToUpper(printed);
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
                                 std::tuple{&data->date, "date", &x->impl_->date},
                                 std::tuple{&data->issuer, "issuer", &x->impl_->issuer},
                                 std::tuple{&data->list_separator, "list_separator", &x->impl_->list_sep}}) {
    Status s = compile(*spec, name, out);
    if (!s.ok()) return s;
  }
  const auto& groups = x->impl_->reference->NamedCapturingGroups();
  auto group = [&](const char* n) { auto it = groups.find(n); return it == groups.end() ? 0 : it->second; };
  x->impl_->g_type = group("type");
  x->impl_->g_serial = group("serial");
  x->impl_->g_sep = group("sep");
  x->impl_->g_year = group("year");
  x->impl_->g_code = group("code");
  x->impl_->g_year2 = group("year2");
  if (!x->impl_->g_type || !x->impl_->g_serial || !x->impl_->g_code)
    return Status::DataError("rules/legal_refs.json: pattern 'reference' needs groups type, serial and code");
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
  const int ng = im.reference->NumberOfCapturingGroups() + 1;
  std::vector<re2::StringPiece> g(ng);
  std::vector<Raw> raws;
  size_t pos = 0;
  while (pos < f.size() &&
         im.reference->Match(f, pos, f.size(), RE2::UNANCHORED, g.data(), ng)) {
    Raw r;
    r.begin = g[0].data() - f.data();
    r.end = r.begin + g[0].size();
    pos = std::max(r.end, r.begin + 1);
    r.type = d.TypeByWord(std::string(g[im.g_type].data(), g[im.g_type].size()));
    if (r.type == nullptr) continue;
    r.serial = std::string(g[im.g_serial].data(), g[im.g_serial].size());
    r.num_begin = g[im.g_serial].data() - f.data();
    r.num_end = r.end;
    auto grp = [&](int k) { return k && g[k].data() ? std::string(g[k].data(), g[k].size()) : std::string(); };
    std::string year = grp(im.g_year).empty() ? grp(im.g_year2) : grp(im.g_year);
    if (!year.empty()) r.year = std::stoi(year);
    r.sep = grp(im.g_sep).empty() ? "/" : grp(im.g_sep);
    std::string code_f = StripSpaces(grp(im.g_code));
    std::string code_p;
    if (im.g_code && g[im.g_code].data()) {
      size_t cb = g[im.g_code].data() - f.data();
      code_p = StripSpaces(norm(cb, cb + g[im.g_code].size()));
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
    // A one-part code must be a known code ("qh15", "nqcp"); a bare word
    // after a dash ("Nghị định 2- Thông tư") is not a number.
    if (parts_f.size() == 1) {
      bool known = d.TypeByCode(parts_f[0]) != nullptr || d.IssuerByCode(parts_f[0]) != nullptr;
      for (const DocType& t : d.doc_types)
        for (const std::string& c : t.codes)
          if (!known && parts_f[0].size() > c.size() && parts_f[0].compare(0, c.size(), c) == 0 &&
              d.IssuerByCode(parts_f[0].substr(c.size())) != nullptr)
            known = true;
      if (!known) continue;
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
      if (r.year && !grp(im.g_year).empty()) r.number += std::to_string(*r.year) + "/";
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
    if (ctx.own_number && *ctx.own_number == r.number && r.type->id == "ke_hoach") continue;
    // Date.
    size_t after = r.end;
    {
      re2::StringPiece rest(f.data() + after, f.size() - after), m[4];
      if (im.date->Match(rest, 0, rest.size(), RE2::ANCHOR_START, m, 4)) {
        int dd = std::stoi(std::string(m[1].data(), m[1].size()));
        int mm = std::stoi(std::string(m[2].data(), m[2].size()));
        int yy = std::stoi(std::string(m[3].data(), m[3].size()));
        if (ValidDate(dd, mm, yy)) {
          r.date = IsoDate(yy, mm, dd);
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
          std::string level = m[2].data() ? LevelDisplay(CollapseSpaces(std::string(m[2].data(), m[2].size()))) : "";
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
    raws.push_back(std::move(r));
    pos = std::max(pos, after);
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
  auto compatible = [&](const Raw& a, const Raw& b) {
    if (a.type != b.type || a.serial != b.serial) return false;
    std::string ca = code_of(a), cb = code_of(b);
    if (!ca.empty() && !cb.empty() && Fold(ca) != Fold(cb)) return false;
    if (a.year && b.year && *a.year != *b.year) return false;
    if (a.date && b.date && *a.date != *b.date) return false;
    return true;
  };
  // Only groups of the same type and serial can match: index them.
  std::map<std::pair<const DocType*, std::string>, std::vector<size_t>> by_key;
  for (size_t i = 0; i < raws.size(); ++i) {
    long target = -1;
    int candidates = 0;
    std::vector<size_t>& same = by_key[{raws[i].type, raws[i].serial}];
    for (size_t k : same) {
      bool ok = true;
      for (size_t m : members[k]) ok = ok && compatible(raws[m], raws[i]);
      if (ok) {
        target = static_cast<long>(k);
        ++candidates;
      }
    }
    if (candidates == 1) {
      members[target].push_back(i);
    } else {
      same.push_back(members.size());
      members.push_back({i});
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
