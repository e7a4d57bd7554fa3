#include "batch/journal.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <nlohmann/json.hpp>

#include "common/files.h"

namespace kh {

bool ParseJournalLine(const std::string& line, JournalRecord* out) {
  nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) return false;
  auto file = j.find("file");
  if (file == j.end() || !file->is_string()) return false;
  JournalRecord r;
  r.file = file->get<std::string>();
  auto sha = j.find("sha256");
  r.key = (sha != j.end() && sha->is_string() && !sha->get_ref<const std::string&>().empty())
              ? sha->get<std::string>()
              : "path:" + r.file;
  if (auto js = j.find("json"); js != j.end() && js->is_string()) r.json = js->get<std::string>();
  if (auto jb = j.find("json_bytes"); jb != j.end() && jb->is_number_integer()) r.json_bytes = jb->get<long long>();
  r.line = line;
  *out = std::move(r);
  return true;
}

Result<std::vector<JournalRecord>> ReadJournal(const std::string& path, bool* damaged) {
  std::vector<JournalRecord> out;
  bool bad = false;
  if (access(path.c_str(), F_OK) == 0) {
    Result<std::string> r = ReadWholeFile(path);
    if (!r.ok()) return Status::IoError(path + ": " + r.status().message());
    const std::string& text = r.value();
    size_t pos = 0;
    while (pos < text.size()) {
      size_t nl = text.find('\n', pos);
      if (nl == std::string::npos) {  // a line cut by a kill
        bad = true;
        break;
      }
      JournalRecord rec;
      if (ParseJournalLine(text.substr(pos, nl - pos), &rec)) out.push_back(std::move(rec));
      else bad = true;
      pos = nl + 1;
    }
  }
  if (damaged != nullptr) *damaged = bad;
  return out;
}

Result<std::unique_ptr<Journal>> Journal::Open(const std::string& path, const Keep& keep) {
  bool dirty = false;
  Result<std::vector<JournalRecord>> read = ReadJournal(path, &dirty);
  if (!read.ok()) return read.status();
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0666);
  if (fd < 0) return Status::IoError(path + ": " + std::strerror(errno));
  std::unique_ptr<Journal> j(new Journal(path, fd));
  for (JournalRecord& r : read.value()) {
    if (!keep(r) || j->records_.count(r.key) != 0) {
      dirty = true;
      continue;
    }
    std::string key = r.key;
    j->records_.emplace(std::move(key), std::move(r));
  }
  if (dirty) {
    if (Status s = j->Rewrite(); !s.ok()) return s;
  }
  return j;
}

Journal::~Journal() {
  if (fd_ >= 0) close(fd_);
}

Status Journal::Append(JournalRecord record) {
  if (records_.count(record.key) != 0) return Status::OK();
  // One write of the whole line: a kill leaves the line whole or cut, and a
  // cut last line is dropped on the next Open.
  if (Status s = WriteAll(fd_, record.line + "\n"); !s.ok()) return Status::IoError(path_ + ": " + s.message());
  records_.emplace(record.key, std::move(record));
  return Status::OK();
}

void Journal::Remove(const std::string& key) { records_.erase(key); }

Status Journal::Rewrite() {
  std::vector<const JournalRecord*> sorted;
  sorted.reserve(records_.size());
  for (const auto& [k, r] : records_) sorted.push_back(&r);
  std::sort(sorted.begin(), sorted.end(), [](const JournalRecord* a, const JournalRecord* b) {
    return a->file != b->file ? a->file < b->file : a->key < b->key;
  });
  std::string text;
  for (const JournalRecord* r : sorted) text += r->line + "\n";
  if (Status s = WriteAtomically(path_, text); !s.ok()) return Status::IoError(path_ + ": " + s.message());
  // The old descriptor points at the replaced file; append to the new one.
  close(fd_);
  fd_ = open(path_.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
  if (fd_ < 0) return Status::IoError(path_ + ": " + std::strerror(errno));
  return Status::OK();
}

Status Journal::Finish() { return Rewrite(); }

}  // namespace kh
