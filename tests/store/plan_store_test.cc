#include "store/plan_store.h"

#include <sqlite3.h>
#include <filesystem>
#include <memory>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/support/scratch_dir.h"

namespace kh {
namespace {

namespace fs = std::filesystem;

// One integer from a query.
long long One(const std::string& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* st = nullptr;
  long long v = -1;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
    v = sqlite3_column_int64(st, 0);
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  return v;
}

std::string Text(const std::string& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* st = nullptr;
  std::string v = "<none>";
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
    const unsigned char* t = sqlite3_column_text(st, 0);
    v = t ? reinterpret_cast<const char*>(t) : "<null>";
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  return v;
}

// The hand-written expected JSON of a corpus plan, made whole enough to load
// (the expected files carry no source block, and name no table: all the
// plans used here have one task table).
std::string Plan(const std::string& name, const std::string& sha) {
  std::ifstream in(std::string(KEHOACH_SOURCE_DIR) + "/corpus/" + name + ".expected.json");
  std::stringstream ss;
  ss << in.rdbuf();
  nlohmann::json j = nlohmann::json::parse(ss.str());
  j["source"] = {{"file", "corpus/" + name + ".pdf"}, {"sha256", sha}, {"pages", 4}, {"text_layer", "unicode"}};
  j["schema"] = {{"id", "kehoach.plan"}, {"version", "1.2.0"}};
  if (j.contains("tasks"))
    for (nlohmann::json& t : j["tasks"]) t["table"] = 0;
  return j.dump();
}

class PlanStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    scratch_ = std::make_unique<ScratchDir>();
    db_ = *scratch_ / "plans.sqlite";
  }
  void TearDown() override { scratch_.reset(); }
  std::unique_ptr<ScratchDir> scratch_;  // this test's own folder under TMPDIR
  std::string db_;
};

TEST_F(PlanStoreTest, LoadsEveryPartOfAPlan) {
  auto store = PlanStore::Open(db_);
  ASSERT_TRUE(store.ok()) << store.status().message();
  std::string json = Plan("005_vinhlong_2025", std::string(64, 'a'));
  nlohmann::json j = nlohmann::json::parse(json);
  ASSERT_TRUE(store.value()->Put(json, "json/005.json").ok());
  store.value().reset();
  EXPECT_EQ(One(db_, "SELECT count(*) FROM documents"), 1);
  EXPECT_EQ(One(db_, "SELECT count(*) FROM legal_references"), static_cast<long long>(j["legal_references"].size()));
  EXPECT_EQ(One(db_, "SELECT count(*) FROM tasks"), static_cast<long long>(j["tasks"].size()));
  EXPECT_EQ(One(db_, "SELECT count(*) FROM targets"), static_cast<long long>(j["targets"].size()));
  EXPECT_EQ(Text(db_, "SELECT number FROM documents"), "45/KH-UBND");
  EXPECT_EQ(Text(db_, "SELECT province FROM documents"), "Vĩnh Long");
  EXPECT_EQ(One(db_, "SELECT period_from FROM documents"), 2025);
  // Units one per row, with their role.
  size_t units = 0;
  for (const auto& t : j["tasks"]) units += t["lead"].size() + t["partners"].size();
  EXPECT_EQ(One(db_, "SELECT count(*) FROM task_units"), static_cast<long long>(units));
  EXPECT_EQ(Text(db_, "SELECT due_to FROM tasks WHERE no = '2' AND table_index = 0"),
            j["tasks"][1]["timeline"]["to"].get<std::string>());
}

