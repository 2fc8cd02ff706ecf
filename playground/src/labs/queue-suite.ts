/**
 * The grading queue's behaviour, as one test suite that every backend must pass: SQLite in the
 * unit project (sqlite-store.test.ts), PostgreSQL in the integration project against a real server
 * (tests/integration/postgres-store.test.ts). Each store opened on a database stands for another
 * worker process. No test waits for a clock: a lease of 0 ms has run out by the next call, and a
 * lease or a retry of a minute has not.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_ATTEMPTS } from './queue.ts';
import { lab, student, sub, type StoreBackend } from './store-suite.ts';
import type { LabStore } from './store.ts';
import type { SubmissionGrade } from './types.ts';

const MINUTE = 60_000;

const grade = (score: number): SubmissionGrade => ({
  score,
  maxScore: 10,
  finalScore: score,
  verdict: score === 10 ? 'pass' : 'fail',
  status: score === 10 ? 'ok' : 'race',
  result: { exerciseId: 'a', score, tests: [] } as unknown as SubmissionGrade['result'],
  gradedAt: '2026-01-02T00:10:00.000Z',
});

/** A lab with one student and `n` queued submissions q0, q1, … (oldest first). */
async function withQueued(store: LabStore, n: number): Promise<string[]> {
  await store.createLab({ ...lab, attemptLimit: null }, 'h');
  const s = await store.addStudent(student({ studentId: 's1', tokenHash: 't1' }));
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = `q${String(i).padStart(2, '0')}`;
    await store.addSubmission(
      sub(id, s.row, { submittedAt: `2026-01-02T00:00:${String(i).padStart(2, '0')}.000Z` }),
      null,
    );
    ids.push(id);
  }
  return ids;
}

export function gradingQueueSuite(backend: StoreBackend): void {
  describe(`${backend.name} grading queue`, () => {
    leaseTests(backend);
    failureTests(backend);
    workerTests(backend);
  });
}

/** Leases: the oldest first, positions, one grade, expiry, renewal. */
function leaseTests(backend: StoreBackend): void {
  it('leases the oldest first, reports positions, and writes the grade once', async () => {
    const store = (await backend.fresh()).open();
    const ids = await withQueued(store, 3);
    expect(await Promise.all(ids.map((id) => store.queue.position(id)))).toEqual([1, 2, 3]);
    expect(await store.queue.counts()).toEqual({ queued: 3, grading: 0, failed: 0 });

    const [job] = await store.queue.lease(1, MINUTE);
    expect(job!.submission).toMatchObject({ id: 'q00', state: 'grading', gradingAttempts: 1 });
    expect(await store.queue.position('q00')).toBeNull();
    expect(await store.queue.position('q02')).toBe(2);
    expect(await store.queue.counts()).toEqual({ queued: 2, grading: 1, failed: 0 });

    expect(await store.queue.complete('q00', job!.token, grade(10))).toBe(true);
    // A second completion — a duplicate delivery — changes nothing.
    expect(await store.queue.complete('q00', job!.token, grade(3))).toBe(false);
    const graded = (await store.submission(lab.id, 'q00'))!;
    expect(graded).toMatchObject({ state: 'graded', failure: null, gradingAttempts: 1 });
    expect(graded.grade).toEqual(grade(10));
    // A graded job is never leased again.
    const rest = await store.queue.lease(5, MINUTE);
    expect(rest.map((j) => j.submission.id)).toEqual(['q01', 'q02']);
    expect(await store.queue.lease(5, MINUTE)).toEqual([]);
    await store.close();
  });

  it('leases a job again when its lease runs out, and drops the late completion of the old lease', async () => {
    const db = await backend.fresh();
    const [dying, next] = [db.open(), db.open()];
    await withQueued(dying, 1);
    // A worker that dies holding a lease: it runs out, and the next worker takes the job.
    const [lost] = await dying.queue.lease(1, 0);
    const [again] = await next.queue.lease(1, MINUTE);
    expect(again!.submission).toMatchObject({ id: 'q00', gradingAttempts: 2 });
    expect(again!.token).not.toBe(lost!.token);
    expect(await dying.queue.renew('q00', lost!.token, MINUTE)).toBe(false);
    expect(await dying.queue.complete('q00', lost!.token, grade(0))).toBe(false);
    expect(await next.queue.complete('q00', again!.token, grade(10))).toBe(true);
    expect((await next.submission(lab.id, 'q00'))!.grade?.score).toBe(10);
    expect(await next.queue.lease(1, 0)).toEqual([]);
    await Promise.all([dying.close(), next.close()]);
  });

  it('keeps a renewed lease from being taken', async () => {
    const store = (await backend.fresh()).open();
    await withQueued(store, 1);
    const [job] = await store.queue.lease(1, 0);
    expect(await store.queue.renew('q00', job!.token, MINUTE)).toBe(true);
    expect(await store.queue.lease(1, MINUTE)).toEqual([]);
    expect(await store.queue.complete('q00', job!.token, grade(4))).toBe(true);
    await store.close();
  });
}

