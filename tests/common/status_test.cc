#include "common/status.h"

#include <gtest/gtest.h>

namespace kh {
namespace {

TEST(StatusTest, OkByDefault) {
  Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_STREQ(s.code_name(), "ok");
}

TEST(StatusTest, CodesAndMessages) {
  struct Case { Status s; Status::Code code; const char* name; } cases[] = {
      {Status::InvalidInput("not a PDF"), Status::Code::kInvalidInput, "invalid_input"},
      {Status::Encrypted("needs a password"), Status::Code::kEncrypted, "encrypted"},
      {Status::IoError("cannot open"), Status::Code::kIoError, "io_error"},
      {Status::DataError("bad json"), Status::Code::kDataError, "data_error"},
      {Status::Internal("bug"), Status::Code::kInternal, "internal"},
  };
  for (const Case& c : cases) {
    EXPECT_FALSE(c.s.ok());
    EXPECT_EQ(c.s.code(), c.code);
    EXPECT_STREQ(c.s.code_name(), c.name);
    EXPECT_FALSE(c.s.message().empty());
  }
}

TEST(ResultTest, HoldsValueOrStatus) {
  Result<int> v(42);
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v.value(), 42);
  EXPECT_TRUE(v.status().ok());
  Result<int> e(Status::InvalidInput("nope"));
  EXPECT_FALSE(e.ok());
  EXPECT_EQ(e.status().message(), "nope");
}

}  // namespace
}  // namespace kh
