// rule_data: the vocabularies and patterns under rules/*.json, loaded and
// checked.  The files are compiled into the binary; LoadRuleData(dir) reads a
// directory instead (kehoach --rules DIR), so a rule can be tried without a
// rebuild.  All matching strings are stored folded (see normalizer.h).
#ifndef KEHOACH_RULES_RULE_DATA_H_
#define KEHOACH_RULES_RULE_DATA_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "common/status.h"
#include "normalizer/syllables.h"

namespace kh {

struct DocType {
  std::string id, name;
  std::vector<std::string> words;  // folded
  std::vector<std::string> codes;  // folded ("qd", "nd", "ctr")
  std::vector<std::string> code_display;  // as written ("QĐ", "NĐ", "CTr")
  std::vector<std::string> examples;      // kind lines of this kind ("KẾ HOẠCH"), for the tests
};

struct Body {
  std::string name;                  // canonical display name
  std::vector<std::string> aliases;  // folded
  bool local = false;                // takes a level and a place after it
  bool place_only = false;           // takes a place without a level ("Thành ủy Cần Thơ")
};

struct IssuerCode {
  std::string code;    // folded; a trailing '#' means digits follow ("qh#")
  std::string display; // as written, without '#': "TTg", "UBND", "QH"
  std::string body;    // canonical body name
  bool local = false;
  bool party = false;  // a party committee: Tỉnh ủy / Thành ủy by the province's level
};

struct Province {
  std::string name;   // "Cần Thơ"
  std::string level;  // "tỉnh" / "thành phố"
  std::vector<std::string> folded;  // name and aliases, folded
  std::string after_merger;  // the province of the 34 (from 2025-07-01) it lies in: "Cần Thơ" for Sóc Trăng
};

// A unit under a province: a district of the 63 provinces
// (rules/admin_units.json, 2025-03-01) or a commune, ward or special zone of
// the 34 (rules/communes_2025.json, from 2025-07-01).
struct District {
  std::string name;    // "Bỉm Sơn"
  std::string folded;  // "bim son"
  std::string level;   // folded: "thi xa", "phuong"
  size_t province = 0;  // index in RuleData::provinces
};

// One list of such units, looked up by folded name, and the levels they are
// named by.
struct LocalUnits {
  std::vector<District> units;
  std::unordered_multimap<std::string, size_t> by_folded;  // District::folded -> index in units
  std::vector<std::string> levels;  // folded, the list's own: "huyen", "quan" …; "xa", "phuong", "dac khu"
  void Add(District d);
};

struct PatternExample {
  std::string text;
  std::string json;  // the expected references, as JSON text (checked by tests)
  std::string kind;  // the document's kind, where the example needs one ("bao_cao")
};

struct PatternSpec {
  std::string regex;  // with {TYPE}/{BODY} already expanded
  std::vector<PatternExample> examples;
  std::vector<std::string> counter_examples;
};

// A class of words around a percentage figure (rules/targets.json).
struct FigureWords {
  std::vector<std::string> words;  // folded
  std::string comparator;          // ">=", ">", "<=", "<" or "" (says nothing)
  std::string direction;           // "reduce", "maintain", "reach" or ""
};

struct TargetRules {
  std::string figure;                                // RE2, groups v1 p1 v2
  std::vector<FigureWords> before_figure, after_figure;
  std::vector<std::string> descriptive_before;       // folded phrases
  std::vector<std::string> descriptive_after;        // folded words right after a figure
  std::vector<std::string> achieved_sections;
  std::vector<std::string> achieved_heading_starts;  // folded: at a heading's start, after its number
  struct QuantityUnit {
    std::string unit;                // as written out: "con/phụ nữ"
    std::vector<std::string> words;  // folded
  };
  std::vector<QuantityUnit> quantity_units;
  std::vector<std::string> quantity_leads, count_comparators, count_joins, count_ends;  // folded
  std::vector<std::string> report_kinds;             // doc_types ids: "bao_cao"
  std::vector<std::string> looking_ahead;            // folded: a clause of a results section that still commits
  std::vector<std::string> report_target_sections;   // folded: a report's heading that looks ahead
  std::vector<std::string> strong_boundaries;
  std::vector<std::string> trailers;
  std::vector<std::string> not_metric_after;
  std::vector<std::string> lead_words, tail_words;
  std::string year_clause, year_heading;             // RE2, groups y (y2, y3)
  std::vector<PatternExample> examples;              // json: the expected targets
  std::vector<std::string> counter_examples;
};

// One entry of rules/indicators.json.
struct Indicator {
  std::string id, name_vi, name_en;
  std::vector<std::vector<std::string>> all;  // folded phrases; one of each group must occur
  std::vector<std::string> none;              // folded phrases; none may occur
  std::vector<std::string> examples, counter_examples;
};

// rules/task_tables.json: header wording -> column role, and unit lists.
struct TaskColumnRole {
  std::string role;                  // "no", "group", "task", "product", "lead", "partners", "timeline", "note"
  std::vector<std::string> headers;  // folded, punctuation dropped
};

struct Collective {
  std::vector<std::string> words;  // folded: "cac so"
  std::string head;                // as printed: "Sở"
};

struct TaskTableRules {
  std::vector<TaskColumnRole> columns;
  std::vector<std::pair<std::string, std::string>> header_examples;  // text, role
  std::vector<std::string> header_counter_examples;
  std::vector<std::string> unit_heads;   // normalized, case kept
  std::vector<Collective> collectives;
  std::vector<std::string> unit_names;   // normalized: names with a separator inside
  std::vector<std::pair<std::string, std::vector<std::string>>> unit_examples;
  std::vector<std::string> unit_counter_examples;  // each is one unit
};

// rules/timelines.json.
struct TimelineRules {
  std::vector<std::pair<std::string, std::string>> patterns;  // kind, RE2 over folded text
  std::vector<std::pair<std::string, std::vector<std::string>>> recurring;  // value, folded words
  std::vector<std::string> condition_cues;  // folded
  std::vector<PatternExample> examples;     // json: the expected fields
  std::vector<std::string> counter_examples;
};

// rules/ocr_repairs.json: one OCR slip and its repair.
struct OcrRepairRule {
  std::string id, kind;   // "word", "in_symbol", "zero_in_number" or "eth_in_symbol"
  std::string from, to;   // kind "word": the whole word, as OCR gives it
  std::string pattern, rewrite;  // kind "in_symbol": RE2 and its rewrite (\\1 ...), on a document number
  std::vector<std::string> phrases;      // kind "phrase": words as printed right
  std::vector<std::string> surnames, given_names, not_in_name;  // kind "person_name"
  bool line_start = false;          // only as a line's first word
  std::vector<std::string> next;    // only before one of these words (if any)
  std::vector<std::pair<std::string, std::string>> examples;  // ocr line, repaired
  std::vector<std::string> counter_examples;                  // left unchanged
};

// rules/syllables.json: the Vietnamese syllable inventory
// (normalizer/syllables.h reads with it).
struct SyllableRules {
  std::vector<std::string> onsets, rhymes;
  std::vector<std::string> examples, counter_examples;
};

// rules/signature_box.json: a label of the box a signing tool stamps.
struct SignatureLabel {
  std::string field;                // "signer", "organisation", "email", "time"
  std::vector<std::string> labels;  // folded, with the colon: "ky boi:"
  std::vector<std::string> examples, counter_examples;  // whole lines
};

struct RuleData {
  std::vector<DocType> doc_types;
  std::vector<std::string> kind_line_counter_examples;  // doc_types.json: lines that name no kind
  std::vector<Body> bodies;
  std::vector<IssuerCode> issuer_codes;
  std::vector<Province> provinces;
  // rules/provinces.json, admin_units.json, provinces_2025.json and communes_2025.json (rules/places.h).
  struct {
    LocalUnits districts;             // of the 63, until the merger
    LocalUnits communes;              // of the 34, from the merger on
    // Every folded word of the provinces', districts' and communes' names
    // ("dak", "krong"): words of a name that are no Vietnamese syllables.
    std::unordered_set<std::string> name_words;
    std::string merger_date;          // "2025-07-01"
    std::string examples_json;        // {"examples": [...], "counter_examples": [...]}, for the tests
  } places;
  // rules/legal_refs.json; reference and list_item share its 'number' part.
  PatternSpec reference, list_item, list_head, named_head, date, issuer, list_separator;
  TargetRules targets;
  std::vector<Indicator> indicators;  // file order = matching priority
  TaskTableRules task_tables;
  TimelineRules timelines;
  struct {
    std::vector<std::string> words;  // folded
    std::vector<std::string> examples, counter_examples;
  } body_heads;  // rules/issuers.json
  struct {
    std::vector<std::pair<std::string, std::string>> words;  // folded short form, spelt out
    std::vector<std::string> examples, counter_examples;     // "printed => display"
  } body_abbreviations;  // rules/issuers.json "abbreviations"
  std::vector<OcrRepairRule> ocr_repairs;
  SyllableRules syllables;
  SyllableSet syllable_set;  // made from `syllables` once, at load
  std::vector<SignatureLabel> signature_labels;  // rules/signature_box.json
  struct {
    std::vector<std::string> ranks;  // folded
    std::vector<std::string> chairs;  // folded: a Biên bản's signing role ("chu tri")
    std::vector<std::string> chair_examples, chair_counter_examples;
    std::vector<std::string> motto;  // folded letters only: a line with one starts a document
    std::vector<std::string> motto_examples, motto_counter_examples;
    std::vector<std::string> examples, counter_examples;
  } signer;  // rules/signer.json
  // rules/facts.json: the vocabulary of the document's own facts (facts.h).
  struct {
    std::string number_line, date_line, opening_date, period_range, period_year, period_cited;  // RE2 on folded text
    std::vector<std::string> title_end_starts;  // lower case, marks kept: "căn cứ", "thực hiện"
    std::vector<std::string> authority_prefixes, acting_prefixes;                // folded: "kt.", "q."
    std::vector<std::pair<std::string, std::vector<std::string>>> levels;        // written out, folded forms
    std::string examples_json;  // each reader's examples and counter-examples, for the tests
  } facts;
  struct {
    std::vector<std::string> marks, number_labels, date_labels;  // folded
    std::string examples_json;  // the examples and counter-examples, for the tests
  } received_stamp;  // rules/received_stamp.json

