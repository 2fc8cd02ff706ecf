/**
 * The embedded lab store: one SQLite file through node:sqlite, for a server on one machine (the
 * default; see store.ts for why SQLite and not an embedded PostgreSQL). WAL mode with
 * synchronous=FULL: a commit is on disk before the call returns, so an acknowledged submission
 * survives a SIGKILL or a power cut. node:sqlite is synchronous; the methods return promises only
 * to share the LabStore interface with the network database.
 */
import { DatabaseSync, type SQLInputValue } from 'node:sqlite';
import { DuplicateStudentError, type AddedSubmission, type LabStore, type LabStoreOptions } from './store.ts';
import { DEFAULT_MAX_ATTEMPTS } from './queue.ts';
import type { LabSettings, Student, Submission, SubmissionGrade } from './types.ts';
import { createSqliteQueue } from './sqlite-queue.ts';
import { openDatabase } from './sqlite-open.ts';

export type Row = Record<string, SQLInputValue>;

/** A submissions row as the rest of the server sees it (also used by sqlite-queue.ts). */
export function toSubmission(r: Row): Submission {
  return {
    id: r.id as string,
    labId: r.lab_id as string,
    studentRow: Number(r.student_row),
    exerciseId: r.exercise_id as string,
    files: JSON.parse(r.files as string) as Submission['files'],
    submittedAt: r.submitted_at as string,
    late: Number(r.late) === 1,
    locale: r.locale as Submission['locale'],
    idempotencyKey: (r.idempotency_key as string | null) ?? null,
    state: r.state as Submission['state'],
    maxScore: Number(r.max_score),
    grade:
      r.result === null || r.result === undefined
        ? null
        : {
            score: Number(r.score),
            maxScore: Number(r.max_score),
            finalScore: Number(r.final_score),
            verdict: r.verdict as SubmissionGrade['verdict'],
            status: r.status as SubmissionGrade['status'],
            result: JSON.parse(r.result as string) as SubmissionGrade['result'],
            gradedAt: r.graded_at as string,
          },
    failure: (r.failure as string | null) ?? null,
    gradingAttempts: Number(r.grading_attempts),
    override:
      r.override_score === null || r.override_score === undefined
        ? null
        : {
            score: Number(r.override_score),
            comment: (r.override_comment as string | null) ?? '',
            at: r.override_at as string,
          },
  };
}

function toStudent(r: Row): Student {
  return {
    row: Number(r.row),
    labId: r.lab_id as string,
    studentId: r.student_id as string,
    name: r.name as string,
    email: (r.email as string | null) ?? null,
    joinedAt: r.joined_at as string,
  };
}

/** Opens (creating if needed) the lab database at `file`; throws if its schema is newer than this server's. */
export function createSqliteLabStore(file: string, options: LabStoreOptions = {}): LabStore {
  const { db, version } = openDatabase(file);
  const q = prepareStatements(db);
  const queue = createSqliteQueue(db, toSubmission, {
    maxAttempts: options.maxGradingAttempts ?? DEFAULT_MAX_ATTEMPTS,
  });
  return {
    ...labsAndStudents(q),
    addSubmission: async (s, limit) => addSubmission(db, q, queue.wake, s, limit),
    ...submissionsAndOverrides(q),
    queue: queue.queue,
    version: async () => version,
    close: async () => db.close(),
  };
}

type Statements = ReturnType<typeof prepareStatements>;

/** Every statement the store runs, prepared once. */
function prepareStatements(db: DatabaseSync) {
  return {
    insertLab: db.prepare(
      'INSERT INTO labs (id, settings, instructor_key_hash, created_at) VALUES (?, ?, ?, ?)',
    ),
    lab: db.prepare('SELECT * FROM labs WHERE id = ?'),
    insertStudent: db.prepare(
      'INSERT INTO students (lab_id, student_id, name, email, token_hash, joined_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING *',
    ),
    studentByToken: db.prepare('SELECT * FROM students WHERE lab_id = ? AND token_hash = ?'),
    students: db.prepare('SELECT * FROM students WHERE lab_id = ? ORDER BY student_id'),
    attempts: db.prepare(
      'SELECT COUNT(*) AS n FROM submissions WHERE lab_id = ? AND student_row = ? AND exercise_id = ?',
    ),
    insertSubmission: db.prepare(
      `INSERT INTO submissions (id, lab_id, student_row, exercise_id, files, submitted_at, late, locale,
        idempotency_key, state, max_score, queued_at, run_after)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?)`,
    ),
    byKey: db.prepare('SELECT * FROM submissions WHERE student_row = ? AND idempotency_key = ?'),
    submissions: db.prepare('SELECT * FROM submissions WHERE lab_id = ? ORDER BY submitted_at, id'),
    studentSubmissions: db.prepare(
      'SELECT * FROM submissions WHERE lab_id = ? AND student_row = ? ORDER BY submitted_at, id',
    ),
    submission: db.prepare('SELECT * FROM submissions WHERE lab_id = ? AND id = ?'),
    override: db.prepare(
      'UPDATE submissions SET override_score = ?, override_comment = ?, override_at = ? WHERE lab_id = ? AND id = ?',
    ),
  };
}

