/**
 * The SQLite lab database's schema, as numbered migrations (PostgreSQL has its own set in
 * postgres-migrations.ts). PRAGMA user_version records how many have run; each runs once, inside
 * a transaction, in order. Never edit a shipped migration: add one.
 */
export const SQLITE_MIGRATIONS: readonly string[] = [
  // 1: labs, students, submissions.
  `
  CREATE TABLE labs (
    id TEXT PRIMARY KEY,
    settings TEXT NOT NULL,
    instructor_key_hash TEXT NOT NULL,
    created_at TEXT NOT NULL
  ) STRICT;
  CREATE TABLE students (
    row INTEGER PRIMARY KEY,
    lab_id TEXT NOT NULL REFERENCES labs(id) ON DELETE CASCADE,
    student_id TEXT NOT NULL,
    name TEXT NOT NULL,
    email TEXT,
    token_hash TEXT NOT NULL UNIQUE,
    joined_at TEXT NOT NULL,
    UNIQUE (lab_id, student_id)
  ) STRICT;
  CREATE TABLE submissions (
    id TEXT PRIMARY KEY,
    lab_id TEXT NOT NULL REFERENCES labs(id) ON DELETE CASCADE,
    student_row INTEGER NOT NULL REFERENCES students(row) ON DELETE CASCADE,
    exercise_id TEXT NOT NULL,
    files TEXT NOT NULL,
    submitted_at TEXT NOT NULL,
    late INTEGER NOT NULL,
    score INTEGER NOT NULL,
    max_score INTEGER NOT NULL,
    final_score INTEGER NOT NULL,
    verdict TEXT NOT NULL,
    status TEXT NOT NULL,
    result TEXT NOT NULL,
    override_score INTEGER,
    override_comment TEXT,
    override_at TEXT
  ) STRICT;
  CREATE INDEX submissions_by_student ON submissions (lab_id, student_row, exercise_id, submitted_at);
  `,
  // 2: accept first, grade after. A submission is stored before it is graded, so the grade
  // columns become nullable (SQLite cannot drop NOT NULL: the table is rebuilt; nothing refers to
  // it), and the grading queue lives in the same rows: state, attempts, lease, retry time.
  // Rows from version 1 were graded when stored.
  `
  CREATE TABLE submissions_v2 (
    id TEXT PRIMARY KEY,
    lab_id TEXT NOT NULL REFERENCES labs(id) ON DELETE CASCADE,
    student_row INTEGER NOT NULL REFERENCES students(row) ON DELETE CASCADE,
    exercise_id TEXT NOT NULL,
    files TEXT NOT NULL,
    submitted_at TEXT NOT NULL,
    late INTEGER NOT NULL,
    locale TEXT NOT NULL,
    idempotency_key TEXT,
    state TEXT NOT NULL CHECK (state IN ('queued', 'grading', 'graded', 'failed')),
    max_score INTEGER NOT NULL,
    score INTEGER,
    final_score INTEGER,
    verdict TEXT,
    status TEXT,
    result TEXT,
    graded_at TEXT,
    failure TEXT,
    grading_attempts INTEGER NOT NULL DEFAULT 0,
    queued_at TEXT NOT NULL,
    run_after TEXT NOT NULL,
    lease_token TEXT,
    lease_until TEXT,
    override_score INTEGER,
    override_comment TEXT,
    override_at TEXT
  ) STRICT;
  INSERT INTO submissions_v2 (id, lab_id, student_row, exercise_id, files, submitted_at, late, locale,
    state, max_score, score, final_score, verdict, status, result, graded_at, queued_at, run_after,
    override_score, override_comment, override_at)
  SELECT id, lab_id, student_row, exercise_id, files, submitted_at, late, 'en',
    'graded', max_score, score, final_score, verdict, status, result, submitted_at, submitted_at, submitted_at,
    override_score, override_comment, override_at
  FROM submissions;
  DROP TABLE submissions;
  ALTER TABLE submissions_v2 RENAME TO submissions;
  CREATE INDEX submissions_by_student ON submissions (lab_id, student_row, exercise_id, submitted_at);
  CREATE UNIQUE INDEX submissions_idempotency ON submissions (student_row, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
  CREATE INDEX submissions_queue ON submissions (queued_at, id) WHERE state IN ('queued', 'grading', 'failed');
  `,
];
