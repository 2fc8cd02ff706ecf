/**
 * The grading worker's own decisions, with a real SQLite store and a stand-in runner (the real
 * runner grades in tests/integration/labs.test.ts and lab-class-burst.test.ts): what is retried
 * and after how long, that the runner sees one client per slot, that stop() gives back the lease
 * of a grade in progress without counting the attempt, that an unavailable runner ends in
 * `failed` after the allowed attempts, and that a database going away neither stops the worker
 * nor throws away a grade made meanwhile (a wrapper makes the store answer as PostgreSQL does when
 * it is away: DatabaseUnavailableError).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exercise as fixture } from '../../../contract/exercise/fixture.ts';
import { RequestError, RunnerUnavailableError } from '../errors.ts';
import type { Runner } from '../grading/grader.ts';
import { runResult } from '../grading/run-fixture.ts';
import {
  classifyGradingError,
  createGradingWorker,
  databaseRetryMs,
  retryDelayMs,
  whenDatabaseAnswers,
} from './grading-worker.ts';
import type { GradingQueue } from './queue.ts';
import { createSqliteLabStore } from './sqlite-store.ts';
import { lab, student, sub } from './store-suite.ts';
import { DatabaseUnavailableError, type LabStore } from './store.ts';

const exercise = fixture();
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function storeWithOne(maxGradingAttempts = 3): Promise<LabStore> {
  const dir = mkdtempSync(join(tmpdir(), 'lockstep-worker-'));
  dirs.push(dir);
  const store = createSqliteLabStore(join(dir, 'labs.sqlite'), { maxGradingAttempts });
  await store.createLab({ ...lab, exercises: [exercise.id] }, 'h');
  const s = await store.addStudent(student({ studentId: 's1', tokenHash: 't1' }));
  await store.addSubmission(sub('sub001', s.row, { exerciseId: exercise.id, files: {} }), null);
  return store;
}

const quiet = { info: () => undefined, warn: () => undefined };

describe('grading worker', () => {
  it('retries what waiting can fix, with growing pauses, and not what it cannot', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([2_000, 4_000, 8_000, 16_000]);
    expect(retryDelayMs(30)).toBe(60_000);
    expect(classifyGradingError(new RunnerUnavailableError('bwrap_missing', 'no bwrap'))).toEqual({
      reason: 'runner_unavailable',
      retry: true,
    });
    expect(classifyGradingError(new RequestError(429, 'queue_full', 'busy', { retryAfterS: 3 }))).toEqual({
      reason: 'runner_busy',
      retry: true,
    });
    expect(
      classifyGradingError(
        new RequestError(400, 'file_not_allowed', 'no', { file: 'x.go', allowed: ['c.go'] }),
      ),
    ).toEqual({
      reason: 'file_not_allowed',
      retry: false,
    });
    expect(classifyGradingError(new Error('boom'))).toEqual({ reason: 'internal', retry: true });
  });

  it('gives back the lease of a grade in progress when stopped, without counting the attempt', async () => {
    const store = await storeWithOne();
    const clients: string[] = [];
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    // A run that lasts until it is cancelled.
    const runner: Runner = {
      run: (_request, client, hooks) =>
        new Promise((_, reject) => {
          clients.push(client);
          started();
          hooks.signal?.addEventListener('abort', () => reject(new RequestError(499, 'cancelled', 'x')));
        }),
    };
    const exercises = new Map([[exercise.id, exercise]]);
    const worker = createGradingWorker({
      store,
      runner,
      exercises,
      concurrency: 2,
      leaseMs: 60_000,
      log: quiet,
    });
    worker.start();
    await running;
    expect(await store.submission(lab.id, 'sub001')).toMatchObject({ state: 'grading', gradingAttempts: 1 });
    expect(clients).toEqual(['grader:0']);
    await worker.stop(0);
    expect(await store.submission(lab.id, 'sub001')).toMatchObject({ state: 'queued', gradingAttempts: 0 });
    await store.close();
  });

  it('marks a submission failed, with the reason, when the runner stays unavailable', async () => {
    const store = await storeWithOne(1);
    const runner: Runner = {
      run: async () => {
        throw new RunnerUnavailableError('bwrap_missing', 'bubblewrap is missing');
      },
    };
    const exercises = new Map([[exercise.id, exercise]]);
    const worker = createGradingWorker({
      store,
      runner,
      exercises,
      concurrency: 1,
      leaseMs: 60_000,
      log: quiet,
    });
    const failed = new Promise<void>((resolve) => {
      const check = setInterval(() => {
        void store.submission(lab.id, 'sub001').then((s) => {
          if (s?.state === 'failed') {
            clearInterval(check);
            resolve();
          }
        });
      }, 20);
    });
    worker.start();
    await failed;
    await worker.stop();
    expect(await store.submission(lab.id, 'sub001')).toMatchObject({
      state: 'failed',
      failure: 'runner_unavailable',
      grade: null,
    });
    await store.close();
  });

  it('waits out a database that is away with growing pauses, and stops waiting when aborted', async () => {
    expect([1, 2, 3, 4, 5, 9].map(databaseRetryMs)).toEqual([250, 500, 1_000, 2_000, 2_000, 2_000]);
    let calls = 0;
    const away: string[] = [];
    const answer = await whenDatabaseAnswers(
      async () => {
        calls += 1;
        if (calls < 3) throw new DatabaseUnavailableError('connection_refused');
        return 'written';
      },
      new AbortController().signal,
      (error) => away.push(error.code),
    );
    expect([answer, calls, away]).toEqual(['written', 3, ['database_unavailable', 'database_unavailable']]);
    // Any other error is not waited out.
    await expect(
      whenDatabaseAnswers(async () => {
        throw new Error('syntax error');
      }, new AbortController().signal),
    ).rejects.toThrow('syntax error');
    // Aborted while pausing (the worker stopping): rejects with the reason at once, no more tries.
    const controller = new AbortController();
    let tries = 0;
    const waiting = whenDatabaseAnswers(
      async () => {
        tries += 1;
        throw new DatabaseUnavailableError('connection_refused');
      },
      controller.signal,
      () => controller.abort(new Error('stopping')),
    );
    await expect(waiting).rejects.toThrow('stopping');
    expect(tries).toBe(1);
  });

  it('keeps taking jobs after the database was away, and keeps a grade made while it was away', async () => {
    const store = await storeWithOne();
    const db = awayable(store);
    // A run that finishes when the test says so, with a grade (a compile error scores 0).
    let runs = 0;
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    let finish!: () => void;
    const finished = new Promise<void>((r) => (finish = r));
    const runner: Runner = {
      run: async () => {
        runs += 1;
        started();
        await finished;
        return runResult('compile_error', []);
      },
    };
    const worker = createGradingWorker({
      store: db.store,
      runner,
      exercises: new Map([[exercise.id, exercise]]),
      concurrency: 1,
      leaseMs: 60_000,
      pollMs: 5,
      log: quiet,
    });
    // Away from the start: the worker asks at every poll and is not stopped by the failures.
    db.away = true;
    worker.start();
    await db.refused('lease', 3);
    db.away = false;
    await running;
    // Away again while the grade is made: writing it fails, and is tried again until it lands.
    db.away = true;
    finish();
    await db.refused('complete', 2);
    db.away = false;
    await until(async () => (await store.submission(lab.id, 'sub001'))?.state === 'graded');
    await worker.stop();
    // Graded once, on its first attempt: the grade made while the database was away was kept.
    expect(await store.submission(lab.id, 'sub001')).toMatchObject({
      state: 'graded',
      gradingAttempts: 1,
      failure: null,
      grade: { status: 'compile_error', verdict: 'fail' },
    });
    expect(runs).toBe(1);
    await store.close();
  });
});

/** Resolves once `check` is true, asking again every few milliseconds (the test's timeout bounds it). */
async function until(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((r) => setTimeout(r, 5));
}

