// kehoach: the command line.  It parses flags, builds the pipeline, runs it,
// and writes the JSON; it holds no extraction logic of its own.
//
//   kehoach extract PLAN.pdf [-o OUT.json] [--password PW] [--rules DIR]
//   kehoach text [--blocks|--tables] PLAN.pdf
//   kehoach compare INPUT... [-o DIR] [--group-by province|province_2025]
//                                       (INPUT: plan JSON, plan PDF or a folder)
//   kehoach batch INPUT... -o DIR [-j N] [--db FILE] [--shard I/N] ...
//   kehoach merge SHARD_DIR... -o DIR [--db FILE]
//
// Exit status: 0 done; 2 the input could not be read (one line on stderr:
// "kehoach: FILE: reason"; no output file is left behind); 1 anything else
// (usage, rules, writing the output).  batch and merge: 0 every document was
// read; 2 some failed (see DIR/errors.jsonl); 1 the batch could not run.
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>

#include <cmath>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <string>

#include <CLI/CLI.hpp>

#include "batch/batch.h"
#include "batch/inputs.h"
#include "common/files.h"
#include "compare/compare.h"
#include "extractor/extractor.h"
#include "extractor/layout.h"
#include "output/json_writer.h"
#include "output/text_writer.h"
#include "pipeline/pipeline.h"

