/**
 * The lab store's behaviour, as one test suite that every backend must pass: SQLite in the unit
 * project (sqlite-store.test.ts), PostgreSQL in the integration project against a real server
 * (tests/integration/postgres-store.test.ts). A backend supplies fresh empty databases and a way
 * to open stores on one, each store standing for another server process sharing that database.
 */
import { describe, expect, it } from 'vitest';
import { DuplicateStudentError, type LabStore, type NewStudent } from './store.ts';
import type { Lab, Submission } from './types.ts';

export interface SuiteDatabase {
  /** A new store on this database, as a further server process would open it. */
  open(): LabStore;
  /** Records that a server newer than this one (schema `version`) has migrated the database. */
  markNewer(version: number): Promise<void>;
}

export interface StoreBackend {
  name: string;
  /** How many migrations this backend has: the schema version of a migrated database. */
  migrations: number;
  /** A fresh, empty database; the backend removes it after the test. */
  fresh(): Promise<SuiteDatabase>;
}

export const lab: Lab = {
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

const JOINED = '2026-01-01T10:00:00.000Z';

export function student(over: Partial<NewStudent> & Pick<NewStudent, 'studentId' | 'tokenHash'>): NewStudent {
  return { labId: lab.id, name: 'Ada', email: null, joinedAt: JOINED, ...over };
}

/** A new submission as the service hands it to the store: queued, not graded. */
export function sub(id: string, studentRow: number, over: Partial<Submission> = {}): Submission {
  return {
    id,
    labId: lab.id,
    studentRow,
    exerciseId: 'a',
    // Keys out of alphabetical order: a store must give back the files exactly as sent.
    files: { 'main.go': 'package main\n', 'a.go': 'package main\n\n// 世界\n' },
    submittedAt: `2026-01-02T00:00:0${id.length}.000Z`,
    late: false,
    locale: 'en',
    idempotencyKey: null,
    state: 'queued',
    maxScore: 10,
    grade: null,
    failure: null,
    gradingAttempts: 0,
    override: null,
    ...over,
  };
}

/** Registers the suite for one backend. */
export function labStoreSuite(backend: StoreBackend): void {
  describe(`${backend.name} lab store`, () => {
    schemaTests(backend);
    studentTests(backend);
    submissionTests(backend);
    concurrentSubmissionTests(backend);
  });
}

/** Migrations: a new database, several servers at once, and a database from a newer server. */
function schemaTests(backend: StoreBackend): void {
  it('migrates a new database to the latest version and reopens it unchanged', async () => {
    const db = await backend.fresh();
    const store = db.open();
    expect(await store.version()).toBe(backend.migrations);
    await store.createLab(lab, 'hash');
    await store.close();
    const again = db.open();
    expect(await again.version()).toBe(backend.migrations);
    expect(await again.getLab(lab.id)).toEqual({ lab, instructorKeyHash: 'hash' });
    expect(await again.getLab('nope')).toBeNull();
    await again.close();
  });

  it('migrates once when several servers open a new database at the same moment', async () => {
    const db = await backend.fresh();
    const stores = [db.open(), db.open(), db.open()];
    expect(await Promise.all(stores.map((s) => s.version()))).toEqual(stores.map(() => backend.migrations));
    await stores[0]!.createLab(lab, 'h');
    expect((await stores[2]!.getLab(lab.id))?.lab).toEqual(lab);
    await Promise.all(stores.map((s) => s.close()));
  });

  it('refuses a database from a newer server instead of guessing', async () => {
    const db = await backend.fresh();
    await db.markNewer(backend.migrations + 1);
    await expect(
      (async () => {
        const store = db.open();
        try {
          await store.getLab(lab.id);
        } finally {
          await store.close();
        }
      })(),
    ).rejects.toThrow(/newer than this server knows/);
  });
}

/** Students: unique per lab, found by token hash. */
function studentTests(backend: StoreBackend): void {
  it('keeps students unique per lab and finds them by token hash only in their lab', async () => {
    const store = (await backend.fresh()).open();
    await store.createLab(lab, 'h');
    await store.createLab({ ...lab, id: 'lab999999' }, 'h');
    const ada = await store.addStudent(student({ studentId: 's1', tokenHash: 't1', email: 'ada@x.org' }));
    expect(ada).toEqual({
      row: ada.row,
      labId: lab.id,
      studentId: 's1',
      name: 'Ada',
      email: 'ada@x.org',
      joinedAt: JOINED,
    });
    await expect(
      store.addStudent(student({ studentId: 's1', name: 'Eve', tokenHash: 't2' })),
    ).rejects.toThrow(DuplicateStudentError);
    // The same student id in another lab is another student.
    await store.addStudent(student({ labId: 'lab999999', studentId: 's1', tokenHash: 't3' }));
    await store.addStudent(student({ studentId: 'S9', name: 'Bea', tokenHash: 't4' }));
    expect((await store.studentByToken(lab.id, 't1'))?.row).toBe(ada.row);
    expect(await store.studentByToken('lab999999', 't1')).toBeNull();
    // Ordered by student id, byte by byte (upper case first), the same on every backend.
    expect((await store.students(lab.id)).map((s) => s.name)).toEqual(['Bea', 'Ada']);
    await store.close();
  });
}

/** Submissions: stored queued with their code, the attempt limit, and the instructor's override. */
function submissionTests(backend: StoreBackend): void {
  it('stores submissions queued with their code, enforces the attempt limit, and overrides', async () => {
    const store = (await backend.fresh()).open();
    await store.createLab(lab, 'h');
    const a = await store.addStudent(student({ studentId: 's1', tokenHash: 't1' }));
    const b = await store.addStudent(student({ studentId: 's2', tokenHash: 't2' }));
    const outcome = async (s: Submission, limit: number | null) =>
      (await store.addSubmission(s, limit)).outcome;
    expect(await outcome(sub('1', a.row), 2)).toBe('stored');
    expect(await outcome(sub('22', a.row, { late: true, locale: 'zh-cn' }), 2)).toBe('stored');
    expect(await outcome(sub('333', a.row), 2)).toBe('limit');
    // The limit is per exercise, and no limit means none.
    expect(await outcome(sub('B1', a.row, { exerciseId: 'b' }), 2)).toBe('stored');
    expect(await outcome(sub('4444', b.row), null)).toBe('stored');
    expect(await outcome(sub('55555', b.row), null)).toBe('stored');
    expect(await outcome(sub('666666', b.row), null)).toBe('stored');
    expect(await store.attempts(lab.id, a.row, 'a')).toBe(2);
    expect(await store.attempts(lab.id, b.row, 'a')).toBe(3);
    // Oldest first; at the same instant by id, byte by byte.
    expect((await store.submissions(lab.id)).map((s) => s.id)).toEqual([
      '1',
      '22',
      'B1',
      '4444',
      '55555',
      '666666',
    ]);
    expect((await store.submissions(lab.id, b.row)).map((s) => s.id)).toEqual(['4444', '55555', '666666']);
    const sent = sub('22', a.row, { late: true, locale: 'zh-cn' });
    const got = (await store.submission(lab.id, '22'))!;
    expect(got).toEqual(sent);
    expect(Object.keys(got.files)).toEqual(['main.go', 'a.go']);
    const at = '2026-01-03T12:00:00.000Z';
    expect(await store.setOverride(lab.id, '22', { score: 9, comment: 'partial credit', at })).toBe(true);
    expect((await store.submission(lab.id, '22'))!.override).toEqual({
      score: 9,
      comment: 'partial credit',
      at,
    });
    expect(await store.setOverride(lab.id, '22', null)).toBe(true);
    expect((await store.submission(lab.id, '22'))!.override).toBeNull();
    expect(await store.setOverride(lab.id, 'missing', null)).toBe(false);
    expect(await store.submission('lab999999', '22')).toBeNull();
    await store.close();
  });
}

/** Submissions racing from several servers: one per idempotency key, exactly `limit` per student. */
function concurrentSubmissionTests(backend: StoreBackend): void {
  it('stores a submission once per student and idempotency key, even when the retries race', async () => {
    const db = await backend.fresh();
    const servers = [db.open(), db.open(), db.open()];
    const first = servers[0]!;
    await first.createLab(lab, 'h');
    const a = await first.addStudent(student({ studentId: 's1', tokenHash: 't1' }));
    const b = await first.addStudent(student({ studentId: 's2', tokenHash: 't2' }));
    // One Submit click sent six times at once, through three servers, with a limit of 2.
    const tries = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        servers[i % 3]!.addSubmission(sub(`try-${i}`, a.row, { idempotencyKey: 'click-0001' }), 2),
      ),
    );
    const stored = tries.filter((t) => t.outcome === 'stored');
    expect(stored).toHaveLength(1);
    const id = (stored[0] as { submission: Submission }).submission.id;
    expect(tries.map((t) => (t.outcome === 'limit' ? null : t.submission.id))).toEqual(Array(6).fill(id));
    expect(await first.attempts(lab.id, a.row, 'a')).toBe(1);
    expect((await servers[2]!.submissionByKey(a.row, 'click-0001'))?.id).toBe(id);
    expect(await servers[2]!.submissionByKey(b.row, 'click-0001')).toBeNull();
    // A retry after the limit is reached still finds its submission; a new key is refused.
    expect((await first.addSubmission(sub('second', a.row), 2)).outcome).toBe('stored');
    const late = await first.addSubmission(sub('again', a.row, { idempotencyKey: 'click-0001' }), 2);
    expect(late).toMatchObject({ outcome: 'existing', submission: { id } });
    expect(
      (await first.addSubmission(sub('third', a.row, { idempotencyKey: 'click-0002' }), 2)).outcome,
    ).toBe('limit');
    // Keys are per student: another student's same key is another submission.
    expect((await first.addSubmission(sub('bob', b.row, { idempotencyKey: 'click-0001' }), 2)).outcome).toBe(
      'stored',
    );
    await Promise.all(servers.map((s) => s.close()));
  });

  it('lets exactly `limit` of many concurrent submissions through, from several servers at once', async () => {
    const db = await backend.fresh();
    const servers = [db.open(), db.open(), db.open()];
    const first = servers[0]!;
    await first.createLab({ ...lab, attemptLimit: 3 }, 'h');
    const students = [
      await first.addStudent(student({ studentId: 's1', tokenHash: 't1' })),
      await first.addStudent(student({ studentId: 's2', tokenHash: 't2' })),
    ];
    // 24 submissions per student for one exercise, spread over the servers, all in flight together.
    const results = await Promise.all(
      students.flatMap((s) =>
        Array.from({ length: 24 }, (_, i) =>
          servers[i % servers.length]!.addSubmission(sub(`s${s.row}-${i}`, s.row), 3).then((added) => ({
            row: s.row,
            ok: added.outcome === 'stored',
          })),
        ),
      ),
    );
    for (const s of students) {
      expect(results.filter((r) => r.row === s.row && r.ok)).toHaveLength(3);
      expect(await first.attempts(lab.id, s.row, 'a')).toBe(3);
    }
    await Promise.all(servers.map((s) => s.close()));
  });
}
