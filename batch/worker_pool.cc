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
#include <cstdint>
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

// A result on the wire: this header, then `size` bytes of output.
struct Frame {
  uint64_t size;
  int64_t code;
  int64_t max_rss_kb;  // the job's peak
  int64_t rss_kb;      // what the worker holds after it
};

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

// This process's peak and current resident memory in KB, from
// /proc/self/status (false if it cannot be read).
bool OwnMemoryKb(long* peak, long* now) {
  FILE* f = std::fopen("/proc/self/status", "r");
  if (f == nullptr) return false;
  char line[256];
  int found = 0;
  while (found < 2 && std::fgets(line, sizeof line, f) != nullptr) {
    if (std::sscanf(line, "VmHWM: %ld", peak) == 1 || std::sscanf(line, "VmRSS: %ld", now) == 1) ++found;
  }
  std::fclose(f);
  return found == 2;
}

// Starts a new peak for this process (Linux >= 4.0); false if it cannot.
bool ResetPeak() {
  int fd = open("/proc/self/clear_refs", O_WRONLY | O_CLOEXEC);
  if (fd < 0) return false;
  bool ok = write(fd, "5", 1) == 1;
  close(fd);
  return ok;
}

double Now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// Reads exactly n bytes; false at end of file or on an error.
bool ReadExactly(int fd, void* data, size_t n) {
  char* p = static_cast<char*>(data);
  while (n > 0) {
    ssize_t r = read(fd, p, n);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return false;
    p += r;
    n -= static_cast<size_t>(r);
  }
  return true;
}

