#!/usr/bin/env python3
"""Throughput benchmark: kehoach batch against Poppler's own pdftotext.

  bench/run.sh [--docs 240] [--work DIR] [--kehoach build/kehoach]

1. Builds a corpus of plan PDFs (default 240) from the bundled corpus with
   qpdf: each one a different mix of pages of the six corpus plans (one plan
   whole, plus a run of pages of another, in another order), so no two are
   alike and lengths vary (2 to 17 pages).
2. Times, over the same files, one after the other:
     pdftotext   one process per file, text to a file (Poppler's floor);
     batch -j1   kehoach batch, one worker;
     batch -j2   kehoach batch, two workers;
     batch -j2 --db   the same, loading the SQLite database too.
   Each is run --repeat times (default 3), the best time kept; the batch folder
   is new for each run, so nothing is skipped.
3. Scaling: plans of 10, 100 and 1000 pages (the corpus repeated), each read
   by pdftotext and by kehoach batch -j1: time, pages per second and the
   worker's peak memory.
4. Flat memory: the workers' peak memory over batches of 30 and of all docs.
Prints Markdown tables (paste them into bench/RESULTS.md).
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kw)


def pages_of(pdf):
    out = subprocess.run(["qpdf", "--show-npages", pdf], capture_output=True, text=True, check=True)
    return int(out.stdout.strip())


def build_corpus(work, n):
    src = sorted(os.path.join(ROOT, "corpus", f) for f in os.listdir(os.path.join(ROOT, "corpus")) if f.endswith(".pdf"))
    npages = [pages_of(p) for p in src]
    out = os.path.join(work, "docs")
    if os.path.isdir(out) and len(os.listdir(out)) == n:
        return out
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    for k in range(n):
        a = k % len(src)
        b = (k // len(src) + a + 1) % len(src)
        # a run of pages of plan b, its start and length varying with k
        start = 1 + (k * 7) % npages[b]
        end = min(npages[b], start + (k * 3) % 8)
        args = ["qpdf", "--empty", "--pages", src[a], "1-z", src[b], f"{start}-{end}"]
        if k % 3 == 1:  # the borrowed pages first
            args = ["qpdf", "--empty", "--pages", src[b], f"{start}-{end}", src[a], "1-z"]
        run(args + ["--", os.path.join(out, f"plan{k:04d}.pdf")])
    return out


def repeat_doc(work, pages):
    src = [os.path.join(ROOT, "corpus", f) for f in sorted(os.listdir(os.path.join(ROOT, "corpus"))) if f.endswith(".pdf")]
    path = os.path.join(work, f"long{pages}.pdf")
    if os.path.exists(path):
        return path
    parts, total, i = [], 0, 0
    while total < pages:
        p = src[i % len(src)]
        n = min(pages_of(p), pages - total)
        parts += [p, f"1-{n}"]
        total += n
        i += 1
    run(["qpdf", "--empty", "--pages"] + parts + ["--", path])
    return path


def best_of(repeat, fn):
    times = []
    for _ in range(repeat):
        t = fn()
        times.append(t)
    return min(times)


def time_pdftotext(files, work):
    txt = os.path.join(work, "txt")
    shutil.rmtree(txt, ignore_errors=True)
    os.makedirs(txt)
    t0 = time.perf_counter()
    for f in files:
        subprocess.run(["pdftotext", f, os.path.join(txt, os.path.basename(f) + ".txt")], check=True)
    return time.perf_counter() - t0


def time_batch(kehoach, inputs, work, jobs, db=False):
    out = os.path.join(work, f"batch-j{jobs}{'-db' if db else ''}")
    shutil.rmtree(out, ignore_errors=True)
    cmd = [kehoach, "batch"] + inputs + ["-o", out, "-j", str(jobs)]
    if db:
        dbp = os.path.join(work, "plans.sqlite")
        for ext in ("", "-wal", "-shm"):
            if os.path.exists(dbp + ext):
                os.remove(dbp + ext)
        cmd += ["--db", dbp]
    t0 = time.perf_counter()
    r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    t = time.perf_counter() - t0
    if r.returncode != 0:
        sys.exit(f"batch failed ({r.returncode}): {r.stderr}")
    recs = [json.loads(l) for l in open(os.path.join(out, "results.jsonl"))]
    return t, recs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=240)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "kehoach-bench"))
    ap.add_argument("--kehoach", default=os.path.join(ROOT, "build", "kehoach"))
    a = ap.parse_args()
    os.makedirs(a.work, exist_ok=True)
    docs_dir = build_corpus(a.work, a.docs)
    files = sorted(os.path.join(docs_dir, f) for f in os.listdir(docs_dir))
    pages = sum(pages_of(f) for f in files)
    cpus = os.cpu_count()
    print(f"## Throughput: {len(files)} plans, {pages} pages, {cpus} CPUs\n")
    print("| run | seconds (best of %d) | pages/s | × pdftotext time | worker peak memory (max / median) |" % a.repeat)
    print("|---|---:|---:|---:|---:|")
    floor = best_of(a.repeat, lambda: time_pdftotext(files, a.work))
    print(f"| pdftotext, one process per file | {floor:.2f} | {pages / floor:.0f} | 1.00 | |")
    results = {}
    for jobs, db in ((1, False), (2, False), (2, True)):
        best, recs = None, None
        for _ in range(a.repeat):
            t, r = time_batch(a.kehoach, [docs_dir], a.work, jobs, db)
            if best is None or t < best:
                best, recs = t, r
        rss = [r["max_rss_mb"] for r in recs]
        results[(jobs, db)] = best
        name = f"kehoach batch -j{jobs}" + (" --db" if db else "")
        print(f"| {name} | {best:.2f} | {pages / best:.0f} | {best / floor:.2f} | {max(rss):.0f} MB / {statistics.median(rss):.0f} MB |")
    print(f"\n-j2 throughput / -j1 throughput: **{results[(1, False)] / results[(2, False)]:.2f}×**\n")

    print("## Scaling with document length (one document, batch -j1)\n")
    print("| pages | pdftotext s | kehoach s | × pdftotext | kehoach pages/s | worker peak memory |")
    print("|---:|---:|---:|---:|---:|---:|")
    for n in (10, 100, 1000):
        doc = repeat_doc(a.work, n)
        ft = best_of(a.repeat, lambda: time_pdftotext([doc], a.work))
        best, recs = None, None
        for _ in range(a.repeat):
            t, r = time_batch(a.kehoach, [doc], a.work, 1)
            if best is None or t < best:
                best, recs = t, r
        print(f"| {n} | {ft:.3f} | {best:.3f} | {best / ft:.2f} | {n / best:.0f} | {recs[0]['max_rss_mb']:.0f} MB |")

    print("\n## Memory across batch size (batch -j2)\n")
    print("| documents | worker peak max | worker peak median |")
    print("|---:|---:|---:|")
    few = os.path.join(a.work, "few")
    shutil.rmtree(few, ignore_errors=True)
    os.makedirs(few)
    for f in files[:30]:
        os.symlink(f, os.path.join(few, os.path.basename(f)))
    for label, inp in (("30", few), (str(len(files)), docs_dir)):
        _, recs = time_batch(a.kehoach, [inp], a.work, 2)
        rss = [r["max_rss_mb"] for r in recs]
        print(f"| {label} | {max(rss):.0f} MB | {statistics.median(rss):.0f} MB |")


if __name__ == "__main__":
    main()
