#include "rules/targets.h"

#include <re2/re2.h>

#include <algorithm>
#include <cstdlib>
#include <unordered_map>

#include "common/utf8.h"
#include "rules/indicators.h"
#include "rules/outline.h"

namespace kh {

struct TargetExtractor::Impl {
  std::unique_ptr<RE2> figure, year_clause, year_heading;
  std::unique_ptr<RE2> quantity_hint;  // any quantity unit or count comparator, as a whole word
  RE2 bare_year{"nam\\s+(?:19|20)\\d\\d\\b"};  // "Năm 2025, ..." at the start of a metric
  int g_v1 = 0, g_p1 = 0, g_v2 = 0;
};

namespace {

bool IsWordChar(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
bool IsSep(char c) { return c == ' ' || c == ',' || c == ';' || c == ':' || c == '.' || c == '-'; }

// The folded text of one paragraph with phrase tests on whole words.
struct View {
  const std::string& f;
  bool StartsWith(size_t pos, size_t hi, const std::string& w) const {
    if (w.empty() || pos + w.size() > hi || f.compare(pos, w.size(), w) != 0) return false;
    if (pos > 0 && IsWordChar(f[pos - 1]) && IsWordChar(w.front())) return false;
    return pos + w.size() == f.size() || !IsWordChar(f[pos + w.size()]) || !IsWordChar(w.back());
  }
  bool EndsWith(size_t lo, size_t pos, const std::string& w) const {
    if (w.empty() || pos < lo + w.size()) return false;
    return StartsWith(pos - w.size(), pos, w);
  }
  size_t SkipBack(size_t lo, size_t pos) const {
    while (pos > lo && f[pos - 1] == ' ') --pos;
    return pos;
  }
  size_t SkipFwd(size_t pos, size_t hi) const {
    while (pos < hi && f[pos] == ' ') ++pos;
    return pos;
  }
  // The longest phrase of `words` ending at pos (after spaces); 0 if none.
  size_t LongestEnding(size_t lo, size_t pos, const std::vector<std::string>& words) const {
    size_t best = 0;
    for (const std::string& w : words)
      if (w.size() > best && EndsWith(lo, pos, w)) best = w.size();
    return best;
  }
  size_t LongestStarting(size_t pos, size_t hi, const std::vector<std::string>& words) const {
    size_t best = 0;
    for (const std::string& w : words)
      if (w.size() > best && StartsWith(pos, hi, w)) best = w.size();
    return best;
  }
  // First position in [b, e) where a phrase of `words` starts (e if none);
  // its length in *len when len is given.
  size_t Find(size_t b, size_t e, const std::vector<std::string>& words, size_t* len = nullptr) const {
    for (size_t p = b; p < e; ++p) {
      if (p > b && IsWordChar(f[p - 1]) && IsWordChar(f[p])) continue;
      size_t l = LongestStarting(p, e, words);
      if (l > 0) {
        if (len) *len = l;
        return p;
      }
    }
    return e;
  }
  // End of the last phrase of `words` (or ':') in [b, e); b if none.
  size_t AfterLast(size_t b, size_t e, const std::vector<std::string>& words) const {
    size_t best = b;
    for (size_t p = b; p < e; ++p) {
      if (f[p] == ':') { best = p + 1; continue; }
      if (p > b && IsWordChar(f[p - 1]) && IsWordChar(f[p])) continue;
      size_t l = LongestStarting(p, e, words);
      if (l > 0) best = std::max(best, p + l);
    }
    return best;
  }
};

// Whether a paragraph without '%' may hold a quantity: a digit, and a unit
// or a count's comparator (`hint`: one pattern of all those words, compiled
// with the extractor).
bool MayHoldQuantity(const View& v, size_t b, size_t e, const RE2& hint) {
  if (std::none_of(v.f.begin() + b, v.f.begin() + e, [](char c) { return c >= '0' && c <= '9'; })) return false;
  return RE2::PartialMatch(re2::StringPiece(v.f.data() + b, e - b), hint);
}

// "97,5" and "97.5" are decimals; "5.000" and "1.250,5" have thousands (the
// figure pattern gives only digits around the marks: three digits after a
// dot, then the end or another mark, is a group of thousands).
double ParseNumber(std::string s) {
  size_t dot = s.find('.');
  if (dot != std::string::npos && s.size() - dot >= 4 && (s.size() - dot == 4 || s[dot + 4] == '.' || s[dot + 4] == ','))
    s.erase(std::remove(s.begin(), s.end(), '.'), s.end());
  std::replace(s.begin(), s.end(), ',', '.');
  return std::strtod(s.c_str(), nullptr);
}

struct Figure {
  size_t ps = 0;        // start of the words before the figure that belong to it
  size_t fb = 0, fe = 0;  // the figure itself ("97%", "25% - 35%")
  size_t end = 0;       // after the words after it ("trở lên")
  double value = 0;
  std::optional<double> max;
  std::string comparator, direction;
  std::string unit = "%";  // else a quantity's ("con/phụ nữ", "lần", "sàn giao dịch dữ liệu")
  size_t counted_b = 0, counted_e = 0;  // a count's counted words, when it is one
  // Why it is no target (a LeftOutFigure reason), or null: it is one.
  const char* left_out = nullptr;
  void SetAside(const char* why) {
    if (left_out == nullptr) left_out = why;
  }
};

// A target being built, in folded offsets.
struct Draft {
  Figure fig;
  size_t before_b = 0, before_e = 0;
  size_t after_b = 0, after_e = 0;
};

bool IsUpperAt(const std::string& text, size_t pos) {
  if (pos >= text.size()) return false;
  size_t i = pos;
  char32_t c = utf8::Next(text, &i);
  if (c < 0x80) return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  std::string s = text.substr(pos, i - pos);
  return ToLower(s) != s;
}

}  // namespace

TargetExtractor::~TargetExtractor() = default;

Result<std::shared_ptr<const TargetExtractor>> TargetExtractor::Create(std::shared_ptr<const RuleData> data) {
  Result<std::shared_ptr<const IndicatorMatcher>> ind = IndicatorMatcher::Create(data);
  if (!ind.ok()) return ind.status();
  auto t = std::shared_ptr<TargetExtractor>(new TargetExtractor());
  t->data_ = data;
  t->indicators_ = ind.value();
  t->impl_ = std::make_unique<Impl>();
  RE2::Options opt;
  opt.set_log_errors(false);
  const TargetRules& r = data->targets;
  for (auto [re, src, name] : {std::tuple{&t->impl_->figure, &r.figure, "figure"},
                               std::tuple{&t->impl_->year_clause, &r.year_clause, "year.clause_regex"},
                               std::tuple{&t->impl_->year_heading, &r.year_heading, "year.heading_regex"}}) {
    *re = std::make_unique<RE2>(*src, opt);
    if (!(*re)->ok()) return Status::DataError(std::string("rules/targets.json: ") + name + ": " + (*re)->error());
  }
  std::string hint;
  auto add = [&](const std::string& w) { hint += (hint.empty() ? "" : "|") + RE2::QuoteMeta(w); };
  for (const std::string& w : r.count_comparators) add(w);
  for (const auto& u : r.quantity_units)
    for (const std::string& w : u.words) add(w);
  t->impl_->quantity_hint = std::make_unique<RE2>("(?:^|[^a-z0-9])(?:" + hint + ")(?:$|[^a-z0-9])", opt);
  if (!t->impl_->quantity_hint->ok())
    return Status::DataError("rules/targets.json: quantities: " + t->impl_->quantity_hint->error());
  const auto& groups = t->impl_->figure->NamedCapturingGroups();
  for (auto [name, dst] : {std::pair{"v1", &t->impl_->g_v1}, std::pair{"p1", &t->impl_->g_p1},
                           std::pair{"v2", &t->impl_->g_v2}}) {
    auto it = groups.find(name);
    if (it == groups.end()) return Status::DataError(std::string("rules/targets.json: figure: no group ") + name);
    *dst = it->second;
  }
  if (!t->impl_->year_clause->NamedCapturingGroups().count("y"))
    return Status::DataError("rules/targets.json: year.clause_regex: no group y");
  return std::shared_ptr<const TargetExtractor>(std::move(t));
}

std::vector<Target> TargetExtractor::Extract(const NormalizedText& nt, const std::vector<TextParagraph>& paragraphs,
                                             const TargetContext& ctx, const Locator& locate,
                                             std::vector<LeftOutFigure>* left_out) const {
  const TargetRules& r = data_->targets;
  const std::string& F = nt.folded;
  View v{F};
  std::vector<Target> out;
  Outline outline;
  const bool report = ctx.kind && std::find(r.report_kinds.begin(), r.report_kinds.end(), *ctx.kind) != r.report_kinds.end();
  // What a heading says of the figures under it, read once per heading (a
  // paragraph's context repeats the same few).
  struct HeadingClass {
    bool achieved = false;         // an achieved_sections phrase anywhere
    bool reports_results = false;  // starts with an achieved_heading_starts phrase
    bool looks_ahead = false;      // a reports phrase: a report's forward-looking part
  };
  std::unordered_map<std::string, HeadingClass> heading_classes;
  auto classify = [&](const std::string& title) -> const HeadingClass& {
    auto it = heading_classes.find(title);
    if (it != heading_classes.end()) return it->second;
    HeadingClass h;
    std::string fe = Fold(title);
    h.achieved = View{fe}.Find(0, fe.size(), r.achieved_sections) < fe.size();
    std::string head = Fold(std::string_view(title).substr(std::min(title.size(), ReadMarker(title).length)));
    size_t lead = head.find_first_not_of(" .:-");
    h.reports_results =
        lead != std::string::npos && View{head}.LongestStarting(lead, head.size(), r.achieved_heading_starts) > 0;
    h.looks_ahead = View{fe}.Find(0, fe.size(), r.report_target_sections) < fe.size();
    return heading_classes.emplace(title, h).first->second;
  };
  auto to_folded = [&](size_t text_pos) {
    return static_cast<size_t>(std::lower_bound(nt.folded_to_text.begin(), nt.folded_to_text.end(), text_pos) -
                               nt.folded_to_text.begin());
  };
  auto text_of = [&](size_t b, size_t e) {
    auto [tb, te] = nt.TextRange(b, e);
    return nt.text.substr(tb, te - tb);
  };
  // Trims separators and framing words from both ends of [*b, *e).
  auto clean = [&](size_t* b, size_t* e) {
    for (bool again = true; again && *b < *e;) {
      again = false;
      while (*b < *e && IsSep(F[*b])) ++*b;
      size_t l = v.LongestStarting(*b, *e, r.lead_words);
      if (l > 0) { *b += l; again = true; }
      // a leading due date ("đến năm 2025, ...") is the year, not the metric
      re2::StringPiece rest(F.data() + *b, *e - *b), m0;
      if (impl_->year_clause->Match(rest, 0, rest.size(), RE2::ANCHOR_START, &m0, 1) ||
          impl_->bare_year.Match(rest, 0, rest.size(), RE2::ANCHOR_START, &m0, 1)) {
        *b += m0.size();
        again = true;
      }
    }
    for (bool again = true; again && *b < *e;) {
      again = false;
      while (*e > *b && IsSep(F[*e - 1])) --*e;
      size_t l = v.LongestEnding(*b, *e, r.tail_words);
      if (l > 0) { *e -= l; again = true; }
    }
  };
  // True if [b, e) holds words that say what is measured.
  auto is_metric = [&](size_t b, size_t e) {
    while (true) {
      while (b < e && IsSep(F[b])) ++b;
      if (b < e && F[b] == '(') {
        int depth = 0;
        for (; b < e; ++b) {
          if (F[b] == '(') ++depth;
          if (F[b] == ')' && --depth == 0) { ++b; break; }
        }
        continue;
      }
      break;
    }
    if (b >= e || v.LongestStarting(b, e, r.not_metric_after) > 0) return false;
    for (size_t p = b; p < e; ++p)
      if (F[p] >= 'a' && F[p] <= 'z') return true;
    return false;
  };
  auto year_in = [&](const RE2& re, std::string_view folded) -> std::optional<int> {
    const auto& groups = re.NamedCapturingGroups();
    std::vector<re2::StringPiece> m(re.NumberOfCapturingGroups() + 1);
    if (!re.Match(re2::StringPiece(folded.data(), folded.size()), 0, folded.size(), RE2::UNANCHORED, m.data(),
                  static_cast<int>(m.size())))
      return std::nullopt;
    for (const char* g : {"y3", "y2", "y"}) {
      auto it = groups.find(g);
      if (it != groups.end() && !m[it->second].empty()) return std::atoi(std::string(m[it->second]).c_str());
    }
    return std::nullopt;
  };

  // A figure that is no target, listed with why (when the caller asks):
  // its words from a few before it to a few after it, within its clause.
  auto set_aside = [&](size_t fb, size_t fe, double value, std::optional<double> max, const std::string& unit,
                       const char* why, size_t cb, size_t ce, const std::vector<OutlineEntry>& context) {
    if (left_out == nullptr) return;
    size_t b = fb, e = fe;
    for (int words = 0; b > cb && words < 8; --b)
      if (F[b - 1] == ' ' && ++words == 8) break;
    for (int words = 0; e < ce && words < 6; ++e)
      if (F[e] == ' ' && ++words == 6) break;
    LeftOutFigure f;
    f.value = value;
    f.max = max;
    f.unit = unit;
    f.reason = why;
    f.text = CollapseSpaces(text_of(b, e));
    f.section = Outline::Titles(context);
    if (locate) {
      auto [xb, xe] = nt.TextRange(fb, fe);
      f.where = locate(xb, xe);
    }
    left_out->push_back(std::move(f));
  };
  // The percentages of a clause that reports results.
  auto set_aside_percentages = [&](size_t cb, size_t ce, const std::vector<OutlineEntry>& context) {
    if (left_out == nullptr) return;
    std::vector<re2::StringPiece> m(impl_->figure->NumberOfCapturingGroups() + 1);
    const re2::StringPiece clause(F.data() + cb, ce - cb);
    size_t pos = cb;
    while (pos < ce && impl_->figure->Match(clause, pos - cb, ce - cb, RE2::UNANCHORED, m.data(), static_cast<int>(m.size()))) {
      size_t mend = m[0].data() + m[0].size() - F.data();
      pos = std::max(mend, pos + 1);
      const re2::StringPiece& v1 = m[impl_->g_v1];
      const re2::StringPiece& v2 = m[impl_->g_v2];
      if (m[impl_->g_p1].empty() && v2.empty()) continue;  // a quantity: no target here either, and no percentage
      std::optional<double> max;
      if (!v2.empty()) max = ParseNumber(std::string(v2));
      set_aside(v1.data() - F.data(), mend, ParseNumber(std::string(v1)), max, "%", kResult, cb, ce, context);
    }
  };

  for (const TextParagraph& para : paragraphs) {
    std::string_view ptext(nt.text.data() + para.begin, para.end - para.begin);
    Marker marker = ReadMarker(ptext);
    std::vector<OutlineEntry> context = para.table ? outline.Open() : outline.Step(ptext, para.bold);
    size_t pb = to_folded(para.begin + (para.table ? 0 : marker.length)), pe = to_folded(para.end);
    // Only within the paragraph: a search to the end of the text from every
    // paragraph without a '%' was quadratic (bench/stress_rules, "table").
    if (pe <= pb) continue;
    std::string_view pf = std::string_view(F).substr(pb, pe - pb);
    if (pf.find('%') == std::string_view::npos && !MayHoldQuantity(v, pb, pe, *impl_->quantity_hint)) continue;
    bool achieved = false, ahead = false;
    for (const OutlineEntry& e : context) {
      const HeadingClass& h = classify(e.title);
      achieved = achieved || h.achieved;
      // Headings only, not lead-in sentences ("… các nhiệm vụ sau:").
      if (!e.shown) continue;
      achieved = achieved || h.reports_results;
      ahead = ahead || (report && h.looks_ahead);
    }
    // A section that reports (or a report outside its forward-looking
    // part): only a clause that still looks ahead holds targets ("tiếp tục
    // … theo lộ trình đến năm 2030, đạt 100% xã, phường không ma túy").
    const bool past = achieved || (report && !ahead);

    // Clauses.
    std::vector<std::pair<size_t, size_t>> clauses;
    size_t cs = pb;
    for (size_t i = pb; i < pe; ++i) {
      bool cut = F[i] == ';';
      if (F[i] == '.' && i + 2 < pe && F[i + 1] == ' ' && IsUpperAt(nt.text, nt.folded_to_text[i + 2])) {
        size_t w = i;
        while (w > pb && IsWordChar(F[w - 1])) --w;
        bool abbrev = i - w <= 3 && i > w && IsUpperAt(nt.text, nt.folded_to_text[w]) &&
                      IsUpperAt(nt.text, nt.folded_to_text[i - 1]);
        cut = !abbrev;
      }
      if (cut) {
        clauses.push_back({cs, i});
        cs = i + 1;
      }
    }
    clauses.push_back({cs, pe});

    int depth_before_clause = 0;  // parentheses open at the clause start
    size_t depth_pos = pb;
    for (const auto& span : clauses) {
      // Plain names, not a structured binding: lambdas below capture them.
      const size_t cb = span.first, ce = span.second;
      // The year the clause names, read once, when first needed.
      std::optional<std::optional<int>> year_read;
      auto clause_year_of = [&]() {
        if (!year_read) year_read = year_in(*impl_->year_clause, std::string_view(F).substr(cb, ce - cb));
        return *year_read;
      };
      if (past) {
        std::optional<int> y = clause_year_of();
        if (!(y && ctx.plan_year && *y > *ctx.plan_year) && v.Find(cb, ce, r.looking_ahead) >= ce) {
          set_aside_percentages(cb, ce, context);
          continue;
        }
      }
      // Figures.
      std::vector<Figure> figs;
      std::vector<re2::StringPiece> m(impl_->figure->NumberOfCapturingGroups() + 1);
      size_t pos = cb;
      const re2::StringPiece clause(F.data() + cb, ce - cb);  // so that '^' is the clause start
      while (pos < ce && impl_->figure->Match(clause, pos - cb, ce - cb, RE2::UNANCHORED, m.data(),
                                              static_cast<int>(m.size()))) {
        size_t mend = m[0].data() + m[0].size() - F.data();
        pos = std::max(mend, pos + 1);
        const re2::StringPiece& v1 = m[impl_->g_v1];
        const re2::StringPiece& v2 = m[impl_->g_v2];
        Figure fg;
        fg.fb = v1.data() - F.data();
        fg.fe = mend;
        if (m[impl_->g_p1].empty() && v2.empty()) {
          // A quantity: a unit after it, or a count after a comparator.
          fg.fe = v1.data() + v1.size() - F.data();
          size_t a = v.SkipFwd(fg.fe, ce);
          if (a < ce && F[a] == '(') {  // "01 (một) mô hình"
            size_t close = F.find(')', a);
            if (close != std::string::npos && close < ce && close - a < 12) a = v.SkipFwd(close + 1, ce);
          }
          size_t ul = 0;
          for (const auto& u : r.quantity_units)
            if (size_t l = v.LongestStarting(a, ce, u.words); l > ul) ul = l, fg.unit = u.unit;
          if (ul > 0) {
            fg.fe = a + ul;
          } else if (v.LongestEnding(cb, v.SkipBack(cb, fg.fb), r.count_comparators) > 0) {
            size_t e = a, words = 0;
            while (e < ce && words < 6 && v.LongestStarting(e, ce, r.count_ends) == 0) {
              size_t w = e;
              while (w < ce && (IsWordChar(F[w]) || F[w] == '/' || (F[w] == ' ' && w + 1 < ce && F[w + 1] == '/') ||
                                (F[w] == ' ' && w > 0 && F[w - 1] == '/')))
                ++w;
              if (w == e) break;
              ++words;
              e = v.SkipFwd(w, ce);
            }
            e = v.SkipBack(a, e);
            if (e <= a) continue;
            fg.unit = text_of(a, e);
            fg.counted_b = a, fg.counted_e = e;
          } else if (const Figure* prev = figs.empty() ? nullptr : &figs.back();
                     prev != nullptr && prev->counted_e > prev->counted_b &&
                     v.LongestEnding(cb, v.SkipBack(cb, fg.fb), r.count_joins) > 0 &&
                     v.StartsWith(a, ce, F.substr(prev->counted_b, prev->counted_e - prev->counted_b))) {
            // "ít nhất 22 xã ... và 59 xã ...": the same count, once more.
            fg.unit = prev->unit;
            fg.counted_b = a, fg.counted_e = a + (prev->counted_e - prev->counted_b);
            fg.comparator = prev->comparator;
            fg.direction = prev->direction;
          } else {
            continue;
          }
          pos = std::max(pos, fg.fe);
        }
        fg.value = ParseNumber(std::string(v1));
        if (!v2.empty()) {
          fg.max = ParseNumber(std::string(v2));
          fg.comparator = "range";
        }
        for (; depth_pos < fg.fb; ++depth_pos) {
          if (F[depth_pos] == '(') ++depth_before_clause;
          if (F[depth_pos] == ')' && depth_before_clause > 0) --depth_before_clause;
        }
        if (depth_before_clause > 0) fg.SetAside(kInParentheses);
        // per-year rates: "3%/năm"
        size_t q = v.SkipFwd(fg.fe, ce);
        if (q < ce && F[q] == '/') {
          size_t q2 = v.SkipFwd(q + 1, ce);
          if (v.StartsWith(q2, ce, "nam")) fg.fe = q2 + 3;
        }
        // words before
        size_t p = fg.fb;
        std::string cmp_before;
        while (true) {
          size_t at = v.SkipBack(cb, p);
          if (v.LongestEnding(cb, at, r.descriptive_before) > 0) fg.SetAside(kDescribes);
          size_t best = 0;
          const FigureWords* cls = nullptr;
          for (const FigureWords& c : r.before_figure) {
            size_t l = v.LongestEnding(cb, at, c.words);
            if (l > best) { best = l; cls = &c; }
          }
          if (cls == nullptr) break;
          p = at - best;
          if (cmp_before.empty() && !cls->comparator.empty()) cmp_before = cls->comparator;
          if (fg.direction.empty() && !cls->direction.empty()) fg.direction = cls->direction;
        }
        fg.ps = p;
        // A quantity needs a comparator or a lead ("đạt", "gấp") before it:
        // "kinh phí là 139 triệu đồng" is an amount.
        if (fg.unit != "%" && cmp_before.empty() && fg.comparator.empty() && v.Find(p, fg.fb, r.quantity_leads) >= fg.fb) {
          set_aside(fg.fb, fg.fe, fg.value, fg.max, fg.unit, kAmount, cb, ce, context);
          continue;
        }
        // words after
        fg.end = fg.fe;
        std::string cmp_after;
        size_t a = v.SkipFwd(fg.fe, ce);
        if (v.LongestStarting(a, ce, r.descriptive_after) > 0) fg.SetAside(kStateNow);
        for (const FigureWords& c : r.after_figure) {
          size_t l = v.LongestStarting(a, ce, c.words);
          if (l > 0) {
            fg.end = a + l;
            cmp_after = c.comparator;
            break;
          }
        }
        if (fg.comparator.empty()) fg.comparator = !cmp_after.empty() ? cmp_after : !cmp_before.empty() ? cmp_before : "=";
        if (fg.direction.empty()) fg.direction = "reach";
        pos = std::max(pos, fg.end);
        figs.push_back(fg);
      }
      // A quantity before a percentage in its clause names what that
      // percentage measures ("trẻ em dưới 15 tuổi đạt khoảng 22%").
      for (size_t k = 0; k + 1 < figs.size(); ++k)
        if (figs[k].unit != "%" && std::any_of(figs.begin() + k + 1, figs.end(), [](const Figure& f) { return f.unit == "%"; }))
          figs[k].SetAside(kNamesTheMetric);
      std::vector<Draft> ts;
      for (const Figure& fg : figs) {
        if (fg.left_out == nullptr) ts.push_back({fg});
        else set_aside(fg.fb, fg.fe, fg.value, fg.max, fg.unit, fg.left_out, cb, ce, context);
      }
      if (ts.empty()) continue;

      // Share out the words between figures.
      size_t n = ts.size();
      auto own_after_end = [&](size_t i) {
        size_t hi = i + 1 < n ? ts[i + 1].fig.ps : ce;
        return v.Find(ts[i].fig.end, hi, r.trailers);
      };
      std::vector<bool> last_kind(n);  // metric before the figure
      for (size_t i = 0; i < n; ++i) last_kind[i] = !is_metric(ts[i].fig.end, own_after_end(i));
      ts[0].before_b = v.AfterLast(cb, ts[0].fig.ps, r.strong_boundaries);
      ts[0].before_e = ts[0].fig.ps;
      for (size_t i = 0; i + 1 < n; ++i) {
        size_t gb = ts[i].fig.end, ge = ts[i + 1].fig.ps;
        size_t split = ge;  // [gb, split) -> after of i; [split2, ge) -> before of i+1
        size_t split2 = ge;
        if (last_kind[i + 1]) {
          size_t s = v.AfterLast(gb, ge, r.strong_boundaries);
          if (s > gb) {
            split2 = s;
            split = std::min(v.Find(gb, ge, r.strong_boundaries), ge);
            for (size_t k = gb; k < ge; ++k)
              if (F[k] == ':') { split = std::min(split, k); break; }
          } else if (!is_metric(ts[i].before_b, ts[i].fig.ps)) {
            // i stands first in its clause: it keeps its words up to the last comma.
            size_t c = ge;
            while (c > gb && F[c - 1] != ',') --c;
            split = c > gb ? c - 1 : gb;
            split2 = c > gb ? c : gb;
          } else {
            split = gb;
            split2 = gb;
          }
        }
        ts[i].after_b = gb;
        ts[i].after_e = split;
        ts[i + 1].before_b = split2;
        ts[i + 1].before_e = ge;
      }
      ts[n - 1].after_b = ts[n - 1].fig.end;
      ts[n - 1].after_e = ce;
      for (Draft& d : ts) d.after_e = std::min(d.after_e, v.Find(d.after_b, d.after_e, r.trailers));

      std::optional<int> clause_year = clause_year_of();
      for (size_t i = 0; i < n; ++i) {
        Draft& d = ts[i];
        bool first_kind = is_metric(d.after_b, d.after_e);
        size_t bb = d.before_b, be = d.before_e, ab = d.after_b, ae = d.after_e;
        clean(&bb, &be);
        if (first_kind) {
          clean(&ab, &ae);
        } else {
          ab = ae = d.fig.end;
        }
        Target t;
        t.value = d.fig.value;
        t.max = d.fig.max;
        t.comparator = d.fig.comparator;
        t.direction = d.fig.direction;
        t.unit = d.fig.unit;
        std::string metric = bb < be ? text_of(bb, be) : "";
        if (ab < ae) metric += (metric.empty() ? "" : " ") + text_of(ab, ae);
        t.metric = CollapseSpaces(metric);
        // "đạt 85% trở lên, tăng 2% so với năm 2024": the second figure has
        // no words of its own and measures what the one before it does.
        bool inherited = false;
        if (t.metric.empty() && i > 0 && !out.empty()) {
          t.metric = out.back().metric;
          inherited = true;
        }
        size_t tb = bb < be ? bb : d.fig.ps;
        size_t te = ab < ae ? ae : d.fig.end;
        t.text = CollapseSpaces(text_of(tb, te));
        std::string_view own = std::string_view(F).substr(tb, te - tb);
        const Indicator* ind = inherited ? nullptr : indicators_->Match(own);
        if (inherited) {
          t.indicator = out.back().indicator;
        } else if (ind == nullptr && n > 1) {
          // Figures sharing words written once ("100% hồ sơ công việc cấp
          // tỉnh, 95% ... cấp huyện ... được xử lý trên môi trường mạng"):
          // the clause names the indicator, if this figure's own words are
          // few or point to it too.
          const Indicator* c = indicators_->Match(std::string_view(F).substr(cb, ce - cb));
          size_t words = 0;
          for (char ch : t.metric) words += ch == ' ';
          if (c != nullptr && (words < 4 || indicators_->Evidence(own, *c))) ind = c;
        }
        if (ind != nullptr) t.indicator = ind->id;
        t.section = Outline::Titles(context);
        t.in_table = para.table;
        if (auto y = year_in(*impl_->year_clause, own)) {
          t.year = y;
          t.year_source = "clause";
        } else if (clause_year) {
          t.year = clause_year;
          t.year_source = "clause";
        } else {
          for (auto it = context.rbegin(); it != context.rend() && !t.year; ++it) {
            if (auto y2 = year_in(*impl_->year_heading, Fold(it->title))) {
              t.year = y2;
              t.year_source = "section";
            }
          }
          if (!t.year && (ctx.period_to || ctx.plan_year)) {
            t.year = ctx.period_to ? ctx.period_to : ctx.plan_year;
            t.year_source = "plan";
          }
        }
        if (locate) {
          auto [xb, xe] = nt.TextRange(d.fig.fb, d.fig.fe);
          t.where = locate(xb, xe);
        }
        out.push_back(std::move(t));
      }
    }
  }
  return out;
}

std::vector<TextParagraph> SplitParagraphs(std::string_view text) {
  std::vector<TextParagraph> out;
  size_t b = 0;
  while (b < text.size()) {
    size_t e = text.find('\n', b);
    if (e == std::string_view::npos) e = text.size();
    if (e > b) out.push_back({b, e, false, false});
    b = e + 1;
  }
  return out;
}

std::vector<Target> TargetExtractor::ExtractFromString(const std::string& text, const TargetContext& ctx,
                                                       std::vector<LeftOutFigure>* left_out) const {
  NormalizedText nt = Normalize(text);
  return Extract(nt, SplitParagraphs(nt.text), ctx, nullptr, left_out);
}

}  // namespace kh
