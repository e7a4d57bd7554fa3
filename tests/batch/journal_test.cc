#include "batch/journal.h"

#include <filesystem>
#include <memory>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "tests/support/scratch_dir.h"

namespace kh {
namespace {

namespace fs = std::filesystem;

class JournalTest : public ::testing::Test {
 protected:
  void SetUp() override {
    scratch_ = std::make_unique<ScratchDir>();
    dir_ = scratch_->path();
    fs::create_directories(dir_);
    path_ = (dir_ / "results.jsonl").string();
  }
  void TearDown() override { scratch_.reset(); }
  std::unique_ptr<ScratchDir> scratch_;  // this test's own folder under TMPDIR
  void Write(const std::string& text) { std::ofstream(path_, std::ios::binary) << text; }
  std::string Read() {
    std::ifstream in(path_, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  static JournalRecord Rec(const std::string& sha, const std::string& file) {
    JournalRecord r;
    r.key = sha;
    r.file = file;
    r.line = R"({"file":")" + file + R"(","sha256":")" + sha + R"("})";
    return r;
  }
  static bool All(const JournalRecord&) { return true; }
  fs::path dir_;
  std::string path_;
};

TEST_F(JournalTest, ALineCutByAKillIsDroppedAndTheFileRepaired) {
  Write("{\"file\":\"a.pdf\",\"sha256\":\"aa\"}\n{\"file\":\"b.pdf\",\"sha2");
  auto j = Journal::Open(path_, All);
  ASSERT_TRUE(j.ok());
  EXPECT_EQ(j.value()->size(), 1u);
  EXPECT_TRUE(j.value()->Has("aa"));
  EXPECT_EQ(Read(), "{\"file\":\"a.pdf\",\"sha256\":\"aa\"}\n");
}

TEST_F(JournalTest, EachKeyOnceAndOnlyWhatTheCallerKeeps) {
  Write("{\"file\":\"a.pdf\",\"sha256\":\"aa\"}\n{\"file\":\"a2.pdf\",\"sha256\":\"aa\"}\n"
        "{\"file\":\"b.pdf\",\"sha256\":\"bb\"}\nnot json\n{\"file\":\"c.pdf\",\"sha256\":null}\n");
  auto j = Journal::Open(path_, [](const JournalRecord& r) { return r.file != "b.pdf"; });
  ASSERT_TRUE(j.ok());
  EXPECT_EQ(j.value()->size(), 2u);
  EXPECT_TRUE(j.value()->Has("aa"));
  EXPECT_TRUE(j.value()->Has("path:c.pdf"));  // no hash: keyed by path
  EXPECT_EQ(j.value()->records().at("aa").file, "a.pdf");  // the first wins
}

TEST_F(JournalTest, AppendTwiceWritesOnceAndFinishSortsByPath) {
  auto j = Journal::Open(path_, All);
  ASSERT_TRUE(j.ok());
  ASSERT_TRUE(j.value()->Append(Rec("22", "z.pdf")).ok());
  ASSERT_TRUE(j.value()->Append(Rec("11", "a.pdf")).ok());
  ASSERT_TRUE(j.value()->Append(Rec("22", "z.pdf")).ok());
  EXPECT_EQ(Read(), Rec("22", "z.pdf").line + "\n" + Rec("11", "a.pdf").line + "\n");  // as finished
  ASSERT_TRUE(j.value()->Finish().ok());
  EXPECT_EQ(Read(), Rec("11", "a.pdf").line + "\n" + Rec("22", "z.pdf").line + "\n");  // by path
  // Appends after a rewrite go to the new file.
  ASSERT_TRUE(j.value()->Append(Rec("33", "m.pdf")).ok());
  EXPECT_NE(Read().find("m.pdf"), std::string::npos);
}

TEST_F(JournalTest, ReadsItsOwnOutputBack) {
  {
    auto j = Journal::Open(path_, All);
    ASSERT_TRUE(j.ok());
    JournalRecord r = Rec("44", "d.pdf");
    r.line = R"({"file":"d.pdf","sha256":"44","json":"json/d-44.json","json_bytes":123})";
    ASSERT_TRUE(j.value()->Append(r).ok());
  }
  auto j = Journal::Open(path_, All);
  ASSERT_TRUE(j.ok());
  const JournalRecord& r = j.value()->records().at("44");
  EXPECT_EQ(r.json, "json/d-44.json");
  EXPECT_EQ(r.json_bytes, 123);
}

}  // namespace
}  // namespace kh
