/**
 * The lab service's acceptance rules with a real SQLite store and a clock the test moves: a
 * submission is judged by when it was received; a retry of a Submit whose answer was lost (same
 * Idempotency-Key) gets the stored submission back even after the due date or the last attempt;
 * files the grader would refuse are refused before anything is stored.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exercise as fixture } from '../../../contract/exercise/fixture.ts';
import { createLabService } from './service.ts';
import { createSqliteLabStore } from './sqlite-store.ts';

const exercise = fixture();
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function setup(attemptLimit: number | null) {
  const dir = mkdtempSync(join(tmpdir(), 'lockstep-service-'));
  dirs.push(dir);
  const store = createSqliteLabStore(join(dir, 'labs.sqlite'));
  let clock = new Date('2026-03-01T11:00:00.000Z');
  const labs = createLabService({ store, exercises: new Map([[exercise.id, exercise]]), now: () => clock });
  const created = await labs.create(
    {
      title: 'Deadline',
      exercises: [exercise.id],
      opensAt: '2026-03-01T09:00:00.000Z',
      dueAt: '2026-03-01T12:00:00.000Z',
      latePolicy: 'reject',
      latePenaltyPercent: 0,
      hints: true,
      solutions: false,
      attemptLimit,
    },
    'en',
  );
  const joined = await labs.join(created.lab.id, { name: 'Ada', studentId: 's1' });
  const student = await labs.authenticate(created.lab.id, joined.token);
  return { store, labs, student, setClock: (iso: string) => (clock = new Date(iso)) };
}

const files = { 'c.go': 'package c\n\nvar N int\n' };

describe('lab service: accepting submissions', () => {
  it('judges a submission by its receipt time, and gives a lost answer back after the deadline', async () => {
    const { store, labs, student, setClock } = await setup(null);
    setClock('2026-03-01T11:59:59.000Z');
    const first = await labs.submit(
      student,
      { exerciseId: exercise.id, files },
      { idempotencyKey: 'click-1234' },
    );
    expect(first).toMatchObject({
      replayed: false,
      submission: { state: 'queued', position: 1, submittedAt: '2026-03-01T11:59:59.000Z', late: false },
    });
    // The browser never saw the answer and sends the same click again after the deadline.
    setClock('2026-03-01T12:00:05.000Z');
    const retry = await labs.submit(
      student,
      { exerciseId: exercise.id, files },
      { idempotencyKey: 'click-1234' },
    );
    expect(retry).toMatchObject({ replayed: true, submission: { id: first.submission.id, late: false } });
    // A new Submit after the deadline is refused (late work is rejected in this lab).
    await expect(
      labs.submit(student, { exerciseId: exercise.id, files }, { idempotencyKey: 'click-5678' }),
    ).rejects.toMatchObject({ statusCode: 403, code: 'closed' });
    expect(await store.submissions(student.lab.id)).toHaveLength(1);
    await store.close();
  });

  it('gives a retry its submission back after the last attempt, and refuses a new one', async () => {
    const { store, labs, student } = await setup(1);
    const first = await labs.submit(
      student,
      { exerciseId: exercise.id, files },
      { idempotencyKey: 'click-0001' },
    );
    const retry = await labs.submit(
      student,
      { exerciseId: exercise.id, files },
      { idempotencyKey: 'click-0001' },
    );
    expect(retry.submission.id).toBe(first.submission.id);
    await expect(labs.submit(student, { exerciseId: exercise.id, files }, {})).rejects.toMatchObject({
      statusCode: 403,
      code: 'attempts_exhausted',
    });
    await store.close();
  });

  it('refuses files the grader would refuse before storing anything', async () => {
    const { store, labs, student } = await setup(null);
    await expect(
      labs.submit(student, { exerciseId: exercise.id, files: { 'other.go': 'package c\n' } }, {}),
    ).rejects.toMatchObject({ statusCode: 400, code: 'file_not_allowed' });
    // Within the request's 256 Ki characters, but 3 bytes each: over the sandbox's 256 KiB of source.
    const wide = { 'c.go': `package c\n\n// ${'中'.repeat(100 * 1024)}\n` };
    await expect(labs.submit(student, { exerciseId: exercise.id, files: wide }, {})).rejects.toMatchObject({
      statusCode: 400,
      code: 'source_too_large',
    });
    expect(await store.submissions(student.lab.id)).toEqual([]);
    // Just within the limit is accepted.
    const fits = { 'c.go': `package c\n\n// ${'x'.repeat(200 * 1024)}\n` };
    expect((await labs.submit(student, { exerciseId: exercise.id, files: fits }, {})).submission.state).toBe(
      'queued',
    );
    await store.close();
  });
});
