/**
 * The lab store suite (playground/src/labs/store-suite.ts) against a real PostgreSQL server started
 * by the harness, and the grading queue suite (queue-suite.ts) with it, plus what only PostgreSQL has: the migrations table, the advisory lock, the
 * parameterised SQL taking hostile text as data, and a 503 while the server is away.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createPostgresLabStore } from '../../playground/src/labs/postgres-store.ts';
import { POSTGRES_MIGRATIONS } from '../../playground/src/labs/postgres-migrations.ts';
import { DatabaseUnavailableError } from '../../playground/src/labs/store.ts';
import { lab, labStoreSuite, type StoreBackend } from '../../playground/src/labs/store-suite.ts';
import { gradingQueueSuite } from '../../playground/src/labs/queue-suite.ts';
import { startPostgres, type PostgresServer } from '../../scripts/postgres-server.ts';

let server: PostgresServer;
let databases = 0;
beforeAll(async () => {
  server = await startPostgres();
});
afterAll(async () => {
  await server?.remove();
});

async function sql(url: string, text: string, params: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text, params);
  } finally {
    await client.end();
  }
}

const postgres: StoreBackend = {
  name: 'PostgreSQL',
  migrations: POSTGRES_MIGRATIONS.length,
  async fresh() {
    const url = await server.createDatabase(`suite_${++databases}`);
    return {
      open: () => createPostgresLabStore(url),
      async markNewer(version) {
        await sql(
          url,
          'CREATE TABLE lab_schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
        );
        await sql(url, 'INSERT INTO lab_schema_migrations (version) VALUES ($1)', [version]);
      },
    };
  },
};
labStoreSuite(postgres);
gradingQueueSuite(postgres);

describe('PostgreSQL lab store database', () => {
  it('records each migration once in lab_schema_migrations, and connects only when first used', async () => {
    const url = await server.createDatabase('migrations_table');
    const store = createPostgresLabStore(url);
    const tables = async () =>
      (await sql(url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")).rows.map(
        (r: { tablename: string }) => r.tablename,
      );
    expect(await tables()).toEqual([]);
    await Promise.all([store.version(), createPostgresLabStore(url).version()]);
    expect(await tables()).toEqual(['lab_schema_migrations', 'labs', 'students', 'submissions']);
    const versions = (await sql(url, 'SELECT version FROM lab_schema_migrations ORDER BY 1')).rows;
    expect(versions.map((r: { version: number }) => r.version)).toEqual(
      POSTGRES_MIGRATIONS.map((_, i) => i + 1),
    );
    await store.close();
  });

  it('migration 2 keeps submissions stored by a version-1 server, as graded, with their grade', async () => {
    const url = await server.createDatabase('from_v1');
    await sql(url, POSTGRES_MIGRATIONS[0]!);
    await sql(
      url,
      'CREATE TABLE lab_schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    await sql(url, 'INSERT INTO lab_schema_migrations (version) VALUES (1)');
    await sql(
      url,
      'INSERT INTO labs (id, settings, instructor_key_hash, created_at) VALUES ($1, $2, $3, $4)',
      [lab.id, JSON.stringify({ ...lab, id: undefined, createdAt: undefined }), 'h', lab.createdAt],
    );
    const { rows } = await sql(
      url,
      `INSERT INTO students (lab_id, student_id, name, token_hash, joined_at) VALUES ($1, 's1', 'Ada', 't1', $2) RETURNING id`,
      [lab.id, lab.createdAt],
    );
    await sql(
      url,
      `INSERT INTO submissions (id, lab_id, student_row, exercise_id, files, submitted_at, late, score,
         max_score, final_score, verdict, status, result)
       VALUES ('old1', $1, $2, 'a', '{"a.go":"package a\\n"}', '2026-01-02T00:00:00.000Z', false, 7, 10, 7, 'fail', 'race', '{"score":7}')`,
      [lab.id, (rows[0] as { id: string }).id],
    );
    const store = createPostgresLabStore(url);
    expect(await store.version()).toBe(POSTGRES_MIGRATIONS.length);
    const old = (await store.submission(lab.id, 'old1'))!;
    expect(old).toMatchObject({ state: 'graded', locale: 'en', idempotencyKey: null, failure: null });
    expect(old.grade).toEqual({
      score: 7,
      maxScore: 10,
      finalScore: 7,
      verdict: 'fail',
      status: 'race',
      result: { score: 7 },
      gradedAt: '2026-01-02T00:00:00.000Z',
    });
    expect(await store.queue.lease(5, 60_000)).toEqual([]);
    await store.close();
  });

  it('stores hostile text as data', async () => {
    const store = createPostgresLabStore(await server.createDatabase('hostile_text'));
    const title = "x'); DROP TABLE labs; --";
    await store.createLab({ ...lab, title }, "'; DELETE FROM labs; --");
    expect(await store.getLab(lab.id)).toEqual({
      lab: { ...lab, title },
      instructorKeyHash: "'; DELETE FROM labs; --",
    });
    await store.close();
  });

  it('answers DatabaseUnavailableError (503) while the server is down, and works again when it is back', async () => {
    const store = createPostgresLabStore(await server.createDatabase('outage'), {
      onIdleError: () => undefined,
    });
    await store.createLab(lab, 'h');
    await server.stop();
    const down = await store.getLab(lab.id).catch((error: unknown) => error);
    expect(down).toBeInstanceOf(DatabaseUnavailableError);
    expect(down).toMatchObject({ statusCode: 503, code: 'database_unavailable' });
    await server.start();
    expect((await store.getLab(lab.id))?.lab).toEqual(lab);
    await store.close();
  });
});

describe('the PostgreSQL test harness', () => {
  it('fails, naming the install command, where PostgreSQL is not installed', async () => {
    const saved = process.env.LOCKSTEP_PG_BIN;
    process.env.LOCKSTEP_PG_BIN = '/nonexistent/postgresql/bin';
    try {
      await expect(startPostgres()).rejects.toThrow(
        /PostgreSQL is not installed.*Install it with: (sudo )?apt-get install -y --no-install-recommends postgresql$/,
      );
    } finally {
      if (saved === undefined) delete process.env.LOCKSTEP_PG_BIN;
      else process.env.LOCKSTEP_PG_BIN = saved;
    }
  });
});
