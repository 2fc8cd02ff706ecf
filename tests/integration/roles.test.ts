/**
 * LOCKSTEP_ROLE with real server processes sharing one lab database (an SQLite file, which
 * several processes on one machine may share): a `web` server serves the site and the lab API and
 * refuses runs with the reason (it has no sandbox); a `worker` serves runs but no site and no lab
 * API, and grades the submissions the web server accepted. Each submission is graded with one
 * attempt: had the web server tried to grade (it cannot run code), the failed attempt would show.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exerciseCatalog, loadExercises } from '../../contract/exercise/load.ts';
import { solutionFiles } from '../../playground/src/grading/submission.ts';
import type { Health } from '../../contract/health.ts';
import { makeSiteDir, startServerProcess, stopServer, type ServerProcess } from './server-process.ts';
import { settled, until } from './grading-wait.ts';
import { EXERCISE, createLab, gradebook, http, joinStudents, submit } from './lab-api.ts';

const exercise = exerciseCatalog(loadExercises()).get(EXERCISE)!;
const tmp = mkdtempSync(join(tmpdir(), 'lockstep-roles-'));
const site = makeSiteDir('<!doctype html><title>Lockstep site</title>');
const database = join(tmp, 'labs.sqlite');
const processes: ServerProcess[] = [];
let web = '';
let worker = '';

async function start(role: string): Promise<string> {
  const { server, base } = await startServerProcess({
    LOCKSTEP_ROLE: role,
    LOCKSTEP_SITE_DIR: site,
    LOCKSTEP_DATA_DIR: resolve('.data/it'),
    LOCKSTEP_LABS_DB: database,
    LOCKSTEP_NO_WARMUP: '1',
  });
  processes.push(server);
  return base;
}

const hello = {
  action: 'run',
  files: { 'main.go': 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hello") }\n' },
};

beforeAll(async () => {
  [web, worker] = await Promise.all([start('web'), start('worker')]);
}, 60_000);

afterAll(async () => {
  await Promise.all(processes.map((p) => stopServer(p)));
  rmSync(tmp, { recursive: true, force: true });
  rmSync(site, { recursive: true, force: true });
});

describe('a web server', () => {
  it('says in its health that it runs no code, and why; serves the site; refuses runs with that reason', async () => {
    const health = (await http<Health>(web, 'GET', '/api/health')).body;
    expect(health.role).toBe('web');
    expect(health.status).toBe('degraded');
    expect(health.sandbox).toMatchObject({ available: false, mode: 'none' });
    expect(health.sandbox.reason).toContain('LOCKSTEP_ROLE=web');
    expect(health.tracing).toMatchObject({ available: false, reason: 'sandbox_unavailable' });
    expect(health.grading).toEqual({ queued: 0, grading: 0, failed: 0 });

    const page = await http(web, 'GET', '/');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Lockstep site');

    const run = await http(web, 'POST', '/api/run', hello);
    expect(run.status).toBe(503);
    expect(run.body.error).toBe('runner_unavailable');
    expect(run.body.message).toContain('LOCKSTEP_ROLE=web');
    expect(run.body.params).toEqual({ reason: 'web_node' });
  });
});

describe('a worker server', () => {
  it('runs code, and serves neither the site nor the lab API', async () => {
    const health = (await http<Health>(worker, 'GET', '/api/health')).body;
    expect(health.role).toBe('worker');
    expect(health.sandbox.available, health.sandbox.reason).toBe(true);

    const run = await http(worker, 'POST', '/api/run', hello);
    expect(run.status, run.text).toBe(200);
    expect(run.body.stdout).toBe('hello\n');

    const page = await http(worker, 'GET', '/');
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toContain('application/json');
    expect((await http(worker, 'POST', '/api/labs', {})).status).toBe(404);
  }, 120_000);
});

describe('a web server and a worker sharing the lab database', () => {
  it('grades on the worker what the web server accepted, each submission in one attempt', async () => {
    const { lab, instructorKey } = await createLab(web, { attemptLimit: null });
    const students = await joinStudents(web, lab.id, 4, 'r');
    const acks = await Promise.all(
      students.map(({ token }) => submit(web, lab.id, token, solutionFiles(exercise))),
    );
    expect(acks.map((a) => a.status)).toEqual([202, 202, 202, 202]);

    const book = await until(
      () => gradebook(web, lab.id, instructorKey),
      (g) => g.submissions.length === 4 && g.submissions.every(settled),
    );
    expect(book.submissions.map((s) => `${s.state} ${s.verdict}`)).toEqual(Array(4).fill('graded pass'));

    const db = new DatabaseSync(database, { readOnly: true });
    try {
      const attempts = db.prepare('SELECT grading_attempts AS n FROM submissions').all();
      expect(attempts.map((row) => row.n)).toEqual([1, 1, 1, 1]);
    } finally {
      db.close();
    }
  }, 240_000);
});
