#include "tests/support/expectations.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <regex>

#include "normalizer/normalizer.h"

namespace kh {

using nlohmann::json;

json LoadJson(const std::string& path) {
  std::ifstream in(path);
  EXPECT_TRUE(in) << path;
  return in ? json::parse(in) : json();
}

// ---- differences and known gaps --------------------------------------------

Ledger::Ledger(const std::string& doc, const std::string& gaps_file) : doc_(doc) {
  std::ifstream in(gaps_file);
  if (!in) {
    ADD_FAILURE() << "cannot read " << gaps_file;
    return;
  }
  json gaps = json::parse(in);
  for (const json& g : gaps["gaps"])
    if (g["doc"] == doc) gaps_[g["path"].get<std::string>()] = g["id"].get<std::string>();
}

void Ledger::Equal(const std::string& path, const json& want, const json& got) {
  if (want.is_string() && got.is_string() && SameText(want.get<std::string>(), got.get<std::string>())) return;
  if (want != got) Differ(path, "want " + want.dump() + ", got " + got.dump());
}

void Ledger::Differ(const std::string& path, const std::string& what) { diffs_.emplace_back(path, what); }

void Ledger::Finish() {
  std::set<std::string> seen;
  for (const auto& [path, what] : diffs_) {
    seen.insert(path);
    auto g = gaps_.find(path);
    if (g != gaps_.end()) {
      std::printf("[ GAP      ] %s: %s: %s: %s\n", doc_.c_str(), g->second.c_str(), path.c_str(), what.c_str());
    } else {
      ADD_FAILURE() << doc_ << ": " << path << ": " << what;
    }
  }
  for (const auto& [path, id] : gaps_)
    if (!seen.count(path))
      ADD_FAILURE() << doc_ << ": known gap " << id << " (" << path
                    << ") no longer occurs: remove it from corpus/known_gaps.json";
}

// ---- helpers ---------------------------------------------------------------

namespace {

const json kNull;

const json& At(const json& j, const char* key) { return j.is_object() && j.contains(key) ? j[key] : kNull; }

// ASCII upper case and đ -> Đ: reference numbers compared as printed, but
// for a slip of case ("NĐ-Cp").
std::string UpperCode(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  for (size_t p; (p = s.find("đ")) != std::string::npos;) s.replace(p, 2, "Đ");
  return s;
}

// Every reference number printed in the text: digits, an optional /year,
// then a code with a capital ("61/2018/NĐ-CP", "18-NQ/TW", "07-KH/TW").
std::vector<std::pair<std::string, size_t>> NumbersIn(const std::string& text) {
  static const std::regex re(R"((\d{1,5}(?:/\d{4})?[/-](?:[A-Za-z]|Đ|đ)(?:[A-Za-z0-9/-]|Đ|đ)*))");
  std::vector<std::pair<std::string, size_t>> out;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it) {
    size_t pos = it->position(1);
    if (pos > 0 && (std::isalnum(static_cast<unsigned char>(text[pos - 1])) || text[pos - 1] == '/')) continue;
    std::string n = (*it)[1];
    while (!n.empty() && (n.back() == '-' || n.back() == '/')) n.pop_back();
    bool capital = false;
    for (char c : n) capital |= (c >= 'A' && c <= 'Z');
    capital |= n.find("Đ") != std::string::npos;
    if (capital) out.emplace_back(n, pos);
  }
  return out;
}

// The dates printed right after each mention of number in the same sentence,
// possibly after other numbers of a list ("số 107/2020/NĐ-CP và số
// 108/2020/NĐ-CP ngày 14/9/2020").
std::set<std::string> DatesAfter(const std::string& text, const std::string& number) {
  std::set<std::string> out;
  static const std::regex date_re(R"(ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}|\d{1,2}/\d{1,2}/\d{4})");
  const std::string key = UpperCode(number), upper = UpperCode(text);
  for (size_t p = upper.find(key); p != std::string::npos; p = upper.find(key, p + 1)) {
    size_t start = p + key.size();
    size_t end = text.find_first_of(";\n", start);
    size_t stop = text.find(". ", start);
    end = std::min(end, stop);
    end = std::min(end, start + 160);
    std::string after = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    std::smatch m;
    if (std::regex_search(after, m, date_re)) {
      if (auto d = LeadingDate(m.str(0))) out.insert(*d);
    }
  }
  return out;
}

// The figures group 1 of `re` finds in s, "97,5" read as 97.5.
std::vector<double> FiguresOf(const std::string& s, const std::regex& re) {
  std::vector<double> out;
  for (auto it = std::sregex_iterator(s.begin(), s.end(), re); it != std::sregex_iterator(); ++it) {
    std::string v = (*it)[1];
    std::replace(v.begin(), v.end(), ',', '.');
    out.push_back(std::stod(v));
  }
  return out;
}

// The percentages of a quote: "từ 25% - 35%" -> {25, 35}.
std::vector<double> Percents(const std::string& s) {
  static const std::regex re(R"((\d+(?:,\d+)?)\s?%)");
  return FiguresOf(s, re);
}

// The figures of a quantity's quote: "tối thiểu 01 biên chế" -> {1}.
std::vector<double> Numbers(const std::string& s) {
  static const std::regex re(R"((\d+(?:,\d+)?))");
  return FiguresOf(s, re);
}

std::set<std::string> WordSet(const std::string& s) {
  std::vector<std::string> w = Words(s);
  return {w.begin(), w.end()};
}

bool Subset(const std::set<std::string>& a, const std::set<std::string>& b, std::string* missing) {
  for (const std::string& w : a)
    if (!b.count(w)) {
      *missing = w;
      return false;
    }
  return true;
}

// Source rows of the task tables, as the expectation maps their columns.
struct SourceRow {
  std::map<std::string, std::string> field;  // no, task, product, lead, partners, timeline, group
  bool no_merged = false;                      // the number cell is merged down from the row above
  std::vector<std::pair<std::string, std::string>> groups;  // group rows above
};

std::vector<SourceRow> SourceRows(const json& want, const PlanSource& src) {
  std::vector<SourceRow> rows;
  const json& tables = At(want, "tables");
  for (size_t t = 0; t < tables.size() && t < src.tables.size(); ++t) {
    const json& cols = At(tables[t], "columns");
    if (cols.is_null()) continue;
    std::pair<std::string, std::string> group;
    bool have_group = false;
    for (const PlanSource::Row& r : src.tables[t].rows) {
      if (r.kind == PlanSource::Row::kHeader) continue;
      if (r.kind == PlanSource::Row::kGroup) {
        group = {r.cells[0], r.cells.size() > 1 ? r.cells[1] : ""};
        have_group = true;
        continue;
      }
      SourceRow row;
      for (auto& [name, index] : cols.items()) {
        size_t c = index.get<size_t>();
        row.field[name] = c < r.cells.size() ? Squeeze(r.cells[c]) : "";
      }
      if (cols.contains("no") && cols["no"].get<size_t>() < r.merged.size()) row.no_merged = r.merged[cols["no"].get<size_t>()];
      if (have_group) row.groups.push_back(group);
      if (row.field.count("group")) row.groups.emplace_back("", row.field["group"]);
      rows.push_back(std::move(row));
    }
  }
  return rows;
}

}  // namespace

