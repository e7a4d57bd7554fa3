// The only file that includes Tesseract and Leptonica.
#include "ocr/ocr.h"

#include "ocr/digits.h"
#include "ocr/fill_ins.h"
#include "ocr/ink.h"

#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

#include <algorithm>
#include <cctype>
#include <cmath>

namespace kh {

struct OcrEngine::Impl {
  tesseract::TessBaseAPI api;
};

namespace {

struct PixDeleter {
  void operator()(PIX* p) const { pixDestroy(&p); }
};
using PixPtr = std::unique_ptr<PIX, PixDeleter>;

struct BoxaDeleter {
  void operator()(BOXA* b) const { boxaDestroy(&b); }
};
using BoxaPtr = std::unique_ptr<BOXA, BoxaDeleter>;

struct BoxDeleter {
  void operator()(BOX* b) const { boxDestroy(&b); }
};
using BoxPtr = std::unique_ptr<BOX, BoxDeleter>;

PixPtr ToPix(const PageImage& img) {
  PixPtr pix(pixCreate(img.width, img.height, 8));
  if (!pix) return nullptr;
  pixSetResolution(pix.get(), img.dpi, img.dpi);
  l_uint32* data = pixGetData(pix.get());
  int wpl = pixGetWpl(pix.get());
  for (int y = 0; y < img.height; ++y) {
    l_uint32* line = data + static_cast<size_t>(y) * wpl;
    const uint8_t* src = img.pixels.data() + static_cast<size_t>(y) * img.width;
    for (int x = 0; x < img.width; ++x) SET_DATA_BYTE(line, x, src[x]);
  }
  return pix;
}

PageImage FromPix(PIX* pix) {
  PageImage img;
  if (!pix || pixGetDepth(pix) != 8) return img;
  img.width = pixGetWidth(pix), img.height = pixGetHeight(pix), img.channels = 1;
  img.pixels.resize(static_cast<size_t>(img.width) * img.height);
  l_uint32* data = pixGetData(pix);
  int wpl = pixGetWpl(pix);
  for (int y = 0; y < img.height; ++y) {
    l_uint32* line = data + static_cast<size_t>(y) * wpl;
    for (int x = 0; x < img.width; ++x) img.pixels[static_cast<size_t>(y) * img.width + x] = GET_DATA_BYTE(line, x);
  }
  return img;
}

// The dark band a scanner leaves along a page's edge (the lid's shadow
// where the sheet is smaller than the glass, a black backing strip) goes
// white: Tesseract's Otsu threshold is the whole page's, and a band of black
// pulls it down so far that faint print breaks up (r05's page 7 came out
// as "kế uá trình … ngÌ" for "Quá trình … đề nghị").  A band is dark ink
// touching the image's edge that runs over a quarter of the page's width or
// height; a letter cut by the edge of a cropped scan is far smaller, and
// stays.  Returns the share of the page still dark (below 128) after.
double WhitenScannerBorders(PIX* grey) {
  PixPtr bin(pixConvertTo1(grey, 128));
  if (!bin) return 1;
  int w = pixGetWidth(grey), h = pixGetHeight(grey);
  l_int32 dark = 0, band = 0;
  pixCountPixels(bin.get(), &dark, nullptr);
  PixPtr edge(pixExtractBorderConnComps(bin.get(), 8));
  PixPtr bands(edge ? pixSelectBySize(edge.get(), w / 4, h / 4, 8, L_SELECT_IF_EITHER, L_SELECT_IF_GTE, nullptr) : nullptr);
  if (bands) {
    pixSetMasked(grey, bands.get(), 255);
    pixCountPixels(bands.get(), &band, nullptr);
  }
  return w > 0 && h > 0 ? static_cast<double>(dark - band) / (static_cast<double>(w) * h) : 1;
}

// A page with less dark ink than this share is blank (the back of a sheet,
// show-through and specks): not given to Tesseract, which would spend
// seconds on its noise and find nothing.  A short line of text is several
// times more (12 characters at 300 dpi: about 0.0002).
constexpr double kBlankInk = 0.00015;

// Long thin runs of dark pixels: table rulings (and underlines, as in a
// born-digital PDF).  min_run is in pixels; a run thicker than max_thick is
// a picture, not a line.
// The mask of the lines kept is OR-ed into *mask (for erasing them before
// reading: Tesseract reads a cell border touching a word as "|" or "l").
void FindLines(PIX* bin, bool horizontal, int min_run, int max_thick, double sx, double sy,
               std::vector<Ruling>* out, PIX* mask) {
  PixPtr open(horizontal ? pixOpenBrick(nullptr, bin, min_run, 1) : pixOpenBrick(nullptr, bin, 1, min_run));
  if (!open) return;
  // Bridge the small breaks a scan puts in a line.
  int gap = std::max(3, min_run / 10);
  PixPtr closed(horizontal ? pixCloseBrick(nullptr, open.get(), gap, 1) : pixCloseBrick(nullptr, open.get(), 1, gap));
  if (!closed) return;
  BoxaPtr boxes(pixConnCompBB(closed.get(), 8));
  if (!boxes) return;
  int n = boxaGetCount(boxes.get());
  for (int i = 0; i < n && out->size() < 20000; ++i) {
    l_int32 x, y, w, h;
    if (boxaGetBoxGeometry(boxes.get(), i, &x, &y, &w, &h) != 0) continue;
    if (horizontal ? (w < min_run || h > max_thick) : (h < min_run || w > max_thick)) continue;
    out->push_back({Box{x * sx, y * sy, (x + w) * sx, (y + h) * sy}});
    // Erase a little around the line too: scanned borders are ragged.
    pixRasterop(mask, x - 2, y - 2, w + 4, h + 4, PIX_SET, nullptr, 0, 0);
  }
}

// Tesseract's LSTM engine says nothing of the font, but the layout and the
// facts use bold (headings, the plan's title).  Bold strokes are thicker:
// over a text line, twice the dark pixels over the dark pixels on an edge is
// the mean stroke width; a line well above the page's median is bold.
// Decided per line (line_of[i]: word i's Tesseract text line), since one
// word's few strokes are too noisy.
void MarkBold(PIX* bin, double sx, double sy, const std::vector<int>& line_of, std::vector<Word>* words) {
  if (words->size() < 20 || line_of.size() != words->size()) return;
  int w = pixGetWidth(bin), h = pixGetHeight(bin), wpl = pixGetWpl(bin);
  l_uint32* data = pixGetData(bin);
  auto dark = [&](int x, int y) {
    return x >= 0 && y >= 0 && x < w && y < h && GET_DATA_BIT(data + static_cast<size_t>(y) * wpl, x);
  };
  int lines = line_of.back() + 1;
  std::vector<double> ink(lines, 0), edge(lines, 0);
  for (size_t i = 0; i < words->size(); ++i) {
    const Box& b = (*words)[i].box;
    int x0 = std::clamp(static_cast<int>(b.x0 / sx), 0, w), x1 = std::clamp(static_cast<int>(b.x1 / sx), 0, w);
    int y0 = std::clamp(static_cast<int>(b.y0 / sy), 0, h), y1 = std::clamp(static_cast<int>(b.y1 / sy), 0, h);
    for (int y = y0; y < y1; ++y) {
      for (int x = x0; x < x1; ++x) {
        if (!dark(x, y)) continue;
        ink[line_of[i]] += 1;
        if (!dark(x - 1, y) || !dark(x + 1, y) || !dark(x, y - 1) || !dark(x, y + 1)) edge[line_of[i]] += 1;
      }
    }
  }
  std::vector<double> width(lines, 0), known;
  for (int l = 0; l < lines; ++l) {
    if (edge[l] < 50) continue;
    width[l] = 2 * ink[l] / edge[l];
    known.push_back(width[l]);
  }
  if (known.size() < 3) return;
  std::nth_element(known.begin(), known.begin() + known.size() / 2, known.end());
  double median = known[known.size() / 2];
  for (size_t i = 0; i < words->size(); ++i) (*words)[i].bold = width[line_of[i]] > median * 1.3;
}

// Whether a blank's figures are in blue ink (a pen's), which print never
// is: some hundredth of the span between its words strongly blue.
bool BlueInk(const PageImage& colour, const FigureSpan& span, double px, double py) {
  if (colour.channels != 3) return false;
  int x0 = std::max(0, static_cast<int>(span.from * px)), x1 = std::min(colour.width, static_cast<int>(span.to * px));
  int y0 = std::max(0, static_cast<int>(span.look.y0 * py)), y1 = std::min(colour.height, static_cast<int>(span.look.y1 * py));
  if (x1 <= x0 || y1 <= y0) return false;
  long blue = 0;
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x) {
      const uint8_t* p = colour.pixels.data() + (static_cast<size_t>(y) * colour.width + x) * 3;
      blue += p[2] - p[0] > 60 && p[2] - p[1] > 30;
    }
  return blue >= std::max(20L, static_cast<long>(0.01 * (x1 - x0) * (y1 - y0)));
}

// A stroke of a signature or a rule read as a word ("g4" 2 pt high over a
// name) is far flatter than any word with letters or digits: under a third
// of the page's usual word height.  It goes, so that it neither joins the
// words it crosses into a line of its own nor shows as text.
void DropFlatWords(std::vector<Word>* words, std::vector<std::vector<Box>>* glyphs, std::vector<int>* line_of) {
  auto alnum = [](const std::string& t) {
    return std::any_of(t.begin(), t.end(), [](unsigned char c) { return std::isalnum(c) || c >= 0x80; });
  };
  std::vector<double> heights;
  for (const Word& w : *words)
    if (alnum(w.text)) heights.push_back(w.box.height());
  if (heights.size() < 10) return;
  std::nth_element(heights.begin(), heights.begin() + heights.size() / 2, heights.end());
  double flat = heights[heights.size() / 2] / 3;
  size_t kept = 0;
  for (size_t i = 0; i < words->size(); ++i) {
    if (alnum((*words)[i].text) && (*words)[i].box.height() < flat) continue;
    if (kept != i) {
      (*words)[kept] = std::move((*words)[i]);
      (*glyphs)[kept] = std::move((*glyphs)[i]);
      (*line_of)[kept] = (*line_of)[i];
    }
    ++kept;
  }
  words->resize(kept);
  glyphs->resize(kept);
  line_of->resize(kept);
}

// The page in grey with the ink a clerk writes or stamps with kept, blue as
// dark as black (each pixel's darkest channel), and red ink (seals, the
// incoming-document stamp) off: for reading what was written into a blank.
PageImage InkKept(const PageImage& img) {
  if (img.channels == 1) return img;
  PageImage grey;
  grey.width = img.width;
  grey.height = img.height;
  grey.dpi = img.dpi;
  grey.channels = 1;
  grey.pixels.resize(static_cast<size_t>(img.width) * img.height);
  for (size_t i = 0; i < grey.pixels.size(); ++i) {
    const uint8_t* p = img.pixels.data() + i * 3;
    bool red = p[0] - std::max(p[1], p[2]) > 48;
    grey.pixels[i] = red ? 255 : std::min({p[0], p[1], p[2]});
  }
  return grey;
}

}  // namespace

