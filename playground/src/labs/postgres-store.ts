/**
 * The lab store on PostgreSQL, for several web servers sharing one database
 * (LOCKSTEP_DATABASE_URL=postgres://…). A `pg` connection pool, parameterised SQL only, and a
 * transaction wherever the answer depends on more than one statement.
 *
 * The server must start and serve the site while the database is away: nothing here connects
 * until a lab request needs it. The first one brings the schema up to date (postgres-migrations.ts,
 * in one transaction under an advisory lock, so replicas starting together apply each migration
 * once); a request that cannot reach the database rejects with DatabaseUnavailableError (503) and
 * the next one tries again, so the server recovers by itself when the database returns.
 */
import pg from 'pg';
import { POSTGRES_MIGRATIONS } from './postgres-migrations.ts';
import { unavailableReason } from './postgres-errors.ts';
import {
  DatabaseUnavailableError,
  DuplicateStudentError,
  type LabStore,
  type LabStoreOptions,
} from './store.ts';
import type { LabSettings, Student, Submission, SubmissionGrade } from './types.ts';
import { createPostgresQueue, GRADING_CHANNEL } from './postgres-queue.ts';
import { DEFAULT_MAX_ATTEMPTS } from './queue.ts';

export interface PostgresStoreOptions extends LabStoreOptions {
  /** Connections this server keeps at most (pg's default is 10). */
  maxConnections?: number;
  /** How long a request waits for a connection before answering 503. */
  connectTimeoutMs?: number;
  /** Told when an idle connection breaks (the database restarted, say); the pool drops it. */
  onIdleError?: (error: Error) => void;
}

/** Arbitrary but fixed: the key of the advisory lock that serialises migrations across replicas. */
const MIGRATION_LOCK = 7_304_190_251_117;

export type Row = Record<string, unknown>;

export const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : String(v));

/** A submissions row as the rest of the server sees it (also used by postgres-queue.ts). */
export function toSubmission(r: Row): Submission {
  return {
    id: r.id as string,
    labId: r.lab_id as string,
    studentRow: Number(r.student_row),
    exerciseId: r.exercise_id as string,
    files: r.files as Submission['files'],
    submittedAt: iso(r.submitted_at),
    late: r.late === true,
    locale: r.locale as Submission['locale'],
    idempotencyKey: (r.idempotency_key as string | null) ?? null,
    state: r.state as Submission['state'],
    maxScore: Number(r.max_score),
    grade:
      r.result === null
        ? null
        : {
            score: Number(r.score),
            maxScore: Number(r.max_score),
            finalScore: Number(r.final_score),
            verdict: r.verdict as SubmissionGrade['verdict'],
            status: r.status as SubmissionGrade['status'],
            result: r.result as SubmissionGrade['result'],
            gradedAt: iso(r.graded_at),
          },
    failure: (r.failure as string | null) ?? null,
    gradingAttempts: Number(r.grading_attempts),
    override:
      r.override_score === null
        ? null
        : {
            score: Number(r.override_score),
            comment: (r.override_comment as string | null) ?? '',
            at: iso(r.override_at),
          },
  };
}

function toStudent(r: Row): Student {
  return {
    row: Number(r.id),
    labId: r.lab_id as string,
    studentId: r.student_id as string,
    name: r.name as string,
    email: (r.email as string | null) ?? null,
    joinedAt: iso(r.joined_at),
  };
}

/** Maps an unreachable database to a 503; every other error passes through unchanged. */
export function translate(error: unknown): unknown {
  if (error instanceof DatabaseUnavailableError) return error;
  const reason = unavailableReason(error);
  return reason ? new DatabaseUnavailableError(reason) : error;
}

/** Runs `work` in one transaction on one pooled connection; a broken connection is discarded. */
export async function transaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  // A checked-out connection that breaks between two queries (the database restarting) emits
  // 'error' on the client, which without a listener would crash the process; the next query
  // then fails and the connection is discarded below.
  let broken: unknown = null;
  const onError = (error: unknown): void => {
    broken = error;
  };
  client.on('error', onError);
  const release = (destroy: boolean): void => {
    client.off('error', onError);
    client.release(destroy);
  };
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    release(false);
    return result;
  } catch (error) {
    try {
      if (broken) throw broken;
      await client.query('ROLLBACK');
      release(false);
    } catch {
      release(true);
    }
    throw error;
  }
}

