#!/usr/bin/env bash
# The throughput benchmark (see bench.py): builds ~240 plan PDFs with qpdf,
# then times pdftotext, kehoach batch -j1 and -j2 over them, and plans of
# 10, 100 and 1000 pages.  Prints Markdown tables for bench/RESULTS.md.
# Needs a Release-like build (the default RelWithDebInfo) at build/kehoach.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v qpdf >/dev/null || { echo "bench: qpdf is missing (bash scripts/setup.sh)" >&2; exit 1; }
[ -x build/kehoach ] || { echo "bench: build first: cmake -S . -B build && cmake --build build -j2" >&2; exit 1; }
exec python3 bench/bench.py "$@"
