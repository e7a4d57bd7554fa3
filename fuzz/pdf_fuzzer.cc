// Fuzz target: the whole entry point, a PDF file in, a plan or an error out,
// exactly as `kehoach extract --ocr never` reads it (OCR is left out: one page
// takes a second, too slow to fuzz; tesseract is not ours to fuzz).
//
// Checks, besides "no crash, no sanitizer report": an error has a message;
// a result's JSON parses and its page count is the document's.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "fuzz/fuzz_check.h"
#include "fuzz/fuzz_pipeline.h"
#include "output/json_writer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const kh::Pipeline& pipeline = FuzzPipeline();
  // The pipeline reads files: one per process, rewritten for each input.
  // (temp_directory_path reads TMPDIR, as mktemp does.)
  static const std::string path =
      (std::filesystem::temp_directory_path() / ("kh_pdf_fuzzer_" + std::to_string(getpid()) + ".pdf")).string();
  FILE* f = std::fopen(path.c_str(), "wb");
  FUZZ_CHECK(f != nullptr, "the scratch file opens");
  FUZZ_CHECK(std::fwrite(data, 1, size, f) == size, "the scratch file is written");
  std::fclose(f);
  kh::Result<kh::PlanResult> plan = pipeline.Run(path);
  if (!plan.ok()) {
    FUZZ_CHECK(!plan.status().message().empty(), "an error says why");
    return 0;
  }
  nlohmann::json j = nlohmann::json::parse(kh::ToJson(plan.value()), nullptr, /*allow_exceptions=*/false);
  FUZZ_CHECK(!j.is_discarded(), "the JSON parses");
  FUZZ_CHECK(j["source"]["pages"] == plan->source.pages, "the JSON gives the page count");
  return 0;
}
