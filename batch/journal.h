// Journal: results.jsonl and errors.jsonl, the batch's record of what is done.
//
// One JSON object per line, one line per document.  During a run lines are
// appended as documents finish (each with one write(2) of a whole line, so
// a kill leaves at most one broken last line); at the end of a run the file
// is rewritten, atomically, sorted by the document's path, so its order does
// not depend on -j, shards or restarts.
//
// Open() reads what an earlier run left: a broken line is dropped, a record
// the caller does not `keep` is dropped (say, its JSON output is missing), a
// second record for the same key is dropped; if anything was dropped the file
// is rewritten at once, so that each key is in it exactly once.
#ifndef KEHOACH_BATCH_JOURNAL_H_
#define KEHOACH_BATCH_JOURNAL_H_

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "common/status.h"

namespace kh {

struct JournalRecord {
  std::string key;         // "sha256", or "path:" + file when there is no hash
  std::string file;        // the document's path (the sort key)
  std::string json;        // results only: the output JSON's path relative to the batch folder
  long long json_bytes = -1;
  std::string line;        // the whole record, one line of JSON, no newline
};

// Parses one line; false if it is not a record.
bool ParseJournalLine(const std::string& line, JournalRecord* out);

// Reads a journal file as it stands, without changing it: its whole lines
// that are records, in file order.  *damaged (if given) is set when a line
// was cut or is not a record.  A missing file has no records.
Result<std::vector<JournalRecord>> ReadJournal(const std::string& path, bool* damaged = nullptr);

class Journal {
 public:
  using Keep = std::function<bool(const JournalRecord&)>;
  // Reads (or creates) the journal at `path`; the file stays open for Append.
  static Result<std::unique_ptr<Journal>> Open(const std::string& path, const Keep& keep);
  ~Journal();
  Journal(const Journal&) = delete;
  Journal& operator=(const Journal&) = delete;

  bool Has(const std::string& key) const { return records_.count(key) != 0; }
  const std::map<std::string, JournalRecord>& records() const { return records_; }
  size_t size() const { return records_.size(); }

  // Appends a record (a no-op if its key is there already).
  Status Append(JournalRecord record);
  // Drops a record; Finish() writes the file without it.
  void Remove(const std::string& key);
  // Rewrites the file sorted by path (then key), atomically.
  Status Finish();

 private:
  Journal(std::string path, int fd) : path_(std::move(path)), fd_(fd) {}
  Status Rewrite();
  std::string path_;
  int fd_;
  std::map<std::string, JournalRecord> records_;  // by key
};

}  // namespace kh

#endif  // KEHOACH_BATCH_JOURNAL_H_
