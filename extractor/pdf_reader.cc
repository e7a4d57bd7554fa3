// The only file that includes Poppler's core headers (libpoppler-private-dev).
// One pass per page: a TextOutputDev collects the words, and our subclass
// also records the straight strokes and thin fills that make table rulings.
#include <GlobalParams.h>
#include <PDFDoc.h>
#include <Form.h>
#include <Annot.h>
#include <DateInfo.h>
#include <UTF.h>
#include <ErrorCodes.h>
#include <Error.h>
#include <GfxState.h>
#include <SplashOutputDev.h>
#include <Stream.h>
#include <TextOutputDev.h>
#include <goo/GooString.h>
#include <splash/SplashBitmap.h>

#include <algorithm>
#include <filesystem>
#include <cmath>
#include <cstdio>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "common/date.h"
#include "common/utf8.h"
#include "extractor/extractor.h"
#include "extractor/pkcs7.h"

namespace kh {
namespace {

void QuietErrors(ErrorCategory, Goffset, const char*) {}

void InitPoppler() {
  static std::once_flag once;
  std::call_once(once, [] {
    globalParams = std::make_unique<GlobalParams>();
    setErrorCallback(&QuietErrors);
  });
}

// Words in raw order (the content stream's): Poppler's own layout analysis
// (TextPage::coalesce) takes time quadratic in a page's words -- 336 s for a
// page of 100 000 tiny words -- and we do our own layout anyway (layout.h).
// What coalesce also did, dropping text drawn twice, is DropOverdrawnWords.
class CollectingTextOutputDev : public TextOutputDev {
 public:
  CollectingTextOutputDev() : TextOutputDev(nullptr, /*physLayoutA=*/false, 0, /*rawOrderA=*/true, false) {}

  void stroke(GfxState* state) override {
    TextOutputDev::stroke(state);
    const GfxPath* path = state->getPath();
    double w = std::max(state->getTransformedLineWidth(), 0.1);
    for (int s = 0; s < path->getNumSubpaths(); ++s) {
      const GfxSubpath* sp = path->getSubpath(s);
      for (int i = 1; i < sp->getNumPoints(); ++i) {
        double ax, ay, bx, by;
        state->transform(sp->getX(i - 1), sp->getY(i - 1), &ax, &ay);
        state->transform(sp->getX(i), sp->getY(i), &bx, &by);
        if (std::fabs(ay - by) < 0.5) {
          AddRuling({std::min(ax, bx), ay - w / 2, std::max(ax, bx), ay + w / 2});
        } else if (std::fabs(ax - bx) < 0.5) {
          AddRuling({ax - w / 2, std::min(ay, by), ax + w / 2, std::max(ay, by)});
        }
      }
    }
  }
  int curved_fills() const { return curved_fills_; }

  void fill(GfxState* state) override {
    TextOutputDev::fill(state);
    FillRulings(state);
  }
  void eoFill(GfxState* state) override {
    TextOutputDev::eoFill(state);
    FillRulings(state);
  }

  // Images are not drawn, only measured: how much of the page they cover
  // tells a scan from a text page.  needNonText() must be true for Gfx to
  // report them at all.
  bool needNonText() override { return true; }
  void drawImageMask(GfxState* state, Object*, Stream* str, int width, int height, bool, bool, bool inlineImg) override {
    NoteImage(state, str, width, height, 1, 1, inlineImg);
  }
  void drawImage(GfxState* state, Object*, Stream* str, int width, int height, GfxImageColorMap* map, bool,
                 const int*, bool inlineImg) override {
    NoteImage(state, str, width, height, map ? map->getNumPixelComps() : 1, map ? map->getBits() : 8, inlineImg);
  }
  void drawMaskedImage(GfxState* state, Object*, Stream*, int, int, GfxImageColorMap*, bool, Stream*, int, int, bool,
                       bool) override {
    NoteImage(state, nullptr, 0, 0, 0, 0, false);
  }
  void drawSoftMaskedImage(GfxState* state, Object*, Stream*, int, int, GfxImageColorMap*, bool, Stream*, int, int,
                           GfxImageColorMap*, bool) override {
    NoteImage(state, nullptr, 0, 0, 0, 0, false);
  }

  std::vector<Ruling> TakeRulings() { return std::move(rulings_); }
  // Summed image area in device space (points at 72 dpi), capped by the caller.
  double image_area() const { return image_area_; }

