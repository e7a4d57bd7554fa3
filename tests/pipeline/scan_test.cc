// Scans: the corpus plans rasterised and made to look scanned
// (scripts/make_scans.py).  A scan's expectation is its born-digital
// original's (corpus/NAME.expected.json with the cells of corpus/src/NAME.plan):
// it is the same document.  OCR makes mistakes, so what is checked is how
// much of it comes out, as recall and precision over all scans:
//  - a reference is found when its number is;
//  - a target when its value, upper bound and comparator are, and its metric
//    holds the words of the person's phrase (MetricMatches);
//  - a task row when its number is, and its task cell's words are the
//    source's (both ways at least 0.7 of the distinct words).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <functional>
#include <map>
#include <set>
#include <nlohmann/json.hpp>

#include "normalizer/normalizer.h"
#include "output/json_writer.h"
#include "output/text_writer.h"
#include "pipeline/pipeline.h"
#include "tests/support/expectations.h"
#include "tests/support/plan_source.h"
#include "tests/support/real_score.h"
#include "tests/support/text_match.h"

namespace kh {
namespace {

using nlohmann::json;
const std::string kSrc = KEHOACH_SOURCE_DIR;

// One-to-one matches of want items to got items, each want item taking the
// first unused got item that matches it.
std::string Brief(const json& x) {
  std::string s;
  for (const char* k : {"number", "no", "page", "value", "comparator", "metric", "task"})
    if (x.contains(k)) s += (x[k].is_string() ? x[k].get<std::string>() : x[k].dump()) + " ";
  // At most 160 bytes, not cutting a character in two.
  size_t n = std::min<size_t>(s.size(), 160);
  while (n < s.size() && n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n);
}

// What was not found is printed, one line each, to see what OCR loses.
struct Tally {
  size_t found = 0, got = 0, want = 0;
  std::vector<bool> Add(const json& w, const json& g, const std::function<bool(const json&, const json&)>& same,
                        const std::string& what = "") {
    std::vector<bool> hits;
    want += w.size();
    got += g.size();
    std::vector<bool> used(g.size(), false);
    for (const json& x : w) {
      bool hit = false;
      for (size_t k = 0; k < g.size() && !hit; ++k)
        if (!used[k] && same(x, g[k])) used[k] = hit = true;
      found += hit;
      hits.push_back(hit);
      if (!hit && !what.empty()) std::printf("[ MISSED   ] %s %s\n", what.c_str(), Brief(x).c_str());
    }
    return hits;
  }
  double recall() const { return want ? static_cast<double>(found) / want : 1; }
  double precision() const { return got ? static_cast<double>(found) / got : 1; }
};

bool SameReference(const json& w, const json& g) { return w["number"] == g["number"]; }

bool SameTarget(const json& w, const json& g) {
  return w["value"] == g["value"] && w.value("max", json()) == g.value("max", json()) &&
         w["comparator"] == g["comparator"] && MetricMatches(w["metric"], g["metric"]);
}

bool SameTask(const json& w, const json& g) {
  if (w["no"] != g["no"]) return false;
  Overlap o = WordOverlap(w["task"], g["task"]);
  return o.recall >= 0.7 && o.precision >= 0.7;
}

json Expected(const std::string& name) {
  json want = LoadJson(kSrc + "/corpus/" + name + ".expected.json");
  PlanSource src;
  std::string error;
  EXPECT_TRUE(ReadPlanSource(kSrc + "/corpus/src/" + name + ".plan", &src, &error)) << error;
  want["tasks"] = TasksWithCells(want, src);
  return want;
}

TEST(ScanTest, ScansGiveNearlyWhatTheOriginalsGive) {
  auto pipeline = Pipeline::Create({});
  ASSERT_TRUE(pipeline.ok());
  Tally refs, targets, tasks;
  int facts = 0, facts_right = 0;
  for (const char* name : {"000_cantho_2026", "001_camau_2023", "003_cantho_2019", "004_cantho_2025",
                           "005_vinhlong_2025", "006_soctrang_2024"}) {
    json want = Expected(name);
    Result<PlanResult> plan = pipeline.value()->Run(kSrc + "/corpus/scans/" + name + ".scan.pdf");
    ASSERT_TRUE(plan.ok()) << name << ": " << plan.status().message();
    EXPECT_EQ(plan->source.text_layer, "ocr") << name;
    ASSERT_EQ(static_cast<int>(plan->source.ocr_pages.size()), plan->source.pages) << name;
    for (const OcrPage& p : plan->source.ocr_pages) {
      EXPECT_EQ(p.reason, "no_text_layer");
      EXPECT_GT(p.confidence, 75) << name << " page " << p.page;
      EXPECT_GT(std::fabs(p.skew_degrees), 0.2) << name << " page " << p.page << ": the scans are turned";
    }
    json got = json::parse(ToJson(plan.value()));
    for (const char* f : {"number", "date", "issuer", "province", "title", "signer"}) {
      facts_right += got["document"][f] == want["document"][f];
      ++facts;
    }
    refs.Add(want["legal_references"], got["legal_references"], SameReference, std::string(name) + " reference");
    targets.Add(want["targets"], got["targets"], SameTarget, std::string(name) + " target");
    tasks.Add(want["tasks"], got.value("tasks", json::array()), SameTask, std::string(name) + " task");
  }
  std::printf("[ SCANS    ] references recall %.2f precision %.2f; targets recall %.2f precision %.2f; "
              "task rows recall %.2f precision %.2f\n",
              refs.recall(), refs.precision(), targets.recall(), targets.precision(), tasks.recall(), tasks.precision());
  std::printf("[ SCANS    ] document facts (number, date, issuer, province, title, signer): %d of %d right\n",
              facts_right, facts);
  // Regression floors, not goals: what this version measures with the
  // matching above (references 0.91/0.91, targets 0.746/0.698, task rows
  // 0.17/0.21, facts 23 of 36) rounded down to a twentieth, so that losing
  // one more target or reference of the ~70 fails.  What is missed is
  // printed above ([ MISSED ]); the README's accuracy table states the goals.
  EXPECT_GE(facts_right, 23);
  EXPECT_GE(refs.recall(), 0.90);
  EXPECT_GE(refs.precision(), 0.90);
  EXPECT_GE(targets.recall(), 0.70);
  EXPECT_GE(targets.precision(), 0.65);
  EXPECT_GE(tasks.recall(), 0.15);
  EXPECT_GE(tasks.precision(), 0.20);
}

// Page 1 born-digital, page 2 scanned: both read, and the result is the
// original's.
TEST(ScanTest, MixedTextAndScannedPages) {
  auto pipeline = Pipeline::Create({});
  ASSERT_TRUE(pipeline.ok());
  json want = Expected("004_cantho_2025");
  Result<PlanResult> plan = pipeline.value()->Run(kSrc + "/corpus/scans/004_cantho_2025.mixed.pdf");
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(plan->source.text_layer, "mixed");
  ASSERT_EQ(plan->source.ocr_pages.size(), 1u);
  EXPECT_EQ(plan->source.ocr_pages[0].page, 2);
  json got = json::parse(ToJson(plan.value()));
  // What the born-digital original gives of the expectation (its own gaps
  // are the golden test's), the mixed one gives too, and nothing more; a
  // reference or target OCR loses is a difference for corpus/known_gaps.json
  // (doc "004_cantho_2025.mixed").
  Result<PlanResult> original = pipeline.value()->Run(kSrc + "/corpus/004_cantho_2025.pdf");
  ASSERT_TRUE(original.ok());
  json base = json::parse(ToJson(original.value()));
  Ledger ledger("004_cantho_2025.mixed", kSrc + "/corpus/known_gaps.json");
  for (const char* part : {"legal_references", "targets"}) {
    auto same = std::string(part) == "targets" ? SameTarget : SameReference;
    Tally mixed, born;
    std::vector<bool> m = mixed.Add(want[part], got[part], same);
    std::vector<bool> b = born.Add(want[part], base[part], same);
    for (size_t i = 0; i < m.size(); ++i)
      if (b[i] && !m[i]) ledger.Differ(std::string(part) + "[" + std::to_string(i) + "]", "lost on the scanned page: " + Brief(want[part][i]));
    ledger.Equal(std::string(part) + ".count", born.got, mixed.got);
  }
  ledger.Finish();
  EXPECT_EQ(got["document"]["number"], want["document"]["number"]);
  EXPECT_EQ(got["document"]["issuer"], want["document"]["issuer"]);
}

// A page printed to PDF without fonts (Ghostscript -dNoOutputFonts): no
// text, its letters vector outlines.  It is rendered and OCR'd, and gives
// the facts of page 1 the original gives (from its .plan source).
TEST(ScanTest, LettersDrawnAsOutlinesAreOcrd) {
  auto pipeline = Pipeline::Create({});
  ASSERT_TRUE(pipeline.ok());
  json want = Expected("003_cantho_2019");
  Result<PlanResult> plan = pipeline.value()->Run(kSrc + "/corpus/scans/003_cantho_2019.p1.outlined.pdf");
  ASSERT_TRUE(plan.ok()) << plan.status().message();
  ASSERT_EQ(plan->source.reading.size(), 1u);
  EXPECT_EQ(plan->source.reading[0].by, "ocr");
  EXPECT_EQ(plan->source.reading[0].reason, "outlined_text");
  json got = json::parse(ToJson(plan.value()));
  for (const char* f : {"number", "date", "issuer", "title"}) EXPECT_EQ(got["document"][f], want["document"][f]) << f;
  // The references of page 1.
  std::set<std::string> numbers;
  for (const json& r : got["legal_references"]) numbers.insert(r["number"]);
  for (const json& r : want["legal_references"])
    for (const json& m : r.value("pages", json::array())) {
      if (m == 1) {
        EXPECT_TRUE(numbers.count(r["number"])) << r["number"];
      }
    }
}

// Regression (r05, page 7): the black band a scanner left along the right
// and bottom edges pulled Tesseract's page-wide threshold down and the faint
// print broke up ("kế uá trình thực hiện nêu có khó khăn, vướng mặc đê ngÌ");
// the line "phương chủ động …" was lost.  The band is whitened before OCR.
// The phrases are r05's expectation's for that page (read from its image).
TEST(ScanTest, AScannerBorderDoesNotBreakFaintPrint) {
  auto pipeline = Pipeline::Create({});
  ASSERT_TRUE(pipeline.ok());
  PlanResult plan;
  Result<LaidOutDocument> laid =
      pipeline.value()->Read(kSrc + "/tests/data/scanner_border.pdf", &plan.source, &plan.diagnostics);
  ASSERT_TRUE(laid.ok()) << laid.status().message();
  ASSERT_EQ(plan.source.reading.size(), 1u);
  EXPECT_EQ(plan.source.reading[0].by, "ocr");
  const std::string text = Comparable(RowsToText(laid.value()));
  for (const char* phrase : {"phương chủ động triển khai các nội dung, nhiệm vụ được giao.",
                             "Quá trình thực hiện nếu có khó khăn, vướng mắc đề nghị Công an",
                             "Giao C04 phối hợp với V01 giúp lãnh đạo Bộ theo dõi"})
    EXPECT_TRUE(PhraseFound(Comparable(phrase), text)) << phrase << "\n" << text;
}

// --ocr never: a scan gives nothing, and says why.
TEST(ScanTest, OcrNeverLeavesScansUnread) {
  PipelineOptions o;
  o.ocr = OcrMode::kNever;
  auto pipeline = Pipeline::Create(o);
  ASSERT_TRUE(pipeline.ok());
  Result<PlanResult> plan = pipeline.value()->Run(kSrc + "/corpus/scans/006_soctrang_2024.scan.pdf");
  ASSERT_TRUE(plan.ok());
  EXPECT_TRUE(plan->source.ocr_pages.empty());
  EXPECT_TRUE(plan->legal_references.empty());
  bool said = false;
  for (const Diagnostic& d : plan->diagnostics) said |= d.code == "no_text_layer";
  EXPECT_TRUE(said);
}

// --ocr always reads a born-digital page by OCR too, and auto does not.
TEST(ScanTest, OcrAlwaysAndAuto) {
  PipelineOptions o;
  o.ocr = OcrMode::kAlways;
  auto always = Pipeline::Create(o);
  auto automatic = Pipeline::Create({});
  ASSERT_TRUE(always.ok() && automatic.ok());
  Result<PlanResult> a = always.value()->Run(kSrc + "/corpus/006_soctrang_2024.pdf");
  Result<PlanResult> b = automatic.value()->Run(kSrc + "/corpus/006_soctrang_2024.pdf");
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->source.text_layer, "ocr");
  ASSERT_EQ(a->source.ocr_pages.size(), 2u);
  EXPECT_EQ(a->source.ocr_pages[0].reason, "forced");
  EXPECT_EQ(b->source.text_layer, "unicode");
  EXPECT_TRUE(b->source.ocr_pages.empty());
  EXPECT_EQ(a->document.number, b->document.number);
}

// ---- real archive scans (corpus/real/) -------------------------------------
//
// Each page read the way its expectation says (its text layer, or OCR and
// why), the phrases a person read on each page found in what was read of
// it, the document facts (differences listed in corpus/known_gaps.json) and
// the references, counted.

class RealScanTest : public ::testing::TestWithParam<std::string> {};

TEST_P(RealScanTest, EveryPageReadAndItsFacts) {
  const std::string name = GetParam();
  json want = LoadJson(kSrc + "/corpus/real/" + name + ".expected.json");
  auto pipeline = Pipeline::Create({});
  ASSERT_TRUE(pipeline.ok());
  RealScore score;
  std::string error;
  ASSERT_TRUE(ScoreRealDocument(*pipeline.value(), kSrc + "/corpus/real/" + name + ".pdf", want, &score, &error)) << error;
  const json& got = score.got;
  for (const std::string& m : score.missed) std::printf("[ MISSED   ] %s %s\n", name.c_str(), m.c_str());
  std::printf("[ REAL     ] %s: pages %d of %d; phrases %d of %d; facts %d of %d; references %d of %d, %d given\n",
              name.c_str(), score.pages_as_expected, score.pages, score.phrases_found, score.phrases, score.facts_right,
              score.facts, score.refs_found, score.refs_want, score.refs_got);

  // A wrong number or date is a defect no entry of the ledger excuses: a
  // value the reader is unsure of must be null, with its diagnostic.
  for (const char* f : {"number", "date"}) {
    if (!want["document"].contains(f)) continue;
    const json& w = want["document"][f];
    const json& g = got["document"][f];
    if (!g.is_null() && g != w && !(g.is_string() && w.is_string() && SameText(w.get<std::string>(), g.get<std::string>())))
      ADD_FAILURE() << name << ": a wrong " << f << ", " << g << " (printed " << w << "): null it if unsure";
  }
  Ledger ledger(name, kSrc + "/corpus/known_gaps.json");
  ASSERT_EQ(got["source"]["reading"].size(), want["reading"].size());
  for (size_t i = 0; i < want["reading"].size(); ++i) {
    const json& r = got["source"]["reading"][i];
    ledger.Equal("reading[" + std::to_string(i) + "]", want["reading"][i],
                 json{{"page", r["page"]}, {"by", r["by"]}, {"reason", r["reason"]}});
  }
  CompareDocument(want, got, &ledger);
  // Floors of this version, per document (the README's table has the goals:
  // 95% of the phrases, references F1 0.9).  A document below one is a
  // difference like any other: listed in corpus/known_gaps.json with why,
  // or the test fails.
  if (score.phrases_found * 20 < score.phrases * 13)
    ledger.Differ("phrases.found", std::to_string(score.phrases_found) + " of " + std::to_string(score.phrases) + ", under 65%");
  if (score.refs_found * 4 < score.refs_want * 3)
    ledger.Differ("references.found", std::to_string(score.refs_found) + " of " + std::to_string(score.refs_want) + ", under 75%");
  if (score.refs_got - score.refs_found > 1)
    ledger.Differ("references.given", std::to_string(score.refs_got - score.refs_found) + " given that the pages do not have (as numbered)");
  // Targets and task rows one by one; figures given that are no target (a
  // report's results, a scale) beyond a tenth of those expected, and one.
  for (const std::string& t : score.targets_missed) ledger.Differ("targets[" + t + "]", "not found");
  if (score.targets_got - score.targets_found > score.targets_want / 10 + 1)
    ledger.Differ("targets.given", std::to_string(score.targets_got - score.targets_found) + " given that are no target");
  for (const std::string& t : score.tasks_missed) ledger.Differ("tasks[" + t + "]", "not found");
  ledger.Finish();
}

INSTANTIATE_TEST_SUITE_P(Real, RealScanTest,
                         ::testing::Values("r04_kh996_tctlntw_c04_2026_scan", "r05_kh589_bca_c04_2025_scan",
                                           "r17_bc280_ubnd_quangngai_2024_scan", "r18_ct16_ubnd_quangngai_2021_scan_ccitt",
                                           "r19_qd84_ubnd_quangngai_2025_scan", "r22_ttr511_cat_pc04_scan_tables",
                                           "r23_ttr239_cat_pc06_bc_dean06_scan", "r24_cv3980_c04_p6_hpscan_stamp",
                                           "r25_cv3206_ubnd_daknong_scan_saoy", "r26_cv2309_tdtn_tiengiang_scan_badocr",
                                           "r28_bienban_snv_lamdong_scan_badocr",
                                           // Held out when they came (December 2026): see
                                           // their expectations' "tuned_on".
                                           "r03_kh753_dct_huit_2026_scan", "r06_ttr91_cat_pc04_kh_kmt2026_scan",
                                           "r07_ttr196_cat_pc04_kh_kmt2026_scan", "r16_bc23_ubnd_quangngai_tthc2025_scan",
                                           "r20_qd157_ubnd_caobang_1999_scan", "r21_cv4552_bca_c04_phuluc_scan",
                                           "r27_ttr_cat_pc04_adobescan_ocr", "r29_ct5_ubnd_yenbai_2025_vectortext"));

// The real born-digital documents (Word exports, e-signed; three Word drafts
// printed to PDF with their .docx): the same checks.  What the corpus
// template never had: signature blocks beside "Nơi nhận", kinds other than
// plans, reports whose tables are results, a Quyết định whose body is a
// 27-page table, a Công điện.
INSTANTIATE_TEST_SUITE_P(RealBornDigital, RealScanTest,
                         ::testing::Values("r02_kh26_ubnd_cantho_2025", "r08_bc329_ubnd_lamdong_cchc2025",
                                           "r09_bc36_hdtd_chiso_cchc2025", "r10_bc228_snv_chiso_par_2025",
                                           "r11_bc181_snv_mohinh_cchc", "r13_qd1059_ttpvhcc_hanoi_tthc_table",
                                           "r14_cd58_vpcp_2026", "r15_cv8977_bnv_stray_vntime",
                                           "dx01_kh_cchc2026_lamdong_draft", "dx03_kh_kiemtra_cchc2026_lamdong_draft",
                                           "dx04_kh_thidua_cchc2026_lamdong_draft", "r01_kh144_ubnd_hanoi_2025",
                                           "dx02_kh_cchc2026_2030_lamdong_draft", "dx05_kh_kmt2026_lamdong_draft_pair_r06"));

}  // namespace
}  // namespace kh
