// The pipeline as `kehoach extract --ocr never` builds it, made once per
// fuzzing process (OCR is left out: a page takes a second, and Tesseract is
// not ours to fuzz).
#ifndef KEHOACH_FUZZ_FUZZ_PIPELINE_H_
#define KEHOACH_FUZZ_FUZZ_PIPELINE_H_

#include "fuzz/fuzz_check.h"
#include "pipeline/pipeline.h"

inline const kh::Pipeline& FuzzPipeline() {
  static const auto pipeline = [] {
    kh::PipelineOptions o;
    o.ocr = kh::OcrMode::kNever;
    auto p = kh::Pipeline::Create(o);
    FUZZ_CHECK(p.ok(), "the pipeline builds from the compiled-in rules");
    return p.value();
  }();
  return *pipeline;
}

#endif  // KEHOACH_FUZZ_FUZZ_PIPELINE_H_
