#include "rules/indicators.h"

#include <gtest/gtest.h>

#include "tests/rules/compiled.h"

#include <set>

#include "normalizer/normalizer.h"
#include "rules/targets.h"

namespace kh {
namespace {

std::shared_ptr<const TargetExtractor> X() { return Compiled<TargetExtractor>(); }

bool HasIndicator(const std::vector<Target>& ts, const std::string& id) {
  for (const Target& t : ts)
    if (t.indicator.value_or("") == id) return true;
  return false;
}

std::string Ids(const std::vector<Target>& ts) {
  std::string s;
  for (const Target& t : ts) s += t.indicator.value_or("null") + " ";
  return s;
}

// The catalogue is the table of this test: every example, read by the whole
// target extractor, gives a target of its indicator; no counter-example does.
TEST(IndicatorsTest, CatalogueExamplesThroughTheExtractor) {
  auto x = X();
  auto data = DefaultRuleData().value();
  ASSERT_GE(data->indicators.size(), 17u);
  for (const Indicator& ind : data->indicators) {
    SCOPED_TRACE(ind.id);
    EXPECT_FALSE(ind.examples.empty());
    EXPECT_FALSE(ind.counter_examples.empty());
    for (const std::string& e : ind.examples) {
      auto ts = x->ExtractFromString(e);
      EXPECT_TRUE(HasIndicator(ts, ind.id)) << e << "\n got: " << Ids(ts);
    }
    for (const std::string& e : ind.counter_examples) {
      auto ts = x->ExtractFromString(e);
      EXPECT_FALSE(HasIndicator(ts, ind.id)) << e;
    }
  }
}

TEST(IndicatorsTest, IdsAreUniqueAndNamed) {
  auto data = DefaultRuleData().value();
  std::set<std::string> ids;
  for (const Indicator& ind : data->indicators) {
    EXPECT_TRUE(ids.insert(ind.id).second) << ind.id;
    EXPECT_FALSE(ind.name_vi.empty()) << ind.id;
    EXPECT_FALSE(ind.name_en.empty()) << ind.id;
    EXPECT_EQ(data->IndicatorById(ind.id), &ind);
  }
}

// The list of recurring indicators, each present.
TEST(IndicatorsTest, RequiredIndicatorsPresent) {
  auto data = DefaultRuleData().value();
  for (const char* id : {"satisfaction_procedures", "satisfaction_service", "satisfaction_education",
                         "satisfaction_health", "online_payment_procedures", "online_payment_share",
                         "full_online_procedures", "online_dossiers", "digitized_records", "portal_integration",
                         "electronic_identification", "online_work_records", "digital_inspections",
                         "staff_reduction", "public_unit_budget_cut", "self_financing_units", "internal_procedures",
                         "iso_9001"})
    EXPECT_NE(data->IndicatorById(id), nullptr) << id;
}

TEST(IndicatorsTest, MatcherDirectly) {
  auto data = DefaultRuleData().value();
  auto m = IndicatorMatcher::Create(data);
  ASSERT_TRUE(m.ok());
  const Indicator* i = m.value()->Match(Fold("mức độ hài lòng của người dân về giải quyết TTHC"));
  ASSERT_NE(i, nullptr);
  EXPECT_EQ(i->id, "satisfaction_procedures");
  // whole words only: "tthcx" is not "tthc"
  EXPECT_EQ(m.value()->Match(Fold("hài lòng về tthcx")), nullptr);
  EXPECT_EQ(m.value()->Match(Fold("không có chỉ tiêu nào")), nullptr);
}

TEST(IndicatorsTest, BadCatalogueIsADataError) {
  auto data = std::make_shared<RuleData>(*DefaultRuleData().value());
  data->indicators.push_back({"broken", "x", "x", {}, {}, {}, {}});
  auto m = IndicatorMatcher::Create(data);
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().code(), Status::Code::kDataError);
}

}  // namespace
}  // namespace kh
