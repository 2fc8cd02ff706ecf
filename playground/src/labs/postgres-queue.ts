/**
 * The grading queue on PostgreSQL (see queue.ts for the semantics both backends share). Workers on
 * many machines take jobs with SELECT … FOR UPDATE SKIP LOCKED, so two never take the same job
 * and neither waits for the other's; lease times come from the database's clock (now()), the one
 * clock every machine shares. A new submission, a retry and a re-queue send NOTIFY on
 * GRADING_CHANNEL; one LISTEN connection per process wakes its idle workers (and reconnects when
 * the database comes back). A missed notification costs only the workers' poll interval.
 */
import { EventEmitter } from 'node:events';
import pg from 'pg';
import { transaction } from './postgres-connection.ts';
import { toSubmission, type Row } from './postgres-rows.ts';
import type { GradingQueue } from './queue.ts';

/** The NOTIFY channel that says "grading work may be waiting". */
export const GRADING_CHANNEL = 'lockstep_grading';

/** Wait before a broken LISTEN connection is opened again. */
const RELISTEN_MS = 1_000;

export interface PostgresQueueDeps {
  url: string;
  pool: pg.Pool;
  /** The store's wrapper: schema first, unreachable database → DatabaseUnavailableError. */
  run: <T>(work: () => Promise<T>) => Promise<T>;
  maxAttempts: number;
  onIdleError?: ((error: Error) => void) | undefined;
}

const ms = (n: number): string => `${Math.max(0, Math.round(n))} milliseconds`;

type Notify = (client: pg.PoolClient | pg.Pool) => Promise<unknown>;

export function createPostgresQueue(deps: PostgresQueueDeps): {
  queue: GradingQueue;
  close: () => Promise<void>;
} {
  const notify: Notify = (client) => client.query('SELECT pg_notify($1, $2)', [GRADING_CHANNEL, '']);
  const wakes = listenForWork(deps);
  return {
    queue: {
      ...leaseOperations(deps),
      ...endOfAttempt(deps, notify),
      ...queueStanding(deps),
      onWake: wakes.onWake,
    },
    close: wakes.close,
  };
}

/**
 * Wakes this process's idle workers on NOTIFY: one LISTEN connection while anyone is subscribed,
 * reopened after it breaks.
 */
function listenForWork(
  deps: PostgresQueueDeps,
): Pick<GradingQueue, 'onWake'> & { close: () => Promise<void> } {
  const wakes = new EventEmitter();
  wakes.setMaxListeners(0);
  let listener: pg.Client | null = null;
  let relisten: NodeJS.Timeout | null = null;
  let closed = false;
  const listen = (): void => {
    if (closed || listener || wakes.listenerCount('wake') === 0) return;
    const client = new pg.Client({ connectionString: deps.url, application_name: 'lockstep-listen' });
    listener = client;
    let listening = false;
    const broken = (error?: Error): void => {
      if (listener !== client) return;
      listener = null;
      // Said once when a working connection breaks, not every second while the database is away.
      if (error && listening) deps.onIdleError?.(error);
      client.end().catch(() => undefined);
      if (!closed) relisten ??= setTimeout(() => ((relisten = null), listen()), RELISTEN_MS);
    };
    client.on('error', broken);
    client.on('end', () => broken());
    client.on('notification', () => wakes.emit('wake'));
    client
      .connect()
      .then(() => client.query(`LISTEN ${GRADING_CHANNEL}`))
      .then(() => {
        listening = true;
        // Work may have arrived while no connection listened.
        wakes.emit('wake');
      })
      .catch((error: unknown) => broken(error as Error));
  };

  return {
    onWake(fn) {
      wakes.on('wake', fn);
      listen();
      return () => void wakes.off('wake', fn);
    },
    async close() {
      closed = true;
      if (relisten) clearTimeout(relisten);
      const client = listener;
      listener = null;
      await client?.end().catch(() => undefined);
    },
  };
}

