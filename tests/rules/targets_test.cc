#include "rules/targets.h"

#include <gtest/gtest.h>

#include "tests/rules/compiled.h"

#include <nlohmann/json.hpp>
#include <re2/re2.h>

namespace kh {
namespace {

std::shared_ptr<const TargetExtractor> X() { return Compiled<TargetExtractor>(); }

std::string Dump(const std::vector<Target>& ts) {
  std::string s;
  for (const Target& t : ts) s += "\n  " + t.comparator + " " + std::to_string(t.value) + " | " + t.metric;
  return s;
}

// The examples in rules/targets.json are the table of this test: each text
// gives exactly the listed targets, with the listed fields.
TEST(TargetsTest, DataExamples) {
  auto x = X();
  auto data = DefaultRuleData().value();
  ASSERT_GE(data->targets.examples.size(), 15u);
  for (const PatternExample& e : data->targets.examples) {
    SCOPED_TRACE(e.text);
    TargetContext ctx;
    if (!e.kind.empty()) ctx.kind = e.kind;
    std::vector<Target> ts = x->ExtractFromString(e.text, ctx);
    nlohmann::json want = nlohmann::json::parse(e.json);
    ASSERT_EQ(ts.size(), want.size()) << Dump(ts);
    for (size_t i = 0; i < ts.size(); ++i) {
      const nlohmann::json& w = want[i];
      const Target& t = ts[i];
      if (w.contains("value")) {
        EXPECT_DOUBLE_EQ(t.value, w["value"].get<double>());
      }
      if (w.contains("max")) {
        EXPECT_DOUBLE_EQ(t.max.value_or(-1), w["max"].get<double>());
      }
      if (w.contains("comparator")) {
        EXPECT_EQ(t.comparator, w["comparator"].get<std::string>());
      }
      if (w.contains("direction")) {
        EXPECT_EQ(t.direction, w["direction"].get<std::string>());
      }
      if (w.contains("metric")) {
        EXPECT_EQ(t.metric, w["metric"].get<std::string>());
      }
      if (w.contains("year")) {
        EXPECT_EQ(t.year.value_or(0), w["year"].get<int>());
      }
    }
  }
}

TEST(TargetsTest, DataCounterExamples) {
  auto x = X();
  auto data = DefaultRuleData().value();
  ASSERT_GE(data->targets.counter_examples.size(), 5u);
  for (const std::string& c : data->targets.counter_examples) {
    std::vector<Target> ts = x->ExtractFromString(c);
    EXPECT_TRUE(ts.empty()) << c << Dump(ts);
  }
}

TEST(TargetsTest, SectionAndYearFromHeadings) {
  auto x = X();
  std::vector<Target> ts = x->ExtractFromString(
      "I. MỤC TIÊU\n2. Các chỉ tiêu chủ yếu đến năm 2030\nb) Về cải cách TTHC\n"
      "- Mức độ hài lòng về giải quyết TTHC đạt tối thiểu 97%.\n"
      "- Tỷ lệ hồ sơ trực tuyến đạt 80% vào năm 2027.");
  ASSERT_EQ(ts.size(), 2u);
  EXPECT_EQ(ts[0].section, (std::vector<std::string>{"I. MỤC TIÊU", "2. Các chỉ tiêu chủ yếu đến năm 2030",
                                                     "b) Về cải cách TTHC"}));
  EXPECT_EQ(ts[0].year.value_or(0), 2030);
  EXPECT_EQ(ts[0].year_source.value_or(""), "section");
  EXPECT_EQ(ts[1].year.value_or(0), 2027);
  EXPECT_EQ(ts[1].year_source.value_or(""), "clause");
  EXPECT_EQ(ts[0].indicator.value_or(""), "satisfaction_procedures");
}

TEST(TargetsTest, YearFromThePlanWhenNothingElseSaysIt) {
  auto x = X();
  TargetContext ctx;
  ctx.period_to = 2025;
  ctx.plan_year = 2024;
  std::vector<Target> ts = x->ExtractFromString("a) 100% TTHC được công bố, công khai.", ctx);
  ASSERT_EQ(ts.size(), 1u);
  EXPECT_EQ(ts[0].year.value_or(0), 2025);
  EXPECT_EQ(ts[0].year_source.value_or(""), "plan");
  ctx.period_to.reset();
  EXPECT_EQ(x->ExtractFromString("a) 100% TTHC được công bố.", ctx)[0].year.value_or(0), 2024);
  EXPECT_FALSE(x->ExtractFromString("a) 100% TTHC được công bố.")[0].year.has_value());
}

// Regression: results already reached, reported under their own heading, are
// not targets.
TEST(TargetsTest, ResultsSectionHoldsNoTargets) {
  auto x = X();
  std::vector<Target> ts = x->ExtractFromString(
      "I. KẾT QUẢ THỰC HIỆN NĂM 2024\n- Tỷ lệ hồ sơ trực tuyến đạt 65%.\n"
      "II. MỤC TIÊU NĂM 2025\n- Tỷ lệ hồ sơ trực tuyến đạt 80%.");
  ASSERT_EQ(ts.size(), 1u) << Dump(ts);
  EXPECT_DOUBLE_EQ(ts[0].value, 80);
  EXPECT_EQ(ts[0].year.value_or(0), 2025);
}

// Regression: a figure at the very start of a clause (right after the list
// marker) was skipped because the pattern's '^' meant the text start.
TEST(TargetsTest, FigureRightAfterMarker) {
  auto x = X();
  std::vector<Target> ts = x->ExtractFromString("d) 100% thủ tục hành chính được công bố.\n- 85% dữ liệu được chia sẻ.");
  ASSERT_EQ(ts.size(), 2u);
  EXPECT_EQ(ts[0].metric, "thủ tục hành chính được công bố");
  EXPECT_EQ(ts[1].metric, "dữ liệu được chia sẻ");
}

TEST(TargetsTest, SentencesSplitButNotAtAbbreviations) {
  auto x = X();
  std::vector<Target> ts = x->ExtractFromString("Tỷ lệ hồ sơ của TP. Cần Thơ đạt 90%. Tỷ lệ số hóa đạt 70%.");
  ASSERT_EQ(ts.size(), 2u);
  EXPECT_EQ(ts[0].metric, "Tỷ lệ hồ sơ của TP. Cần Thơ");
  EXPECT_EQ(ts[1].metric, "Tỷ lệ số hóa");
}

// Regression: the clause's indicator was given to every figure of the clause,
// so "20% quy định ... kinh doanh" became a compliance-cost target because
// the next figure of the sentence was one.
TEST(TargetsTest, ClauseIndicatorNeedsEvidence) {
  auto x = X();
  std::vector<Target> ts = x->ExtractFromString(
      "Cắt giảm, đơn giản hóa tối thiểu 20% quy định liên quan đến hoạt động kinh doanh và cắt giảm tối thiểu 20% "
      "chi phí tuân thủ quy định.");
  ASSERT_EQ(ts.size(), 2u);
  EXPECT_FALSE(ts[0].indicator.has_value()) << *ts[0].indicator;
  EXPECT_EQ(ts[1].indicator.value_or(""), "compliance_cost");
  // ... while figures that share their words keep the clause's indicator
  ts = x->ExtractFromString("100% hồ sơ công việc tại cấp tỉnh, 95% hồ sơ công việc tại cấp huyện được xử lý trên "
                            "môi trường mạng.");
  ASSERT_EQ(ts.size(), 2u);
  EXPECT_EQ(ts[0].indicator.value_or(""), "online_work_records");
}

// Regression (r22, r23): a report's results section gave every figure as a
// target (r23: 30 against 1); only a clause due after the report's own year
// still commits.
TEST(TargetsTest, AReportsResultsAreNoTargetsButWhatIsDueLater) {
  auto x = X();
  TargetContext ctx;
  ctx.kind = "bao_cao";
  ctx.plan_year = 2025;
  std::vector<Target> ts = x->ExtractFromString(
      "II. KẾT QUẢ PHÒNG, CHỐNG VÀ KIỂM SOÁT MA TÚY\n"
      "- Tỷ lệ cấp kết quả điện tử đạt 89,58%; tiếp tục xây dựng xã, phường không ma túy đến năm 2030, đạt 100% xã, "
      "phường không ma túy.\n"
      "- Trong năm 2025, đạt 94,57% hồ sơ số hóa.",
      ctx);
  ASSERT_EQ(ts.size(), 1u) << Dump(ts);
  EXPECT_EQ(ts[0].value, 100);
  EXPECT_EQ(ts[0].year.value_or(0), 2030);
}

// No figure vanishes: the percentages of a report's results are listed
// with their reason, beside the one target the clause due later sets.
TEST(TargetsTest, FiguresThatAreNoTargetsAreListedWithWhy) {
  auto x = X();
  TargetContext ctx;
  ctx.kind = "bao_cao";
  ctx.plan_year = 2025;
  std::vector<LeftOutFigure> left;
  std::vector<Target> ts = x->ExtractFromString(
      "II. KẾT QUẢ PHÒNG, CHỐNG VÀ KIỂM SOÁT MA TÚY\n"
      "- Tỷ lệ cấp kết quả điện tử đạt 89,58%; tiếp tục xây dựng xã, phường không ma túy đến năm 2030, đạt 100% xã, "
      "phường không ma túy.\n"
      "- Trong năm 2025, đạt 94,57% hồ sơ số hóa.",
      ctx, &left);
  ASSERT_EQ(ts.size(), 1u) << Dump(ts);
  ASSERT_EQ(left.size(), 2u);
  EXPECT_DOUBLE_EQ(left[0].value, 89.58);
  EXPECT_EQ(left[0].reason, kResult);
  EXPECT_NE(left[0].text.find("89,58%"), std::string::npos) << left[0].text;
  EXPECT_EQ(left[0].section, std::vector<std::string>{"II. KẾT QUẢ PHÒNG, CHỐNG VÀ KIỂM SOÁT MA TÚY"});
  EXPECT_DOUBLE_EQ(left[1].value, 94.57);
  left.clear();
  ts = x->ExtractFromString(
      "Phấn đấu 100% đơn vị sự nghiệp (tự bảo đảm 30%) hoàn thành; khoảng 80% đang sinh sống ngoài xã hội; kinh phí là "
      "139 triệu đồng.",
      {}, &left);
  ASSERT_EQ(ts.size(), 1u) << Dump(ts);
  std::vector<std::string> why;
  for (const LeftOutFigure& f : left) why.push_back(f.reason + " " + std::to_string(static_cast<int>(f.value)) + " " + f.unit);
  EXPECT_EQ(why, (std::vector<std::string>{"in_parentheses 30 %", "state_now 80 %", "amount 139 triệu đồng"}));
}

// Every percentage of every example and counter-example of targets.json is
// a target or listed as left out, once: the figures counted by a pattern of
// their own (a range "25% - 35%", "2 - 3%" or "từ 70% đến dưới 100%" is one
// figure).
TEST(TargetsTest, EveryPercentageIsATargetOrListed) {
  auto x = X();
  auto data = DefaultRuleData().value();
  static const RE2 kPercent(
      "(\\d+(?:[.,]\\d+)?\\s*%?\\s*(?:-|–|đến)\\s*(?:dưới\\s*)?\\d+(?:[.,]\\d+)?\\s*%|\\d+(?:[.,]\\d+)?\\s*%)");
  std::vector<std::pair<std::string, std::string>> texts;
  for (const PatternExample& e : data->targets.examples) texts.push_back({e.text, e.kind});
  for (const std::string& c : data->targets.counter_examples) texts.push_back({c, ""});
  int checked = 0;
  for (const auto& [text, kind] : texts) {
    re2::StringPiece in(text), m;
    int printed = 0;
    while (RE2::FindAndConsume(&in, kPercent, &m)) ++printed;
    if (printed == 0) continue;
    TargetContext ctx;
    if (!kind.empty()) ctx.kind = kind;
    std::vector<LeftOutFigure> left;
    std::vector<Target> ts = x->ExtractFromString(text, ctx, &left);
    int accounted = 0;
    for (const Target& t : ts) accounted += t.unit == "%";
    for (const LeftOutFigure& f : left) accounted += f.unit == "%";
    EXPECT_EQ(accounted, printed) << text << Dump(ts);
    ++checked;
  }
  EXPECT_GE(checked, 20);
}

// A figure without '%' is a target only as a quantity (a unit, or a count
// after a comparator): "34/35 đơn vị" is neither.
TEST(TargetsTest, NoPercentNoTargetButAQuantity) {
  auto x = X();
  EXPECT_TRUE(x->ExtractFromString("Duy trì 34/35 đơn vị; giao 02 cán bộ theo dõi.").empty());
  std::vector<Target> ts = x->ExtractFromString("Giảm tối thiểu 01 biên chế công chức; duy trì 34/35 đơn vị.");
  ASSERT_EQ(ts.size(), 1u) << Dump(ts);
  EXPECT_EQ(ts[0].unit, "biên chế công chức");
  EXPECT_EQ(ts[0].direction, "reduce");
  EXPECT_TRUE(x->ExtractFromString("").empty());
}

}  // namespace
}  // namespace kh
