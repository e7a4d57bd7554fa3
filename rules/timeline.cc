#include "rules/timeline.h"

#include <algorithm>
#include <tuple>

#include <re2/re2.h>

#include "common/date.h"
#include "normalizer/normalizer.h"
#include "rules/numbering.h"

namespace kh {

struct TimelineParser::Impl {
  std::shared_ptr<const RuleData> data;
  struct Pattern {
    std::string kind;
    std::unique_ptr<RE2> re;
  };
  std::vector<Pattern> patterns;
};

TimelineParser::~TimelineParser() = default;

Result<std::shared_ptr<const TimelineParser>> TimelineParser::Create(std::shared_ptr<const RuleData> data) {
  auto p = std::shared_ptr<TimelineParser>(new TimelineParser());
  p->impl_ = std::make_unique<Impl>();
  RE2::Options opt;
  opt.set_log_errors(false);
  for (const auto& [kind, regex] : data->timelines.patterns) {
    auto re = std::make_unique<RE2>(regex, opt);
    if (!re->ok()) return Status::DataError("rules/timelines.json: pattern '" + kind + "': " + re->error());
    static const char* kKinds[] = {"quarter", "half", "month_range", "month", "date", "year_range", "year"};
    if (std::find(std::begin(kKinds), std::end(kKinds), kind) == std::end(kKinds))
      return Status::DataError("rules/timelines.json: unknown pattern kind '" + kind + "'");
    p->impl_->patterns.push_back({kind, std::move(re)});
  }
  p->impl_->data = std::move(data);
  return std::shared_ptr<const TimelineParser>(std::move(p));
}

namespace {

// A timeline's year: from the Republic's first plans on (a figure before
// 1945 in a timeline cell is no year).
bool ValidYear(int y) { return y >= 1945 && y <= Date::kLastYear; }

// A quarter's number: "iv" (folded) or "4"; 0 for anything else.
int Quarter(std::string_view s) {
  if (s.size() == 1 && s[0] >= '1' && s[0] <= '4') return s[0] - '0';
  int k = RomanValue(s);
  return k >= 1 && k <= 4 ? k : 0;
}

// The numbers (roman or arabic) in a list like "i, ii" or "6 va 12".
std::vector<std::string> Items(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      cur.push_back(c);
    } else if (!cur.empty()) {
      out.push_back(cur);
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(cur);
  std::vector<std::string> kept;
  for (const std::string& x : out)
    if (x != "va" && x != "den" && x != "quy" && x != "thang") kept.push_back(x);
  return kept;
}

struct Interval {
  std::optional<Date> from, to;
  bool inferred = false;
  size_t begin = 0, end = 0;  // in the folded text
};

int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9' || v > 100000) return 0;
    v = v * 10 + (c - '0');
  }
  return v;
}

}  // namespace

