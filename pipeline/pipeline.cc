#include "pipeline/pipeline.h"

#include <algorithm>

#include "common/sha256.h"
#include "extractor/extractor.h"
#include "extractor/layout.h"
#include "normalizer/normalizer.h"
#include "rules/facts.h"
#include "rules/legal_refs.h"
#include "rules/targets.h"
#include "rules/tasks.h"

namespace kh {

Result<std::shared_ptr<const Pipeline>> Pipeline::Create(const PipelineOptions& options) {
  Result<std::shared_ptr<const RuleData>> data =
      options.rules_dir.empty() ? DefaultRuleData() : LoadRuleData(options.rules_dir);
  if (!data.ok()) return data.status();
  Result<std::shared_ptr<const LegalRefExtractor>> refs = LegalRefExtractor::Create(data.value());
  if (!refs.ok()) return refs.status();
  Result<std::shared_ptr<const TargetExtractor>> targets = TargetExtractor::Create(data.value());
  if (!targets.ok()) return targets.status();
  Result<std::shared_ptr<const TaskExtractor>> tasks = TaskExtractor::Create(data.value());
  if (!tasks.ok()) return tasks.status();
  auto p = std::shared_ptr<Pipeline>(new Pipeline());
  p->tasks_ = tasks.value();
  p->options_ = options;
  p->refs_ = refs.value();
  p->targets_ = targets.value();
  return std::shared_ptr<const Pipeline>(std::move(p));
}

namespace {

// The paragraphs of the normalized text, with the kind of block each came
// from; header and signature columns hold no targets and are left out.
std::vector<TextParagraph> Paragraphs(const Text& text, const NormalizedText& nt) {
  std::vector<TextParagraph> out;
  for (TextParagraph tp : SplitParagraphs(nt.text)) {
    size_t src = nt.to_source[tp.begin];
    auto it = std::upper_bound(text.paragraphs.begin(), text.paragraphs.end(), src,
                               [](size_t pos, const Paragraph& p) { return pos < p.begin; });
    if (it != text.paragraphs.begin()) {
      const Paragraph& p = *std::prev(it);
      if (p.kind == BlockKind::kColumn) continue;
      tp.table = p.kind == BlockKind::kCell;
      tp.bold = p.bold;
    }
    out.push_back(tp);
  }
  return out;
}

}  // namespace

Result<PlanResult> Pipeline::Run(const std::string& path, const std::string& known_sha256) const {
  PlanResult plan;
  plan.source.file = path;
  if (known_sha256.empty()) {
    Result<std::string> sha = Sha256File(path);
    if (!sha.ok()) return sha.status();
    plan.source.sha256 = sha.value();
  } else {
    plan.source.sha256 = known_sha256;
  }
  ReadOptions ro;
  ro.password = options_.password;
  Result<RawDocument> raw = ReadPdf(path, ro);
  if (!raw.ok()) return raw.status();
  plan.source.pages = static_cast<int>(raw->pages.size());
  size_t words = 0;
  for (const RawPage& p : raw->pages) words += p.words.size();
  LaidOutDocument laid = Layout(std::move(raw.value()));
  Text text = BuildText(laid);
  NormalizedText nt = Normalize(text.text);
  plan.document = ExtractFacts(laid, *refs_, &plan.diagnostics);
  RefContext ctx;
  ctx.province = plan.document.province;
  if (ctx.province) {
    if (const Province* p = refs_->data().ProvinceByName(Fold(*ctx.province))) ctx.province_level = p->level;
  }
  ctx.own_number = plan.document.number;
  auto locate = [&](size_t b, size_t e) {
    auto [sb, se] = nt.SourceRange(b, e);
    Provenance p = text.Locate(sb, se);
    return Location{p.page, p.box};
  };
  plan.legal_references = refs_->Extract(nt, ctx, locate, &plan.diagnostics);
  TargetContext tctx;
  tctx.period_to = plan.document.period_to;
  if (plan.document.date && plan.document.date->size() >= 4) tctx.plan_year = std::stoi(plan.document.date->substr(0, 4));
  plan.targets = targets_->Extract(nt, Paragraphs(text, nt), tctx, locate);
  TaskContext kctx;
  if (plan.document.period_from && plan.document.period_from == plan.document.period_to) {
    kctx.plan_year = *plan.document.period_from;
  } else if (tctx.plan_year) {
    kctx.plan_year = *tctx.plan_year;
  }
  plan.tasks = tasks_->Extract(laid.tables, kctx);
  if (words == 0) {
    plan.diagnostics.push_back({"no_text_layer", "the PDF has no text layer (a scan?): nothing could be read", 0});
  }
  return plan;
}

}  // namespace kh
