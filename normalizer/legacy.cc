#include "normalizer/legacy.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <mutex>

#include <nlohmann/json.hpp>

#include "common/utf8.h"
#include "normalizer/normalizer.h"

namespace kh {

extern std::pair<const char*, std::string_view> kEmbeddedNormalizerData[];

namespace {

using nlohmann::json;

std::u32string ToU32(std::string_view s) {
  std::u32string out;
  size_t i = 0;
  while (i < s.size()) out.push_back(utf8::Next(s, &i));
  return out;
}

std::string ToU8(std::u32string_view s) {
  std::string out;
  for (char32_t c : s) utf8::Append(c, &out);
  return out;
}

// Windows-1252's 0x80..0x9F, where it differs from Latin-1.
constexpr char32_t kCp1252High[] = {0x20AC, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030,
                                    0x0160, 0x2039, 0x0152, 0x017D, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
                                    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x017E, 0x0178};

// Punctuation Unicode Vietnamese text uses; not a sign of a legacy font.
constexpr char32_t kPlainPunct[] = {0x201C, 0x201D, 0x2018, 0x2019, 0x2013, 0x2014, 0x2026, 0x2022,
                                    0x00B0, 0x00D7, 0x00B1, 0x2030, 0x20AC, 0x00A0, 0x00AB, 0x00BB};

LegacyEncoding EncodingOf(const std::string& id) {
  if (id == "tcvn3") return LegacyEncoding::kTcvn3;
  if (id == "vni") return LegacyEncoding::kVni;
  if (id == "viscii") return LegacyEncoding::kViscii;
  return LegacyEncoding::kNone;
}

Status ReadStrings(const json& j, const char* key, std::vector<std::string>* out) {
  if (!j.contains(key)) return Status::OK();
  if (!j[key].is_array()) return Status::DataError(std::string("legacy_encodings.json: '") + key + "' is not a list");
  for (const json& e : j[key]) {
    if (!e.is_string()) return Status::DataError(std::string("legacy_encodings.json: '") + key + "' holds a non-string");
    out->push_back(e.get<std::string>());
  }
  return Status::OK();
}

Status ReadPairs(const json& j, const char* key, std::vector<std::pair<std::string, std::string>>* out) {
  if (!j.contains(key)) return Status::OK();
  for (const json& e : j[key]) {
    if (!e.is_array() || e.size() != 2 || !e[0].is_string() || !e[1].is_string()) {
      return Status::DataError(std::string("legacy_encodings.json: '") + key + "' entries are [legacy, unicode]");
    }
    out->emplace_back(e[0].get<std::string>(), e[1].get<std::string>());
  }
  return Status::OK();
}

// The family part of a font name: without a leading '.', a ",Bold" /
// "-Italic" suffix, or a trailing style word ("VnTimeHBold" -> "VnTimeH").
std::string_view Family(std::string_view name) {
  if (!name.empty() && name.front() == '.') name.remove_prefix(1);
  size_t cut = name.find_first_of(",-");
  if (cut != std::string_view::npos) name = name.substr(0, cut);
  for (std::string_view style : {"BoldItalic", "BoldOblique", "Italic", "Oblique", "Bold", "Regular"}) {
    if (name.size() > style.size() && name.ends_with(style)) {
      name.remove_suffix(style.size());
      break;
    }
  }
  return name;
}

}  // namespace

const char* LegacyEncodingName(LegacyEncoding e) {
  switch (e) {
    case LegacyEncoding::kTcvn3: return "tcvn3";
    case LegacyEncoding::kVni: return "vni";
    case LegacyEncoding::kViscii: return "viscii";
    case LegacyEncoding::kNone: break;
  }
  return "unicode";
}

Result<std::shared_ptr<const LegacyDecoder>> LegacyDecoder::Default() {
  static std::once_flag once;
  static Result<std::shared_ptr<const LegacyDecoder>> cached = Status::Internal("not loaded");
  std::call_once(once, [] {
    for (auto* e = kEmbeddedNormalizerData; e->first != nullptr; ++e) {
      if (std::string_view(e->first) == "legacy_encodings.json") {
        cached = Create(e->second);
        return;
      }
    }
    cached = Status::DataError("normalizer/legacy_encodings.json: not compiled into this binary");
  });
  return cached;
}

Result<std::shared_ptr<const LegacyDecoder>> LegacyDecoder::Create(std::string_view json_text) {
  json j = json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) return Status::DataError("legacy_encodings.json: not valid JSON");
  auto d = std::shared_ptr<LegacyDecoder>(new LegacyDecoder());
  if (j.contains("pdf_quirks")) {
    const json& q = j["pdf_quirks"];
    if (!q.contains("map") || !q["map"].is_object()) return Status::DataError("legacy_encodings.json: pdf_quirks has no map");
    for (auto& [k, v] : q["map"].items()) {
      std::u32string a = ToU32(k), b = ToU32(v.get<std::string>());
      if (a.size() != 1 || b.size() != 1) return Status::DataError("legacy_encodings.json: a quirk maps one character to one");
      d->quirks_[a[0]] = b[0];
    }
    if (Status s = ReadPairs(q, "examples", &d->quirk_examples_); !s.ok()) return s;
  }
  if (!j.contains("encodings") || !j["encodings"].is_array()) return Status::DataError("legacy_encodings.json: no 'encodings' list");
  for (const json& e : j["encodings"]) {
    LegacyTable t;
    t.id = e.value("id", "");
    t.encoding = EncodingOf(t.id);
    if (t.encoding == LegacyEncoding::kNone) return Status::DataError("legacy_encodings.json: unknown encoding '" + t.id + "'");
    if (!e.contains("map") || !e["map"].is_object()) return Status::DataError("legacy_encodings.json: " + t.id + " has no map");
    for (auto& [k, v] : e["map"].items()) {
      if (!v.is_string()) return Status::DataError("legacy_encodings.json: " + t.id + " maps '" + k + "' to a non-string");
      std::u32string key = ToU32(k);
      if (key.empty()) return Status::DataError("legacy_encodings.json: " + t.id + " has an empty key");
      t.longest_key = std::max(t.longest_key, key.size());
      t.map[key] = ToU32(v.get<std::string>());
    }
    for (auto [key, list] : {std::pair{"font_prefixes", &t.font_prefixes}, {"font_examples", &t.font_examples},
                             {"font_counter_examples", &t.font_counter_examples}, {"upper_examples", &t.upper_examples},
                             {"upper_counter_examples", &t.upper_counter_examples}, {"counter_examples", &t.counter_examples}}) {
      if (Status s = ReadStrings(e, key, list); !s.ok()) return s;
    }
    if (Status s = ReadPairs(e, "examples", &t.examples); !s.ok()) return s;
    d->tables_.push_back(std::move(t));
  }
  // The Vietnamese letters are the tables' values, in both cases, and ASCII's.
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(err);
  if (U_FAILURE(err)) return Status::Internal("ICU: no NFD normalizer");
  for (const LegacyTable& t : d->tables_) {
    for (const auto& [k, v] : t.map) {
      for (char32_t c : v) {
        for (char32_t x : {c, static_cast<char32_t>(u_tolower(c)), static_cast<char32_t>(u_toupper(c))}) {
          if (!u_isalpha(x)) continue;
          d->vietnamese_.insert(x);
          icu::UnicodeString s(static_cast<UChar32>(x)), dec;
          nfd->normalize(s, dec, err);
          for (int i = 0; i < dec.length(); ++i) {
            UChar m = dec.charAt(i);
            if (m == 0x300 || m == 0x301 || m == 0x303 || m == 0x309 || m == 0x323) d->toned_.insert(x);
          }
        }
      }
    }
  }
  return std::shared_ptr<const LegacyDecoder>(std::move(d));
}

