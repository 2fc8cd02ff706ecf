/**
 * The lab store on PostgreSQL, for several web servers sharing one database
 * (LOCKSTEP_DATABASE_URL=postgres://…). A `pg` connection pool, parameterised SQL only, and a
 * transaction wherever the answer depends on more than one statement.
 *
 * The server must start and serve the site while the database is away: nothing here connects
 * until a lab request needs it. The first one brings the schema up to date, and a request that
 * cannot reach the database rejects with DatabaseUnavailableError (503) while the next one tries
 * again, so the server recovers by itself when the database returns (postgres-connection.ts).
 * The operations come in groups, one function each: labs and students, adding a submission,
 * reading and overriding submissions; the grading queue is postgres-queue.ts.
 */
import { createPostgresQueue, GRADING_CHANNEL } from './postgres-queue.ts';
import {
  connectPostgres,
  transaction,
  type PostgresDb,
  type PostgresPoolOptions,
} from './postgres-connection.ts';
import { iso, toStudent, toSubmission, type Row } from './postgres-rows.ts';
import { DuplicateStudentError, type AddedSubmission, type LabStore, type LabStoreOptions } from './store.ts';
import type { LabSettings, Submission } from './types.ts';
import { DEFAULT_MAX_ATTEMPTS } from './queue.ts';

export interface PostgresStoreOptions extends LabStoreOptions, PostgresPoolOptions {}

/** A store on the database at `url` (postgres://…). Connects lazily; see the header. */
export function createPostgresLabStore(url: string, options: PostgresStoreOptions = {}): LabStore {
  const db = connectPostgres(url, options);
  const queueHandle = createPostgresQueue({
    url,
    pool: db.pool,
    run: db.run,
    maxAttempts: options.maxGradingAttempts ?? DEFAULT_MAX_ATTEMPTS,
    onIdleError: options.onIdleError,
  });
  return {
    ...labsAndStudents(db),
    addSubmission: (s, limit) => db.run(() => addSubmission(db, s, limit)),
    ...submissionsAndOverrides(db),
    queue: queueHandle.queue,
    version: () => db.run(db.ready),
    close: async () => {
      await queueHandle.close();
      await db.pool.end();
    },
  };
}

type LabsAndStudents = Pick<LabStore, 'createLab' | 'getLab' | 'addStudent' | 'studentByToken' | 'students'>;

