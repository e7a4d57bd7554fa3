#include "pipeline/pipeline.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "common/sha256.h"
#include "common/utf8.h"
#include "extractor/extractor.h"
#include "extractor/layout.h"
#include "normalizer/legacy.h"
#include "normalizer/normalizer.h"
#include "ocr/ocr.h"
#include "ocr/page_reading.h"
#include "rules/facts.h"
#include "rules/ocr_repairs.h"
#include "rules/signature_box.h"
#include "rules/legal_refs.h"
#include "rules/targets.h"
#include "rules/tasks.h"

namespace kh {

bool ParseOcrMode(const std::string& s, OcrMode* mode) {
  if (s == "auto") *mode = OcrMode::kAuto;
  else if (s == "always") *mode = OcrMode::kAlways;
  else if (s == "never") *mode = OcrMode::kNever;
  else return false;
  return true;
}

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
  Result<std::shared_ptr<const LegacyDecoder>> legacy = LegacyDecoder::Default();
  if (!legacy.ok()) return legacy.status();
  auto p = std::shared_ptr<Pipeline>(new Pipeline());
  p->data_ = data.value();
  p->legacy_ = legacy.value();
  p->repairer_ = std::make_shared<const OcrRepairer>(data.value()->ocr_repairs, data.value()->syllables);
  p->tasks_ = tasks.value();
  p->options_ = options;
  p->refs_ = refs.value();
  p->targets_ = targets.value();
  return std::shared_ptr<const Pipeline>(std::move(p));
}

