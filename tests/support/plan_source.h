// A reader of the corpus sources, corpus/src/NAME.plan: the markup that
// scripts/make_corpus.py prints into corpus/NAME.pdf.  The golden test takes
// what a plan says from here, not from the program: the header's number,
// date and place, the title, the signature block, the text every reference
// and figure must be found in, and every table cell.
//
// It is deliberately small and shares no code with the pipeline (it reads
// markup, not PDF): were it to share the extractor's rules, a fault in them
// would be in the expectation too.
//
//   PlanSource src;
//   std::string error;
//   if (!ReadPlanSource(path, &src, &error)) FAIL() << error;
//   src.text            // every printed paragraph, line and cell, one per line
//   src.tables[0].rows  // with merged cells ("^" above, "<" left) resolved
//
// Markup (scripts/make_corpus.py has the full description): "@header" /
// "@sign" blocks of "L: text" and "R: text" lines ("*" bold, "/" italic, "_"
// bold and underlined before the colon), "@center[*] TEXT", "@h", "@hc",
// "@footnote", "@table [plain] WIDTHS" ... "@endtable" with "@th" header rows,
// "@group NO | TITLE" rows and body rows of cells split by "|"; other lines
// are body paragraphs.  Inline **bold** and *italic* are stripped here.
#ifndef KEHOACH_TESTS_SUPPORT_PLAN_SOURCE_H_
#define KEHOACH_TESTS_SUPPORT_PLAN_SOURCE_H_

#include <optional>
#include <string>
#include <vector>

namespace kh {

struct PlanSource {
  // A line of the two-column header or signature block.
  struct SideLine {
    char side = 'L';  // 'L' or 'R'
    char mark = 0;    // '*', '/', '_' or 0
    std::string text;
  };
  struct Row {
    enum Kind { kHeader, kGroup, kBody } kind = kBody;
    // Body rows: one cell per column, a merged cell holding the text of the
    // cell it is merged into.  Group rows: {number, title}.
    std::vector<std::string> cells;
    std::vector<bool> merged;  // per cell: "^" or "<" in the source
  };
  struct Table {
    bool plain = false;  // drawn without rulings
    std::vector<Row> rows;
  };
  struct Center {
    bool bold = false;
    std::string text;
    size_t block = 0;  // its place among all printed blocks (lines of text)
  };

  std::vector<SideLine> header;
  std::vector<SideLine> sign;
  std::vector<Center> centers;  // @center and @center*, in order
  std::vector<Table> tables;    // @table blocks, in order
  std::string text;             // all printed text, a block per line
};

// Reads the file at path; false with *error set on a malformed file.
bool ReadPlanSource(const std::string& path, PlanSource* out, std::string* error);

// Inline markup stripped: "**a** *b*" -> "a b"; "\n" inside a cell -> " ";
// runs of spaces kept (drafts leave blanks that way).
std::string StripInline(const std::string& s);

// The facts a person reads straight off the header and the signature block.
struct SourceFacts {
  std::optional<std::string> number;  // after "Số:"; none when left blank
  std::string place;                  // before ", ngày"
  std::optional<std::string> date;    // ISO; none when day or month is blank
  std::string kind_line;              // the centred bold line naming the type ("KẾ HOẠCH")
  std::string title;                  // the centred bold lines under it, joined by a space
  std::vector<std::string> sign_roles;  // upper-case lines of the signature's right column
  std::optional<std::string> signer;    // its last mixed-case line: the name
};
SourceFacts FactsOf(const PlanSource& src);

// "ngày 25 tháng 12 năm 2025" or "ngày 24/3/2018" (or "24/3/2018") at the
// start of s (after spaces): the ISO date, or none.
std::optional<std::string> LeadingDate(const std::string& s);

}  // namespace kh

#endif  // KEHOACH_TESTS_SUPPORT_PLAN_SOURCE_H_