// ---- the expectation against its source ------------------------------------

void CheckAgainstSource(const json& want, const PlanSource& src) {
  const SourceFacts f = FactsOf(src);
  const json& doc = want["document"];
  // Facts printed verbatim in the header and signature.
  EXPECT_EQ(doc["number"], f.number ? json(*f.number) : json()) << "document.number vs the 'Số:' line";
  EXPECT_EQ(doc["date"], f.date ? json(*f.date) : json()) << "document.date vs the date line";
  EXPECT_EQ(doc["place"], json(f.place)) << "document.place vs the date line";
  EXPECT_EQ(doc["title"], json(f.title)) << "document.title vs the centred lines";
  EXPECT_EQ(At(doc["signer"], "name"), f.signer ? json(*f.signer) : json()) << "signer.name vs the signature";
  static const std::map<std::string, std::string> kinds = {{"KẾ HOẠCH", "ke_hoach"}, {"QUYẾT ĐỊNH", "quyet_dinh"},
                                                           {"BÁO CÁO", "bao_cao"}, {"CHƯƠNG TRÌNH", "chuong_trinh"}};
  auto kind = kinds.find(f.kind_line);
  EXPECT_TRUE(kind != kinds.end() && doc["kind"] == kind->second) << "document.kind vs '" << f.kind_line << "'";
  // Issuer and parent, role and authority: every word is printed there
  // ("UBND" and "Q." as the abbreviations of "Ủy ban nhân dân", "Quyền").
  std::string left;
  for (const PlanSource::SideLine& l : src.header)
    if (l.side == 'L' && l.text.find("Số:") == std::string::npos) left += " " + l.text;
  std::set<std::string> header_words = WordSet(left);
  if (header_words.count("ubnd")) header_words.insert({"ủy", "ban", "nhân", "dân"});
  std::string missing;
  for (const char* key : {"issuer", "parent_issuer"})
    if (doc[key].is_string()) EXPECT_TRUE(Subset(WordSet(doc[key]), header_words, &missing)) << key << ": '" << missing << "' is not in the header";
  std::string roles;
  for (const std::string& r : f.sign_roles) roles += " " + r;
  std::set<std::string> role_words = WordSet(roles);
  if (role_words.count("q")) role_words.insert("quyền");
  for (const char* key : {"role", "authority"})
    if (At(doc["signer"], key).is_string())
      EXPECT_TRUE(Subset(WordSet(doc["signer"][key]), role_words, &missing)) << "signer." << key << ": '" << missing << "'";

  // References: the expected numbers are the numbers printed, but for the
  // plan's own; each date is the one printed after the number.
  std::set<std::string> printed, listed;
  for (const auto& [n, pos] : NumbersIn(src.text))
    if (!f.number || UpperCode(n) != UpperCode(*f.number)) printed.insert(UpperCode(n));
  for (const json& r : want["legal_references"]) {
    const std::string number = r["number"];
    listed.insert(UpperCode(number));
    for (const json& v : At(r, "variants")) listed.insert(UpperCode(v.get<std::string>()));
    std::set<std::string> dates = DatesAfter(src.text, number);
    for (const json& v : At(r, "variants"))
      for (const std::string& d : DatesAfter(src.text, v.get<std::string>())) dates.insert(d);
    if (r["date"].is_null()) {
      EXPECT_TRUE(dates.empty()) << number << ": the source dates it " << *dates.begin();
    } else {
      EXPECT_TRUE(dates.count(r["date"].get<std::string>())) << number << ": date " << r["date"] << " is not printed after it";
    }
    std::smatch m;
    static const std::regex year_re(R"(/(\d{4})/)");
    if (std::regex_search(number, m, year_re)) EXPECT_EQ(r["year"], std::stoi(m[1])) << number;
    else if (r["date"].is_string()) EXPECT_EQ(r["year"], std::stoi(r["date"].get<std::string>().substr(0, 4))) << number;
    EXPECT_FALSE(r["pages"].empty()) << number;
  }
  EXPECT_EQ(printed, listed) << "the reference numbers printed in the source";

  // Targets: each quote is printed, in order; its figures are the value (and
  // max); every percentage of the source is a target's or a listed non-target's.
  std::vector<bool> covered(src.text.size(), false);
  std::vector<size_t> percent_at;
  for (size_t p = src.text.find('%'); p != std::string::npos; p = src.text.find('%', p + 1))
    if (p > 0 && std::isdigit(static_cast<unsigned char>(src.text[p - 1]))) percent_at.push_back(p);
  size_t from = 0;
  for (const json& t : want["targets"]) {
    const std::string quote = t["quote"];
    size_t at = src.text.find(quote, from);
    ASSERT_NE(at, std::string::npos) << "target quote not in the source after the previous one: " << quote;
    from = at + quote.size();
    std::fill(covered.begin() + at, covered.begin() + from, true);
    const bool quantity = t.contains("unit") && t["unit"] != "%";
    std::vector<double> figures = quantity ? Numbers(quote) : Percents(quote);
    ASSERT_FALSE(figures.empty()) << quote;
    EXPECT_EQ(t["value"].get<double>(), figures[0]) << quote;
    if (t.contains("max")) {
      ASSERT_EQ(figures.size(), 2u) << quote;
      EXPECT_EQ(t["max"].get<double>(), figures[1]) << quote;
      EXPECT_EQ(t["comparator"], "range") << quote;
    }
    EXPECT_GE(Words(t["metric"]).size(), 2u) << quote;
  }
  for (const json& n : At(want, "not_targets")) {
    const std::string quote = n["quote"];
    size_t at = src.text.find(quote);
    ASSERT_NE(at, std::string::npos) << "not-target quote not in the source: " << quote;
    EXPECT_EQ(src.text.find(quote, at + 1), std::string::npos) << "not-target quote printed twice: " << quote;
    std::fill(covered.begin() + at, covered.begin() + at + quote.size(), true);
  }
  for (size_t p : percent_at)
    EXPECT_TRUE(covered[p]) << "a percentage no quote accounts for: ..."
                            << src.text.substr(p > 60 ? p - 60 : 0, 70);

  // Task rows: one per body row of the task tables, numbers as printed,
  // groups and units made of the cell's words.
  std::vector<SourceRow> rows = SourceRows(want, src);
  const json& tasks = At(want, "tasks");
  ASSERT_EQ(tasks.size(), rows.size()) << "task rows vs body rows of the source's task tables";
  for (size_t i = 0; i < rows.size(); ++i) {
    const json& t = tasks[i];
    SCOPED_TRACE("task " + std::to_string(i) + " '" + rows[i].field["no"] + "'");
    EXPECT_EQ(t["no"], rows[i].field["no"]);
    json groups = json::array();
    for (const auto& [no, title] : rows[i].groups) groups.push_back({{"no", no}, {"title", Squeeze(title)}});
    EXPECT_EQ(t["groups"], groups);
    for (const char* key : {"lead", "partners"}) {
      std::set<std::string> cell = WordSet(rows[i].field[key]);
      cell.insert({"sở", "phòng"});  // "Các sở: Nội vụ, Tài chính" -> "Sở Nội vụ", "Sở Tài chính"
      for (const json& unit : t[key]) EXPECT_TRUE(Subset(WordSet(unit), cell, &missing)) << key << " " << unit << ": '" << missing << "'";
      EXPECT_EQ(t[key].empty(), rows[i].field[key].empty()) << key;
    }
    if (t["part_of"].is_number()) {
      size_t up = t["part_of"];
      // An unnumbered row, or one whose number is merged down from the row
      // above: a second product or deadline of the numbered task above.
      EXPECT_TRUE(up < i && (rows[i].field["no"].empty() || rows[i].no_merged) && !rows[up].field["no"].empty() &&
                  !rows[up].no_merged);
    }
  }
}