/**
 * The store, but while `away` is true its queue and getLab reject as PostgreSQL's do when the
 * database cannot be reached; `refused(op, n)` resolves once `op` has been refused n times.
 */
function awayable(inner: LabStore) {
  const counts = new Map<string, number>();
  const waiters: { op: string; n: number; resolve: () => void }[] = [];
  const state = {
    away: false,
    store: undefined as unknown as LabStore,
    refused: (op: string, n: number) =>
      new Promise<void>((resolve) => {
        const base = counts.get(op) ?? 0;
        waiters.push({ op, n: base + n, resolve });
      }),
  };
  const guard =
    <A extends unknown[], R>(op: string, fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      if (state.away) {
        counts.set(op, (counts.get(op) ?? 0) + 1);
        for (const w of waiters.filter((x) => x.op === op && x.n <= counts.get(op)!)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve();
        }
        throw new DatabaseUnavailableError('connection_refused');
      }
      return fn(...args);
    };
  const q = inner.queue;
  const queue: GradingQueue = {
    ...q,
    lease: guard('lease', q.lease.bind(q)),
    renew: guard('renew', q.renew.bind(q)),
    complete: guard('complete', q.complete.bind(q)),
    failAttempt: guard('failAttempt', q.failAttempt.bind(q)),
    release: guard('release', q.release.bind(q)),
    onWake: q.onWake.bind(q),
  };
  state.store = { ...inner, queue, getLab: guard('getLab', inner.getLab.bind(inner)) };
  return state;
}