OcrEngine::~OcrEngine() {
  if (impl_) impl_->api.End();
}

Result<std::unique_ptr<OcrEngine>> OcrEngine::Create(const OcrOptions& options) {
  // (OpenMP: the CLI sets OMP_THREAD_LIMIT=1 before libgomp loads; see
  // cli/main.cc.  Programs embedding the pipeline should do the same.)
  std::unique_ptr<OcrEngine> e(new OcrEngine());
  e->impl_ = std::make_unique<Impl>();
  const char* datapath = options.datapath.empty() ? nullptr : options.datapath.c_str();
  if (e->impl_->api.Init(datapath, options.language.c_str(), tesseract::OEM_LSTM_ONLY) != 0) {
    e->impl_.reset();
    return Status::IoError("cannot load Tesseract language data '" + options.language +
                           "' (install tesseract-ocr-" + options.language + ")");
  }
  e->impl_->api.SetPageSegMode(tesseract::PSM_AUTO);
  e->impl_->api.SetVariable("debug_file", "/dev/null");
  // Leptonica reports to stderr what Tesseract's page segmentation asks of
  // it and gets back empty ("Error in pixScanForForeground: invalid box"
  // for blobs at the image's edge); every call of ours checks its result.
  setMsgSeverity(L_SEVERITY_NONE);
  return e;
}

