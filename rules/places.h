// places: the province a document's issuer lies in, as of the document's
// date and after the 2025 merger.
//
// Vietnam had 63 provinces and centrally-run cities, and under them 696
// districts (rules/admin_units.json, the official list of 2025-03-01).  On
// 2025-07-01 the districts were abolished and the provinces merged into 34
// (rules/provinces_2025.json), so a 2024 plan of Sóc Trăng and a 2026 plan
// of Cần Thơ concern one province.  Every document gets both:
//
//   province       the province as of the document's date: one of the 63
//                  before 2025-07-01, one of the 34 from then on (a draft
//                  without a date: as printed);
//   province_2025  the one of the 34 it lies in.
//
// The province is read from the issuing body and its parent ("Ủy ban nhân
// dân tỉnh Sóc Trăng", "Sở Nội vụ" under "UBND TỈNH LÂM ĐỒNG"), else from the
// place of the date line; a body of a district ("thị xã Bỉm Sơn", "quận Ninh
// Kiều") or a place that is a district's name gives that district's
// province, when only one province has a district of that name.  A central
// body (a ministry, the Government Office, a unit under them) has no
// province, whatever city its date line names.
//
//   ProvinceFacts p = ReadProvince({issuer, parent, place}, date, data);
//
// The vocabulary is data: rules/provinces.json (names, aliases, and the
// examples the tests run through ReadProvince), rules/admin_units.json (the
// districts and the levels they are named by).
#ifndef KEHOACH_RULES_PLACES_H_
#define KEHOACH_RULES_PLACES_H_

#include <optional>
#include <string>
#include <vector>

#include "rules/rule_data.h"

namespace kh {

struct PlaceNames {
  std::optional<std::string> issuer, parent, place;  // as printed (display form)
};

struct ProvinceFacts {
  std::optional<std::string> province, province_2025;
};

// `date` is ISO ("2025-07-03") or null.
ProvinceFacts ReadProvince(const PlaceNames& names, const std::optional<std::string>& date, const RuleData& data);

// The province whose name the folded words fw[i…] start with, the name
// read with one letter wrong (OCR's "quang ngal" for "quang ngai"; two for a
// name of ten letters or more): the only province within that distance
// among the names of one to four words.  *words gets how many of fw it
// takes.  Null when none is near or two are equally near: a name not on
// the list stays as printed.
const Province* ProvinceNamedNearly(const std::vector<std::string>& fw, size_t i, const RuleData& data, size_t* words);

// The province of the 34 that `province` (a name of provinces.json) lies in;
// nullopt for a name that is no province.
std::optional<std::string> ProvinceAfterMerger(const std::string& province, const RuleData& data);

}  // namespace kh

#endif  // KEHOACH_RULES_PLACES_H_
