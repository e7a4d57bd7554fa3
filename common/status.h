// Status and Result<T>: how every stage reports failure.
//
// Errors are values.  A stage never throws across its header and never lets a
// library's own error type (Poppler, ICU, RE2, nlohmann) escape: it turns it
// into a Status with a code and a one-line, human-readable message.
//
//   Result<RawDocument> r = ReadPdf(path, options);
//   if (!r.ok()) { std::cerr << r.status().message(); return 2; }
//   RawDocument doc = std::move(r).value();
#ifndef KEHOACH_COMMON_STATUS_H_
#define KEHOACH_COMMON_STATUS_H_

#include <string>
#include <utility>
#include <variant>

namespace kh {

class Status {
 public:
  enum class Code {
    kOk = 0,
    kInvalidInput,   // the input is not what it should be (not a PDF, damaged)
    kEncrypted,      // the PDF needs a password we do not have
    kIoError,        // a file could not be read or written
    kDataError,      // a rules/vocabulary file is malformed
    kInternal,       // a bug or a library failure we did not expect
  };

  Status() = default;
  static Status OK() { return Status(); }
  static Status InvalidInput(std::string m) { return Status(Code::kInvalidInput, std::move(m)); }
  static Status Encrypted(std::string m) { return Status(Code::kEncrypted, std::move(m)); }
  static Status IoError(std::string m) { return Status(Code::kIoError, std::move(m)); }
  static Status DataError(std::string m) { return Status(Code::kDataError, std::move(m)); }
  static Status Internal(std::string m) { return Status(Code::kInternal, std::move(m)); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  // One line, no trailing newline, suitable after "kehoach: FILE: ".
  const std::string& message() const { return message_; }
  // The code's stable name: "ok", "invalid_input", "encrypted", ...
  const char* code_name() const;

 private:
  Status(Code c, std::string m) : code_(c), message_(std::move(m)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

// Either a T or a non-OK Status.
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}          // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {}   // NOLINT: must not be OK

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  const T& value() const& { return std::get<T>(v_); }
  T& value() & { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  const T* operator->() const { return &std::get<T>(v_); }
  T* operator->() { return &std::get<T>(v_); }

 private:
  std::variant<T, Status> v_;
};

inline const char* Status::code_name() const {
  switch (code_) {
    case Code::kOk: return "ok";
    case Code::kInvalidInput: return "invalid_input";
    case Code::kEncrypted: return "encrypted";
    case Code::kIoError: return "io_error";
    case Code::kDataError: return "data_error";
    case Code::kInternal: return "internal";
  }
  return "internal";
}

}  // namespace kh

#endif  // KEHOACH_COMMON_STATUS_H_