Result<OcrResult> OcrEngine::Recognize(const PageImage& colour, double page_width, double page_height) {
  if (colour.width <= 0 || colour.height <= 0 || (colour.channels != 1 && colour.channels != 3) ||
      colour.pixels.size() != static_cast<size_t>(colour.width) * colour.height * colour.channels) {
    return Status::InvalidInput("empty page image");
  }
  OcrResult out;
  // 0. Seals, stamps and coloured notes off (ocr/ink.h).
  PageImage image = DropColourInk(colour);
  PixPtr pix = ToPix(image);
  if (!pix) return Status::Internal("cannot allocate the page image");
  if (WhitenScannerBorders(pix.get()) < kBlankInk) return out;
  // 1. Skew.  Leptonica gives the angle that straightens the page; small
  // angles with low confidence are noise.
  l_float32 angle = 0, conf = 0;
  PixPtr straight(pixFindSkewAndDeskew(pix.get(), 2, &angle, &conf));
  if (!straight) straight.reset(pixClone(pix.get()));
  const bool rotated = straight.get() != pix.get();
  if (conf >= 2.5 && std::fabs(angle) >= 0.1) out.skew_degrees = angle;
  pix.reset();

  double sx = page_width / image.width, sy = page_height / image.height;
  const int dpi = image.dpi > 0 ? image.dpi : 300;
  // 2. Rulings, on the binarized image.
  PixPtr bin(pixConvertTo1(straight.get(), 160));
  if (bin) {
    PixPtr mask(pixCreate(pixGetWidth(bin.get()), pixGetHeight(bin.get()), 1));
    if (mask) {
      FindLines(bin.get(), true, dpi / 3, dpi / 25, sx, sy, &out.rulings, mask.get());
      FindLines(bin.get(), false, dpi / 5, dpi / 25, sx, sy, &out.rulings, mask.get());
      // Tesseract reads the page without its rulings.
      if (!out.rulings.empty()) pixSetMasked(straight.get(), mask.get(), 255);
    }
  }
  // 3. Words.
  tesseract::TessBaseAPI& api = impl_->api;
  api.SetImage(straight.get());
  api.SetSourceResolution(dpi);
  if (api.Recognize(nullptr) != 0) {
    api.Clear();
    return Status::Internal("Tesseract could not read the page");
  }
  double conf_sum = 0;
  std::vector<int> line_of;
  std::vector<std::vector<Box>> glyphs;  // each word's character boxes, for fill_ins
  int line = -1;
  std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
  if (it) {
    do {
      if (it->IsAtBeginningOf(tesseract::RIL_TEXTLINE)) ++line;
      std::unique_ptr<char[]> text(it->GetUTF8Text(tesseract::RIL_WORD));
      if (!text || text[0] == '\0') continue;
      std::string s(text.get());
      if (s.find_first_not_of(' ') == std::string::npos) continue;
      int l, t, r, b;
      if (!it->BoundingBox(tesseract::RIL_WORD, &l, &t, &r, &b)) continue;
      float row_height = 0, desc = 0, asc = 0;
      it->RowAttributes(&row_height, &desc, &asc);
      Word w;
      w.text = std::move(s);
      w.box = {l * sx, t * sy, r * sx, b * sy};
      // The row height (x-height plus ascenders) is about the font size.
      w.size = row_height > 0 ? row_height * sy : (b - t) * sy;
      w.space_after = !it->IsAtFinalElement(tesseract::RIL_TEXTLINE, tesseract::RIL_WORD);
      double c = it->Confidence(tesseract::RIL_WORD);
      // Specks and ruling fragments come out as lone marks: "|", "_", or a
      // dot or a dash read with little confidence.  They are not text.
      if (w.text.find_first_not_of("|_~`") == std::string::npos) continue;
      if (c < 60 && w.text.find_first_not_of(".,:;'\"-") == std::string::npos) continue;
      // Tesseract sometimes gives a second reading laid over a word it has
      // read already (a diacritic or a dash read on its own: "vị", "-"):
      // a word mostly inside an earlier one is dropped.
      bool seen = false;
      for (size_t k = out.words.size(); k-- > 0 && !seen;) {
        const Box& o = out.words[k].box;
        double ix = o.XOverlap(w.box), iy = o.YOverlap(w.box);
        seen = ix > 0 && iy > 0 && ix * iy > 0.5 * std::min(o.width() * o.height(), w.box.width() * w.box.height());
      }
      if (seen) continue;
      conf_sum += c;
      std::vector<Box> g;
      tesseract::LTRResultIterator sym(*it);
      do {
        int gl, gt, gr, gb;
        if (sym.BoundingBox(tesseract::RIL_SYMBOL, &gl, &gt, &gr, &gb)) g.push_back({gl * sx, gt * sy, gr * sx, gb * sy});
      } while (sym.Next(tesseract::RIL_SYMBOL) && !sym.IsAtBeginningOf(tesseract::RIL_WORD));
      glyphs.push_back(std::move(g));
      out.words.push_back(std::move(w));
      line_of.push_back(std::max(line, 0));
    } while (it->Next(tesseract::RIL_WORD));
  }
  api.Clear();
  if (!out.words.empty()) out.confidence = conf_sum / out.words.size();
  DropFlatWords(&out.words, &glyphs, &line_of);
  if (bin) MarkBold(bin.get(), sx, sy, line_of, &out.words);
  // 4. The number and day written in by hand or stamp (ocr/fill_ins.h),
  // read again as digits from the page with its coloured ink kept.
  SplitAtLabels(&out.words, &glyphs);
  std::vector<FillIn> fills;
  for (FillIn& f : FindBlanks(out.words)) {
    // A clean figure in blue ink was written by hand: read again too.
    if (f.clean && !BlueInk(colour, f.span, 1 / sx, 1 / sy)) continue;
    f.clean = false;
    fills.push_back(f);
  }
  if (!fills.empty()) {
    // The grey page for the figure reader, and as a Pix for the engine;
    // turned as the page was, when it was.
    PageImage inked_grey = InkKept(colour);
    PixPtr inked = ToPix(inked_grey);
    if (inked && rotated) {
      inked.reset(pixRotate(inked.get(), angle * 3.14159265358979 / 180, L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0));
      inked_grey = FromPix(inked.get());
    }
    std::vector<std::string> readings;
    if (inked) {
      // Read with its label, which the engine needs as context for
      // handwriting, and only the label's letters and digits allowed.
      api.SetPageSegMode(tesseract::PSM_SINGLE_LINE);
      for (const FillIn& f : fills) {
        api.SetVariable("tessedit_char_whitelist", ("0123456789" + f.label).c_str());
        double h = f.box.height() / sy;
        const int iw = pixGetWidth(inked.get()), ih = pixGetHeight(inked.get());
        int x0 = std::max(0, static_cast<int>(f.label_box.x0 / sx)), x1 = std::min(iw, static_cast<int>(f.box.x1 / sx));
        int y0 = std::max(0, static_cast<int>(f.box.y0 / sy - 0.35 * h));
        int y1 = std::min(ih, static_cast<int>(f.box.y1 / sy + 0.35 * h));
        BoxPtr clip(boxCreate(x0, y0, x1 - x0, y1 - y0));
        PixPtr cut(clip && x1 > x0 && y1 > y0 ? pixClipRectangle(inked.get(), clip.get(), nullptr) : nullptr);
        // Tesseract wants a margin of paper round a word.
        PixPtr crop(cut ? pixAddBorder(cut.get(), static_cast<int>(h / 2), 255) : nullptr);
        std::string read;
        if (crop) {
          api.SetImage(crop.get());
          api.SetSourceResolution(dpi);
          std::unique_ptr<char[]> t(api.GetUTF8Text());
          if (t) read = t.get();
          // What follows the label.
          size_t at = read.find(f.label);
          if (at != std::string::npos) read = read.substr(at + f.label.size());
          api.Clear();
        }
        // The figures read one by one against handwritten samples
        // (ocr/digits.h), weighed against the engine's line.
        const FigureSpan& span = f.span;
        Box look{span.look.x0 / sx, span.look.y0 / sy, span.look.x1 / sx, span.look.y1 / sy};
        DigitReading hand = DigitReader::Embedded().Read(inked_grey, look, span.from / sx, span.to / sx, h);
        // Blue ink under the printed word after a number's blank: the
        // figures ran on under the word OCR boxed over them (r21's "4552",
        // whose "52" the box of "/BCA-C04" took), and what was read of the
        // blank is only part of it.
        if (f.kind == FillIn::kNumber) {
          FigureSpan past = span;
          past.from = span.to + 0.2 * f.box.height();
          past.to = span.to + 1.5 * f.box.height();
          if (BlueInk(colour, past, 1 / sx, 1 / sy)) hand.unread_ink = true, hand.sure = false;
        }
        read = JoinReadings(read, hand);
        if (read.empty() && f.kind != FillIn::kNumber) {
          std::vector<std::string> in_range = ReadingsInRange(f.kind, hand);
          if (!in_range.empty())
            out.blanks.push_back({0, f.box, f.kind == FillIn::kDay ? "day" : "month", std::move(in_range)});
        }
        readings.push_back(read);
      }
      api.SetVariable("tessedit_char_whitelist", "");
      api.SetPageSegMode(tesseract::PSM_AUTO);
    }
    ApplyFillIns(fills, readings, &out.words);
  }
  // 5. Stamps in coloured ink (ocr/ink.h), each read from its own ink as a
  // block of lines; their text is kept apart from the page's.
  for (const Box& region : StampRegions(colour)) {
    PageImage ink = ColourInkOnly(colour, region);
    PixPtr stamp = ToPix(ink);
    if (!stamp) continue;
    PixPtr framed(pixAddBorder(stamp.get(), dpi / 10, 255));
    if (!framed) continue;
    api.SetPageSegMode(tesseract::PSM_SINGLE_BLOCK);
    api.SetImage(framed.get());
    api.SetSourceResolution(dpi);
    std::unique_ptr<char[]> t(api.GetUTF8Text());
    api.Clear();
    api.SetPageSegMode(tesseract::PSM_AUTO);
    double cx = page_width / colour.width, cy = page_height / colour.height;
    if (t && t[0] != '\0')
      out.stamps.push_back({0, Box{region.x0 * cx, region.y0 * cy, region.x1 * cx, region.y1 * cy}, std::string(t.get())});
  }
  return out;
}

}  // namespace kh