/** Creating and finding labs; students joining and being found by their token. */
function labsAndStudents(db: PostgresDb): LabsAndStudents {
  return {
    createLab: (lab, instructorKeyHash) =>
      db.run(async () => {
        const { id, createdAt, ...settings } = lab;
        await db.query(
          'INSERT INTO labs (id, settings, instructor_key_hash, created_at) VALUES ($1, $2, $3, $4)',
          [id, JSON.stringify(settings satisfies LabSettings), instructorKeyHash, createdAt],
        );
      }),
    getLab: (id) =>
      db.run(async () => {
        const [r] = await db.query('SELECT * FROM labs WHERE id = $1', [id]);
        if (!r) return null;
        return {
          lab: { id: r.id as string, createdAt: iso(r.created_at), ...(r.settings as LabSettings) },
          instructorKeyHash: r.instructor_key_hash as string,
        };
      }),
    addStudent: (s) =>
      db.run(async () => {
        try {
          const [r] = await db.query(
            `INSERT INTO students (lab_id, student_id, name, email, token_hash, joined_at)
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
            [s.labId, s.studentId, s.name, s.email, s.tokenHash, s.joinedAt],
          );
          return toStudent(r!);
        } catch (error) {
          const e = error as { code?: string; constraint?: string };
          if (e.code === '23505' && e.constraint === 'students_lab_student_unique')
            throw new DuplicateStudentError(s.studentId);
          throw error;
        }
      }),
    studentByToken: (labId, tokenHash) =>
      db.run(async () => {
        const [r] = await db.query('SELECT * FROM students WHERE lab_id = $1 AND token_hash = $2', [
          labId,
          tokenHash,
        ]);
        return r ? toStudent(r) : null;
      }),
    // COLLATE "C": the same byte order as SQLite, whatever locale the database was created with.
    students: (labId) =>
      db.run(async () =>
        (
          await db.query('SELECT * FROM students WHERE lab_id = $1 ORDER BY student_id COLLATE "C"', [labId])
        ).map(toStudent),
      ),
  };
}

/**
 * Stores a queued submission unless the key was used or the limit is reached, in one transaction
 * that locks the student's row, and wakes the grading workers on every machine at COMMIT.
 */
function addSubmission(db: PostgresDb, s: Submission, limit: number | null): Promise<AddedSubmission> {
  return transaction(db.pool, async (client) => {
    // Locking the student's row serialises that student's submissions on every web server;
    // under READ COMMITTED the reads below then see every earlier one.
    await client.query('SELECT 1 FROM students WHERE id = $1 AND lab_id = $2 FOR UPDATE', [
      s.studentRow,
      s.labId,
    ]);
    if (s.idempotencyKey !== null) {
      const { rows } = await client.query<Row>(
        'SELECT * FROM submissions WHERE student_row = $1 AND idempotency_key = $2',
        [s.studentRow, s.idempotencyKey],
      );
      if (rows[0]) return { outcome: 'existing' as const, submission: toSubmission(rows[0]) };
    }
    if (limit !== null) {
      const { rows } = await client.query<{ n: number }>(
        'SELECT count(*)::integer AS n FROM submissions WHERE lab_id = $1 AND student_row = $2 AND exercise_id = $3',
        [s.labId, s.studentRow, s.exerciseId],
      );
      if (rows[0]!.n >= limit) return { outcome: 'limit' as const };
    }
    const { rows } = await client.query<Row>(
      `INSERT INTO submissions (id, lab_id, student_row, exercise_id, files, submitted_at, late,
         locale, idempotency_key, state, max_score, queued_at, run_after)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'queued', $10, now(), now()) RETURNING *`,
      [
        s.id,
        s.labId,
        s.studentRow,
        s.exerciseId,
        JSON.stringify(s.files),
        s.submittedAt,
        s.late,
        s.locale,
        s.idempotencyKey,
        s.maxScore,
      ],
    );
    // Delivered at COMMIT, to every listening worker on every machine.
    await client.query('SELECT pg_notify($1, $2)', [GRADING_CHANNEL, s.id]);
    return { outcome: 'stored' as const, submission: toSubmission(rows[0]!) };
  });
}

type SubmissionsAndOverrides = Pick<
  LabStore,
  'submissionByKey' | 'attempts' | 'submissions' | 'submission' | 'setOverride'
>;

/** Finding and counting submissions; the instructor's override of a score. */
function submissionsAndOverrides(db: PostgresDb): SubmissionsAndOverrides {
  return {
    submissionByKey: (studentRow, key) =>
      db.run(async () => {
        const [r] = await db.query(
          'SELECT * FROM submissions WHERE student_row = $1 AND idempotency_key = $2',
          [studentRow, key],
        );
        return r ? toSubmission(r) : null;
      }),
    attempts: (labId, studentRow, exerciseId) =>
      db.run(async () => {
        const [r] = await db.query(
          'SELECT count(*)::integer AS n FROM submissions WHERE lab_id = $1 AND student_row = $2 AND exercise_id = $3',
          [labId, studentRow, exerciseId],
        );
        return Number(r!.n);
      }),
    submissions: (labId, studentRow) =>
      db.run(async () => {
        const rows =
          studentRow === undefined
            ? await db.query(
                'SELECT * FROM submissions WHERE lab_id = $1 ORDER BY submitted_at, id COLLATE "C"',
                [labId],
              )
            : await db.query(
                'SELECT * FROM submissions WHERE lab_id = $1 AND student_row = $2 ORDER BY submitted_at, id COLLATE "C"',
                [labId, studentRow],
              );
        return rows.map(toSubmission);
      }),
    submission: (labId, id) =>
      db.run(async () => {
        const [r] = await db.query('SELECT * FROM submissions WHERE lab_id = $1 AND id = $2', [labId, id]);
        return r ? toSubmission(r) : null;
      }),
    setOverride: (labId, id, o) =>
      db.run(async () => {
        const result = await db.pool.query(
          'UPDATE submissions SET override_score = $1, override_comment = $2, override_at = $3 WHERE lab_id = $4 AND id = $5',
          [o?.score ?? null, o?.comment ?? null, o?.at ?? null, labId, id],
        );
        return result.rowCount === 1;
      }),
  };
}
