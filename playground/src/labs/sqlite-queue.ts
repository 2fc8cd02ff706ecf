/**
 * The grading queue on the embedded SQLite store (see queue.ts for the semantics both backends
 * share). Every change that depends on a read happens inside BEGIN IMMEDIATE, which takes the
 * file's write lock first, so two workers (even in two processes on one file) never lease the same
 * job. Instants are this machine's clock as ISO 8601 text, which sorts as time does. Idle workers
 * of this process are woken directly; another process on the same file finds work by polling.
 */
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import type { GradingQueue } from './queue.ts';
import type { Submission } from './types.ts';

type Row = Record<string, SQLInputValue>;

export interface SqliteQueueOptions {
  maxAttempts: number;
  now?: () => number;
}

/** What every group of queue operations works with. */
interface QueueContext {
  q: Statements;
  /** Runs `work` in a write transaction. */
  write: <T>(work: () => T) => T;
  toSubmission: (row: Row) => Submission;
  maxAttempts: number;
  now: () => number;
  /** Wakes this process's idle workers. */
  wake: () => void;
}

const iso = (ms: number): string => new Date(ms).toISOString();

export function createSqliteQueue(
  db: DatabaseSync,
  toSubmission: (row: Row) => Submission,
  options: SqliteQueueOptions,
): { queue: GradingQueue; wake: () => void } {
  const wakes = new EventEmitter();
  wakes.setMaxListeners(0);
  const wake = (): void => void wakes.emit('wake');
  const context: QueueContext = {
    q: prepareStatements(db),
    write: (work) => writeTransaction(db, work),
    toSubmission,
    maxAttempts: options.maxAttempts,
    now: options.now ?? Date.now,
    wake,
  };
  const queue: GradingQueue = {
    ...leaseOperations(context),
    ...endOfAttempt(context),
    ...queueStanding(context),
    onWake(listener) {
      wakes.on('wake', listener);
      return () => void wakes.off('wake', listener);
    },
  };
  return { queue, wake };
}

/** Runs `work` in a write transaction. */
function writeTransaction<T>(db: DatabaseSync, work: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}

type Statements = ReturnType<typeof prepareStatements>;

/** Every statement the queue runs, prepared once. */
function prepareStatements(db: DatabaseSync) {
  return {
    expire: db.prepare(
      `UPDATE submissions SET state = 'failed', failure = 'lease_expired', lease_token = NULL, lease_until = NULL
       WHERE state = 'grading' AND lease_until <= ? AND grading_attempts >= ?`,
    ),
    due: db.prepare(
      `SELECT id FROM submissions
       WHERE (state = 'queued' AND run_after <= ?) OR (state = 'grading' AND lease_until <= ?)
       ORDER BY queued_at, id LIMIT ?`,
    ),
    take: db.prepare(
      `UPDATE submissions SET state = 'grading', lease_token = ?, lease_until = ?,
         grading_attempts = grading_attempts + 1
       WHERE id = ? RETURNING *`,
    ),
    renew: db.prepare(
      `UPDATE submissions SET lease_until = ? WHERE id = ? AND lease_token = ? AND state = 'grading'`,
    ),
    complete: db.prepare(
      `UPDATE submissions SET state = 'graded', score = ?, max_score = ?, final_score = ?, verdict = ?,
         status = ?, result = ?, graded_at = ?, failure = NULL, lease_token = NULL, lease_until = NULL
       WHERE id = ? AND lease_token = ? AND state = 'grading'`,
    ),
    failAttempt: db.prepare(
      `UPDATE submissions SET
         state = CASE WHEN ? = 1 OR grading_attempts >= ? THEN 'failed' ELSE 'queued' END,
         failure = ?, run_after = ?, lease_token = NULL, lease_until = NULL
       WHERE id = ? AND lease_token = ? AND state = 'grading' RETURNING state`,
    ),
    release: db.prepare(
      `UPDATE submissions SET state = 'queued', run_after = ?, lease_token = NULL, lease_until = NULL,
         grading_attempts = max(grading_attempts - 1, 0)
       WHERE id = ? AND lease_token = ? AND state = 'grading'`,
    ),
    requeue: db.prepare(
      `UPDATE submissions SET state = 'queued', grading_attempts = 0, failure = NULL, queued_at = ?, run_after = ?
       WHERE lab_id = ? AND id = ? AND state = 'failed'`,
    ),
    position: db.prepare(
      `SELECT CASE WHEN me.state = 'queued' THEN
         (SELECT count(*) FROM submissions o WHERE o.state = 'queued'
            AND (o.queued_at < me.queued_at OR (o.queued_at = me.queued_at AND o.id < me.id))) + 1
       END AS position FROM submissions me WHERE me.id = ?`,
    ),
    counts: db.prepare(`SELECT state, count(*) AS n FROM submissions
       WHERE state IN ('queued', 'grading', 'failed') GROUP BY state`),
  };
}

/** Taking jobs (expired leases first failed or retaken), holding them, and storing a grade. */
function leaseOperations({
  q,
  write,
  toSubmission,
  maxAttempts,
  now,
}: QueueContext): Pick<GradingQueue, 'lease' | 'renew' | 'complete'> {
  return {
    async lease(n, leaseMs) {
      return write(() => {
        const t = now();
        q.expire.run(iso(t), maxAttempts);
        const ids = (q.due.all(iso(t), iso(t), n) as Row[]).map((r) => r.id as string);
        return ids.map((id) => {
          const token = randomUUID();
          const row = q.take.get(token, iso(t + leaseMs), id) as Row;
          return { submission: toSubmission(row), token };
        });
      });
    },
    async renew(id, token, leaseMs) {
      return Number(q.renew.run(iso(now() + leaseMs), id, token).changes) === 1;
    },
    async complete(id, token, g) {
      const changed = q.complete.run(
        g.score,
        g.maxScore,
        g.finalScore,
        g.verdict,
        g.status,
        JSON.stringify(g.result),
        g.gradedAt,
        id,
        token,
      ).changes;
      return Number(changed) === 1;
    },
  };
}

/** A lease that ends without a grade: failed (maybe retried later), given back, or re-queued by hand. */
function endOfAttempt({
  q,
  maxAttempts,
  now,
  wake,
}: QueueContext): Pick<GradingQueue, 'failAttempt' | 'release' | 'requeue'> {
  return {
    async failAttempt(id, token, reason, retryInMs) {
      const row = q.failAttempt.get(
        retryInMs === null ? 1 : 0,
        maxAttempts,
        reason,
        iso(now() + (retryInMs ?? 0)),
        id,
        token,
      ) as Row | undefined;
      if (!row) return null;
      if (row.state === 'queued') wake();
      return row.state as 'queued' | 'failed';
    },
    async release(id, token) {
      const ok = Number(q.release.run(iso(now()), id, token).changes) === 1;
      if (ok) wake();
      return ok;
    },
    async requeue(labId, id) {
      const t = iso(now());
      const ok = Number(q.requeue.run(t, t, labId, id).changes) === 1;
      if (ok) wake();
      return ok;
    },
  };
}

/** A job's place in line and the queue's counts. */
function queueStanding({ q }: QueueContext): Pick<GradingQueue, 'position' | 'counts'> {
  return {
    async position(id) {
      const row = q.position.get(id) as Row | undefined;
      return row && row.position !== null ? Number(row.position) : null;
    },
    async counts() {
      const counts = { queued: 0, grading: 0, failed: 0 };
      for (const r of q.counts.all() as Row[]) counts[r.state as keyof typeof counts] = Number(r.n);
      return counts;
    },
  };
}
