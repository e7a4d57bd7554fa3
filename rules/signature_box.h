// signature_box: the box of text a signing tool stamps on a page when it
// signs the PDF, read from the page's own text layer.
//
//   Ký bởi: Ủy ban nhân dân tỉnh Quảng Ngãi       Người ký: Trung tâm
//   Cơ quan: Tỉnh Quảng Ngãi                       Công báo và Tin học
//   Thời gian ký: 03/02/2025 10:47:25              Email: ttcbth@quangngai.gov.vn
//                                                  Cơ quan: Văn phòng Ủy ban …
//                                                  Thời gian ký: 27.12.2021 17:22:11 +07:00
//
// Its labels (rules/signature_box.json: each with examples and
// counter-examples) start lines; a line that starts with none continues the
// value above it when it is close under it.  Lines of one box are at most a
// few line heights apart.  The box is never the document's own text: the
// pipeline reads it before a page's text is replaced by OCR, and the facts
// never take a signature's signer, organisation or time for the document's.
//
//   std::vector<Signature> boxes = ReadSignatureBoxes(page, rules);
#ifndef KEHOACH_RULES_SIGNATURE_BOX_H_
#define KEHOACH_RULES_SIGNATURE_BOX_H_

#include <string>
#include <vector>

#include "extractor/extractor.h"
#include "rules/rule_data.h"

namespace kh {

// The labels' field for a line ("" for none) and *value the rest of it.
std::string MatchSignatureLabel(const std::vector<SignatureLabel>& rules, const std::string& line, std::string* value);

// "03/02/2025 10:47:25" -> "2025-02-03T10:47:25"; "27.12.2021 17:22:11
// +07:00" -> "2021-12-27T17:22:11+07:00"; "2025-10-02T16:24:01+07:00" as
// it is.  "" if it is no time.
std::string SignatureTime(const std::string& printed);

// Every box on the page (with page and box set, visible = true).
std::vector<Signature> ReadSignatureBoxes(const RawPage& page, const std::vector<SignatureLabel>& rules);

// The PDF's signature fields with the boxes read on pages: a box on the
// page of a field's widget and overlapping it completes that field
// (organisation, email; the certificate's signer and signed time stay);
// any other box is a signature of its own.
std::vector<Signature> MergeSignatures(std::vector<Signature> fields, const std::vector<Signature>& boxes);

}  // namespace kh

#endif  // KEHOACH_RULES_SIGNATURE_BOX_H_
