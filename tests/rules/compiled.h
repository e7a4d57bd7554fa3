// Test helper: a rules-stage class compiled from the built-in rules, e.g.
// Compiled<TargetExtractor>(); a failure to compile fails the test.
#ifndef KEHOACH_TESTS_RULES_COMPILED_H_
#define KEHOACH_TESTS_RULES_COMPILED_H_

#include <gtest/gtest.h>

#include <memory>

#include "rules/rule_data.h"

namespace kh {

template <typename T>
std::shared_ptr<const T> Compiled() {
  auto data = DefaultRuleData();
  EXPECT_TRUE(data.ok()) << data.status().message();
  if (!data.ok()) return nullptr;
  auto x = T::Create(data.value());
  EXPECT_TRUE(x.ok()) << x.status().message();
  return x.ok() ? x.value() : nullptr;
}

}  // namespace kh

#endif  // KEHOACH_TESTS_RULES_COMPILED_H_
