#include "compare/compare.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include <nlohmann/json.hpp>

#include "rules/places.h"

namespace kh {

namespace {

using nlohmann::json;

std::string Str(const json& j, const char* key) {
  return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : "";
}

std::optional<int> Int(const json& j, const char* key) {
  if (j.contains(key) && j[key].is_number_integer()) return j[key].get<int>();
  return std::nullopt;
}

std::string Num(double v) {
  char buf[32];
  if (std::fabs(v - std::round(v)) < 1e-9) std::snprintf(buf, sizeof buf, "%.0f", v);
  else std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

std::string Html(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += "\"\"";
    else out.push_back(c);
  }
  return out + "\"";
}

std::string Period(const PlanSummary& p) {
  if (p.period_from && p.period_to && *p.period_from != *p.period_to)
    return std::to_string(*p.period_from) + "–" + std::to_string(*p.period_to);
  if (p.period_from) return std::to_string(*p.period_from);
  if (p.period_to) return std::to_string(*p.period_to);
  return "";
}

}  // namespace

std::optional<int> PlanSummary::StartYear() const {
  if (period_from) return period_from;
  if (date.size() >= 4) return std::atoi(date.substr(0, 4).c_str());
  return std::nullopt;
}

std::string PlanSummary::Label() const {
  std::string l = group.empty() ? "?" : group;
  if (!province.empty() && province != group) l += " (" + province + ")";
  std::string per = Period(*this);
  if (per.empty() && StartYear()) per = std::to_string(*StartYear());
  if (!per.empty()) l += " " + per;
  return l;
}

Result<PlanSummary> ReadPlanJson(const std::string& text) {
  json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) return Status::InvalidInput("not JSON");
  if (!j.contains("schema") || Str(j["schema"], "id") != "kehoach.plan")
    return Status::InvalidInput("not a kehoach plan (schema.id is not \"kehoach.plan\")");
  std::string version = Str(j["schema"], "version");
  if (version.substr(0, 2) != "1.") return Status::InvalidInput("unsupported schema version " + version);
  try {
    PlanSummary p;
    p.file = Str(j.at("source"), "file");
    const json& d = j.at("document");
    p.province = Str(d, "province");
    p.province_2025 = Str(d, "province_2025");
    p.issuer = Str(d, "issuer");
    p.number = Str(d, "number");
    p.date = Str(d, "date");
    p.title = Str(d, "title");
    if (d.contains("period")) {
      p.period_from = Int(d["period"], "from");
      p.period_to = Int(d["period"], "to");
    }
    if (j.contains("targets")) {
      for (const json& t : j["targets"]) {
        Target x;
        x.value = t.at("value").get<double>();
        if (t.contains("max") && t["max"].is_number()) x.max = t["max"].get<double>();
        x.comparator = Str(t, "comparator");
        x.direction = Str(t, "direction");
        x.unit = Str(t, "unit");
        x.metric = Str(t, "metric");
        if (t.contains("indicator") && t["indicator"].is_string()) x.indicator = t["indicator"].get<std::string>();
        if (t.contains("section"))
          for (const json& s : t["section"]) x.section.push_back(s.get<std::string>());
        x.year = Int(t, "year");
        if (t.contains("year_source") && t["year_source"].is_string()) x.year_source = Str(t, "year_source");
        x.in_table = t.value("in_table", false);
        x.text = Str(t, "text");
        x.where.page = t.value("page", 0);
        p.targets.push_back(std::move(x));
      }
    }
    return p;
  } catch (const json::exception& e) {
    return Status::InvalidInput(std::string("malformed plan JSON: ") + e.what());
  }
}

const ComparisonCell* Comparison::Cell(size_t indicator, size_t plan) const {
  auto it = cells.find({indicator, plan});
  return it == cells.end() ? nullptr : &it->second;
}

std::vector<std::pair<std::string, std::vector<size_t>>> Comparison::Timelines() const {
  std::vector<std::pair<std::string, std::vector<size_t>>> out;
  for (size_t i = 0; i < plans.size(); ++i) {
    if (plans[i].group.empty()) continue;
    if (out.empty() || out.back().first != plans[i].group) out.push_back({plans[i].group, {}});
    out.back().second.push_back(i);  // plans are sorted by group, then time
  }
  out.erase(std::remove_if(out.begin(), out.end(), [](const auto& t) { return t.second.size() < 2; }), out.end());
  return out;
}