json TasksWithCells(const json& want, const PlanSource& src) {
  json tasks = At(want, "tasks").is_null() ? json::array() : want["tasks"];
  std::vector<SourceRow> rows = SourceRows(want, src);
  for (size_t i = 0; i < tasks.size() && i < rows.size(); ++i) {
    tasks[i]["task"] = rows[i].field["task"];
    tasks[i]["product"] = rows[i].field["product"];
    tasks[i]["timeline"]["text"] = rows[i].field["timeline"];
  }
  return tasks;
}

// ---- program against expectation --------------------------------------------

void CompareDocument(const json& want, const json& got, Ledger* ledger) {
  const json& w = want["document"];
  const json& g = got["document"];
  for (auto& [key, value] : w.items()) {
    if (value.is_object()) {
      for (auto& [sub, v] : value.items()) ledger->Equal("document." + key + "." + sub, v, At(At(g, key.c_str()), sub.c_str()));
    } else {
      ledger->Equal("document." + key, value, At(g, key.c_str()));
    }
  }
}

void CompareReferences(const json& want, const json& got, Ledger* ledger) {
  const json& wr = want["legal_references"];
  const json& gr = got["legal_references"];
  std::map<std::string, size_t> got_at;
  for (size_t i = 0; i < gr.size(); ++i) got_at.emplace(gr[i]["number"].get<std::string>(), i);
  std::set<size_t> used;
  size_t last = 0;
  for (const json& r : wr) {
    const std::string number = r["number"];
    const std::string path = "legal_references[" + number + "]";
    auto it = got_at.find(number);
    if (it == got_at.end()) {
      ledger->Differ(path, "not found");
      continue;
    }
    const json& g = gr[it->second];
    used.insert(it->second);
    if (it->second < last) ledger->Differ(path + ".order", "comes before a reference mentioned earlier");
    last = it->second;
    for (const char* f : {"type", "year", "issuer_code", "issuer", "date"}) ledger->Equal(path + "." + f, r[f], g[f]);
    if (r.contains("issuers")) ledger->Equal(path + ".issuers", r["issuers"], At(g, "issuers"));
    if (r.contains("variants")) {
      json variants = json::array();
      for (const json& v : At(g, "variants")) variants.push_back(v.is_object() ? At(v, "number") : v);
      ledger->Equal(path + ".variants", r["variants"], variants);
    }
    json pages = json::array();
    for (const json& m : g["mentions"]) {
      pages.push_back(m["page"]);
      std::vector<double> b = m["bbox"];
      if (!(b[0] < b[2] && b[1] < b[3] && b[0] >= 0)) ledger->Differ(path + ".bbox", "empty or off the page");
    }
    ledger->Equal(path + ".pages", r["pages"], pages);
  }
  for (size_t i = 0; i < gr.size(); ++i)
    if (!used.count(i)) ledger->Differ("legal_references+[" + gr[i]["number"].get<std::string>() + "]", "not in the document's references");
}

