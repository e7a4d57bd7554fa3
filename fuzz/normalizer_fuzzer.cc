// Fuzz target: the normalizer and the legacy-font decoder, on any bytes.
//
// Checks, besides "no crash, no sanitizer report":
//  - the maps: to_source has text.size()+1 entries, never decreasing, ending
//    at the source's length (it starts past 0 when the source starts with
//    characters that are dropped); folded_to_text likewise into the text;
//  - Fold(text) is the folded view, and NormalizeString gives the same text;
//  - valid UTF-8 in gives valid UTF-8 out, and normalizing twice changes
//    nothing more;
//  - the legacy decoder (each table, and classification under a font name
//    taken from the input) returns valid UTF-8 for valid UTF-8 and copes
//    with any bytes.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/utf8.h"
#include "fuzz/fuzz_check.h"
#include "normalizer/legacy.h"
#include "normalizer/normalizer.h"

namespace {

void CheckMap(const std::vector<uint32_t>& map, size_t from_size, size_t to_size, const char* what) {
  FUZZ_CHECK(map.size() == from_size + 1, what);
  FUZZ_CHECK(map.back() == to_size, what);
  for (size_t i = 1; i < map.size(); ++i) FUZZ_CHECK(map[i - 1] <= map[i], what);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  kh::NormalizedText nt = kh::Normalize(in);
  CheckMap(nt.to_source, nt.text.size(), in.size(), "to_source maps the text onto the source");
  CheckMap(nt.folded_to_text, nt.folded.size(), nt.text.size(), "folded_to_text maps the folded view onto the text");
  FUZZ_CHECK(kh::Fold(nt.text) == nt.folded, "Fold(text) is the folded view");
  FUZZ_CHECK(kh::NormalizeString(in) == nt.text, "NormalizeString agrees with Normalize");
  (void)kh::CollapseSpaces(nt.text);
  (void)kh::ToUpper(nt.text);
  (void)kh::ToLower(nt.text);
  if (kh::utf8::IsValid(in)) {
    FUZZ_CHECK(kh::utf8::IsValid(nt.text), "valid UTF-8 in, valid UTF-8 out");
    FUZZ_CHECK(kh::utf8::IsValid(nt.folded), "the folded view is valid UTF-8");
    FUZZ_CHECK(kh::NormalizeString(nt.text) == nt.text, "normalizing twice changes nothing more");
  }

  // Legacy decoding: the first line names the font, the rest are its words.
  static const auto decoder = kh::LegacyDecoder::Default();
  FUZZ_CHECK(decoder.ok(), "the legacy tables load");
  const bool valid = kh::utf8::IsValid(in);
  size_t nl = in.find('\n');
  std::string font(in.substr(0, nl == std::string_view::npos ? 0 : nl));
  std::vector<std::string_view> words;
  size_t i = nl == std::string_view::npos ? 0 : nl + 1;
  while (i < in.size()) {
    size_t j = in.find(' ', i);
    if (j == std::string_view::npos) j = in.size();
    if (j > i) words.push_back(in.substr(i, j - i));
    i = j + 1;
  }
  kh::FontDecoding d = decoder.value()->Classify(font, words);
  for (std::string_view w : words) {
    std::string out = decoder.value()->Decode(w, d);
    FUZZ_CHECK(!valid || kh::utf8::IsValid(out), "a decoded word is valid UTF-8");
    for (kh::LegacyEncoding e : {kh::LegacyEncoding::kTcvn3, kh::LegacyEncoding::kVni, kh::LegacyEncoding::kViscii}) {
      kh::FontDecoding forced;
      forced.encoding = e;
      forced.upper = words.size() % 2 == 0;
      out = decoder.value()->Decode(w, forced);
      FUZZ_CHECK(!valid || kh::utf8::IsValid(out), "a word decoded by any table is valid UTF-8");
    }
  }
  return 0;
}
