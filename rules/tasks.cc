#include "rules/tasks.h"

#include <algorithm>
#include <map>
#include <set>

#include "normalizer/normalizer.h"
#include "rules/numbering.h"
#include "rules/timeline.h"
#include "rules/units.h"

namespace kh {

Result<std::shared_ptr<const TaskExtractor>> TaskExtractor::Create(std::shared_ptr<const RuleData> data) {
  Result<std::shared_ptr<const TimelineParser>> tl = TimelineParser::Create(data);
  if (!tl.ok()) return tl.status();
  auto ex = std::shared_ptr<TaskExtractor>(new TaskExtractor());
  ex->timelines_ = tl.value();
  ex->units_ = std::make_shared<UnitSplitter>(data);
  ex->data_ = std::move(data);
  return std::shared_ptr<const TaskExtractor>(std::move(ex));
}

namespace {

size_t Words(const std::string& s) {
  if (s.empty()) return 0;
  return static_cast<size_t>(std::count(s.begin(), s.end(), ' ')) + 1;
}

std::string CellText(const TableCell* c) {
  if (c == nullptr || c->empty()) return "";
  std::string s = CollapseSpaces(NormalizeString(JoinLines(c->lines)));
  while (!s.empty() && s.back() == ' ') s.pop_back();
  while (!s.empty() && s.front() == ' ') s.erase(s.begin());
  return s;
}

bool AllBold(const TableCell* c) {
  if (c == nullptr || c->empty()) return false;
  for (const Line& l : c->lines)
    if (!l.bold) return false;
  return true;
}

// "1. Cải cách thể chế" -> {"1.", "Cải cách thể chế"}; no number -> {"", text}.
TaskGroup SplitMarker(const std::string& text) {
  NumberedText n = SplitNumber(text);
  return {n.number, n.text};
}

// "(1)", "1", "(12)".
bool IsColumnNumber(const std::string& s) {
  std::string t;
  for (char c : s)
    if (c != '(' && c != ')' && c != ' ') t.push_back(c);
  return !t.empty() && t.size() <= 2 && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
}

struct Columns {
  std::vector<std::string> role;    // per column; "" = not a known role
  std::vector<std::string> header;  // per column: the header text
  int body_start = 0;               // the first row after the header
  int Col(const std::string& r) const {
    for (size_t c = 0; c < role.size(); ++c)
      if (role[c] == r) return static_cast<int>(c);
    return -1;
  }
  bool IsTaskTable() const {
    return Col("task") >= 0 && (Col("product") >= 0 || Col("lead") >= 0 || Col("timeline") >= 0);
  }
};

}  // namespace

std::optional<std::string> TaskExtractor::HeaderRole(const std::string& cell_text) const {
  std::string key = TaskHeaderKey(cell_text);
  if (key.empty()) return std::nullopt;
  const std::string* best = nullptr;
  size_t best_len = 0;
  for (const TaskColumnRole& r : data_->task_tables.columns) {
    for (const std::string& h : r.headers) {
      bool match = key == h || (key.size() > h.size() && key.compare(0, h.size(), h) == 0 && key[h.size()] == ' ' &&
                                Words(key) <= Words(h) + 3);
      if (match && h.size() > best_len) {
        best = &r.role;
        best_len = h.size();
      }
    }
  }
  if (best == nullptr) {
    // A narrow column breaks a short header inside a word ("ST" / "T").
    std::string squeezed;
    for (char c : key)
      if (c != ' ') squeezed.push_back(c);
    if (squeezed.size() <= 4 && squeezed != key) {
      for (const TaskColumnRole& r : data_->task_tables.columns)
        for (const std::string& h : r.headers)
          if (h == squeezed) return r.role;
    }
    return std::nullopt;
  }
  return *best;
}

std::vector<Task> TaskExtractor::Extract(const std::vector<Table>& tables, const TaskContext& ctx) const {
  std::vector<Task> tasks;
  std::optional<Columns> previous;  // the last task table's columns
  int table_no = -1;
  for (const Table& t : tables) {
    const int nrows = static_cast<int>(t.rows.size());
    // The header: the first run of rows (within the first four) naming columns.
    Columns cols;
    cols.role.assign(static_cast<size_t>(t.columns), "");
    cols.header.assign(static_cast<size_t>(t.columns), "");
    int h0 = -1, h1 = -1;
    for (int r = 0; r < std::min(nrows, 5); ++r) {
      int named = 0, other = 0;
      for (int c = 0; c < t.columns; ++c) {
        const TableCell* cell = t.At(r, c);
        if (cell == nullptr || cell->empty() || cell->row != r || cell->col != c) continue;
        (HeaderRole(CellText(cell)) ? named : other) += 1;
      }
      bool header = named >= 2 && named >= other;
      bool sub_header = h0 >= 0 && h1 == r && named >= 1 && other == 0;
      if (header || sub_header) {
        if (h0 < 0) h0 = r;
        h1 = r + 1;
      } else if (h0 >= 0) {
        break;
      }
    }
    if (h0 >= 0) {
      for (int c = 0; c < t.columns; ++c) {
        std::vector<const TableCell*> seen;
        for (int r = h0; r < h1; ++r) {
          const TableCell* cell = t.At(r, c);
          if (cell == nullptr || cell->empty() || std::find(seen.begin(), seen.end(), cell) != seen.end()) continue;
          seen.push_back(cell);
          std::string text = CellText(cell);
          cols.header[static_cast<size_t>(c)] += (cols.header[static_cast<size_t>(c)].empty() ? "" : " / ") + text;
          if (auto role = HeaderRole(text)) cols.role[static_cast<size_t>(c)] = *role;  // the lowest named cell wins
        }
      }
      // Two task columns: the left one groups the right one.
      int first_task = cols.Col("task");
      if (first_task >= 0) {
        for (int c = first_task + 1; c < t.columns; ++c) {
          if (cols.role[static_cast<size_t>(c)] == "task" && cols.Col("group") < 0) {
            cols.role[static_cast<size_t>(first_task)] = "group";
            break;
          }
        }
      }
      // A role named twice: the second is kept as an extra column.
      std::set<std::string> roles;
      for (std::string& r : cols.role)
        if (!r.empty() && !roles.insert(r).second) r.clear();
      cols.body_start = h1;
      // A row numbering the columns.
      if (cols.body_start < nrows) {
        int numbers = 0, others = 0;
        for (int c = 0; c < t.columns; ++c) {
          const TableCell* cell = t.At(cols.body_start, c);
          if (cell == nullptr || cell->empty() || cell->row != cols.body_start || cell->col != c) continue;
          (IsColumnNumber(CellText(cell)) ? numbers : others) += 1;
        }
        if (numbers >= 2 && others == 0) ++cols.body_start;
      }
    }
    if (!cols.IsTaskTable()) {
      // A table without a header right after a task table with as many
      // columns goes on with its columns.
      if (h0 >= 0 || !previous || static_cast<int>(previous->role.size()) != t.columns) {
        if (h0 >= 0) previous.reset();
        continue;
      }
      cols = *previous;
      cols.body_start = 0;
    } else {
      ++table_no;
    }
    previous = cols;
    if (table_no < 0) table_no = 0;

    auto at = [&](int r, const char* role) -> const TableCell* {
      int c = cols.Col(role);
      return c < 0 ? nullptr : t.At(r, c);
    };
    std::vector<std::pair<int, TaskGroup>> stack;  // (level, group) of group rows
    std::optional<TaskGroup> column_group;
    const TableCell* column_group_cell = nullptr;
    int last_numbered = -1;                        // index in tasks of the last numbered task of this table
    std::map<const TableCell*, int> started;       // number cell -> the task it started
    const TableCell* numbered_in_text = nullptr;   // a group numeral's cell whose tasks number themselves
    std::vector<bool> has_text(static_cast<size_t>(nrows), false);  // a cell with text starts in the row
    for (const TableCell& c : t.cells)
      if (!c.empty() && c.row >= 0 && c.row < nrows) has_text[static_cast<size_t>(c.row)] = true;
    for (int r = cols.body_start; r < nrows; ++r) {
      if (!has_text[static_cast<size_t>(r)]) continue;  // only rows with text of their own
      const TableCell* no_cell = at(r, "no");
      std::string no = CellText(no_cell);
      // Group rows.
      const TableCell* spanning = nullptr;
      for (int c = 0; c < t.columns; ++c) {
        const TableCell* cell = t.At(r, c);
        if (cell != nullptr && !cell->empty() && cell->row == r && t.columns >= 3 && cell->col_span >= t.columns - 1 &&
            cell->col_span >= 2)
          spanning = cell;
      }
      bool group_row = spanning != nullptr;
      TaskGroup g;
      if (spanning != nullptr) {
        std::string text = CellText(spanning);
        if (no_cell != nullptr && no_cell != spanning && !no.empty()) {
          g = {no, text};
        } else {
          g = SplitMarker(text);
        }
      } else {
        bool only_titles = true, any_title = false, bold = true;
        for (int c = 0; c < t.columns; ++c) {
          const TableCell* cell = t.At(r, c);
          if (cell == nullptr || cell->empty() || cell->row != r) continue;
          const std::string& role = cols.role[static_cast<size_t>(c)];
          if (role == "task" || role == "group") {
            any_title = true;
            bold = bold && AllBold(cell);
          } else if (role != "no") {
            only_titles = false;
          }
        }
        if (only_titles && any_title && (IsRoman(no) || (no.size() == 1 && no[0] >= 'A' && no[0] <= 'Z') || bold)) {
          const TableCell* title = at(r, "task");
          if (title == nullptr || title->empty()) title = at(r, "group");
          g = {no, CellText(title)};
          if (g.no.empty()) g = SplitMarker(g.title);
          group_row = true;
        }
      }
      if (group_row) {
        int level = NumberLevel(g.no);
        while (!stack.empty() && stack.back().first >= level) stack.pop_back();
        stack.emplace_back(level, g);
        column_group.reset();
        column_group_cell = nullptr;
        last_numbered = -1;
        continue;
      }

      Task task;
      task.table = table_no;
      task.row = r;
      // A group column: its (merged) cell names the group of the rows it covers.
      const TableCell* gcell = at(r, "group");
      // A number cell merged over exactly the group cell's rows numbers the group.
      const bool number_is_groups = gcell != nullptr && no_cell != nullptr && gcell->row_span > 1 &&
                                    no_cell->row == gcell->row && no_cell->row_span == gcell->row_span;
      if (gcell != nullptr && !gcell->empty() && gcell != column_group_cell) {
        TaskGroup cg{"", CellText(gcell)};
        if (number_is_groups && !no_cell->empty()) {
          cg.no = no;
        } else {
          TaskGroup split = SplitMarker(cg.title);
          if (!split.no.empty()) cg = split;
        }
        column_group = cg;
        column_group_cell = gcell;
        last_numbered = -1;
      }
      for (const auto& [level, sg] : stack) task.groups.push_back(sg);
      if (column_group) task.groups.push_back(*column_group);

      if (!number_is_groups && no_cell != nullptr && !no_cell->empty()) {
        task.no = no;
        auto it = started.find(no_cell);
        if (no_cell->row < r && it != started.end()) {
          task.part_of = it->second;
        } else {
          started[no_cell] = static_cast<int>(tasks.size());
          last_numbered = static_cast<int>(tasks.size());
        }
      } else if (!number_is_groups && last_numbered >= 0) {
        task.part_of = last_numbered;
      }
      task.task = CellText(at(r, "task"));
      // The number column holds only the group's numeral (I, II …, merged
      // down the group's rows) and each task is numbered in its own text
      // ("1. Tham mưu …"): the number is the text's, the numeral the group's.
      if (!number_is_groups && IsRoman(task.no)) {
        TaskGroup split = SplitMarker(task.task);
        const bool own_number = !split.no.empty() && std::isdigit(static_cast<unsigned char>(split.no[0]));
        // A row of such a group without a number of its own is part of the task above.
        const bool part = !own_number && numbered_in_text == no_cell && last_numbered >= 0;
        if ((own_number || part) && (task.groups.empty() || task.groups.back().no != task.no))
          task.groups.push_back({task.no, ""});
        if (own_number) {
          task.no = split.no;
          task.task = split.title;
          task.part_of.reset();
          last_numbered = static_cast<int>(tasks.size());
          numbered_in_text = no_cell;
        } else if (part) {
          task.no.clear();
          task.part_of = last_numbered;
        }
      }
      if (cols.Col("no") < 0) {
        // No number column: the number leads the task's own text ("1.2. Rà soát ...").
        TaskGroup split = SplitMarker(task.task);
        if (!split.no.empty() && std::isdigit(static_cast<unsigned char>(split.no[0]))) {
          task.no = split.no;
          task.task = split.title;
          task.part_of.reset();
          last_numbered = static_cast<int>(tasks.size());
        }
      }
      task.product = CellText(at(r, "product"));
      task.lead_text = CellText(at(r, "lead"));
      task.partners_text = CellText(at(r, "partners"));
      task.lead = units_->Split(task.lead_text);
      task.partners = units_->Split(task.partners_text);
      task.timeline = timelines_->Parse(CellText(at(r, "timeline")), ctx.plan_year);
      task.note = CellText(at(r, "note"));
      std::set<const TableCell*> refs;
      std::set<int> pages;
      for (int c = 0; c < t.columns; ++c) {
        const TableCell* cell = t.At(r, c);
        const std::string& role = cols.role[static_cast<size_t>(c)];
        if (cell == nullptr || cell->empty() || role == "group" || !refs.insert(cell).second) continue;
        if (role.empty()) {
          std::string text = CellText(cell);
          task.extra.emplace_back(cols.header[static_cast<size_t>(c)].empty() ? "column " + std::to_string(c + 1)
                                                                              : cols.header[static_cast<size_t>(c)],
                                  text);
        }
        for (const CellPiece& p : cell->pieces) {
          task.cells.push_back({role.empty() ? "extra" : role, p.page, p.frame});
          pages.insert(p.page);
        }
      }
      task.pages.assign(pages.begin(), pages.end());
      if (task.task.empty() && task.product.empty() && task.lead.empty() && task.timeline.text.empty() && task.no.empty())
        continue;
      tasks.push_back(std::move(task));
    }
  }
  return tasks;
}

}  // namespace kh