// Regression: the tables of version 1 had no province_2025.  Opening such a
// database adds the column, and a plan put then fills it.
TEST_F(PlanStoreTest, AVersionOneDatabaseGetsProvince2025) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(db_.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db,
                         "CREATE TABLE documents (doc_id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL UNIQUE, file TEXT "
                         "NOT NULL, json_path TEXT, pages INTEGER, text_layer TEXT, schema_version TEXT, kind TEXT, "
                         "number TEXT, issuer TEXT, parent_issuer TEXT, province TEXT, place TEXT, date TEXT, title "
                         "TEXT, period_from INTEGER, period_to INTEGER, signer_name TEXT, signer_role TEXT, "
                         "signer_authority TEXT); PRAGMA user_version=1;",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  auto store = PlanStore::Open(db_);
  ASSERT_TRUE(store.ok()) << store.status().message();
  nlohmann::json j = nlohmann::json::parse(Plan("006_soctrang_2024", std::string(64, 'b')));
  j["document"]["province_2025"] = "Cần Thơ";
  ASSERT_TRUE(store.value()->Put(j.dump(), "json/006.json").ok());
  store.value().reset();
  EXPECT_EQ(Text(db_, "SELECT province || ' > ' || province_2025 FROM documents"), "Sóc Trăng > Cần Thơ");
  EXPECT_EQ(One(db_, "PRAGMA user_version"), kStoreVersion);
}

TEST_F(PlanStoreTest, MentionsUnitsAndBoxesGoIntoTheirOwnRows) {
  const char* plan = R"({
    "schema": {"id": "kehoach.plan", "version": "1.2.0"},
    "source": {"file": "x.pdf", "sha256": "ff00", "pages": 3, "text_layer": "unicode"},
    "document": {"number": "1/KH-UBND", "province": "Cà Mau", "signer": {"name": "A", "role": "B", "authority": null}},
    "legal_references": [
      {"type": "nghi_dinh", "number": "61/2018/NĐ-CP", "year": 2018, "mentions": [
        {"page": 1, "text": "Nghị định 61/2018/NĐ-CP", "bbox": [1, 2, 3, 4]},
        {"page": 3, "text": "Nghị định số 61", "bbox": [5, 6, 7, 8]}]},
      {"type": "nghi_quyet", "number": "76/NQ-CP", "mentions": [{"page": 2, "text": "76/NQCP", "bbox": [0, 0, 1, 1]}]}],
    "targets": [{"value": 95, "max": null, "comparator": ">=", "indicator": "satisfaction",
                 "section": ["I. MỤC TIÊU", "2. Chỉ tiêu"], "in_table": false, "page": 2, "bbox": [10, 20, 30, 40]}],
    "tasks": [{"table": 0, "row": 2, "no": "1", "task": "Rà soát", "lead": ["Sở Nội vụ", "Sở Tư pháp"],
               "partners": ["UBND cấp huyện"], "timeline": {"text": "Quý IV/2025", "from": "2025-10-01", "to": "2025-12-31"},
               "pages": [2, 3]}]
  })";
  auto store = PlanStore::Open(db_);
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE(store.value()->Put(plan, "x.json").ok());
  store.value().reset();
  EXPECT_EQ(One(db_, "SELECT count(*) FROM mentions"), 3);
  EXPECT_EQ(One(db_, "SELECT mentions FROM legal_references WHERE number = '61/2018/NĐ-CP'"), 2);
  EXPECT_EQ(One(db_, "SELECT first_page FROM legal_references WHERE number = '76/NQ-CP'"), 2);
  EXPECT_EQ(One(db_, "SELECT x1 FROM mentions WHERE ref_index = 0 AND mention_index = 1"), 7);
  EXPECT_EQ(Text(db_, "SELECT section FROM targets"), "I. MỤC TIÊU > 2. Chỉ tiêu");
  EXPECT_EQ(One(db_, "SELECT in_table FROM targets"), 0);
  EXPECT_EQ(Text(db_, "SELECT max FROM targets"), "<null>");
  EXPECT_EQ(Text(db_, "SELECT group_concat(unit, '|') FROM task_units WHERE role = 'lead' ORDER BY unit_index"),
            "Sở Nội vụ|Sở Tư pháp");
  EXPECT_EQ(Text(db_, "SELECT unit FROM task_units WHERE role = 'partner'"), "UBND cấp huyện");
  EXPECT_EQ(Text(db_, "SELECT due_from || '..' || due_to FROM tasks"), "2025-10-01..2025-12-31");
  EXPECT_EQ(One(db_, "SELECT first_page FROM tasks"), 2);
  EXPECT_EQ(Text(db_, "SELECT signer_authority FROM documents"), "<null>");
}

