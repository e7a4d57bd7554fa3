#!/usr/bin/env bash
# Everything CI checks (README: "Build and test"), in this order:
#  1. the packages (scripts/setup.sh), the release build and its tests;
#  2. the same tests built with clang under AddressSanitizer and UBSan (any
#     report fails the test it happens in; leaks too), in build-san/;
#  3. each libFuzzer target (built into build-san/ too) for FUZZ_SECONDS
#     (default 60) from the seed corpus, two at a time (fuzz/run.sh).
# About 15 minutes on 2 cores from nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
FUZZ_SECONDS=${FUZZ_SECONDS:-60}
bash scripts/setup.sh
cmake -S . -B build
cmake --build build -j2
ctest --test-dir build --output-on-failure -j2
cmake -S . -B build-san -DCMAKE_CXX_COMPILER=clang++-14 -DKEHOACH_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build-san -j2
ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build-san --output-on-failure -j2
bash fuzz/run.sh build-san "$FUZZ_SECONDS"
