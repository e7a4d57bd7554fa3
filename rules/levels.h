// levels: the administrative levels a body's name carries ("Ủy ban nhân dân
// *tỉnh* Cà Mau", "UBND *thị xã* Bỉm Sơn"), one list for the facts and the
// legal references: rules/facts.json "levels".
#ifndef KEHOACH_RULES_LEVELS_H_
#define KEHOACH_RULES_LEVELS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "rules/rule_data.h"

namespace kh {

// Number of words of a level at folded_words[i..] ("thanh pho" is two), 0 if
// none.
size_t LevelAt(const std::vector<std::string>& folded_words, size_t i, const RuleData& data);

// The level's display form from its folded form ("tinh" -> "tỉnh", "tp" ->
// "thành phố"): as it is spelt, whatever OCR or the printing made of its
// marks.  Unknown: the input.
std::string LevelDisplay(std::string_view folded, const RuleData& data);

}  // namespace kh

#endif  // KEHOACH_RULES_LEVELS_H_
