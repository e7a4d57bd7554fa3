// kehoach: the command line.  It parses flags, builds the pipeline, runs it,
// and writes the JSON; it holds no extraction logic of its own.
//
//   kehoach extract PLAN.pdf [-o OUT.json] [--password PW] [--rules DIR]
//   kehoach text [--blocks] PLAN.pdf
//
// Exit status: 0 done; 2 the input could not be read (one line on stderr:
// "kehoach: FILE: reason"; no output file is left behind); 1 anything else
// (usage, rules, writing the output).
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string>

#include <CLI/CLI.hpp>

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

  bool blocks = false;
  CLI::App* text = app.add_subcommand("text", "Print the text kehoach reads from a PDF (for checking)");
  text->add_option("pdf", input, "The PDF")->required();
  text->add_flag("--blocks", blocks, "Print the layout blocks with their kind, page and box");
  text->add_option("--password", password, "Password of an encrypted PDF");

  CLI11_PARSE(app, argc, argv);

  if (text->parsed()) {
    kh::ReadOptions ro;
    ro.password = password;
    kh::Result<kh::RawDocument> raw = kh::ReadPdf(input, ro);
    if (!raw.ok()) {
      std::cerr << "kehoach: " << input << ": " << raw.status().message() << "\n";
      return 2;
    }
    kh::LaidOutDocument laid = kh::Layout(raw.value());
    std::cout << (blocks ? kh::BlocksToText(laid) : kh::BuildText(laid).text);
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
