// Golden tests: the pipeline's output on each corpus PDF against the
// expected JSON a person checked against the PDF (corpus/*.expected.json).
#include "pipeline/pipeline.h"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "output/json_writer.h"

namespace kh {
namespace {

using nlohmann::json;
const std::string kSrc = KEHOACH_SOURCE_DIR;

class GoldenTest : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenTest, MatchesHandCheckedExpectation) {
  const std::string name = GetParam();
  std::ifstream in(kSrc + "/corpus/" + name + ".expected.json");
  ASSERT_TRUE(in) << name;
  json want = json::parse(in);
  auto pipeline = Pipeline::Create({});
  ASSERT_TRUE(pipeline.ok()) << pipeline.status().message();
  Result<PlanResult> plan = pipeline.value()->Run(kSrc + "/corpus/" + name + ".pdf");
  ASSERT_TRUE(plan.ok()) << plan.status().message();
  json got = json::parse(ToJson(plan.value()));

  // Document facts, every field.
  for (auto& [key, value] : want["document"].items()) EXPECT_EQ(got["document"][key], value) << name << ": document." << key;
  // Every fact that was found says where.
  for (const char* f : {"number", "issuer", "date", "title", "kind"}) {
    if (got["document"][f].is_null()) continue;
    ASSERT_TRUE(got["document"]["provenance"].contains(f)) << f;
    EXPECT_EQ(got["document"]["provenance"][f]["page"], 1) << f;
  }
  // Diagnostics expected (others may appear, e.g. a missing signer's name).
  for (const json& code : want["diagnostics"]) {
    bool found = false;
    for (const json& d : got["diagnostics"]) found = found || d["code"] == code;
    EXPECT_TRUE(found) << name << ": diagnostic " << code;
  }
  // References: the same documents, in order of first mention, no extra.
  const json& wr = want["legal_references"];
  const json& gr = got["legal_references"];
  std::string got_numbers;
  for (const json& r : gr) got_numbers += r["number"].get<std::string>() + " ";
  ASSERT_EQ(gr.size(), wr.size()) << name << ": got " << got_numbers;
  for (size_t i = 0; i < wr.size(); ++i) {
    SCOPED_TRACE(name + ": " + wr[i]["number"].get<std::string>());
    for (const char* f : {"type", "number", "year", "issuer_code", "issuer", "date"}) EXPECT_EQ(gr[i][f], wr[i][f]) << f;
    ASSERT_EQ(gr[i]["mentions"].size(), wr[i]["pages"].size());
    for (size_t m = 0; m < wr[i]["pages"].size(); ++m) {
      const json& mention = gr[i]["mentions"][m];
      EXPECT_EQ(mention["page"], wr[i]["pages"][m]);
      // The box lies on the page and is not empty.
      std::vector<double> b = mention["bbox"];
      EXPECT_LT(b[0], b[2]);
      EXPECT_LT(b[1], b[3]);
      EXPECT_GE(b[0], 0);
      EXPECT_LE(b[3], 842);
    }
  }
  // Targets: every one, in reading order, no extra (so no descriptive figure).
  const json& wt = want["targets"];
  const json& gt = got["targets"];
  std::string got_targets;
  for (const json& t : gt) got_targets += "\n  p" + t["page"].dump() + " " + t["value"].dump() + " " + t["metric"].get<std::string>();
  ASSERT_EQ(gt.size(), wt.size()) << name << ": got" << got_targets;
  for (size_t i = 0; i < wt.size(); ++i) {
    SCOPED_TRACE(name + ": target " + std::to_string(i) + " " + wt[i]["metric"].get<std::string>());
    for (auto& [key, value] : wt[i].items()) EXPECT_EQ(gt[i][key], value) << key;
    if (!wt[i].contains("max")) {
      EXPECT_TRUE(gt[i]["max"].is_null());
    }
    std::vector<double> b = gt[i]["bbox"];
    EXPECT_LT(b[0], b[2]);
    EXPECT_LT(b[1], b[3]);
    EXPECT_FALSE(gt[i]["section"].empty());
  }
  // Tasks: every row of every task table, once, in order, each listed field
  // equal (timeline: the fields listed); every cell drawn on a listed page.
  const json wk = want.value("tasks", json::array());
  const json& gk = got["tasks"];
  std::string got_tasks;
  for (const json& t : gk) got_tasks += " " + t["no"].get<std::string>();
  ASSERT_EQ(gk.size(), wk.size()) << name << ": got" << got_tasks;
  for (size_t i = 0; i < wk.size(); ++i) {
    SCOPED_TRACE(name + ": task " + std::to_string(i) + " '" + wk[i]["no"].get<std::string>() + "'");
    for (auto& [key, value] : wk[i].items()) {
      if (key == "timeline") {
        for (auto& [tk, tv] : value.items()) EXPECT_EQ(gk[i]["timeline"][tk], tv) << "timeline." << tk;
      } else {
        EXPECT_EQ(gk[i][key], value) << key;
      }
    }
    ASSERT_FALSE(gk[i]["cells"].empty());
    for (const json& c : gk[i]["cells"]) {
      std::vector<double> b = c["bbox"];
      EXPECT_LT(b[0], b[2]);
      EXPECT_LT(b[1], b[3]);
      const json& pages = wk[i]["pages"];
      EXPECT_NE(std::find(pages.begin(), pages.end(), c["page"]), pages.end()) << "cell on page " << c["page"];
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Corpus, GoldenTest,
                         ::testing::Values("000_cantho_2026", "001_camau_2023", "003_cantho_2019", "004_cantho_2025",
                                           "005_vinhlong_2025", "006_soctrang_2024"));

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