type LabsAndStudents = Pick<LabStore, 'createLab' | 'getLab' | 'addStudent' | 'studentByToken' | 'students'>;

/** Creating and finding labs; students joining and being found by their token. */
function labsAndStudents(q: Statements): LabsAndStudents {
  return {
    async createLab(lab, instructorKeyHash) {
      const { id, createdAt, ...settings } = lab;
      q.insertLab.run(id, JSON.stringify(settings satisfies LabSettings), instructorKeyHash, createdAt);
    },
    async getLab(id) {
      const r = q.lab.get(id) as Row | undefined;
      if (!r) return null;
      const settings = JSON.parse(r.settings as string) as LabSettings;
      return {
        lab: { id: r.id as string, createdAt: r.created_at as string, ...settings },
        instructorKeyHash: r.instructor_key_hash as string,
      };
    },
    async addStudent(s) {
      try {
        const r = q.insertStudent.get(s.labId, s.studentId, s.name, s.email, s.tokenHash, s.joinedAt) as Row;
        return toStudent(r);
      } catch (error) {
        if (/UNIQUE constraint failed: students\.lab_id, students\.student_id/.test((error as Error).message))
          throw new DuplicateStudentError(s.studentId);
        throw error;
      }
    },
    async studentByToken(labId, tokenHash) {
      const r = q.studentByToken.get(labId, tokenHash) as Row | undefined;
      return r ? toStudent(r) : null;
    },
    async students(labId) {
      return (q.students.all(labId) as Row[]).map(toStudent);
    },
  };
}

/**
 * Stores a queued submission unless the key was used or the limit is reached, in one write
 * transaction, and wakes this process's idle grading workers.
 */
function addSubmission(
  db: DatabaseSync,
  q: Statements,
  wake: () => void,
  s: Submission,
  limit: number | null,
): AddedSubmission {
  // The key lookup, the count and the insert in one write transaction (BEGIN IMMEDIATE takes
  // the file's write lock first): two racing submissions, even from two processes, cannot both
  // take the last attempt or both store one idempotency key.
  db.exec('BEGIN IMMEDIATE');
  try {
    if (s.idempotencyKey !== null) {
      const earlier = q.byKey.get(s.studentRow, s.idempotencyKey) as Row | undefined;
      if (earlier) {
        db.exec('ROLLBACK');
        return { outcome: 'existing', submission: toSubmission(earlier) };
      }
    }
    const n = Number((q.attempts.get(s.labId, s.studentRow, s.exerciseId) as Row).n);
    if (limit !== null && n >= limit) {
      db.exec('ROLLBACK');
      return { outcome: 'limit' };
    }
    q.insertSubmission.run(
      s.id,
      s.labId,
      s.studentRow,
      s.exerciseId,
      JSON.stringify(s.files),
      s.submittedAt,
      s.late ? 1 : 0,
      s.locale,
      s.idempotencyKey,
      s.maxScore,
      s.submittedAt,
      s.submittedAt,
    );
    const stored = toSubmission(q.submission.get(s.labId, s.id) as Row);
    db.exec('COMMIT');
    wake();
    return { outcome: 'stored', submission: stored };
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}

type SubmissionsAndOverrides = Pick<
  LabStore,
  'submissionByKey' | 'attempts' | 'submissions' | 'submission' | 'setOverride'
>;

/** Finding and counting submissions; the instructor's override of a score. */
function submissionsAndOverrides(q: Statements): SubmissionsAndOverrides {
  return {
    async submissionByKey(studentRow, key) {
      const r = q.byKey.get(studentRow, key) as Row | undefined;
      return r ? toSubmission(r) : null;
    },
    async attempts(labId, studentRow, exerciseId) {
      return Number((q.attempts.get(labId, studentRow, exerciseId) as Row).n);
    },
    async submissions(labId, studentRow) {
      const rows =
        studentRow === undefined ? q.submissions.all(labId) : q.studentSubmissions.all(labId, studentRow);
      return (rows as Row[]).map(toSubmission);
    },
    async submission(labId, id) {
      const r = q.submission.get(labId, id) as Row | undefined;
      return r ? toSubmission(r) : null;
    },
    async setOverride(labId, id, o) {
      const result = q.override.run(o?.score ?? null, o?.comment ?? null, o?.at ?? null, labId, id);
      return Number(result.changes) === 1;
    },
  };
}
