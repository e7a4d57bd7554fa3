// Fuzz target: the rules stage (facts, legal references, targets, task rows)
// and the layout and JSON writer around it, from text drawn as pages
// (synthetic_pages.h: '#' bold, '^' centred, '|' ruled cells).
//
// Checks, besides "no crash, no sanitizer report":
//  - every finding's page is a page of the document (or 0, unknown);
//  - the JSON written for the result parses, and for valid UTF-8 input
//    holds only valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include <nlohmann/json.hpp>

#include "common/utf8.h"
#include "extractor/layout.h"
#include "fuzz/fuzz_check.h"
#include "fuzz/fuzz_pipeline.h"
#include "tests/support/synthetic_pages.h"
#include "output/json_writer.h"

namespace {

void CheckPage(int page, int pages, const char* what) { FUZZ_CHECK(page >= 0 && page <= pages, what); }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const kh::Pipeline& pipeline = FuzzPipeline();
  std::string_view in(reinterpret_cast<const char*>(data), size);
  kh::RawDocument doc = kh::TextToDocument(in);
  kh::PlanResult plan;
  plan.source.file = "fuzz.pdf";
  plan.source.pages = static_cast<int>(doc.pages.size());
  kh::LaidOutDocument laid = kh::Layout(std::move(doc));
  pipeline.Extract(laid, &plan);

  const int pages = plan.source.pages;
  for (const auto& [fact, where] : plan.document.provenance) CheckPage(where.page, pages, "a fact's page");
  for (const kh::LegalReference& r : plan.legal_references) {
    FUZZ_CHECK(!r.mentions.empty(), "a reference has a mention");
    for (const kh::Mention& m : r.mentions) CheckPage(m.where.page, pages, "a mention's page");
  }
  for (const kh::Target& t : plan.targets) CheckPage(t.where.page, pages, "a target's page");
  for (const kh::Task& t : plan.tasks) {
    for (int p : t.pages) CheckPage(p, pages, "a task's page");
    for (const kh::CellRef& c : t.cells) CheckPage(c.page, pages, "a task cell's page");
  }
  std::string json = kh::ToJson(plan);
  FUZZ_CHECK(nlohmann::json::accept(json), "the JSON parses");
  if (kh::utf8::IsValid(in)) FUZZ_CHECK(kh::utf8::IsValid(json), "the JSON is valid UTF-8");
  return 0;
}
