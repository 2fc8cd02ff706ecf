/**
 * The PostgreSQL connection under the lab store and its queue: a lazy `pg` pool, the schema brought
 * up to date by the first request (postgres-migrations.ts, in one transaction under an advisory
 * lock, so replicas starting together apply each migration once), transactions that discard a
 * broken connection, and an unreachable database turned into DatabaseUnavailableError (503) so the
 * next request tries again.
 */
import pg from 'pg';
import { POSTGRES_MIGRATIONS } from './postgres-migrations.ts';
import { unavailableReason } from './postgres-errors.ts';
import type { Row } from './postgres-rows.ts';
import { DatabaseUnavailableError } from './store.ts';

/** How this server uses the database's connections. */
export interface PostgresPoolOptions {
  /** Connections this server keeps at most (pg's default is 10). */
  maxConnections?: number;
  /** How long a request waits for a connection before answering 503. */
  connectTimeoutMs?: number;
  /** Told when an idle connection breaks (the database restarted, say); the pool drops it. */
  onIdleError?: (error: Error) => void;
}

/** The pool and the wrappers every store and queue operation goes through. */
export interface PostgresDb {
  pool: pg.Pool;
  /** Every operation: schema first, then the work, with unreachable-database errors as 503. */
  run: <T>(work: () => Promise<T>) => Promise<T>;
  /** One statement on any pooled connection; its rows. */
  query: (sql: string, params: unknown[]) => Promise<Row[]>;
  /** Brings the schema up to date once (retried after a failure); its version. */
  ready: () => Promise<number>;
}

/** Arbitrary but fixed: the key of the advisory lock that serialises migrations across replicas. */
const MIGRATION_LOCK = 7_304_190_251_117;

/** Maps an unreachable database to a 503; every other error passes through unchanged. */
function translate(error: unknown): unknown {
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

/** A pool on the database at `url` that connects only when a request needs it. */
export function connectPostgres(url: string, options: PostgresPoolOptions): PostgresDb {
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
  return { pool, run, query, ready };
}
