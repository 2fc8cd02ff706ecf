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
import { exerciseCatalog, loadExercises } from '../../playground/src/exercises/load.ts';
import { solutionFiles } from '../../playground/src/grading/submission.ts';
import type { CreatedLab, Gradebook } from '../../playground/src/contract/labs.ts';
import type { Health } from '../../playground/src/contract/health.ts';
import { makeSiteDir, startServerProcess, stopServer, type ServerProcess } from './server-process.ts';
import { settled, until } from './grading-wait.ts';

const EXERCISE = 'lost-update-counter';
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

async function call(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  secret?: string,
): Promise<{ status: number; type: string; text: string; json: Record<string, unknown> }> {
  const res = await fetch(base + path, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(secret ? { authorization: `Bearer ${secret}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  return { status: res.status, type, text, json: type.includes('json') ? JSON.parse(text) : {} };
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
    const health = (await call(web, 'GET', '/api/health')).json as unknown as Health;
    expect(health.role).toBe('web');
    expect(health.status).toBe('degraded');
    expect(health.sandbox).toMatchObject({ available: false, mode: 'none' });
    expect(health.sandbox.reason).toContain('LOCKSTEP_ROLE=web');
    expect(health.grading).toEqual({ queued: 0, grading: 0, failed: 0 });

    const page = await call(web, 'GET', '/');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Lockstep site');

    const run = await call(web, 'POST', '/api/run', hello);
    expect(run.status).toBe(503);
    expect(run.json.error).toBe('runner_unavailable');
    expect(run.json.message).toContain('LOCKSTEP_ROLE=web');
  });
});

describe('a worker server', () => {
  it('runs code, and serves neither the site nor the lab API', async () => {
    const health = (await call(worker, 'GET', '/api/health')).json as unknown as Health;
    expect(health.role).toBe('worker');
    expect(health.sandbox.available, health.sandbox.reason).toBe(true);

    const run = await call(worker, 'POST', '/api/run', hello);
    expect(run.status, run.text).toBe(200);
    expect(run.json.stdout).toBe('hello\n');

    const page = await call(worker, 'GET', '/');
    expect(page.status).toBe(404);
    expect(page.type).toContain('application/json');
    expect((await call(worker, 'POST', '/api/labs', {})).status).toBe(404);
  }, 120_000);
});

describe('a web server and a worker sharing the lab database', () => {
  it('grades on the worker what the web server accepted, each submission in one attempt', async () => {
    const created = await call(web, 'POST', '/api/labs', {
      title: 'Roles',
      exercises: [EXERCISE],
      opensAt: new Date(Date.now() - 3600_000).toISOString(),
      dueAt: new Date(Date.now() + 3600_000).toISOString(),
      latePolicy: 'accept',
      latePenaltyPercent: 0,
      hints: true,
      solutions: false,
      attemptLimit: null,
    });
    expect(created.status, created.text).toBe(201);
    const { lab, instructorKey } = created.json as unknown as CreatedLab;
    const tokens: string[] = [];
    for (let i = 0; i < 4; i++) {
      const joined = await call(web, 'POST', `/api/labs/${lab.id}/students`, {
        name: `Student ${i}`,
        studentId: `r-${i}`,
      });
      expect(joined.status, joined.text).toBe(201);
      tokens.push(joined.json.token as string);
    }
    const acks = await Promise.all(
      tokens.map((token) =>
        call(
          web,
          'POST',
          `/api/labs/${lab.id}/submissions`,
          { exerciseId: EXERCISE, files: solutionFiles(exercise) },
          token,
        ),
      ),
    );
    expect(acks.map((a) => a.status)).toEqual([202, 202, 202, 202]);

    const book = await until(
      async () =>
        (await call(web, 'GET', `/api/labs/${lab.id}/gradebook`, undefined, instructorKey))
          .json as unknown as Gradebook,
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
