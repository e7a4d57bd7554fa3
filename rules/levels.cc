#include "rules/levels.h"

#include <utility>

namespace kh {
namespace {

// Folded form, display form; longer forms first where one starts another.
const std::pair<const char*, const char*> kLevels[] = {
    {"thanh pho", "thành phố"}, {"thi tran", "thị trấn"}, {"thi xa", "thị xã"}, {"tinh", "tỉnh"},
    {"huyen", "huyện"},         {"quan", "quận"},         {"phuong", "phường"}, {"xa", "xã"}};

}  // namespace

size_t LevelAt(const std::vector<std::string>& fw, size_t i) {
  for (const auto& [folded, display] : kLevels) {
    std::string_view lv = folded;
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

std::string LevelDisplay(std::string_view folded) {
  if (folded == "tp" || folded == "tp.") return "thành phố";
  for (const auto& [f, display] : kLevels)
    if (folded == f) return display;
  return std::string(folded);
}

}  // namespace kh
