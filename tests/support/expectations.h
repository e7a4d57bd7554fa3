// What the golden and scan tests compare the program's JSON against, and how.
//
// An expectation comes from reading the document, never from the program:
//  - corpus/NAME.expected.json: what a person wrote while reading the PDF and
//    its source corpus/src/NAME.plan (dates as ISO, units split, the metric of
//    each target in a person's words, pages);
//  - corpus/src/NAME.plan, read by tests/support/plan_source.h: the number,
//    date, place, title and signer printed in the header and signature, the
//    text every reference number and figure must be found in, and every task
//    table cell.  CheckAgainstSource() holds the hand-written file to it.
//
// What the program still gets wrong is listed once, in corpus/known_gaps.json.
// A Ledger collects every difference between program and expectation; one
// that is listed is reported as a gap, one that is not fails the test, and a
// listed gap that no longer occurs fails too (the list must stay true).
#ifndef KEHOACH_TESTS_SUPPORT_EXPECTATIONS_H_
#define KEHOACH_TESTS_SUPPORT_EXPECTATIONS_H_

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "tests/support/plan_source.h"
#include "tests/support/text_match.h"

namespace kh {

// The JSON file at path; a test failure and null if it cannot be read.
nlohmann::json LoadJson(const std::string& path);

// ---- differences and known gaps --------------------------------------------

class Ledger {
 public:
  // Loads corpus/known_gaps.json: [{"id", "doc", "path", "why"}].
  explicit Ledger(const std::string& doc, const std::string& gaps_file);

  // want == got, or a difference at path ("document.signer.role",
  // "targets[3].metric", "tasks[12].lead", "legal_references[61/2018/NĐ-CP].date").
  void Equal(const std::string& path, const nlohmann::json& want, const nlohmann::json& got);
  void Differ(const std::string& path, const std::string& what);

  // Reports gaps ("[ GAP ] id: path: what"), fails the test for every
  // unlisted difference and every listed gap that did not occur.
  void Finish();

  int differences() const { return static_cast<int>(diffs_.size()); }

 private:
  std::string doc_;
  std::map<std::string, std::string> gaps_;  // path -> id
  std::vector<std::pair<std::string, std::string>> diffs_;
};

// ---- the hand-written expectation against its source ------------------------

// Every check that the expected file of a corpus plan agrees with the plan's
// source: facts, reference numbers and dates, target quotes and figures (and
// that every percentage of the source is accounted for), task rows and cells.
// Adds a test failure per disagreement; a failure here means the expected
// file is wrong, not the program.
void CheckAgainstSource(const nlohmann::json& want, const PlanSource& src);

// The expected task rows completed from the source's tables: adds "task",
// "product" and "timeline.text" from the cells named by want["tables"].
nlohmann::json TasksWithCells(const nlohmann::json& want, const PlanSource& src);

// Compares the program's output with the expectation, difference by difference.
void CompareDocument(const nlohmann::json& want, const nlohmann::json& got, Ledger* ledger);
void CompareReferences(const nlohmann::json& want, const nlohmann::json& got, Ledger* ledger);
void CompareTargets(const nlohmann::json& want, const nlohmann::json& got, Ledger* ledger);
void CompareTasks(const nlohmann::json& want_tasks, const nlohmann::json& got, Ledger* ledger);

}  // namespace kh

#endif  // KEHOACH_TESTS_SUPPORT_EXPECTATIONS_H_
