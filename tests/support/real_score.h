// real_score: how well one real document of corpus/real/ is read, against
// its NAME.expected.json (written from the page images).  One measure for
// the scan test (tests/pipeline/scan_test.cc, which adds the known-gaps
// ledger) and the accuracy table (bench/accuracy.cc).
#ifndef KEHOACH_TESTS_SUPPORT_REAL_SCORE_H_
#define KEHOACH_TESTS_SUPPORT_REAL_SCORE_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "pipeline/pipeline.h"

namespace kh {

struct RealScore {
  int pages = 0, pages_as_expected = 0;  // read by text or OCR, for the reason expected
  int phrases = 0, phrases_found = 0;    // PhraseFound in that page's text
  // The seven facts: kind, number, date, issuer, province, title, signer's
  // name.  A fact not right is either null (the reader did not answer) or
  // wrong (it answered another value): the two are counted apart, as a
  // wrong value is a defect and a null with a diagnostic is not.
  int facts = 0, facts_right = 0, facts_wrong = 0, facts_null = 0;
  std::vector<std::string> facts_wrong_names;  // "number", "date", ...
  int refs_want = 0, refs_found = 0, refs_got = 0;           // by number
  int targets_want = 0, targets_found = 0, targets_got = 0;  // by page, value, comparator (and unit, if given)
  int tasks_want = 0, tasks_found = 0;  // by number, the task's (or its group's) text starting with the words expected
  std::vector<std::string> targets_missed, tasks_missed;  // "p27 1 sáng kiến", "I.1"
  double seconds = 0;
  // Where the document came from (its expectation's "source", the public
  // repository) and whether the rules were tuned while looking at it
  // ("tuned_on"): the accuracy table reports the two apart.
  std::string source;
  bool tuned_on = true;
  std::vector<std::string> missed;  // "page N phrase: …", "reference …", "fact …"
  nlohmann::json got;               // the plan as JSON
};

// Reads pdf with pipeline and scores it against want; false with *error set
// if the PDF cannot be read.
bool ScoreRealDocument(const Pipeline& pipeline, const std::string& pdf, const nlohmann::json& want, RealScore* score,
                       std::string* error);

}  // namespace kh

#endif  // KEHOACH_TESTS_SUPPORT_REAL_SCORE_H_
