#include "rules/indicators.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

namespace kh {

struct IndicatorMatcher::Impl {
  std::unique_ptr<RE2::Set> set;
  std::map<std::string, int> phrase_index;  // folded phrase -> pattern index in set
};

namespace {

// A whole-word, space-tolerant pattern for a folded phrase.
std::string PhrasePattern(const std::string& phrase) {
  std::string out = "(?:^|[^a-z0-9])";
  for (char c : phrase) {
    if (c == ' ') {
      out += "\\s+";
    } else {
      if (std::string_view(".^$|()[]{}*+?\\").find(c) != std::string_view::npos) out.push_back('\\');
      out.push_back(c);
    }
  }
  out += "(?:$|[^a-z0-9])";
  return out;
}

}  // namespace

IndicatorMatcher::~IndicatorMatcher() = default;

Result<std::shared_ptr<const IndicatorMatcher>> IndicatorMatcher::Create(std::shared_ptr<const RuleData> data) {
  auto m = std::shared_ptr<IndicatorMatcher>(new IndicatorMatcher());
  m->data_ = data;
  m->impl_ = std::make_unique<Impl>();
  RE2::Options opt;
  opt.set_log_errors(false);
  m->impl_->set = std::make_unique<RE2::Set>(opt, RE2::UNANCHORED);
  auto add = [&](const std::string& phrase, const std::string& id) -> Status {
    if (m->impl_->phrase_index.count(phrase)) return Status::OK();
    std::string err;
    int k = m->impl_->set->Add(PhrasePattern(phrase), &err);
    if (k < 0) return Status::DataError("rules/indicators.json: " + id + ": phrase '" + phrase + "': " + err);
    m->impl_->phrase_index[phrase] = k;
    return Status::OK();
  };
  for (const Indicator& ind : data->indicators) {
    if (ind.all.empty()) return Status::DataError("rules/indicators.json: " + ind.id + ": 'all' is empty");
    for (const auto& group : ind.all) {
      if (group.empty()) return Status::DataError("rules/indicators.json: " + ind.id + ": an empty 'all' group");
      for (const std::string& p : group) {
        Status s = add(p, ind.id);
        if (!s.ok()) return s;
      }
    }
    for (const std::string& p : ind.none) {
      Status s = add(p, ind.id);
      if (!s.ok()) return s;
    }
  }
  if (!m->impl_->phrase_index.empty() && !m->impl_->set->Compile())
    return Status::DataError("rules/indicators.json: the phrases do not compile (too many?)");
  return std::shared_ptr<const IndicatorMatcher>(std::move(m));
}

const Indicator* IndicatorMatcher::Match(std::string_view folded) const {
  if (impl_->phrase_index.empty()) return nullptr;
  std::vector<int> hits;
  if (!impl_->set->Match(re2::StringPiece(folded.data(), folded.size()), &hits)) return nullptr;
  std::vector<bool> hit(impl_->phrase_index.size(), false);
  for (int k : hits) hit[k] = true;
  auto present = [&](const std::string& p) { return hit[impl_->phrase_index.at(p)]; };
  for (const Indicator& ind : data_->indicators) {
    bool ok = true;
    for (const auto& group : ind.all) {
      bool any = false;
      for (const std::string& p : group) any = any || present(p);
      if (!any) { ok = false; break; }
    }
    for (const std::string& p : ind.none) ok = ok && !present(p);
    if (ok) return &ind;
  }
  return nullptr;
}

bool IndicatorMatcher::Evidence(std::string_view folded, const Indicator& ind) const {
  if (impl_->phrase_index.empty()) return false;
  std::vector<int> hits;
  if (!impl_->set->Match(re2::StringPiece(folded.data(), folded.size()), &hits)) return false;
  for (const auto& group : ind.all)
    for (const std::string& p : group)
      if (std::find(hits.begin(), hits.end(), impl_->phrase_index.at(p)) != hits.end()) return true;
  return false;
}

}  // namespace kh
