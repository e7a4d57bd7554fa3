#include "store/plan_store.h"

#include <sqlite3.h>

#include <vector>

#include <nlohmann/json.hpp>

namespace kh {

namespace {

using nlohmann::json;

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS documents (
  doc_id           INTEGER PRIMARY KEY,
  sha256           TEXT NOT NULL UNIQUE,   -- the PDF's content: the document's key
  file             TEXT NOT NULL,          -- the PDF's path when it was read
  json_path        TEXT,                   -- the plan JSON this row was loaded from
  pages            INTEGER,
  text_layer       TEXT,
  schema_version   TEXT,
  kind             TEXT,
  number           TEXT,                   -- "93/KH-UBND"
  issuer           TEXT,
  parent_issuer    TEXT,
  province         TEXT,                   -- as of the date
  province_2025    TEXT,                   -- of the 34 from 2025-07-01
  place            TEXT,
  date             TEXT,                   -- ISO 8601
  title            TEXT,
  period_from      INTEGER,
  period_to        INTEGER,
  signer_name      TEXT,
  signer_role      TEXT,
  signer_authority TEXT
);
CREATE INDEX IF NOT EXISTS documents_province ON documents(province, period_from);
CREATE INDEX IF NOT EXISTS documents_province_2025 ON documents(province_2025, period_from);
CREATE INDEX IF NOT EXISTS documents_number ON documents(number);

CREATE TABLE IF NOT EXISTS legal_references (
  doc_id      INTEGER NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
  ref_index   INTEGER NOT NULL,            -- order in the plan JSON
  type        TEXT,                        -- "nghi_dinh", "quyet_dinh", ...
  type_name   TEXT,
  number      TEXT,                        -- canonical: "61/2018/NĐ-CP"
  year        INTEGER,
  issuer_code TEXT,
  issuer      TEXT,
  date        TEXT,
  mentions    INTEGER,
  first_page  INTEGER,
  PRIMARY KEY (doc_id, ref_index)
);
CREATE INDEX IF NOT EXISTS legal_references_number ON legal_references(number);
CREATE INDEX IF NOT EXISTS legal_references_type_year ON legal_references(type, year);

CREATE TABLE IF NOT EXISTS mentions (
  doc_id        INTEGER NOT NULL,
  ref_index     INTEGER NOT NULL,
  mention_index INTEGER NOT NULL,
  page          INTEGER,
  x0 REAL, y0 REAL, x1 REAL, y1 REAL,
  text          TEXT,
  PRIMARY KEY (doc_id, ref_index, mention_index),
  FOREIGN KEY (doc_id, ref_index) REFERENCES legal_references(doc_id, ref_index) ON DELETE CASCADE
);

CREATE TABLE IF NOT EXISTS targets (
  doc_id       INTEGER NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
  target_index INTEGER NOT NULL,
  indicator    TEXT,                       -- catalogue id, e.g. "satisfaction"; NULL if none
  value        REAL,
  max          REAL,                       -- upper end of a range, else NULL
  comparator   TEXT,                       -- ">=", "<=", "=", "range", ...
  direction    TEXT,                       -- "reach", "increase", "decrease"
  unit         TEXT,
  metric       TEXT,
  section      TEXT,                       -- the headings, joined with " > "
  year         INTEGER,
  year_source  TEXT,
  in_table     INTEGER,
  page         INTEGER,
  x0 REAL, y0 REAL, x1 REAL, y1 REAL,
  text         TEXT,
  PRIMARY KEY (doc_id, target_index)
);
CREATE INDEX IF NOT EXISTS targets_indicator ON targets(indicator, year);

CREATE TABLE IF NOT EXISTS tasks (
  doc_id        INTEGER NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
  task_index    INTEGER NOT NULL,
  table_index   INTEGER,
  row           INTEGER,
  no            TEXT,
  part_of       TEXT,
  group_title   TEXT,
  task          TEXT,
  product       TEXT,
  lead_text     TEXT,
  partners_text TEXT,
  timeline_text TEXT,
  due_from      TEXT,                      -- ISO 8601
  due_to        TEXT,
  recurring     TEXT,
  condition     TEXT,
  first_page    INTEGER,
  PRIMARY KEY (doc_id, task_index)
);
CREATE INDEX IF NOT EXISTS tasks_due ON tasks(due_to);

CREATE TABLE IF NOT EXISTS task_units (
  doc_id     INTEGER NOT NULL,
  task_index INTEGER NOT NULL,
  role       TEXT NOT NULL CHECK (role IN ('lead', 'partner')),
  unit_index INTEGER NOT NULL,
  unit       TEXT NOT NULL,
  PRIMARY KEY (doc_id, task_index, role, unit_index),
  FOREIGN KEY (doc_id, task_index) REFERENCES tasks(doc_id, task_index) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS task_units_unit ON task_units(unit);
)sql";

// A prepared statement bound by position; finalised with its owner.
class Stmt {
 public:
  Stmt() = default;
  ~Stmt() { sqlite3_finalize(s_); }
  Status Prepare(sqlite3* db, const char* sql) {
    if (sqlite3_prepare_v2(db, sql, -1, &s_, nullptr) != SQLITE_OK) return Status::Internal(sqlite3_errmsg(db));
    return Status::OK();
  }
  // Binds the values of a JSON scalar (null, number, string, bool).
  Stmt& Bind(const json& v) {
    ++i_;
    if (v.is_null()) sqlite3_bind_null(s_, i_);
    else if (v.is_boolean()) sqlite3_bind_int(s_, i_, v.get<bool>() ? 1 : 0);
    else if (v.is_number_integer() || v.is_number_unsigned()) sqlite3_bind_int64(s_, i_, v.get<int64_t>());
    else if (v.is_number()) sqlite3_bind_double(s_, i_, v.get<double>());
    else if (v.is_string()) {
      const std::string& s = v.get_ref<const std::string&>();
      sqlite3_bind_text(s_, i_, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
    } else {
      std::string s = v.dump();
      sqlite3_bind_text(s_, i_, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
    }
    return *this;
  }
  Stmt& Bind(int64_t v) {
    sqlite3_bind_int64(s_, ++i_, v);
    return *this;
  }
  Stmt& Bind(const std::string& v) {
    sqlite3_bind_text(s_, ++i_, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  // Runs it to the end and resets it for the next use.
  int Run() {
    int rc = sqlite3_step(s_);
    sqlite3_reset(s_);
    sqlite3_clear_bindings(s_);
    i_ = 0;
    return rc;
  }
  sqlite3_stmt* get() { return s_; }

 private:
  sqlite3_stmt* s_ = nullptr;
  int i_ = 0;
};

const json& Get(const json& o, const char* key) {
  static const json kNull;
  if (!o.is_object()) return kNull;
  auto it = o.find(key);
  return it == o.end() ? kNull : *it;
}

// A box's corner i, or null.
json Corner(const json& box, size_t i) {
  return box.is_array() && box.size() == 4 ? box[i] : json();
}

std::string JoinSection(const json& section) {
  if (!section.is_array()) return section.is_string() ? section.get<std::string>() : "";
  std::string out;
  for (const json& s : section) {
    if (!s.is_string()) continue;
    if (!out.empty()) out += " > ";
    out += s.get<std::string>();
  }
  return out;
}

// Closes the connection; declared before the statements in Impl so that it is
// destroyed after them (sqlite3_close fails while statements remain).
struct Connection {
  sqlite3* db = nullptr;
  ~Connection() { sqlite3_close(db); }
};

}  // namespace

struct PlanStore::Impl {
  Connection conn;
  sqlite3*& db = conn.db;
  Stmt del, doc, ref, mention, target, task, unit;
  Status Exec(const char* sql) {
    char* err = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
      Status s = Status::IoError(err != nullptr ? err : sqlite3_errmsg(db));
      sqlite3_free(err);
      return s;
    }
    return Status::OK();
  }
  Status Error() { return Status::IoError(sqlite3_errmsg(db)); }
};

PlanStore::PlanStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
PlanStore::~PlanStore() = default;

Result<std::unique_ptr<PlanStore>> PlanStore::Open(const std::string& path) {
  auto impl = std::make_unique<Impl>();
  if (sqlite3_open_v2(path.c_str(), &impl->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
    return Status::IoError(std::string("cannot open database: ") + sqlite3_errmsg(impl->db));
  }
  sqlite3_busy_timeout(impl->db, 10000);
  // WAL: readers (auditors) never block the loader; NORMAL: a commit costs no
  // flush, and a crash loses at most the last commits, never the database.
  if (Status s = impl->Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"); !s.ok()) {
    return Status::InvalidInput("not a database: " + s.message());
  }
  sqlite3_stmt* v = nullptr;
  int version = 0;
  if (sqlite3_prepare_v2(impl->db, "PRAGMA user_version", -1, &v, nullptr) == SQLITE_OK && sqlite3_step(v) == SQLITE_ROW) {
    version = sqlite3_column_int(v, 0);
  }
  sqlite3_finalize(v);
  if (version != 0 && version != 1 && version != kStoreVersion) {
    return Status::InvalidInput("database tables are version " + std::to_string(version) + ", this kehoach writes " +
                                std::to_string(kStoreVersion));
  }
  if (Status s = impl->Exec("BEGIN"); !s.ok()) return s;
  if (version == 1)
    if (Status s = impl->Exec("ALTER TABLE documents ADD COLUMN province_2025 TEXT"); !s.ok()) return s;
  if (Status s = impl->Exec(kSchema); !s.ok()) return s;
  std::string uv = "PRAGMA user_version=" + std::to_string(kStoreVersion);
  if (Status s = impl->Exec(uv.c_str()); !s.ok()) return s;
  if (Status s = impl->Exec("COMMIT"); !s.ok()) return s;
  struct {
    Stmt* s;
    const char* sql;
  } stmts[] = {
      {&impl->del, "DELETE FROM documents WHERE sha256 = ?"},
      {&impl->doc,
       "INSERT INTO documents (sha256, file, json_path, pages, text_layer, schema_version, kind, number, issuer, "
       "parent_issuer, province, province_2025, place, date, title, period_from, period_to, signer_name, signer_role, "
       "signer_authority) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"},
      {&impl->ref,
       "INSERT INTO legal_references (doc_id, ref_index, type, type_name, number, year, issuer_code, issuer, date, "
       "mentions, first_page) VALUES (?,?,?,?,?,?,?,?,?,?,?)"},
      {&impl->mention,
       "INSERT INTO mentions (doc_id, ref_index, mention_index, page, x0, y0, x1, y1, text) VALUES (?,?,?,?,?,?,?,?,?)"},
      {&impl->target,
       "INSERT INTO targets (doc_id, target_index, indicator, value, max, comparator, direction, unit, metric, "
       "section, year, year_source, in_table, page, x0, y0, x1, y1, text) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"},
      {&impl->task,
       "INSERT INTO tasks (doc_id, task_index, table_index, row, no, part_of, group_title, task, product, lead_text, "
       "partners_text, timeline_text, due_from, due_to, recurring, condition, first_page) "
       "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"},
      {&impl->unit, "INSERT INTO task_units (doc_id, task_index, role, unit_index, unit) VALUES (?,?,?,?,?)"},
  };
  for (auto& [s, sql] : stmts) {
    if (Status st = s->Prepare(impl->db, sql); !st.ok()) return st;
  }
  return std::unique_ptr<PlanStore>(new PlanStore(std::move(impl)));
}

Status PlanStore::Put(std::string_view plan_json, const std::string& json_path) {
  json plan = json::parse(plan_json, nullptr, /*allow_exceptions=*/false);
  if (plan.is_discarded() || !plan.is_object()) return Status::InvalidInput("not a plan JSON");
  const json& source = Get(plan, "source");
  const json& sha = Get(source, "sha256");
  if (!sha.is_string() || sha.get_ref<const std::string&>().empty()) {
    return Status::InvalidInput("plan JSON without source.sha256");
  }
  const json& d = Get(plan, "document");
  Impl& m = *impl_;
  if (Status s = m.Exec("BEGIN IMMEDIATE"); !s.ok()) return s;
  auto fail = [&]() {
    Status s = m.Error();
    m.Exec("ROLLBACK");
    return s;
  };
  if (m.del.Bind(sha).Run() != SQLITE_DONE) return fail();
  const json& period = Get(d, "period");
  const json& signer = Get(d, "signer");
  m.doc.Bind(sha).Bind(Get(source, "file")).Bind(json_path).Bind(Get(source, "pages")).Bind(Get(source, "text_layer"));
  m.doc.Bind(Get(Get(plan, "schema"), "version")).Bind(Get(d, "kind")).Bind(Get(d, "number")).Bind(Get(d, "issuer"));
  m.doc.Bind(Get(d, "parent_issuer")).Bind(Get(d, "province")).Bind(Get(d, "province_2025")).Bind(Get(d, "place")).Bind(Get(d, "date"));
  m.doc.Bind(Get(d, "title")).Bind(Get(period, "from")).Bind(Get(period, "to")).Bind(Get(signer, "name"));
  m.doc.Bind(Get(signer, "role")).Bind(Get(signer, "authority"));
  if (m.doc.Run() != SQLITE_DONE) return fail();
  int64_t doc_id = sqlite3_last_insert_rowid(m.db);

  const json& refs = Get(plan, "legal_references");
  for (size_t i = 0; refs.is_array() && i < refs.size(); ++i) {
    const json& r = refs[i];
    const json& ms = Get(r, "mentions");
    json first_page = ms.is_array() && !ms.empty() ? Get(ms[0], "page") : json();
    m.ref.Bind(doc_id).Bind(static_cast<int64_t>(i)).Bind(Get(r, "type")).Bind(Get(r, "type_name"));
    m.ref.Bind(Get(r, "number")).Bind(Get(r, "year")).Bind(Get(r, "issuer_code")).Bind(Get(r, "issuer"));
    m.ref.Bind(Get(r, "date")).Bind(static_cast<int64_t>(ms.is_array() ? ms.size() : 0)).Bind(first_page);
    if (m.ref.Run() != SQLITE_DONE) return fail();
    for (size_t k = 0; ms.is_array() && k < ms.size(); ++k) {
      const json& box = Get(ms[k], "bbox");
      m.mention.Bind(doc_id).Bind(static_cast<int64_t>(i)).Bind(static_cast<int64_t>(k)).Bind(Get(ms[k], "page"));
      m.mention.Bind(Corner(box, 0)).Bind(Corner(box, 1)).Bind(Corner(box, 2)).Bind(Corner(box, 3));
      m.mention.Bind(Get(ms[k], "text"));
      if (m.mention.Run() != SQLITE_DONE) return fail();
    }
  }
  const json& targets = Get(plan, "targets");
  for (size_t i = 0; targets.is_array() && i < targets.size(); ++i) {
    const json& t = targets[i];
    const json& box = Get(t, "bbox");
    m.target.Bind(doc_id).Bind(static_cast<int64_t>(i)).Bind(Get(t, "indicator")).Bind(Get(t, "value"));
    m.target.Bind(Get(t, "max")).Bind(Get(t, "comparator")).Bind(Get(t, "direction")).Bind(Get(t, "unit"));
    m.target.Bind(Get(t, "metric")).Bind(JoinSection(Get(t, "section"))).Bind(Get(t, "year"));
    m.target.Bind(Get(t, "year_source")).Bind(Get(t, "in_table")).Bind(Get(t, "page"));
    m.target.Bind(Corner(box, 0)).Bind(Corner(box, 1)).Bind(Corner(box, 2)).Bind(Corner(box, 3)).Bind(Get(t, "text"));
    if (m.target.Run() != SQLITE_DONE) return fail();
  }
  const json& tasks = Get(plan, "tasks");
  for (size_t i = 0; tasks.is_array() && i < tasks.size(); ++i) {
    const json& t = tasks[i];
    const json& tl = Get(t, "timeline");
    const json& pages = Get(t, "pages");
    json first_page = pages.is_array() && !pages.empty() ? pages[0] : json();
    m.task.Bind(doc_id).Bind(static_cast<int64_t>(i)).Bind(Get(t, "table")).Bind(Get(t, "row")).Bind(Get(t, "no"));
    m.task.Bind(Get(t, "part_of")).Bind(Get(Get(t, "group"), "title")).Bind(Get(t, "task")).Bind(Get(t, "product"));
    m.task.Bind(Get(t, "lead_text")).Bind(Get(t, "partners_text")).Bind(Get(tl, "text")).Bind(Get(tl, "from"));
    m.task.Bind(Get(tl, "to")).Bind(Get(tl, "recurring")).Bind(Get(tl, "condition")).Bind(first_page);
    if (m.task.Run() != SQLITE_DONE) return fail();
    for (const char* role : {"lead", "partners"}) {
      const json& units = Get(t, role);
      for (size_t k = 0; units.is_array() && k < units.size(); ++k) {
        m.unit.Bind(doc_id).Bind(static_cast<int64_t>(i)).Bind(std::string(role[0] == 'l' ? "lead" : "partner"));
        m.unit.Bind(static_cast<int64_t>(k)).Bind(units[k]);
        if (m.unit.Run() != SQLITE_DONE) return fail();
      }
    }
  }
  if (Status s = m.Exec("COMMIT"); !s.ok()) {
    m.Exec("ROLLBACK");
    return s;
  }
  return Status::OK();
}

Result<std::set<std::string>> PlanStore::Documents() const {
  std::set<std::string> out;
  Stmt q;
  if (Status s = q.Prepare(impl_->db, "SELECT sha256 FROM documents"); !s.ok()) return s;
  int rc;
  while ((rc = sqlite3_step(q.get())) == SQLITE_ROW) {
    out.insert(reinterpret_cast<const char*>(sqlite3_column_text(q.get(), 0)));
  }
  if (rc != SQLITE_DONE) return impl_->Error();
  return out;
}

}  // namespace kh