  const DocType* TypeById(std::string_view id) const;
  const DocType* TypeByWord(std::string_view folded_word) const;
  const DocType* TypeByCode(std::string_view folded_code) const;
  const Body* BodyByAlias(std::string_view folded) const;     // exact alias
  // True if the folded text starts with a body's alias or a body_heads word
  // ("cuc canh sat ..."), as whole words.
  bool StartsWithBody(std::string_view folded) const;
  const IssuerCode* IssuerByCode(std::string_view folded) const;
  const Province* ProvinceByName(std::string_view folded) const;
  const Indicator* IndicatorById(std::string_view id) const;
  // The province whose name (folded) starts `folded_text` (longest match).
  const Province* ProvinceAtStart(std::string_view folded_text, size_t* len) const;
};

// A header cell's text as task_tables.json headers are stored: folded, with
// everything but letters, digits and single spaces dropped.
std::string TaskHeaderKey(const std::string& s);

// Loads from dir ("" = the copy compiled into the binary).
Result<std::shared_ptr<const RuleData>> LoadRuleData(const std::string& dir = "");

// The compiled-in rules, loaded once.  Never fails for a released binary (the
// tests load every file); if it does, the status says which file and why.
Result<std::shared_ptr<const RuleData>> DefaultRuleData();

}  // namespace kh

#endif  // KEHOACH_RULES_RULE_DATA_H_
