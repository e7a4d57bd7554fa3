// WriteXlsx: the only file that uses libxlsxwriter.
#include <xlsxwriter.h>

#include <cstdio>
#include <map>
#include <unistd.h>

#include "compare/compare.h"

namespace kh {

namespace {

// Sheet names: at most 31 characters, none of []:*?/\ .
std::string SheetName(std::string s) {
  for (char& ch : s)
    if (std::string_view("[]:*?/\\").find(ch) != std::string_view::npos) ch = ' ';
  if (s.size() > 31) {
    size_t cut = 31;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 sequence
    s.resize(cut);
  }
  return s;
}

void Str(lxw_worksheet* ws, int r, int c, const std::string& s, lxw_format* f = nullptr) {
  worksheet_write_string(ws, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c), s.c_str(), f);
}

void MatrixSheet(lxw_worksheet* ws, const Comparison& c, const std::vector<size_t>& plans,
                 lxw_format* head, lxw_format* wrap) {
  Str(ws, 0, 0, "Chỉ tiêu / Indicator", head);
  Str(ws, 0, 1, "id", head);
  Str(ws, 1, 0, "Cơ quan ban hành", head);
  Str(ws, 2, 0, "Số", head);
  Str(ws, 3, 0, "Giai đoạn / năm", head);
  for (size_t k = 0; k < plans.size(); ++k) {
    const PlanSummary& p = c.plans[plans[k]];
    int col = 2 + static_cast<int>(k);
    Str(ws, 0, col, p.Label(), head);
    Str(ws, 1, col, p.issuer, wrap);
    Str(ws, 2, col, p.number);
    Str(ws, 3, col, p.date);
  }
  int row = 4;
  for (size_t i = 0; i < c.indicators.size(); ++i) {
    bool any = false;
    for (size_t p : plans) any = any || c.Cell(i, p);
    if (!any) continue;
    Str(ws, row, 0, c.indicators[i].name_vi, wrap);
    Str(ws, row, 1, c.indicators[i].id);
    for (size_t k = 0; k < plans.size(); ++k) {
      const ComparisonCell* cell = c.Cell(i, plans[k]);
      if (cell == nullptr) continue;
      std::string v = DisplayValue(cell->target);
      if (cell->target.year) v += " (" + std::to_string(*cell->target.year) + ")";
      Str(ws, row, 2 + static_cast<int>(k), v);
    }
    ++row;
  }
  worksheet_set_column(ws, 0, 0, 60, nullptr);
  worksheet_set_column(ws, 1, 1, 26, nullptr);
  worksheet_set_column(ws, 2, static_cast<lxw_col_t>(1 + std::max<size_t>(plans.size(), 1)), 22, nullptr);
  worksheet_freeze_panes(ws, 4, 2);
}

}  // namespace

Status WriteXlsx(const Comparison& c, const std::string& path) {
  // Written beside the target and renamed, so a reader never sees half a file.
  std::string tmp = path + ".tmp." + std::to_string(::getpid());
  lxw_workbook* wb = workbook_new(tmp.c_str());
  if (wb == nullptr) return Status::IoError(path + ": cannot create");
  lxw_format* head = workbook_add_format(wb);
  format_set_bold(head);
  format_set_text_wrap(head);
  format_set_bg_color(head, 0xF4F6FA);
  lxw_format* wrap = workbook_add_format(wb);
  format_set_text_wrap(wrap);

  std::vector<size_t> all(c.plans.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = i;
  MatrixSheet(workbook_add_worksheet(wb, "Matrix"), c, all, head, wrap);

  lxw_worksheet* ts = workbook_add_worksheet(wb, "Targets");
  const char* cols[] = {"indicator", "indicator_vi", "province", "issuer", "number", "date", "year_due", "comparator",
                        "value", "max", "direction", "metric", "section", "page", "in_table", "file", "province_2025"};
  for (int k = 0; k < 17; ++k) Str(ts, 0, k, cols[k], head);
  int row = 1;
  std::map<std::string, std::string> names;
  for (const IndicatorColumn& ic : c.indicators) names[ic.id] = ic.name_vi;
  for (const auto& [p, k] : c.all_targets) {
    const PlanSummary& pl = c.plans[p];
    const Target* t = &pl.targets[k];
    const std::string& name = names[*t->indicator];
    std::string section;
    for (const std::string& s : t->section) section += (section.empty() ? "" : " > ") + s;
    Str(ts, row, 0, *t->indicator);
    Str(ts, row, 1, name);
    Str(ts, row, 2, pl.province);
    Str(ts, row, 3, pl.issuer);
    Str(ts, row, 4, pl.number);
    Str(ts, row, 5, pl.date);
    if (t->year) worksheet_write_number(ts, row, 6, *t->year, nullptr);
    Str(ts, row, 7, t->comparator);
    worksheet_write_number(ts, row, 8, t->value, nullptr);
    if (t->max) worksheet_write_number(ts, row, 9, *t->max, nullptr);
    Str(ts, row, 10, t->direction);
    Str(ts, row, 11, t->metric);
    Str(ts, row, 12, section);
    worksheet_write_number(ts, row, 13, t->where.page, nullptr);
    worksheet_write_boolean(ts, row, 14, t->in_table, nullptr);
    Str(ts, row, 15, pl.file);
    Str(ts, row, 16, pl.province_2025);
    ++row;
  }
  worksheet_autofilter(ts, 0, 0, static_cast<lxw_row_t>(std::max(row - 1, 0)), 16);
  worksheet_freeze_panes(ts, 1, 0);
  worksheet_set_column(ts, 11, 11, 70, nullptr);

  lxw_worksheet* ps = workbook_add_worksheet(wb, "Plans");
  const char* pcols[] = {"province", "issuer", "number", "date", "period_from", "period_to", "title", "targets", "file", "province_2025"};
  for (int k = 0; k < 10; ++k) Str(ps, 0, k, pcols[k], head);
  for (size_t p = 0; p < c.plans.size(); ++p) {
    const PlanSummary& pl = c.plans[p];
    int r = static_cast<int>(p) + 1;
    Str(ps, r, 0, pl.province);
    Str(ps, r, 1, pl.issuer);
    Str(ps, r, 2, pl.number);
    Str(ps, r, 3, pl.date);
    if (pl.period_from) worksheet_write_number(ps, r, 4, *pl.period_from, nullptr);
    if (pl.period_to) worksheet_write_number(ps, r, 5, *pl.period_to, nullptr);
    Str(ps, r, 6, pl.title);
    worksheet_write_number(ps, r, 7, static_cast<double>(pl.targets.size()), nullptr);
    Str(ps, r, 8, pl.file);
    Str(ps, r, 9, pl.province_2025);
  }

  int n = 0;
  for (const auto& [province, plans] : c.Timelines()) {
    std::string name = SheetName("Over time " + province);
    if (++n > 1) name = SheetName(name.substr(0, 27) + " " + std::to_string(n));
    lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
    if (ws == nullptr) continue;
    MatrixSheet(ws, c, plans, head, wrap);
  }
  lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR) {
    std::remove(tmp.c_str());
    return Status::IoError(path + ": " + lxw_strerror(err));
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    return Status::IoError(path + ": cannot rename into place");
  }
  return Status::OK();
}

}  // namespace kh
