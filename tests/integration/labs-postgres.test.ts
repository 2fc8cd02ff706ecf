/**
 * The real server (its own process) with LOCKSTEP_DATABASE_URL pointing at a real PostgreSQL that
 * the harness starts: the lab flow end to end (create, join, submit → acknowledged, then graded in the sandbox by the grading queue,
 * gradebook and CSV) with the rows in PostgreSQL and no SQLite file made; and a database that is
 * away when the server starts: lab routes answer 503 database_unavailable while the site, health
 * and the runner work, and the server recovers by itself when the database comes back and after
 * the database restarts under it.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { exerciseCatalog, loadExercises } from '../../contract/exercise/load.ts';
import { editableStarter, solutionFiles } from '../../playground/src/grading/submission.ts';
import type { CreatedLab, Gradebook, Joined, SubmissionDetail } from '../../contract/labs.ts';
import { makeSiteDir, startServerProcess, stopServer, type ServerProcess } from './server-process.ts';
import { startPostgres, type PostgresServer } from '../../scripts/postgres-server.ts';
import { settled, until } from './grading-wait.ts';
import {
  EXERCISE,
  createLab,
  gradebook,
  http,
  joinStudents,
  labSettings,
  submission,
  submit,
} from './lab-api.ts';

const exercise = exerciseCatalog(loadExercises()).get(EXERCISE)!;
const tmp = mkdtempSync(join(tmpdir(), 'lockstep-labs-pg-'));
const site = makeSiteDir('<!doctype html><title>Lockstep site</title>');
let database: PostgresServer;
let server: ServerProcess | null = null;

beforeAll(async () => {
  database = await startPostgres();
});
afterEach(async () => {
  if (server) await stopServer(server, 'SIGKILL');
  server = null;
});
afterAll(async () => {
  await database?.remove();
  rmSync(tmp, { recursive: true, force: true });
  rmSync(site, { recursive: true, force: true });
});

/** The server on PostgreSQL at `url`; the SQLite path is set so a test can see it is not used. */
async function startServer(url: string): Promise<string> {
  const started = await startServerProcess({
    LOCKSTEP_SITE_DIR: site,
    LOCKSTEP_DATA_DIR: resolve('.data/it'),
    LOCKSTEP_LABS_DB: join(tmp, 'unused.sqlite'),
    LOCKSTEP_DATABASE_URL: url,
    LOCKSTEP_NO_WARMUP: '1',
    // A lease left by a killed server runs out soon, so the next start takes its job.
    LOCKSTEP_GRADE_LEASE_S: '2',
  });
  server = started.server;
  return started.base;
}

const settings = () => labSettings();

