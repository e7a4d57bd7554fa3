// legacy: text typed in pre-Unicode Vietnamese fonts -> Unicode.
//
// Plans typed before about 2010 used 8-bit font encodings: TCVN3 (ABC, the
// .VnTime family), VNI (VNI-Times, ...) and VISCII.  Their PDFs have no
// Unicode map, so a PDF library reports each byte as the Windows-1252
// character with that code:
//
//     TCVN3  "Sè : 01/2006/TT-NHNN"  "n−íc"      "x∙ héi"
//     VNI    "Coäng hoøa"            "nöôùc"
//     VISCII "Cµng hòa"              "tß¾ng"
//
// The tables that undo this are data (normalizer/legacy_encodings.json,
// compiled in; tests check every entry, TCVN3 and VISCII against glibc's
// iconv).  Each maps the Windows-1252 view of a byte or a byte pair to
// Unicode.  TCVN3's "H" fonts (.VnTimeH, VnTimeHBold) draw the lower-case
// codes as capitals: their text comes back in upper case.
//
// Detection is per font (Classify), from the font's name and all the text
// drawn in it; conversion is per word (Decode), and a word holding any
// character outside the Windows-1252 repertoire is left alone: it is
// Unicode already (a legacy byte never produces "ộ" or "ư").
//
//   auto dec = LegacyDecoder::Default();
//   FontDecoding d = (*dec)->Classify(".VnTime", words_in_that_font);
//   std::string u = (*dec)->Decode("Sè : 01", d);   // "Số : 01"
#ifndef KEHOACH_NORMALIZER_LEGACY_H_
#define KEHOACH_NORMALIZER_LEGACY_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "common/status.h"

namespace kh {

enum class LegacyEncoding : uint8_t { kNone = 0, kTcvn3, kVni, kViscii };

// "unicode", "tcvn3", "vni", "viscii" (the names the JSON's source uses).
const char* LegacyEncodingName(LegacyEncoding e);

struct FontDecoding {
  LegacyEncoding encoding = LegacyEncoding::kNone;
  bool upper = false;  // an upper-case font: the decoded text is upper-cased
  bool operator==(const FontDecoding&) const = default;
};

// One table of legacy_encodings.json, as loaded (for tests and tools).
struct LegacyTable {
  LegacyEncoding encoding = LegacyEncoding::kNone;
  std::string id;
  std::vector<std::string> font_prefixes;
  std::unordered_map<std::u32string, std::u32string> map;  // Windows-1252 view -> Unicode
  size_t longest_key = 1;
  // [legacy, unicode] pairs and text that must come back unchanged.
  std::vector<std::pair<std::string, std::string>> examples;
  std::vector<std::string> counter_examples;
  std::vector<std::string> font_examples, font_counter_examples, upper_examples, upper_counter_examples;
};

class LegacyDecoder {
 public:
  // The tables compiled into the binary.
  static Result<std::shared_ptr<const LegacyDecoder>> Default();
  // Tables from JSON text (the format of normalizer/legacy_encodings.json).
  static Result<std::shared_ptr<const LegacyDecoder>> Create(std::string_view json_text);

  // What the font's name alone says: its family (prefix tables) and whether
  // it is an upper-case font.  kNone if the name is not a legacy font's.
  FontDecoding ByName(std::string_view font_name) const;

  // The decision for one font, from its name and the words drawn in it.
  // A legacy font name is believed unless its text is plainly Unicode; an
  // unknown name is decoded only when its text is full of characters no
  // Vietnamese text has (©, µ, ¸, ...) and one table turns them into
  // Vietnamese letters.
  FontDecoding Classify(std::string_view font_name, const std::vector<std::string_view>& words) const;

  // One word or run, decoded.  Unchanged if d.encoding is kNone or the text
  // holds characters a legacy byte cannot produce.
  std::string Decode(std::string_view text, FontDecoding d) const;

  const std::vector<LegacyTable>& tables() const { return tables_; }
  // Characters Poppler prints for some glyph names instead of the
  // Windows-1252 one ("−" for 0xAD), with the character they stand for.
  const std::unordered_map<char32_t, char32_t>& quirks() const { return quirks_; }
  const std::vector<std::pair<std::string, std::string>>& quirk_examples() const { return quirk_examples_; }

 private:
  struct Counts {
    size_t letters = 0, foreign = 0, multi_tone = 0, words = 0, outside = 0;
  };
  const LegacyTable* Table(LegacyEncoding e) const;
  bool InRepertoire(char32_t c) const;
  Counts Count(const std::vector<std::string_view>& words, FontDecoding d) const;

  std::vector<LegacyTable> tables_;
  std::unordered_map<char32_t, char32_t> quirks_;
  std::vector<std::pair<std::string, std::string>> quirk_examples_;
  std::unordered_set<char32_t> vietnamese_;  // letters of Vietnamese, both cases
  std::unordered_set<char32_t> toned_;       // those that carry a tone mark
};

}  // namespace kh

#endif  // KEHOACH_NORMALIZER_LEGACY_H_