void CompareTargets(const json& want, const json& got, Ledger* ledger) {
  const json& wt = want["targets"];
  const json& gt = got["targets"];
  size_t j = 0;
  auto extra = [&](size_t k) {
    ledger->Differ("targets+[p" + gt[k]["page"].dump() + " " + gt[k]["value"].dump() + "]",
                   "not a target: " + gt[k]["metric"].get<std::string>());
  };
  for (size_t i = 0; i < wt.size(); ++i) {
    const json& w = wt[i];
    const std::string path = "targets[" + std::to_string(i) + "]";
    size_t k = j;
    while (k < gt.size() && k < j + 5 && !(gt[k]["page"] == w["page"] && gt[k]["value"] == w["value"])) ++k;
    if (k >= gt.size() || k >= j + 5) {
      ledger->Differ(path, "not found: p" + w["page"].dump() + " " + w["quote"].get<std::string>());
      continue;
    }
    for (size_t e = j; e < k; ++e) extra(e);
    j = k + 1;
    const json& g = gt[k];
    for (const char* f : {"comparator", "direction", "indicator", "year", "in_table"}) ledger->Equal(path + "." + f, w[f], g[f]);
    ledger->Equal(path + ".unit", w.contains("unit") ? w["unit"] : json("%"), At(g, "unit"));
    ledger->Equal(path + ".max", At(w, "max"), At(g, "max"));
    std::vector<double> b = g["bbox"];
    if (!(b[0] < b[2] && b[1] < b[3])) ledger->Differ(path + ".bbox", "empty");
    if (At(g, "section").is_null() || g["section"].empty()) ledger->Differ(path + ".section", "none");
    const std::string metric = g["metric"];
    if (!MetricMatches(w["metric"], metric)) {
      Overlap o = WordOverlap(w["metric"], metric);
      char buf[64];
      std::snprintf(buf, sizeof buf, " (words: recall %.2f, precision %.2f)", o.recall, o.precision);
      ledger->Differ(path + ".metric", "person '" + w["metric"].get<std::string>() + "', program '" + metric + "'" + buf);
    }
  }
  for (size_t e = j; e < gt.size(); ++e) extra(e);
}