async function count(url: string, table: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return Number((await client.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
  } finally {
    await client.end();
  }
}

describe('labs on PostgreSQL, through the real server', () => {
  it('creates a lab, takes students, grades submissions in the sandbox and shows the gradebook', async () => {
    const url = await database.createDatabase('labs_flow');
    const base = await startServer(url);

    const created = await http<CreatedLab>(base, 'POST', '/api/labs', settings());
    expect(created.status, created.text).toBe(201);
    const { lab, instructorKey } = created.body;
    const ada = await http<Joined>(base, 'POST', `/api/labs/${lab.id}/students`, {
      name: 'Ada',
      studentId: 's-001',
    });
    const bob = await http(base, 'POST', `/api/labs/${lab.id}/students`, { name: 'Bob', studentId: 's-002' });
    expect([ada.status, bob.status]).toEqual([201, 201]);
    const again = await http(base, 'POST', `/api/labs/${lab.id}/students`, {
      name: 'Eve',
      studentId: 's-001',
    });
    expect(again).toMatchObject({ status: 409, body: { error: 'already_joined' } });
    const token = ada.body.token;

    const submitAndGrade = async (files: Record<string, string>): Promise<SubmissionDetail> => {
      const ack = await submit(base, lab.id, token, files);
      expect(ack.status, ack.text.slice(0, 300)).toBe(202);
      expect(ack.body).toMatchObject({ state: 'queued', countedScore: null });
      return until(() => submission(base, lab.id, ack.body.id, token), settled);
    };
    const wrong = await submitAndGrade(editableStarter(exercise));
    expect(wrong).toMatchObject({ state: 'graded', verdict: 'fail', status: 'race' });
    const r = await submitAndGrade(solutionFiles(exercise));
    expect(r.state).toBe('graded');
    expect(r.verdict).toBe('pass');
    expect(r.countedScore).toBe(r.maxScore);

    const book = await http<Gradebook>(
      base,
      'GET',
      `/api/labs/${lab.id}/gradebook`,
      undefined,
      instructorKey,
    );
    expect(book.status).toBe(200);
    const g = book.body;
    expect(g.rows.map((row) => row.student.studentId)).toEqual(['s-001', 's-002']);
    expect(g.rows[0]!.cells[0]).toMatchObject({ attempts: 2, score: r.maxScore, bestSubmissionId: r.id });
    expect(g.rows[1]!.cells[0]).toMatchObject({ attempts: 0 });
    expect(g.submissions.map((s) => s.id)).toEqual([wrong.id, r.id]);
    const mine = await submission(base, lab.id, r.id, token);
    expect(mine.files).toEqual(solutionFiles(exercise));
    const csv = await http(base, 'GET', `/api/labs/${lab.id}/gradebook.csv`, undefined, instructorKey);
    expect(csv.text.trimEnd().split('\r\n')).toHaveLength(1 + 2);

    // The rows are in PostgreSQL, and the embedded store was never opened.
    expect(await count(url, 'students')).toBe(2);
    expect(await count(url, 'submissions')).toBe(2);
    expect(existsSync(join(tmp, 'unused.sqlite'))).toBe(false);
  }, 180_000);

  it('answers lab routes with 503 while the database is away, serves the rest, and recovers', async () => {
    const url = await database.createDatabase('labs_outage');
    await database.stop();
    const base = await startServer(url);

    // Every kind of lab route, reading and writing: 503 with the reason code, never a 500.
    for (const [method, path, body] of [
      ['POST', '/api/labs', settings()],
      ['GET', '/api/labs/lab0000001', undefined],
      ['POST', '/api/labs/lab0000001/students', { name: 'Ada', studentId: 's-001' }],
      ['GET', '/api/labs/lab0000001/gradebook', undefined],
    ] as const) {
      const res = await http(base, method, path, body, body === undefined ? 'lsk_x' : undefined);
      expect(res.status, `${method} ${path}: ${res.text}`).toBe(503);
      expect(res.body.error).toBe('database_unavailable');
      expect(res.body.message).toMatch(/lab database cannot be reached/);
    }
    // The rest of the site works: the page, health, and the runner's own API.
    const page = await http(base, 'GET', '/');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Lockstep site');
    const health = await http(base, 'GET', '/api/health');
    expect(health.status).toBe(200);
    // The grading queue cannot be counted without the database: said as null, not as an error.
    expect(health.body.grading).toBeNull();
    expect((await http(base, 'GET', '/api/openapi.json')).status).toBe(200);
    expect(server!.exitCode).toBeNull();

    // The database comes back: the next request migrates it and works, no server restart.
    await database.start();
    const created = await http<CreatedLab>(base, 'POST', '/api/labs', settings());
    expect(created.status, created.text).toBe(201);
    const { lab, instructorKey } = created.body;
    const joined = await http(base, 'POST', `/api/labs/${lab.id}/students`, {
      name: 'Ada',
      studentId: 's-001',
    });
    expect(joined.status).toBe(201);

    // The database restarts under the running server: its pooled connections die with it. A
    // request meeting a dead connection may get 503, never a 500, and the pool heals itself.
    await database.restart();
    const statuses: number[] = [];
    for (let i = 0; i < 3 && statuses.at(-1) !== 200; i++)
      statuses.push(
        (await http(base, 'GET', `/api/labs/${lab.id}/gradebook`, undefined, instructorKey)).status,
      );
    expect(statuses.at(-1), `statuses after the restart: ${statuses.join(', ')}`).toBe(200);
    expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
    const book = await gradebook(base, lab.id, instructorKey);
    expect(book.rows.map((row) => row.student.studentId)).toEqual(['s-001']);
  }, 180_000);

  it('loses nothing acknowledged when SIGKILLed mid-grading; the next start grades the rest, each once', async () => {
    const url = await database.createDatabase('labs_sigkill');
    let base = await startServer(url);
    const { lab, instructorKey } = await createLab(base);
    const tokens = (await joinStudents(base, lab.id, 4, 'k')).map((j) => j.token);
    const acks = await Promise.all(
      tokens.map((token) => submit(base, lab.id, token, solutionFiles(exercise))),
    );
    expect(acks.map((a) => a.status)).toEqual([202, 202, 202, 202]);
    const book = () => gradebook(base, lab.id, instructorKey);
    await until(book, (g) => g.submissions.some((s) => s.state === 'grading'), 50);
    await stopServer(server!, 'SIGKILL');
    // What the killed server left: the jobs it held mid-grade, still leased to it.
    const held = await (async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        const { rows } = await c.query<{ id: string }>(
          "SELECT id FROM submissions WHERE state = 'grading' AND lease_token IS NOT NULL",
        );
        return rows.map((r) => r.id);
      } finally {
        await c.end();
      }
    })();
    expect(held.length).toBeGreaterThan(0);

    base = await startServer(url);
    const done = await until(book, (g) => g.submissions.length === 4 && g.submissions.every(settled));
    expect(done.submissions.map((s) => s.id).sort()).toEqual(acks.map((a) => a.body.id).sort());
    expect(done.submissions.map((s) => `${s.state} ${s.verdict}`)).toEqual(Array(4).fill('graded pass'));
    for (const row of done.rows) expect(row.cells[0]).toMatchObject({ attempts: 1, pending: 0, failed: 0 });
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const rows = (
      await client.query<{ id: string; state: string; grading_attempts: number; lease_token: string | null }>(
        'SELECT id, state, grading_attempts, lease_token FROM submissions',
      )
    ).rows;
    await client.end();
    expect(rows).toHaveLength(4);
    // Those held by the killed server were leased again once its leases ran out; each has one grade.
    for (const r of rows)
      expect(r).toEqual({
        id: r.id,
        state: 'graded',
        grading_attempts: held.includes(r.id) ? 2 : 1,
        lease_token: null,
      });
  }, 300_000);
});
