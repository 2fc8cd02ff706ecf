/**
 * The grading worker's own decisions, with a real SQLite store and a stand-in runner (the real
 * runner grades in tests/integration/labs.test.ts and lab-class-burst.test.ts): what is retried
 * and after how long, that the runner sees one client per slot, that stop() gives back the lease
 * of a grade in progress without counting the attempt, and that an unavailable runner ends in
 * `failed` after the allowed attempts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exercise as fixture } from '../exercises/fixture.ts';
import { RequestError, RunnerUnavailableError } from '../errors.ts';
import type { Runner } from '../grading/grader.ts';
import { classifyGradingError, createGradingWorker, retryDelayMs } from './grading-worker.ts';
import { createSqliteLabStore } from './sqlite-store.ts';
import { lab, student, sub } from './store-suite.ts';
import type { LabStore } from './store.ts';

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
    expect(classifyGradingError(new RunnerUnavailableError('no bwrap'))).toEqual({
      reason: 'runner_unavailable',
      retry: true,
    });
    expect(classifyGradingError(new RequestError(429, 'queue_full', 'busy', 3))).toEqual({
      reason: 'runner_busy',
      retry: true,
    });
    expect(classifyGradingError(new RequestError(400, 'file_not_allowed', 'no'))).toEqual({
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
        throw new RunnerUnavailableError('bubblewrap is missing');
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
});
