# Writes OUT: a C++ file holding each of FILES (JSON data: rules/*.json, ocr/data/*.json,
# normalizer/*.json) as a raw string in the table kh::VAR (default
# kEmbeddedRules), looked up by file name.
string(REPLACE " " ";" FILES "${FILES}")
if(NOT VAR)
  set(VAR kEmbeddedRules)
endif()
set(body "// Generated from JSON data files by scripts/embed_rules.cmake. Do not edit.\n#include <string_view>\n#include <utility>\nnamespace kh {\nstd::pair<const char*, std::string_view> ${VAR}[] = {\n")
foreach(f IN LISTS FILES)
  get_filename_component(name ${f} NAME)
  file(READ ${f} content)
  string(APPEND body "  {\"${name}\", R\"kh_rule_json(${content})kh_rule_json\"},\n")
endforeach()
string(APPEND body "  {nullptr, {}}};\n}  // namespace kh\n")
file(WRITE ${OUT}.tmp "${body}")
file(RENAME ${OUT}.tmp ${OUT})
