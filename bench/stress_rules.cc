// stress_rules [MAX_BYTES]: each stress input (tests/support/stress_inputs.h)
// at four sizes up to MAX_BYTES (default 400 000) through the layout and the
// whole rules stage, one table: the time per kilobyte at each size.  Linear
// code keeps it flat; the last column is the growth of the time per KB from
// the smallest size to the largest (about 1 if linear, the size ratio, 8, if
// quadratic).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "common/plan.h"
#include "extractor/layout.h"
#include "pipeline/pipeline.h"
#include "tests/support/stress_inputs.h"
#include "tests/support/synthetic_pages.h"

int main(int argc, char** argv) {
  size_t max_bytes = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 400000;
  kh::PipelineOptions o;
  o.ocr = kh::OcrMode::kNever;
  auto pipeline = kh::Pipeline::Create(o);
  if (!pipeline.ok()) {
    std::fprintf(stderr, "stress_rules: %s\n", pipeline.status().message().c_str());
    return 1;
  }
  const size_t sizes[] = {max_bytes / 8, max_bytes / 4, max_bytes / 2, max_bytes};
  std::printf("%-18s", "input");
  for (size_t s : sizes) std::printf(" %9zuB", s);
  std::printf("  growth  (ms per KB at each size)\n");
  for (const kh::StressKind& k : kh::StressKinds()) {
    std::printf("%-18s", k.name);
    double first = 0, last = 0;
    for (size_t s : sizes) {
      std::string text = kh::StressInput(k.name, s);
      auto t0 = std::chrono::steady_clock::now();
      kh::PlanResult plan;
      plan.source.pages = 1;
      pipeline.value()->Extract(kh::Layout(kh::TextToDocument(text)), &plan);
      double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
      double per_kb = ms / (static_cast<double>(text.size()) / 1024);
      if (first == 0) first = per_kb;
      last = per_kb;
      std::printf(" %10.3f", per_kb);
      std::fflush(stdout);
    }
    std::printf("  %6.1f\n", first > 0 ? last / first : 0);
  }
  return 0;
}