const LegacyTable* LegacyDecoder::Table(LegacyEncoding e) const {
  for (const LegacyTable& t : tables_)
    if (t.encoding == e) return &t;
  return nullptr;
}

bool LegacyDecoder::InRepertoire(char32_t c) const {
  if (c < 0x80 || (c >= 0xA0 && c <= 0xFF)) return true;
  if (std::find(std::begin(kCp1252High), std::end(kCp1252High), c) != std::end(kCp1252High)) return true;
  return quirks_.count(c) > 0;
}

FontDecoding LegacyDecoder::ByName(std::string_view font_name) const {
  FontDecoding d;
  std::string_view family = Family(font_name);
  std::string_view bare = font_name;
  for (const LegacyTable& t : tables_) {
    for (const std::string& p : t.font_prefixes) {
      // "Vn" must be followed by a capital or digit (".VnTime", "Vn3DH"), so
      // that "Vni" or "Vnm..." do not count; a prefix ending in a separator
      // ("VNI-", "VI ") is enough on its own.
      if (!bare.starts_with(p)) continue;
      if (bare.size() == p.size()) continue;
      char next = bare[p.size()];
      bool sep = p.back() == '-' || p.back() == ' ';
      auto ok_next = [](char c) {
        return std::isupper(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) ||
               c == '-' || c == ' ' || c == ',';
      };
      if (!sep && !ok_next(next)) continue;
      d.encoding = t.encoding;
      break;
    }
    if (d.encoding != LegacyEncoding::kNone) break;
  }
  // Only TCVN3 has upper-case fonts.
  if (d.encoding == LegacyEncoding::kTcvn3 && family.size() > 3 && family.back() == 'H') d.upper = true;
  return d;
}

