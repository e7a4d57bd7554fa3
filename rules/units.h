// units: a "Cơ quan chủ trì" / "Cơ quan phối hợp" cell -> one entry per unit.
//
//   UnitSplitter s(data);
//   s.Split("Sở Giáo dục và Đào tạo, Sở Y tế")   -> {"Sở Giáo dục và Đào tạo", "Sở Y tế"}
//   s.Split("Các sở: Tư pháp, Tài chính, Khoa học và Công nghệ")
//                                   -> {"Sở Tư pháp", "Sở Tài chính", "Sở Khoa học và Công nghệ"}
//   s.Split("Các sở, ban, ngành tỉnh; UBND các huyện, thị xã, thành phố")
//                                   -> the two collective units as printed
//
// How (vocabularies in rules/task_tables.json):
//  * ';', line bullets ("- ", "+ ") and a ' - ' before a unit word always
//    separate units;
//  * a collective before a colon ("Các sở:", "Các phòng:") gives its head
//    word to each item of the list after it (items separated by ',' or 'và');
//  * otherwise ',' and 'và' separate units only when what follows starts
//    with a unit word ("Sở", "Phòng", "UBND", any all-capitals acronym,
//    lower-case "các"): "Sở Văn hóa, Thể thao và Du lịch" stays one;
//  * unit_names (names with a separator inside) are never split.
#ifndef KEHOACH_RULES_UNITS_H_
#define KEHOACH_RULES_UNITS_H_

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rules/rule_data.h"

namespace kh {

class UnitSplitter {
 public:
  explicit UnitSplitter(std::shared_ptr<const RuleData> data);

  // The units named in `text` (as printed, normalized), in order; empty for
  // an empty cell.
  std::vector<std::string> Split(std::string_view text) const;

  // Whether `piece` starts with a unit word.
  bool StartsWithUnitWord(std::string_view piece) const;

 private:
  std::shared_ptr<const RuleData> data_;
  std::vector<std::pair<std::string, std::string>> protected_names_;  // unit name -> its separators masked
};

}  // namespace kh

#endif  // KEHOACH_RULES_UNITS_H_
