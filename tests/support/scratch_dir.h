// A folder of one test's own, under TMPDIR, removed when the test ends.
//
//   ScratchDir dir;                          // $TMPDIR/kh-<suite>.<test>-XXXXXX
//   std::string pdf = dir.Write("a.pdf", bytes);   // fails the test if the write failed
//   ...                                       // dir.path() / "out" for anything else
//
// mkdtemp gives every test and every concurrent run a folder nobody else
// has, so fixed names inside it never collide.  Nothing a test writes lies
// outside its ScratchDir (or the source tree, which tests only read).
#ifndef KEHOACH_TESTS_SUPPORT_SCRATCH_DIR_H_
#define KEHOACH_TESTS_SUPPORT_SCRATCH_DIR_H_

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace kh {

class ScratchDir {
 public:
  ScratchDir() {
    const ::testing::TestInfo* info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name = info ? std::string(info->test_suite_name()) + "." + info->name() : "kh";
    for (char& c : name)
      if (c == '/') c = '_';  // parameterised names
    // temp_directory_path() reads TMPDIR, as mktemp(1) does.
    std::string templ = (std::filesystem::temp_directory_path() / ("kh-" + name + "-XXXXXX")).string();
    std::vector<char> buf(templ.begin(), templ.end());
    buf.push_back('\0');
    if (mkdtemp(buf.data()) == nullptr) {
      ADD_FAILURE() << "cannot make a scratch folder " << templ;
      return;
    }
    path_ = buf.data();
  }
  ~ScratchDir() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::string operator/(const std::string& rel) const { return (path_ / rel).string(); }

  // Writes bytes to rel (its folders made), checks the write, returns the path.
  std::string Write(const std::string& rel, const std::string& bytes) const {
    std::filesystem::path p = path_ / rel;
    std::error_code ec;
    std::filesystem::create_directories(p.parent_path(), ec);
    std::ofstream out(p, std::ios::binary);
    out << bytes;
    out.close();
    EXPECT_TRUE(out.good()) << "cannot write " << p;
    return p.string();
  }

 private:
  std::filesystem::path path_;
};

}  // namespace kh

#endif  // KEHOACH_TESTS_SUPPORT_SCRATCH_DIR_H_
