// tasks: the plan's task tables (extractor/tables.h) -> one Task per row.
//
//   auto ex = TaskExtractor::Create(data);        // compiles the vocabularies once
//   std::vector<Task> tasks = (*ex)->Extract(laid.tables, ctx);
//
// Which tables: a table whose first rows (up to four) name a task column and
// at least one of product / lead unit / timeline, through the header
// vocabulary in rules/task_tables.json ("TT"/"STT"; "Nội dung"/"Hoạt động"/
// "Nhiệm vụ cụ thể"; "Sản phẩm"/"Kết quả"; "Cơ quan chủ trì"/"Chủ trì"; ...),
// in any column order.  A header in two rows ("Cơ quan thực hiện" over
// "Chủ trì" | "Phối hợp") maps each column by its lowest named cell.  When two
// columns read as the task, the left one is the group column ("Nội dung" |
// "Nhiệm vụ cụ thể").  A row numbering the columns ("(1) (2) (3)") is
// skipped.  A table without a header right after a task table with as many
// columns goes on with that table's columns.
//
// Rows:
//  * a group row: a cell spanning the columns after the number, or a row with
//    only a number and a title where the number is a roman numeral or the
//    text is bold ("II | CẢI CÁCH THỂ CHẾ").  Groups nest by their numbering
//    (I. > 1. > 1.1 > a)); a group column's cell is the innermost group;
//  * every other row with text is a task, in order, even one whose number
//    repeats ("7.4" twice is two tasks);
//  * a number column holding only a group numeral (I, II … merged down the
//    group's rows) while each task numbers itself in its text ("1. Tham
//    mưu …"): the text's number is the task's `no`, taken off its text, and
//    the numeral is its group's;
//  * a row without a number of its own (none printed, or the number cell
//    merged down from the row above) is `part_of` the numbered task above:
//    a second product, deadline or sub-task.  A cell merged over several rows
//    gives its text to each of them.
// Cells: lead and partners are split into units (units.h), the timeline
// parsed (timeline.h); every cell's pieces give pages and boxes.
#ifndef KEHOACH_RULES_TASKS_H_
#define KEHOACH_RULES_TASKS_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/plan.h"
#include "common/status.h"
#include "extractor/tables.h"
#include "rules/rule_data.h"

namespace kh {

class TimelineParser;
class UnitSplitter;

struct TaskContext {
  int plan_year = 0;  // for a quarter or month printed without a year; 0 = unknown
};

class TaskExtractor {
 public:
  static Result<std::shared_ptr<const TaskExtractor>> Create(std::shared_ptr<const RuleData> data);

  std::vector<Task> Extract(const std::vector<Table>& tables, const TaskContext& ctx) const;

  // The role of a header cell ("Cơ quan chủ trì thực hiện" -> "lead"), or
  // nothing.  Exposed for the vocabulary tests.
  std::optional<std::string> HeaderRole(const std::string& cell_text) const;

  const TimelineParser& timelines() const { return *timelines_; }
  const UnitSplitter& units() const { return *units_; }

 private:
  std::shared_ptr<const RuleData> data_;
  std::shared_ptr<const TimelineParser> timelines_;
  std::shared_ptr<const UnitSplitter> units_;
};

}  // namespace kh

#endif  // KEHOACH_RULES_TASKS_H_
