#include "tests/support/guard_inputs.h"

#include <cstdio>

namespace kh {

std::string SimplePdf(const std::vector<std::string>& contents, const std::string& media) {
  std::vector<std::string> objs = {"<< /Type /Catalog /Pages 2 0 R >>", ""};
  std::string kids;
  for (const std::string& c : contents) {
    size_t id = objs.size() + 1;
    kids += std::to_string(id) + " 0 R ";
    objs.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [" + media + "] /Contents " + std::to_string(id + 1) +
                   " 0 R /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>");
    objs.push_back("<< /Length " + std::to_string(c.size()) + " >>\nstream\n" + c + "\nendstream");
  }
  objs[1] = "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(contents.size()) + " >>";
  std::string out = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objs.size(); ++i) {
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + objs[i] + "\nendobj\n";
  }
  size_t xref = out.size();
  out += "xref\n0 " + std::to_string(objs.size() + 1) + "\n0000000000 65535 f \n";
  char buf[32];
  for (size_t off : offsets) {
    std::snprintf(buf, sizeof buf, "%010zu 00000 n \n", off);
    out += buf;
  }
  out += "trailer\n<< /Size " + std::to_string(objs.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return out;
}

std::string ManyWordsPdf(int words) {
  std::string body = "BT /F1 5 Tf\n";
  char buf[96];
  for (int i = 0; i < words; ++i) {
    std::snprintf(buf, sizeof buf, "1 0 0 1 %d %d Tm (w%d) Tj\n", 10 + (i % 250) * 8, 1990 - (i / 250) * 8, i % 10);
    body += buf;
  }
  body += "ET";
  return SimplePdf({body}, "0 0 2010 2010");
}

namespace {

Word MakeWord(const std::string& t, double x, double y) {
  Word word;
  word.text = t;
  word.box = {x, y, x + 6.0 * static_cast<double>(t.size()), y + 14};
  word.size = 13;
  return word;
}

}  // namespace

std::vector<Line> AlignedLines(int lines) {
  std::vector<Line> out = GroupLines({MakeWord("a", 85, 10), MakeWord("b", 200, 10), MakeWord("c", 300, 10)}, 1);
  for (int i = 1; i < lines; ++i) out.push_back(GroupLines({MakeWord("chữ", 85, 10.0 + 16 * i)}, 1).front());
  return out;
}

std::vector<Ruling> RuledGrid(int per_way) {
  std::vector<Ruling> rs;
  for (int i = 0; i < per_way; ++i) {
    double at = 10 + 6 * i, end = 10 + 6 * per_way;
    rs.push_back(Ruling{{10, at - 0.25, end, at + 0.25}});
    rs.push_back(Ruling{{at - 0.25, 10, at + 0.25, end}});
  }
  return rs;
}

std::string Repeated(const std::string& piece, size_t bytes) {
  std::string s;
  s.reserve(bytes + piece.size());
  while (s.size() < bytes) s += piece;
  return s;
}

}  // namespace kh
