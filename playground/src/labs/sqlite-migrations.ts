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
];
