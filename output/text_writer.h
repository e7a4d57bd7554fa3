// text_writer: the text kehoach read from a PDF, for people checking it.
//   kehoach text PLAN.pdf            the joined text, paragraphs per line
//   kehoach text --blocks PLAN.pdf   every block with its kind, page and box
//   kehoach text --tables PLAN.pdf   every table as rows of cells, with spans and pages
#ifndef KEHOACH_OUTPUT_TEXT_WRITER_H_
#define KEHOACH_OUTPUT_TEXT_WRITER_H_

#include <string>

#include "extractor/layout.h"

namespace kh {

std::string BlocksToText(const LaidOutDocument& doc);
std::string TablesToText(const LaidOutDocument& doc);

}  // namespace kh

#endif  // KEHOACH_OUTPUT_TEXT_WRITER_H_
