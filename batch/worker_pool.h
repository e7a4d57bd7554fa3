// WorkerPool: runs jobs in child processes, a few at a time, each under a
// time limit and a memory limit, so that a document which makes a library
// hang, crash or eat memory costs that one job and nothing else.
//
//   WorkerPool pool(/*max_workers=*/2, {.seconds = 300, .memory_mb = 2048},
//                   [&](size_t job) { return DoTheWork(inputs[job]); });
//   pool.Start(7);                                  // job 7, in a worker
//   for (const WorkerExit& e : pool.Wait(0.5)) ...  // e.job == 7, e.output ...
//
// A worker is a fork()ed copy of the calling process that runs one job after
// another: the parent sends it a job's id, it calls the pool's function with
// that id and sends back the string the function returns (WorkerExit::output).
// A worker is forked when a job finds no idle one, so it sees everything the
// parent built before that Start (compiled rules, the list of inputs) without
// building it again; nothing it does reaches the parent but its results.  It
// ends with _exit(), so it never runs the parent's destructors or flushes its
// files.  Reusing a worker spares each job a fork, the page faults of a fresh
// copy of the parent, and the dynamic linker's first calls: a third of the
// time of a short born-digital document (bench/RESULTS.md).
//
// A worker is retired (killed, and forked anew when needed) after its job
// ends in anything but a normal return, after `jobs_per_worker` jobs, and when
// it holds more than a quarter of the memory limit between jobs, so that what
// one document leaves behind (a library's leak, a fragmented heap) is bounded
// and a failure never reaches the next job.  A job that crashes or hangs
// takes its worker with it and is reported; the other jobs go on.
//
// Limits: memory is the worker's address space (RLIMIT_AS: an allocation past
// it fails, which the job sees as std::bad_alloc); time is wall-clock time
// since the job's start, enforced by the parent with SIGKILL, with RLIMIT_CPU
// (the job's own CPU time) as a backstop.  max_rss_kb is the worker's peak
// during the job: the worker resets its high-water mark (/proc/self/clear_refs)
// before each job, so an earlier job's peak is not counted, but what the
// worker still holds from earlier jobs (caches, freed heap) is.  In a sanitizer build (KEHOACH_SANITIZED: ASan reserves terabytes of
// address space for its shadow, so RLIMIT_AS cannot be used) the parent
// watches each busy worker's resident memory instead, at least every 50 ms,
// and kills one over the limit (How::kOverMemory); a crash there is still a
// signal exit, not ASan's report of one.
// Workers die with the parent (PR_SET_PDEATHSIG), so killing a batch never
// leaves workers behind.  A worker's stderr is captured, not shown: the last
// line a job wrote comes back in WorkerExit::stderr_tail (Poppler's "Out of
// memory", say).
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
  double seconds = 300;         // wall-clock time per job; <= 0: none
  size_t memory_mb = 2048;      // address space per worker; 0: none
  size_t jobs_per_worker = 64;  // then the worker is retired; 0: no limit
};

struct WorkerExit {
  enum class How {
    kExited,     // the job returned (code 0) or failed in a way it reported (code != 0)
    kSignaled,   // its worker died of a signal (a crash): code is the signal
    kTimedOut,   // it ran past the time limit and its worker was killed
    kOverMemory, // sanitizer builds only: killed for resident memory over the limit
  };
  size_t job = 0;       // the id given to Start
  How how = How::kExited;
  int code = 0;         // 0; 3: std::bad_alloc; 4: another exception; or the signal number
  std::string output;   // what the job returned (or the exception's message)
  std::string stderr_tail;  // the last line the job wrote to stderr (a library's last words)
  double seconds = 0;   // wall-clock time
  long max_rss_kb = 0;  // the worker's peak resident memory during the job
};

class WorkerPool {
 public:
  // `run` is called in a worker, once per job, with the id given to Start.
  WorkerPool(int max_workers, WorkerLimits limits, std::function<std::string(size_t job)> run);
  ~WorkerPool();  // kills and reaps every worker
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Jobs started and not yet returned by Wait.
  size_t running() const;
  bool full() const { return running() >= static_cast<size_t>(max_workers_); }

  // Hands job `job` to an idle worker, forking one if none is idle.  Fails
  // only if the pool is full or the system cannot make a process or a pipe.
  Status Start(size_t job);

  // Waits until at least one job ends (or max_wait_seconds pass, or none is
  // running) and returns the jobs that ended, in the order they ended.
  std::vector<WorkerExit> Wait(double max_wait_seconds);

  // Kills every worker (SIGKILL) and reaps it; running jobs are dropped.
  void KillAll();

  // Workers forked so far (for tests and benchmarks).
  size_t forks() const { return forks_; }

 private:
  struct Worker {
    pid_t pid = -1;
    int to = -1;      // write end of the job pipe
    int from = -1;    // read end of the result pipe
    int err = -1;     // read end of the worker's stderr
    bool busy = false;
    size_t job = 0;
    size_t jobs_done = 0;
    double start = 0;
    std::string in;        // result bytes read so far
    std::string err_tail;  // the last few KB of stderr since the job started
  };
  Result<Worker*> Spawn();
  // Kills (unless it already died) and reaps the worker; fills e from its
  // exit status when e is given.
  void Retire(Worker& w, WorkerExit* e, WorkerExit::How killed);
  void DrainStderr(Worker& w);

  int max_workers_;
  WorkerLimits limits_;
  std::function<std::string(size_t)> run_;
  std::vector<Worker> workers_;
  size_t forks_ = 0;
};

}  // namespace kh

#endif  // KEHOACH_BATCH_WORKER_POOL_H_
