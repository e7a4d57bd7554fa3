#include "batch/inputs.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "common/sha256.h"
#include "extractor/extractor.h"

namespace kh {

namespace fs = std::filesystem;

namespace {

bool HasPdfName(const std::string& p) {
  if (p.size() < 4) return false;
  std::string ext = p.substr(p.size() - 4);
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".pdf";
}

void AddFolder(const std::string& dir, std::vector<std::string>* out) {
  std::vector<std::string> found;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    std::error_code fe;
    if (it->is_regular_file(fe) && HasPdfName(it->path().string())) found.push_back(it->path().string());
  }
  std::sort(found.begin(), found.end());
  out->insert(out->end(), found.begin(), found.end());
}

void AddManifest(const std::string& manifest, std::vector<std::string>* out) {
  std::ifstream in(manifest);
  fs::path base = fs::path(manifest).parent_path();
  std::string line;
  while (std::getline(in, line)) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.pop_back();
    size_t b = line.find_first_not_of(" \t");
    if (b == std::string::npos || line[b] == '#') continue;
    fs::path p(line.substr(b));
    if (p.is_relative() && !base.empty()) p = base / p;
    out->push_back(p.lexically_normal().string());
  }
}

}  // namespace

std::vector<std::string> ExpandInputs(const std::vector<std::string>& inputs) {
  std::vector<std::string> all;
  for (const std::string& in : inputs) {
    std::error_code ec;
    if (fs::is_directory(in, ec)) {
      AddFolder(in, &all);
    } else if (HasPdfName(in) || !fs::exists(in, ec) || CheckPdfHeader(in).ok()) {
      all.push_back(in);  // a missing file is an input that will fail to read
    } else {
      AddManifest(in, &all);
    }
  }
  std::vector<std::string> out;
  std::unordered_set<std::string> seen;
  for (std::string& p : all) {
    if (seen.insert(p).second) out.push_back(std::move(p));
  }
  return out;
}

std::vector<BatchInput> HashInputs(const std::vector<std::string>& paths, int threads) {
  std::vector<BatchInput> hashed(paths.size());
  std::atomic<size_t> next{0};
  auto work = [&]() {
    for (size_t i; (i = next.fetch_add(1)) < paths.size();) {
      BatchInput& in = hashed[i];
      in.path = paths[i];
      std::error_code ec;
      if (fs::is_directory(in.path, ec)) {
        in.error = "is a folder";
        continue;
      }
      uint64_t size = fs::file_size(in.path, ec);
      if (ec) {
        in.error = "cannot read: " + ec.message();
        continue;
      }
      in.bytes = size;
      Result<std::string> sha = Sha256File(in.path);
      if (sha.ok()) in.sha256 = sha.value();
      else in.error = "cannot read: " + sha.status().message();
    }
  };
  int n = std::max(1, std::min<int>(threads, static_cast<int>(paths.size())));
  std::vector<std::thread> pool;
  for (int t = 1; t < n; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();

  std::vector<BatchInput> out;
  std::unordered_map<std::string, size_t> by_sha;
  for (BatchInput& in : hashed) {
    if (!in.sha256.empty()) {
      auto [it, added] = by_sha.emplace(in.sha256, out.size());
      if (!added) {
        out[it->second].also.push_back(in.path);
        continue;
      }
    }
    out.push_back(std::move(in));
  }
  return out;
}

std::string InputKey(const BatchInput& in) { return in.sha256.empty() ? "path:" + in.path : in.sha256; }

int ShardOf(const std::string& key, int count) {
  if (count <= 1) return 0;
  uint64_t v = 0;
  bool hex = key.size() >= 16 && std::all_of(key.begin(), key.begin() + 16, [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
  if (hex) {
    v = std::stoull(key.substr(0, 16), nullptr, 16);
  } else {  // an unreadable file: FNV-1a of its key
    v = 1469598103934665603ULL;
    for (unsigned char c : key) v = (v ^ c) * 1099511628211ULL;
  }
  return static_cast<int>(v % static_cast<uint64_t>(count));
}

bool ParseShard(const std::string& text, int* index, int* count) {
  int i = -1, n = -1;
  char tail = 0;
  if (std::sscanf(text.c_str(), "%d/%d%c", &i, &n, &tail) != 2) return false;
  if (n < 1 || i < 0 || i >= n) return false;
  *index = i;
  *count = n;
  return true;
}

}  // namespace kh
