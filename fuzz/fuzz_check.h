// FUZZ_CHECK: an invariant the fuzz targets assert.  A broken one prints what
// broke and aborts, which libFuzzer reports as a crash and saves the input.
#ifndef KEHOACH_FUZZ_FUZZ_CHECK_H_
#define KEHOACH_FUZZ_FUZZ_CHECK_H_

#include <cstdio>
#include <cstdlib>

#define FUZZ_CHECK(cond, what)                                                          \
  do {                                                                                  \
    if (!(cond)) {                                                                      \
      std::fprintf(stderr, "%s:%d: invariant broken: %s (%s)\n", __FILE__, __LINE__, \
                   what, #cond);                                                        \
      std::abort();                                                                     \
    }                                                                                   \
  } while (0)

#endif  // KEHOACH_FUZZ_FUZZ_CHECK_H_