/** Applies the missing migrations; returns the schema version. Replicas starting together queue on the lock. */
async function migrate(pool: pg.Pool): Promise<number> {
  return transaction(pool, async (client) => {
    // Transaction-scoped: released by COMMIT or ROLLBACK, even if this process dies.
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS lab_schema_migrations (
      version integer PRIMARY KEY,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await client.query<{ v: number }>(
      'SELECT coalesce(max(version), 0)::integer AS v FROM lab_schema_migrations',
    );
    const current = rows[0]!.v;
    if (current > POSTGRES_MIGRATIONS.length)
      throw new Error(
        `The lab database has schema version ${current}, newer than this server knows (${POSTGRES_MIGRATIONS.length}).`,
      );
    for (let v = current; v < POSTGRES_MIGRATIONS.length; v++) {
      await client.query(POSTGRES_MIGRATIONS[v]!);
      await client.query('INSERT INTO lab_schema_migrations (version) VALUES ($1)', [v + 1]);
    }
    return POSTGRES_MIGRATIONS.length;
  });
}

/** A store on the database at `url` (postgres://…). Connects lazily; see the header. */
export function createPostgresLabStore(url: string, options: PostgresStoreOptions = {}): LabStore {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
    application_name: 'lockstep',
  });
  // Without a listener, an idle connection that breaks would crash the process.
  pool.on('error', (error) => options.onIdleError?.(error));

  let migrated: Promise<number> | null = null;
  const ready = (): Promise<number> => {
    migrated ??= migrate(pool).catch((error: unknown) => {
      migrated = null; // the next request tries again
      throw error;
    });
    return migrated;
  };

  /** Every operation: schema first, then the work, with unreachable-database errors as 503. */
  const run = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      await ready();
      return await work();
    } catch (error) {
      throw translate(error);
    }
  };
  const query = async (sql: string, params: unknown[]): Promise<Row[]> =>
    (await pool.query<Row>(sql, params)).rows;

  const queueHandle = createPostgresQueue({
    url,
    pool,
    run,
    maxAttempts: options.maxGradingAttempts ?? DEFAULT_MAX_ATTEMPTS,
    onIdleError: options.onIdleError,
  });
  const queue = queueHandle.queue;
  const store: LabStore = {
    createLab: (lab, instructorKeyHash) =>
      run(async () => {
        const { id, createdAt, ...settings } = lab;
        await query(
          'INSERT INTO labs (id, settings, instructor_key_hash, created_at) VALUES ($1, $2, $3, $4)',
          [id, JSON.stringify(settings satisfies LabSettings), instructorKeyHash, createdAt],
        );
      }),
    getLab: (id) =>
      run(async () => {
        const [r] = await query('SELECT * FROM labs WHERE id = $1', [id]);
        if (!r) return null;
        return {
          lab: { id: r.id as string, createdAt: iso(r.created_at), ...(r.settings as LabSettings) },
          instructorKeyHash: r.instructor_key_hash as string,
        };
      }),
    addStudent: (s) =>
      run(async () => {
        try {
          const [r] = await query(
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
      run(async () => {
        const [r] = await query('SELECT * FROM students WHERE lab_id = $1 AND token_hash = $2', [
          labId,
          tokenHash,
        ]);
        return r ? toStudent(r) : null;
      }),
    // COLLATE "C": the same byte order as SQLite, whatever locale the database was created with.
    students: (labId) =>
      run(async () =>
        (
          await query('SELECT * FROM students WHERE lab_id = $1 ORDER BY student_id COLLATE "C"', [labId])
        ).map(toStudent),
      ),
    addSubmission: (s, limit) =>
      run(() =>
        transaction(pool, async (client) => {
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
        }),
      ),
    submissionByKey: (studentRow, key) =>
      run(async () => {
        const [r] = await query('SELECT * FROM submissions WHERE student_row = $1 AND idempotency_key = $2', [
          studentRow,
          key,
        ]);
        return r ? toSubmission(r) : null;
      }),
    attempts: (labId, studentRow, exerciseId) =>
      run(async () => {
        const [r] = await query(
          'SELECT count(*)::integer AS n FROM submissions WHERE lab_id = $1 AND student_row = $2 AND exercise_id = $3',
          [labId, studentRow, exerciseId],
        );
        return Number(r!.n);
      }),
    submissions: (labId, studentRow) =>
      run(async () => {
        const rows =
          studentRow === undefined
            ? await query(
                'SELECT * FROM submissions WHERE lab_id = $1 ORDER BY submitted_at, id COLLATE "C"',
                [labId],
              )
            : await query(
                'SELECT * FROM submissions WHERE lab_id = $1 AND student_row = $2 ORDER BY submitted_at, id COLLATE "C"',
                [labId, studentRow],
              );
        return rows.map(toSubmission);
      }),
    submission: (labId, id) =>
      run(async () => {
        const [r] = await query('SELECT * FROM submissions WHERE lab_id = $1 AND id = $2', [labId, id]);
        return r ? toSubmission(r) : null;
      }),
    setOverride: (labId, id, o) =>
      run(async () => {
        const result = await pool.query(
          'UPDATE submissions SET override_score = $1, override_comment = $2, override_at = $3 WHERE lab_id = $4 AND id = $5',
          [o?.score ?? null, o?.comment ?? null, o?.at ?? null, labId, id],
        );
        return result.rowCount === 1;
      }),
    queue,
    version: () => run(ready),
    close: async () => {
      await queueHandle.close();
      await pool.end();
    },
  };
  return store;
}
