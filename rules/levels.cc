#include "rules/levels.h"

namespace kh {

size_t LevelAt(const std::vector<std::string>& fw, size_t i, const RuleData& data) {
  for (const auto& [display, forms] : data.facts.levels)
    for (const std::string& form : forms) {
      std::string_view lv = form;
      size_t words = 0, k = i;
      bool ok = true;
      while (!lv.empty()) {
        size_t sp = lv.find(' ');
        std::string_view part = lv.substr(0, sp);
        ok = ok && k < fw.size() && fw[k] == part;
        ++k;
        ++words;
        lv = sp == std::string_view::npos ? std::string_view() : lv.substr(sp + 1);
      }
      if (ok) return words;
    }
  return 0;
}

std::string LevelDisplay(std::string_view folded, const RuleData& data) {
  for (const auto& [display, forms] : data.facts.levels)
    for (const std::string& form : forms)
      if (folded == form) return display;
  return std::string(folded);
}

}  // namespace kh