/** Taking jobs (expired leases first failed or retaken), holding them, and storing a grade. */
function leaseOperations({
  pool,
  run,
  maxAttempts,
}: PostgresQueueDeps): Pick<GradingQueue, 'lease' | 'renew' | 'complete'> {
  return {
    lease: (n, leaseMs) =>
      run(() =>
        transaction(pool, async (client) => {
          await client.query(
            `UPDATE submissions SET state = 'failed', failure = 'lease_expired', lease_token = NULL, lease_until = NULL
             WHERE state = 'grading' AND lease_until <= now() AND grading_attempts >= $1`,
            [maxAttempts],
          );
          const { rows } = await client.query<Row>(
            `WITH picked AS (
               SELECT id FROM submissions
               WHERE (state = 'queued' AND run_after <= now()) OR (state = 'grading' AND lease_until <= now())
               ORDER BY queued_at, id COLLATE "C"
               LIMIT $1
               FOR UPDATE SKIP LOCKED
             )
             UPDATE submissions s SET state = 'grading', lease_token = gen_random_uuid()::text,
               lease_until = now() + $2::interval, grading_attempts = s.grading_attempts + 1
             FROM picked WHERE s.id = picked.id
             RETURNING s.*`,
            [n, ms(leaseMs)],
          );
          return rows
            .map((r) => ({ submission: toSubmission(r), token: r.lease_token as string }))
            .sort((a, b) => (a.submission.id < b.submission.id ? -1 : 1));
        }),
      ),
    renew: (id, token, leaseMs) =>
      run(async () => {
        const result = await pool.query(
          `UPDATE submissions SET lease_until = now() + $3::interval
           WHERE id = $1 AND lease_token = $2 AND state = 'grading'`,
          [id, token, ms(leaseMs)],
        );
        return result.rowCount === 1;
      }),
    complete: (id, token, g) =>
      run(async () => {
        const result = await pool.query(
          `UPDATE submissions SET state = 'graded', score = $3, max_score = $4, final_score = $5,
             verdict = $6, status = $7, result = $8, graded_at = $9, failure = NULL,
             lease_token = NULL, lease_until = NULL
           WHERE id = $1 AND lease_token = $2 AND state = 'grading'`,
          [
            id,
            token,
            g.score,
            g.maxScore,
            g.finalScore,
            g.verdict,
            g.status,
            JSON.stringify(g.result),
            g.gradedAt,
          ],
        );
        return result.rowCount === 1;
      }),
  };
}

/** A lease that ends without a grade: failed (maybe retried later), given back, or re-queued by hand. */
function endOfAttempt(
  { pool, run, maxAttempts }: PostgresQueueDeps,
  notify: Notify,
): Pick<GradingQueue, 'failAttempt' | 'release' | 'requeue'> {
  return {
    failAttempt: (id, token, reason, retryInMs) =>
      run(() =>
        transaction(pool, async (client) => {
          const { rows } = await client.query<{ state: 'queued' | 'failed' }>(
            `UPDATE submissions SET
               state = CASE WHEN $3 OR grading_attempts >= $4 THEN 'failed' ELSE 'queued' END,
               failure = $5, run_after = now() + $6::interval, lease_token = NULL, lease_until = NULL
             WHERE id = $1 AND lease_token = $2 AND state = 'grading' RETURNING state`,
            [id, token, retryInMs === null, maxAttempts, reason, ms(retryInMs ?? 0)],
          );
          if (rows[0]?.state === 'queued') await notify(client);
          return rows[0]?.state ?? null;
        }),
      ),
    release: (id, token) =>
      run(() =>
        transaction(pool, async (client) => {
          const result = await client.query(
            `UPDATE submissions SET state = 'queued', run_after = now(), lease_token = NULL, lease_until = NULL,
               grading_attempts = greatest(grading_attempts - 1, 0)
             WHERE id = $1 AND lease_token = $2 AND state = 'grading'`,
            [id, token],
          );
          if (result.rowCount === 1) await notify(client);
          return result.rowCount === 1;
        }),
      ),
    requeue: (labId, id) =>
      run(() =>
        transaction(pool, async (client) => {
          const result = await client.query(
            `UPDATE submissions SET state = 'queued', grading_attempts = 0, failure = NULL,
               queued_at = now(), run_after = now()
             WHERE lab_id = $1 AND id = $2 AND state = 'failed'`,
            [labId, id],
          );
          if (result.rowCount === 1) await notify(client);
          return result.rowCount === 1;
        }),
      ),
  };
}

/** A job's place in line and the queue's counts. */
function queueStanding({ pool, run }: PostgresQueueDeps): Pick<GradingQueue, 'position' | 'counts'> {
  return {
    position: (id) =>
      run(async () => {
        const { rows } = await pool.query<{ position: number | null }>(
          `SELECT CASE WHEN me.state = 'queued' THEN
             (SELECT count(*)::integer FROM submissions o WHERE o.state = 'queued'
                AND (o.queued_at < me.queued_at
                  OR (o.queued_at = me.queued_at AND o.id COLLATE "C" < me.id COLLATE "C"))) + 1
           END AS position FROM submissions me WHERE me.id = $1`,
          [id],
        );
        return rows[0]?.position ?? null;
      }),
    counts: () =>
      run(async () => {
        const { rows } = await pool.query<{ state: string; n: number }>(
          `SELECT state, count(*)::integer AS n FROM submissions
           WHERE state IN ('queued', 'grading', 'failed') GROUP BY state`,
        );
        const counts = { queued: 0, grading: 0, failed: 0 };
        for (const r of rows) counts[r.state as keyof typeof counts] = r.n;
        return counts;
      }),
  };
}
