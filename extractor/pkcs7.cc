#include "extractor/pkcs7.h"

#include <vector>

#include "common/utf8.h"

namespace kh {
namespace {

// One DER element: its tag and its value's bytes.
struct Tlv {
  unsigned tag = 0;
  std::string_view value;
};

// Reads the element at the front of *in and moves past it.
bool Next(std::string_view* in, Tlv* out) {
  if (in->size() < 2) return false;
  size_t i = 0;
  out->tag = static_cast<unsigned char>((*in)[i++]);
  if ((out->tag & 0x1f) == 0x1f) return false;  // high tag numbers: not in these structures
  size_t len = static_cast<unsigned char>((*in)[i++]);
  if (len & 0x80) {
    size_t n = len & 0x7f;
    if (n == 0 || n > 4 || i + n > in->size()) return false;  // indefinite or absurd lengths
    len = 0;
    for (size_t k = 0; k < n; ++k) len = (len << 8) | static_cast<unsigned char>((*in)[i++]);
  }
  if (len > in->size() - i) return false;
  out->value = in->substr(i, len);
  in->remove_prefix(i + len);
  return true;
}

// The elements inside a constructed one.
std::vector<Tlv> Children(std::string_view v) {
  std::vector<Tlv> out;
  Tlv t;
  while (!v.empty() && out.size() < 4096 && Next(&v, &t)) out.push_back(t);
  return out;
}

std::string DirectoryString(const Tlv& t) {
  std::string s;
  switch (t.tag) {
    case 0x0C:  // UTF8String
      return std::string(t.value);
    case 0x1E:  // BMPString: UTF-16BE, no surrogates in names
      for (size_t i = 0; i + 1 < t.value.size(); i += 2)
        utf8::Append((static_cast<unsigned char>(t.value[i]) << 8) | static_cast<unsigned char>(t.value[i + 1]), &s);
      return s;
    default:  // PrintableString, IA5String, TeletexString: Latin-1
      for (unsigned char c : t.value) utf8::Append(c, &s);
      return s;
  }
}

// CN in a Name: SEQUENCE OF SET OF SEQUENCE { OID, value }.
std::string CommonName(std::string_view name) {
  static const std::string_view kCn("\x55\x04\x03", 3);
  std::string cn;
  for (const Tlv& rdn : Children(name))
    for (const Tlv& atv : Children(rdn.value)) {
      std::vector<Tlv> kv = Children(atv.value);
      if (kv.size() == 2 && kv[0].tag == 0x06 && kv[0].value == kCn) cn = DirectoryString(kv[1]);
    }
  return cn;
}

// "251002092401Z" (UTCTime) or "20251002092401Z" (GeneralizedTime) -> ISO.
std::string Time(const Tlv& t) {
  std::string v(t.value);
  if (t.tag == 0x17 && v.size() >= 12) v = (v[0] >= '5' ? "19" : "20") + v;
  else if (t.tag != 0x18) return "";
  if (v.size() < 14) return "";
  for (size_t i = 0; i < 14; ++i)
    if (v[i] < '0' || v[i] > '9') return "";
  return v.substr(0, 4) + "-" + v.substr(4, 2) + "-" + v.substr(6, 2) + "T" + v.substr(8, 2) + ":" + v.substr(10, 2) +
         ":" + v.substr(12, 2) + "Z";
}

}  // namespace

bool ReadPkcs7(std::string_view der, Pkcs7Info* out) {
  static const std::string_view kSignedData("\x2A\x86\x48\x86\xF7\x0D\x01\x07\x02", 9);
  static const std::string_view kSigningTime("\x2A\x86\x48\x86\xF7\x0D\x01\x09\x05", 9);
  Tlv ci;
  if (!Next(&der, &ci) || ci.tag != 0x30) return false;
  std::vector<Tlv> c = Children(ci.value);
  if (c.size() < 2 || c[0].tag != 0x06 || c[0].value != kSignedData || c[1].tag != 0xA0) return false;
  std::vector<Tlv> wrap = Children(c[1].value);
  if (wrap.empty() || wrap[0].tag != 0x30) return false;
  std::vector<Tlv> sd = Children(wrap[0].value);
  std::vector<Tlv> certs;
  std::string_view signer_serial;
  for (const Tlv& t : sd) {
    if (t.tag == 0xA0) certs = Children(t.value);  // [0] IMPLICIT certificates
    if (t.tag != 0x31) continue;                  // the SETs: digest algorithms, then signer infos
    for (const Tlv& si : Children(t.value)) {
      std::vector<Tlv> f = Children(si.value);
      if (si.tag != 0x30 || f.size() < 3 || f[0].tag != 0x02) continue;  // a SignerInfo starts with its version
      std::vector<Tlv> ias = Children(f[1].value);
      if (f[1].tag == 0x30 && ias.size() == 2 && ias[1].tag == 0x02 && signer_serial.empty()) signer_serial = ias[1].value;
      for (const Tlv& a : f)
        if (a.tag == 0xA0 && out->signing_time.empty())  // signed attributes
          for (const Tlv& attr : Children(a.value)) {
            std::vector<Tlv> kv = Children(attr.value);
            if (kv.size() == 2 && kv[0].tag == 0x06 && kv[0].value == kSigningTime) {
              std::vector<Tlv> v = Children(kv[1].value);
              if (!v.empty()) out->signing_time = Time(v[0]);
            }
          }
    }
  }
  // The signer's certificate: the one with its serial, else the first.
  std::string first;
  for (const Tlv& cert : certs) {
    std::vector<Tlv> top = Children(cert.value);
    if (cert.tag != 0x30 || top.empty()) continue;
    std::vector<Tlv> tbs = Children(top[0].value);
    size_t k = !tbs.empty() && tbs[0].tag == 0xA0 ? 1 : 0;  // [0] version
    // serial, signature algorithm, issuer, validity, subject
    if (tbs.size() < k + 5 || tbs[k].tag != 0x02) continue;
    std::string cn = CommonName(tbs[k + 4].value);
    if (first.empty()) first = cn;
    if (!signer_serial.empty() && tbs[k].value == signer_serial) {
      out->signer = cn;
      return true;
    }
  }
  out->signer = first;
  return !certs.empty();
}

}  // namespace kh
