// Locator: how the rules stage asks where a piece of the normalized text is in
// the PDF, without knowing about pages, words or the normalizer's maps.
#ifndef KEHOACH_RULES_LOCATOR_H_
#define KEHOACH_RULES_LOCATOR_H_

#include <cstddef>
#include <functional>

#include "common/plan.h"

namespace kh {

// Maps a byte range of the normalized text to a place in the PDF.
using Locator = std::function<Location(size_t begin, size_t end)>;

}  // namespace kh

#endif  // KEHOACH_RULES_LOCATOR_H_
