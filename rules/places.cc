#include "rules/places.h"

#include "common/strings.h"
#include "common/utf8.h"
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

// The province of the unit (a district, or a commune since the merger) the
// folded text names: "... thi xa bim son", "... phuong lam vien" (a level,
// then the name) or, if `bare`, a text that is the name alone (a date
// line's place).  Null when no unit or units of several provinces have the
// name (the level, when given, narrows it first).
const Province* UnitProvince(const std::string& folded, bool bare, const LocalUnits& list, const RuleData& data) {
  std::vector<std::string> fw = SplitWords(folded);
  auto province_of = [&](const std::string& name, const std::string& level) -> const Province* {
    const Province* found = nullptr;
    bool several = false;
    auto [begin, end] = list.by_folded.equal_range(name);
    for (int pass = 0; pass < 2 && found == nullptr && !several; ++pass)
      for (auto it = begin; it != end; ++it) {
        const District& d = list.units[it->second];
        if (pass == 0 && !level.empty() && d.level != level) continue;
        const Province* p = &data.provinces[d.province];
        if (found != nullptr && found != p) several = true;
        found = p;
      }
    return several ? nullptr : found;
  };
  if (bare) return province_of(folded, "");
  std::vector<std::vector<std::string>> level_words;
  for (const std::string& level : list.levels) level_words.push_back(SplitWords(level));
  for (size_t i = 0; i < fw.size(); ++i)
    for (size_t k = 0; k < level_words.size(); ++k) {
      const std::string& level = list.levels[k];
      const std::vector<std::string>& lw = level_words[k];
      if (i + lw.size() >= fw.size() || JoinWords(fw, i, i + lw.size()) != level) continue;
      // The longest name after the level that is a district's.
      for (size_t end = fw.size(); end > i + lw.size(); --end)
        if (const Province* p = province_of(JoinWords(fw, i + lw.size(), end), level)) return p;
    }
  return nullptr;
}

}  // namespace

const Province* ProvinceNamedNearly(const std::vector<std::string>& fw, size_t i, const RuleData& data, size_t* words) {
  const Province* found = nullptr;
  size_t found_words = 0, found_distance = 0;
  bool tie = false;
  for (size_t n = 1; n <= 4 && i + n <= fw.size(); ++n) {
    const std::string cand = JoinWords(fw, i, i + n);
    const size_t letters = cand.size() - (n - 1);
    if (letters < 5) continue;
    const size_t allowed = letters >= 10 ? 2 : 1;
    for (const Province& p : data.provinces)
      for (const std::string& name : p.folded) {
        size_t d = utf8::EditDistance(cand, name, allowed);
        if (d > allowed) continue;
        if (found == nullptr || d < found_distance) {
          found = &p, found_words = n, found_distance = d, tie = false;
        } else if (d == found_distance && found != &p) {
          tie = true;
        }
      }
  }
  if (found == nullptr || tie) return nullptr;
  if (words != nullptr) *words = found_words;
  return found;
}

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
  // A unit under a province: a district before the merger, a commune,
  // ward or special zone from it on (districts were abolished then).
  const bool merged = date && !data.places.merger_date.empty() && *date >= data.places.merger_date;
  const LocalUnits& units = merged ? data.places.communes : data.places.districts;
  for (const std::optional<std::string>* src : {&names.parent, &names.issuer})
    if (p == nullptr && *src) p = UnitProvince(Fold(**src), false, units, data);
  if (p == nullptr && names.place && !central) p = ProvinceIn(Fold(*names.place), data);
  if (p == nullptr && names.place && !central) p = UnitProvince(Fold(*names.place), true, units, data);
  if (p == nullptr) return out;
  out.province = p->name;
  out.province_2025 = p->after_merger;
  if (date && !data.places.merger_date.empty() && *date >= data.places.merger_date) out.province = p->after_merger;
  return out;
}

}  // namespace kh
