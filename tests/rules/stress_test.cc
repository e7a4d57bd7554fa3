// Inputs built to be slow (tests/support/stress_inputs.h), 1 MB each, through
// the layout and the whole rules stage.  Every regex in the rules is RE2
// (linear time, no backtracking); the hand-written scanners around them must
// be linear too.  At this size linear code takes about a second per input and
// quadratic code hours, so ctest's time limit for this test (300 s) is what
// fails it; bench/stress_rules prints the time per byte at growing sizes.
// Each input's result is checked too: large input must not change what is
// found.
#include <gtest/gtest.h>

#include <ostream>
#include <string>

#include "common/plan.h"
#include "extractor/layout.h"
#include "pipeline/pipeline.h"
#include "tests/support/stress_inputs.h"
#include "tests/support/synthetic_pages.h"

namespace kh {

// Test names show the kind, not its bytes.
void PrintTo(const StressKind& k, std::ostream* os) { *os << k.name; }

namespace {

constexpr size_t kBytes = 1 << 20;

PlanResult ExtractFromText(const std::string& text) {
  static const auto pipeline = [] {
    PipelineOptions o;
    o.ocr = OcrMode::kNever;
    return Pipeline::Create(o).value();
  }();
  PlanResult plan;
  RawDocument doc = TextToDocument(text);
  plan.source.pages = static_cast<int>(doc.pages.size());
  pipeline->Extract(Layout(std::move(doc)), &plan);
  return plan;
}

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t i = text.find(what); i != std::string::npos; i = text.find(what, i + 1)) ++n;
  return n;
}

class StressTest : public ::testing::TestWithParam<StressKind> {};

TEST_P(StressTest, LargeInputFinishesWithTheRightResult) {
  const std::string kind = GetParam().name;
  std::string text = StressInput(kind, kBytes);
  ASSERT_GE(text.size(), kBytes) << kind;
  PlanResult plan = ExtractFromText(text);
  for (const Target& t : plan.targets) ASSERT_LE(t.where.page, plan.source.pages) << kind;
  if (kind == "ref_prefixes" || kind == "ref_prefixes_line" || kind == "dates" || kind == "headings") {
    EXPECT_TRUE(plan.legal_references.empty()) << kind << ": a reference without a number";
  }
  if (kind == "percents") {
    // Every "đạt 95%" is a target (the few cut by a line end are still read).
    EXPECT_EQ(plan.targets.size(), Count(text, "95%")) << kind;
  }
  if (kind == "table") {
    // One task per numbered row, its quarter read as a date.
    size_t rows = Count(text, "\n|");
    EXPECT_EQ(plan.tasks.size(), rows) << kind;
    size_t dated = 0;
    for (const Task& t : plan.tasks) dated += t.timeline.to.has_value();
    EXPECT_EQ(dated, rows) << kind;
  }
  if (kind == "digits" || kind == "slash_chain") {
    EXPECT_LE(plan.legal_references.size(), 1u) << kind;
  }
}

INSTANTIATE_TEST_SUITE_P(Inputs, StressTest, ::testing::ValuesIn(StressKinds()),
                         [](const ::testing::TestParamInfo<StressKind>& i) { return std::string(i.param.name); });

}  // namespace
}  // namespace kh
