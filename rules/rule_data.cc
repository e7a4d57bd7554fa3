#include "rules/rule_data.h"

#include <algorithm>
#include <mutex>
#include <utility>

#include <nlohmann/json.hpp>
#include <re2/re2.h>

#include "common/files.h"
#include "common/strings.h"
#include "normalizer/normalizer.h"

namespace kh {

void LocalUnits::Add(District d) {
  // The levels a unit is named by ("huyện", "thị xã" …) are those of the list.
  if (std::find(levels.begin(), levels.end(), d.level) == levels.end()) levels.push_back(d.level);
  by_folded.emplace(d.folded, units.size());
  units.push_back(std::move(d));
}


extern std::pair<const char*, std::string_view> kEmbeddedRules[];

namespace {

using nlohmann::json;

Result<std::string> ReadRuleFile(const std::string& dir, const std::string& name) {
  if (dir.empty()) {
    for (auto* e = kEmbeddedRules; e->first != nullptr; ++e)
      if (name == e->first) return std::string(e->second);
    return Status::DataError("rules/" + name + ": not compiled into this binary");
  }
  Result<std::string> text = ReadWholeFile(dir + "/" + name);
  if (!text.ok()) return Status::IoError(dir + "/" + name + ": cannot read");
  return text;
}

Result<json> ParseRuleFile(const std::string& dir, const std::string& name) {
  Result<std::string> text = ReadRuleFile(dir, name);
  if (!text.ok()) return text.status();
  json j = json::parse(text.value(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Status::DataError("rules/" + name + ": not valid JSON");
  return j;
}

std::string FoldNorm(const std::string& s) { return Fold(NormalizeString(s)); }

std::string EscapeRegex(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (std::string_view(".^$|()[]{}*+?\\").find(c) != std::string_view::npos) out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

// "a|b|c" of the given folded strings, longest first, spaces matching any run.
std::string Alternation(std::vector<std::string> words) {
  std::sort(words.begin(), words.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  words.erase(std::unique(words.begin(), words.end()), words.end());
  std::string out;
  for (const std::string& w : words) {
    if (!out.empty()) out.push_back('|');
    std::string e = EscapeRegex(w);
    std::string spaced;
    for (char c : e) {
      if (c == ' ') spaced += "\\s+";
      else spaced.push_back(c);
    }
    out += spaced;
  }
  return out;
}

Status ReadPattern(const json& root, const char* key, const std::string& type_alt, const std::string& body_alt,
                   PatternSpec* out) {
  if (!root.contains(key) || !root[key].is_object() || !root[key].contains("regex"))
    return Status::DataError(std::string("rules/legal_refs.json: missing pattern '") + key + "'");
  const json& p = root[key];
  out->regex = p["regex"].get<std::string>();
  ReplaceAll(&out->regex, "{TYPE}", type_alt);
  ReplaceAll(&out->regex, "{BODY}", body_alt);
  if (p.contains("examples")) {
    for (const json& e : p["examples"]) {
      if (e.is_string()) {
        out->examples.push_back({e.get<std::string>(), ""});
      } else {
        out->examples.push_back({e.value("text", ""), e.contains("refs") ? e["refs"].dump() : ""});
      }
    }
  }
  if (p.contains("counter_examples"))
    for (const json& e : p["counter_examples"]) out->counter_examples.push_back(e.get<std::string>());
  return Status::OK();
}

std::vector<std::string> FoldedList(const json& a) {
  std::vector<std::string> out;
  for (const json& w : a) out.push_back(FoldNorm(w.get<std::string>()));
  return out;
}

// rules/targets.json: word classes and phrase lists, folded.
void ReadTargetRules(const json& t, TargetRules* out) {
  out->figure = t.at("figure").get<std::string>();
  for (auto [key, dst] : {std::pair{"before_figure", &out->before_figure}, std::pair{"after_figure", &out->after_figure}}) {
    for (const json& c : t.at(key)) {
      FigureWords fw;
      fw.words = FoldedList(c.at("words"));
      if (c.contains("comparator") && c["comparator"].is_string()) fw.comparator = c["comparator"].get<std::string>();
      if (c.contains("direction") && c["direction"].is_string()) fw.direction = c["direction"].get<std::string>();
      dst->push_back(std::move(fw));
    }
  }
  for (auto [key, dst] : {std::pair{"descriptive_before", &out->descriptive_before},
                          std::pair{"descriptive_after", &out->descriptive_after},
                          std::pair{"achieved_sections", &out->achieved_sections},
                          std::pair{"achieved_heading_starts", &out->achieved_heading_starts},
                          std::pair{"reports", &out->report_target_sections},
                          std::pair{"looking_ahead", &out->looking_ahead},
                          std::pair{"strong_boundaries", &out->strong_boundaries}, std::pair{"trailers", &out->trailers},
                          std::pair{"not_metric_after", &out->not_metric_after},
                          std::pair{"lead_words", &out->lead_words}, std::pair{"tail_words", &out->tail_words}}) {
    *dst = FoldedList(t.at(key).at("words"));
  }
  out->year_clause = t.at("year").at("clause_regex").get<std::string>();
  out->year_heading = t.at("year").at("heading_regex").get<std::string>();
  out->report_kinds = t.at("reports").at("kinds").get<std::vector<std::string>>();
  const json& q = t.at("quantities");
  for (const json& u : q.at("units"))
    out->quantity_units.push_back({NormalizeString(u.at("unit").get<std::string>()), FoldedList(u.at("words"))});
  out->quantity_leads = FoldedList(q.at("leads"));
  out->count_comparators = FoldedList(q.at("count_comparators"));
  out->count_joins = FoldedList(q.at("count_joins"));
  out->count_ends = FoldedList(q.at("count_ends"));
  for (const json& e : t.at("examples"))
    out->examples.push_back({e.at("text").get<std::string>(), e.at("targets").dump(), e.value("kind", "")});
  for (const json& e : t.at("counter_examples")) out->counter_examples.push_back(e.get<std::string>());
}

Indicator ReadIndicator(const json& j) {
  Indicator ind;
  ind.id = j.at("id").get<std::string>();
  ind.name_vi = NormalizeString(j.at("name_vi").get<std::string>());
  ind.name_en = j.at("name_en").get<std::string>();
  for (const json& g : j.at("all")) ind.all.push_back(FoldedList(g));
  if (j.contains("none")) ind.none = FoldedList(j["none"]);
  for (const json& e : j.at("examples")) ind.examples.push_back(e.get<std::string>());
  if (j.contains("counter_examples"))
    for (const json& e : j["counter_examples"]) ind.counter_examples.push_back(e.get<std::string>());
  return ind;
}

void ReadTaskTableRules(const json& t, TaskTableRules* out) {
  for (const json& c : t.at("columns")) {
    TaskColumnRole r;
    r.role = c.at("role").get<std::string>();
    for (const json& h : c.at("headers")) r.headers.push_back(TaskHeaderKey(h.get<std::string>()));
    out->columns.push_back(std::move(r));
  }
  for (const json& e : t.at("header_examples"))
    out->header_examples.emplace_back(e.at("text").get<std::string>(), e.at("role").get<std::string>());
  for (const json& e : t.at("header_counter_examples")) out->header_counter_examples.push_back(e.get<std::string>());
  for (const json& w : t.at("unit_heads")) out->unit_heads.push_back(NormalizeString(w.get<std::string>()));
  for (const json& c : t.at("collectives")) out->collectives.push_back({FoldedList(c.at("words")), NormalizeString(c.at("head").get<std::string>())});
  for (const json& w : t.at("unit_names")) out->unit_names.push_back(NormalizeString(w.get<std::string>()));
  for (const json& e : t.at("unit_examples")) {
    std::vector<std::string> units;
    for (const json& u : e.at("units")) units.push_back(NormalizeString(u.get<std::string>()));
    out->unit_examples.emplace_back(e.at("text").get<std::string>(), std::move(units));
  }
  for (const json& e : t.at("unit_counter_examples")) out->unit_counter_examples.push_back(e.get<std::string>());
}

void ReadTimelineRules(const json& t, TimelineRules* out) {
  for (const json& p : t.at("patterns")) out->patterns.emplace_back(p.at("kind").get<std::string>(), p.at("regex").get<std::string>());
  for (const json& r : t.at("recurring")) out->recurring.emplace_back(r.at("value").get<std::string>(), FoldedList(r.at("words")));
  out->condition_cues = FoldedList(t.at("condition_cues"));
  for (const json& e : t.at("examples")) {
    json expect = e.at("expect");
    if (e.contains("year")) expect["_year"] = e["year"];
    out->examples.push_back({e.at("text").get<std::string>(), expect.dump()});
  }
  for (const json& e : t.at("counter_examples")) out->counter_examples.push_back(e.at("text").get<std::string>());
}

// rules/provinces.json's examples, admin_units.json's districts (and the
// levels they are named by) and provinces_2025.json's merger, onto the
// provinces loaded.
Status LoadPlaces(const std::string& dir, const json& provinces, RuleData* data) {
  Result<json> units = ParseRuleFile(dir, "admin_units.json");
  if (!units.ok()) return units.status();
  Result<json> merger = ParseRuleFile(dir, "provinces_2025.json");
  if (!merger.ok()) return merger.status();
  Result<json> communes = ParseRuleFile(dir, "communes_2025.json");
  if (!communes.ok()) return communes.status();
  auto index_of = [&](std::string printed) -> long {
    printed = NormalizeString(printed);
    for (const char* prefix : {"Tỉnh ", "Thành phố "})
      if (printed.rfind(prefix, 0) == 0) printed = printed.substr(std::string(prefix).size());
    const Province* p = data->ProvinceByName(Fold(printed));
    return p == nullptr ? -1 : p - data->provinces.data();
  };
  try {
    data->places.examples_json =
        json{{"examples", provinces.at("examples")}, {"counter_examples", provinces.at("counter_examples")}}.dump();
    for (const json& p : units.value().at("provinces")) {
      long pi = index_of(p.at("name").get<std::string>());
      if (pi < 0) return Status::DataError("rules/admin_units.json: province not in provinces.json: " + p.at("name").get<std::string>());
      for (const json& d : p.at("districts")) {
        District dd;
        std::string name = NormalizeString(d.at("name").get<std::string>());
        std::string type = NormalizeString(d.at("type").get<std::string>());
        if (name.rfind(type + " ", 0) == 0) name = name.substr(type.size() + 1);
        dd.name = name;
        dd.folded = Fold(name);
        dd.level = Fold(type);
        dd.province = static_cast<size_t>(pi);
        data->places.districts.Add(std::move(dd));
      }
    }
    // The communes of the 34: "Phường Ba Đình", "Xã …", "Đặc khu …", each
    // with its province ("Thành phố Hà Nội").
    for (const json& c : communes.value().at("communes")) {
      std::string printed = c.at("province").get<std::string>();
      long pi = index_of(printed);
      if (pi < 0) return Status::DataError("rules/communes_2025.json: province not in provinces.json: " + printed);
      District dd;
      std::string name = NormalizeString(c.at("name").get<std::string>());
      std::string folded = Fold(name);
      size_t level_words = folded.rfind("dac khu ", 0) == 0 ? 2 : 1;
      std::vector<std::string> nw = SplitWords(name);
      if (nw.size() <= level_words) return Status::DataError("rules/communes_2025.json: a name without level and name: " + name);
      dd.name = JoinWords(nw, level_words);
      dd.folded = Fold(dd.name);
      dd.level = Fold(JoinWords(nw, 0, level_words));
      dd.province = static_cast<size_t>(pi);
      data->places.communes.Add(std::move(dd));
    }
    data->places.merger_date = merger.value().at("effective").get<std::string>();
    for (const json& p : merger.value().at("provinces")) {
      std::string name = NormalizeString(p.at("name").get<std::string>());
      if (index_of(name) < 0) return Status::DataError("rules/provinces_2025.json: province not in provinces.json: " + name);
      for (const json& f : p.at("from")) {
        long fi = index_of(f.get<std::string>());
        if (fi < 0) return Status::DataError("rules/provinces_2025.json: province not in provinces.json: " + f.get<std::string>());
        data->provinces[fi].after_merger = name;
      }
    }
  } catch (const json::exception& e) {
    return Status::DataError(std::string("rules/provinces.json, admin_units.json, provinces_2025.json or communes_2025.json: ") + e.what());
  }
  for (const Province& p : data->provinces)
    for (const std::string& f : p.folded)
      for (std::string& w : SplitWords(f)) data->places.name_words.insert(std::move(w));
  for (const LocalUnits* list : {&data->places.districts, &data->places.communes})
    for (const District& d : list->units)
      for (std::string& w : SplitWords(d.folded)) data->places.name_words.insert(std::move(w));
  // A province renamed without merging ("later_name") lies where its new name does.
  for (Province& p : data->provinces)
    if (const Province* later = data->ProvinceByName(Fold(p.after_merger)); later != nullptr && later != &p && !later->after_merger.empty())
      p.after_merger = later->after_merger;
  for (const Province& p : data->provinces)
    if (p.after_merger.empty()) return Status::DataError("rules/provinces_2025.json: " + p.name + " is in none of the 34 provinces");
  return Status::OK();
}

}  // namespace

// Header phrases are compared this way ("Kết quả/sản phẩm" = "ket qua san pham").
std::string TaskHeaderKey(const std::string& s) {
  std::string f = Fold(NormalizeString(s)), out;
  for (char c : f) out.push_back((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c & 0x80) ? c : ' ');
  return CollapseSpaces(out);
}

const Indicator* RuleData::IndicatorById(std::string_view id) const {
  for (const Indicator& i : indicators) if (i.id == id) return &i;
  return nullptr;
}

const DocType* RuleData::TypeById(std::string_view id) const {
  for (const DocType& t : doc_types) if (t.id == id) return &t;
  return nullptr;
}

const DocType* RuleData::TypeByWord(std::string_view w) const {
  std::string k = CollapseSpaces(w);
  for (const DocType& t : doc_types)
    for (const std::string& x : t.words) if (x == k) return &t;
  return nullptr;
}

const DocType* RuleData::TypeByCode(std::string_view c) const {
  for (const DocType& t : doc_types)
    for (const std::string& x : t.codes) if (x == c) return &t;
  return nullptr;
}

const Body* RuleData::BodyByAlias(std::string_view f) const {
  for (const Body& b : bodies)
    for (const std::string& a : b.aliases) if (a == f) return &b;
  return nullptr;
}

bool RuleData::StartsWithBody(std::string_view f) const {
  auto starts = [&](const std::string& a) {
    return !a.empty() && f.substr(0, a.size()) == a && (f.size() == a.size() || f[a.size()] == ' ');
  };
  for (const Body& b : bodies)
    for (const std::string& a : b.aliases) if (starts(a)) return true;
  for (const std::string& w : body_heads.words) if (starts(w)) return true;
  return false;
}

const IssuerCode* RuleData::IssuerByCode(std::string_view c) const {
  for (const IssuerCode& ic : issuer_codes) {
    if (ic.code == c) return &ic;
    if (!ic.code.empty() && ic.code.back() == '#') {
      std::string_view stem(ic.code.data(), ic.code.size() - 1);
      if (c.size() > stem.size() && c.substr(0, stem.size()) == stem &&
          std::all_of(c.begin() + stem.size(), c.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
        return &ic;
    }
  }
  return nullptr;
}

const Province* RuleData::ProvinceByName(std::string_view f) const {
  for (const Province& p : provinces)
    for (const std::string& n : p.folded) if (n == f) return &p;
  return nullptr;
}

const Province* RuleData::ProvinceAtStart(std::string_view text, size_t* len) const {
  const Province* best = nullptr;
  size_t best_len = 0;
  for (const Province& p : provinces) {
    for (const std::string& n : p.folded) {
      if (n.size() <= best_len || text.size() < n.size() || text.substr(0, n.size()) != n) continue;
      // whole words only
      if (text.size() > n.size()) {
        char c = text[n.size()];
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) continue;
      }
      best = &p;
      best_len = n.size();
    }
  }
  if (len != nullptr) *len = best_len;
  return best;
}

Result<std::shared_ptr<const RuleData>> LoadRuleData(const std::string& dir) {
  auto data = std::make_shared<RuleData>();
  Result<json> types = ParseRuleFile(dir, "doc_types.json");
  if (!types.ok()) return types.status();
  Result<json> issuers = ParseRuleFile(dir, "issuers.json");
  if (!issuers.ok()) return issuers.status();
  Result<json> provinces = ParseRuleFile(dir, "provinces.json");
  if (!provinces.ok()) return provinces.status();
  Result<json> refs = ParseRuleFile(dir, "legal_refs.json");
  if (!refs.ok()) return refs.status();
  Result<json> targets = ParseRuleFile(dir, "targets.json");
  if (!targets.ok()) return targets.status();
  Result<json> indicators = ParseRuleFile(dir, "indicators.json");
  if (!indicators.ok()) return indicators.status();
  Result<json> task_tables = ParseRuleFile(dir, "task_tables.json");
  if (!task_tables.ok()) return task_tables.status();
  Result<json> timelines = ParseRuleFile(dir, "timelines.json");
  if (!timelines.ok()) return timelines.status();
  Result<json> ocr = ParseRuleFile(dir, "ocr_repairs.json");
  if (!ocr.ok()) return ocr.status();
  Result<json> syllables = ParseRuleFile(dir, "syllables.json");
  if (!syllables.ok()) return syllables.status();
  try {
    const json& j = syllables.value();
    data->syllables.onsets = j.at("onsets").get<std::vector<std::string>>();
    data->syllables.rhymes = j.at("rhymes").get<std::vector<std::string>>();
    data->syllables.examples = j.at("examples").get<std::vector<std::string>>();
    data->syllables.counter_examples = j.at("counter_examples").get<std::vector<std::string>>();
    data->syllable_set = SyllableSet(data->syllables.onsets, data->syllables.rhymes);
    if (data->syllables.rhymes.empty()) return Status::DataError("rules/syllables.json: no rhymes");
  } catch (const json::exception& e) {
    return Status::DataError(std::string("rules/syllables.json: ") + e.what());
  }
  Result<json> facts = ParseRuleFile(dir, "facts.json");
  if (!facts.ok()) return facts.status();
  try {
    const json& f = facts.value();
    data->facts.number_line = f.at("number_line").at("regex").get<std::string>();
    data->facts.date_line = f.at("date_line").at("regex").get<std::string>();
    data->facts.opening_date = f.at("opening_date").at("regex").get<std::string>();
    data->facts.period_range = f.at("period").at("range_regex").get<std::string>();
    data->facts.period_year = f.at("period").at("year_regex").get<std::string>();
    data->facts.period_cited = f.at("period").at("cited_regex").get<std::string>();
    // With their marks: "nhằm" is not "Nhâm" (Dần).
    for (const std::string& w : f.at("title_end").at("starts").get<std::vector<std::string>>())
      data->facts.title_end_starts.push_back(ToLower(NormalizeString(w)));
    data->facts.authority_prefixes = FoldedList(f.at("authority").at("prefixes"));
    data->facts.acting_prefixes = FoldedList(f.at("authority").at("acting"));
    for (const json& l : f.at("levels").at("list"))
      data->facts.levels.push_back({NormalizeString(l.at("level").get<std::string>()), FoldedList(l.at("forms"))});
    json ex;
    for (const char* k : {"number_line", "date_line", "opening_date", "period", "authority", "title_end"})
      ex[k] = {{"examples", f.at(k).at("examples")}, {"counter_examples", f.at(k).at("counter_examples")}};
    data->facts.examples_json = ex.dump();
  } catch (const json::exception& e) {
    return Status::DataError(std::string("rules/facts.json: ") + e.what());
  }
  Result<json> signer = ParseRuleFile(dir, "signer.json");
  if (!signer.ok()) return signer.status();
  try {
    for (const std::string& r : signer.value().at("ranks").get<std::vector<std::string>>())
      data->signer.ranks.push_back(Fold(NormalizeString(r)));
    if (signer.value().contains("chairs")) {
      const json& c = signer.value()["chairs"];
      for (const std::string& r : c.at("roles").get<std::vector<std::string>>())
        data->signer.chairs.push_back(Fold(NormalizeString(r)));
      data->signer.chair_examples = c.value("examples", std::vector<std::string>{});
      data->signer.chair_counter_examples = c.value("counter_examples", std::vector<std::string>{});
    }
    const json& starts = signer.value().at("document_starts");
    for (const std::string& m : starts.at("motto").get<std::vector<std::string>>())
      data->signer.motto.push_back(FoldedLettersAndDigits(m));
    data->signer.motto_examples = starts.at("examples").get<std::vector<std::string>>();
    data->signer.motto_counter_examples = starts.at("counter_examples").get<std::vector<std::string>>();
    data->signer.examples = signer.value().at("examples").get<std::vector<std::string>>();
    data->signer.counter_examples = signer.value().at("counter_examples").get<std::vector<std::string>>();
  } catch (const json::exception& e) {
    return Status::DataError(std::string("rules/signer.json: ") + e.what());
  }
  Result<json> stamp = ParseRuleFile(dir, "received_stamp.json");
  if (!stamp.ok()) return stamp.status();
  try {
    const json& j = stamp.value();
    for (const char* k : {"marks", "number_labels", "date_labels"}) {
      std::vector<std::string>& to = std::string(k) == "marks" ? data->received_stamp.marks
                                     : std::string(k) == "number_labels" ? data->received_stamp.number_labels
                                                                         : data->received_stamp.date_labels;
      for (const std::string& w : j.at(k).get<std::vector<std::string>>()) to.push_back(Fold(NormalizeString(w)));
    }
    data->received_stamp.examples_json = json{{"examples", j.at("examples")}, {"counter_examples", j.at("counter_examples")}}.dump();
  } catch (const json::exception& e) {
    return Status::DataError(std::string("rules/received_stamp.json: ") + e.what());
  }
  Result<json> sig = ParseRuleFile(dir, "signature_box.json");
  if (!sig.ok()) return sig.status();
  try {
    for (const json& f : sig.value().at("fields")) {
      SignatureLabel l;
      l.field = f.at("field").get<std::string>();
      l.labels = f.at("labels").get<std::vector<std::string>>();
      l.examples = f.at("examples").get<std::vector<std::string>>();
      l.counter_examples = f.at("counter_examples").get<std::vector<std::string>>();
      if (l.labels.empty()) return Status::DataError("rules/signature_box.json: " + l.field + ": no labels");
      data->signature_labels.push_back(std::move(l));
    }
  } catch (const json::exception& e) {
    return Status::DataError(std::string("rules/signature_box.json: ") + e.what());
  }
  try {
    for (const json& r : ocr.value().at("repairs")) {
      OcrRepairRule o;
      o.id = r.at("id").get<std::string>();
      o.kind = r.at("kind").get<std::string>();
      if (o.kind == "word") {
        o.from = r.at("from").get<std::string>();
        o.to = r.at("to").get<std::string>();
        if (o.from.empty() || o.from.find(' ') != std::string::npos) {
          return Status::DataError("rules/ocr_repairs.json: " + o.id + ": 'from' must be one word");
        }
      } else if (o.kind == "in_symbol") {
        o.pattern = r.at("pattern").get<std::string>();
        o.rewrite = r.at("rewrite").get<std::string>();
        RE2 re(o.pattern, RE2::Quiet);
        std::string why;
        if (!re.ok()) return Status::DataError("rules/ocr_repairs.json: " + o.id + ": " + re.error());
        if (!re.CheckRewriteString(o.rewrite, &why))
          return Status::DataError("rules/ocr_repairs.json: " + o.id + ": rewrite: " + why);
      } else if (o.kind == "phrase") {
        o.phrases = r.at("phrases").get<std::vector<std::string>>();
      } else if (o.kind == "person_name") {
        o.surnames = r.at("surnames").get<std::vector<std::string>>();
        o.given_names = r.at("given_names").get<std::vector<std::string>>();
        o.not_in_name = r.at("not_in_name").get<std::vector<std::string>>();
      } else if (o.kind != "zero_in_number" && o.kind != "eth_in_symbol" && o.kind != "joined_syllables") {
        return Status::DataError("rules/ocr_repairs.json: " + o.id + ": unknown kind '" + o.kind + "'");
      }
      o.line_start = r.value("where", "") == "line_start";
      if (r.contains("next")) o.next = r["next"].get<std::vector<std::string>>();
      for (const json& e : r.at("examples")) o.examples.emplace_back(e.at(0).get<std::string>(), e.at(1).get<std::string>());
      if (r.contains("counter_examples")) o.counter_examples = r["counter_examples"].get<std::vector<std::string>>();
      data->ocr_repairs.push_back(std::move(o));
    }
  } catch (const json::exception& e) {
    return Status::DataError(std::string("rules/ocr_repairs.json: ") + e.what());
  }
  try {
    ReadTaskTableRules(task_tables.value(), &data->task_tables);
  } catch (const json::exception& e) {
    return Status::DataError(std::string("rules/task_tables.json: ") + e.what());
  }
  try {
    ReadTimelineRules(timelines.value(), &data->timelines);
  } catch (const json::exception& e) {
    return Status::DataError(std::string("rules/timelines.json: ") + e.what());
  }
  try {
    ReadTargetRules(targets.value(), &data->targets);
  } catch (const json::exception& e) {
    return Status::DataError(std::string("rules/targets.json: ") + e.what());
  }
  try {
    for (const json& j : indicators.value().at("indicators")) {
      data->indicators.push_back(ReadIndicator(j));
      if (std::count_if(data->indicators.begin(), data->indicators.end(),
                        [&](const Indicator& i) { return i.id == data->indicators.back().id; }) > 1)
        return Status::DataError("rules/indicators.json: duplicate id '" + data->indicators.back().id + "'");
    }
  } catch (const json::exception& e) {
    return Status::DataError(std::string("rules/indicators.json: ") + e.what());
  }
  try {
    std::vector<std::string> type_words, body_words;
    data->kind_line_counter_examples = types.value().value("counter_examples", std::vector<std::string>{});
    for (const json& t : types.value().at("types")) {
      DocType d;
      d.id = t.at("id").get<std::string>();
      d.name = t.at("name").get<std::string>();
      for (const json& w : t.at("words")) {
        d.words.push_back(FoldNorm(w.get<std::string>()));
        type_words.push_back(d.words.back());
      }
      for (const json& c : t.at("codes")) {
        d.codes.push_back(FoldNorm(c.get<std::string>()));
        d.code_display.push_back(NormalizeString(c.get<std::string>()));
      }
      d.examples = t.value("examples", std::vector<std::string>{});
      data->doc_types.push_back(std::move(d));
    }
    if (issuers.value().contains("body_heads")) {
      const json& h = issuers.value()["body_heads"];
      for (const json& w : h.at("words")) data->body_heads.words.push_back(FoldNorm(w.get<std::string>()));
      data->body_heads.examples = h.value("examples", std::vector<std::string>{});
      data->body_heads.counter_examples = h.value("counter_examples", std::vector<std::string>{});
    }
    if (issuers.value().contains("abbreviations")) {
      const json& a = issuers.value()["abbreviations"];
      for (const auto& [k, v] : a.at("words").items())
        data->body_abbreviations.words.emplace_back(FoldNorm(k), NormalizeString(v.get<std::string>()));
      data->body_abbreviations.examples = a.value("examples", std::vector<std::string>{});
      data->body_abbreviations.counter_examples = a.value("counter_examples", std::vector<std::string>{});
    }
    for (const json& b : issuers.value().at("bodies")) {
      Body body;
      body.name = NormalizeString(b.at("name").get<std::string>());
      for (const json& a : b.at("aliases")) {
        body.aliases.push_back(FoldNorm(a.get<std::string>()));
        body_words.push_back(body.aliases.back());
      }
      body.local = b.value("local", false);
      body.place_only = b.value("place_only", false);
      data->bodies.push_back(std::move(body));
    }
    for (const json& c : issuers.value().at("codes")) {
      IssuerCode ic;
      ic.code = FoldNorm(c.at("code").get<std::string>());
      ic.display = NormalizeString(c.at("code").get<std::string>());
      if (!ic.display.empty() && ic.display.back() == '#') ic.display.pop_back();
      ic.body = NormalizeString(c.at("body").get<std::string>());
      ic.local = c.value("local", false);
      ic.party = c.value("party", false);
      data->issuer_codes.push_back(std::move(ic));
    }
    for (const json& p : provinces.value().at("provinces")) {
      Province pr;
      pr.name = NormalizeString(p.at("name").get<std::string>());
      pr.level = NormalizeString(p.at("level").get<std::string>());
      pr.folded.push_back(Fold(pr.name));
      if (p.contains("aliases"))
        for (const json& a : p["aliases"]) pr.folded.push_back(FoldNorm(a.get<std::string>()));
      pr.after_merger = NormalizeString(p.value("later_name", ""));
      data->provinces.push_back(std::move(pr));
    }
    Status places = LoadPlaces(dir, provinces.value(), data.get());
    if (!places.ok()) return places;
    std::string type_alt = Alternation(type_words), body_alt = Alternation(body_words);
    const json& r = refs.value();
    if (!r.contains("number") || !r["number"].contains("regex"))
      return Status::DataError("rules/legal_refs.json: missing pattern 'number'");
    const std::string number = r["number"]["regex"].get<std::string>();
    for (auto [key, spec] : {std::pair{"reference", &data->reference}, std::pair{"list_item", &data->list_item},
                             std::pair{"list_head", &data->list_head}, std::pair{"named_head", &data->named_head},
                             std::pair{"date", &data->date},
                             std::pair{"issuer", &data->issuer}, std::pair{"list_separator", &data->list_separator}}) {
      Status s = ReadPattern(r, key, type_alt, body_alt, spec);
      if (!s.ok()) return s;
      ReplaceAll(&spec->regex, "{NUMBER}", number);
    }
  } catch (const json::exception& e) {
    return Status::DataError(std::string("rules/*.json: ") + e.what());
  }
  return std::shared_ptr<const RuleData>(std::move(data));
}

Result<std::shared_ptr<const RuleData>> DefaultRuleData() {
  static std::once_flag once;
  static Result<std::shared_ptr<const RuleData>>* cached = nullptr;
  std::call_once(once, [] { cached = new Result<std::shared_ptr<const RuleData>>(LoadRuleData("")); });
  return *cached;
}

}  // namespace kh
