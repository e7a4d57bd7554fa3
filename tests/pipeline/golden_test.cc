// Golden tests: the pipeline's output on each corpus PDF against what a
// person read in the document (corpus/*.expected.json, held to the plan's
// source corpus/src/*.plan), and on the legacy PDFs against their human
// transcripts.  Differences the program still has are listed, once, in
// corpus/known_gaps.json (tests/README.md).
#include "pipeline/pipeline.h"

#include <gtest/gtest.h>
#include <gtest/gtest-spi.h>

#include <cmath>
#include <cstdio>
#include <functional>
#include <set>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "common/utf8.h"
#include "normalizer/normalizer.h"
#include "output/json_writer.h"
#include "output/text_writer.h"
#include "tests/support/expectations.h"
#include "tests/support/plan_source.h"

namespace kh {
namespace {

using nlohmann::json;
const std::string kSrc = KEHOACH_SOURCE_DIR;

const std::vector<std::string> kCorpus = {"000_cantho_2026", "001_camau_2023", "003_cantho_2019",
                               "004_cantho_2025", "005_vinhlong_2025", "006_soctrang_2024"};

// The hand-written expectation agrees with the plan's source (a failure here
// is a fault of the expected file, not of the program).
class ExpectationTest : public ::testing::TestWithParam<std::string> {};

TEST_P(ExpectationTest, AgreesWithThePlanSource) {
  const std::string name = GetParam();
  PlanSource src;
  std::string error;
  ASSERT_TRUE(ReadPlanSource(kSrc + "/corpus/src/" + name + ".plan", &src, &error)) << error;
  CheckAgainstSource(LoadJson(kSrc + "/corpus/" + name + ".expected.json"), src);
}

INSTANTIATE_TEST_SUITE_P(Corpus, ExpectationTest, ::testing::ValuesIn(kCorpus));

// The program's output against the expectation: every fact, reference,
// target and task row; what differs is a failure unless corpus/known_gaps.json
// lists it.
class GoldenTest : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenTest, MatchesTheDocument) {
  const std::string name = GetParam();
  json want = LoadJson(kSrc + "/corpus/" + name + ".expected.json");
  PlanSource src;
  std::string error;
  ASSERT_TRUE(ReadPlanSource(kSrc + "/corpus/src/" + name + ".plan", &src, &error)) << error;
  auto pipeline = Pipeline::Create({});
  ASSERT_TRUE(pipeline.ok()) << pipeline.status().message();
  Result<PlanResult> plan = pipeline.value()->Run(kSrc + "/corpus/" + name + ".pdf");
  ASSERT_TRUE(plan.ok()) << plan.status().message();
  json got = json::parse(ToJson(plan.value()));

