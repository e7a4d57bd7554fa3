// pipeline: assembles the stages for one PDF.
//
//   ReadPdf (+ OCR of scanned pages) -> legacy fonts decoded
//     -> Layout -> BuildText -> Normalize -> ExtractFacts
//                                              -> LegalRefExtractor::Extract
//                                              -> TargetExtractor::Extract
//                      (Layout's tables)       -> TaskExtractor::Extract
//
// Create() loads and compiles the rules once; Run() is then safe to call from
// several threads at once.  Errors come back as the Status of the stage that
// failed; the message names the reason, not the file (the caller adds that).
#ifndef KEHOACH_PIPELINE_PIPELINE_H_
#define KEHOACH_PIPELINE_PIPELINE_H_

#include <memory>
#include <string>
#include <vector>

#include "common/plan.h"
#include "common/status.h"
#include "extractor/layout.h"

namespace kh {

class OcrRepairer;

// When to read pages by OCR:
//   kAuto    pages that are images with no usable text layer (a scan, or a
//            scan whose hidden OCR layer is garbage);
//   kAlways  every page, ignoring the PDF's text;
//   kNever   none (a scan then gives a no_text_layer diagnostic).
enum class OcrMode { kAuto, kAlways, kNever };

struct PipelineOptions {
  std::string password;   // for encrypted PDFs
  std::string rules_dir;  // "" = the rules compiled into the binary
  OcrMode ocr = OcrMode::kAuto;
  std::string ocr_language = "vie";  // Tesseract language data
  int ocr_dpi = 300;
};

// Parses "auto", "always", "never".
bool ParseOcrMode(const std::string& s, OcrMode* mode);

class LegacyDecoder;
class LegalRefExtractor;
struct RuleData;
class TargetExtractor;
class TaskExtractor;

class Pipeline {
 public:
  static Result<std::shared_ptr<const Pipeline>> Create(const PipelineOptions& options);
  // known_sha256: the file's SHA-256 when the caller has it already (a batch
  // hashes every input to key it), so the file is not hashed twice.
  Result<PlanResult> Run(const std::string& pdf_path, const std::string& known_sha256 = "") const;

  // The reading half of Run: the PDF's words (OCR'd where needed, legacy
  // fonts decoded) laid out.  Fills source's pages, text_layer,
  // legacy_fonts and ocr_pages, and adds diagnostics.
  Result<LaidOutDocument> Read(const std::string& pdf_path, SourceInfo* source,
                               std::vector<Diagnostic>* diagnostics) const;

  // The other half: the document's facts, legal references, targets and
  // tasks from its laid-out text and tables, into *plan (its source is left
  // as it is; diagnostics are added).  Total: any document gives a result.
  void Extract(const LaidOutDocument& laid, PlanResult* plan) const;

 private:
  PipelineOptions options_;
  std::shared_ptr<const RuleData> data_;
  std::shared_ptr<const LegacyDecoder> legacy_;
  std::shared_ptr<const OcrRepairer> repairer_;  // over data_->ocr_repairs, built once
  std::shared_ptr<const LegalRefExtractor> refs_;
  std::shared_ptr<const TargetExtractor> targets_;
  std::shared_ptr<const TaskExtractor> tasks_;
};

}  // namespace kh

#endif  // KEHOACH_PIPELINE_PIPELINE_H_