 private:
  // A filled subpath whose bounding box is thin in one direction is a line.
  void FillRulings(GfxState* state) {
    const GfxPath* path = state->getPath();
    for (int s = 0; s < path->getNumSubpaths() && curved_fills_ < 1000000; ++s) {
      const GfxSubpath* sp = path->getSubpath(s);
      for (int i = 0; i < sp->getNumPoints(); ++i)
        if (sp->getCurve(i)) {
          ++curved_fills_;
          break;
        }
    }
    for (int s = 0; s < path->getNumSubpaths(); ++s) {
      const GfxSubpath* sp = path->getSubpath(s);
      if (sp->getNumPoints() < 3) continue;
      Box b{1e9, 1e9, -1e9, -1e9};
      for (int i = 0; i < sp->getNumPoints(); ++i) {
        double x, y;
        state->transform(sp->getX(i), sp->getY(i), &x, &y);
        b = {std::min(b.x0, x), std::min(b.y0, y), std::max(b.x1, x), std::max(b.y1, y)};
      }
      if ((b.height() <= 2.5 && b.width() > 4) || (b.width() <= 2.5 && b.height() > 4)) AddRuling(b);
    }
  }
  void AddRuling(const Box& b) {
    if (rulings_.size() < 200000) rulings_.push_back({b});
  }
  void NoteImage(GfxState* state, Stream* str, int width, int height, int comps, int bits, bool inline_img) {
    // The image fills the unit square under the CTM.
    double x0 = 1e9, y0 = 1e9, x1 = -1e9, y1 = -1e9;
    for (auto [ux, uy] : {std::pair{0.0, 0.0}, {1.0, 0.0}, {0.0, 1.0}, {1.0, 1.0}}) {
      double x, y;
      state->transform(ux, uy, &x, &y);
      x0 = std::min(x0, x), y0 = std::min(y0, y), x1 = std::max(x1, x), y1 = std::max(y1, y);
    }
    double cx0, cy0, cx1, cy1;
    state->getClipBBox(&cx0, &cy0, &cx1, &cy1);
    double w = std::min(x1, cx1) - std::max(x0, cx0), h = std::min(y1, cy1) - std::max(y0, cy0);
    if (w > 0 && h > 0) image_area_ += w * h;
    // An inline image's data sits in the content stream: skip it, as
    // OutputDev's own drawImage does.
    if (inline_img && str != nullptr) {
      str->reset();
      long n = static_cast<long>(height) * ((static_cast<long>(width) * comps * bits + 7) / 8);
      for (long i = 0; i < n; ++i) str->getChar();
      str->close();
    }
  }
  std::vector<Ruling> rulings_;
  double image_area_ = 0;
  int curved_fills_ = 0;
};

std::string FontName(const TextWord* w, int idx) {
  const GooString* name = w->getFontName(idx);
  if (name == nullptr) return {};
  std::string s = name->toStr();
  // Drop a subset prefix such as "ABCDEF+".
  if (s.size() > 7 && s[6] == '+') s = s.substr(7);
  return s;
}

bool Contains(const std::string& hay, const char* needle) { return hay.find(needle) != std::string::npos; }

// One page in colour (RGB) at dpi, the page's /Rotate applied (the same
// orientation as the words' coordinates).
Result<PageImage> Render(PDFDoc* doc, int page, int dpi) {
  SplashColor white = {255, 255, 255};
  SplashOutputDev dev(splashModeRGB8, 4, false, white);
  dev.setFontAntialias(true);
  dev.setVectorAntialias(true);
  dev.startDoc(doc);
  doc->displayPage(&dev, page, dpi, dpi, 0, true, false, false);
  SplashBitmap* bm = dev.getBitmap();
  if (bm == nullptr || bm->getWidth() <= 0 || bm->getHeight() <= 0) {
    return Status::InvalidInput("page " + std::to_string(page) + " cannot be rendered");
  }
  PageImage img;
  img.width = bm->getWidth();
  img.height = bm->getHeight();
  img.dpi = dpi;
  img.channels = 3;
  const size_t row = static_cast<size_t>(img.width) * 3;
  img.pixels.resize(row * img.height);
  const unsigned char* data = bm->getDataPtr();
  for (int y = 0; y < img.height; ++y) {
    std::copy_n(data + static_cast<size_t>(y) * bm->getRowSize(), row, img.pixels.data() + static_cast<size_t>(y) * row);
  }
  return img;
}

// Text drawn twice at (almost) the same place, as fake bold or a shadow is
// drawn, is kept once: a word is dropped if a kept word with the same text
// and size starts within 0.2 of its size of it.  Kept words are hashed by
// text, size and a grid of a quarter of the size, so each word looks at 9
// cells: linear in the words of the page, whatever they hold.
struct DrawnAt {
  std::string_view text;  // a kept word's text (out is reserved: never moves)
  size_t text_hash;       // its hash, taken once for the nine cells a word looks at
  long size10, ix, iy;    // size in tenths of a point, grid cell
  bool operator==(const DrawnAt& o) const {
    return size10 == o.size10 && ix == o.ix && iy == o.iy && text == o.text;
  }
};
struct DrawnAtHash {
  size_t operator()(const DrawnAt& k) const {
    size_t h = k.text_hash;
    for (long v : {k.size10, k.ix, k.iy}) h = h * 1000003 ^ std::hash<long>()(v);
    return h;
  }
};

void DropOverdrawnWords(std::vector<Word>* words) {
  std::unordered_map<DrawnAt, std::vector<size_t>, DrawnAtHash> kept;
  kept.reserve(words->size());
  std::vector<Word> out;
  out.reserve(words->size());
  for (Word& w : *words) {
    const size_t text_hash = std::hash<std::string_view>()(w.text);
    double cell = std::max(0.25 * w.size, 0.1);
    double tol = 0.2 * std::max(w.size, 0.5);
    bool finite = std::isfinite(w.box.x0) && std::isfinite(w.box.y0) && std::isfinite(w.size);
    long size10 = finite ? std::lround(std::clamp(w.size * 10, -1e9, 1e9)) : 0;
    long ix = finite ? std::lround(std::clamp(w.box.x0 / cell, -1e9, 1e9)) : 0;
    long iy = finite ? std::lround(std::clamp(w.box.y0 / cell, -1e9, 1e9)) : 0;
    bool dup = false;
    for (long dx = -1; dx <= 1 && !dup && finite; ++dx) {
      for (long dy = -1; dy <= 1 && !dup; ++dy) {
        auto it = kept.find({w.text, text_hash, size10, ix + dx, iy + dy});
        if (it == kept.end()) continue;
        for (size_t k : it->second) {
          if (std::fabs(out[k].box.x0 - w.box.x0) <= tol && std::fabs(out[k].box.y0 - w.box.y0) <= tol) dup = true;
        }
      }
    }
    if (dup) continue;
    out.push_back(std::move(w));
    if (finite) kept[{out.back().text, text_hash, size10, ix, iy}].push_back(out.size() - 1);
  }
  *words = std::move(out);
}

}  // namespace

Status CheckPdfHeader(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return Status::IoError("cannot open file");
  char head[1024];
  size_t n = std::fread(head, 1, sizeof head, f);
  std::fclose(f);
  if (n == 0) return Status::InvalidInput("empty file");
  if (std::string_view(head, n).find("%PDF-") == std::string_view::npos) {
    return Status::InvalidInput("not a PDF (no %PDF- header)");
  }
  return Status::OK();
}

// A PDF text string (PDFDocEncoding or UTF-16 with its BOM) as UTF-8.
std::string TextString(const Object& o) {
  if (!o.isString()) return "";
  Unicode* u = nullptr;
  int n = TextStringToUCS4(o.getString()->toStr(), &u);
  std::string s;
  for (int i = 0; i < n; ++i) utf8::Append(u[i], &s);
  gfree(u);
  return s;
}

// "D:20251002162401+07'00'" -> "2025-10-02T16:24:01+07:00".
std::string PdfDate(const std::string& d) {
  std::string v = d.rfind("D:", 0) == 0 ? d.substr(2) : d;
  if (v.size() < 14 || v.find_first_not_of("0123456789") < 14) return "";
  std::string iso = v.substr(0, 4) + "-" + v.substr(4, 2) + "-" + v.substr(6, 2) + "T" + v.substr(8, 2) + ":" +
                    v.substr(10, 2) + ":" + v.substr(12, 2);
  std::string tz = v.substr(14);
  if (!tz.empty() && tz[0] == 'Z') return iso + "Z";
  if (tz.size() >= 3 && (tz[0] == '+' || tz[0] == '-')) {
    std::string mm = tz.size() >= 6 ? tz.substr(4, 2) : "00";
    return iso + tz.substr(0, 3) + ":" + mm;
  }
  return iso;
}

std::vector<Signature> ReadSignatures(PDFDoc* doc, const std::string& path) {
  std::vector<Signature> out;
  std::error_code ec;
  uintmax_t size = std::filesystem::file_size(path, ec);
  for (FormFieldSignature* f : doc->getSignatureFields()) {
    if (f == nullptr || out.size() >= 100) continue;
    Signature sig;
    sig.field = true;
    if (const GooString* der = f->getSignature(); der != nullptr) {
      Pkcs7Info info;
      if (ReadPkcs7(std::string_view(der->c_str(), der->getLength()), &info)) {
        sig.signer = info.signer;
        sig.time = info.signing_time;
      }
    }
    Object v = f->getObj()->dictLookup("V");
    if (v.isDict()) {
      if (sig.time.empty()) {
        Object m = v.dictLookup("M");
        if (m.isString()) sig.time = PdfDate(m.getString()->toStr());
      }
      if (sig.signer.empty()) sig.signer = TextString(v.dictLookup("Name"));
      sig.reason = TextString(v.dictLookup("Reason"));
      sig.location = TextString(v.dictLookup("Location"));
    }
    // [0 a b c]: everything but the signature's own bytes.
    Object* range = f->getByteRange();
    if (range != nullptr && range->isArray() && range->arrayGetLength() == 4 && !ec) {
      long long r[4];
      bool ints = true;
      for (int i = 0; i < 4; ++i) {
        Object x = range->arrayGet(i);
        ints = ints && (x.isInt() || x.isInt64());
        r[i] = x.isInt() ? x.getInt() : x.isInt64() ? x.getInt64() : 0;
      }
      sig.whole_file = ints && r[0] == 0 && r[2] + r[3] == static_cast<long long>(size);
    }
    if (f->getNumWidgets() > 0 && f->getWidget(0) != nullptr && f->getWidget(0)->getWidgetAnnotation() != nullptr) {
      FormWidget* w = f->getWidget(0);
      int page = w->getWidgetAnnotation()->getPageNum();
      double x1, y1, x2, y2;
      w->getRect(&x1, &y1, &x2, &y2);
      if (page >= 1 && page <= doc->getNumPages() && x2 > x1 && y2 > y1) {
        const PDFRectangle* crop = doc->getCatalog()->getPage(page)->getCropBox();
        sig.page = page;
        sig.box = {x1 - crop->x1, crop->y2 - y2, x2 - crop->x1, crop->y2 - y1};
      }
    }
    out.push_back(std::move(sig));
  }
  return out;
}

// Info /CreationDate ("D:20250421091048+07'00'") as the date it names,
// "2025-04-21"; "" if there is none or it is not a date.
static std::string CreationDate(PDFDoc* doc) {
  std::unique_ptr<GooString> raw = doc->getDocInfoCreatDate();
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0, tzh = 0, tzm = 0;
  char tz = 0;
  if (!raw || !parseDateString(raw.get(), &y, &mo, &d, &h, &mi, &sec, &tz, &tzh, &tzm)) return "";
  std::optional<Date> day = Date::Make(y, mo, d);
  return day && y >= 1990 ? day->Iso() : "";
}

Result<RawDocument> ReadPdf(const std::string& path, const ReadOptions& options) {
  InitPoppler();
  if (Status s = CheckPdfHeader(path); !s.ok()) return s;
  std::optional<GooString> pw;
  if (!options.password.empty()) pw = GooString(options.password);
  auto doc = std::make_unique<PDFDoc>(std::make_unique<GooString>(path), pw, pw);
  if (!doc->isOk()) {
    switch (doc->getErrorCode()) {
      case errEncrypted:
        return Status::Encrypted(options.password.empty() ? "encrypted PDF: a password is needed (--password)"
                                                          : "encrypted PDF: the password is wrong");
      case errOpenFile: return Status::IoError("cannot open file");
      default: return Status::InvalidInput("damaged PDF: cannot read its structure (truncated or corrupt)");
    }
  }
  int n = doc->getNumPages();
  if (n <= 0) return Status::InvalidInput("PDF has no pages");
  if (n > options.max_pages) {
    return Status::InvalidInput("PDF has " + std::to_string(n) + " pages, more than the limit of " +
                                std::to_string(options.max_pages));
  }
  RawDocument out;
  out.encrypted = doc->isEncrypted();
  out.signatures = ReadSignatures(doc.get(), path);
  out.created = CreationDate(doc.get());
  out.pages.reserve(n);
  std::unordered_map<std::string, uint32_t> name_ids = {{"", 0}};
  for (int p = 1; p <= n; ++p) {
    CollectingTextOutputDev dev;
    // A page's font infos live as long as its text device.
    std::unordered_map<const TextFontInfo*, uint32_t> font_ids;
    if (!dev.isOk()) return Status::Internal("cannot create Poppler text device");
    doc->displayPage(&dev, p, 72, 72, 0, true, false, false);
    RawPage page;
    page.number = p;
    int rot = doc->getPageRotate(p);
    page.width = (rot % 180 == 0) ? doc->getPageCropWidth(p) : doc->getPageCropHeight(p);
    page.height = (rot % 180 == 0) ? doc->getPageCropHeight(p) : doc->getPageCropWidth(p);
    std::unique_ptr<TextWordList> words = dev.makeWordList();
    page.words.reserve(words->getLength());
    // Fonts are met again and again: look each one's name up once.
    auto font_id = [&](const TextWord* tw, int idx) -> uint32_t {
      const TextFontInfo* fi = tw->getFontInfo(idx);
      auto known = font_ids.find(fi);
      if (known != font_ids.end()) return known->second;
      std::string name = FontName(tw, idx);
      auto [it, added] = name_ids.emplace(name, static_cast<uint32_t>(out.fonts.size()));
      if (added) out.fonts.push_back(name);
      return font_ids.emplace(fi, it->second).first->second;
    };
    auto make_word = [&](const TextWord* tw, uint32_t font, std::string text, const Box& box, bool space_after) {
      Word w;
      w.text = std::move(text);
      w.box = box;
      w.font = font;
      const std::string& name = out.fonts[font];
      const TextFontInfo* fi = tw->getFontInfo(0);
      w.size = tw->getFontSize();
      w.bold = (fi != nullptr && fi->isBold()) || Contains(name, "Bold") || Contains(name, "bold") || Contains(name, ",B");
      w.italic = (fi != nullptr && fi->isItalic()) || Contains(name, "Italic") || Contains(name, "Oblique");
      w.space_after = space_after;
      page.words.push_back(std::move(w));
    };
    for (int i = 0; i < words->getLength(); ++i) {
      const TextWord* tw = words->get(i);
      std::unique_ptr<GooString> text(tw->getText());
      if (text == nullptr || text->getLength() == 0) continue;
      Box box;
      tw->getBBox(&box.x0, &box.y0, &box.x1, &box.y1);
      int n = tw->getLength();
      uint32_t first = font_id(tw, 0);
      bool one_font = true;
      for (int c = 1; c < n && one_font; ++c) one_font = font_id(tw, c) == first;
      if (one_font) {
        make_word(tw, first, text->toStr(), box, tw->getSpaceAfter());
        continue;
      }
      // A word drawn in more than one font (legacy documents switch to an
      // upper-case font for one capital: "Ủy" typed as .VnTimeH "ñ" and
      // .VnTime "y"): one word per run of a font, glued without a space, so
      // that each run is decoded with its own font.
      int b = 0;
      while (b < n) {
        uint32_t f = font_id(tw, b);
        int e = b + 1;
        while (e < n && font_id(tw, e) == f) ++e;
        std::string run;
        for (int c = b; c < e; ++c) utf8::Append(*tw->getChar(c), &run);
        double x0, y0, x1, y1, u0, v0, u1, v1;
        tw->getCharBBox(b, &x0, &y0, &x1, &y1);
        tw->getCharBBox(e - 1, &u0, &v0, &u1, &v1);
        Box rb{std::min(x0, u0), box.y0, std::max(x1, u1), box.y1};
        make_word(tw, f, std::move(run), rb, e == n ? tw->getSpaceAfter() : false);
        page.words.back().glued = e < n;
        b = e;
      }
    }
    DropOverdrawnWords(&page.words);
    page.rulings = dev.TakeRulings();
    if (page.width > 0 && page.height > 0) page.image_cover = std::min(1.0, dev.image_area() / (page.width * page.height));
    page.curved_fills = dev.curved_fills();
    // wants_render sees every page (the pipeline records its decision on
    // each); a page is rendered only when there is an on_render to take it.
    bool render = options.wants_render && options.wants_render(page);
    if (render && options.on_render) {
      Result<PageImage> img = Render(doc.get(), p, options.render_dpi);
      if (!img.ok()) return img.status();
      options.on_render(page, std::move(img.value()));
    }
    out.pages.push_back(std::move(page));
  }
  return out;
}

}  // namespace kh
