// SHA-256 (FIPS 180-4) of bytes or of a file, as lower-case hex.  Used to key
// documents by content (source.sha256), so it must be exact; the tests check
// it against the standard's test vectors.
#ifndef KEHOACH_COMMON_SHA256_H_
#define KEHOACH_COMMON_SHA256_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.h"

namespace kh {

class Sha256 {
 public:
  Sha256();
  void Update(const void* data, size_t n);
  std::string HexDigest();  // finishes; call once

 private:
  void Block(const uint8_t* p);
  uint32_t h_[8];
  uint8_t buf_[64];
  size_t buf_len_ = 0;
  uint64_t total_ = 0;
};

std::string Sha256Hex(std::string_view bytes);
Result<std::string> Sha256File(const std::string& path);

}  // namespace kh

#endif  // KEHOACH_COMMON_SHA256_H_
