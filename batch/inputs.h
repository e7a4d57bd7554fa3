// Batch inputs: which PDFs a batch reads, their content keys and shards.
//
// An INPUT on the command line is
//   - a PDF (by its .pdf name, or by its "%PDF-" header whatever its name),
//   - a folder: every *.pdf under it, recursively, in byte order of path,
//   - anything else: a manifest, one path per line (blank lines and lines
//     starting with '#' are skipped; relative paths are relative to the
//     manifest's folder).
// A path that cannot be read is still an input: it becomes an error record,
// never the end of the run.
#ifndef KEHOACH_BATCH_INPUTS_H_
#define KEHOACH_BATCH_INPUTS_H_

#include <cstdint>
#include <string>
#include <vector>

namespace kh {

struct BatchInput {
  std::string path;                // as given or as found
  std::string sha256;              // content key; "" if the file cannot be read
  uint64_t bytes = 0;
  std::string error;               // why it cannot be read ("" if it can)
  std::vector<std::string> also;   // other paths with the same content
};

// Expands INPUTs to paths, in the order given (folders in path order).  A path
// met twice is kept once.
std::vector<std::string> ExpandInputs(const std::vector<std::string>& inputs);

// Hashes every path (on `threads` threads; call before any fork) and merges
// paths of identical content into one input, kept at its first path's place.
std::vector<BatchInput> HashInputs(const std::vector<std::string>& paths, int threads);

// The key a document is stored under: its sha256, or for an unreadable file
// "path:" + its path.
std::string InputKey(const BatchInput& in);

// Shards: a stable split by content.  ShardOf is the key's first 64 bits
// modulo `count`; the same document lands in the same shard on every machine.
int ShardOf(const std::string& key, int count);

// Parses "I/N" (0 <= I < N); false if malformed.
bool ParseShard(const std::string& text, int* index, int* count);

}  // namespace kh

#endif  // KEHOACH_BATCH_INPUTS_H_