/** Failed attempts: retried, failed for good, re-queued; a released job costs no attempt. */
function failureTests(backend: StoreBackend): void {
  it(`retries a failed attempt, fails the job after ${DEFAULT_MAX_ATTEMPTS}, and re-queues it on request`, async () => {
    const store = (await backend.fresh()).open();
    await withQueued(store, 2);
    for (let attempt = 1; attempt < DEFAULT_MAX_ATTEMPTS; attempt++) {
      const [job] = await store.queue.lease(1, MINUTE);
      expect(job!.submission).toMatchObject({ id: 'q00', gradingAttempts: attempt });
      expect(await store.queue.failAttempt('q00', job!.token, 'runner_unavailable', 0)).toBe('queued');
      expect(await store.submission(lab.id, 'q00')).toMatchObject({
        state: 'queued',
        failure: 'runner_unavailable',
      });
    }
    const [last] = await store.queue.lease(1, MINUTE);
    expect(await store.queue.failAttempt('q00', last!.token, 'internal', 0)).toBe('failed');
    expect(await store.submission(lab.id, 'q00')).toMatchObject({ state: 'failed', failure: 'internal' });
    expect(await store.queue.counts()).toEqual({ queued: 1, grading: 0, failed: 1 });
    // A failed job waits for the instructor; the next one is served meanwhile.
    const [other] = await store.queue.lease(5, MINUTE);
    expect(other!.submission.id).toBe('q01');
    // A retry that is not yet due is not leased.
    expect(await store.queue.failAttempt('q01', other!.token, 'runner_busy', MINUTE)).toBe('queued');
    expect(await store.queue.lease(5, MINUTE)).toEqual([]);

    expect(await store.queue.requeue('lab999999', 'q00')).toBe(false);
    expect(await store.queue.requeue(lab.id, 'q00')).toBe(true);
    expect(await store.queue.requeue(lab.id, 'q00')).toBe(false);
    expect(await store.submission(lab.id, 'q00')).toMatchObject({
      state: 'queued',
      failure: null,
      gradingAttempts: 0,
    });
    const [back] = await store.queue.lease(5, MINUTE);
    expect(back!.submission).toMatchObject({ id: 'q00', gradingAttempts: 1 });
    await store.close();
  });

  it('fails for good, without waiting, what cannot succeed, and a job whose last lease ran out', async () => {
    const store = (await backend.fresh()).open();
    await withQueued(store, 2);
    const [job] = await store.queue.lease(1, MINUTE);
    expect(await store.queue.failAttempt('q00', job!.token, 'exercise_missing', null)).toBe('failed');
    for (let attempt = 1; attempt <= DEFAULT_MAX_ATTEMPTS; attempt++) {
      const jobs = await store.queue.lease(1, 0);
      expect(jobs.map((j) => j.submission.gradingAttempts)).toEqual([attempt]);
    }
    // The last lease ran out too: a worker that keeps dying on this job does not get it again.
    expect(await store.queue.lease(1, MINUTE)).toEqual([]);
    expect(await store.submission(lab.id, 'q01')).toMatchObject({
      state: 'failed',
      failure: 'lease_expired',
    });
    await store.close();
  });

  it('gives a released job back without counting the attempt', async () => {
    const store = (await backend.fresh()).open();
    await withQueued(store, 1);
    const [job] = await store.queue.lease(1, MINUTE);
    expect(await store.queue.release('q00', job!.token)).toBe(true);
    expect(await store.queue.release('q00', job!.token)).toBe(false);
    expect(await store.submission(lab.id, 'q00')).toMatchObject({ state: 'queued', gradingAttempts: 0 });
    expect(await store.queue.position('q00')).toBe(1);
    await store.close();
  });
}

/** Several workers: disjoint leases, and waking a waiting one. */
function workerTests(backend: StoreBackend): void {
  it('hands two workers leasing at the same moment disjoint jobs', async () => {
    const db = await backend.fresh();
    const workers = [db.open(), db.open()];
    const ids = await withQueued(workers[0]!, 8);
    const [a, b] = await Promise.all(workers.map((w) => w.queue.lease(4, MINUTE)));
    const taken = [...a!, ...b!].map((j) => j.submission.id);
    expect(taken.sort()).toEqual(ids);
    expect(new Set(taken).size).toBe(8);
    await Promise.all(workers.map((w) => w.close()));
  });

  it('wakes a waiting worker when a submission arrives', async () => {
    const store = (await backend.fresh()).open();
    await withQueued(store, 0);
    const s = (await store.students(lab.id))[0]!;
    const woken = new Promise<void>((resolve) => {
      const off = store.queue.onWake(() => {
        off();
        resolve();
      });
    });
    await store.addSubmission(sub('w1', s.row), null);
    await woken;
    expect((await store.queue.lease(1, MINUTE)).map((j) => j.submission.id)).toEqual(['w1']);
    await store.close();
  });
}
