# Writes OUT: a C++ file holding each rules/*.json file as a raw string, looked
# up by file name through kh::EmbeddedRuleFile().
string(REPLACE " " ";" FILES "${FILES}")
set(body "// Generated from rules/*.json by scripts/embed_rules.cmake. Do not edit.\n#include <string_view>\n#include <utility>\nnamespace kh {\nstd::pair<const char*, std::string_view> kEmbeddedRules[] = {\n")
foreach(f IN LISTS FILES)
  get_filename_component(name ${f} NAME)
  file(READ ${f} content)
  string(APPEND body "  {\"${name}\", R\"kh_rule_json(${content})kh_rule_json\"},\n")
endforeach()
string(APPEND body "  {nullptr, {}}};\n}  // namespace kh\n")
file(WRITE ${OUT}.tmp "${body}")
file(RENAME ${OUT}.tmp ${OUT})
