// The only file that includes Poppler's core headers (libpoppler-private-dev).
// One pass per page: a TextOutputDev collects the words, and our subclass
// also records the straight strokes and thin fills that make table rulings.
#include <GlobalParams.h>
#include <PDFDoc.h>
#include <ErrorCodes.h>
#include <Error.h>
#include <GfxState.h>
#include <TextOutputDev.h>
#include <goo/GooString.h>

#include <cmath>
#include <cstdio>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "extractor/extractor.h"

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

class CollectingTextOutputDev : public TextOutputDev {
 public:
  CollectingTextOutputDev() : TextOutputDev(nullptr, false, 0, false, false) {}

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
  void fill(GfxState* state) override {
    TextOutputDev::fill(state);
    FillRulings(state);
  }
  void eoFill(GfxState* state) override {
    TextOutputDev::eoFill(state);
    FillRulings(state);
  }

  std::vector<Ruling> TakeRulings() { return std::move(rulings_); }

 private:
  // A filled subpath whose bounding box is thin in one direction is a line.
  void FillRulings(GfxState* state) {
    const GfxPath* path = state->getPath();
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
  std::vector<Ruling> rulings_;
};

std::string FontName(const TextWord* w) {
  const GooString* name = w->getFontName(0);
  if (name == nullptr) return {};
  std::string s = name->toStr();
  // Drop a subset prefix such as "ABCDEF+".
  if (s.size() > 7 && s[6] == '+') s = s.substr(7);
  return s;
}

bool Contains(const std::string& hay, const char* needle) { return hay.find(needle) != std::string::npos; }

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
    for (int i = 0; i < words->getLength(); ++i) {
      const TextWord* tw = words->get(i);
      std::unique_ptr<GooString> text(tw->getText());
      if (text == nullptr || text->getLength() == 0) continue;
      Word w;
      w.text = text->toStr();
      tw->getBBox(&w.box.x0, &w.box.y0, &w.box.x1, &w.box.y1);
      const TextFontInfo* fi = tw->getFontInfo(0);
      // Fonts are met again and again: look the name up once per font.
      auto known = font_ids.find(fi);
      if (known == font_ids.end()) {
        std::string name = FontName(tw);
        auto [it, added] = name_ids.emplace(name, static_cast<uint32_t>(out.fonts.size()));
        if (added) out.fonts.push_back(name);
        known = font_ids.emplace(fi, it->second).first;
      }
      w.font = known->second;
      const std::string& font = out.fonts[w.font];
      w.size = tw->getFontSize();
      w.bold = (fi != nullptr && fi->isBold()) || Contains(font, "Bold") || Contains(font, "bold") || Contains(font, ",B");
      w.italic = (fi != nullptr && fi->isItalic()) || Contains(font, "Italic") || Contains(font, "Oblique");
      w.space_after = tw->getSpaceAfter();
      page.words.push_back(std::move(w));
    }
    page.rulings = dev.TakeRulings();
    out.pages.push_back(std::move(page));
  }
  return out;
}

}  // namespace kh
