// kehoach: the command line.  It parses flags, builds the pipeline, runs it,
// and writes the JSON; it holds no extraction logic of its own.
//
//   kehoach extract PLAN.pdf [-o OUT.json] [--password PW] [--rules DIR]
//   kehoach text [--blocks|--tables] PLAN.pdf
//   kehoach compare INPUT... [-o DIR]   (INPUT: plan JSON, plan PDF or a folder)
//
// Exit status: 0 done; 2 the input could not be read (one line on stderr:
// "kehoach: FILE: reason"; no output file is left behind); 1 anything else
// (usage, rules, writing the output).
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <string>

#include <CLI/CLI.hpp>

#include "compare/compare.h"
#include "extractor/extractor.h"
#include "extractor/layout.h"
#include "output/json_writer.h"
#include "output/text_writer.h"
#include "pipeline/pipeline.h"

namespace {

// Writes `data` to `path` atomically: a temporary file beside it, flushed,
// then renamed over it.  A reader never sees half a file.
bool WriteAtomically(const std::string& path, const std::string& data, std::string* err) {
  std::filesystem::path p(path);
  std::filesystem::path dir = p.has_parent_path() ? p.parent_path() : std::filesystem::path(".");
  std::string tmpl = (dir / ("." + p.filename().string() + ".XXXXXX")).string();
  int fd = mkstemp(tmpl.data());
  if (fd < 0) {
    *err = std::strerror(errno);
    return false;
  }
  mode_t um = umask(0);  // mkstemp makes 0600; give the file the usual permissions
  umask(um);
  fchmod(fd, 0666 & ~um);
  const char* b = data.data();
  size_t left = data.size();
  while (left > 0) {
    ssize_t n = write(fd, b, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      *err = std::strerror(errno);
      close(fd);
      unlink(tmpl.c_str());
      return false;
    }
    b += n;
    left -= static_cast<size_t>(n);
  }
  if (fsync(fd) != 0 || close(fd) != 0 || std::rename(tmpl.c_str(), path.c_str()) != 0) {
    *err = std::strerror(errno);
    unlink(tmpl.c_str());
    return false;
  }
  return true;
}

bool ReadFile(const std::string& path, std::string* out) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return false;
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out->append(buf, n);
  bool ok = !std::ferror(f);
  std::fclose(f);
  return ok;
}

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// kehoach compare: reads plan JSONs (or PDFs, extracted on the way), writes
// DIR/compare.csv, DIR/compare.xlsx and DIR/compare.html.  A bad input is
// one line on stderr and exit 2 at the end; the others are still compared.
int RunCompare(const std::vector<std::string>& inputs, const std::string& out_dir, const kh::PipelineOptions& opts) {
  namespace fs = std::filesystem;
  int status = 0;
  std::vector<kh::PlanSummary> plans;
  std::vector<std::string> pdfs;
  // Reads one plan JSON; `quiet` for files met in a folder, which may hold other JSON.
  auto load = [&](const std::string& path, bool quiet) {
    std::string text;
    if (!ReadFile(path, &text)) {
      if (!quiet) {
        std::cerr << "kehoach: " << path << ": cannot read: " << std::strerror(errno) << "\n";
        status = 2;
      }
      return false;
    }
    kh::Result<kh::PlanSummary> p = kh::ReadPlanJson(text);
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
  kh::Comparison c = kh::Compare(std::move(plans), *rules.value());
  std::error_code ec;
  fs::create_directories(out_dir, ec);
  std::string err;
  fs::path dir(out_dir);
  for (auto [name, data] : {std::pair{"compare.csv", kh::ToCsv(c)}, std::pair{"compare.html", kh::ToHtml(c)}}) {
    if (!WriteAtomically((dir / name).string(), data, &err)) {
      std::cerr << "kehoach: " << (dir / name).string() << ": cannot write: " << err << "\n";
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

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"kehoach: Vietnamese government plans (Kế hoạch), PDF -> structured JSON"};
  app.set_version_flag("--version", std::string("kehoach ") + KEHOACH_VERSION);
  app.require_subcommand(1);

  std::string input, output, password, rules_dir;
  CLI::App* extract = app.add_subcommand("extract", "Read one plan PDF and write its JSON");
  extract->add_option("pdf", input, "The plan's PDF")->required();
  extract->add_option("-o,--output", output, "Write the JSON here (default: standard output)");
  extract->add_option("--password", password, "Password of an encrypted PDF");
  extract->add_option("--rules", rules_dir, "Read rules/*.json from this folder instead of the built-in copy");

  bool blocks = false, tables = false;
  CLI::App* text = app.add_subcommand("text", "Print the text kehoach reads from a PDF (for checking)");
  text->add_option("pdf", input, "The PDF")->required();
  text->add_flag("--blocks", blocks, "Print the layout blocks with their kind, page and box");
  text->add_flag("--tables", tables, "Print the tables as rows of cells, with spans and pages");
  text->add_option("--password", password, "Password of an encrypted PDF");

  std::vector<std::string> compare_inputs;
  std::string compare_dir = "compare";
  CLI::App* compare = app.add_subcommand("compare", "Put plans side by side: indicator x plan as CSV, XLSX and HTML");
  compare->add_option("inputs", compare_inputs, "Plan JSONs (from extract), plan PDFs, or folders of either")->required();
  compare->add_option("-o,--output-dir", compare_dir, "Write compare.csv, compare.xlsx and compare.html here")
      ->capture_default_str();
  compare->add_option("--rules", rules_dir, "Read rules/*.json from this folder instead of the built-in copy");

  CLI11_PARSE(app, argc, argv);

  if (compare->parsed()) {
    kh::PipelineOptions opts;
    opts.rules_dir = rules_dir;
    return RunCompare(compare_inputs, compare_dir, opts);
  }

  if (text->parsed()) {
    kh::ReadOptions ro;
    ro.password = password;
    kh::Result<kh::RawDocument> raw = kh::ReadPdf(input, ro);
    if (!raw.ok()) {
      std::cerr << "kehoach: " << input << ": " << raw.status().message() << "\n";
      return 2;
    }
    kh::LaidOutDocument laid = kh::Layout(raw.value());
    std::cout << (blocks ? kh::BlocksToText(laid) : tables ? kh::TablesToText(laid) : kh::BuildText(laid).text);
    return 0;
  }

  kh::PipelineOptions opts;
  opts.password = password;
  opts.rules_dir = rules_dir;
  auto pipeline = kh::Pipeline::Create(opts);
  if (!pipeline.ok()) {
    std::cerr << "kehoach: rules: " << pipeline.status().message() << "\n";
    return 1;
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
  std::string err;
  if (!WriteAtomically(output, json, &err)) {
    std::cerr << "kehoach: " << output << ": cannot write: " << err << "\n";
    return 1;
  }
  return 0;
}