Comparison Compare(std::vector<PlanSummary> plans, const RuleData& rules, GroupBy by) {
  Comparison c;
  for (PlanSummary& p : plans) {
    if (p.province_2025.empty() && !p.province.empty())
      p.province_2025 = ProvinceAfterMerger(p.province, rules).value_or("");
    p.group = by == GroupBy::kProvince2025 ? p.province_2025 : p.province;
  }
  std::stable_sort(plans.begin(), plans.end(), [](const PlanSummary& a, const PlanSummary& b) {
    if (a.group != b.group) return a.group < b.group;
    int ya = a.StartYear().value_or(0), yb = b.StartYear().value_or(0);
    if (ya != yb) return ya < yb;
    return a.file < b.file;
  });
  c.plans = std::move(plans);
  std::set<std::string> used;
  for (const PlanSummary& p : c.plans)
    for (const Target& t : p.targets)
      if (t.indicator) used.insert(*t.indicator);
  std::map<std::string, size_t> column;
  for (const Indicator& ind : rules.indicators) {
    if (!used.count(ind.id)) continue;
    column[ind.id] = c.indicators.size();
    c.indicators.push_back({ind.id, ind.name_vi, ind.name_en});
  }
  for (const std::string& id : used) {  // ids the catalogue no longer has: kept, named by id
    if (column.count(id)) continue;
    column[id] = c.indicators.size();
    c.indicators.push_back({id, id, id});
  }
  for (size_t p = 0; p < c.plans.size(); ++p) {
    // objectives before tables, each in reading order
    for (bool table : {false, true}) {
      for (const Target& t : c.plans[p].targets) {
        if (!t.indicator || t.in_table != table) continue;
        auto key = std::make_pair(column[*t.indicator], p);
        auto it = c.cells.find(key);
        if (it == c.cells.end()) c.cells[key] = {t, 0};
        else ++it->second.others;
      }
    }
    for (size_t k = 0; k < c.plans[p].targets.size(); ++k)
      if (c.plans[p].targets[k].indicator) c.all_targets.push_back({p, k});
  }
  return c;
}

std::string DisplayValue(const Target& t) {
  std::string v;
  // "%" and "‰" stick to the figure; a quantity's unit follows it: "2,1 con/phụ nữ".
  const std::string u = t.unit.empty() || t.unit == "%" ? "%" : t.unit == "‰" ? t.unit : " " + t.unit;
  if (t.comparator == "range" && t.max) v = Num(t.value) + "–" + Num(*t.max) + u;
  else if (t.comparator == ">=") v = "≥ " + Num(t.value) + u;
  else if (t.comparator == "<=") v = "≤ " + Num(t.value) + u;
  else if (t.comparator == ">" || t.comparator == "<") v = t.comparator + " " + Num(t.value) + u;
  else v = Num(t.value) + u;
  if (t.direction == "reduce") v = "↓ " + v;
  if (t.direction == "maintain") v = "= " + v;
  return v;
}

std::string ToCsv(const Comparison& c) {
  std::string out = "\xEF\xBB\xBF";  // BOM
  out += "indicator,indicator_vi,indicator_en,province,province_2025,issuer,number,date,period_from,period_to,year_due,"
         "comparator,value,max,direction,display,metric,page,in_table,other_targets,file\r\n";
  for (size_t i = 0; i < c.indicators.size(); ++i) {
    for (size_t p = 0; p < c.plans.size(); ++p) {
      const ComparisonCell* cell = c.Cell(i, p);
      if (cell == nullptr) continue;
      const PlanSummary& pl = c.plans[p];
      const Target& t = cell->target;
      std::vector<std::string> f = {
          c.indicators[i].id, c.indicators[i].name_vi, c.indicators[i].name_en, pl.province, pl.province_2025, pl.issuer, pl.number,
          pl.date, pl.period_from ? std::to_string(*pl.period_from) : "", pl.period_to ? std::to_string(*pl.period_to) : "",
          t.year ? std::to_string(*t.year) : "", t.comparator, Num(t.value), t.max ? Num(*t.max) : "", t.direction,
          DisplayValue(t), t.metric, std::to_string(t.where.page), t.in_table ? "true" : "false",
          std::to_string(cell->others), pl.file};
      for (size_t k = 0; k < f.size(); ++k) out += (k ? "," : "") + CsvField(f[k]);
      out += "\r\n";
    }
  }
  return out;
}

