#include "output/json_writer.h"

#include <cmath>

#include <nlohmann/json.hpp>

namespace kh {
namespace {

using nlohmann::ordered_json;

double R1(double v) { return std::round(v * 10) / 10; }

ordered_json BoxJson(const Box& b) { return ordered_json::array({R1(b.x0), R1(b.y0), R1(b.x1), R1(b.y1)}); }

template <typename T>
ordered_json Opt(const std::optional<T>& v) {
  return v ? ordered_json(*v) : ordered_json(nullptr);
}

ordered_json LocationJson(const Location& l) {
  ordered_json j;
  j["page"] = l.page;
  j["bbox"] = BoxJson(l.bbox);
  return j;
}

// 97 rather than 97.0; 97.5 as is.
ordered_json Number(double v) {
  if (std::fabs(v - std::round(v)) < 1e-9 && std::fabs(v) < 1e15) return ordered_json(static_cast<long long>(std::llround(v)));
  return ordered_json(v);
}

// A figure's value and range bound, as both targets and figures left out
// write them.
void FigureJson(ordered_json& o, double value, const std::optional<double>& max) {
  o["value"] = Number(value);
  o["max"] = max ? Number(*max) : ordered_json(nullptr);
}

ordered_json TargetJson(const Target& t) {
  ordered_json o;
  FigureJson(o, t.value, t.max);
  o["comparator"] = t.comparator;
  o["direction"] = t.direction;
  o["unit"] = t.unit;
  o["metric"] = t.metric;
  o["indicator"] = Opt(t.indicator);
  o["section"] = t.section;
  o["year"] = Opt(t.year);
  o["year_source"] = Opt(t.year_source);
  o["in_table"] = t.in_table;
  o["text"] = t.text;
  o["page"] = t.where.page;
  o["bbox"] = BoxJson(t.where.bbox);
  return o;
}

ordered_json TimelineJson(const Timeline& t) {
  ordered_json o;
  o["text"] = t.text;
  o["from"] = Opt(t.from);
  o["to"] = Opt(t.to);
  o["recurring"] = Opt(t.recurring);
  o["condition"] = Opt(t.condition);
  o["year_inferred"] = t.year_inferred;
  ordered_json parts = ordered_json::array();
  for (const Timeline::Part& p : t.parts)
    parts.push_back({{"label", p.label}, {"text", p.text}, {"from", Opt(p.from)}, {"to", Opt(p.to)}});
  o["parts"] = parts;
  return o;
}

ordered_json TaskJson(const Task& t) {
  ordered_json o;
  o["table"] = t.table;
  o["row"] = t.row;
  o["no"] = t.no;
  o["part_of"] = Opt(t.part_of);
  if (t.groups.empty()) {
    o["group"] = nullptr;
  } else {
    o["group"] = {{"no", t.groups.back().no}, {"title", t.groups.back().title}};
  }
  ordered_json groups = ordered_json::array();
  for (const TaskGroup& g : t.groups) groups.push_back({{"no", g.no}, {"title", g.title}});
  o["groups"] = groups;
  o["task"] = t.task;
  o["product"] = t.product;
  o["lead"] = t.lead;
  o["lead_text"] = t.lead_text;
  o["partners"] = t.partners;
  o["partners_text"] = t.partners_text;
  o["timeline"] = TimelineJson(t.timeline);
  o["note"] = t.note;
  ordered_json extra = ordered_json::array();
  for (const auto& [header, text] : t.extra) extra.push_back({{"header", header}, {"text", text}});
  o["extra"] = extra;
  o["pages"] = t.pages;
  ordered_json cells = ordered_json::array();
  for (const CellRef& c : t.cells) cells.push_back({{"column", c.column}, {"page", c.page}, {"bbox", BoxJson(c.box)}});
  o["cells"] = cells;
  return o;
}

}  // namespace

std::string ToJson(const PlanResult& plan) {
  ordered_json j;
  j["schema"] = {{"id", kSchemaId}, {"version", kSchemaVersion}};
  j["source"] = {{"file", plan.source.file},
                 {"sha256", plan.source.sha256},
                 {"pages", plan.source.pages},
                 {"text_layer", plan.source.text_layer}};
  ordered_json fonts = ordered_json::array();
  for (const LegacyFont& f : plan.source.legacy_fonts) {
    fonts.push_back({{"font", f.font}, {"encoding", f.encoding}, {"upper", f.upper}, {"words", f.words}});
  }
  j["source"]["legacy_fonts"] = fonts;
  ordered_json ocr = ordered_json::array();
  for (const OcrPage& p : plan.source.ocr_pages) {
    ocr.push_back({{"page", p.page}, {"reason", p.reason}, {"confidence", std::round(p.confidence * 10) / 10},
                   {"words", p.words}, {"skew_degrees", std::round(p.skew_degrees * 100) / 100}});
  }
  j["source"]["ocr_pages"] = ocr;
  ordered_json reading = ordered_json::array();
  auto r3 = [](double v) { return std::round(v * 1000) / 1000; };
  for (const PageRead& p : plan.source.reading) {
    reading.push_back({{"page", p.page}, {"by", p.by}, {"reason", p.reason}, {"text_cover", r3(p.text_cover)},
                       {"syllables", p.syllables < 0 ? ordered_json() : ordered_json(r3(p.syllables))},
                       {"image_cover", r3(p.image_cover)}});
  }
  j["source"]["reading"] = reading;
  const DocumentFacts& d = plan.document;
  ordered_json doc;
  doc["kind"] = Opt(d.kind);
  doc["number"] = Opt(d.number);
  doc["issuer"] = Opt(d.issuer);
  doc["parent_issuer"] = Opt(d.parent_issuer);
  doc["province"] = Opt(d.province);
  doc["province_2025"] = Opt(d.province_2025);
  doc["place"] = Opt(d.place);
  doc["date"] = Opt(d.date);
  doc["title"] = Opt(d.title);
  doc["period"] = {{"from", Opt(d.period_from)}, {"to", Opt(d.period_to)}};
  doc["signer"] = {{"name", Opt(d.signer.name)}, {"role", Opt(d.signer.role)}, {"authority", Opt(d.signer.authority)}};
  ordered_json sigs = ordered_json::array();
  for (const Signature& g : d.signatures) {
    auto str = [](const std::string& v) { return v.empty() ? ordered_json(nullptr) : ordered_json(v); };
    ordered_json o;
    o["from"] = g.field && g.visible ? "field_and_box" : g.field ? "field" : "box";
    o["signer"] = str(g.signer);
    o["organisation"] = str(g.organisation);
    o["email"] = str(g.email);
    o["time"] = str(g.time);
    o["reason"] = str(g.reason);
    o["location"] = str(g.location);
    o["whole_file"] = g.field ? ordered_json(g.whole_file) : ordered_json(nullptr);
    o["at"] = g.page > 0 ? LocationJson(Location{g.page, g.box}) : ordered_json(nullptr);
    sigs.push_back(o);
  }
  doc["signatures"] = sigs;
  if (d.received) {
    doc["received"] = {{"body", Opt(d.received->body)}, {"number", Opt(d.received->number)},
                       {"date", Opt(d.received->date)}, {"at", LocationJson(d.received->at)}};
  } else {
    doc["received"] = nullptr;
  }
  ordered_json prov = ordered_json::object();
  for (const auto& [k, loc] : d.provenance) prov[k] = LocationJson(loc);
  doc["provenance"] = prov;
  j["document"] = doc;
  ordered_json refs = ordered_json::array();
  for (const LegalReference& r : plan.legal_references) {
    ordered_json o;
    o["type"] = r.type;
    o["type_name"] = r.type_name;
    o["number"] = r.number;
    o["year"] = Opt(r.year);
    o["issuer_code"] = r.issuer_code.empty() ? ordered_json(nullptr) : ordered_json(r.issuer_code);
    o["issuer"] = Opt(r.issuer);
    o["issuer_source"] = Opt(r.issuer_source);
    o["date"] = Opt(r.date);
    o["variants"] = r.variants;
    ordered_json ms = ordered_json::array();
    for (const Mention& m : r.mentions) ms.push_back({{"page", m.where.page}, {"text", m.text}, {"bbox", BoxJson(m.where.bbox)}});
    o["mentions"] = ms;
    refs.push_back(o);
  }
  j["legal_references"] = refs;
  ordered_json targets = ordered_json::array();
  for (const Target& t : plan.targets) targets.push_back(TargetJson(t));
  j["targets"] = targets;
  ordered_json left_out = ordered_json::array();
  for (const LeftOutFigure& f : plan.figures_left_out) {
    ordered_json o;
    FigureJson(o, f.value, f.max);
    o["unit"] = f.unit;
    o["reason"] = f.reason;
    o["text"] = f.text;
    o["section"] = f.section;
    o["page"] = f.where.page;
    o["bbox"] = BoxJson(f.where.bbox);
    left_out.push_back(o);
  }
  j["figures_left_out"] = left_out;
  ordered_json tasks = ordered_json::array();
  for (const Task& t : plan.tasks) tasks.push_back(TaskJson(t));
  j["tasks"] = tasks;
  ordered_json diags = ordered_json::array();
  for (const Diagnostic& dg : plan.diagnostics) {
    ordered_json o = {{"code", dg.code}, {"message", dg.message}};
    o["page"] = dg.page > 0 ? ordered_json(dg.page) : ordered_json(nullptr);
    diags.push_back(o);
  }
  j["diagnostics"] = diags;
  return j.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace kh