namespace {

// One OCR engine per thread, made on first use (loading the language data
// takes a few hundred milliseconds; most documents never need it).
Result<OcrEngine*> ThreadEngine(const PipelineOptions& options) {
  thread_local std::unique_ptr<OcrEngine> engine;
  thread_local std::string language;
  if (!engine || language != options.ocr_language) {
    OcrOptions o;
    o.language = options.ocr_language;
    Result<std::unique_ptr<OcrEngine>> e = OcrEngine::Create(o);
    if (!e.ok()) return e.status();
    engine = std::move(e.value());
    language = options.ocr_language;
  }
  return engine.get();
}

// Legacy fonts: classify every font from all the words drawn in it, then
// decode those words.  Pages read by OCR are skipped (their words are
// Unicode from Tesseract).
void DecodeLegacyFonts(RawDocument* doc, const std::set<int>& ocr_pages, const LegacyDecoder& legacy,
                       SourceInfo* source) {
  std::vector<std::vector<std::string_view>> by_font(doc->fonts.size());
  for (const RawPage& p : doc->pages) {
    if (ocr_pages.count(p.number)) continue;
    for (const Word& w : p.words)
      if (w.font < by_font.size()) by_font[w.font].push_back(w.text);
  }
  std::vector<FontDecoding> decoding(doc->fonts.size());
  bool any = false;
  for (size_t f = 0; f < doc->fonts.size(); ++f) {
    if (by_font[f].empty()) continue;
    decoding[f] = legacy.Classify(doc->fonts[f], by_font[f]);
    any |= decoding[f].encoding != LegacyEncoding::kNone;
  }
  if (!any) return;
  std::vector<int> changed(doc->fonts.size(), 0);
  for (RawPage& p : doc->pages) {
    if (ocr_pages.count(p.number)) continue;
    for (Word& w : p.words) {
      if (w.font >= decoding.size() || decoding[w.font].encoding == LegacyEncoding::kNone) continue;
      std::string d = legacy.Decode(w.text, decoding[w.font]);
      if (d != w.text) {
        w.text = std::move(d);
        ++changed[w.font];
      }
    }
  }
  for (size_t f = 0; f < doc->fonts.size(); ++f) {
    if (changed[f] == 0) continue;
    source->legacy_fonts.push_back({doc->fonts[f], LegacyEncodingName(decoding[f].encoding), decoding[f].upper, changed[f]});
  }
}

// Words split at a font change (Word::glued) become one word again.
void GlueSplitWords(RawDocument* doc) {
  for (RawPage& p : doc->pages) {
    if (std::none_of(p.words.begin(), p.words.end(), [](const Word& w) { return w.glued; })) continue;
    std::vector<Word> out;
    out.reserve(p.words.size());
    for (Word& w : p.words) {
      if (!out.empty() && out.back().glued) {
        Word& prev = out.back();
        prev.text += w.text;
        prev.box = prev.box.Union(w.box);
        prev.glued = w.glued;
        prev.space_after = w.space_after;
        continue;
      }
      out.push_back(std::move(w));
    }
    p.words = std::move(out);
  }
}

// What the text came from, for source.text_layer.
std::string TextLayer(const RawDocument& doc, const SourceInfo& source, const std::set<int>& ocr_pages) {
  std::set<std::string> kinds;
  for (const LegacyFont& f : source.legacy_fonts) kinds.insert(f.encoding);
  if (!ocr_pages.empty()) kinds.insert("ocr");
  // Unicode text of the PDF's own: words with letters beyond ASCII in fonts
  // that were not decoded (ASCII alone, such as page numbers in Arial in a
  // TCVN3 document, says nothing).
  std::set<std::string> legacy_fonts;
  for (const LegacyFont& f : source.legacy_fonts) legacy_fonts.insert(f.font);
  size_t unicode_words = 0, text_pages = 0;
  for (const RawPage& p : doc.pages) {
    if (ocr_pages.count(p.number) || p.words.empty()) continue;
    ++text_pages;
    for (const Word& w : p.words) {
      if (legacy_fonts.count(doc.fonts[w.font])) continue;
      for (unsigned char c : w.text)
        if (c >= 0x80) {
          ++unicode_words;
          break;
        }
    }
  }
  if (unicode_words >= 20 || (kinds.empty() && text_pages > 0)) kinds.insert("unicode");
  if (kinds.empty()) return "unicode";
  if (kinds.size() == 1) return *kinds.begin();
  return "mixed";
}

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

Result<LaidOutDocument> Pipeline::Read(const std::string& path, SourceInfo* source,
                                       std::vector<Diagnostic>* diagnostics) const {
  ReadOptions ro;
  ro.password = options_.password;
  ro.render_dpi = options_.ocr_dpi;
  std::set<int> ocr_pages;
  Status ocr_error;
  std::string reason;
  // One decision per page (ocr/page_reading.h), recorded with its evidence.
  std::vector<Signature> boxes;  // read from each page's own text, before OCR replaces it
  ro.wants_render = [&](const RawPage& page) {
    std::vector<Signature> b = ReadSignatureBoxes(page, data_->signature_labels);
    boxes.insert(boxes.end(), b.begin(), b.end());
    PageReading decision = DecidePageReading(page, data_->syllable_set);
    PageRead read{page.number, decision.ocr ? "ocr" : "text", decision.reason, decision.evidence.text_cover,
                  decision.evidence.syllables, decision.evidence.image_cover};
    if (options_.ocr == OcrMode::kAlways) {
      read.by = "ocr";
      read.reason = "forced";
    } else if (read.by == "ocr" && (options_.ocr == OcrMode::kNever || !ocr_error.ok())) {
      read.by = "none";  // it should have been OCR'd: its own text (if any) is what there is
    }
    source->reading.push_back(read);
    reason = read.by == "ocr" ? read.reason : "";
    return !reason.empty();
  };
  if (options_.ocr != OcrMode::kNever) {
    ro.on_render = [&](RawPage& page, PageImage&& image) {
      Result<OcrEngine*> engine = ThreadEngine(options_);
      if (!engine.ok()) {
        ocr_error = engine.status();
        return;
      }
      Result<OcrResult> r = engine.value()->Recognize(image, page.width, page.height);
      if (!r.ok()) {
        diagnostics->push_back({"ocr_failed", "page " + std::to_string(page.number) + ": " + r.status().message(), page.number});
        return;
      }
      std::vector<std::string> texts;
      std::vector<bool> line_start;
      for (size_t i = 0; i < r->words.size(); ++i) {
        texts.push_back(r->words[i].text);
        line_start.push_back(i == 0 || !r->words[i - 1].space_after);
      }
      repairer_->Repair(&texts, line_start);
      for (size_t i = 0; i < texts.size(); ++i) r->words[i].text = std::move(texts[i]);
      page.words = std::move(r->words);
      page.ocr = true;
      page.stamps = std::move(r->stamps);
      page.blanks = std::move(r->blanks);
      page.rulings.insert(page.rulings.end(), r->rulings.begin(), r->rulings.end());
      ocr_pages.insert(page.number);
      source->ocr_pages.push_back({page.number, reason, r->confidence, static_cast<int>(page.words.size()), r->skew_degrees});
    };
  }
  Result<RawDocument> raw = ReadPdf(path, ro);
  if (!raw.ok()) return raw.status();
  if (!ocr_error.ok()) {
    // --ocr always promised OCR: without it there is no result to give.
    if (options_.ocr == OcrMode::kAlways) return ocr_error;
    diagnostics->push_back({"ocr_unavailable", "scanned pages were not read: " + ocr_error.message(), 0});
  }
  raw->signatures = MergeSignatures(std::move(raw->signatures), boxes);
  source->pages = static_cast<int>(raw->pages.size());
  DecodeLegacyFonts(&raw.value(), ocr_pages, *legacy_, source);
  source->text_layer = TextLayer(raw.value(), *source, ocr_pages);
  GlueSplitWords(&raw.value());
  size_t words = 0;
  for (const RawPage& p : raw->pages) words += p.words.size();
  if (words == 0) {
    diagnostics->push_back({"no_text_layer", options_.ocr == OcrMode::kNever
                                                 ? "the PDF has no text layer (a scan?) and OCR is off (--ocr never)"
                                                 : "the PDF has no text and OCR found none: nothing could be read",
                            0});
  }
  for (const OcrPage& p : source->ocr_pages) {
    if (p.words > 0 && p.confidence < 60) {
      diagnostics->push_back({"ocr_low_confidence", "page " + std::to_string(p.page) + " was read by OCR with mean confidence " +
                                                        std::to_string(static_cast<int>(p.confidence)) + "%", p.page});
    }
  }
  return Layout(std::move(raw.value()));
}

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
  Result<LaidOutDocument> read = Read(path, &plan.source, &plan.diagnostics);
  if (!read.ok()) return read.status();
  Extract(read.value(), &plan);
  return plan;
}

void Pipeline::Extract(const LaidOutDocument& laid, PlanResult* result) const {
  PlanResult& plan = *result;
  Text text = BuildText(laid);
  NormalizedText nt = Normalize(text.text);
  plan.document = ExtractFacts(laid, *refs_, &plan.diagnostics);
  plan.document.signatures = laid.signatures;
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
  tctx.kind = plan.document.kind;
  if (plan.document.date && plan.document.date->size() >= 4) tctx.plan_year = std::stoi(plan.document.date->substr(0, 4));
  plan.targets = targets_->Extract(nt, Paragraphs(text, nt), tctx, locate, &plan.figures_left_out);
  TaskContext kctx;
  if (plan.document.period_from && plan.document.period_from == plan.document.period_to) {
    kctx.plan_year = *plan.document.period_from;
  } else if (tctx.plan_year) {
    kctx.plan_year = *tctx.plan_year;
  }
  plan.tasks = tasks_->Extract(laid.tables, kctx);
}

}  // namespace kh
