// Inputs built to be slow: for a regex engine that backtracks, for a scanner
// that looks back or ahead from every position, for a sort or a grouping
// that compares everything with everything.  Each kind is text for
// TextToDocument (synthetic_pages.h) of about `bytes` bytes, so it runs
// through the layout, the normalizer and the whole rules stage.
//
// Used by tests/rules/stress_test.cc (large inputs must finish: linear code
// takes about a second, quadratic code would take hours) and
// bench/stress_rules.cc (the time per byte at growing sizes: flat if linear).
#ifndef KEHOACH_TESTS_SUPPORT_STRESS_INPUTS_H_
#define KEHOACH_TESTS_SUPPORT_STRESS_INPUTS_H_

#include <cstddef>
#include <string>
#include <vector>

namespace kh {

struct StressKind {
  const char* name;
  const char* what;  // what it is built to hurt
};

// Every kind, in a fixed order.
const std::vector<StressKind>& StressKinds();

// The input of that kind; "" for an unknown name.
std::string StressInput(const std::string& kind, size_t bytes);

}  // namespace kh

#endif  // KEHOACH_TESTS_SUPPORT_STRESS_INPUTS_H_
