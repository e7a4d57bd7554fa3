#include "rules/legal_refs.h"

#include <gtest/gtest.h>

#include "tests/support/guard_inputs.h"

#include "tests/rules/compiled.h"

#include <nlohmann/json.hpp>

namespace kh {
namespace {

std::shared_ptr<const LegalRefExtractor> X() { return Compiled<LegalRefExtractor>(); }

RefContext CanTho() {
  RefContext c;
  c.province = "Cần Thơ";
  c.province_level = "thành phố";
  return c;
}

// The examples in rules/legal_refs.json are the table of this test: each
// text must give exactly the listed references, with the listed fields.
// ... and so are those of list_item (numbers cited without their type word).
TEST(LegalRefsTest, DataExamples) {
  auto x = X();
  std::vector<PatternExample> examples = x->data().reference.examples;
  ASSERT_GE(examples.size(), 15u);
  ASSERT_GE(x->data().list_item.examples.size(), 3u);
  for (const PatternExample& e : x->data().list_item.examples) examples.push_back(e);
  for (const PatternExample& e : examples) {
    SCOPED_TRACE(e.text);
    std::vector<Diagnostic> diags;
    std::vector<LegalReference> refs = x->ExtractFromString(e.text, CanTho(), &diags);
    nlohmann::json want = nlohmann::json::parse(e.json);
    ASSERT_EQ(refs.size(), want.size());
    for (size_t i = 0; i < refs.size(); ++i) {
      const nlohmann::json& w = want[i];
      const LegalReference& r = refs[i];
      if (w.contains("type")) { EXPECT_EQ(r.type, w["type"].get<std::string>()); }
      if (w.contains("number")) { EXPECT_EQ(r.number, w["number"].get<std::string>()); }
      if (w.contains("year")) {
        if (w["year"].is_null()) EXPECT_FALSE(r.year);
        else EXPECT_EQ(r.year.value_or(0), w["year"].get<int>());
      }
      if (w.contains("issuer_code")) { EXPECT_EQ(r.issuer_code, w["issuer_code"].get<std::string>()); }
      if (w.contains("issuer")) { EXPECT_EQ(r.issuer.value_or(""), w["issuer"].get<std::string>()); }
      if (w.contains("date")) { EXPECT_EQ(r.date.value_or(""), w["date"].get<std::string>()); }
      if (w.contains("mentions")) { EXPECT_EQ(r.mentions.size(), w["mentions"].get<size_t>()); }
      if (w.contains("diagnostic")) {
        bool found = false;
        for (const Diagnostic& dg : diags) found = found || dg.code == w["diagnostic"].get<std::string>();
        EXPECT_TRUE(found) << w["diagnostic"];
      }
    }
  }
}

TEST(LegalRefsTest, DataCounterExamples) {
  auto x = X();
  std::vector<std::string> counter = x->data().reference.counter_examples;
  ASSERT_GE(counter.size(), 5u);
  ASSERT_GE(x->data().list_item.counter_examples.size(), 3u);
  for (const std::string& c : x->data().list_item.counter_examples) counter.push_back(c);
  for (const std::string& c : counter) EXPECT_TRUE(x->ExtractFromString(c, CanTho(), nullptr).empty()) << c;
}

TEST(LegalRefsTest, RepairsAreReportedAndVariantsKept) {
  auto x = X();
  std::vector<Diagnostic> diags;
  auto refs = x->ExtractFromString(
      "Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ. Thực hiện Nghị quyết 76/NQCP, các đơn vị", CanTho(), &diags);
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(refs[0].number, "76/NQ-CP");
  EXPECT_EQ(refs[0].mentions.size(), 2u);
  ASSERT_EQ(refs[0].variants.size(), 1u);
  EXPECT_EQ(refs[0].variants[0], "76/NQCP");
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].code, "number_repaired");
}

TEST(LegalRefsTest, OwnNumberIsNotAReference) {
  auto x = X();
  RefContext ctx = CanTho();
  ctx.own_number = "129/KH-SGDĐT";
  auto refs = x->ExtractFromString("Kế hoạch số 129/KH-SGDĐT ngày 14/01/2019. Kế hoạch số 130/KH-SGDĐT", ctx, nullptr);
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(refs[0].number, "130/KH-SGDĐT");
}

TEST(LegalRefsTest, LocalIssuerCompletedFromThePlansProvinceOnlyForItsLevel) {
  auto x = X();
  auto refs = x->ExtractFromString("Kế hoạch số 70/KH-UBND ngày 08/6/2015 của UBND thành phố; "
                                   "Quyết định số 5/QĐ-UBND ngày 01/02/2020 của UBND tỉnh",
                                   CanTho(), nullptr);
  ASSERT_EQ(refs.size(), 2u);
  EXPECT_EQ(refs[0].issuer.value_or(""), "Ủy ban nhân dân thành phố Cần Thơ");
  EXPECT_EQ(refs[1].issuer.value_or(""), "Ủy ban nhân dân tỉnh");  // not Cần Thơ: a city, not a province
}

TEST(LegalRefsTest, InvalidDateIsNotADate) {
  auto x = X();
  auto refs = x->ExtractFromString("Nghị định số 1/2020/NĐ-CP ngày 31/02/2020", CanTho(), nullptr);
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_FALSE(refs[0].date);
}

TEST(LegalRefsTest, CanonicalPlanNumber) {
  auto x = X();
  EXPECT_EQ(x->CanonicalNumber(" 129/KH-SGDĐT").value_or(""), "129/KH-SGDĐT");
  EXPECT_EQ(x->CanonicalNumber("93/KH-UBND").value_or(""), "93/KH-UBND");
  EXPECT_FALSE(x->CanonicalNumber("        /KH-SGDĐT"));
}

TEST(LegalRefsTest, LongHostileInputIsHandledQuickly) {
  // A megabyte of near-misses: RE2 is linear; the test fails by timeout if not.
  auto x = X();
  std::string s = Repeated("Quyết định số 1/ Nghị định 2- Thông tư 3/20 ", 1u << 20);
  auto refs = x->ExtractFromString(s, CanTho(), nullptr);
  EXPECT_TRUE(refs.empty());
}

// A megabyte-long list of numbers without a type word and without a full
// stop: each item looks back to its list only so far, so the run stays
// linear (the first version searched to the text's end for a sentence end,
// once an item: quadratic).  Fails by the ctest timeout.
TEST(LegalRefsTest, LongListWithoutASentenceEndStaysLinear) {
  auto x = X();
  std::string s = "UBND tỉnh đã ban hành các Công văn: " + Repeated("số 12/HĐND-KT ngày 01/02/2024 về việc điều chỉnh, ", 1u << 20);
  auto refs = x->ExtractFromString(s, CanTho(), nullptr);
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(refs[0].type, "cong_van");
  EXPECT_EQ(refs[0].number, "12/HĐND-KT");
  EXPECT_GT(refs[0].mentions.size(), 10000u);
}

}  // namespace
}  // namespace kh
