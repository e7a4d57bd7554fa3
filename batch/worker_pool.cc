#include "batch/worker_pool.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <new>

#include "common/files.h"

namespace kh {

namespace {

#ifdef KEHOACH_SANITIZED
constexpr bool kAddressSpaceLimit = false;  // see worker_pool.h
#else
constexpr bool kAddressSpaceLimit = true;
#endif

// Resident memory of a live process in KB (0 if it cannot be read).
long ResidentKb(pid_t pid) {
  char path[64];
  std::snprintf(path, sizeof path, "/proc/%d/statm", static_cast<int>(pid));
  FILE* f = std::fopen(path, "r");
  if (f == nullptr) return 0;
  long size = 0, resident = 0;
  int n = std::fscanf(f, "%ld %ld", &size, &resident);
  std::fclose(f);
  return n == 2 ? resident * (sysconf(_SC_PAGESIZE) / 1024) : 0;
}

double Now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

[[noreturn]] void RunChild(int fd, pid_t parent, const WorkerLimits& limits, const std::function<std::string()>& fn) {
  // Die with the parent, even if it was already gone before prctl.
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() != parent) _exit(111);
  signal(SIGINT, SIG_DFL);
  signal(SIGTERM, SIG_DFL);
  signal(SIGPIPE, SIG_DFL);
  if (!kAddressSpaceLimit) {
    // A crash is a signal exit here too (ASan would report it and exit 1).
    for (int sig : {SIGSEGV, SIGBUS, SIGFPE, SIGILL}) signal(sig, SIG_DFL);
  }
  if (limits.memory_mb > 0 && kAddressSpaceLimit) {
    rlim_t bytes = static_cast<rlim_t>(limits.memory_mb) << 20;
    struct rlimit rl = {bytes, bytes};
    setrlimit(RLIMIT_AS, &rl);
  }
  if (limits.seconds > 0) {
    rlim_t cpu = static_cast<rlim_t>(std::ceil(limits.seconds)) + 5;
    struct rlimit rl = {cpu, cpu + 5};
    setrlimit(RLIMIT_CPU, &rl);
  }
  std::string out;
  int code = 0;
  try {
    out = fn();
  } catch (const std::bad_alloc&) {
    out = "memory limit exceeded";
    code = 3;
  } catch (const std::exception& e) {
    out = std::string("unexpected error: ") + e.what();
    code = 4;
  } catch (...) {
    out = "unexpected error";
    code = 4;
  }
  if (!WriteAll(fd, out).ok()) _exit(5);
  close(fd);
  _exit(code);
}

// Keeps the last 4 KB of a stream.
void KeepTail(std::string* s, const char* data, size_t n) {
  s->append(data, n);
  if (s->size() > 8192) s->erase(0, s->size() - 4096);
}

std::string LastLine(const std::string& s) {
  size_t end = s.find_last_not_of("\r\n \t");
  if (end == std::string::npos) return "";
  size_t begin = s.rfind('\n', end);
  begin = begin == std::string::npos ? 0 : begin + 1;
  return s.substr(begin, std::min<size_t>(end + 1 - begin, 300));
}

}  // namespace

WorkerPool::WorkerPool(int max_workers, WorkerLimits limits)
    : max_workers_(std::max(1, max_workers)), limits_(limits) {}

WorkerPool::~WorkerPool() { KillAll(); }

Status WorkerPool::Start(size_t job, const std::function<std::string()>& fn) {
  if (full()) return Status::Internal("worker pool is full");
  int fds[2], efds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) return Status::IoError(std::string("pipe: ") + std::strerror(errno));
  if (pipe2(efds, O_CLOEXEC) != 0) {
    int err = errno;
    close(fds[0]);
    close(fds[1]);
    return Status::IoError(std::string("pipe: ") + std::strerror(err));
  }
  pid_t parent = getpid();
  pid_t pid = fork();
  if (pid < 0) {
    int err = errno;
    for (int fd : {fds[0], fds[1], efds[0], efds[1]}) close(fd);
    return Status::IoError(std::string("fork: ") + std::strerror(err));
  }
  if (pid == 0) {
    close(fds[0]);
    close(efds[0]);
    dup2(efds[1], STDERR_FILENO);
    close(efds[1]);
    // Other workers' pipes are inherited; closing them keeps their end of
    // file prompt when those workers exit.
    for (const Worker& w : workers_) {
      if (w.fd >= 0) close(w.fd);
      if (w.err_fd >= 0) close(w.err_fd);
    }
    RunChild(fds[1], parent, limits_, fn);
  }
  close(fds[1]);
  close(efds[1]);
  workers_.push_back({job, pid, fds[0], efds[0], Now(), {}, {}});
  return Status::OK();
}

