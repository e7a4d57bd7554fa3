// guards [SCALE]: the inputs of the tests that guard against quadratic
// blow-ups (tests/support/guard_inputs.h) at four growing sizes, the largest
// the tests' own times SCALE (default 1), one table: the time per unit at
// each size and its growth from the smallest size to the largest (about 1
// when linear, 8 when quadratic).  The tests only carry a ctest TIMEOUT; the
// promise that these stages are linear is this table (bench/RESULTS.md).
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>

#include "extractor/extractor.h"
#include "extractor/tables.h"
#include "normalizer/normalizer.h"
#include "tests/support/guard_inputs.h"

namespace {

double Seconds(const std::function<void()>& f) {
  auto t0 = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// One row: f(n) at n/8, n/4, n/2, n; microseconds per unit (per `per` of n).
void Row(const char* name, const char* unit, long n, const std::function<void(long)>& f, double per = 1) {
  std::printf("| %s | %s |", name, unit);
  double first = 0, last = 0;
  for (long size : {n / 8, n / 4, n / 2, n}) {
    double us = 1e6 * Seconds([&] { f(size); }) / (static_cast<double>(size) / per);
    if (first == 0) first = us;
    last = us;
    std::printf(" %.3f |", us);
  }
  std::printf(" %.1f |\n", first > 0 ? last / first : 0);
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  long scale = argc > 1 ? std::strtol(argv[1], nullptr, 10) : 1;
  if (scale < 1) scale = 1;
  std::string tmp = (std::filesystem::temp_directory_path() / "kh-guards-XXXXXX").string();
  std::vector<char> templ(tmp.begin(), tmp.end());
  templ.push_back('\0');
  if (!mkdtemp(templ.data())) {
    std::fprintf(stderr, "guards: cannot make a folder %s\n", tmp.c_str());
    return 1;
  }
  const std::string pdf = std::string(templ.data()) + "/words.pdf";
  std::printf("| input | unit | µs per unit at n/8 | n/4 | n/2 | n | growth |\n|---|---|---:|---:|---:|---:|---:|\n");
  Row("one page of n words (pdf_reader_test)", "word", std::min(60000L * scale, 60000L), [&](long n) {
    std::ofstream(pdf, std::ios::binary) << kh::ManyWordsPdf(static_cast<int>(n));
    auto doc = kh::ReadPdf(pdf, {});
    if (!doc.ok() || doc->pages[0].words.size() != static_cast<size_t>(n)) std::fprintf(stderr, "guards: words lost\n");
  });
  Row("n aligned one-word lines (tables_test)", "line", 200000L * scale, [](long n) {
    std::vector<kh::Line> lines = kh::AlignedLines(static_cast<int>(n));
    kh::FindBorderlessTables(1, &lines);
  });
  Row("a grid ruled n times each way (tables_test)", "ruling", 2400L * scale, [](long n) {
    std::vector<kh::Ruling> rs = kh::RuledGrid(static_cast<int>(n));
    std::vector<kh::Word> words;
    kh::FindRuledTables(1, rs, &words);
  });
  Row("n bytes of plain text (normalizer_test)", "KB", (4L << 20) * scale, [](long n) {
    kh::Normalize(kh::Repeated("Uỷ ban nhân dân tỉnh Cà Mau  hoà ", static_cast<size_t>(n)));
  }, 1024);
  Row("n bytes of combining marks (normalizer_test)", "KB", (2L << 20) * scale, [](long n) {
    kh::Normalize("a" + kh::Repeated("\xCC\x81\xCC\xA3", static_cast<size_t>(n)));
  }, 1024);
  std::remove(pdf.c_str());
  rmdir(templ.data());
  return 0;
}