  Ledger ledger(name, kSrc + "/corpus/known_gaps.json");
  CompareDocument(want, got, &ledger);
  // Every fact that was found says where: page 1, a box.
  for (const char* f : {"number", "issuer", "date", "title", "kind"}) {
    if (got["document"][f].is_null()) continue;
    const json& prov = got["document"]["provenance"];
    if (!prov.contains(f) || prov[f]["page"] != 1) ledger.Differ(std::string("document.provenance.") + f, "not on page 1");
  }
  for (const json& code : want["diagnostics"]) {
    bool found = false;
    for (const json& d : got["diagnostics"]) found = found || d["code"] == code;
    if (!found) ledger.Differ("diagnostics[" + code.get<std::string>() + "]", "not given");
  }
  CompareReferences(want, got, &ledger);
  CompareTargets(want, got, &ledger);
  CompareTasks(TasksWithCells(want, src), got, &ledger);
  ledger.Finish();
}

INSTANTIATE_TEST_SUITE_P(Corpus, GoldenTest, ::testing::ValuesIn(kCorpus));

// The comparison itself can fail: a wrong expected metric, cell, date or
// fact is caught (what the issue asked to try by hand, kept as a test).
TEST(GoldenCompareTest, AWrongExpectationFails) {
  json want = LoadJson(kSrc + "/corpus/004_cantho_2025.expected.json");
  PlanSource src;
  std::string error;
  ASSERT_TRUE(ReadPlanSource(kSrc + "/corpus/src/004_cantho_2025.plan", &src, &error)) << error;
  // A metric in other words than the target's.
  EXPECT_FALSE(MetricMatches("số lượng cán bộ được đào tạo lại", want["targets"][0]["metric"]));
  EXPECT_TRUE(MetricMatches(want["targets"][0]["metric"], want["targets"][0]["metric"]));
  // The ledger fails on an unlisted difference.
  {
    ::testing::TestPartResultArray failures;
    ::testing::ScopedFakeTestPartResultReporter reporter(::testing::ScopedFakeTestPartResultReporter::INTERCEPT_ONLY_CURRENT_THREAD, &failures);
    Ledger ledger("004_cantho_2025", kSrc + "/corpus/known_gaps.json");
    ledger.Equal("document.date", "2025-01-20", "2025-01-21");
    ledger.Finish();
    EXPECT_EQ(failures.size(), 1);
  }
  // The source check fails on a wrong reference date and a wrong figure.
  for (auto mutate : std::vector<std::function<void(json&)>>{
           [](json& w) { w["legal_references"][0]["date"] = "2024-12-31"; },
           [](json& w) { w["targets"][0]["value"] = w["targets"][0]["value"].get<double>() + 1; },
           [](json& w) { w["document"]["number"] = "22/KH-UBND"; },
       }) {
    json bad = want;
    mutate(bad);
    ::testing::TestPartResultArray failures;
    {
      ::testing::ScopedFakeTestPartResultReporter reporter(::testing::ScopedFakeTestPartResultReporter::INTERCEPT_ONLY_CURRENT_THREAD, &failures);
      CheckAgainstSource(bad, src);
    }
    EXPECT_GE(failures.size(), 1);
  }
}

// ---- legacy fonts: the converted text against human transcripts ----------

std::u32string Chars(const std::string& s) {
  std::u32string out;
  size_t i = 0;
  while (i < s.size()) out.push_back(utf8::Next(s, &i));
  return out;
}

// Levenshtein distance, computed in a band around the diagonal that doubles
// until the distance fits in it (exact, and fast when the texts are close).
size_t EditDistance(const std::u32string& a, const std::u32string& b) {
  const size_t n = a.size(), m = b.size();
  for (size_t band = 64;; band *= 2) {
    size_t diff = n > m ? n - m : m - n;
    if (band < diff) continue;
    const size_t kInf = n + m + 1;
    std::vector<size_t> prev(m + 1, kInf), cur(m + 1, kInf);
    for (size_t j = 0; j <= std::min(m, band); ++j) prev[j] = j;
    for (size_t i = 1; i <= n; ++i) {
      size_t lo = i > band ? i - band : 0, hi = std::min(m, i + band);
      std::fill(cur.begin(), cur.end(), kInf);
      if (lo == 0) cur[0] = i;
      for (size_t j = std::max<size_t>(lo, 1); j <= hi; ++j) {
        size_t best = prev[j - 1] + (a[i - 1] != b[j - 1]);
        best = std::min(best, prev[j] + 1);
        best = std::min(best, cur[j - 1] + 1);
        cur[j] = best;
      }
      std::swap(prev, cur);
    }
    if (prev[m] <= band || band >= n + m) return prev[m];
  }
}

// Case folded, one tone placement (normalizer), spaces collapsed.
std::u32string Comparable(const std::string& s) { return Chars(ToLower(CollapseSpaces(NormalizeString(s)))); }

class LegacyTranscriptTest : public ::testing::TestWithParam<std::string> {};

TEST_P(LegacyTranscriptTest, ConvertedTextMatchesTranscript) {
  const std::string base = kSrc + "/corpus/legacy/" + GetParam();
  std::ifstream in(base + ".unicode.txt");
  ASSERT_TRUE(in) << base;
  std::string transcript((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto pipeline = Pipeline::Create({});
  ASSERT_TRUE(pipeline.ok());
  SourceInfo source;
  std::vector<Diagnostic> diags;
  Result<LaidOutDocument> laid = pipeline.value()->Read(base + ".pdf", &source, &diags);
  ASSERT_TRUE(laid.ok()) << laid.status().message();
  EXPECT_EQ(source.text_layer, "tcvn3");
  EXPECT_TRUE(source.ocr_pages.empty());
  // The transcripts read each page row by row across the columns, page
  // numbers included: compare with the same order (text --rows), so that
  // what is measured is the characters, not the reading order.
  std::u32string ours = Comparable(RowsToText(laid.value()));
  std::u32string want = Comparable(transcript);
  size_t d = EditDistance(ours, want);
  double cer = 100.0 * d / want.size();
  std::printf("[ CER      ] %s: %zu edits in %zu characters = %.2f%%\n", GetParam().c_str(), d, want.size(), cer);
  EXPECT_LT(cer, 1.0);
}

// The facts, references and (no) targets a person read from the legacy PDFs;
// what kehoach gets wrong is listed in corpus/known_gaps.json.
TEST_P(LegacyTranscriptTest, FactsAndReferencesComeOut) {
  const std::string base = kSrc + "/corpus/legacy/" + GetParam();
  json want = LoadJson(base + ".expected.json");
  auto pipeline = Pipeline::Create({});
  ASSERT_TRUE(pipeline.ok());
  Result<PlanResult> plan = pipeline.value()->Run(base + ".pdf");
  ASSERT_TRUE(plan.ok()) << plan.status().message();
  json got = json::parse(ToJson(plan.value()));
  Ledger ledger(GetParam(), kSrc + "/corpus/known_gaps.json");
  CompareDocument(want, got, &ledger);
  CompareReferences(want, got, &ledger);
  CompareTargets(want, got, &ledger);
  ledger.Finish();
}

INSTANTIATE_TEST_SUITE_P(Legacy, LegacyTranscriptTest,
                         ::testing::Values("2006-16EZE_TT01.06GopvonDNNVV", "2006-1E499_ND109veDKKD_dacotrenmucPTDNN-V"));

TEST(EditDistanceTest, ApproximateMatchFindsAPhraseWithSlips) {
  EXPECT_EQ(ApproxDistance("QH15", "Nghị quyết số 163/2024/QH15 ngày"), 0u);
  EXPECT_EQ(ApproxDistance("163/2024/QH15 ngày", "Nghị quyết số 163/2024/QHI5 ngày"), 1u);
  EXPECT_EQ(ApproxDistance("kế hoạch", "ké hoạch năm"), 1u);
  EXPECT_TRUE(PhraseFound("thực hiện nghị quyết số 163/2024/qh15 ngày 27 tháng 11", "thực hiện nghị quyết số 163/2024/qhi15 ngày 27 tháng 11 năm"));
  EXPECT_FALSE(PhraseFound("hội đồng nhân dân tỉnh", "ủy ban nhân dân huyện"));
}

TEST(EditDistanceTest, IsLevenshtein) {
  EXPECT_EQ(EditDistance(Chars("kitten"), Chars("sitting")), 3u);
  EXPECT_EQ(EditDistance(Chars(""), Chars("abc")), 3u);
  EXPECT_EQ(EditDistance(Chars("ngân hàng"), Chars("ngan hang")), 2u);
  std::u32string a(300, U'a'), b(300, U'b');
  EXPECT_EQ(EditDistance(a, b), 300u);  // beyond the first band
}

TEST(PipelineTest, SameInputSameOutput) {
  auto pipeline = Pipeline::Create({});
  ASSERT_TRUE(pipeline.ok());
  auto a = pipeline.value()->Run(kSrc + "/corpus/001_camau_2023.pdf");
  auto b = pipeline.value()->Run(kSrc + "/corpus/001_camau_2023.pdf");
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(ToJson(a.value()), ToJson(b.value()));
}

}  // namespace
}  // namespace kh
