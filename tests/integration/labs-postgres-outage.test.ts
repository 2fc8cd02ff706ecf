/**
 * PostgreSQL goes away under submission load, through the real server process: students keep
 * submitting (one Idempotency-Key per Submit click, sent again on every retry like the browser,
 * retrying on 503 or a network error) while the database is stopped cleanly ('fast'), started,
 * stopped as a crash would ('immediate') and started again. Every answer is a 202 or a 503
 * `database_unavailable` with its reason (never a 500, never a hang: each request is bounded by a
 * client timeout); health stays 200 with grading: null while the database is away; afterwards
 * every acknowledged submission is in the gradebook and graded once, one row per key in
 * PostgreSQL with no lease left, and the grading worker got there by itself, without a restart.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { exerciseCatalog, loadExercises } from '../../contract/exercise/load.ts';
import { solutionFiles } from '../../playground/src/grading/submission.ts';
import type { Health } from '../../contract/health.ts';
import { makeSiteDir, startServerProcess, stopServer, type ServerProcess } from './server-process.ts';
import { startPostgres, type PostgresServer, type StopMode } from '../../scripts/postgres-server.ts';
import { settled, until } from './grading-wait.ts';
import {
  EXERCISE,
  checkAnswersAgainstOpenApi,
  createLab,
  gradebook,
  http,
  joinStudents,
  submit,
} from './lab-api.ts';

const exercise = exerciseCatalog(loadExercises()).get(EXERCISE)!;
const files = solutionFiles(exercise);
const STUDENTS = 4;
const MAX_ATTEMPTS = 3;
/** A request with no answer after this long is a hang, and fails the test. */
const CLIENT_TIMEOUT_MS = 30_000;
const tmp = mkdtempSync(join(tmpdir(), 'lockstep-pg-outage-'));
const site = makeSiteDir();
let database: PostgresServer;
let server: ServerProcess | null = null;
let serverLog = '';

beforeAll(async () => {
  database = await startPostgres();
});
afterAll(async () => {
  if (server) await stopServer(server, 'SIGKILL');
  await database?.remove();
  rmSync(tmp, { recursive: true, force: true });
  rmSync(site, { recursive: true, force: true });
});

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What one request got: its status and error code, or the network error that stood for an answer. */
interface Outcome {
  key: string;
  status: number | null;
  error: string | undefined;
  message: string | undefined;
  network: string | undefined;
}

