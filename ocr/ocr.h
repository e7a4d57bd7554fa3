// ocr: a rendered page -> words with boxes and ruling lines, as if the PDF
// had drawn them.
//
// A scanned page has no text layer; the pipeline renders it (extractor's
// ReadOptions::wants_render) and hands the colour image here.  Recognize():
//  0. takes coloured ink (seals, stamps, notes in colour) off, ocr/ink.h;
//  1. finds the page's skew (Leptonica) and rotates it straight, so that
//     lines of text are level again for the layout stage;
//  2. finds table rulings: long thin runs of dark pixels, horizontal and
//     vertical (a morphological opening), which the table builder then uses
//     as it uses a born-digital PDF's ruling strokes;
//  3. reads the words with Tesseract's LSTM engine (Debian's
//     tesseract-ocr-vie), each with its box and confidence;
//  4. reads the handwritten number and day of the header again, each blank
//     with its printed label, from the page with its ink kept
//     (ocr/fill_ins.h);
//  5. reads each coloured stamp (ocr/ink.h StampRegions) from its own ink,
//     into OcrResult::stamps, apart from the page's words.
// Boxes come back in PDF points in the page's displayed orientation, the
// extractor's coordinates.  Nothing Tesseract- or Leptonica-specific crosses
// this header; ocr/ocr.cc is the only file that includes them.
//
//   auto engine = OcrEngine::Create({});          // loads "vie" once
//   Result<OcrResult> r = (*engine)->Recognize(image, page.width, page.height);
//
// An engine is not thread-safe: one per thread (Tesseract's own rule).
#ifndef KEHOACH_OCR_OCR_H_
#define KEHOACH_OCR_OCR_H_

#include <memory>
#include <string>
#include <vector>

#include "common/status.h"
#include "extractor/extractor.h"

namespace kh {

struct OcrOptions {
  std::string language = "vie";  // Tesseract language(s), "vie+eng" etc.
  std::string datapath;          // "" = Tesseract's default tessdata folder
};

struct OcrResult {
  std::vector<Word> words;      // in reading order, font = 0, size from the line height
  std::vector<Ruling> rulings;  // table lines found in the image
  double confidence = 0;        // mean word confidence, 0..100 (0 if no words)
  double skew_degrees = 0;      // the rotation undone before reading
  // What coloured stamps say (ocr/ink.h StampRegions), each read from its
  // ink alone, in points; the page's words never include them.
  std::vector<InkText> stamps;
  // Day and month blanks whose handwriting the figure reader is not sure
  // of, with the readings their range allows (ocr/fill_ins.h
  // ReadingsInRange), in points; their words are empty.
  std::vector<BlankReadings> blanks;
};

class OcrEngine {
 public:
  // IoError if Tesseract or its language data cannot be loaded.
  static Result<std::unique_ptr<OcrEngine>> Create(const OcrOptions& options);
  ~OcrEngine();
  OcrEngine(const OcrEngine&) = delete;
  OcrEngine& operator=(const OcrEngine&) = delete;

  // page_width/height: the page's size in points (to scale pixel boxes).
  // A colour image has its coloured ink taken off first (ocr/ink.h).
  Result<OcrResult> Recognize(const PageImage& image, double page_width, double page_height);

 private:
  OcrEngine() = default;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kh

#endif  // KEHOACH_OCR_OCR_H_
