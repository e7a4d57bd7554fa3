// ocr_repairs: the OCR slips that matter to the rules, mended on OCR'd words.
//
// Data: rules/ocr_repairs.json.  A repair is either a whole-word swap
// ("Üy" -> "Ủy"; optionally only at the start of a line, or only before
// certain words: "Uy" -> "Ủy" before "ban", never in "uy tín"), or the
// built-in zero_in_number: O/o -> 0 inside a run of digits ("2O25",
// "1OO%"), never in words such as "CO2" or "ISO"; or eth_in_symbol: the Đ
// of a document symbol read as "ĐÐ" or "ĐÐĐ".  Only OCR output is
// repaired; a PDF's own text is what its author typed.
//
//   OcrRepairer r(rule_data->ocr_repairs);
//   int n = r.Repair(&words, line_start);   // words: one page, reading order
#ifndef KEHOACH_RULES_OCR_REPAIRS_H_
#define KEHOACH_RULES_OCR_REPAIRS_H_

#include <string>
#include <vector>

#include "rules/rule_data.h"

namespace kh {

class OcrRepairer {
 public:
  explicit OcrRepairer(const std::vector<OcrRepairRule>& rules) : rules_(rules) {}
  // words[i] starts a line if line_start[i] (same size as words).  Returns
  // how many words were changed.
  int Repair(std::vector<std::string>* words, const std::vector<bool>& line_start) const;
  // One line of space-separated words (the form of the data's examples).
  std::string RepairLine(const std::string& line) const;

 private:
  const std::vector<OcrRepairRule>& rules_;
};

// O/o -> 0 where a run of digits and O's holds a digit and stands between
// non-letters: "2O25" -> "2025", "CO2" unchanged.
std::string ZeroInNumber(const std::string& word);

// In a word with a "/" (a document number or symbol), a run of Đ and the
// Icelandic Ð (U+00D0, never Vietnamese) that holds a Ð is one Đ:
// "87/HĐÐĐND-KTNS" -> "87/HĐND-KTNS", "304/QÐ-UB" -> "304/QĐ-UB".
std::string EthInSymbol(const std::string& word);

}  // namespace kh

#endif  // KEHOACH_RULES_OCR_REPAIRS_H_
