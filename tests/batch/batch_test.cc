#include "batch/batch.h"

#include <signal.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/support/scratch_dir.h"

namespace kh {
namespace {

namespace fs = std::filesystem;

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<nlohmann::json> Lines(const fs::path& p) {
  std::vector<nlohmann::json> out;
  std::istringstream in(Slurp(p));
  for (std::string line; std::getline(in, line);) out.push_back(nlohmann::json::parse(line));
  return out;
}

// A record without what varies from run to run (time, memory).
nlohmann::json Stable(nlohmann::json r) {
  r.erase("seconds");
  r.erase("max_rss_mb");
  return r;
}

class BatchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    scratch_ = std::make_unique<ScratchDir>();
    root_ = scratch_->path();
    fs::create_directories(root_ / "in" / "sub");
    std::string corpus = std::string(KEHOACH_SOURCE_DIR) + "/corpus/";
    fs::copy_file(corpus + "000_cantho_2026.pdf", root_ / "in" / "a.pdf");
    fs::copy_file(corpus + "001_camau_2023.pdf", root_ / "in" / "b.pdf");
    fs::copy_file(corpus + "005_vinhlong_2025.pdf", root_ / "in" / "sub" / "c.pdf");
    fs::copy_file(corpus + "006_soctrang_2024.pdf", root_ / "in" / "sub" / "d.pdf");
    fs::copy_file(corpus + "006_soctrang_2024.pdf", root_ / "in" / "sub" / "d-copy.pdf");  // same content
    std::ofstream(root_ / "in" / "broken.pdf") << "%PDF-1.4 and then nothing";
  }
  void TearDown() override { scratch_.reset(); }
  std::unique_ptr<ScratchDir> scratch_;  // this test's own folder under TMPDIR
  BatchOptions Options(const std::string& out, int jobs) {
    BatchOptions o;
    o.inputs = {(root_ / "in").string()};
    o.out_dir = (root_ / out).string();
    o.jobs = jobs;
    o.limits.seconds = 60;
    return o;
  }
  fs::path root_;
};

TEST_F(BatchTest, OneJsonPerDocumentAndOneRecordEach) {
  auto s = RunBatch(Options("out", 2), nullptr);
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ(s->inputs, 5u);  // d-copy.pdf is d.pdf
  EXPECT_EQ(s->read, 4u);
  EXPECT_EQ(s->failed, 1u);
  auto results = Lines(root_ / "out" / "results.jsonl");
  auto errors = Lines(root_ / "out" / "errors.jsonl");
  ASSERT_EQ(results.size(), 4u);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0]["stage"], "read");
  EXPECT_NE(errors[0]["reason"].get<std::string>().find("damaged"), std::string::npos);
  // Sorted by path; identical content listed once, with its other path.
  std::vector<std::string> files;
  for (const auto& r : results) files.push_back(fs::path(r["file"].get<std::string>()).filename().string());
  EXPECT_EQ(files, (std::vector<std::string>{"a.pdf", "b.pdf", "c.pdf", "d-copy.pdf"}));
  EXPECT_EQ(fs::path(results[3]["also"][0].get<std::string>()).filename(), "d.pdf");
  for (const auto& r : results) {
    std::string text = Slurp(root_ / "out" / r["json"].get<std::string>());
    EXPECT_EQ(text.size(), r["json_bytes"].get<size_t>());
    auto plan = nlohmann::json::parse(text);
    EXPECT_EQ(plan["source"]["sha256"], r["sha256"]);
    EXPECT_EQ(plan["source"]["pages"], r["pages"]);
    EXPECT_EQ(plan["tasks"].size(), r["tasks"].get<size_t>());
  }
  EXPECT_EQ(results[2]["number"], "45/KH-UBND");
}

TEST_F(BatchTest, ARerunReadsOnlyWhatIsMissing) {
  ASSERT_TRUE(RunBatch(Options("out", 2), nullptr).ok());
  std::string before = Slurp(root_ / "out" / "results.jsonl");
  auto again = RunBatch(Options("out", 2), nullptr);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->read, 0u);
  EXPECT_EQ(again->skipped, 5u);
  EXPECT_EQ(Slurp(root_ / "out" / "results.jsonl"), before);
  // A JSON lost since (or cut short) is read again, and recorded once.
  auto results = Lines(root_ / "out" / "results.jsonl");
  fs::remove(root_ / "out" / results[1]["json"].get<std::string>());
  auto third = RunBatch(Options("out", 1), nullptr);
  ASSERT_TRUE(third.ok());
  EXPECT_EQ(third->read, 1u);
  EXPECT_EQ(Lines(root_ / "out" / "results.jsonl").size(), 4u);
  EXPECT_TRUE(fs::exists(root_ / "out" / results[1]["json"].get<std::string>()));
}

TEST_F(BatchTest, RetryErrorsReadsTheFailuresAgain) {
  ASSERT_TRUE(RunBatch(Options("out", 1), nullptr).ok());
  fs::copy_file(std::string(KEHOACH_SOURCE_DIR) + "/corpus/003_cantho_2019.pdf", root_ / "in" / "broken.pdf",
                fs::copy_options::overwrite_existing);
  BatchOptions o = Options("out", 1);
  auto plain = RunBatch(o, nullptr);  // new content, new key: read without asking
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(plain->read, 1u);
  EXPECT_EQ(Lines(root_ / "out" / "results.jsonl").size(), 5u);
  o.retry_errors = true;  // the old failure's file is gone from the inputs: dropped
  auto retried = RunBatch(o, nullptr);
  ASSERT_TRUE(retried.ok());
  EXPECT_EQ(retried->errors, 0u);
}

