// WorkerPool: runs jobs in child processes, a few at a time, each under a
// time limit and a memory limit, so that a document which makes a library
// hang, crash or eat memory costs that one job and nothing else.
//
//   WorkerPool pool(/*max_workers=*/2, {.seconds = 300, .memory_mb = 2048});
//   pool.Start(7, [&] { return DoTheWork(); });   // runs in a forked child
//   for (const WorkerExit& e : pool.Wait(0.5)) ... // e.job == 7, e.output ...
//
// A job is a function run in a fork()ed copy of the calling process: it sees
// everything built before the fork (compiled rules, say) without building it
// again, and nothing it does reaches the parent except the string it returns,
// which comes back through a pipe as WorkerExit::output.  The child ends with
// _exit(), so it never runs the parent's destructors or flushes its files.
//
// Limits: memory is the child's address space (RLIMIT_AS: an allocation past it
// fails, which the job sees as std::bad_alloc); time is wall-clock time since
// the start, enforced by the parent with SIGKILL, with RLIMIT_CPU as a backstop.
// In a sanitizer build (KEHOACH_SANITIZED: ASan reserves terabytes of address
// space for its shadow, so RLIMIT_AS cannot be used) the parent watches each
// child's resident memory instead, at least every 50 ms, and kills a child
// over the limit (How::kOverMemory); a crash there is still a signal exit,
// not ASan's report of one.
// Children die with the parent (PR_SET_PDEATHSIG), so killing a batch never
// leaves workers behind.  A child's stderr is captured, not shown: its last
// line comes back in WorkerExit::stderr_tail (Poppler's "Out of memory", say).
//
// Not thread-safe: one thread owns the pool.  The caller must not run other
// threads while it Start()s jobs (fork copies only the calling thread).
#ifndef KEHOACH_BATCH_WORKER_POOL_H_
#define KEHOACH_BATCH_WORKER_POOL_H_

#include <sys/types.h>

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "common/status.h"

namespace kh {

struct WorkerLimits {
  double seconds = 300;     // wall-clock time per job; <= 0: none
  size_t memory_mb = 2048;  // address space per job; 0: none
};

struct WorkerExit {
  enum class How {
    kExited,     // the job returned (code 0) or called exit (code != 0)
    kSignaled,   // it died of a signal (a crash): code is the signal
    kTimedOut,   // it ran past the time limit and was killed
    kOverMemory, // sanitizer builds only: killed for resident memory over the limit
  };
  size_t job = 0;       // the id given to Start
  How how = How::kExited;
  int code = 0;         // exit code, or signal number
  std::string output;   // what the job returned (complete only if it exited 0)
  std::string stderr_tail;  // the last line the child wrote to stderr (a library's last words)
  double seconds = 0;   // wall-clock time
  long max_rss_kb = 0;  // the child's peak resident memory
};

class WorkerPool {
 public:
  WorkerPool(int max_workers, WorkerLimits limits);
  ~WorkerPool();  // kills and reaps whatever still runs
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  size_t running() const { return workers_.size(); }
  bool full() const { return workers_.size() >= static_cast<size_t>(max_workers_); }

  // Forks a child that runs `fn` and sends back its result.  Fails only if
  // the pool is full or the system cannot make a process or a pipe.
  Status Start(size_t job, const std::function<std::string()>& fn);

  // Waits until at least one job ends (or max_wait_seconds pass, or none is
  // running) and returns the jobs that ended, in the order they ended.
  std::vector<WorkerExit> Wait(double max_wait_seconds);

  // Kills every running job (SIGKILL) and reaps it.
  void KillAll();

 private:
  struct Worker {
    size_t job;
    pid_t pid;
    int fd;      // read end of the result pipe; -1 once at end of file
    int err_fd;  // read end of the child's stderr; -1 once at end of file
    double start;
    std::string output;
    std::string err;  // the last few KB of the child's stderr
  };
  // killed: kExited if the worker ended by itself, else why it is killed now.
  WorkerExit Reap(Worker& w, WorkerExit::How killed);

  int max_workers_;
  WorkerLimits limits_;
  std::vector<Worker> workers_;
};

}  // namespace kh

#endif  // KEHOACH_BATCH_WORKER_POOL_H_
