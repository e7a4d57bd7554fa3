#include "rules/ocr_repairs.h"

#include <gtest/gtest.h>

namespace kh {
namespace {

std::shared_ptr<const RuleData> Data() {
  auto d = DefaultRuleData();
  EXPECT_TRUE(d.ok()) << d.status().message();
  return d.value();
}

TEST(OcrRepairsTest, EveryRepairHasExamplesAndCounterExamples) {
  auto d = Data();
  ASSERT_GE(d->ocr_repairs.size(), 5u);
  for (const OcrRepairRule& r : d->ocr_repairs) {
    EXPECT_FALSE(r.examples.empty()) << r.id;
    EXPECT_FALSE(r.counter_examples.empty()) << r.id;
  }
}

TEST(OcrRepairsTest, ExamplesAreRepairedAndCounterExamplesLeftAlone) {
  auto d = Data();
  OcrRepairer all(d->ocr_repairs, d->syllables);
  for (const OcrRepairRule& r : d->ocr_repairs) {
    // Each repair alone does its examples...
    std::vector<OcrRepairRule> one = {r};
    OcrRepairer single(one, d->syllables);
    for (const auto& [ocr, fixed] : r.examples) {
      EXPECT_EQ(single.RepairLine(ocr), fixed) << r.id;
      EXPECT_EQ(all.RepairLine(ocr), fixed) << r.id << " (all repairs)";
    }
    // ...and no repair touches any counter-example.
    for (const std::string& c : r.counter_examples) EXPECT_EQ(all.RepairLine(c), c) << r.id;
  }
}

TEST(OcrRepairsTest, LineStartMeansTheLinesFirstWord) {
  auto d = Data();
  OcrRepairer r(d->ocr_repairs, d->syllables);
  std::vector<std::string> words = {"ø)", "Tổ", "chức", "ø)"};
  std::vector<bool> start = {false, false, false, true};
  EXPECT_EQ(r.Repair(&words, start), 1);
  EXPECT_EQ(words[0], "ø)");
  EXPECT_EQ(words[3], "g)");
}

TEST(OcrRepairsTest, ZeroInNumber) {
  EXPECT_EQ(ZeroInNumber("2O25"), "2025");
  EXPECT_EQ(ZeroInNumber("(2O25)"), "(2025)");
  EXPECT_EQ(ZeroInNumber("1o/12/2O25"), "10/12/2025");
  EXPECT_EQ(ZeroInNumber("CO2"), "CO2");
  EXPECT_EQ(ZeroInNumber("Ong"), "Ong");
  EXPECT_EQ(ZeroInNumber("OO"), "OO");
  EXPECT_EQ(ZeroInNumber("Đoàn"), "Đoàn");
  EXPECT_EQ(ZeroInNumber("O5ô"), "O5ô");  // glued to a letter
}

}  // namespace
}  // namespace kh