namespace {

std::string FigureCell(const Comparison& c, size_t i, size_t p) {
  const ComparisonCell* cell = c.Cell(i, p);
  if (cell == nullptr) return "<td class=\"none\">–</td>";
  const Target& t = cell->target;
  std::string title = t.metric + " (trang " + std::to_string(t.where.page) + (t.year ? ", năm " + std::to_string(*t.year) : "") + ")";
  std::string s = "<td class=\"fig\" data-indicator=\"" + Html(c.indicators[i].id) + "\" data-plan=\"" + Html(c.plans[p].file) +
                  "\" data-value=\"" + Num(t.value) + "\" data-max=\"" + (t.max ? Num(*t.max) : "") +
                  "\" data-comparator=\"" + Html(t.comparator) + "\" title=\"" + Html(title) + "\">" + Html(DisplayValue(t));
  if (t.year) s += "<span class=\"yr\">" + std::to_string(*t.year) + "</span>";
  if (cell->others > 0) s += "<span class=\"more\">+" + std::to_string(cell->others) + "</span>";
  return s + "</td>";
}

std::string PlanHeader(const PlanSummary& p) {
  return "<th class=\"plan\"><div>" + Html(p.Label()) + "</div><div class=\"sub\">" + Html(p.number.empty() ? "(chưa số)" : p.number) +
         "</div><div class=\"sub\">" + Html(p.issuer) + "</div></th>";
}

// A horizontal bar chart of one indicator over the given plans (0-100%).
std::string Chart(const Comparison& c, size_t i, const std::vector<size_t>& plans) {
  std::vector<size_t> rows;
  for (size_t p : plans)
    if (c.Cell(i, p)) rows.push_back(p);
  const double label_w = 190, bar_w = 230, row_h = 22, top = 4;
  double h = top * 2 + row_h * rows.size();
  double scale_max = 100;
  for (size_t p : rows) scale_max = std::max(scale_max, c.Cell(i, p)->target.max.value_or(c.Cell(i, p)->target.value));
  char buf[512];
  std::string s = "<svg class=\"chart\" role=\"img\" width=\"" + Num(label_w + bar_w + 70) + "\" height=\"" + Num(h) +
                  "\" viewBox=\"0 0 " + Num(label_w + bar_w + 70) + " " + Num(h) + "\"><title>" + Html(c.indicators[i].name_vi) + "</title>";
  for (size_t r = 0; r < rows.size(); ++r) {
    const Target& t = c.Cell(i, rows[r])->target;
    double y = top + r * row_h;
    double x0 = t.comparator == "range" ? t.value / scale_max * bar_w : 0;
    double x1 = (t.max.value_or(t.value)) / scale_max * bar_w;
    const char* color = t.direction == "reduce" ? "#c0504d" : t.direction == "maintain" ? "#7f7f7f" : "#4f81bd";
    std::snprintf(buf, sizeof buf,
                  "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\" class=\"lbl\">%s</text>"
                  "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#eee\"/>"
                  "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>",
                  label_w - 6, y + 15, Html(c.plans[rows[r]].Label()).c_str(), label_w, y + 3, bar_w, row_h - 6,
                  label_w + x0, y + 3, std::max(1.0, x1 - x0), row_h - 6, color);
    s += buf;
    std::snprintf(buf, sizeof buf, "<text x=\"%.1f\" y=\"%.1f\" class=\"val\">%s</text>", label_w + bar_w + 6, y + 15,
                  Html(DisplayValue(t)).c_str());
    s += buf;
  }
  return s + "</svg>";
}

std::string Matrix(const Comparison& c, const std::vector<size_t>& plans, bool charts) {
  std::string s = "<table class=\"matrix\"><thead><tr><th>Chỉ tiêu / Indicator</th>";
  for (size_t p : plans) s += PlanHeader(c.plans[p]);
  if (charts) s += "<th>Biểu đồ</th>";
  s += "</tr></thead><tbody>";
  for (size_t i = 0; i < c.indicators.size(); ++i) {
    bool any = false;
    for (size_t p : plans) any = any || c.Cell(i, p);
    if (!any) continue;
    s += "<tr><th class=\"ind\" id=\"" + Html(c.indicators[i].id) + "\">" + Html(c.indicators[i].name_vi) + "<div class=\"sub\">" +
         Html(c.indicators[i].name_en) + " · <code>" + Html(c.indicators[i].id) + "</code></div></th>";
    for (size_t p : plans) s += FigureCell(c, i, p);
    if (charts) s += "<td>" + Chart(c, i, plans) + "</td>";
    s += "</tr>";
  }
  return s + "</tbody></table>";
}

}  // namespace