LegacyDecoder::Counts LegacyDecoder::Count(const std::vector<std::string_view>& words, FontDecoding d) const {
  Counts c;
  for (std::string_view w : words) {
    ++c.words;
    std::string text = d.encoding == LegacyEncoding::kNone ? std::string(w) : Decode(w, d);
    size_t i = 0, tones = 0;
    bool outside = false;
    while (i < text.size()) {
      char32_t ch = utf8::Next(text, &i);
      if (ch < 0x80) {
        if (std::isalpha(static_cast<int>(ch))) ++c.letters;
        continue;
      }
      if (!InRepertoire(ch)) outside = true;
      if (vietnamese_.count(ch)) {
        ++c.letters;
        if (toned_.count(ch)) ++tones;
      } else if (std::find(std::begin(kPlainPunct), std::end(kPlainPunct), ch) == std::end(kPlainPunct)) {
        ++c.foreign;
      }
    }
    if (tones > 1) ++c.multi_tone;
    if (outside) ++c.outside;
  }
  return c;
}

FontDecoding LegacyDecoder::Classify(std::string_view font_name, const std::vector<std::string_view>& words) const {
  FontDecoding named = ByName(font_name);
  Counts plain = Count(words, {});
  // Words with characters no legacy byte gives ("ộ", "ư"): the font's text
  // is Unicode already, whatever its name.
  if (plain.outside * 10 > plain.words) return {};
  if (named.encoding != LegacyEncoding::kNone) {
    // Believe the name unless decoding makes the text worse (a modern PDF of
    // an old document may carry a correct Unicode map for a .VnTime font).
    Counts dec = Count(words, named);
    if (dec.foreign + dec.multi_tone <= plain.foreign + plain.multi_tone) return named;
    return {};
  }
  // An unknown name: its text must look broken, and one table must mend it.
  if (plain.foreign < 3 || plain.foreign * 50 < plain.letters) return {};
  FontDecoding best;
  size_t best_score = plain.foreign + plain.multi_tone;
  for (const LegacyTable& t : tables_) {
    FontDecoding d{t.encoding, false};
    Counts dec = Count(words, d);
    size_t score = dec.foreign + dec.multi_tone;
    if (score * 5 <= plain.foreign + plain.multi_tone && score < best_score) {
      best = d;
      best_score = score;
    }
  }
  return best;
}

std::string LegacyDecoder::Decode(std::string_view text, FontDecoding d) const {
  const LegacyTable* t = Table(d.encoding);
  if (t == nullptr) return std::string(text);
  std::u32string in = ToU32(text);
  for (char32_t& c : in) {
    if (!InRepertoire(c)) return std::string(text);  // Unicode already
    auto q = quirks_.find(c);
    if (q != quirks_.end()) c = q->second;
  }
  std::u32string out;
  out.reserve(in.size());
  std::u32string key;
  for (size_t i = 0; i < in.size();) {
    bool hit = false;
    for (size_t n = std::min(t->longest_key, in.size() - i); n >= 1; --n) {
      key.assign(in, i, n);
      auto it = t->map.find(key);
      if (it != t->map.end()) {
        out += it->second;
        i += n;
        hit = true;
        break;
      }
    }
    if (!hit) out.push_back(in[i++]);
  }
  std::string s = ToU8(out);
  return d.upper ? ToUpper(s) : s;
}

}  // namespace kh
