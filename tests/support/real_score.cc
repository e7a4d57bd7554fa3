#include "tests/support/real_score.h"

#include <chrono>
#include <map>
#include <set>

#include "output/json_writer.h"
#include "output/text_writer.h"
#include "tests/support/text_match.h"

namespace kh {

using nlohmann::json;

bool ScoreRealDocument(const Pipeline& pipeline, const std::string& pdf, const json& want, RealScore* score,
                       std::string* error) {
  RealScore& s = *score;
  s = RealScore();
  auto t0 = std::chrono::steady_clock::now();
  PlanResult plan;
  Result<LaidOutDocument> laid = pipeline.Read(pdf, &plan.source, &plan.diagnostics);
  if (!laid.ok()) {
    *error = laid.status().message();
    return false;
  }
  pipeline.Extract(laid.value(), &plan);
  s.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  s.got = json::parse(ToJson(plan));

  const json& reading = s.got["source"]["reading"];
  for (const json& w : want.value("reading", json::array())) {
    ++s.pages;
    for (const json& r : reading)
      if (r["page"] == w["page"] && r["by"] == w["by"] && r["reason"] == w["reason"]) ++s.pages_as_expected;
  }
  std::map<int, std::string> page_text;
  for (const Page& p : laid->pages) {
    LaidOutDocument one;
    one.pages = {p};
    page_text[p.number] = Comparable(RowsToText(one));
  }
  for (const json& ph : want.value("phrases", json::array())) {
    ++s.phrases;
    int page = ph["page"];
    // A table row cut by page breaks is read whole on the page it starts on
    // (extractor/tables.h): its words from the next pages are there.  r13's
    // rows run over up to three pages.
    bool found = false;
    for (int back = 0; back <= 3 && !found; ++back)
      found = page_text.count(page - back) && PhraseFound(Comparable(ph["text"]), page_text[page - back]);
    if (found) {
      ++s.phrases_found;
    } else {
      s.missed.push_back("page " + std::to_string(page) + " phrase: " + ph["text"].get<std::string>());
    }
  }
  const json& doc = want["document"];
  s.source = want.value("source", "");
  s.tuned_on = want.value("tuned_on", true);
  auto count_fact = [&s](const std::string& name, const json& printed, const json& g) {
    ++s.facts;
    if (g == printed || (g.is_string() && printed.is_string() && SameText(printed, g))) {
      ++s.facts_right;
      return;
    }
    if (g.is_null()) {
      ++s.facts_null;
    } else {
      ++s.facts_wrong;
      s.facts_wrong_names.push_back(name);
    }
    s.missed.push_back("fact " + name + ": " + g.dump() + (g.is_null() ? "" : " (printed " + printed.dump() + ")"));
  };
  for (const char* f : {"kind", "number", "date", "issuer", "province", "title"})
    if (doc.contains(f)) count_fact(f, doc[f], s.got["document"][f]);
  if (doc.contains("signer")) {
    const json& sg = s.got["document"]["signer"];
    count_fact("signer", doc["signer"]["name"], sg.is_object() ? sg.value("name", json()) : json());
  }
  std::set<std::string> got_refs;
  for (const json& r : s.got["legal_references"]) got_refs.insert(r["number"]);
  s.refs_got = static_cast<int>(got_refs.size());
  for (const json& n : want.value("references", json::array())) {
    ++s.refs_want;
    if (got_refs.count(n)) ++s.refs_found;
    else s.missed.push_back("reference " + n.get<std::string>());
  }
  const json& targets = s.got["targets"];
  s.targets_got = static_cast<int>(targets.size());
  std::vector<bool> used(targets.size(), false);
  for (const json& w : want.value("targets", json::array())) {
    ++s.targets_want;
    bool hit = false;
    for (size_t k = 0; k < targets.size() && !hit; ++k)
      if (!used[k] && targets[k]["page"] == w["page"] && targets[k]["value"] == w["value"] &&
          targets[k]["comparator"] == w["comparator"] && (!w.contains("unit") || targets[k]["unit"] == w["unit"]))
        used[k] = hit = true;
    if (hit) {
      ++s.targets_found;
    } else {
      std::string key = "p" + w["page"].dump() + " " + w["value"].dump() + " " + w.value("unit", "");
      s.targets_missed.push_back(key);
      s.missed.push_back("target " + key + " " + w["metric"].get<std::string>());
    }
  }
  const json tasks = s.got.value("tasks", json::array());
  for (const json& w : want.value("tasks", json::array())) {
    ++s.tasks_want;
    const std::string words = Comparable(w["task"].get<std::string>());
    bool hit = false;
    for (const json& t : tasks) {
      if (t.value("no", "") == w["no"] && t["task"].is_string() && Comparable(t["task"].get<std::string>()).rfind(words, 0) == 0)
        hit = true;
      // A group row ("I | Cải cách thể chế") is no task: the rows under it
      // carry it among their groups.
      for (const json& g : t.value("groups", json::array()))
        if (g.value("no", "") == w["no"] && g["title"].is_string() && Comparable(g["title"].get<std::string>()).rfind(words, 0) == 0)
          hit = true;
    }
    if (hit) {
      ++s.tasks_found;
    } else {
      s.tasks_missed.push_back(w["no"].get<std::string>() + " " + w["task"].get<std::string>());
      s.missed.push_back("task " + w["no"].get<std::string>() + " " + w["task"].get<std::string>());
    }
  }
  return true;
}

}  // namespace kh