std::string ToHtml(const Comparison& c) {
  std::vector<size_t> all(c.plans.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = i;
  std::string s =
      "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      "<title>kehoach — so sánh chỉ tiêu</title><style>"
      "body{font-family:'Liberation Sans',Arial,sans-serif;margin:24px;color:#222}"
      "h1{font-size:22px}h2{font-size:18px;margin-top:32px}"
      "table{border-collapse:collapse;margin:8px 0}th,td{border:1px solid #ccc;padding:4px 8px;vertical-align:top}"
      "th.plan{min-width:110px;background:#f4f6fa}th.ind{text-align:left;max-width:360px;font-weight:600;background:#fafafa}"
      ".sub{font-weight:normal;color:#666;font-size:12px}td.fig{text-align:center;font-weight:600;white-space:nowrap}"
      "td.none{text-align:center;color:#bbb}.yr{display:block;font-weight:normal;color:#666;font-size:11px}"
      ".more{font-weight:normal;color:#888;font-size:11px;margin-left:4px}"
      ".lbl,.val{font-size:12px;font-family:'Liberation Sans',Arial,sans-serif}"
      "p.note{color:#555;font-size:13px;max-width:900px}"
      "</style></head><body>\n<h1>So sánh chỉ tiêu giữa các kế hoạch / Targets across plans</h1>\n"
      "<p class=\"note\">Mỗi ô là chỉ tiêu của kế hoạch cho chỉ số đó (≥ tối thiểu, &gt; trên, ↓ giảm, = duy trì); "
      "dòng nhỏ là năm phải đạt; +n là số chỉ tiêu khác của cùng kế hoạch cho chỉ số này. "
      "Di chuột lên ô để xem nội dung và trang. Nguồn: " +
      std::to_string(c.plans.size()) + " kế hoạch.</p>\n";
  s += "<h2>Kế hoạch / Plans</h2><table class=\"plans\"><thead><tr><th>Tỉnh/Thành phố</th><th>Từ 1/7/2025</th><th>Cơ quan ban hành</th>"
       "<th>Số</th><th>Ngày</th><th>Giai đoạn</th><th>Tên</th><th>Tệp</th></tr></thead><tbody>";
  for (const PlanSummary& p : c.plans)
    s += "<tr><td>" + Html(p.province) + "</td><td>" + Html(p.province_2025) + "</td><td>" + Html(p.issuer) + "</td><td>" + Html(p.number) + "</td><td>" +
         Html(p.date) + "</td><td>" + Html(Period(p)) + "</td><td>" + Html(p.title) + "</td><td><code>" + Html(p.file) +
         "</code></td></tr>";
  s += "</tbody></table>\n<h2>Chỉ tiêu theo chỉ số / Indicator × plan</h2>\n" + Matrix(c, all, true) + "\n";
  for (const auto& [province, plans] : c.Timelines()) {
    s += "<h2 class=\"timeline\">" + Html(province) + " qua các kỳ kế hoạch / over time</h2>\n" + Matrix(c, plans, false) + "\n";
  }
  s += "</body></html>\n";
  return s;
}

}  // namespace kh