// The worker: one job after another until its job pipe closes.
[[noreturn]] void RunWorker(int from_parent, int to_parent, pid_t parent, const WorkerLimits& limits,
                            const std::function<std::string(size_t)>& run) {
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
  struct rlimit cpu_hard {};
  getrlimit(RLIMIT_CPU, &cpu_hard);
  for (;;) {
    uint64_t job = 0;
    if (!ReadExactly(from_parent, &job, sizeof job)) _exit(0);
    if (limits.seconds > 0) {
      // The backstop counts this job's CPU time: the worker's so far, plus.
      struct rusage ru {};
      getrusage(RUSAGE_SELF, &ru);
      rlim_t cpu = static_cast<rlim_t>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
                   static_cast<rlim_t>(std::ceil(limits.seconds)) + 5;
      struct rlimit rl = {std::min(cpu, cpu_hard.rlim_max), cpu_hard.rlim_max};
      setrlimit(RLIMIT_CPU, &rl);
    }
    bool own_peak = ResetPeak();
    std::string out;
    int code = 0;
    try {
      out = run(static_cast<size_t>(job));
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
    long peak = 0, now = 0;
    if (!OwnMemoryKb(&peak, &now) || !own_peak) {
      struct rusage ru {};
      getrusage(RUSAGE_SELF, &ru);
      peak = ru.ru_maxrss;
    }
    Frame f = {out.size(), code, peak, now};
    if (!WriteAll(to_parent, std::string_view(reinterpret_cast<const char*>(&f), sizeof f)).ok() ||
        !WriteAll(to_parent, out).ok()) {
      _exit(5);
    }
  }
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

WorkerPool::WorkerPool(int max_workers, WorkerLimits limits, std::function<std::string(size_t)> run)
    : max_workers_(std::max(1, max_workers)), limits_(limits), run_(std::move(run)) {
  workers_.resize(static_cast<size_t>(max_workers_));
}

WorkerPool::~WorkerPool() { KillAll(); }

size_t WorkerPool::running() const {
  return static_cast<size_t>(std::count_if(workers_.begin(), workers_.end(), [](const Worker& w) { return w.busy; }));
}

Result<WorkerPool::Worker*> WorkerPool::Spawn() {
  Worker* slot = nullptr;
  for (Worker& w : workers_) {
    if (w.pid < 0) slot = &w;
  }
  if (slot == nullptr) return Status::Internal("worker pool is full");
  int to[2] = {-1, -1}, from[2] = {-1, -1}, err[2] = {-1, -1};
  auto close_all = [&] {
    for (int fd : {to[0], to[1], from[0], from[1], err[0], err[1]}) {
      if (fd >= 0) close(fd);
    }
  };
  if (pipe2(to, O_CLOEXEC) != 0 || pipe2(from, O_CLOEXEC) != 0 || pipe2(err, O_CLOEXEC) != 0) {
    int e = errno;
    close_all();
    return Status::IoError(std::string("pipe: ") + std::strerror(e));
  }
  pid_t parent = getpid();
  pid_t pid = fork();
  if (pid < 0) {
    int e = errno;
    close_all();
    return Status::IoError(std::string("fork: ") + std::strerror(e));
  }
  if (pid == 0) {
    close(to[1]);
    close(from[0]);
    close(err[0]);
    dup2(err[1], STDERR_FILENO);
    close(err[1]);
    // The other workers' pipes are inherited; closing them keeps their end
    // of file prompt when those workers exit or are retired.
    for (const Worker& w : workers_) {
      for (int fd : {w.to, w.from, w.err}) {
        if (fd >= 0) close(fd);
      }
    }
    RunWorker(to[0], from[1], parent, limits_, run_);
  }
  close(to[0]);
  close(from[1]);
  close(err[1]);
  fcntl(err[0], F_SETFL, O_NONBLOCK);  // drained after each job, never waited on
  ++forks_;
  *slot = Worker{};
  slot->pid = pid;
  slot->to = to[1];
  slot->from = from[0];
  slot->err = err[0];
  return slot;
}

Status WorkerPool::Start(size_t job) {
  if (full()) return Status::Internal("worker pool is full");
  Worker* w = nullptr;
  for (Worker& x : workers_) {
    if (x.pid >= 0 && !x.busy) w = &x;
  }
  for (int attempt = 0; attempt < 2; ++attempt) {
    if (w == nullptr) {
      Result<Worker*> s = Spawn();
      if (!s.ok()) return s.status();
      w = s.value();
    }
    uint64_t id = job;
    // An idle worker that died (killed from outside) has no reader: the
    // write fails with EPIPE, not a SIGPIPE for the parent, and a new
    // worker takes the job.
    struct sigaction ignore {}, old {};
    ignore.sa_handler = SIG_IGN;
    sigaction(SIGPIPE, &ignore, &old);
    ssize_t n;
    do {
      n = write(w->to, &id, sizeof id);
    } while (n < 0 && errno == EINTR);
    sigaction(SIGPIPE, &old, nullptr);
    if (n == static_cast<ssize_t>(sizeof id)) {
      w->busy = true;
      w->job = job;
      w->start = Now();
      w->in.clear();
      w->err_tail.clear();
      return Status::OK();
    }
    Retire(*w, nullptr, WorkerExit::How::kTimedOut);
    w = nullptr;
  }
  return Status::IoError("a new worker did not take its job");
}

void WorkerPool::DrainStderr(Worker& w) {
  if (w.err < 0) return;
  char buf[4096];
  for (;;) {
    ssize_t r = read(w.err, buf, sizeof buf);
    if (r > 0) {
      KeepTail(&w.err_tail, buf, static_cast<size_t>(r));
      continue;
    }
    if (r < 0 && errno == EINTR) continue;
    if (r == 0 || errno != EAGAIN) {
      close(w.err);
      w.err = -1;
    }
    return;  // EAGAIN: nothing more for now
  }
}

void WorkerPool::Retire(Worker& w, WorkerExit* e, WorkerExit::How killed) {
  if (w.pid < 0) return;
  bool by_us = killed != WorkerExit::How::kExited;
  if (by_us) kill(w.pid, SIGKILL);
  int st = 0;
  struct rusage ru {};
  while (wait4(w.pid, &st, 0, &ru) < 0 && errno == EINTR) {
  }
  // Whatever the worker wrote last is in the pipe (it has exited).
  DrainStderr(w);
  if (e != nullptr) {
    e->job = w.job;
    e->seconds = Now() - w.start;
    e->max_rss_kb = ru.ru_maxrss;
    e->stderr_tail = LastLine(w.err_tail);
    if (by_us) {
      e->how = killed;
      e->code = SIGKILL;
    } else if (WIFSIGNALED(st)) {
      e->how = WorkerExit::How::kSignaled;
      e->code = WTERMSIG(st);
    } else {
      e->how = WorkerExit::How::kExited;
      e->code = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
      if (e->code == 0) e->code = 5;  // it ended without sending the job's result
    }
  }
  for (int fd : {w.to, w.from, w.err}) {
    if (fd >= 0) close(fd);
  }
  w = Worker{};
}

std::vector<WorkerExit> WorkerPool::Wait(double max_wait_seconds) {
  std::vector<WorkerExit> done;
  double until = Now() + std::max(0.0, max_wait_seconds);
  bool watch_memory = !kAddressSpaceLimit && limits_.memory_mb > 0;
  while (done.empty() && running() > 0) {
    double now = Now();
    // The nearest deadline: the wait's own or a job's time limit.
    double next = until;
    if (limits_.seconds > 0) {
      for (const Worker& w : workers_) {
        if (w.busy) next = std::min(next, w.start + limits_.seconds);
      }
    }
    if (watch_memory) next = std::min(next, now + 0.05);
    // Two descriptors per busy worker: its results, then its stderr.
    std::vector<struct pollfd> fds;
    std::vector<Worker*> polled;
    for (Worker& w : workers_) {
      if (!w.busy) continue;
      fds.push_back({w.from, POLLIN, 0});
      fds.push_back({w.err, POLLIN, 0});
      polled.push_back(&w);
    }
    int ms = static_cast<int>(std::ceil(std::max(0.0, next - now) * 1000));
    int n = poll(fds.data(), fds.size(), ms);
    if (n < 0 && errno != EINTR) break;
    now = Now();
    for (size_t i = 0; i < polled.size(); ++i) {
      Worker& w = *polled[i];
      bool dead = false;
      if (n > 0 && (fds[2 * i + 1].revents & (POLLIN | POLLHUP | POLLERR)) != 0) DrainStderr(w);
      if (n > 0 && (fds[2 * i].revents & (POLLIN | POLLHUP | POLLERR)) != 0) {
        char buf[1 << 16];
        ssize_t r = read(w.from, buf, sizeof buf);
        if (r > 0) w.in.append(buf, static_cast<size_t>(r));
        else if (r == 0 || errno != EINTR) dead = true;
      }
      Frame f{};
      if (w.in.size() >= sizeof f) std::memcpy(&f, w.in.data(), sizeof f);
      if (w.in.size() >= sizeof f && w.in.size() - sizeof f >= f.size) {
        // The job returned.  What it wrote to stderr came before its result,
        // so it is in the pipe already.
        DrainStderr(w);
        WorkerExit e;
        e.job = w.job;
        e.how = WorkerExit::How::kExited;
        e.code = static_cast<int>(f.code);
        e.output = w.in.substr(sizeof f, f.size);
        e.stderr_tail = LastLine(w.err_tail);
        e.seconds = now - w.start;
        e.max_rss_kb = f.max_rss_kb;
        done.push_back(std::move(e));
        w.busy = false;
        w.in.clear();
        w.err_tail.clear();
        ++w.jobs_done;
        bool worn = limits_.jobs_per_worker > 0 && w.jobs_done >= limits_.jobs_per_worker;
        bool heavy = limits_.memory_mb > 0 && f.rss_kb > static_cast<int64_t>(limits_.memory_mb) * 1024 / 4;
        if (f.code != 0 || worn || heavy || dead) Retire(w, nullptr, WorkerExit::How::kTimedOut);
        continue;
      }
      WorkerExit e;
      if (dead) {
        Retire(w, &e, WorkerExit::How::kExited);
      } else if (limits_.seconds > 0 && now >= w.start + limits_.seconds) {
        Retire(w, &e, WorkerExit::How::kTimedOut);
      } else if (watch_memory && ResidentKb(w.pid) > static_cast<long>(limits_.memory_mb) * 1024) {
        Retire(w, &e, WorkerExit::How::kOverMemory);
      } else {
        continue;
      }
      done.push_back(std::move(e));
    }
    if (done.empty() && now >= until) break;
  }
  return done;
}

void WorkerPool::KillAll() {
  for (Worker& w : workers_) Retire(w, nullptr, WorkerExit::How::kTimedOut);
}

}  // namespace kh
