// dump_pages PDF...: prints each PDF's words and rulings in the page dump
// format of synthetic_pages.h, one output per PDF to stdout, separated by a
// line "=== PATH".  fuzz/run.sh seeds the table fuzzer with the corpus this way.
#include <cstdio>

#include "extractor/extractor.h"
#include "tests/support/synthetic_pages.h"

int main(int argc, char** argv) {
  int rc = 0;
  for (int i = 1; i < argc; ++i) {
    kh::Result<kh::RawDocument> doc = kh::ReadPdf(argv[i], kh::ReadOptions());
    if (!doc.ok()) {
      std::fprintf(stderr, "%s: %s\n", argv[i], doc.status().message().c_str());
      rc = 1;
      continue;
    }
    std::printf("=== %s\n%s", argv[i], kh::DumpPages(doc.value()).c_str());
  }
  return rc;
}
