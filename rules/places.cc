#include "rules/places.h"

#include "common/strings.h"
#include "normalizer/normalizer.h"

namespace kh {

namespace {

// Whether the folded text names a body that is not a province's: a ministry
// or a unit under one (rules/issuers.json bodies that are not local).
bool Central(const std::string& folded, const RuleData& data) {
  for (const Body& b : data.bodies)
    for (const std::string& a : b.aliases)
      if (!b.local && !b.place_only && folded.rfind(a, 0) == 0 && (folded.size() == a.size() || folded[a.size()] == ' '))
        return true;
  return false;
}

// The province named anywhere in the folded text, as whole words.
const Province* ProvinceIn(const std::string& folded, const RuleData& data) {
  std::vector<std::string> fw = SplitWords(folded);
  for (size_t i = 0; i < fw.size(); ++i) {
    size_t len = 0;
    if (const Province* p = data.ProvinceAtStart(JoinWords(fw, i, fw.size()), &len)) return p;
  }
  return nullptr;
}

// The province of the district the folded text names: "... thi xa bim son"
// (a level, then the name) or, if `bare`, a text that is the name alone (a
// date line's place).  Null when no district or districts of several
// provinces have the name (the level, when given, narrows it first).
const Province* DistrictProvince(const std::string& folded, bool bare, const RuleData& data) {
  std::vector<std::string> fw = SplitWords(folded);
  auto province_of = [&](const std::string& name, const std::string& level) -> const Province* {
    const Province* found = nullptr;
    bool several = false;
    auto [begin, end] = data.places.by_folded.equal_range(name);
    for (int pass = 0; pass < 2 && found == nullptr && !several; ++pass)
      for (auto it = begin; it != end; ++it) {
        const District& d = data.places.districts[it->second];
        if (pass == 0 && !level.empty() && d.level != level) continue;
        const Province* p = &data.provinces[d.province];
        if (found != nullptr && found != p) several = true;
        found = p;
      }
    return several ? nullptr : found;
  };
  if (bare) return province_of(folded, "");
  std::vector<std::vector<std::string>> level_words;
  for (const std::string& level : data.places.levels) level_words.push_back(SplitWords(level));
  for (size_t i = 0; i < fw.size(); ++i)
    for (size_t k = 0; k < level_words.size(); ++k) {
      const std::string& level = data.places.levels[k];
      const std::vector<std::string>& lw = level_words[k];
      if (i + lw.size() >= fw.size() || JoinWords(fw, i, i + lw.size()) != level) continue;
      // The longest name after the level that is a district's.
      for (size_t end = fw.size(); end > i + lw.size(); --end)
        if (const Province* p = province_of(JoinWords(fw, i + lw.size(), end), level)) return p;
    }
  return nullptr;
}

}  // namespace

std::optional<std::string> ProvinceAfterMerger(const std::string& province, const RuleData& data) {
  const Province* p = data.ProvinceByName(Fold(province));
  if (p == nullptr || p->after_merger.empty()) return std::nullopt;
  return p->after_merger;
}

ProvinceFacts ReadProvince(const PlaceNames& names, const std::optional<std::string>& date, const RuleData& data) {
  ProvinceFacts out;
  // The bodies' own names first; the place only for a body of a province.
  bool central = false;
  for (const std::optional<std::string>* body : {&names.parent, &names.issuer})
    central = central || (*body && Central(Fold(**body), data));
  const Province* p = nullptr;
  for (const std::optional<std::string>* src : {&names.parent, &names.issuer})
    if (p == nullptr && *src) p = ProvinceIn(Fold(**src), data);
  for (const std::optional<std::string>* src : {&names.parent, &names.issuer})
    if (p == nullptr && *src) p = DistrictProvince(Fold(**src), false, data);
  if (p == nullptr && names.place && !central) p = ProvinceIn(Fold(*names.place), data);
  if (p == nullptr && names.place && !central) p = DistrictProvince(Fold(*names.place), true, data);
  if (p == nullptr) return out;
  out.province = p->name;
  out.province_2025 = p->after_merger;
  if (date && !data.places.merger_date.empty() && *date >= data.places.merger_date) out.province = p->after_merger;
  return out;
}

}  // namespace kh
