// PlanStore: plans in an embedded SQLite database, for auditors' queries.
//
//   auto store = PlanStore::Open("plans.sqlite");      // creates the tables
//   store.value()->Put(json_text, "json/plan.json");   // one plan JSON
//
// What goes in is the plan JSON of schema/kehoach.schema.json (the public
// contract), so a database can be rebuilt from a folder of outputs at any
// time.  A document is keyed by its content (source.sha256): putting the same
// document again replaces it and everything hanging off it, in one
// transaction, so a store never holds a document twice or half a document.
//
// Tables (documented with example queries in README.md, "Database"):
//   documents(doc_id, sha256 UNIQUE, file, json_path, pages, text_layer,
//             schema_version, kind, number, issuer, parent_issuer, province, province_2025,
//             place, date, title, period_from, period_to, signer_name,
//             signer_role, signer_authority)
//   legal_references(doc_id, ref_index, type, type_name, number, year,
//             issuer_code, issuer, date, mentions, first_page)
//   mentions(doc_id, ref_index, mention_index, page, x0, y0, x1, y1, text)
//   targets(doc_id, target_index, indicator, value, max, comparator,
//             direction, unit, metric, section, year, year_source, in_table,
//             page, x0, y0, x1, y1, text)
//   tasks(doc_id, task_index, table_index, row, no, part_of, group_title,
//             task, product, lead_text, partners_text, timeline_text,
//             due_from, due_to, recurring, condition, first_page)
//   task_units(doc_id, task_index, role 'lead'|'partner', unit_index, unit)
// Child rows go with their document (foreign keys, ON DELETE CASCADE).
#ifndef KEHOACH_STORE_PLAN_STORE_H_
#define KEHOACH_STORE_PLAN_STORE_H_

#include <memory>
#include <set>
#include <string>
#include <string_view>

#include "common/status.h"

namespace kh {

// PRAGMA user_version of the tables below.  2 added documents.province_2025;
// a version-1 database gets the column (null in the rows it holds until
// they are put again).
inline constexpr int kStoreVersion = 2;

class PlanStore {
 public:
  // Opens (and if needed creates) the database.  Fails on a file that is
  // not SQLite or whose tables are of another version.
  static Result<std::unique_ptr<PlanStore>> Open(const std::string& path);
  ~PlanStore();
  PlanStore(const PlanStore&) = delete;
  PlanStore& operator=(const PlanStore&) = delete;

  // Loads one plan JSON; json_path is where it lives (kept for the reader).
  // Replaces the document with the same sha256, if any.
  Status Put(std::string_view plan_json, const std::string& json_path);

  // The sha256 of every document held.
  Result<std::set<std::string>> Documents() const;

 private:
  struct Impl;
  explicit PlanStore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace kh

#endif  // KEHOACH_STORE_PLAN_STORE_H_
