// pkcs7: who signed a PDF, and when, from its signature's bytes.
//
// A PDF signature field's /Contents holds a CMS SignedData (RFC 5652, the
// PKCS #7 successor) in DER: the certificates, and per signer the issuer and
// serial number of its certificate and the attributes it signed.  We read
// only what an archive lists, without checking the signature (that needs a
// crypto library and a trust store; the field's byte range says what it
// covers):
//
//  - signer: the common name (CN, 2.5.4.3) of the subject of the signer's
//    certificate, the one whose serial number the first SignerInfo names
//    ("Ủy ban nhân dân tỉnh Quảng Ngãi", "Trần Hữu Tuấn");
//  - signing_time: the signed signingTime attribute (1.2.840.113549.1.9.5),
//    as ISO 8601 UTC ("2025-10-02T09:24:01Z"), or "".
//
// Malformed input is not an error worth more than "nothing read": false.
//
//   Pkcs7Info info;
//   if (ReadPkcs7(contents, &info)) ... info.signer ...
#ifndef KEHOACH_EXTRACTOR_PKCS7_H_
#define KEHOACH_EXTRACTOR_PKCS7_H_

#include <string>
#include <string_view>

namespace kh {

struct Pkcs7Info {
  std::string signer;
  std::string signing_time;
};

// True if a SignedData with at least one certificate was found.
bool ReadPkcs7(std::string_view der, Pkcs7Info* out);

}  // namespace kh

#endif  // KEHOACH_EXTRACTOR_PKCS7_H_
