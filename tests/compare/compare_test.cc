#include "compare/compare.h"

#include <gtest/gtest.h>

#include "rules/rule_data.h"

namespace kh {
namespace {

Target T(const std::string& indicator, double value, const std::string& cmp = "=", bool table = false) {
  Target t;
  t.indicator = indicator;
  t.value = value;
  t.comparator = cmp;
  t.in_table = table;
  t.metric = "m";
  return t;
}

PlanSummary P(const std::string& file, const std::string& province, int from, int to, std::vector<Target> ts) {
  PlanSummary p;
  p.file = file;
  p.province = province;
  p.period_from = from;
  p.period_to = to;
  p.targets = std::move(ts);
  return p;
}

const RuleData& Rules() { return *DefaultRuleData().value(); }

TEST(CompareTest, PlansOrderedByProvinceThenTime) {
  Comparison c = Compare({P("b.pdf", "Cần Thơ", 2026, 2030, {}), P("c.pdf", "Cà Mau", 2023, 2023, {}),
                          P("a.pdf", "Cần Thơ", 2019, 2019, {})},
                         Rules());
  ASSERT_EQ(c.plans.size(), 3u);
  EXPECT_EQ(c.plans[0].file, "c.pdf");
  EXPECT_EQ(c.plans[1].file, "a.pdf");
  EXPECT_EQ(c.plans[2].file, "b.pdf");
  auto tl = c.Timelines();
  ASSERT_EQ(tl.size(), 1u);  // only Cần Thơ has two plans
  EXPECT_EQ(tl[0].first, "Cần Thơ");
  EXPECT_EQ(tl[0].second, (std::vector<size_t>{1, 2}));
  EXPECT_EQ(c.plans[2].Label(), "Cần Thơ 2026–2030");
  EXPECT_EQ(c.plans[1].Label(), "Cần Thơ 2019");
}

// A 2024 plan of Sóc Trăng and a 2026 plan of Cần Thơ: two provinces by
// their own, one (Cần Thơ) grouped by the 34 of 2025-07-01; a JSON without
// province_2025 (schema before 1.6) gets it from its province.
TEST(CompareTest, GroupedByTheProvinceAfterTheMerger) {
  PlanSummary soc = P("s.pdf", "Sóc Trăng", 2024, 2024, {});
  PlanSummary can = P("c.pdf", "Cần Thơ", 2026, 2026, {});
  can.province_2025 = "Cần Thơ";
  Comparison own = Compare({can, soc}, Rules());
  EXPECT_TRUE(own.Timelines().empty());
  EXPECT_EQ(own.plans[1].province_2025, "Cần Thơ");
  Comparison merged = Compare({can, soc}, Rules(), GroupBy::kProvince2025);
  auto tl = merged.Timelines();
  ASSERT_EQ(tl.size(), 1u);
  EXPECT_EQ(tl[0].first, "Cần Thơ");
  EXPECT_EQ(merged.plans[0].file, "s.pdf");
  EXPECT_EQ(merged.plans[0].Label(), "Cần Thơ (Sóc Trăng) 2024");
  EXPECT_EQ(merged.plans[1].Label(), "Cần Thơ 2026");
  EXPECT_NE(ToCsv(merged).find("province,province_2025"), std::string::npos);
}

TEST(CompareTest, CellPrefersObjectivesOverTableAndCountsOthers) {
  Comparison c = Compare({P("a.pdf", "Cần Thơ", 2019, 2019,
                            {T("online_dossiers", 20, "=", true), T("online_dossiers", 30, ">="),
                             T("online_dossiers", 40), T("iso_9001", 100)})},
                         Rules());
  ASSERT_EQ(c.indicators.size(), 2u);
  // catalogue order: online_dossiers comes before iso_9001 in rules/indicators.json
  EXPECT_EQ(c.indicators[0].id, "online_dossiers");
  const ComparisonCell* cell = c.Cell(0, 0);
  ASSERT_NE(cell, nullptr);
  EXPECT_DOUBLE_EQ(cell->target.value, 30);
  EXPECT_EQ(cell->others, 2);
  EXPECT_EQ(c.all_targets.size(), 4u);
}

TEST(CompareTest, DisplayValueOfAQuantity) {
  Target t = T("total_fertility_rate", 2.1);
  t.unit = "con/phụ nữ";
  EXPECT_EQ(DisplayValue(t), "2.1 con/phụ nữ");
  t = T("sex_ratio_at_birth", 109, "<");
  t.unit = "bé trai/100 bé gái";
  EXPECT_EQ(DisplayValue(t), "< 109 bé trai/100 bé gái");
}

TEST(CompareTest, DisplayValue) {
  Target t = T("x", 97, ">=");
  EXPECT_EQ(DisplayValue(t), "≥ 97%");
  t.comparator = "range";
  t.value = 25;
  t.max = 35;
  EXPECT_EQ(DisplayValue(t), "25–35%");
  Target r = T("x", 15);
  r.direction = "reduce";
  EXPECT_EQ(DisplayValue(r), "↓ 15%");
  EXPECT_EQ(DisplayValue(T("x", 97.5, ">")), "> 97.5%");
}

TEST(CompareTest, CsvQuotesAndHasOneRowPerCell) {
  PlanSummary p = P("dir/a,b.pdf", "Cần Thơ", 2019, 2019, {T("iso_9001", 100)});
  p.issuer = "Sở \"A\"";
  std::string csv = ToCsv(Compare({p}, Rules()));
  EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_NE(csv.find("\"dir/a,b.pdf\""), std::string::npos);
  EXPECT_NE(csv.find("\"Sở \"\"A\"\"\""), std::string::npos);
  size_t rows = 0;
  for (size_t i = csv.find("\r\n"); i != std::string::npos; i = csv.find("\r\n", i + 2)) ++rows;
  EXPECT_EQ(rows, 2u);  // header + one cell
}

TEST(CompareTest, HtmlEscapesAndCarriesTheFigures) {
  PlanSummary p = P("<a>.pdf", "Cần Thơ", 2019, 2019, {T("iso_9001", 100, ">=")});
  std::string html = ToHtml(Compare({p}, Rules()));
  EXPECT_EQ(html.find("<a>.pdf"), std::string::npos);
  EXPECT_NE(html.find("&lt;a&gt;.pdf"), std::string::npos);
  EXPECT_NE(html.find("data-indicator=\"iso_9001\""), std::string::npos);
  EXPECT_NE(html.find("data-value=\"100\""), std::string::npos);
  EXPECT_NE(html.find("data-comparator=\"&gt;=\""), std::string::npos);
  EXPECT_NE(html.find("<svg"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);  // self-contained, static
}

TEST(CompareTest, ReadPlanJsonRejectsOtherJson) {
  EXPECT_FALSE(ReadPlanJson("{}").ok());
  EXPECT_FALSE(ReadPlanJson("not json").ok());
  EXPECT_FALSE(ReadPlanJson(R"({"schema":{"id":"kehoach.plan","version":"2.0.0"}})").ok());
  auto p = ReadPlanJson(R"({"schema":{"id":"kehoach.plan","version":"1.1.0"},"source":{"file":"x.pdf"},
    "document":{"province":"Cà Mau","period":{"from":2023,"to":2023}},
    "targets":[{"value":30,"max":null,"comparator":">=","direction":"reach","unit":"%","metric":"m",
                "indicator":"online_dossiers","section":["I. MỤC TIÊU"],"year":2023,"year_source":"plan",
                "in_table":false,"text":"t","page":2,"bbox":[0,0,1,1]}]})");
  ASSERT_TRUE(p.ok()) << p.status().message();
  EXPECT_EQ(p->province, "Cà Mau");
  ASSERT_EQ(p->targets.size(), 1u);
  EXPECT_EQ(p->targets[0].where.page, 2);
  EXPECT_EQ(p->targets[0].indicator.value_or(""), "online_dossiers");
}

}  // namespace
}  // namespace kh