describe('PostgreSQL stopped and started under submission load', () => {
  it('answers 202 or 503 with a reason, loses nothing acknowledged, stores each key once, and grades on by itself', async () => {
    const url = await database.createDatabase('labs_outage_load');
    const started = await startServerProcess({
      LOCKSTEP_SITE_DIR: site,
      LOCKSTEP_DATA_DIR: resolve('.data/it'),
      LOCKSTEP_LABS_DB: join(tmp, 'unused.sqlite'),
      LOCKSTEP_DATABASE_URL: url,
      LOCKSTEP_NO_WARMUP: '1',
      LOCKSTEP_GRADE_ATTEMPTS: String(MAX_ATTEMPTS),
      // Students retry every few hundred milliseconds while the database is away: the per-student
      // submission limit is not what this test is about.
      LOCKSTEP_LAB_SUBMIT_PER_MINUTE: '10000',
    });
    server = started.server;
    const base = started.base;
    server.stdout.on('data', (c: Buffer) => (serverLog += c.toString()));
    server.stderr.on('data', (c: Buffer) => (serverLog += c.toString()));
    const violations = await checkAnswersAgainstOpenApi(base);

    const { lab, instructorKey } = await createLab(base, { attemptLimit: null });
    const tokens = (await joinStudents(base, lab.id, STUDENTS)).map((j) => j.token);

    // The load: each student clicks Submit, retries that click (same key) until it is
    // acknowledged, and clicks again, until the scenario below says stop.
    const outcomes: Outcome[] = [];
    const acked = new Map<string, string>(); // key → submission id
    let stopClicking = false;
    const student = async (s: number): Promise<void> => {
      for (let click = 0; !stopClicking; click++) {
        const key = `student${s}-click-${String(click).padStart(3, '0')}`;
        for (;;) {
          const res = await submit(base, lab.id, tokens[s]!, files, {
            idempotencyKey: key,
            timeoutMs: CLIENT_TIMEOUT_MS,
          }).catch((error: Error) => error);
          if (res instanceof Error) {
            outcomes.push({ key, status: null, error: undefined, message: undefined, network: res.message });
            // A hung request is a failure on its own; do not pile retries on it.
            if (res.name === 'TimeoutError') return;
          } else {
            outcomes.push({
              key,
              status: res.status,
              error: res.body.error,
              message: res.body.message,
              network: undefined,
            });
            if (res.status === 202) {
              if (acked.has(key) && acked.get(key) !== res.body.id)
                throw new Error(`${key} was acknowledged as ${acked.get(key)} and then as ${res.body.id}`);
              acked.set(key, res.body.id);
              break;
            }
            if (res.status !== 503) return; // anything else fails the test below
          }
          await pause(200); // the browser's pause before it sends the click again
        }
        await pause(100);
      }
    };
    // The instructor's open gradebook refreshes itself meanwhile.
    const readings: string[] = [];
    const instructor = async (): Promise<void> => {
      while (!stopClicking) {
        const res = await http(base, 'GET', `/api/labs/${lab.id}/gradebook`, undefined, instructorKey, {
          timeoutMs: CLIENT_TIMEOUT_MS,
        }).catch((error: Error) => error);
        readings.push(
          res instanceof Error ? `network: ${res.message}` : `${res.status} ${res.body.error ?? ''}`,
        );
        await pause(250);
      }
    };
    const load = Promise.all([...tokens.map((_, s) => student(s)), instructor()]);

    const count = (pred: (o: Outcome) => boolean) => outcomes.filter(pred).length;
    const acks = () => count((o) => o.status === 202);
    const refusals = () => count((o) => o.status === 503);
    const healthDuringOutages: { status: number; grading: Health['grading'] }[] = [];
    const rowsAt: Record<string, number> = {};

    const outage = async (mode: StopMode): Promise<void> => {
      // Some work acknowledged and being graded before the database goes.
      const ackedBefore = acks();
      await until(
        async () => acks(),
        (n) => n >= ackedBefore + 3,
        50,
      );
      rowsAt[`before ${mode}`] = acked.size;
      const refusedBefore = refusals();
      await database.stop(mode);
      // The load meets the outage: submissions refused with 503 while the database is away.
      await until(
        async () => refusals(),
        (n) => n >= refusedBefore + 2 * STUDENTS,
        50,
      );
      const health = await http<Health>(base, 'GET', '/api/health', undefined, undefined, {
        timeoutMs: CLIENT_TIMEOUT_MS,
      });
      healthDuringOutages.push({ status: health.status, grading: health.body.grading });
      await database.start();
    };
    try {
      await outage('fast');
      await outage('immediate');
      // Work goes on after the second restart too, then the students stop clicking.
      const ackedAfter = acks();
      await until(
        async () => acks(),
        (n) => n >= ackedAfter + 3,
        50,
      );
    } finally {
      stopClicking = true;
      await load;
    }

    // Every request had an answer, and every answer was an acknowledgement or a 503 with a reason.
    expect(outcomes.filter((o) => o.network !== undefined).map((o) => `${o.key}: ${o.network}`)).toEqual([]);
    expect(
      outcomes
        .filter((o) => o.status !== 202 && !(o.status === 503 && o.error === 'database_unavailable'))
        .map((o) => `${o.key}: ${o.status} ${o.error}`),
    ).toEqual([]);
    for (const o of outcomes.filter((x) => x.status === 503))
      expect(o.message).toMatch(/^The lab database cannot be reached right now \(.+\)/);
    expect(readings.filter((r) => r !== '200 ' && r !== '503 database_unavailable')).toEqual([]);
    expect(readings).toContain('503 database_unavailable');
    expect(healthDuringOutages).toEqual([
      { status: 200, grading: null },
      { status: 200, grading: null },
    ]);

    // Every click was retried until it was acknowledged. Some were refused first and retried: at
    // least one in each outage (a click refused in the first was acknowledged before the second).
    const keys = [...new Set(outcomes.map((o) => o.key))];
    expect([...acked.keys()].sort()).toEqual(keys.sort());
    const retried = keys.filter((k) => outcomes.some((o) => o.key === k && o.status === 503));
    expect(retried.length).toBeGreaterThanOrEqual(2);

    // The grading worker carries on by itself: everything acknowledged gets graded, once.
    const loadEnded = performance.now();
    const book = await until(
      () => gradebook(base, lab.id, instructorKey),
      (g) => g.submissions.length === acked.size && g.submissions.every(settled),
      500,
    );
    expect(book.submissions.map((s) => s.id).sort()).toEqual([...acked.values()].sort());
    expect(book.submissions.map((s) => `${s.state} ${s.verdict}`)).toEqual(
      Array(acked.size).fill('graded pass'),
    );
    const gradedAllMs = performance.now() - loadEnded;
    const health = await http<Health>(base, 'GET', '/api/health');
    expect(health.body.grading).toEqual({ queued: 0, grading: 0, failed: 0 });
    expect(server.exitCode).toBeNull();
    // Nothing failed unexpectedly in the server (a 500 is logged at level error).
    expect(serverLog.split('\n').filter((line) => line.includes('"level":50'))).toEqual([]);

    // In PostgreSQL: one row per key, the id the retries were answered with, graded, no lease left.
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const rows = (
      await client.query<{
        id: string;
        idempotency_key: string;
        state: string;
        grading_attempts: number;
        lease_token: string | null;
        graded: boolean;
      }>(
        `SELECT id, idempotency_key, state, grading_attempts, lease_token, result IS NOT NULL AS graded
         FROM submissions WHERE lab_id = $1`,
        [lab.id],
      )
    ).rows;
    await client.end();
    expect(rows.map((r) => r.idempotency_key).sort()).toEqual(keys.sort());
    for (const r of rows) {
      expect(r).toMatchObject({ id: acked.get(r.idempotency_key), state: 'graded', lease_token: null });
      expect(r.graded).toBe(true);
      expect(r.grading_attempts).toBeGreaterThanOrEqual(1);
      expect(r.grading_attempts).toBeLessThanOrEqual(MAX_ATTEMPTS);
    }
    expect(violations, 'answers that break the OpenAPI document').toEqual([]);
    console.info(
      `outage under load: ${keys.length} submissions, ${outcomes.length} requests, ${refusals()} refused with 503, ` +
        `${retried.length} clicks retried; grading attempts ${JSON.stringify(
          rows.reduce<Record<number, number>>(
            (n, r) => ((n[r.grading_attempts] = (n[r.grading_attempts] ?? 0) + 1), n),
            {},
          ),
        )}; acknowledged before each stop ${JSON.stringify(rowsAt)}; ` +
        `the rest graded ${Math.round(gradedAllMs / 1000)} s after the load ended`,
    );
  }, 600_000);
});
