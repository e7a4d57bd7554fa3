// timeline: a task's "Thời gian thực hiện" cell -> dates, recurrence and
// condition.
//
//   TimelineParser::Create(data) compiles rules/timelines.json once;
//   Parse("Quý I, II/2025", 0)           -> from 2025-01-01, to 2025-06-30
//   Parse("Hàng quý, năm 2019", 0)       -> 2019-01-01 .. 2019-12-31, recurring "quarterly"
//   Parse("Năm 2025 (khi có hướng dẫn của Trung ương)", 0)
//                                        -> the year, condition "khi có hướng dẫn của Trung ương"
//   Parse("Quý II", 2019)                -> 2019-04-01 .. 2019-06-30, year_inferred
//   Parse("Ban hành kế hoạch: Quý I/2025. Thực hiện: Trong năm 2025", 0)
//                                        -> two parts with their labels; from/to span both
//
// Every dated expression in the text counts: from is the earliest start, to
// the latest end.  A date after "trước"/"chậm nhất" is only a deadline (to);
// after "từ"/"sau" only a start (from).  Text without dates keeps only its
// flags; nothing is guessed beyond the plan's year for a bare quarter/month.
#ifndef KEHOACH_RULES_TIMELINE_H_
#define KEHOACH_RULES_TIMELINE_H_

#include <memory>
#include <string_view>
#include <vector>

#include "common/plan.h"
#include "common/status.h"
#include "rules/rule_data.h"

namespace kh {

class TimelineParser {
 public:
  static Result<std::shared_ptr<const TimelineParser>> Create(std::shared_ptr<const RuleData> data);
  ~TimelineParser();

  // `text` as printed (normalized or not); plan_year 0 if unknown.
  Timeline Parse(std::string_view text, int plan_year) const;

 private:
  TimelineParser() = default;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kh

#endif  // KEHOACH_RULES_TIMELINE_H_
