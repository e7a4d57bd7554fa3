#include "rules/places.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace kh {
namespace {

using nlohmann::json;

std::optional<std::string> Opt(const json& j, const char* key) {
  if (!j.contains(key) || j[key].is_null()) return std::nullopt;
  return j[key].get<std::string>();
}

json Got(const json& e, const RuleData& d) {
  ProvinceFacts p = ReadProvince({Opt(e, "issuer"), Opt(e, "parent"), Opt(e, "place")}, Opt(e, "date"), d);
  return json{{"province", p.province ? json(*p.province) : json()},
              {"province_2025", p.province_2025 ? json(*p.province_2025) : json()}};
}

// rules/provinces.json's examples: each gives its province and
// province_2025; each counter-example none.
TEST(PlacesTest, ExamplesAndCounterExamples) {
  auto data = DefaultRuleData();
  ASSERT_TRUE(data.ok()) << data.status().message();
  json j = json::parse(data.value()->places.examples_json);
  ASSERT_GE(j["examples"].size(), 10u);
  for (const json& e : j["examples"]) {
    json got = Got(e, *data.value());
    EXPECT_EQ(got["province"], e["province"]) << e.dump();
    EXPECT_EQ(got["province_2025"], e["province_2025"]) << e.dump();
  }
  ASSERT_FALSE(j["counter_examples"].empty());
  for (const json& e : j["counter_examples"]) EXPECT_EQ(Got(e, *data.value())["province"], json()) << e.dump();
}

// The data as loaded: the 696 districts of admin_units.json, and every one
// of the 63 provinces in one of the 34.
TEST(PlacesTest, EveryDistrictAndProvinceHasItsPlace) {
  auto data = DefaultRuleData();
  ASSERT_TRUE(data.ok());
  const RuleData& d = *data.value();
  EXPECT_EQ(d.places.districts.units.size(), 696u);
  EXPECT_EQ(d.places.districts.levels, (std::vector<std::string>{"quan", "huyen", "thi xa", "thanh pho"}));
  // The 3,321 communes, wards and special zones of the 34 (2025-07-01).
  EXPECT_EQ(d.places.communes.units.size(), 3321u);
  EXPECT_EQ(d.places.communes.levels, (std::vector<std::string>{"phuong", "xa", "dac khu"}));
  for (const District& c : d.places.communes.units) EXPECT_FALSE(d.provinces[c.province].after_merger.empty()) << c.name;
  std::set<std::string> merged;
  for (const Province& p : d.provinces) {
    EXPECT_FALSE(p.after_merger.empty()) << p.name;
    merged.insert(p.after_merger);
  }
  EXPECT_EQ(merged.size(), 34u);
  EXPECT_EQ(ProvinceAfterMerger("Sóc Trăng", d), "Cần Thơ");
  EXPECT_EQ(ProvinceAfterMerger("Hà Giang", d), "Tuyên Quang");
  EXPECT_EQ(ProvinceAfterMerger("Thừa Thiên Huế", d), "Huế");
  EXPECT_FALSE(ProvinceAfterMerger("Bỉm Sơn", d).has_value());
}

}  // namespace
}  // namespace kh
