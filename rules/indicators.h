// indicators: ties a target's words to an entry of the indicator catalogue
// (rules/indicators.json), so that "mức độ hài lòng ... về giải quyết TTHC"
// in one plan and "Mức độ hài lòng của người dân về TTHC" in another are the
// same indicator, satisfaction_procedures.
//
// Every phrase of the catalogue is compiled into one RE2::Set and matched at
// once against the folded text; an indicator then applies when each of its
// 'all' groups has a phrase present and none of its 'none' phrases is.  The
// first such indicator in file order wins.
#ifndef KEHOACH_RULES_INDICATORS_H_
#define KEHOACH_RULES_INDICATORS_H_

#include <memory>
#include <string_view>

#include "common/status.h"
#include "rules/rule_data.h"

namespace kh {

class IndicatorMatcher {
 public:
  // Compiles the phrases; kDataError if the catalogue cannot be compiled.
  static Result<std::shared_ptr<const IndicatorMatcher>> Create(std::shared_ptr<const RuleData> data);
  ~IndicatorMatcher();

  // The indicator of a folded text (see normalizer.h), or nullptr.
  const Indicator* Match(std::string_view folded) const;

  // True if at least one of the indicator's 'all' groups has a phrase in the
  // folded text: some, not full, evidence for it.
  bool Evidence(std::string_view folded, const Indicator& indicator) const;

  struct Impl;

 private:
  IndicatorMatcher() = default;
  std::shared_ptr<const RuleData> data_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kh

#endif  // KEHOACH_RULES_INDICATORS_H_
