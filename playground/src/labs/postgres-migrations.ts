/**
 * The PostgreSQL lab database's schema, as numbered migrations (SQLite has its own set in
 * sqlite-migrations.ts: the dialects differ in types, identity columns and JSON). The table
 * lab_schema_migrations records which have run; postgres-store.ts applies the missing ones in one
 * transaction under an advisory lock. Never edit a shipped migration: add one.
 *
 * Types: instants are timestamptz; the submitted files, the grade and the lab settings are `json`
 * (not jsonb), which keeps the text exactly as sent, key order included — nothing queries inside it.
 */
export const POSTGRES_MIGRATIONS: readonly string[] = [
  // 1: labs, students, submissions.
  `
  CREATE TABLE labs (
    id text PRIMARY KEY,
    settings json NOT NULL,
    instructor_key_hash text NOT NULL,
    created_at timestamptz NOT NULL
  );
  CREATE TABLE students (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    lab_id text NOT NULL REFERENCES labs(id) ON DELETE CASCADE,
    student_id text NOT NULL,
    name text NOT NULL,
    email text,
    token_hash text NOT NULL UNIQUE,
    joined_at timestamptz NOT NULL,
    CONSTRAINT students_lab_student_unique UNIQUE (lab_id, student_id)
  );
  CREATE TABLE submissions (
    id text PRIMARY KEY,
    lab_id text NOT NULL REFERENCES labs(id) ON DELETE CASCADE,
    student_row bigint NOT NULL REFERENCES students(id) ON DELETE CASCADE,
    exercise_id text NOT NULL,
    files json NOT NULL,
    submitted_at timestamptz NOT NULL,
    late boolean NOT NULL,
    score integer NOT NULL,
    max_score integer NOT NULL,
    final_score integer NOT NULL,
    verdict text NOT NULL,
    status text NOT NULL,
    result json NOT NULL,
    override_score integer,
    override_comment text,
    override_at timestamptz
  );
  CREATE INDEX submissions_by_student ON submissions (lab_id, student_row, exercise_id, submitted_at);
  CREATE INDEX submissions_by_lab ON submissions (lab_id, submitted_at, id);
  `,
  // 2: accept first, grade after. A submission is stored before it is graded, so the grade
  // columns become nullable, and the grading queue lives in the same rows: state, attempts, lease,
  // retry time. Queue instants come from the database's clock (now()), shared by every machine.
  // Rows from version 1 were graded when stored.
  `
  ALTER TABLE submissions
    ALTER COLUMN score DROP NOT NULL,
    ALTER COLUMN final_score DROP NOT NULL,
    ALTER COLUMN verdict DROP NOT NULL,
    ALTER COLUMN status DROP NOT NULL,
    ALTER COLUMN result DROP NOT NULL,
    ADD COLUMN locale text NOT NULL DEFAULT 'en',
    ADD COLUMN idempotency_key text,
    ADD COLUMN state text NOT NULL DEFAULT 'graded'
      CONSTRAINT submissions_state_check CHECK (state IN ('queued', 'grading', 'graded', 'failed')),
    ADD COLUMN graded_at timestamptz,
    ADD COLUMN failure text,
    ADD COLUMN grading_attempts integer NOT NULL DEFAULT 0,
    ADD COLUMN queued_at timestamptz,
    ADD COLUMN run_after timestamptz,
    ADD COLUMN lease_token text,
    ADD COLUMN lease_until timestamptz;
  UPDATE submissions SET graded_at = submitted_at, queued_at = submitted_at, run_after = submitted_at;
  ALTER TABLE submissions
    ALTER COLUMN queued_at SET NOT NULL,
    ALTER COLUMN run_after SET NOT NULL,
    ALTER COLUMN state DROP DEFAULT,
    ALTER COLUMN locale DROP DEFAULT;
  CREATE UNIQUE INDEX submissions_idempotency ON submissions (student_row, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
  CREATE INDEX submissions_queue ON submissions (queued_at, id) WHERE state IN ('queued', 'grading', 'failed');
  `,
];
