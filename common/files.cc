#include "common/files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace kh {

Status WriteAll(int fd, std::string_view data) {
  const char* p = data.data();
  size_t left = data.size();
  while (left > 0) {
    ssize_t n = write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      return Status::IoError(std::strerror(errno));
    }
    p += n;
    left -= static_cast<size_t>(n);
  }
  return Status::OK();
}

Status WriteAtomically(const std::string& path, std::string_view data, bool sync) {
  std::filesystem::path p(path);
  std::filesystem::path dir = p.has_parent_path() ? p.parent_path() : std::filesystem::path(".");
  std::string tmpl = (dir / ("." + p.filename().string() + ".XXXXXX")).string();
  int fd = mkstemp(tmpl.data());
  if (fd < 0) return Status::IoError(std::strerror(errno));
  mode_t um = umask(0);  // mkstemp makes 0600; give the file the usual permissions
  umask(um);
  fchmod(fd, 0666 & ~um);
  auto fail = [&](Status s) {
    close(fd);
    unlink(tmpl.c_str());
    return s;
  };
  if (Status s = WriteAll(fd, data); !s.ok()) return fail(s);
  if (sync && fsync(fd) != 0) return fail(Status::IoError(std::strerror(errno)));
  if (close(fd) != 0) {
    Status s = Status::IoError(std::strerror(errno));
    unlink(tmpl.c_str());
    return s;
  }
  if (std::rename(tmpl.c_str(), path.c_str()) != 0) {
    Status s = Status::IoError(std::strerror(errno));
    unlink(tmpl.c_str());
    return s;
  }
  return Status::OK();
}

Result<std::string> ReadWholeFile(const std::string& path) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return Status::IoError(std::strerror(errno));
  std::string out;
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
  bool ok = !std::ferror(f);
  int err = errno;
  std::fclose(f);
  if (!ok) return Status::IoError(std::strerror(err));
  return out;
}

bool IsTemporaryName(std::string_view name) {
  // ".NAME.XXXXXX": a dot, a name, a dot and mkstemp's six characters.
  if (name.size() < 9 || name[0] != '.') return false;
  return name[name.size() - 7] == '.';
}

}  // namespace kh
