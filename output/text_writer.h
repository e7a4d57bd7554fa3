// text_writer: the text kehoach read from a PDF, for people checking it.
//   kehoach text PLAN.pdf            the joined text, paragraphs per line
//   kehoach text --blocks PLAN.pdf   every block with its kind, page and box
//   kehoach text --tables PLAN.pdf   every table as rows of cells, with spans and pages
//   kehoach text --rows PLAN.pdf     each page's lines as rows across columns, top to
//                                    bottom, running headers and page numbers kept: the
//                                    order of pdftotext's default output and of most
//                                    transcripts, to compare characters with them
#ifndef KEHOACH_OUTPUT_TEXT_WRITER_H_
#define KEHOACH_OUTPUT_TEXT_WRITER_H_

#include <string>

#include "extractor/layout.h"

namespace kh {

std::string BlocksToText(const LaidOutDocument& doc);
std::string TablesToText(const LaidOutDocument& doc);
std::string RowsToText(const LaidOutDocument& doc);

}  // namespace kh

#endif  // KEHOACH_OUTPUT_TEXT_WRITER_H_