TEST_F(PlanStoreTest, PuttingTheSameDocumentAgainReplacesIt) {
  std::string sha(64, 'b');
  {
    auto store = PlanStore::Open(db_);
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE(store.value()->Put(Plan("003_cantho_2019", sha), "one.json").ok());
    ASSERT_TRUE(store.value()->Put(Plan("003_cantho_2019", sha), "two.json").ok());
    ASSERT_TRUE(store.value()->Put(Plan("001_camau_2023", std::string(64, 'c')), "three.json").ok());
  }
  auto again = PlanStore::Open(db_);  // and across openings
  ASSERT_TRUE(again.ok());
  ASSERT_TRUE(again.value()->Put(Plan("003_cantho_2019", sha), "four.json").ok());
  auto docs = again.value()->Documents();
  ASSERT_TRUE(docs.ok());
  EXPECT_EQ(docs->size(), 2u);
  again.value().reset();
  EXPECT_EQ(One(db_, "SELECT count(*) FROM documents"), 2);
  EXPECT_EQ(Text(db_, "SELECT json_path FROM documents WHERE sha256 = '" + sha + "'"), "four.json");
  long long tasks003 = One(db_, "SELECT count(*) FROM tasks t JOIN documents d USING (doc_id) WHERE d.sha256 = '" + sha + "'");
  EXPECT_EQ(tasks003, 49);  // once, not three times
  // No orphans: every child row belongs to a document that is there.
  EXPECT_EQ(One(db_, "SELECT count(*) FROM tasks WHERE doc_id NOT IN (SELECT doc_id FROM documents)"), 0);
  EXPECT_EQ(One(db_, "SELECT count(*) FROM mentions WHERE doc_id NOT IN (SELECT doc_id FROM documents)"), 0);
  EXPECT_EQ(One(db_, "SELECT count(*) FROM task_units WHERE doc_id NOT IN (SELECT doc_id FROM documents)"), 0);
}

TEST_F(PlanStoreTest, BadInputIsAnErrorAndChangesNothing) {
  auto store = PlanStore::Open(db_);
  ASSERT_TRUE(store.ok());
  EXPECT_FALSE(store.value()->Put("{not json", "x.json").ok());
  EXPECT_FALSE(store.value()->Put(R"({"document":{}})", "x.json").ok());  // no sha256
  store.value().reset();
  EXPECT_EQ(One(db_, "SELECT count(*) FROM documents"), 0);
}

TEST_F(PlanStoreTest, RefusesAFileThatIsNotADatabase) {
  std::ofstream(db_) << "this is not SQLite, just text that is long enough to have a header........";
  auto store = PlanStore::Open(db_);
  EXPECT_FALSE(store.ok());
}

TEST_F(PlanStoreTest, TheAuditorsQueriesOfTheReadmeRun) {
  auto store = PlanStore::Open(db_);
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE(store.value()->Put(Plan("001_camau_2023", std::string(64, 'd')), "a.json").ok());
  ASSERT_TRUE(store.value()->Put(Plan("004_cantho_2025", std::string(64, 'e')), "b.json").ok());
  store.value().reset();
  // One indicator across provinces (README, "Database").
  EXPECT_EQ(One(db_, "SELECT count(DISTINCT d.province) FROM targets t JOIN documents d USING (doc_id) "
                     "WHERE t.indicator = 'online_dossiers'"), 2);  // Cà Mau and Cần Thơ
  // Every plan that cites a given decree.
  EXPECT_GE(One(db_, "SELECT count(DISTINCT d.doc_id) FROM legal_references r JOIN documents d USING (doc_id) "
                     "WHERE r.number = '61/2018/NĐ-CP'"), 1);
}

}  // namespace
}  // namespace kh
