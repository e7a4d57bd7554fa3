#include "output/text_writer.h"

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

}  // namespace kh
