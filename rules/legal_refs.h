// legal_refs: every numbered legal document a plan cites, with all its
// mentions, found with the patterns of rules/legal_refs.json (RE2, on the
// folded text; see normalizer.h).
//
// For each match it reads the parts of the number (serial, year, the type code
// and the issuer code: 3339/QĐ-UBND, 61/2018/NĐ-CP, 45-NQ/TW, 226/2025/QH15),
// the date after it ("ngày 24/3/2018", "ngày 15 tháng 7 năm 2021") and the
// issuer named after it ("của Ủy ban nhân dân tỉnh Cà Mau").  Then:
//  * slips are repaired and reported: "76/NQCP" -> 76/NQ-CP, "45- NQ/TW",
//    "3070. /KH-UBND", "NĐ-Cp"; a type code that disagrees with the type word
//    ("Quyết định số 12/NQ-CP") is kept as printed and reported;
//  * an issuer named after the last reference of a list ("..., 27-CTr/TU và
//    28-CTr/TU của Thành ủy Cần Thơ") applies to the earlier ones with the
//    same issuer code;
//  * without a named issuer, the issuer code gives one (NĐ-CP -> Chính phủ;
//    KH-UBND -> Ủy ban nhân dân + the plan's province), marked "code";
//  * mentions of one document are linked: same type and serial, and issuer
//    code and year equal or missing on one side ("Thông tư 24/2020" after
//    "Thông tư số 24/2020/TT-BCA");
//  * the plan's own number is not a reference.
// year is the number's year, else the date's year.
#ifndef KEHOACH_RULES_LEGAL_REFS_H_
#define KEHOACH_RULES_LEGAL_REFS_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/plan.h"
#include "common/status.h"
#include "normalizer/normalizer.h"
#include "rules/locator.h"
#include "rules/rule_data.h"

namespace kh {

struct RefContext {
  std::optional<std::string> province;        // "Cần Thơ"
  std::optional<std::string> province_level;  // "thành phố"
  std::optional<std::string> own_number;      // the plan's number, excluded
};

class LegalRefExtractor {
 public:
  // Compiles the patterns; a bad pattern is a kDataError naming it.
  static Result<std::shared_ptr<const LegalRefExtractor>> Create(std::shared_ptr<const RuleData> data);
  ~LegalRefExtractor();

  std::vector<LegalReference> Extract(const NormalizedText& text, const RefContext& ctx, const Locator& locate,
                                      std::vector<Diagnostic>* diagnostics) const;

  // Convenience for tests and examples: plain text, no positions.
  std::vector<LegalReference> ExtractFromString(const std::string& text, const RefContext& ctx,
                                                std::vector<Diagnostic>* diagnostics) const;

  // Canonical form of a plan number as printed after "Số:" ("129/KH-SGDĐT");
  // nullopt if there is no serial (a draft's blank number).
  std::optional<std::string> CanonicalNumber(const std::string& printed) const;

  const RuleData& data() const { return *data_; }

  struct Impl;

 private:
  LegalRefExtractor() = default;
  std::shared_ptr<const RuleData> data_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kh

#endif  // KEHOACH_RULES_LEGAL_REFS_H_
