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

}  // namespace kh