WorkerExit WorkerPool::Reap(Worker& w, WorkerExit::How killed) {
  bool by_us = killed != WorkerExit::How::kExited;
  if (by_us) kill(w.pid, SIGKILL);
  int st = 0;
  struct rusage ru {};
  while (wait4(w.pid, &st, 0, &ru) < 0 && errno == EINTR) {
  }
  if (w.fd >= 0) close(w.fd);
  w.fd = -1;
  if (w.err_fd >= 0) {
    // Whatever the child wrote last is in the pipe (it has exited).
    fcntl(w.err_fd, F_SETFL, O_NONBLOCK);
    char buf[4096];
    ssize_t r;
    while ((r = read(w.err_fd, buf, sizeof buf)) > 0) KeepTail(&w.err, buf, static_cast<size_t>(r));
    close(w.err_fd);
    w.err_fd = -1;
  }
  WorkerExit e;
  e.stderr_tail = LastLine(w.err);
  e.job = w.job;
  e.seconds = Now() - w.start;
  e.max_rss_kb = ru.ru_maxrss;
  e.output = std::move(w.output);
  if (by_us) {
    e.how = killed;
    e.code = SIGKILL;
  } else if (WIFSIGNALED(st)) {
    e.how = WorkerExit::How::kSignaled;
    e.code = WTERMSIG(st);
  } else {
    e.how = WorkerExit::How::kExited;
    e.code = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  }
  return e;
}

std::vector<WorkerExit> WorkerPool::Wait(double max_wait_seconds) {
  std::vector<WorkerExit> done;
  double until = Now() + std::max(0.0, max_wait_seconds);
  while (done.empty() && !workers_.empty()) {
    double now = Now();
    // The nearest deadline: the wait's own or a worker's time limit.
    double next = until;
    if (limits_.seconds > 0) {
      for (const Worker& w : workers_) next = std::min(next, w.start + limits_.seconds);
    }
    // Two descriptors per worker: its result, then its stderr (-1: ignored).
    std::vector<struct pollfd> fds;
    fds.reserve(2 * workers_.size());
    for (const Worker& w : workers_) {
      fds.push_back({w.fd, POLLIN, 0});
      fds.push_back({w.err_fd, POLLIN, 0});
    }
    bool watch_memory = !kAddressSpaceLimit && limits_.memory_mb > 0;
    if (watch_memory) next = std::min(next, now + 0.05);
    int ms = static_cast<int>(std::ceil(std::max(0.0, next - now) * 1000));
    int n = poll(fds.data(), fds.size(), ms);
    if (n < 0 && errno != EINTR) break;
    now = Now();
    std::vector<size_t> ended;
    for (size_t i = 0; i < workers_.size(); ++i) {
      Worker& w = workers_[i];
      bool eof = false;
      if (n > 0 && w.err_fd >= 0 && (fds[2 * i + 1].revents & (POLLIN | POLLHUP | POLLERR)) != 0) {
        char buf[4096];
        ssize_t r = read(w.err_fd, buf, sizeof buf);
        if (r > 0) {
          KeepTail(&w.err, buf, static_cast<size_t>(r));
        } else if (r == 0 || errno != EINTR) {
          close(w.err_fd);
          w.err_fd = -1;
        }
      }
      if (n > 0 && (fds[2 * i].revents & (POLLIN | POLLHUP | POLLERR)) != 0) {
        char buf[1 << 16];
        ssize_t r = read(w.fd, buf, sizeof buf);
        if (r > 0) w.output.append(buf, static_cast<size_t>(r));
        else if (r == 0 || errno != EINTR) eof = true;
      }
      if (eof) {
        done.push_back(Reap(w, WorkerExit::How::kExited));
        ended.push_back(i);
      } else if (limits_.seconds > 0 && now >= w.start + limits_.seconds) {
        done.push_back(Reap(w, WorkerExit::How::kTimedOut));
        ended.push_back(i);
      } else if (watch_memory && ResidentKb(w.pid) > static_cast<long>(limits_.memory_mb) * 1024) {
        done.push_back(Reap(w, WorkerExit::How::kOverMemory));
        ended.push_back(i);
      }
    }
    for (auto it = ended.rbegin(); it != ended.rend(); ++it) workers_.erase(workers_.begin() + static_cast<long>(*it));
    if (done.empty() && now >= until) break;
  }
  return done;
}

void WorkerPool::KillAll() {
  for (Worker& w : workers_) Reap(w, WorkerExit::How::kTimedOut);
  workers_.clear();
}

}  // namespace kh
