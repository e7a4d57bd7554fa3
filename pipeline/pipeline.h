// pipeline: assembles the stages for one PDF.
//
//   ReadPdf -> Layout -> BuildText -> Normalize -> ExtractFacts
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

#include "common/plan.h"
#include "common/status.h"

namespace kh {

struct PipelineOptions {
  std::string password;   // for encrypted PDFs
  std::string rules_dir;  // "" = the rules compiled into the binary
};

class LegalRefExtractor;
class TargetExtractor;
class TaskExtractor;

class Pipeline {
 public:
  static Result<std::shared_ptr<const Pipeline>> Create(const PipelineOptions& options);
  // known_sha256: the file's SHA-256 when the caller has it already (a batch
  // hashes every input to key it), so the file is not hashed twice.
  Result<PlanResult> Run(const std::string& pdf_path, const std::string& known_sha256 = "") const;

 private:
  PipelineOptions options_;
  std::shared_ptr<const LegalRefExtractor> refs_;
  std::shared_ptr<const TargetExtractor> targets_;
  std::shared_ptr<const TaskExtractor> tasks_;
};

}  // namespace kh

#endif  // KEHOACH_PIPELINE_PIPELINE_H_
