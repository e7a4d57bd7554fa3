// json_writer: PlanResult -> the JSON document of schema/kehoach.schema.json.
// The only part that prints; the stages before it never do.
//
// Field names and meanings are a public contract.  Changing or removing a
// field is a major version change of kSchemaVersion; adding one is minor.
#ifndef KEHOACH_OUTPUT_JSON_WRITER_H_
#define KEHOACH_OUTPUT_JSON_WRITER_H_

#include <string>

#include "common/plan.h"

namespace kh {

inline constexpr const char* kSchemaId = "kehoach.plan";
inline constexpr const char* kSchemaVersion = "1.7.0";

// Pretty-printed (2 spaces), UTF-8, ending in a newline.  Boxes are
// [x0, y0, x1, y1] in PDF points from the page's top-left, rounded to 0.1.
std::string ToJson(const PlanResult& plan);

}  // namespace kh

#endif  // KEHOACH_OUTPUT_JSON_WRITER_H_
