// ocr_repairs: the OCR slips that matter to the rules, mended on OCR'd words.
//
// Data: rules/ocr_repairs.json.  A repair is either a whole-word swap
// ("Üy" -> "Ủy"; optionally only at the start of a line, or only before
// certain words: "Uy" -> "Ủy" before "ban", never in "uy tín"), or the
// built-in zero_in_number: O/o -> 0 inside a run of digits ("2O25",
// "1OO%"), never in words such as "CO2" or "ISO"; or eth_in_symbol: the Đ
// of a document symbol read as "ĐÐ" or "ĐÐĐ"; or in_symbol: a pattern and
// its rewrite applied only to words that look like a document number (a
// digit, an upper-case letter and a '/', '-' or fraction slash):
// "133QĐ-T1g" -> "133/QĐ-TTg", "2]75-CW/TĐTN" -> "2175-CV/TĐTN" (also to a
// symbol OCR cut after its hyphen or slash into two words, "1944/QĐ-"
// "TIg", the second word taking the mended rest); or phrase:
// a run of words whose letters without marks are a listed phrase's gets the
// phrase's marks ("phòng, chông" -> "phòng, chống", "liên quan đên" ->
// "liên quan đến"); or person_name: in a run of three or four capitalised
// words, a first word that is a listed surname without its marks ("Trân
// Phước Hiên" -> "Trần Phước …") and a last word that is a listed given name
// the same way, unless the word as printed is listed itself; or
// joined_syllables: a word in capitals, with a Vietnamese letter, five
// letters or more, that is no syllable but a run of them, each after the
// first opening with a consonant ("ANTỈNHLÂMĐỎNG", a line whose spaces OCR
// lost; not "QUYÉT", a slip in one word) becomes those syllables
// with spaces between (normalizer/syllables.h Split).  Every
// repair that applies to a word is made, in file order.  Only OCR output is
// repaired; a PDF's own text is what its author typed.
//
//   OcrRepairer r(rule_data->ocr_repairs);
//   int n = r.Repair(&words, line_start);   // words: one page, reading order
#ifndef KEHOACH_RULES_OCR_REPAIRS_H_
#define KEHOACH_RULES_OCR_REPAIRS_H_

#include <memory>
#include <string>
#include <vector>

#include "rules/rule_data.h"

namespace kh {

class OcrRepairer {
 public:
  // The rules must outlive the repairer; their patterns were checked when
  // the rule data was loaded.
  // `syllables`: the inventory the joined_syllables repair splits with.
  OcrRepairer(const std::vector<OcrRepairRule>& rules, const SyllableRules& syllables);
  ~OcrRepairer();
  // words[i] starts a line if line_start[i] (same size as words).  Returns
  // how many words were changed.
  int Repair(std::vector<std::string>* words, const std::vector<bool>& line_start) const;
  // One line of space-separated words (the form of the data's examples).
  std::string RepairLine(const std::string& line) const;

 private:
  // The repairs of several words: phrase and person_name.
  int RepairWords(std::vector<std::string>* words, const std::vector<bool>& line_start) const;

  struct Impl;
  const std::vector<OcrRepairRule>& rules_;
  std::unique_ptr<Impl> impl_;  // the in_symbol patterns, compiled
};

// True for a word that looks like a document number or symbol: it holds an
// ASCII digit, an upper-case letter (Đ included) and a '/', '-' or U+2044.
bool LooksLikeSymbol(const std::string& word);

// O/o -> 0 where a run of digits and O's holds a digit and stands between
// non-letters: "2O25" -> "2025", "CO2" unchanged.
std::string ZeroInNumber(const std::string& word);

// In a word with a "/" (a document number or symbol), a run of Đ and the
// Icelandic Ð (U+00D0, never Vietnamese) that holds a Ð is one Đ:
// "87/HĐÐĐND-KTNS" -> "87/HĐND-KTNS", "304/QÐ-UB" -> "304/QĐ-UB".
std::string EthInSymbol(const std::string& word);

}  // namespace kh

#endif  // KEHOACH_RULES_OCR_REPAIRS_H_
