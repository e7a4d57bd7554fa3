#include "batch/batch.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <set>

#include <nlohmann/json.hpp>

#include "batch/inputs.h"
#include "batch/journal.h"
#include "common/files.h"
#include "output/json_writer.h"
#include "store/plan_store.h"

namespace kh {

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

namespace {

double Now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// json/NAME-SHA12.json: readable, and unique by content.
std::string JsonName(const BatchInput& in) {
  std::string stem = fs::path(in.path).stem().string();
  // Cut long names at a UTF-8 character boundary.
  if (stem.size() > 80) {
    size_t cut = 80;
    while (cut > 0 && (static_cast<unsigned char>(stem[cut]) & 0xC0) == 0x80) --cut;
    stem.resize(cut);
  }
  if (stem.empty() || stem[0] == '.') stem = "plan" + stem;
  return "json/" + stem + "-" + in.sha256.substr(0, 12) + ".json";
}

json Opt(const std::optional<std::string>& v) { return v ? json(*v) : json(); }

// Runs in the worker: read the plan, write its JSON, return a one-line summary.
std::string ReadOne(const Pipeline& pipeline, const BatchInput& in, const std::string& out_dir) {
  Result<PlanResult> r = pipeline.Run(in.path, in.sha256);
  if (!r.ok()) return json{{"ok", false}, {"stage", "read"}, {"reason", r.status().message()}}.dump();
  const PlanResult& plan = r.value();
  std::string text = ToJson(plan);
  std::string rel = JsonName(in);
  // No fsync per file: a kill cannot lose a renamed file, and after a power
  // cut a resumed run checks each JSON's size against its record.
  if (Status s = WriteAtomically(out_dir + "/" + rel, text, /*sync=*/false); !s.ok()) {
    return json{{"ok", false}, {"stage", "write"}, {"reason", rel + ": " + s.message()}}.dump();
  }
  const DocumentFacts& d = plan.document;
  return json{{"ok", true},
              {"json", rel},
              {"json_bytes", text.size()},
              {"pages", plan.source.pages},
              {"number", Opt(d.number)},
              {"issuer", Opt(d.issuer)},
              {"province", Opt(d.province)},
              {"date", Opt(d.date)},
              {"legal_references", plan.legal_references.size()},
              {"targets", plan.targets.size()},
              {"tasks", plan.tasks.size()},
              {"diagnostics", plan.diagnostics.size()}}
      .dump();
}

JournalRecord MakeRecord(const BatchInput& in, json j) {
  JournalRecord r;
  r.key = InputKey(in);
  r.file = in.path;
  json out = {{"file", in.path}, {"sha256", in.sha256.empty() ? json() : json(in.sha256)}};
  if (!in.also.empty()) out["also"] = in.also;
  for (auto& [k, v] : j.items()) {
    if (k != "ok") out[k] = v;
  }
  if (auto js = out.find("json"); js != out.end() && js->is_string()) r.json = js->get<std::string>();
  if (auto jb = out.find("json_bytes"); jb != out.end() && jb->is_number_integer()) r.json_bytes = jb->get<long long>();
  r.line = out.dump();
  return r;
}

JournalRecord ErrorRecord(const BatchInput& in, const std::string& stage, const std::string& reason) {
  return MakeRecord(in, json{{"stage", stage}, {"reason", reason}});
}

std::string SignalName(int sig) {
  const char* d = strsignal(sig);
  const char* abbrev = sigabbrev_np(sig);
  return std::string(abbrev != nullptr ? std::string("SIG") + abbrev : "signal " + std::to_string(sig)) +
         (d != nullptr ? std::string(" (") + d + ")" : "");
}

// A record's JSON output is in place, whole (by size).
bool OutputIntact(const std::string& dir, const JournalRecord& r) {
  if (r.json.empty() || r.json_bytes < 0) return false;
  std::error_code ec;
  auto size = fs::file_size(fs::path(dir) / r.json, ec);
  return !ec && static_cast<long long>(size) == r.json_bytes;
}

// Leftover temporaries of a killed run.
void RemoveTemporaries(const std::string& dir) {
  std::error_code ec;
  for (const std::string& d : {dir, dir + "/json"}) {
    for (auto it = fs::directory_iterator(d, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
      if (IsTemporaryName(it->path().filename().string())) fs::remove(it->path(), ec);
    }
  }
}

// Holds an exclusive lock on DIR/.lock while a batch or merge writes DIR;
// the system drops it when the process dies, however it dies.
class FolderLock {
 public:
  Status Acquire(const std::string& dir) {
    std::string path = dir + "/.lock";
    fd_ = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0666);
    if (fd_ < 0) return Status::IoError(path + ": " + std::strerror(errno));
    if (flock(fd_, LOCK_EX | LOCK_NB) != 0) return Status::IoError(dir + ": in use by another kehoach batch");
    return Status::OK();
  }
  ~FolderLock() {
    if (fd_ >= 0) close(fd_);
  }

 private:
  int fd_ = -1;
};

Status PrepareFolder(const std::string& dir, FolderLock* lock) {
  std::error_code ec;
  fs::create_directories(fs::path(dir) / "json", ec);
  if (ec) return Status::IoError(dir + ": cannot create: " + ec.message());
  if (Status s = lock->Acquire(dir); !s.ok()) return s;
  RemoveTemporaries(dir);
  return Status::OK();
}

// Loads into the store every result it does not hold yet.
Status SyncStore(PlanStore* store, const Journal& results, const std::string& dir) {
  Result<std::set<std::string>> have = store->Documents();
  if (!have.ok()) return have.status();
  for (const auto& [key, r] : results.records()) {
    if (have->count(key) != 0) continue;
    std::string path = (fs::path(dir) / r.json).string();
    Result<std::string> text = ReadWholeFile(path);
    if (!text.ok()) return Status::IoError(path + ": " + text.status().message());
    if (Status s = store->Put(text.value(), path); !s.ok()) return Status::IoError(path + ": " + s.message());
  }
  return Status::OK();
}

}  // namespace

Result<BatchSummary> RunBatch(const BatchOptions& o, const std::function<void(const BatchProgress&)>& progress) {
  double t0 = Now();
  BatchSummary sum;
  if (o.shard_count < 1 || o.shard_index < 0 || o.shard_index >= o.shard_count) {
    return Status::InvalidInput("bad shard " + std::to_string(o.shard_index) + "/" + std::to_string(o.shard_count));
  }
  FolderLock lock;
  if (Status s = PrepareFolder(o.out_dir, &lock); !s.ok()) return s;
  auto pipeline = Pipeline::Create(o.pipeline);
  if (!pipeline.ok()) return Status::DataError("rules: " + pipeline.status().message());

  std::vector<std::string> paths = ExpandInputs(o.inputs);
  if (paths.empty()) return Status::InvalidInput("no PDF found in the inputs");
  std::vector<BatchInput> inputs = HashInputs(paths, o.jobs);
  sum.inputs = inputs.size();

  auto results = Journal::Open(o.out_dir + "/results.jsonl",
                               [&](const JournalRecord& r) { return OutputIntact(o.out_dir, r); });
  if (!results.ok()) return results.status();
  auto errors = Journal::Open(o.out_dir + "/errors.jsonl", [&](const JournalRecord& r) {
    return !o.retry_errors && !results.value()->Has(r.key);
  });
  if (!errors.ok()) return errors.status();
  Journal& res = *results.value();
  Journal& err = *errors.value();

  std::unique_ptr<PlanStore> store;
  if (!o.db_path.empty()) {
    auto st = PlanStore::Open(o.db_path);
    if (!st.ok()) return Status::IoError(o.db_path + ": " + st.status().message());
    store = std::move(st.value());
    if (Status s = SyncStore(store.get(), res, o.out_dir); !s.ok()) return s;
  }

  std::vector<const BatchInput*> todo;
  for (const BatchInput& in : inputs) {
    std::string key = InputKey(in);
    if (ShardOf(key, o.shard_count) != o.shard_index) continue;
    ++sum.in_shard;
    if (res.Has(key) || err.Has(key)) {
      ++sum.skipped;
      continue;
    }
    todo.push_back(&in);
  }

  BatchProgress prog;
  prog.total = todo.size();
  auto report = [&]() {
    prog.seconds = Now() - t0;
    if (progress) progress(prog);
  };
  Status fatal = Status::OK();
  auto finish_one = [&](const BatchInput& in, JournalRecord rec, bool ok, int pages) {
    if (ok && store) {
      std::string path = (fs::path(o.out_dir) / rec.json).string();
      Result<std::string> text = ReadWholeFile(path);
      Status s = text.ok() ? store->Put(text.value(), path) : text.status();
      if (!s.ok()) {
        rec = ErrorRecord(in, "db", s.message());
        ok = false;
      }
    }
    Status s = ok ? res.Append(std::move(rec)) : err.Append(std::move(rec));
    if (!s.ok() && fatal.ok()) fatal = s;
    ++prog.done;
    if (ok) {
      ++sum.read;
      prog.pages += static_cast<size_t>(pages);
    } else {
      ++sum.failed;
      ++prog.failed;
    }
  };

  const Pipeline& p = *pipeline.value();
  WorkerPool pool(o.jobs, o.limits, [&p, &todo, &o](size_t job) {
    const BatchInput& in = *todo[job];
    if (o.worker_hook) o.worker_hook(in.path);
    return ReadOne(p, in, o.out_dir);
  });
  size_t next = 0;
  report();
  while ((next < todo.size() || pool.running() > 0) && fatal.ok()) {
    while (next < todo.size() && !pool.full()) {
      const BatchInput& in = *todo[next];
      size_t job = next++;
      if (!in.error.empty()) {
        finish_one(in, ErrorRecord(in, "input", in.error), false, 0);
        continue;
      }
      Status s = pool.Start(job);
      if (!s.ok()) {
        fatal = s;
        break;
      }
    }
    for (WorkerExit& e : pool.Wait(0.5)) {
      const BatchInput& in = *todo[e.job];
      sum.max_rss_kb = std::max(sum.max_rss_kb, e.max_rss_kb);
      json j = json::parse(e.output, nullptr, false);
      bool parsed = !j.is_discarded() && j.is_object() && j.contains("ok");
      if (e.how == WorkerExit::How::kExited && e.code == 0 && parsed) {
        bool ok = j["ok"].get<bool>();
        int pages = j.value("pages", 0);
        j["seconds"] = std::round(e.seconds * 1000) / 1000;
        j["max_rss_mb"] = std::round(e.max_rss_kb / 102.4) / 10;
        finish_one(in, MakeRecord(in, std::move(j)), ok, pages);
        continue;
      }
      std::string stage = "crash", reason;
      // Poppler meets a failed allocation with abort(), not bad_alloc: a
      // worker that dies of a signal holding half its limit or more in
      // resident memory (the limit counts address space, which is larger)
      // is taken to have hit the memory limit.
      bool near_limit = o.limits.memory_mb > 0 && e.how == WorkerExit::How::kSignaled &&
                        e.max_rss_kb >= static_cast<long>(o.limits.memory_mb * 1024 / 2);
      if (e.how == WorkerExit::How::kTimedOut) {
        stage = "timeout";
        char buf[64];
        std::snprintf(buf, sizeof buf, "no result within the time limit of %g s", o.limits.seconds);
        reason = buf;
      } else if ((e.how == WorkerExit::How::kExited && e.code == 3) || near_limit ||
                 e.how == WorkerExit::How::kOverMemory) {
        stage = "memory";
        reason = "the memory limit of " + std::to_string(o.limits.memory_mb) + " MB was exceeded (" +
                 std::to_string(e.max_rss_kb / 1024) + " MB resident" +
                 (e.how == WorkerExit::How::kSignaled ? ", then " + SignalName(e.code) : std::string()) + ")";
      } else if (e.how == WorkerExit::How::kSignaled) {
        reason = "the worker died of " + SignalName(e.code);
      } else {
        reason = "the worker exited with status " + std::to_string(e.code) +
                 (e.output.empty() ? std::string() : ": " + e.output.substr(0, 200));
      }
      if (!e.stderr_tail.empty() && e.how != WorkerExit::How::kTimedOut) reason += "; last words: " + e.stderr_tail;
      finish_one(in, ErrorRecord(in, stage, reason), false, 0);
    }
    report();
  }
  pool.KillAll();
  if (!fatal.ok()) return fatal;
  if (Status s = res.Finish(); !s.ok()) return s;
  if (Status s = err.Finish(); !s.ok()) return s;
  sum.pages = prog.pages;
  sum.errors = err.size();
  sum.seconds = Now() - t0;
  return sum;
}

Result<BatchSummary> MergeBatches(const std::vector<std::string>& shard_dirs, const std::string& out_dir,
                                  const std::string& db_path) {
  double t0 = Now();
  BatchSummary sum;
  FolderLock lock;
  if (Status s = PrepareFolder(out_dir, &lock); !s.ok()) return s;
  auto results = Journal::Open(out_dir + "/results.jsonl", [&](const JournalRecord& r) { return OutputIntact(out_dir, r); });
  if (!results.ok()) return results.status();
  auto errors = Journal::Open(out_dir + "/errors.jsonl", [](const JournalRecord&) { return true; });
  if (!errors.ok()) return errors.status();
  Journal& res = *results.value();
  Journal& err = *errors.value();
  for (const std::string& dir : shard_dirs) {
    std::error_code same_ec;
    if (fs::equivalent(dir, out_dir, same_ec)) continue;
    if (!fs::exists(fs::path(dir) / "results.jsonl")) return Status::InvalidInput(dir + ": not a batch folder (no results.jsonl)");
    // The shard's journals are only read: nothing is dropped or rewritten there.
    for (const char* name : {"results.jsonl", "errors.jsonl"}) {
      Result<std::vector<JournalRecord>> records = ReadJournal((fs::path(dir) / name).string());
      if (!records.ok()) return records.status();
      for (JournalRecord& r : records.value()) {
        if (name[0] == 'e') {
          if (!res.Has(r.key)) {
            if (Status s = err.Append(std::move(r)); !s.ok()) return s;
          }
          continue;
        }
        if (res.Has(r.key) || !OutputIntact(dir, r)) continue;
        fs::path from = fs::path(dir) / r.json, to = fs::path(out_dir) / r.json;
        std::error_code ec;
        fs::remove(to, ec);
        fs::create_hard_link(from, to, ec);
        if (ec) {
          ec.clear();
          fs::copy_file(from, to, fs::copy_options::overwrite_existing, ec);
          if (ec) return Status::IoError(to.string() + ": " + ec.message());
        }
        err.Remove(r.key);  // read in another shard: not a failure
        if (Status s = res.Append(std::move(r)); !s.ok()) return s;
      }
    }
  }
  if (!db_path.empty()) {
    auto st = PlanStore::Open(db_path);
    if (!st.ok()) return Status::IoError(db_path + ": " + st.status().message());
    if (Status s = SyncStore(st.value().get(), res, out_dir); !s.ok()) return s;
  }
  if (Status s = res.Finish(); !s.ok()) return s;
  if (Status s = err.Finish(); !s.ok()) return s;
  sum.read = res.size();
  sum.errors = err.size();
  sum.inputs = sum.read + sum.errors;
  sum.seconds = Now() - t0;
  return sum;
}

}  // namespace kh