namespace {

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// kehoach compare: reads plan JSONs (or PDFs, extracted on the way), writes
// DIR/compare.csv, DIR/compare.xlsx and DIR/compare.html.  A bad input is
// one line on stderr and exit 2 at the end; the others are still compared.
int RunCompare(const std::vector<std::string>& inputs, const std::string& out_dir, kh::GroupBy by,
               const kh::PipelineOptions& opts) {
  namespace fs = std::filesystem;
  int status = 0;
  std::vector<kh::PlanSummary> plans;
  std::vector<std::string> pdfs;
  // Reads one plan JSON; `quiet` for files met in a folder, which may hold other JSON.
  auto load = [&](const std::string& path, bool quiet) {
    kh::Result<std::string> text = kh::ReadWholeFile(path);
    if (!text.ok()) {
      if (!quiet) {
        std::cerr << "kehoach: " << path << ": cannot read: " << text.status().message() << "\n";
        status = 2;
      }
      return false;
    }
    kh::Result<kh::PlanSummary> p = kh::ReadPlanJson(text.value());
    if (!p.ok()) {
      if (!quiet) {
        std::cerr << "kehoach: " << path << ": " << p.status().message() << "\n";
        status = 2;
      }
      return false;
    }
    plans.push_back(std::move(p.value()));
    return true;
  };
  for (const std::string& in : inputs) {
    std::error_code ec;
    if (fs::is_directory(in, ec)) {
      std::vector<std::string> dj, dp;
      for (auto it = fs::recursive_directory_iterator(in, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (!it->is_regular_file()) continue;
        std::string p = it->path().string();
        if (EndsWith(p, ".json")) dj.push_back(p);
        else if (EndsWith(p, ".pdf") || EndsWith(p, ".PDF")) dp.push_back(p);
      }
      std::sort(dj.begin(), dj.end());
      std::sort(dp.begin(), dp.end());
      // A folder of outputs is read as such; a folder of PDFs is extracted.
      size_t found = 0;
      for (const std::string& p : dj) found += load(p, /*quiet=*/true);
      if (found == 0) pdfs.insert(pdfs.end(), dp.begin(), dp.end());
    } else if (EndsWith(in, ".pdf") || EndsWith(in, ".PDF")) {
      pdfs.push_back(in);
    } else {
      load(in, /*quiet=*/false);
    }
  }
  if (!pdfs.empty()) {
    auto pipeline = kh::Pipeline::Create(opts);
    if (!pipeline.ok()) {
      std::cerr << "kehoach: rules: " << pipeline.status().message() << "\n";
      return 1;
    }
    for (const std::string& path : pdfs) {
      kh::Result<kh::PlanResult> r = pipeline.value()->Run(path);
      kh::Result<kh::PlanSummary> p = r.ok() ? kh::ReadPlanJson(kh::ToJson(r.value())) : kh::Result<kh::PlanSummary>(r.status());
      if (!p.ok()) {
        std::cerr << "kehoach: " << path << ": " << p.status().message() << "\n";
        status = 2;
        continue;
      }
      plans.push_back(std::move(p.value()));
    }
  }
  if (plans.empty()) {
    std::cerr << "kehoach: compare: no plan to compare\n";
    return 2;
  }
  auto rules = opts.rules_dir.empty() ? kh::DefaultRuleData() : kh::LoadRuleData(opts.rules_dir);
  if (!rules.ok()) {
    std::cerr << "kehoach: rules: " << rules.status().message() << "\n";
    return 1;
  }
  kh::Comparison c = kh::Compare(std::move(plans), *rules.value(), by);
  std::error_code ec;
  fs::create_directories(out_dir, ec);
  fs::path dir(out_dir);
  for (auto [name, data] : {std::pair{"compare.csv", kh::ToCsv(c)}, std::pair{"compare.html", kh::ToHtml(c)}}) {
    if (kh::Status ws = kh::WriteAtomically((dir / name).string(), data); !ws.ok()) {
      std::cerr << "kehoach: " << (dir / name).string() << ": cannot write: " << ws.message() << "\n";
      return 1;
    }
  }
  kh::Status xs = kh::WriteXlsx(c, (dir / "compare.xlsx").string());
  if (!xs.ok()) {
    std::cerr << "kehoach: " << xs.message() << "\n";
    return 1;
  }
  std::cerr << "kehoach: compared " << c.plans.size() << " plans on " << c.indicators.size() << " indicators -> "
            << (dir / "compare.{csv,xlsx,html}").string() << "\n";
  return status;
}

std::string Clock(double s) {
  long t = std::lround(std::max(0.0, s));
  char buf[32];
  if (t >= 3600) std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", t / 3600, t / 60 % 60, t % 60);
  else std::snprintf(buf, sizeof buf, "%ld:%02ld", t / 60, t % 60);
  return buf;
}

// Progress on a terminal, one line redrawn; nothing when stderr is not one.
class ProgressLine {
 public:
  ProgressLine() : tty_(isatty(STDERR_FILENO) != 0) {}
  void Update(const kh::BatchProgress& p) {
    if (!tty_ || p.total == 0) return;
    double rate = p.seconds > 0 ? p.pages / p.seconds : 0;
    std::string eta = p.done > 0 ? Clock(p.seconds / p.done * (p.total - p.done)) : "-";
    std::fprintf(stderr, "\r\033[K[%zu/%zu] %3.0f%%  %.0f pages/s  ETA %s  %zu failed", p.done, p.total,
                 100.0 * p.done / p.total, rate, eta.c_str(), p.failed);
    drawn_ = true;
  }
  void End() {
    if (drawn_) std::fprintf(stderr, "\r\033[K");
  }

 private:
  bool tty_;
  bool drawn_ = false;
};

void PrintSummary(const char* what, const kh::BatchSummary& s, const std::string& dir) {
  std::fprintf(stderr,
               "kehoach: %s: %zu documents: %zu read now, %zu done before, %zu failed now; %zu pages in %.1f s "
               "(%.0f pages/s) -> %s/results.jsonl",
               what, s.in_shard, s.read, s.skipped, s.failed, s.pages, s.seconds, s.seconds > 0 ? s.pages / s.seconds : 0.0,
               dir.c_str());
  if (s.errors > 0) std::fprintf(stderr, "; %zu failures in %s/errors.jsonl", s.errors, dir.c_str());
  std::fprintf(stderr, "\n");
}

}  // namespace

int main(int argc, char** argv) {
  // Tesseract runs its LSTM under OpenMP; on a busy machine (a batch has a
  // worker per core) its threads spin against each other and OCR gets about
  // four times slower.  libgomp reads OMP_THREAD_LIMIT only when it is
  // loaded, so set it and start again, once.  A value the user set wins.
  if (std::getenv("OMP_THREAD_LIMIT") == nullptr) {
    setenv("OMP_THREAD_LIMIT", "1", 1);
    execv("/proc/self/exe", argv);  // returns only on failure: then go on as we are
  }
  CLI::App app{"kehoach: Vietnamese government plans (Kế hoạch), PDF -> structured JSON"};
  app.set_version_flag("--version", std::string("kehoach ") + KEHOACH_VERSION);
  app.require_subcommand(1);

  std::string input, output, password, rules_dir;
  std::string ocr_mode = "auto";
  const char* ocr_help = "Read scanned pages by OCR: auto (pages with no usable text), always, never";
  auto ocr_check = CLI::IsMember({"auto", "always", "never"});
  CLI::App* extract = app.add_subcommand("extract", "Read one plan PDF and write its JSON");
  extract->add_option("pdf", input, "The plan's PDF")->required();
  extract->add_option("-o,--output", output, "Write the JSON here (default: standard output)");
  extract->add_option("--password", password, "Password of an encrypted PDF");
  extract->add_option("--rules", rules_dir, "Read rules/*.json from this folder instead of the built-in copy");
  extract->add_option("--ocr", ocr_mode, ocr_help)->check(ocr_check)->capture_default_str();

  bool blocks = false, tables = false, rows = false;
  CLI::App* text = app.add_subcommand("text", "Print the text kehoach reads from a PDF (for checking)");
  text->add_option("pdf", input, "The PDF")->required();
  text->add_flag("--blocks", blocks, "Print the layout blocks with their kind, page and box");
  text->add_flag("--tables", tables, "Print the tables as rows of cells, with spans and pages");
  text->add_flag("--rows", rows, "Print each page's lines as rows across columns, page numbers kept (to compare with transcripts)");
  text->add_option("--password", password, "Password of an encrypted PDF");
  text->add_option("--ocr", ocr_mode, ocr_help)->check(ocr_check)->capture_default_str();

  std::vector<std::string> compare_inputs;
  std::string compare_dir = "compare";
  CLI::App* compare = app.add_subcommand("compare", "Put plans side by side: indicator x plan as CSV, XLSX and HTML");
  compare->add_option("inputs", compare_inputs, "Plan JSONs (from extract), plan PDFs, or folders of either")->required();
  compare->add_option("-o,--output-dir", compare_dir, "Write compare.csv, compare.xlsx and compare.html here")
      ->capture_default_str();
  std::string group_by = "province";
  compare->add_option("--group-by", group_by,
                      "Group plans by their province as of their date (province) or by the province of the 34 they "
                      "lie in since 2025-07-01 (province_2025)")
      ->check(CLI::IsMember({"province", "province_2025"}));
  compare->add_option("--rules", rules_dir, "Read rules/*.json from this folder instead of the built-in copy");

  kh::BatchOptions batch_opts;
  std::string shard;
  CLI::App* batch = app.add_subcommand("batch", "Read a whole archive: one JSON per plan, results.jsonl, errors.jsonl");
  batch->add_option("inputs", batch_opts.inputs, "PDFs, folders (searched recursively) or manifests (one path per line)")
      ->required();
  batch->add_option("-o,--output-dir", batch_opts.out_dir, "The batch folder (rerun into it to resume)")->required();
  batch->add_option("-j,--jobs", batch_opts.jobs, "Worker processes at once")->capture_default_str()->check(CLI::Range(1, 256));
  batch->add_option("--timeout", batch_opts.limits.seconds, "Seconds a document may take")->capture_default_str();
  batch->add_option("--memory-limit", batch_opts.limits.memory_mb, "Megabytes of address space per worker")
      ->capture_default_str();
  batch->add_option("--db", batch_opts.db_path, "Load the results into this SQLite database");
  batch->add_option("--shard", shard, "Read only shard I of N (0 <= I < N), split by content hash");
  batch->add_flag("--retry-errors", batch_opts.retry_errors, "Read again the documents in errors.jsonl");
  batch->add_option("--password", password, "Password for encrypted PDFs");
  batch->add_option("--rules", rules_dir, "Read rules/*.json from this folder instead of the built-in copy");
  batch->add_option("--ocr", ocr_mode, ocr_help)->check(ocr_check)->capture_default_str();

  std::vector<std::string> merge_inputs;
  std::string merge_dir, merge_db;
  CLI::App* merge = app.add_subcommand("merge", "Merge the batch folders of shards into one");
  merge->add_option("shards", merge_inputs, "Batch folders written with --shard")->required();
  merge->add_option("-o,--output-dir", merge_dir, "The merged batch folder")->required();
  merge->add_option("--db", merge_db, "Load the merged results into this SQLite database");

  CLI11_PARSE(app, argc, argv);

  if (batch->parsed()) {
    if (!shard.empty() && !kh::ParseShard(shard, &batch_opts.shard_index, &batch_opts.shard_count)) {
      std::cerr << "kehoach: --shard " << shard << ": want I/N with 0 <= I < N\n";
      return 1;
    }
    batch_opts.pipeline.password = password;
    batch_opts.pipeline.rules_dir = rules_dir;
    kh::ParseOcrMode(ocr_mode, &batch_opts.pipeline.ocr);
    ProgressLine line;
    kh::Result<kh::BatchSummary> s =
        kh::RunBatch(batch_opts, [&](const kh::BatchProgress& p) { line.Update(p); });
    line.End();
    if (!s.ok()) {
      std::cerr << "kehoach: batch: " << s.status().message() << "\n";
      return 1;
    }
    PrintSummary("batch", s.value(), batch_opts.out_dir);
    return s->errors > 0 ? 2 : 0;
  }

  if (merge->parsed()) {
    kh::Result<kh::BatchSummary> s = kh::MergeBatches(merge_inputs, merge_dir, merge_db);
    if (!s.ok()) {
      std::cerr << "kehoach: merge: " << s.status().message() << "\n";
      return 1;
    }
    std::fprintf(stderr, "kehoach: merge: %zu documents read, %zu failed -> %s/results.jsonl\n", s->read,
                 s->errors, merge_dir.c_str());
    return s->errors > 0 ? 2 : 0;
  }

  if (compare->parsed()) {
    kh::PipelineOptions opts;
    opts.rules_dir = rules_dir;
    return RunCompare(compare_inputs, compare_dir,
                      group_by == "province_2025" ? kh::GroupBy::kProvince2025 : kh::GroupBy::kProvince, opts);
  }

  kh::PipelineOptions opts;
  opts.password = password;
  opts.rules_dir = rules_dir;
  kh::ParseOcrMode(ocr_mode, &opts.ocr);
  auto pipeline = kh::Pipeline::Create(opts);
  if (!pipeline.ok()) {
    std::cerr << "kehoach: rules: " << pipeline.status().message() << "\n";
    return 1;
  }

  if (text->parsed()) {
    kh::SourceInfo source;
    std::vector<kh::Diagnostic> diagnostics;
    kh::Result<kh::LaidOutDocument> read = pipeline.value()->Read(input, &source, &diagnostics);
    if (!read.ok()) {
      std::cerr << "kehoach: " << input << ": " << read.status().message() << "\n";
      return 2;
    }
    const kh::LaidOutDocument& laid = read.value();
    std::cout << (blocks ? kh::BlocksToText(laid) : tables ? kh::TablesToText(laid) : rows ? kh::RowsToText(laid) : kh::BuildText(laid).text);
    return 0;
  }

  kh::Result<kh::PlanResult> plan = pipeline.value()->Run(input);
  if (!plan.ok()) {
    std::cerr << "kehoach: " << input << ": " << plan.status().message() << "\n";
    return 2;
  }
  std::string json = kh::ToJson(plan.value());
  if (output.empty() || output == "-") {
    std::cout << json;
    std::cout.flush();
    return std::cout ? 0 : 1;
  }
  if (kh::Status ws = kh::WriteAtomically(output, json); !ws.ok()) {
    std::cerr << "kehoach: " << output << ": cannot write: " << ws.message() << "\n";
    return 1;
  }
  return 0;
}
