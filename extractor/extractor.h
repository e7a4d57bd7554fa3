// extractor: PDF file -> words with boxes and ruling lines, page by page.
//
// This header is the stage's contract.  Nothing Poppler-specific crosses it:
// the one translation unit that includes Poppler's core headers is
// extractor/pdf_reader.cc (the core API changes between Poppler releases;
// keeping it in one small file keeps a port small).
//
// Coordinates are PDF points with the origin at the top-left of the page as
// displayed (the page's /Rotate applied), y growing downwards.  Pages can
// also be rendered to grey images (ReadOptions::wants_render), which is how
// scanned pages reach OCR without OCR living here.
//
//   ReadOptions opt;                      // opt.password for encrypted files
//   Result<RawDocument> doc = ReadPdf("plan.pdf", opt);
//   for (const RawPage& p : doc->pages) for (const Word& w : p.words) ...
//
// Errors (never exceptions):
//   kIoError       the file cannot be opened or read
//   kInvalidInput  not a PDF, empty, truncated beyond repair, no pages
//   kEncrypted     a password is needed (or the one given is wrong)
#ifndef KEHOACH_EXTRACTOR_EXTRACTOR_H_
#define KEHOACH_EXTRACTOR_EXTRACTOR_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "common/geometry.h"
#include "common/signature.h"
#include "common/status.h"

namespace kh {

// One word as the PDF draws it: text in UTF-8 exactly as the PDF's text layer
// maps it (no normalization here), its box, and what its font says.
struct Word {
  std::string text;
  Box box;
  uint32_t font = 0;  // index into RawDocument::fonts (names are shared, not copied per word)
  double size = 0;    // font size in points
  bool bold = false;
  bool italic = false;
  bool space_after = false;  // the PDF put a space (or a gap) after the word
  // The next word is the rest of this one, in another font: a word whose
  // letters change font comes out as one Word per font run, so that each run
  // can be decoded by its own font (see normalizer/legacy.h).  The pipeline
  // glues them back before layout.
  bool glued = false;
};

// A thin filled rectangle or a stroked straight segment: the stuff table
// borders and underlines are made of.  Horizontal if width > height.
struct Ruling {
  Box box;
  bool horizontal() const { return box.width() >= box.height(); }
};

// Text read from coloured ink apart from the page's text: a stamp.
struct InkText {
  int page = 0;
  Box box;
  std::string text;
};

// A blank of the printed form, the day or month written in by hand, whose
// figures OCR is not sure of: the readings the field's range allows, nearest
// first ("18" or "28": ocr/fill_ins.h ReadingsInRange).  Its words are left
// empty; the facts may choose among `readings` with what the file says of
// its own date (rules/facts.h DateFromBlank).
struct BlankReadings {
  int page = 0;
  Box box;
  std::string field;                  // "day" or "month"
  std::vector<std::string> readings;  // "18", "28"
};

struct RawPage {
  int number = 0;  // 1-based
  double width = 0, height = 0;
  std::vector<Word> words;       // in the PDF's reading order
  std::vector<Ruling> rulings;
  // The share of the page (0..1) covered by images: near 1 on a scan.
  double image_cover = 0;
  // Filled shapes with curves in them: letters drawn as outlines (a page
  // printed to PDF without fonts has thousands and no text), or a logo.
  int curved_fills = 0;
  std::vector<InkText> stamps;  // set by OCR (ocr/ocr.h)
  std::vector<BlankReadings> blanks;  // set by OCR
  bool ocr = false;  // its words were read by OCR from its image, not from its text layer
};

// A page rendered for OCR: rows top down, `channels` bytes a pixel, 3 (red,
// green, blue: seals and stamps are told by their colour, ocr/ink.h) or 1
// (grey, 0 black).
struct PageImage {
  int width = 0, height = 0;
  int dpi = 0;
  int channels = 1;
  std::vector<uint8_t> pixels;  // width * height * channels
};


struct RawDocument {
  std::vector<RawPage> pages;
  std::vector<Signature> signatures;
  // The fonts' PostScript names without subset prefix ("LiberationSerif-Bold"),
  // indexed by Word::font; fonts[0] is "" (no name).
  std::vector<std::string> fonts = {""};
  bool encrypted = false;  // it was encrypted and we could open it
  // The date the file says it was made (Info /CreationDate), "2025-04-21";
  // "" if it says none or nothing readable.  A scan is made after the
  // document is dated: the latest date a blank day may have (rules/facts.h).
  std::string created;
};

struct ReadOptions {
  std::string password;  // tried as both owner and user password
  int max_pages = 5000;  // a document with more pages is refused
  // Rendering, for OCR.  After a page's text is read, wants_render(page)
  // decides whether to render it (it is called on every page, on_render or
  // not); if so, and on_render is set, the page is rendered at render_dpi
  // in colour and handed to on_render(page, image), which may replace the
  // page's words and rulings.  The image is not kept: a scanned document
  // holds one page image at a time.
  std::function<bool(const RawPage&)> wants_render;
  std::function<void(RawPage&, PageImage&&)> on_render;
  int render_dpi = 300;
};

Result<RawDocument> ReadPdf(const std::string& path, const ReadOptions& options);

// The cheap first test ReadPdf makes: the file opens and has "%PDF-" in its
// first 1024 bytes.  IoError if it cannot be opened; InvalidInput ("empty
// file", "not a PDF ...") otherwise.  Batches use it to tell a PDF from a
// manifest whatever the file's name.
Status CheckPdfHeader(const std::string& path);

}  // namespace kh

#endif  // KEHOACH_EXTRACTOR_EXTRACTOR_H_
