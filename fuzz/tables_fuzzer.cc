// Fuzz target: the table builder (ruled and borderless grids, tables joined
// over pages, repeated headers) with the layout around it and the task-row
// reader after it, from exact words and rulings (synthetic_pages.h's page
// dump format, so real pages can seed it).
//
// Checks, besides "no crash, no sanitizer report", that every table is a
// grid: each cell inside the table's rows and columns, its spans at least
// 1, cells in (row, col) order, and At() finds each cell at its own
// position; every row's page is a page of the document.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "extractor/layout.h"
#include "fuzz/fuzz_check.h"
#include "tests/support/synthetic_pages.h"
#include "rules/rule_data.h"
#include "rules/tasks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const auto tasks = [] {
    auto rules = kh::DefaultRuleData();
    FUZZ_CHECK(rules.ok(), "the rules load");
    auto t = kh::TaskExtractor::Create(rules.value());
    FUZZ_CHECK(t.ok(), "the task reader builds");
    return t.value();
  }();
  std::string_view in(reinterpret_cast<const char*>(data), size);
  kh::RawDocument doc = kh::ParsePageDump(in);
  const int pages = static_cast<int>(doc.pages.size());
  kh::LaidOutDocument laid = kh::Layout(std::move(doc));
  for (const kh::Table& t : laid.tables) {
    const int rows = static_cast<int>(t.rows.size());
    FUZZ_CHECK(t.columns >= 0, "a table has columns");
    for (const kh::TableRow& r : t.rows) FUZZ_CHECK(r.page >= 1 && r.page <= pages, "a row's page");
    for (size_t i = 0; i < t.cells.size(); ++i) {
      const kh::TableCell& c = t.cells[i];
      FUZZ_CHECK(c.row_span >= 1 && c.col_span >= 1, "a cell spans at least one row and column");
      FUZZ_CHECK(c.row >= 0 && c.row + c.row_span <= rows, "a cell lies within the table's rows");
      FUZZ_CHECK(c.col >= 0 && c.col + c.col_span <= t.columns, "a cell lies within the table's columns");
      if (i > 0) {
        const kh::TableCell& b = t.cells[i - 1];
        FUZZ_CHECK(b.row < c.row || (b.row == c.row && b.col < c.col), "cells are in (row, col) order");
      }
      FUZZ_CHECK(t.At(c.row, c.col) == &c, "At() finds a cell at its own position");
    }
  }
  kh::TaskContext ctx;
  ctx.plan_year = 2025;
  for (const kh::Task& task : tasks->Extract(laid.tables, ctx)) {
    FUZZ_CHECK(task.table >= 0 && task.table < static_cast<int>(laid.tables.size()), "a task's table exists");
  }
  return 0;
}
