// The result of reading one plan: what the JSON printer prints.  Plain data,
// filled by the rules stage and the pipeline; no library types.
#ifndef KEHOACH_COMMON_PLAN_H_
#define KEHOACH_COMMON_PLAN_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/geometry.h"
#include "common/signature.h"

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

// A figure of the text that is kept as no target, with why (schema 1.7.0
// figures_left_out): an auditor sees every percentage, target or not.
struct LeftOutFigure {
  double value = 0;
  std::optional<double> max;    // a range's upper bound
  std::string unit = "%";
  std::string reason;           // rules/targets.h kResult, kInParentheses …
  std::string text;             // the words around it as printed (normalized)
  std::vector<std::string> section;  // heading path, outermost first
  Location where;               // the figure
};

// When a task is due, read from its "Thời gian thực hiện" cell.
struct Timeline {
  std::string text;                       // as printed (normalized)
  std::optional<std::string> from, to;    // ISO 8601 dates, where the text has dates
  std::optional<std::string> recurring;   // "continuous", "weekly", "monthly", "quarterly", "semiannual", "yearly"
  std::optional<std::string> condition;   // "khi có hướng dẫn của Trung ương", "Sau khi Trung ương công bố ..."
  bool year_inferred = false;             // a quarter or month without a year took the plan's year
  struct Part {                           // "Ban hành kế hoạch: Quý I/2025. Thực hiện: Trong năm 2025"
    std::string label;                    // "Ban hành kế hoạch" (may be empty)
    std::string text;                     // "Quý I/2025"
    std::optional<std::string> from, to;
  };
  std::vector<Part> parts;                // only when the text has more than one dated part
};

struct TaskGroup {
  std::string no;     // "II", "1." as printed; may be empty
  std::string title;  // "Cải cách thể chế"
};

// Where one cell of a task row is drawn.
struct CellRef {
  std::string column;  // the column's role: "no", "task", "product", ...
  int page = 0;
  Box box;
};

// One row of a plan's task table.
struct Task {
  int table = 0;                  // which task table of the plan (0-based)
  int row = 0;                    // the row in that table (0-based, header rows included)
  std::string no;                 // as printed ("2.1", "7.4"); empty if the row has none
  std::optional<int> part_of;     // index in tasks[] of the numbered task an unnumbered row belongs to
  std::vector<TaskGroup> groups;  // the group rows / group column above it, outermost first
  std::string task, product;
  std::vector<std::string> lead, partners;  // units, one per entry
  std::string lead_text, partners_text;     // the cells as printed
  Timeline timeline;
  std::string note;
  std::vector<std::pair<std::string, std::string>> extra;  // other columns: header -> text
  std::vector<int> pages;
  std::vector<CellRef> cells;
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
  std::optional<std::string> province;       // as of the date (rules/places.h)
  std::optional<std::string> province_2025;  // of the 34 from 2025-07-01
  std::optional<std::string> place;
  std::optional<std::string> date;  // ISO 8601
  std::optional<std::string> title;
  std::optional<int> period_from, period_to;
  Signer signer;
  // The document's digital signatures (PDF signature fields and the boxes
  // signing tools stamp on pages): who and when signed the file, never its
  // own issuer, signer or date.
  std::vector<Signature> signatures;
  // The receiving body's stamp ("ĐẾN", "Số", "Ngày"), when there is one:
  // who received it, under which number, on which day (null where the
  // handwriting is not legible).  Never the document's own number or date.
  struct Received {
    std::optional<std::string> body, number, date;
    Location at;
  };
  std::optional<Received> received;
  std::map<std::string, Location> provenance;  // fact name -> where it was read
};

// A font whose text was typed in a legacy encoding and converted.
struct LegacyFont {
  std::string font;      // "VnTimeHBold"
  std::string encoding;  // "tcvn3", "vni", "viscii"
  bool upper = false;    // an upper-case font: its text was upper-cased
  int words = 0;         // words converted
};

// How one page was read, and why (ocr/page_reading.h).
struct PageRead {
  int page = 0;
  std::string by;      // "text" or "ocr" ("none": not OCR'd as --ocr never was given)
  std::string reason;  // "text_page", "image_page_text", "no_text_layer",
                       // "unusable_text_layer", "partial_text_layer", "forced"
  double text_cover = 0, syllables = 0, image_cover = 0;  // the evidence, 0..1 (syllables -1: not counted)
};

// A page read by OCR.
struct OcrPage {
  int page = 0;
  std::string reason;       // as PageRead::reason
  double confidence = 0;    // mean word confidence, 0..100
  int words = 0;
  double skew_degrees = 0;  // the rotation that was undone before reading
};

struct SourceInfo {
  std::string file;
  std::string sha256;
  int pages = 0;
  // What the text came from: "unicode" (the PDF's own text), "tcvn3", "vni"
  // or "viscii" (legacy fonts converted), "ocr" (every page read by OCR), or
  // "mixed" (more than one of these).
  std::string text_layer = "unicode";
  std::vector<LegacyFont> legacy_fonts;
  std::vector<OcrPage> ocr_pages;
  std::vector<PageRead> reading;  // every page, in order
};

struct PlanResult {
  SourceInfo source;
  DocumentFacts document;
  std::vector<LegalReference> legal_references;
  std::vector<Target> targets;
  std::vector<LeftOutFigure> figures_left_out;  // every figure read that is no target, with why
  std::vector<Task> tasks;
  std::vector<Diagnostic> diagnostics;
};

}  // namespace kh

#endif  // KEHOACH_COMMON_PLAN_H_
