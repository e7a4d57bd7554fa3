// accuracy [-v] [DIR]: every real document of DIR (default corpus/real) against
// its NAME.expected.json, written from the page images: one Markdown row a
// document (pages read as expected, phrases found, facts right of seven,
// references and targets found of those printed, and given, seconds) and a
// total.  OCR runs with one OpenMP thread (OMP_THREAD_LIMIT=1, as the CLI).  The README's accuracy table is this output.  Run from the source
// folder: build/bench/accuracy.  With -v, what each document missed (a fact's
// value as read, a phrase, a reference or target not found) goes to stderr.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/support/real_score.h"

int main(int argc, char** argv) {
  // One OpenMP thread for Tesseract, as the CLI runs it (cli/main.cc):
  // libgomp reads the limit when it is loaded, so set it and start again.
  if (std::getenv("OMP_THREAD_LIMIT") == nullptr) {
    setenv("OMP_THREAD_LIMIT", "1", 1);
    execv("/proc/self/exe", argv);
  }
  namespace fs = std::filesystem;
  bool verbose = argc > 1 && std::string(argv[1]) == "-v";
  std::string dir = argc > 1 + verbose ? argv[1 + verbose] : "corpus/real";
  std::vector<fs::path> wants;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.path().string().size() > 14 && e.path().string().rfind(".expected.json") == e.path().string().size() - 14)
      wants.push_back(e.path());
  if (ec || wants.empty()) {
    std::fprintf(stderr, "accuracy: %s: no NAME.expected.json here\n", dir.c_str());
    return 1;
  }
  std::sort(wants.begin(), wants.end());
  auto pipeline = kh::Pipeline::Create({});
  if (!pipeline.ok()) {
    std::fprintf(stderr, "accuracy: %s\n", pipeline.status().message().c_str());
    return 1;
  }
  std::printf("| document | pages read as expected | phrases found | facts right | references found (given) | targets found (given) | s |\n");
  std::printf("|---|---:|---:|---:|---:|---:|---:|\n");
  kh::RealScore total;
  int failed = 0;
  for (const fs::path& w : wants) {
    std::string name = w.filename().string();
    name = name.substr(0, name.size() - 14);
    std::ifstream in(w);
    nlohmann::json want = nlohmann::json::parse(in, nullptr, false);
    kh::RealScore s;
    std::string error;
    if (want.is_discarded() ||
        !kh::ScoreRealDocument(*pipeline.value(), (fs::path(dir) / (name + ".pdf")).string(), want, &s, &error)) {
      std::fprintf(stderr, "accuracy: %s: %s\n", name.c_str(), want.is_discarded() ? "bad JSON" : error.c_str());
      ++failed;
      continue;
    }
    std::printf("| %s | %d/%d | %d/%d | %d/%d | %d/%d (%d) | %d/%d (%d) | %.1f |\n", name.c_str(), s.pages_as_expected,
                s.pages, s.phrases_found, s.phrases, s.facts_right, s.facts, s.refs_found, s.refs_want, s.refs_got,
                s.targets_found, s.targets_want, s.targets_got, s.seconds);
    std::fflush(stdout);
    if (verbose)
      for (const std::string& m : s.missed) std::fprintf(stderr, "%s: %s\n", name.c_str(), m.c_str());
    total.pages += s.pages, total.pages_as_expected += s.pages_as_expected;
    total.phrases += s.phrases, total.phrases_found += s.phrases_found;
    total.facts += s.facts, total.facts_right += s.facts_right;
    total.refs_want += s.refs_want, total.refs_found += s.refs_found, total.refs_got += s.refs_got;
    total.targets_want += s.targets_want, total.targets_found += s.targets_found, total.targets_got += s.targets_got;
    total.seconds += s.seconds;
  }
  std::printf("| **all** | %d/%d | %d/%d | %d/%d | %d/%d (%d) | %d/%d (%d) | %.1f |\n", total.pages_as_expected, total.pages,
              total.phrases_found, total.phrases, total.facts_right, total.facts, total.refs_found, total.refs_want,
              total.refs_got, total.targets_found, total.targets_want, total.targets_got, total.seconds);
  return failed ? 1 : 0;
}
