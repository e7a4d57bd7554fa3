#include "output/text_writer.h"

#include <algorithm>

#include <cstdio>

namespace kh {

std::string BlocksToText(const LaidOutDocument& doc) {
  std::string out;
  char buf[160];
  for (const Page& p : doc.pages) {
    for (const Line& l : p.dropped) {
      std::snprintf(buf, sizeof buf, "p%d dropped [%.0f %.0f %.0f %.0f] ", p.number, l.box.x0, l.box.y0, l.box.x1, l.box.y1);
      out += buf + l.Text() + "\n";
    }
    for (const Block& b : p.blocks) {
      const char* kind = b.kind == BlockKind::kBody ? "body" : b.kind == BlockKind::kCell ? "cell" : "column";
      std::snprintf(buf, sizeof buf, "p%d %s band=%d col=%d [%.0f %.0f %.0f %.0f]\n", p.number, kind, b.band, b.column,
                    b.box.x0, b.box.y0, b.box.x1, b.box.y1);
      out += buf;
      for (const Line& l : b.lines) {
        std::snprintf(buf, sizeof buf, "    [%.0f %.0f %.0f %.0f]%s ", l.box.x0, l.box.y0, l.box.x1, l.box.y1, l.bold ? " B" : "");
        out += buf + l.Text() + "\n";
      }
    }
  }
  return out;
}

std::string TablesToText(const LaidOutDocument& doc) {
  std::string out;
  char buf[200];
  for (size_t t = 0; t < doc.tables.size(); ++t) {
    const Table& table = doc.tables[t];
    std::snprintf(buf, sizeof buf, "table %zu: %s, %d columns, %zu rows, %d repeated header rows dropped\n", t,
                  table.ruled ? "ruled" : "borderless", table.columns, table.rows.size(), table.repeated_header_rows);
    out += buf;
    int row = -1;
    for (const TableCell& c : table.cells) {
      if (c.row != row) {
        row = c.row;
        const TableRow& r = table.rows[static_cast<size_t>(row)];
        std::snprintf(buf, sizeof buf, "  row %d p%d%s\n", row, r.page, r.cut ? " (cut by a page break)" : "");
        out += buf;
      }
      if (c.empty()) continue;
      std::snprintf(buf, sizeof buf, "    [%d+%d x %d+%d]", c.row, c.row_span, c.col, c.col_span);
      out += buf;
      for (const CellPiece& p : c.pieces) {
        std::snprintf(buf, sizeof buf, " p%d", p.page);
        out += buf;
      }
      out += " " + JoinLines(c.lines) + "\n";
    }
  }
  return out;
}

std::string RowsToText(const LaidOutDocument& doc) {
  std::string out;
  for (const Page& p : doc.pages) {
    std::vector<const Line*> lines;
    for (const Block& b : p.blocks)
      for (const Line& l : b.lines)
        if (l.page == p.number) lines.push_back(&l);
    for (const Line& l : p.dropped) lines.push_back(&l);
    std::sort(lines.begin(), lines.end(), [](const Line* a, const Line* b) { return a->box.y0 < b->box.y0; });
    // Lines whose vertical middles fall within each other's extent are one row.
    std::vector<std::vector<const Line*>> rows;
    for (const Line* l : lines) {
      double mid = (l->box.y0 + l->box.y1) / 2;
      if (!rows.empty()) {
        const Line* f = rows.back().front();
        double fmid = (f->box.y0 + f->box.y1) / 2;
        if ((mid >= f->box.y0 && mid <= f->box.y1) || (fmid >= l->box.y0 && fmid <= l->box.y1)) {
          rows.back().push_back(l);
          continue;
        }
      }
      rows.push_back({l});
    }
    for (auto& row : rows) {
      std::sort(row.begin(), row.end(), [](const Line* a, const Line* b) { return a->box.x0 < b->box.x0; });
      for (size_t i = 0; i < row.size(); ++i) out += (i ? " " : "") + row[i]->Text();
      out += "\n";
    }
  }
  return out;
}

}  // namespace kh