void CompareTasks(const json& wk, const json& got, Ledger* ledger) {
  const json gk = At(got, "tasks").is_null() ? json::array() : got["tasks"];
  std::vector<long> got_of(wk.size(), -1);  // want index -> got index
  size_t j = 0;
  for (size_t i = 0; i < wk.size(); ++i) {
    size_t k = j;
    while (k < gk.size() && k < j + 4 && Squeeze(gk[k]["task"].get<std::string>()) != wk[i]["task"]) ++k;
    if (k < gk.size() && k < j + 4) {
      for (size_t e = j; e < k; ++e) ledger->Differ("tasks+[" + gk[e]["no"].get<std::string>() + "]", "a row the table does not have");
      got_of[i] = static_cast<long>(k);
      j = k + 1;
    } else if (j < gk.size() && gk[j]["no"] == wk[i]["no"]) {
      got_of[i] = static_cast<long>(j++);  // same row, its task text differs (compared below)
    }
  }
  for (size_t e = j; e < gk.size(); ++e) ledger->Differ("tasks+[" + gk[e]["no"].get<std::string>() + "]", "a row the table does not have");
  for (size_t i = 0; i < wk.size(); ++i) {
    const json& w = wk[i];
    const std::string path = "tasks[" + std::to_string(i) + "]";
    if (got_of[i] < 0) {
      ledger->Differ(path, "row not found: " + w["no"].get<std::string>() + " " + w["task"].get<std::string>().substr(0, 60));
      continue;
    }
    const json& g = gk[got_of[i]];
    ledger->Equal(path + ".no", w["no"], g["no"]);
    ledger->Equal(path + ".task", w["task"], Squeeze(g["task"]));
    ledger->Equal(path + ".product", w["product"], Squeeze(g["product"]));
    ledger->Equal(path + ".lead", w["lead"], g["lead"]);
    ledger->Equal(path + ".partners", w["partners"], g["partners"]);
    json part_of = w["part_of"].is_number() ? json(got_of[w["part_of"].get<size_t>()]) : json();
    ledger->Equal(path + ".part_of", part_of, g["part_of"]);
    json groups = json::array();
    for (const json& gr : g["groups"]) groups.push_back({{"no", gr["no"]}, {"title", Squeeze(gr["title"])}});
    ledger->Equal(path + ".groups", w["groups"], groups);
    ledger->Equal(path + ".timeline.text", w["timeline"]["text"], Squeeze(g["timeline"]["text"]));
    for (const char* f : {"from", "to", "recurring", "condition"})
      ledger->Equal(path + ".timeline." + f, w["timeline"][f], g["timeline"][f]);
    ledger->Equal(path + ".pages", w["pages"], g["pages"]);
    for (const json& c : g["cells"]) {
      std::vector<double> b = c["bbox"];
      if (!(b[0] < b[2] && b[1] < b[3])) ledger->Differ(path + ".cells", "an empty box");
    }
  }
}

}  // namespace kh
