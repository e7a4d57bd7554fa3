// compare: plans side by side, for auditors.  Reads the JSON that
// `kehoach extract` writes (the public contract, schema/kehoach.schema.json),
// so it works on archived outputs without the PDFs, and builds one table:
// indicator x plan, each cell the plan's target for that indicator.
//
//   ReadPlanJson(file) -> PlanSummary ... -> Compare() -> Comparison
//                                                      -> ToCsv / ToHtml / WriteXlsx
//
// Which target fills a cell: a plan may name one indicator more than once
// (in its objectives and again in its task table).  The cell shows the first
// target in reading order outside tables, else the first in a table; `others`
// counts the rest, which the long CSV and the workbook's Targets sheet list.
//
// Plans are ordered by province, then by the start of their period (or the
// year of their date), so one province's plans read left to right in time
// (2019, 2023, 2026-2030); Timelines() gives, for each province with two or
// more plans, that view alone.  The province is the plan's own (as of its
// date: one of the 63 before 2025-07-01) or, grouped by
// GroupBy::kProvince2025, the one of the 34 it lies in since the merger, so
// that a 2024 plan of Sóc Trăng and a 2026 plan of Cần Thơ read as one
// province's (rules/places.h; a JSON older than schema 1.6 gets it from its
// province).
#ifndef KEHOACH_COMPARE_COMPARE_H_
#define KEHOACH_COMPARE_COMPARE_H_

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/plan.h"
#include "common/status.h"
#include "rules/rule_data.h"

namespace kh {

// What compare needs of one plan.
struct PlanSummary {
  std::string file;  // the PDF the plan was read from (source.file)
  std::string province, province_2025, issuer, number, date, title;  // "" when unknown
  std::string group;  // the province it is grouped by (Compare sets it)
  std::optional<int> period_from, period_to;
  std::vector<Target> targets;

  // "Cần Thơ 2026–2030", "Cà Mau 2023": its group's province and period (or
  // year); "Cần Thơ (Sóc Trăng) 2024" when that is not its own province.
  std::string Label() const;
  // The year the plan starts: period_from, else the year of the date.
  std::optional<int> StartYear() const;
};

// Parses one kehoach JSON document (schema id "kehoach.plan", major version
// 1).  kInvalidInput if it is not one.
Result<PlanSummary> ReadPlanJson(const std::string& json_text);

struct IndicatorColumn {
  std::string id, name_vi, name_en;
};

struct ComparisonCell {
  Target target;   // the one shown
  int others = 0;  // further targets of the plan for this indicator
};

struct Comparison {
  std::vector<PlanSummary> plans;           // ordered by province, then start year
  std::vector<IndicatorColumn> indicators;  // catalogue order; only those some plan has
  std::map<std::pair<size_t, size_t>, ComparisonCell> cells;  // (indicator, plan) -> cell
  std::vector<std::pair<size_t, size_t>> all_targets;  // (plan, index in its targets) with an indicator, reading order

  const ComparisonCell* Cell(size_t indicator, size_t plan) const;
  // Provinces with two or more plans, each with its plans' indexes in time order.
  std::vector<std::pair<std::string, std::vector<size_t>>> Timelines() const;
};

enum class GroupBy { kProvince, kProvince2025 };

Comparison Compare(std::vector<PlanSummary> plans, const RuleData& rules, GroupBy by = GroupBy::kProvince);

// "≥ 97%", "> 80%", "25–35%", "↓ 15%" (a reduction), "= 100%" shown as "100%";
// a quantity with its unit: "< 109 bé trai/100 bé gái", "≥ 1 sàn giao dịch dữ liệu".
std::string DisplayValue(const Target& t);

// The long table: one row per (indicator, plan) cell, with the plan's facts,
// the year due, comparator, value, max, direction, metric and page.  RFC 4180
// quoting, UTF-8 with a byte-order mark so spreadsheet programs read it right.
std::string ToCsv(const Comparison& c);

// One self-contained HTML page (no scripts, no external files): the matrix,
// a small bar chart (inline SVG) per indicator, and one table per province
// over time.  Every figure cell carries data-indicator, data-plan (the PDF
// path), data-value, data-max and data-comparator, so tests can check the page
// against the JSON.
std::string ToHtml(const Comparison& c);

// The workbook: sheets Matrix, Targets (every target with an indicator),
// Plans, and one "Over time" sheet for provinces with several plans.
Status WriteXlsx(const Comparison& c, const std::string& path);

}  // namespace kh

#endif  // KEHOACH_COMPARE_COMPARE_H_
