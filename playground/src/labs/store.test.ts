import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { createSqliteLabStore, DuplicateStudentError } from './store.ts';
import { MIGRATIONS } from './migrations.ts';
import type { Lab, Submission } from './types.ts';

const dirs: string[] = [];
function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lockstep-labs-'));
  dirs.push(dir);
  return join(dir, 'labs.sqlite');
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const lab: Lab = {
  id: 'lab123456',
  createdAt: '2026-01-01T00:00:00.000Z',
  title: 'Week 1',
  exercises: ['a', 'b'],
  opensAt: '2026-01-01T00:00:00.000Z',
  dueAt: '2026-01-08T00:00:00.000Z',
  latePolicy: 'accept',
  latePenaltyPercent: 0,
  hints: true,
  solutions: true,
  attemptLimit: 2,
};

function sub(id: string, studentRow: number, over: Partial<Submission> = {}): Submission {
  return {
    id,
    labId: lab.id,
    studentRow,
    exerciseId: 'a',
    files: { 'a.go': 'package a\n' },
    submittedAt: `2026-01-02T00:00:0${id.length}.000Z`,
    late: false,
    score: 3,
    maxScore: 10,
    finalScore: 3,
    verdict: 'fail',
    status: 'race',
    result: { exerciseId: 'a', score: 3 } as unknown as Submission['result'],
    override: null,
    ...over,
  };
}

describe('SQLite lab store', () => {
  it('migrates a new file to the latest version, in WAL mode, and reopens it unchanged', () => {
    const file = tempFile();
    const store = createSqliteLabStore(file);
    expect(store.version()).toBe(MIGRATIONS.length);
    store.createLab(lab, 'hash');
    store.close();
    const raw = new DatabaseSync(file);
    expect((raw.prepare('PRAGMA journal_mode').get() as { journal_mode: string }).journal_mode).toBe('wal');
    raw.close();
    const again = createSqliteLabStore(file);
    expect(again.getLab(lab.id)).toEqual({ lab, instructorKeyHash: 'hash' });
    expect(again.getLab('nope')).toBeNull();
    again.close();
  });

  it('refuses a database from a newer server instead of guessing', () => {
    const file = tempFile();
    const raw = new DatabaseSync(file);
    raw.exec(`PRAGMA user_version = ${MIGRATIONS.length + 1}`);
    raw.close();
    expect(() => createSqliteLabStore(file)).toThrow(/newer than this server knows/);
  });

  it('keeps students unique per lab and finds them by token hash only in their lab', () => {
    const store = createSqliteLabStore(tempFile());
    store.createLab(lab, 'h');
    store.createLab({ ...lab, id: 'lab999999' }, 'h');
    const ada = store.addStudent({
      labId: lab.id,
      studentId: 's1',
      name: 'Ada',
      email: null,
      tokenHash: 't1',
      joinedAt: 'now',
    });
    expect(ada).toMatchObject({ studentId: 's1', name: 'Ada', email: null });
    expect(() =>
      store.addStudent({
        labId: lab.id,
        studentId: 's1',
        name: 'Eve',
        email: null,
        tokenHash: 't2',
        joinedAt: 'now',
      }),
    ).toThrow(DuplicateStudentError);
    // The same student id in another lab is another student.
    store.addStudent({
      labId: 'lab999999',
      studentId: 's1',
      name: 'Ada',
      email: null,
      tokenHash: 't3',
      joinedAt: 'now',
    });
    expect(store.studentByToken(lab.id, 't1')?.row).toBe(ada.row);
    expect(store.studentByToken('lab999999', 't1')).toBeNull();
    expect(store.students(lab.id).map((s) => s.name)).toEqual(['Ada']);
    store.close();
  });

  it('stores submissions with their code and grade, enforces the attempt limit atomically, and overrides', () => {
    const store = createSqliteLabStore(tempFile());
    store.createLab(lab, 'h');
    const a = store.addStudent({
      labId: lab.id,
      studentId: 's1',
      name: 'A',
      email: 'a@x.org',
      tokenHash: 't1',
      joinedAt: 'n',
    });
    const b = store.addStudent({
      labId: lab.id,
      studentId: 's2',
      name: 'B',
      email: null,
      tokenHash: 't2',
      joinedAt: 'n',
    });
    expect(store.addSubmission(sub('1', a.row), 2)).toBe(true);
    expect(store.addSubmission(sub('22', a.row, { late: true }), 2)).toBe(true);
    expect(store.addSubmission(sub('333', a.row), 2)).toBe(false);
    expect(store.addSubmission(sub('4444', b.row), 2)).toBe(true);
    expect(store.attempts(lab.id, a.row, 'a')).toBe(2);
    expect(store.submissions(lab.id).map((s) => s.id)).toEqual(['1', '22', '4444']);
    expect(store.submissions(lab.id, b.row).map((s) => s.id)).toEqual(['4444']);
    const got = store.submission(lab.id, '22')!;
    expect(got).toMatchObject({
      late: true,
      files: { 'a.go': 'package a\n' },
      result: { score: 3 },
      override: null,
    });
    expect(store.setOverride(lab.id, '22', { score: 9, comment: 'partial credit', at: 't' })).toBe(true);
    expect(store.submission(lab.id, '22')!.override).toEqual({
      score: 9,
      comment: 'partial credit',
      at: 't',
    });
    expect(store.setOverride(lab.id, '22', null)).toBe(true);
    expect(store.submission(lab.id, '22')!.override).toBeNull();
    expect(store.setOverride(lab.id, 'missing', null)).toBe(false);
    expect(store.submission('lab999999', '22')).toBeNull();
    store.close();
  });
});
