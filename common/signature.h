// signature: one digital signature of a document, as extractor/ reads it
// and document.signatures[] gives it.
#ifndef KEHOACH_COMMON_SIGNATURE_H_
#define KEHOACH_COMMON_SIGNATURE_H_

#include <string>

#include "common/geometry.h"

namespace kh {

// A digital signature: a signature field of the PDF (its dictionary and its
// PKCS #7 bytes, extractor/pkcs7.h; not verified), and/or the box of text a
// signing tool stamps on the page ("Ký bởi: …", "Cơ quan: …", "Thời gian
// ký: …"; rules/signature_box.h).
struct Signature {
  bool field = false;       // a signature field of the PDF
  bool visible = false;     // its box of text on the page was read
  std::string signer;       // the certificate's common name, or "Ký bởi" / "Người ký"
  std::string organisation; // "Cơ quan"
  std::string email;
  std::string time;         // ISO 8601: the signed signingTime (UTC, "Z"), else /M or the box's, with its offset if given
  std::string reason, location;
  bool whole_file = false;  // a field whose byte range covers the whole file but the signature itself
  int page = 0;             // where its widget or box is (0: nowhere on a page)
  Box box;
};

}  // namespace kh

#endif  // KEHOACH_COMMON_SIGNATURE_H_
