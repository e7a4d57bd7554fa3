// accuracy [-v] [DIR]: every real document of DIR (default corpus/real) against
// its NAME.expected.json, written from the page images.  Two Markdown tables:
//
//  1. one row a document: pages read as expected, phrases found, facts
//     right of seven and, of those not right, how many were wrong (another
//     value given) and how many null, references and targets found of those
//     printed (and given), seconds;
//  2. facts per source (the public repository the document came from,
//     its expectation's "source"), scans and born-digital apart, and the
//     documents the rules were tuned on apart from those held out
//     ("tuned_on": false): right, wrong and null, and which facts were wrong.
//
// OCR runs with one OpenMP thread (OMP_THREAD_LIMIT=1, as the CLI).  The
// README's accuracy tables are this output.  Run from the source folder:
// build/bench/accuracy.  With -v, what each document missed (a fact's value
// as read, a phrase, a reference or target not found) goes to stderr.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <tuple>
#include <unistd.h>
#include <vector>

#include "tests/support/real_score.h"

namespace {

// The facts of one group of documents (a source, scans or born-digital,
// tuned on or held out).
struct FactTally {
  int documents = 0, facts = 0, right = 0, wrong = 0, null = 0;
  std::map<std::string, int> wrong_by_fact;
  void Add(const kh::RealScore& s) {
    ++documents, facts += s.facts, right += s.facts_right, wrong += s.facts_wrong, null += s.facts_null;
    for (const std::string& f : s.facts_wrong_names) ++wrong_by_fact[f];
  }
  std::string WrongNames() const {
    std::string out;
    for (const auto& [f, n] : wrong_by_fact) out += (out.empty() ? "" : ", ") + f + (n > 1 ? " ×" + std::to_string(n) : "");
    return out.empty() ? "–" : out;
  }
};

void PrintTallyRow(const std::string& label, const FactTally& t) {
  std::printf("| %s | %d | %d/%d (%.0f%%) | %d | %d | %s |\n", label.c_str(), t.documents, t.right, t.facts,
              t.facts ? 100.0 * t.right / t.facts : 0.0, t.wrong, t.null, t.WrongNames().c_str());
}

bool IsScan(const kh::RealScore& s) {
  for (const nlohmann::json& r : s.got["source"]["reading"])
    if (r.value("by", "") == "ocr") return true;
  return false;
}

}  // namespace

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
  std::printf("| document | pages read as expected | phrases found | facts right | wrong | null | references found (given) | targets found (given) | s |\n");
  std::printf("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
  kh::RealScore total;
  // (held out?, scan?, source) -> facts; sorted tuned first, then held out.
  std::map<std::tuple<bool, bool, std::string>, FactTally> by_source;
  std::map<std::pair<bool, bool>, FactTally> by_set;
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
    std::printf("| %s | %d/%d | %d/%d | %d/%d | %d | %d | %d/%d (%d) | %d/%d (%d) | %.1f |\n", name.c_str(),
                s.pages_as_expected, s.pages, s.phrases_found, s.phrases, s.facts_right, s.facts, s.facts_wrong,
                s.facts_null, s.refs_found, s.refs_want, s.refs_got, s.targets_found, s.targets_want, s.targets_got,
                s.seconds);
    std::fflush(stdout);
    if (verbose)
      for (const std::string& m : s.missed) std::fprintf(stderr, "%s: %s\n", name.c_str(), m.c_str());
    total.pages += s.pages, total.pages_as_expected += s.pages_as_expected;
    total.phrases += s.phrases, total.phrases_found += s.phrases_found;
    total.facts += s.facts, total.facts_right += s.facts_right;
    total.facts_wrong += s.facts_wrong, total.facts_null += s.facts_null;
    total.refs_want += s.refs_want, total.refs_found += s.refs_found, total.refs_got += s.refs_got;
    total.targets_want += s.targets_want, total.targets_found += s.targets_found, total.targets_got += s.targets_got;
    total.seconds += s.seconds;
    by_source[{!s.tuned_on, IsScan(s), s.source.empty() ? "?" : s.source}].Add(s);
    by_set[{!s.tuned_on, IsScan(s)}].Add(s);
  }
  std::printf("| **all** | %d/%d | %d/%d | %d/%d | %d | %d | %d/%d (%d) | %d/%d (%d) | %.1f |\n", total.pages_as_expected,
              total.pages, total.phrases_found, total.phrases, total.facts_right, total.facts, total.facts_wrong,
              total.facts_null, total.refs_found, total.refs_want, total.refs_got, total.targets_found,
              total.targets_want, total.targets_got, total.seconds);

  std::printf("\n| set | source | documents | facts right | wrong | null | wrong facts |\n");
  std::printf("|---|---|---:|---:|---:|---:|---|\n");
  for (const auto& [key, t] : by_source) {
    const auto& [held_out, scan, source] = key;
    PrintTallyRow(std::string(held_out ? "held out" : "tuned on") + (scan ? ", scans" : ", born-digital") + " | " + source, t);
  }
  for (const auto& [key, t] : by_set)
    PrintTallyRow(std::string("**") + (key.first ? "held out" : "tuned on") + (key.second ? ", scans" : ", born-digital") +
                      "** | all",
                  t);
  return failed ? 1 : 0;
}