Timeline TimelineParser::Parse(std::string_view raw, int plan_year) const {
  Timeline t;
  NormalizedText nt = Normalize(raw);
  t.text = CollapseSpaces(nt.text);
  while (!t.text.empty() && t.text.back() == ' ') t.text.pop_back();
  const std::string& f = nt.folded;
  const TimelineRules& rules = impl_->data->timelines;

  // Dated expressions, earlier kinds first, never overlapping.
  std::vector<Interval> found;
  std::vector<std::pair<size_t, size_t>> taken;
  for (const Impl::Pattern& p : impl_->patterns) {
    const RE2& re = *p.re;
    const int n = re.NumberOfCapturingGroups();
    std::vector<re2::StringPiece> g(static_cast<size_t>(n) + 1);
    const auto& names = re.NamedCapturingGroups();
    auto group = [&](const char* name) -> std::string_view {
      auto it = names.find(name);
      if (it == names.end()) return {};
      const re2::StringPiece& sp = g[static_cast<size_t>(it->second)];
      return std::string_view(sp.data(), sp.size());
    };
    size_t pos = 0;
    while (pos <= f.size() && re.Match(f, pos, f.size(), RE2::UNANCHORED, g.data(), n + 1)) {
      size_t b = static_cast<size_t>(g[0].data() - f.data()), e = b + g[0].size();
      pos = e > b ? e : b + 1;
      if (b > 0 && ((f[b - 1] >= 'a' && f[b - 1] <= 'z') || (f[b - 1] >= '0' && f[b - 1] <= '9'))) continue;
      bool overlaps = false;
      for (auto [tb, te] : taken) overlaps = overlaps || (b < te && tb < e);
      if (overlaps) continue;
      taken.emplace_back(b, e);  // consumed even when it gives no date ("Quý V/2025", "31/02/2025")
      Interval iv;
      iv.begin = b;
      iv.end = e;
      int y = ToInt(group("y"));
      if (p.kind == "quarter" || p.kind == "month" || p.kind == "half") {
        if (y == 0 && plan_year > 0 && p.kind != "half") {
          y = plan_year;
          iv.inferred = true;
        }
        if (y == 0 && p.kind == "half" && plan_year > 0) {
          y = plan_year;
          iv.inferred = true;
        }
        if (!ValidYear(y)) continue;
        int lo = 13, hi = 0;
        if (p.kind == "quarter") {
          for (const std::string& q : Items(group("q"))) {
            int k = Quarter(q);
            if (k == 0) continue;
            lo = std::min(lo, 3 * k - 2);
            hi = std::max(hi, 3 * k);
          }
        } else if (p.kind == "month") {
          for (const std::string& m : Items(group("m"))) {
            int k = ToInt(m);
            if (k < 1 || k > 12) continue;
            lo = std::min(lo, k);
            hi = std::max(hi, k);
          }
        } else {
          bool first = group("which") == "dau";
          lo = first ? 1 : 7;
          hi = first ? 6 : 12;
        }
        if (hi == 0) continue;
        iv.from = Date{y, lo, 1};
        iv.to = Date::EndOfMonth(y, hi);
      } else if (p.kind == "month_range") {
        int m1 = ToInt(group("m1")), m2 = ToInt(group("m2")), y2 = ToInt(group("y2"));
        int y1 = group("y1").empty() ? y2 : ToInt(group("y1"));
        if (m1 < 1 || m1 > 12 || m2 < 1 || m2 > 12 || !ValidYear(y1) || !ValidYear(y2)) continue;
        iv.from = Date{y1, m1, 1};
        iv.to = Date::EndOfMonth(y2, m2);
      } else if (p.kind == "date") {
        int d = ToInt(group("d")), m = ToInt(group("m"));
        std::optional<Date> day = ValidYear(y) ? Date::Make(y, m, d) : std::nullopt;
        if (!day) continue;
        std::string_view rel = group("rel");
        const Date at = *day;
        if (rel != "truoc" && rel != "cham nhat") iv.from = at;
        if (rel != "tu" && rel != "bat dau tu" && rel != "sau") iv.to = at;
      } else if (p.kind == "year_range") {
        int y1 = ToInt(group("y1")), y2 = ToInt(group("y2"));
        if (!ValidYear(y1) || !ValidYear(y2) || y2 < y1) continue;
        iv.from = Date{y1, 1, 1};
        iv.to = Date{y2, 12, 31};
      } else {  // year
        if (!ValidYear(y)) continue;
        iv.from = Date{y, 1, 1};
        iv.to = Date{y, 12, 31};
      }
      found.push_back(iv);
    }
  }
  std::sort(found.begin(), found.end(), [](const Interval& a, const Interval& b) { return a.begin < b.begin; });
  std::optional<Date> from, to;
  for (const Interval& iv : found) {
    if (iv.from && (!from || *iv.from < *from)) from = iv.from;
    if (iv.to && (!to || *to < *iv.to)) to = iv.to;
    t.year_inferred = t.year_inferred || iv.inferred;
  }
  if (from) t.from = from->Iso();
  if (to) t.to = to->Iso();

  // Recurrence.
  auto has_word = [&](const std::string& w) {
    for (size_t p = f.find(w); p != std::string::npos; p = f.find(w, p + 1)) {
      bool left = p == 0 || !((f[p - 1] >= 'a' && f[p - 1] <= 'z') || (f[p - 1] >= '0' && f[p - 1] <= '9'));
      size_t e = p + w.size();
      bool right = e >= f.size() || !((f[e] >= 'a' && f[e] <= 'z') || (f[e] >= '0' && f[e] <= '9'));
      if (left && right) return p;
    }
    return std::string::npos;
  };
  for (const auto& [value, words] : rules.recurring) {
    for (const std::string& w : words) {
      if (has_word(w) != std::string::npos) {
        t.recurring = value;
        break;
      }
    }
    if (t.recurring) break;
  }

  // Condition: from the first cue to the end of its clause (a closing
  // parenthesis, or the end of the sentence).
  size_t cue = std::string::npos;
  for (const std::string& c : rules.condition_cues) cue = std::min(cue, has_word(c));
  if (cue != std::string::npos) {
    size_t end = f.size();
    for (size_t k = cue; k < f.size(); ++k) {
      if (f[k] == ')' || f[k] == ';' || (f[k] == '.' && (k + 1 == f.size() || f[k + 1] == ' '))) {
        end = k;
        break;
      }
    }
    auto [tb, te] = nt.TextRange(cue, end);
    std::string c = CollapseSpaces(std::string_view(nt.text).substr(tb, te - tb));
    while (!c.empty() && (c.back() == ' ' || c.back() == ',' || c.back() == '.')) c.pop_back();
    if (!c.empty()) t.condition = c;
  }

  // Parts: sentences (". ", ";", or a new label) each with its own dates.
  std::vector<std::pair<size_t, size_t>> pieces;
  size_t start = 0;
  for (size_t k = 0; k <= f.size(); ++k) {
    bool stop = k == f.size() || f[k] == ';' || (f[k] == '.' && k + 1 < f.size() && f[k + 1] == ' ');
    if (!stop) continue;
    if (k > start) pieces.emplace_back(start, k);
    start = k + 1;
  }
  std::vector<Timeline::Part> parts;
  for (auto [pb, pe] : pieces) {
    std::optional<Date> pf, pt;
    for (const Interval& iv : found) {
      if (iv.begin < pb || iv.end > pe) continue;
      if (iv.from && (!pf || *iv.from < *pf)) pf = iv.from;
      if (iv.to && (!pt || *pt < *iv.to)) pt = iv.to;
    }
    if (!pf && !pt) continue;
    auto [tb, te] = nt.TextRange(pb, pe);
    std::string text = CollapseSpaces(std::string_view(nt.text).substr(tb, te - tb));
    Timeline::Part part;
    size_t colon = text.find(':');
    if (colon != std::string::npos) {
      part.label = CollapseSpaces(text.substr(0, colon));
      text = text.substr(colon + 1);
    }
    while (!text.empty() && text.front() == ' ') text.erase(text.begin());
    while (!text.empty() && (text.back() == ' ' || text.back() == '.')) text.pop_back();
    while (!part.label.empty() && part.label.back() == ' ') part.label.pop_back();
    while (!part.label.empty() && part.label.front() == ' ') part.label.erase(part.label.begin());
    part.text = text;
    if (pf) part.from = pf->Iso();
    if (pt) part.to = pt->Iso();
    parts.push_back(std::move(part));
  }
  if (parts.size() > 1) t.parts = std::move(parts);
  return t;
}

}  // namespace kh
