// The result of reading one plan: what the JSON printer prints.  Plain data,
// filled by the rules stage and the pipeline; no library types.
#ifndef KEHOACH_COMMON_PLAN_H_
#define KEHOACH_COMMON_PLAN_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/geometry.h"

namespace kh {

// Where a fact stands in the PDF.
struct Location {
  int page = 0;  // 1-based; 0 = unknown
  Box bbox;      // PDF points, top-left origin
};

struct Diagnostic {
  std::string code;     // stable, e.g. "number_blank", "type_code_mismatch"
  std::string message;  // one line for people
  int page = 0;         // 0 if not tied to a page
};

struct Mention {
  Location where;
  std::string text;  // the reference as printed (normalized spaces)
};

struct LegalReference {
  std::string type;       // doc_types.json id: "quyet_dinh", ...
  std::string type_name;  // "Quyết định"
  std::string number;     // canonical: "3339/QĐ-UBND", "76/NQ-CP" (repaired), "24/2020"
  std::optional<int> year;          // from the number, else from the date
  std::string issuer_code;          // "UBND", "CP", "TW", "BNV-CCHC"; empty if none
  std::optional<std::string> issuer;         // canonical name
  std::optional<std::string> issuer_source;  // "text" (named after it) or "code"
  std::optional<std::string> date;           // ISO 8601
  std::vector<std::string> variants;         // other spellings of the number seen
  std::vector<Mention> mentions;
};

// A percentage the plan commits to.
struct Target {
  double value = 0;                 // the figure ("97"); for a range its lower bound
  std::optional<double> max;        // a range's upper bound
  std::string comparator = "=";     // ">=", ">", "=", "<=", "<", "range"
  std::string direction = "reach";  // "reach", "reduce", "maintain"
  std::string unit = "%";
  std::string metric;               // what is measured, framing words dropped
  std::optional<std::string> indicator;  // rules/indicators.json id
  std::vector<std::string> section;      // heading path, outermost first
  std::optional<int> year;               // the year it is due
  std::optional<std::string> year_source;  // "clause", "section" or "plan"
  bool in_table = false;            // read from a table cell
  std::string text;                 // the target's words as printed (normalized)
  Location where;                   // the figure
};

struct Signer {
  std::optional<std::string> name;
  std::optional<std::string> role;       // "Giám đốc", "Phó Giám đốc", "Quyền Giám đốc"
  std::optional<std::string> authority;  // "KT. Giám đốc", "TM. Ủy ban nhân dân" when signed for
};

struct DocumentFacts {
  std::optional<std::string> kind;  // doc_types.json id of the plan itself ("ke_hoach")
  std::optional<std::string> number;
  std::optional<std::string> issuer;
  std::optional<std::string> parent_issuer;
  std::optional<std::string> province;
  std::optional<std::string> place;
  std::optional<std::string> date;  // ISO 8601
  std::optional<std::string> title;
  std::optional<int> period_from, period_to;
  Signer signer;
  std::map<std::string, Location> provenance;  // fact name -> where it was read
};

struct SourceInfo {
  std::string file;
  std::string sha256;
  int pages = 0;
  std::string text_layer = "unicode";
};

struct PlanResult {
  SourceInfo source;
  DocumentFacts document;
  std::vector<LegalReference> legal_references;
  std::vector<Target> targets;
  std::vector<Diagnostic> diagnostics;
};

}  // namespace kh

#endif  // KEHOACH_COMMON_PLAN_H_
