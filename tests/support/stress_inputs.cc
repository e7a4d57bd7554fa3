#include "tests/support/stress_inputs.h"

namespace kh {

namespace {

// `unit` again and again up to `bytes`, in lines of about 90 bytes (one
// paragraph: the lines run on) or, if one_line, all on one line.
std::string Repeat(const std::string& unit, size_t bytes, bool one_line) {
  std::string out;
  out.reserve(bytes + 100);
  size_t line = 0;
  while (out.size() < bytes) {
    out += unit;
    line += unit.size();
    if (!one_line && line >= 90) {
      out.back() = '\n';
      line = 0;
    }
  }
  return out;
}

std::string Table(size_t bytes) {
  std::string out =
      "|STT|Nội dung công việc|Sản phẩm|Cơ quan chủ trì|Cơ quan phối hợp|Thời gian thực hiện\n";
  for (int i = 1; out.size() < bytes; ++i) {
    out += "|" + std::to_string(i) + "|Rà soát thủ tục hành chính số " + std::to_string(i) +
           "|Báo cáo|Sở Nội vụ|Các sở, ngành|Quý " + (i % 4 == 0 ? "IV" : i % 4 == 1 ? "I" : i % 4 == 2 ? "II" : "III") +
           "/2025\n";
  }
  return out;
}

}  // namespace

const std::vector<StressKind>& StressKinds() {
  static const std::vector<StressKind> kinds = {
      {"ref_prefixes", "'Quyết định số' with no number, again and again: look-ahead from every keyword"},
      {"ref_prefixes_line", "the same on one line: one line of 100 000 words"},
      {"slash_chain", "a document number of endless parts (1/2/3/.../QĐ-UBND): number scanners"},
      {"dates", "'ngày 1 tháng 2 năm' cut short, again and again: date look-ahead"},
      {"percents", "a clause of endless percentages: sharing words out between figures"},
      {"ranges", "'từ 30% - 35% - 40% ...' one endless range: range and comparator scanning"},
      {"parens", "parentheses opened and never closed, figures inside: depth tracking"},
      {"headings", "outline marks on every line (I., 1., a), -): the heading stack"},
      {"table", "a ruled task table of thousands of rows: the table builder and task reader"},
      {"long_word", "one word with no space: word and line building"},
      {"marks", "a letter with thousands of alternating combining marks: Unicode normalization"},
      {"digits", "one run of digits: number parsing (overflow, look-back)"},
  };
  return kinds;
}

std::string StressInput(const std::string& kind, size_t bytes) {
  if (kind == "ref_prefixes") return Repeat("căn cứ Quyết định số ", bytes, false);
  if (kind == "ref_prefixes_line") return Repeat("căn cứ Quyết định số ", bytes, true);
  if (kind == "slash_chain") {
    std::string s = "Quyết định số ";
    for (int i = 1; s.size() < bytes; ++i) s += std::to_string(i % 10) + "/";
    return s + "QĐ-UBND";
  }
  if (kind == "dates") return Repeat("ngày 1 tháng 2 năm ", bytes, false);
  if (kind == "percents") return Repeat("tỷ lệ đạt 95% và ", bytes, false);
  if (kind == "ranges") return "tỷ lệ từ " + Repeat("30% - ", bytes, false) + "35%";
  if (kind == "parens") return Repeat("(đạt 9% ", bytes, false);
  if (kind == "headings") return Repeat("I. 1. a) - ", bytes, false);
  if (kind == "table") return Table(bytes);
  if (kind == "long_word") return std::string(bytes, 'a');
  if (kind == "marks") {
    std::string s = "a";
    while (s.size() < bytes) s += "\xCC\x81\xCC\xA3";  // U+0301 (class 230), U+0323 (class 220)
    return s;
  }
  if (kind == "digits") return "Quyết định số " + std::string(bytes, '7') + "/QĐ-UBND";
  return "";
}

}  // namespace kh
