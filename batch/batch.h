// batch: a whole archive of plans, one JSON per plan, safely and in parallel.
//
//   BatchOptions o;
//   o.inputs = {"archive/"};  o.out_dir = "out";  o.jobs = 2;
//   Result<BatchSummary> s = RunBatch(o, [](const BatchProgress& p) { ... });
//
// The batch folder (out_dir) holds
//   json/NAME-SHA12.json  one plan JSON per document (NAME: the PDF's name,
//                         SHA12: the first 12 hex digits of its sha256)
//   results.jsonl         one line per document read: file, sha256, json,
//                         pages, the plan's number/issuer/province/date, counts,
//                         seconds and the worker's peak memory
//   errors.jsonl          one line per document that failed: file, sha256,
//                         stage ("input", "read", "timeout", "memory",
//                         "crash", "write", "db") and reason
// Both .jsonl files end sorted by path, whatever -j is.  Documents are keyed
// by content (sha256): identical files are read once (the record lists the
// other paths under "also"); a rerun skips every document already in either
// file and reads only the rest, so a run that was killed, at any moment, is
// finished by running it again.  Every output is written atomically, and a
// document's JSON is in place before its record is.
//
// Documents are read in worker processes (WorkerPool, which reuses a worker
// for many documents and replaces it after any failure) under the time and
// memory limits; a hang, a crash or a blown memory limit is an error record.
//
// The batch never prints; progress comes through the callback.
#ifndef KEHOACH_BATCH_BATCH_H_
#define KEHOACH_BATCH_BATCH_H_

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "batch/worker_pool.h"
#include "common/status.h"
#include "pipeline/pipeline.h"

namespace kh {

struct BatchOptions {
  std::vector<std::string> inputs;  // PDFs, folders, manifests (batch/inputs.h)
  std::string out_dir;
  int jobs = 1;                     // worker processes at once
  WorkerLimits limits;
  int shard_index = 0;              // read only the documents of shard
  int shard_count = 1;              // shard_index of shard_count (inputs.h ShardOf)
  std::string db_path;              // load results into this SQLite file; "" = none
  bool retry_errors = false;        // read the documents in errors.jsonl again
  PipelineOptions pipeline;
  // For tests of isolation: called in the worker before a document is read
  // (to make it crash or hang as a hostile PDF would).  Empty in real runs.
  std::function<void(const std::string& path)> worker_hook;
};

struct BatchProgress {
  size_t total = 0;    // documents of this run (in the shard, not yet done)
  size_t done = 0;     // of those, finished (read or failed)
  size_t failed = 0;   // of those, failed
  size_t pages = 0;    // pages read so far
  double seconds = 0;  // since the run started
};

struct BatchSummary {
  size_t inputs = 0;    // documents given (after merging identical files)
  size_t in_shard = 0;  // of those, in this run's shard
  size_t skipped = 0;   // already done by an earlier run
  size_t read = 0;      // read now
  size_t failed = 0;    // failed now
  size_t errors = 0;    // records in errors.jsonl at the end (now and before)
  size_t pages = 0;     // pages read now
  double seconds = 0;
  long max_rss_kb = 0;  // the largest worker's peak memory
};

// Fails (without touching any document) only when the batch cannot run at
// all: the folder cannot be made or is in use by another batch, the rules or
// the database do not load.
Result<BatchSummary> RunBatch(const BatchOptions& options, const std::function<void(const BatchProgress&)>& progress);

// Merges the batch folders of shards into one: results.jsonl, errors.jsonl
// and json/ (files hard-linked where possible, else copied), and loads the
// database if db_path is set.  A document in several shards' results is kept
// once; one that failed in one shard and was read in another counts as read.
// The summary counts the merged folder: read (results), errors, inputs (both).
Result<BatchSummary> MergeBatches(const std::vector<std::string>& shard_dirs, const std::string& out_dir,
                                  const std::string& db_path);

}  // namespace kh

#endif  // KEHOACH_BATCH_BATCH_H_
