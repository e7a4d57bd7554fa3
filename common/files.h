// Files: whole-file reads and atomic writes.
//
// WriteAtomically writes to a temporary file beside the target (".NAME.XXXXXX",
// in the same folder) and renames it over the target, so a reader, or a run
// killed half-way, never sees half a file: the target is either the old file
// or the new one.  Leftover temporaries (from a kill) start with "." and are
// recognised by IsTemporaryName.
#ifndef KEHOACH_COMMON_FILES_H_
#define KEHOACH_COMMON_FILES_H_

#include <string>
#include <string_view>

#include "common/status.h"

namespace kh {

// sync: fsync the data before the rename (survives a power cut, not only a
// killed process; costs a disk flush per file).
Status WriteAtomically(const std::string& path, std::string_view data, bool sync = true);

Result<std::string> ReadWholeFile(const std::string& path);

// Writes all of `data` to a descriptor, again after EINTR or a short write.
// The Status message is strerror's.
Status WriteAll(int fd, std::string_view data);

// True for the names WriteAtomically gives its temporaries.
bool IsTemporaryName(std::string_view filename);

}  // namespace kh

#endif  // KEHOACH_COMMON_FILES_H_
