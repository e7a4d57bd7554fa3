#include "output/json_writer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace kh {
namespace {

TEST(JsonWriterTest, FieldsNullsAndBoxes) {
  PlanResult p;
  p.source.file = "a.pdf";
  p.source.sha256 = std::string(64, 'a');
  p.source.pages = 3;
  p.source.text_layer = "unicode";
  p.document.kind = "ke_hoach";
  p.document.number = "129/KH-SGDĐT";
  p.document.period_from = 2019;
  p.document.provenance["number"] = {1, {10.04, 20.06, 30, 40}};
  LegalReference r;
  r.type = "quyet_dinh";
  r.type_name = "Quyết định";
  r.number = "3339/QĐ-UBND";
  r.year = 2025;
  r.issuer_code = "UBND";
  r.mentions.push_back({{2, {1, 2, 3, 4}}, "Quyết định số 3339/QĐ-UBND"});
  p.legal_references.push_back(r);
  p.diagnostics.push_back({"number_blank", "blank", 0});
  nlohmann::json j = nlohmann::json::parse(ToJson(p));
  EXPECT_EQ(j["schema"]["id"], kSchemaId);
  EXPECT_EQ(j["schema"]["version"], kSchemaVersion);
  EXPECT_EQ(j["source"]["pages"], 3);
  EXPECT_EQ(j["document"]["number"], "129/KH-SGDĐT");
  EXPECT_TRUE(j["document"]["date"].is_null());
  EXPECT_EQ(j["document"]["period"]["from"], 2019);
  EXPECT_TRUE(j["document"]["period"]["to"].is_null());
  EXPECT_TRUE(j["document"]["signer"]["name"].is_null());
  EXPECT_DOUBLE_EQ(j["document"]["provenance"]["number"]["bbox"][0].get<double>(), 10.0);
  EXPECT_DOUBLE_EQ(j["document"]["provenance"]["number"]["bbox"][1].get<double>(), 20.1);
  EXPECT_EQ(j["legal_references"][0]["mentions"][0]["page"], 2);
  EXPECT_TRUE(j["legal_references"][0]["date"].is_null());
  EXPECT_TRUE(j["diagnostics"][0]["page"].is_null());
}

TEST(JsonWriterTest, InvalidUtf8DoesNotBreakTheOutput) {
  PlanResult p;
  p.source.file = "bad\xff.pdf";
  EXPECT_NO_THROW((void)nlohmann::json::parse(ToJson(p)));
}

}  // namespace
}  // namespace kh