TEST_F(BatchTest, SameRecordsInTheSameOrderWhateverTheWorkers) {
  ASSERT_TRUE(RunBatch(Options("j1", 1), nullptr).ok());
  ASSERT_TRUE(RunBatch(Options("j3", 3), nullptr).ok());
  auto a = Lines(root_ / "j1" / "results.jsonl"), b = Lines(root_ / "j3" / "results.jsonl");
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) EXPECT_EQ(Stable(a[i]), Stable(b[i]));
  auto ea = Lines(root_ / "j1" / "errors.jsonl"), eb = Lines(root_ / "j3" / "errors.jsonl");
  ASSERT_EQ(ea.size(), eb.size());
  for (size_t i = 0; i < ea.size(); ++i) EXPECT_EQ(Stable(ea[i]), Stable(eb[i]));
}

TEST_F(BatchTest, AParserCrashCostsOneErrorRecord) {
  BatchOptions o = Options("out", 2);
  o.worker_hook = [](const std::string& path) {
    if (path.find("b.pdf") != std::string::npos) {
      std::fprintf(stderr, "Syntax Error: about to crash\n");
      raise(SIGSEGV);
    }
  };
  auto s = RunBatch(o, nullptr);
  ASSERT_TRUE(s.ok());
  auto errors = Lines(root_ / "out" / "errors.jsonl");
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(fs::path(errors[0]["file"].get<std::string>()).filename(), "b.pdf");
  EXPECT_EQ(errors[0]["stage"], "crash");
  std::string reason = errors[0]["reason"];
  EXPECT_NE(reason.find("SIGSEGV"), std::string::npos) << reason;
  EXPECT_NE(reason.find("about to crash"), std::string::npos) << reason;
  EXPECT_EQ(Lines(root_ / "out" / "results.jsonl").size(), 3u);
}

TEST_F(BatchTest, AHangCostsOneErrorRecord) {
  BatchOptions o = Options("out", 2);
  // Long enough for the real plans under ASan with the OCR tests running
  // beside (1 s timed one of them out there); the hang costs it, once.
  o.limits.seconds = 10;
  o.worker_hook = [](const std::string& path) {
    if (path.find("c.pdf") != std::string::npos) {
      for (;;) pause();
    }
  };
  auto s = RunBatch(o, nullptr);
  ASSERT_TRUE(s.ok());
  auto errors = Lines(root_ / "out" / "errors.jsonl");
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[1]["stage"], "timeout");
  EXPECT_EQ(fs::path(errors[1]["file"].get<std::string>()).filename(), "c.pdf");
}

TEST_F(BatchTest, ShardsSplitTheDocumentsAndMergeBackToTheWhole) {
  ASSERT_TRUE(RunBatch(Options("whole", 2), nullptr).ok());
  std::vector<std::string> dirs;
  size_t total = 0;
  for (int i = 0; i < 3; ++i) {
    BatchOptions o = Options("shard" + std::to_string(i), 1);
    o.shard_index = i;
    o.shard_count = 3;
    auto s = RunBatch(o, nullptr);
    ASSERT_TRUE(s.ok());
    total += s->in_shard;
    dirs.push_back(o.out_dir);
  }
  EXPECT_EQ(total, 5u);  // each document in exactly one shard
  auto m = MergeBatches(dirs, (root_ / "merged").string(), (root_ / "merged.sqlite").string());
  ASSERT_TRUE(m.ok()) << m.status().message();
  auto a = Lines(root_ / "whole" / "results.jsonl"), b = Lines(root_ / "merged" / "results.jsonl");
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(Stable(a[i]), Stable(b[i]));
    EXPECT_EQ(Slurp(root_ / "whole" / a[i]["json"].get<std::string>()),
              Slurp(root_ / "merged" / b[i]["json"].get<std::string>()));
  }
  auto ea = Lines(root_ / "whole" / "errors.jsonl"), eb = Lines(root_ / "merged" / "errors.jsonl");
  ASSERT_EQ(ea.size(), eb.size());
  for (size_t i = 0; i < ea.size(); ++i) EXPECT_EQ(Stable(ea[i]), Stable(eb[i]));
  // Merging again changes nothing.
  ASSERT_TRUE(MergeBatches(dirs, (root_ / "merged").string(), "").ok());
  EXPECT_EQ(Lines(root_ / "merged" / "results.jsonl").size(), a.size());
}

TEST_F(BatchTest, AFolderInUseIsRefused) {
  BatchOptions o = Options("out", 1);
  fs::path said = root_ / "said.txt";
  o.worker_hook = [&](const std::string& path) {
    // While the batch runs, a second batch on the same folder must fail.
    if (path.find("a.pdf") != std::string::npos) {
      auto s = RunBatch(Options("out", 1), nullptr);
      std::ofstream(said) << (s.ok() ? "second batch ran" : s.status().message());
    }
  };
  ASSERT_TRUE(RunBatch(o, nullptr).ok());
  EXPECT_NE(Slurp(said).find("in use by another kehoach batch"), std::string::npos) << Slurp(said);
}

}  // namespace
}  // namespace kh
