#include "batch/inputs.h"

#include <filesystem>
#include <memory>
#include <fstream>
#include <set>

#include <gtest/gtest.h>

#include "tests/support/scratch_dir.h"

namespace kh {
namespace {

namespace fs = std::filesystem;

class InputsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    scratch_ = std::make_unique<ScratchDir>();
    dir_ = scratch_->path();
    fs::create_directories(dir_ / "a" / "deep");
    Put("a/deep/2.pdf", "%PDF-1.4 two");
    Put("a/1.PDF", "%PDF-1.4 one");
    Put("a/notes.txt", "not a plan");
    Put("b.pdf", "%PDF-1.4 one");  // same bytes as a/1.PDF
  }
  void TearDown() override { scratch_.reset(); }
  std::unique_ptr<ScratchDir> scratch_;  // this test's own folder under TMPDIR
  void Put(const std::string& rel, const std::string& text) { std::ofstream(dir_ / rel, std::ios::binary) << text; }
  std::string P(const std::string& rel) { return (dir_ / rel).string(); }
  fs::path dir_;
};

TEST_F(InputsTest, FoldersRecursivelyInPathOrderPdfsOnly) {
  auto got = ExpandInputs({P("a")});
  EXPECT_EQ(got, (std::vector<std::string>{P("a/1.PDF"), P("a/deep/2.pdf")}));
}

TEST_F(InputsTest, ManifestRelativeToItsFolderCommentsSkippedRepeatsOnce) {
  Put("list.txt", "# archive batch 1\n\nb.pdf\n  a/deep/2.pdf  \r\nb.pdf\nmissing.pdf\n");
  auto got = ExpandInputs({P("list.txt"), P("b.pdf")});
  EXPECT_EQ(got, (std::vector<std::string>{P("b.pdf"), P("a/deep/2.pdf"), P("missing.pdf")}));
}

TEST_F(InputsTest, AMissingFileIsAnInputThatCannotBeRead) {
  auto got = HashInputs(ExpandInputs({P("nope.pdf")}), 1);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_FALSE(got[0].error.empty());
  EXPECT_EQ(InputKey(got[0]), "path:" + P("nope.pdf"));
}

TEST_F(InputsTest, IdenticalContentIsOneDocument) {
  auto got = HashInputs({P("a/1.PDF"), P("a/deep/2.pdf"), P("b.pdf")}, 2);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].path, P("a/1.PDF"));
  EXPECT_EQ(got[0].also, (std::vector<std::string>{P("b.pdf")}));
  EXPECT_EQ(got[0].sha256.size(), 64u);
  EXPECT_EQ(got[0].bytes, 12u);
}

TEST(ShardTest, StableInRangeAndSpread) {
  std::vector<int> count(4);
  for (int i = 0; i < 4000; ++i) {
    char key[65];
    std::snprintf(key, sizeof key, "%016llx%048d", static_cast<unsigned long long>(i) * 0x9E3779B97F4A7C15ULL, 0);
    int s = ShardOf(key, 4);
    ASSERT_GE(s, 0);
    ASSERT_LT(s, 4);
    EXPECT_EQ(s, ShardOf(key, 4));
    ++count[static_cast<size_t>(s)];
  }
  for (int c : count) EXPECT_GT(c, 800);
  EXPECT_EQ(ShardOf("00000000000000050000", 4), 1);  // 5 % 4, by the first 64 bits
  EXPECT_EQ(ShardOf("anything", 1), 0);
  int a = ShardOf("path:/x/y.pdf", 3);
  EXPECT_EQ(a, ShardOf("path:/x/y.pdf", 3));
}

TEST(ShardTest, Parse) {
  int i = -1, n = -1;
  EXPECT_TRUE(ParseShard("0/4", &i, &n));
  EXPECT_EQ(i, 0);
  EXPECT_EQ(n, 4);
  EXPECT_TRUE(ParseShard("3/4", &i, &n));
  for (const char* bad : {"4/4", "-1/4", "1/0", "1", "a/b", "1/4x", ""}) EXPECT_FALSE(ParseShard(bad, &i, &n)) << bad;
}

}  // namespace
}  // namespace kh
