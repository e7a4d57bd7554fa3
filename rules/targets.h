// targets: every percentage a plan commits to, with what it measures, the
// section it stands in, the year it is due and a catalogue indicator, read
// with the vocabularies of rules/targets.json on the folded text.
//
// How a paragraph is read:
//  1. Sections.  Body paragraphs feed an Outline (outline.h); a figure takes
//     the headings open above its paragraph.  Figures under a heading that
//     reports results ("Kết quả thực hiện năm 2024", a heading starting
//     "Kết quả …") are not targets; in a report (a Báo cáo) only figures
//     under a heading that looks ahead ("Phương hướng, nhiệm vụ năm 2026")
//     are.
//  2. Clauses.  The paragraph is cut at ';' and at sentence ends.
//  3. Figures.  `figure` finds "97%", "97,5 %", "25% - 35%", "2 - 3%",
//     "từ 70% đến dưới 100%".  The words right before a figure are read
//     backwards through `before_figure` ("phấn đấu đạt tối thiểu",
//     "cắt giảm ít nhất", "duy trì") and those right after it through
//     `after_figure` ("trở lên"): they give the comparator (">=", ">", "<=",
//     "<", "range" or "=") and the direction ("reach", "reduce", "maintain").
//  4. Descriptive figures are set aside: inside parentheses, right after a
//     `descriptive_before` phrase ("tự bảo đảm từ 70% đến dưới 100% chi
//     thường xuyên" names a class of units; "đã đạt 65%" is a result), or
//     right before a `descriptive_after` word ("80% đang sinh sống": what is
//     the case now).  No figure vanishes: each one set aside (and each
//     percentage of a clause that reports results) is listed with its
//     reason in `left_out`, when the caller passes one.
//  5. Metrics.  A figure either follows its metric ("mức độ hài lòng ... đạt
//     tối thiểu 97%") or precedes it ("100% TTHC được cung cấp trực tuyến
//     toàn trình").  The words between two figures of one clause go to the
//     second figure when nothing measurable follows it, else to the first; a
//     `strong_boundaries` phrase ("trong số đó") splits them.  What follows a
//     figure is cut at a `trailers` phrase ("nhằm", "trong đó"); framing words
//     (`lead_words`, `tail_words`) are dropped from the ends.  So "100% ... cấp
//     tỉnh, 95% ... cấp huyện, 90% ... cấp xã" gives three targets, each with
//     its own metric.
//  6. Year due: a "đến/vào/trong năm YYYY" in the clause, else the nearest
//     heading or lead-in with a year ("Các chỉ tiêu chủ yếu đến năm 2030"),
//     else the plan's period; year_source says which.
//  7. Indicator: IndicatorMatcher on the target's words; when a clause holds
//     several targets and one's own words name no indicator, on the clause.
#ifndef KEHOACH_RULES_TARGETS_H_
#define KEHOACH_RULES_TARGETS_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/plan.h"
#include "common/status.h"
#include "normalizer/normalizer.h"
#include "rules/locator.h"
#include "rules/rule_data.h"

namespace kh {

// One paragraph of the normalized text: [begin, end) in bytes, no '\n'.
struct TextParagraph {
  size_t begin = 0, end = 0;
  bool table = false;  // a table cell: read, but not an outline heading
  bool bold = false;
};

// The non-empty '\n'-separated paragraphs of a normalized text, as body text.
std::vector<TextParagraph> SplitParagraphs(std::string_view text);

struct TargetContext {
  std::optional<int> period_to;  // the plan's horizon ("giai đoạn 2026 - 2030")
  std::optional<int> plan_year;  // the year of the plan's date
  std::optional<std::string> kind;  // the document's kind (doc_types.json id): a report's figures are results
};

// Why a figure is no target (LeftOutFigure::reason; the schema's
// figures_left_out[].reason enum lists the same):
inline constexpr const char* kResult = "result";                  // under a heading that reports results, or in a report outside its forward-looking part
inline constexpr const char* kInParentheses = "in_parentheses";   // "(đạt 98%)": an aside
inline constexpr const char* kDescribes = "describes";            // after a descriptive_before phrase: a class of units, a result reached, a legal share
inline constexpr const char* kStateNow = "state_now";              // before a descriptive_after word: "80% đang sinh sống"
inline constexpr const char* kNamesTheMetric = "names_the_metric";  // a quantity naming what a percentage measures: "trẻ em dưới 15 tuổi"
inline constexpr const char* kAmount = "amount";                   // a quantity without a comparator or lead word: "kinh phí là 139 triệu đồng"

class IndicatorMatcher;

class TargetExtractor {
 public:
  // Compiles the patterns and the catalogue; kDataError names a bad one.
  static Result<std::shared_ptr<const TargetExtractor>> Create(std::shared_ptr<const RuleData> data);
  ~TargetExtractor();

  // The targets of the text; the figures that are none go to *left_out
  // (if not null) with their reason, one of the k… below.
  std::vector<Target> Extract(const NormalizedText& text, const std::vector<TextParagraph>& paragraphs,
                              const TargetContext& ctx, const Locator& locate,
                              std::vector<LeftOutFigure>* left_out = nullptr) const;

  // For tests and examples: plain text, paragraphs split at '\n', no positions.
  std::vector<Target> ExtractFromString(const std::string& text, const TargetContext& ctx = {},
                                        std::vector<LeftOutFigure>* left_out = nullptr) const;

  const IndicatorMatcher& indicators() const { return *indicators_; }

  struct Impl;

 private:
  TargetExtractor() = default;
  std::shared_ptr<const RuleData> data_;
  std::shared_ptr<const IndicatorMatcher> indicators_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kh

#endif  // KEHOACH_RULES_TARGETS_H_
