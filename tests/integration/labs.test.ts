/**
 * Instructor labs against the real runner and a real SQLite file: a lab is created, two students
 * join, one submits a wrong then a right solution (acknowledged at once, then graded in the sandbox
 * by the grading queue), the gradebook and CSV show both attempts and the best score, the second
 * student sees none of it, policies and authentication hold, a retried submission with the same
 * Idempotency-Key is stored once, and acknowledged submissions survive the server being SIGKILLed
 * mid-grading: the next start grades them, each once.
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../playground/src/app.ts';
import { loadConfig } from '../../playground/src/config.ts';
import { createSandboxedRunService } from '../../playground/src/sandboxed-run-service.ts';
import { exerciseCatalog, loadExercises } from '../../contract/exercise/load.ts';
import { editableStarter, solutionFiles } from '../../playground/src/grading/submission.ts';
import {
  CreatedLab,
  Gradebook,
  SubmissionDetail,
  SubmissionSummary,
  StudentStanding,
  type LabSettings,
} from '../../contract/labs.ts';
import { DatabaseSync } from 'node:sqlite';
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
  type Res,
} from './lab-api.ts';
import type { Health } from '../../contract/health.ts';
import { startServerProcess } from './server-process.ts';
import { checkResponsesAgainstOpenApi } from './openapi-check.ts';

const exercises = exerciseCatalog(loadExercises());
const exercise = exercises.get(EXERCISE)!;
/** An exercise's full score: the CSV gives it even before a first attempt. */
const maxOf = (id: string) => exercises.get(id)!.grading.tests.reduce((n, t) => n + t.weight, 0);
const tmp = mkdtempSync(join(tmpdir(), 'lockstep-labs-it-'));
let app: FastifyInstance;
let violations: string[] = [];

/** A request to the app under test, answered in-process (checked by its OpenAPI hook). */
const call = (
  method: 'GET' | 'POST',
  url: string,
  body?: unknown,
  secret?: string,
  headers: Record<string, string> = {},
): Promise<Res> => http(app, method, url, body, secret, { headers });

/** Submits, expects the 202 acknowledgement, and waits until the grading queue has graded it. */
async function submitAndGrade(labId: string, body: unknown, secret: string): Promise<SubmissionDetail> {
  const ack = await call('POST', `/api/labs/${labId}/submissions`, body, secret);
  expect(ack.status, ack.text.slice(0, 300)).toBe(202);
  expect(Value.Check(SubmissionSummary, ack.body)).toBe(true);
  const summary = ack.body as unknown as SubmissionSummary;
  expect(summary).toMatchObject({ state: 'queued', score: null, countedScore: null, verdict: null });
  const detail = await until(
    async () =>
      (await call('GET', `/api/labs/${labId}/submissions/${summary.id}`, undefined, secret))
        .body as unknown as SubmissionDetail,
    settled,
  );
  expect(Value.Check(SubmissionDetail, detail)).toBe(true);
  expect(detail.state).toBe('graded');
  expect(detail.submittedAt).toBe(summary.submittedAt);
  return detail;
}

const settings = (over: Partial<LabSettings> = {}) =>
  labSettings({
    exercises: [EXERCISE, 'transfer-lock-order'],
    latePolicy: 'penalty',
    latePenaltyPercent: 50,
    ...over,
  });

beforeAll(async () => {
  const dataDir = resolve('.data/it');
  mkdirSync(dataDir, { recursive: true });
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    LOCKSTEP_DATA_DIR: dataDir,
    LOCKSTEP_LABS_DB: join(tmp, 'inject.sqlite'),
  });
  app = await buildApp({ config, service: createSandboxedRunService(config), serveSite: false, exercises });
  violations = checkResponsesAgainstOpenApi(app);
  await app.ready();
  for (let i = 0; i < 300; i++) {
    const health = (await call('GET', '/api/health')).body as unknown as Health;
    if (health.cache.state !== 'warming') break;
    await new Promise((r) => setTimeout(r, 500));
  }
}, 180_000);

afterAll(async () => {
  await app?.close();
  rmSync(tmp, { recursive: true, force: true });
  expect(violations, 'answers that break the OpenAPI document').toEqual([]);
});

describe('instructor labs', () => {
  let labId = '';
  let key = '';
  let ada = '';
  let bob = '';
  const adaSubmissions: string[] = [];

  it('creates a lab and returns the instructor key once; bad settings get a message', async () => {
    const created = await call('POST', '/api/labs', settings());
    expect(created.status).toBe(201);
    expect(Value.Check(CreatedLab, created.body)).toBe(true);
    const body = created.body as unknown as CreatedLab;
    labId = body.lab.id;
    key = body.instructorKey;
    expect(key).toMatch(/^lsk_/);
    expect(body.lab).toMatchObject({ phase: 'open', attemptLimit: 3 });
    expect(body.lab.exercises.map((e) => e.id)).toEqual([EXERCISE, 'transfer-lock-order']);

    const bad = await call(
      'POST',
      '/api/labs',
      settings({ exercises: ['no-such-exercise'], dueAt: '2000-01-01T00:00:00Z' }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/Unknown exercise.*no-such-exercise.*due date must come after/);
    expect(bad.body).toMatchObject({
      error: 'invalid_lab_settings',
      params: {
        problems: ['unknown_exercises', 'due_before_opening'],
        unknownExercises: ['no-such-exercise'],
      },
    });
    const wrongType = await call('POST', '/api/labs', { ...settings(), attemptLimit: 'many' });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.message).toMatch(/attemptLimit/);
    expect(wrongType.body).toMatchObject({ error: 'bad_request', params: { path: '/attemptLimit' } });
  });

  it('lets students join once per student ID, each with their own token', async () => {
    const a = await call('POST', `/api/labs/${labId}/students`, {
      name: 'Ada Lovelace',
      studentId: 's-001',
      email: 'ada@example.org',
    });
    const b = await call('POST', `/api/labs/${labId}/students`, { name: 'Bob', studentId: 's-002' });
    expect([a.status, b.status]).toEqual([201, 201]);
    ada = a.body.token as string;
    bob = b.body.token as string;
    expect(ada).toMatch(/^lst_/);
    const again = await call('POST', `/api/labs/${labId}/students`, { name: 'Mallory', studentId: 's-001' });
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/already joined/);
    expect(again.body).toMatchObject({ error: 'already_joined', params: { studentId: 's-001' } });
    expect((await call('POST', '/api/labs/nolab0000/students', { name: 'X', studentId: 'x' })).status).toBe(
      404,
    );
  });

  it('acknowledges a wrong and then a right submission at once, grades both in the sandbox, keeps both', async () => {
    const w = await submitAndGrade(labId, { exerciseId: EXERCISE, files: editableStarter(exercise) }, ada);
    expect(w.verdict).toBe('fail');
    expect(w.status).toBe('race');
    expect(w.result!.run.races.length).toBeGreaterThan(0);
    // The grade is stored with its codes, for the views to word in each reader's language.
    expect(w.result!.summary).toMatchObject({ code: 'failed' });
    expect(w.result!.tests.some((t) => t.note?.code === 'race')).toBe(true);
    expect(w.late).toBe(false);

    const r = await submitAndGrade(labId, { exerciseId: EXERCISE, files: solutionFiles(exercise) }, ada);
    expect(r.verdict, `${r.status}: ${r.result?.message} ${r.result?.run.stderr.slice(0, 500)}`).toBe('pass');
    expect(r.countedScore).toBe(r.maxScore);
    adaSubmissions.push(w.id, r.id);
  }, 180_000);

  it('serves a grade stored before codes existed as it was stored, within the contract', async () => {
    // A row written by an older server: its grade has messages in the student's locale, no codes.
    const id = adaSubmissions[0]!;
    const db = new DatabaseSync(join(tmp, 'inject.sqlite'));
    const stored = (db.prepare('SELECT result FROM submissions WHERE id = ?').get(id) as { result: string })
      .result;
    const { summary: _summary, ...rest } = JSON.parse(stored) as SubmissionDetail['result'] & object;
    const old = {
      ...rest,
      message: '4 个测试中有 1 个未通过。',
      tests: rest.tests.map(({ note: _note, ...test }) => test),
    };
    db.prepare('UPDATE submissions SET result = ? WHERE id = ?').run(JSON.stringify(old), id);
    try {
      const res = await call('GET', `/api/labs/${labId}/submissions/${id}`, undefined, key);
      expect(res.status, res.text.slice(0, 300)).toBe(200);
      expect(Value.Check(SubmissionDetail, res.body)).toBe(true);
      const result = (res.body as unknown as SubmissionDetail).result!;
      expect(result.summary).toBeUndefined();
      expect(result.message).toBe('4 个测试中有 1 个未通过。');
      expect(result.tests.every((t) => t.note === undefined)).toBe(true);
      expect(result.tests.map((t) => t.message)).toEqual(old.tests.map((t) => t.message));
    } finally {
      db.prepare('UPDATE submissions SET result = ? WHERE id = ?').run(stored, id);
      db.close();
    }
  });

  it('shows the gradebook with both attempts and the best score, and the same in CSV', async () => {
    const book = await call('GET', `/api/labs/${labId}/gradebook`, undefined, key);
    expect(book.status).toBe(200);
    expect(Value.Check(Gradebook, book.body)).toBe(true);
    const g = book.body as unknown as Gradebook;
    const adaRow = g.rows.find((r) => r.student.studentId === 's-001')!;
    const cell = adaRow.cells.find((c) => c.exerciseId === EXERCISE)!;
    expect(cell).toMatchObject({
      attempts: 2,
      score: exercise.grading.tests.reduce((n, t) => n + t.weight, 0),
      late: false,
    });
    expect(cell.bestSubmissionId).toBe(adaSubmissions[1]);
    expect(g.rows.find((r) => r.student.studentId === 's-002')!.cells.every((c) => c.attempts === 0)).toBe(
      true,
    );

    const csv = await call('GET', `/api/labs/${labId}/gradebook.csv`, undefined, key);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = csv.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('lab,student_id,name,email,exercise,score,max_score,attempts,submitted_at,late');
    expect(lines).toHaveLength(1 + 2 * 2);
    const max = cell.maxScore;
    expect(lines[1]).toMatch(
      new RegExp(
        `^"Week 1, locks",s-001,Ada Lovelace,ada@example.org,${EXERCISE},${max},${max},2,\\d{4}-.*Z,false$`,
      ),
    );
    expect(lines[2]).toBe(
      `"Week 1, locks",s-001,Ada Lovelace,ada@example.org,transfer-lock-order,,${maxOf('transfer-lock-order')},0,,false`,
    );
    expect(lines[3]).toMatch(new RegExp(`^"Week 1, locks",s-002,Bob,,lost-update-counter,,${max},0,,false$`));
  });

  it('lets a student see only their own work', async () => {
    const mine = await call('GET', `/api/labs/${labId}/me`, undefined, ada);
    expect(Value.Check(StudentStanding, mine.body)).toBe(true);
    expect((mine.body as unknown as StudentStanding).submissions.map((s) => s.id)).toEqual(adaSubmissions);
    const bobs = (await call('GET', `/api/labs/${labId}/me`, undefined, bob))
      .body as unknown as StudentStanding;
    expect(bobs.submissions).toEqual([]);
    const peek = await call('GET', `/api/labs/${labId}/submissions/${adaSubmissions[0]}`, undefined, bob);
    expect(peek.status).toBe(404);
    expect(peek.text).not.toContain('package');
    expect(
      (await call('GET', `/api/labs/${labId}/submissions/${adaSubmissions[0]}`, undefined, ada)).status,
    ).toBe(200);
    expect((await call('GET', `/api/labs/${labId}/gradebook`, undefined, bob)).status).toBe(403);
    expect((await call('GET', `/api/labs/${labId}/gradebook.csv`, undefined, ada)).status).toBe(403);
    expect((await call('GET', `/api/labs/${labId}/gradebook`)).status).toBe(401);
    expect(
      (await call('GET', `/api/labs/${labId}/gradebook`, undefined, `lsk_${'x'.repeat(32)}`)).status,
    ).toBe(401);
    // An instructor cannot submit as a student, and a student cannot override.
    expect(
      (
        await call(
          'POST',
          `/api/labs/${labId}/submissions`,
          { exerciseId: EXERCISE, files: solutionFiles(exercise) },
          key,
        )
      ).status,
    ).toBe(403);
    const forged = await call(
      'POST',
      `/api/labs/${labId}/submissions/${adaSubmissions[0]}/override`,
      { score: 10, comment: '' },
      bob,
    );
    expect(forged.status).toBe(403);
  });

  it('lets the instructor override a score with a comment, which the gradebook counts', async () => {
    const first = adaSubmissions[0]!;
    const over = await call(
      'POST',
      `/api/labs/${labId}/submissions/${first}/override`,
      { score: 7, comment: 'Fixed in office hours' },
      key,
    );
    expect(over.status).toBe(200);
    expect((over.body as unknown as SubmissionDetail).override).toMatchObject({
      score: 7,
      comment: 'Fixed in office hours',
    });
    const tooMuch = await call(
      'POST',
      `/api/labs/${labId}/submissions/${first}/override`,
      { score: 999, comment: '' },
      key,
    );
    expect(tooMuch.status).toBe(400);
    const clear = await call(
      'POST',
      `/api/labs/${labId}/submissions/${first}/override`,
      { score: null, comment: '' },
      key,
    );
    expect((clear.body as unknown as SubmissionDetail).override).toBeNull();
  });

  it('refuses cross-site requests, exercises outside the lab, and work beyond the attempt limit', async () => {
    const cross = await call(
      'POST',
      `/api/labs/${labId}/students`,
      { name: 'C', studentId: 'c' },
      undefined,
      { origin: 'https://evil.example' },
    );
    expect(cross.status).toBe(403);
    expect(cross.body.error).toBe('cross_site');
    const fetchMeta = await call('POST', '/api/labs', settings(), undefined, {
      'sec-fetch-site': 'cross-site',
    });
    expect(fetchMeta.status).toBe(403);
    const outside = await call(
      'POST',
      `/api/labs/${labId}/submissions`,
      { exerciseId: 'rwmutex-cache', files: { 'cache.go': 'package cache\n' } },
      bob,
    );
    expect(outside.status).toBe(404);
    expect(outside.body.message).toMatch(/not part of this lab/);
    expect(outside.body).toMatchObject({
      error: 'exercise_not_in_lab',
      params: { exerciseId: 'rwmutex-cache' },
    });
    const compileError = { 'counter.go': 'package counter\n\nfunc broken( {\n' };
    // Files the grader would refuse are refused at once, and do not use an attempt.
    const embedded = await call(
      'POST',
      `/api/labs/${labId}/submissions`,
      { exerciseId: EXERCISE, files: { 'counter.go': 'package counter\n\n//go:embed x\nvar x string\n' } },
      ada,
    );
    expect(embedded.status).toBe(400);
    expect(embedded.body).toMatchObject({ error: 'embed_not_allowed', params: { file: 'counter.go' } });
    const third = await submitAndGrade(labId, { exerciseId: EXERCISE, files: compileError }, ada);
    // A learner's code that does not compile is a grade, not a failure to grade.
    expect(third).toMatchObject({ state: 'graded', failure: null, status: 'compile_error', countedScore: 0 });
    const fourth = await call(
      'POST',
      `/api/labs/${labId}/submissions`,
      { exerciseId: EXERCISE, files: compileError },
      ada,
    );
    expect(fourth.status).toBe(403);
    expect(fourth.body.message).toMatch(/all 3 attempts/);
    expect(fourth.body).toMatchObject({ error: 'attempts_exhausted', params: { limit: 3 } });
  }, 120_000);

  it('stores a submission retried with the same Idempotency-Key once, and answers with it again', async () => {
    const token = (await call('POST', `/api/labs/${labId}/students`, { name: 'Retry', studentId: 's-009' }))
      .body.token as string;
    const send = (key: string) =>
      call(
        'POST',
        `/api/labs/${labId}/submissions`,
        { exerciseId: EXERCISE, files: solutionFiles(exercise) },
        token,
        { 'idempotency-key': key },
      );
    const first = await send('click-7f3a9c01');
    const again = await send('click-7f3a9c01');
    expect([first.status, again.status]).toEqual([202, 202]);
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const mine = (await call('GET', `/api/labs/${labId}/me`, undefined, token))
      .body as unknown as StudentStanding;
    expect(mine.submissions.map((s) => s.id)).toEqual([first.body.id]);
    expect(mine.cells.find((c) => c.exerciseId === EXERCISE)!.attempts).toBe(1);
    const bad = await send('no');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe('bad_request');
  });

  it('lets the instructor re-queue only a submission that failed to grade', async () => {
    const res = await call('POST', `/api/labs/${labId}/submissions/${adaSubmissions[0]}/requeue`, {}, key);
    expect(res.status).toBe(409);
    expect(res.body.error).toBe('not_failed');
    expect(res.body.params).toEqual({ state: 'graded' });
    const student = await call(
      'POST',
      `/api/labs/${labId}/submissions/${adaSubmissions[0]}/requeue`,
      {},
      ada,
    );
    expect(student.status).toBe(403);
    expect(student.body).toMatchObject({ error: 'forbidden', params: { role: 'instructor' } });
    const none = await call('POST', `/api/labs/${labId}/submissions/nosuch000/requeue`, {}, key);
    expect(none.status).toBe(404);
    expect(none.body.error).toBe('submission_not_found');
  });

  it('marks late work and applies the penalty; refuses it when the policy says so', async () => {
    const past = {
      opensAt: new Date(Date.now() - 7200_000).toISOString(),
      dueAt: new Date(Date.now() - 3600_000).toISOString(),
    };
    const late = (await call('POST', '/api/labs', settings(past))).body as unknown as CreatedLab;
    const token = (await call('POST', `/api/labs/${late.lab.id}/students`, { name: 'Late', studentId: 'l1' }))
      .body.token as string;
    const s = await submitAndGrade(
      late.lab.id,
      { exerciseId: EXERCISE, files: solutionFiles(exercise) },
      token,
    );
    expect(s).toMatchObject({ late: true, score: s.maxScore, finalScore: Math.floor(s.maxScore / 2) });
    const closed = (await call('POST', '/api/labs', settings({ ...past, latePolicy: 'reject' })))
      .body as unknown as CreatedLab;
    expect(closed.lab.phase).toBe('closed');
    const refused = await call('POST', `/api/labs/${closed.lab.id}/students`, { name: 'L', studentId: 'l2' });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: 'closed', params: { dueAt: closed.lab.dueAt } });
  }, 60_000);

  it('documents every lab route in the OpenAPI document', async () => {
    const doc = (await call('GET', '/api/openapi.json')).body as { paths: Record<string, unknown> };
    for (const path of [
      '/api/labs',
      '/api/labs/{labId}',
      '/api/labs/{labId}/students',
      '/api/labs/{labId}/me',
      '/api/labs/{labId}/submissions',
      '/api/labs/{labId}/submissions/{submissionId}',
      '/api/labs/{labId}/submissions/{submissionId}/override',
      '/api/labs/{labId}/submissions/{submissionId}/requeue',
      '/api/labs/{labId}/gradebook',
      '/api/labs/{labId}/gradebook.csv',
    ])
      expect(doc.paths, path).toHaveProperty([path]);
  });
});

describe('lab durability', () => {
  let server: ChildProcess | null = null;
  const site = join(tmp, 'site');
  const db = join(tmp, 'durable.sqlite');

  /** Starts the server on a free port and resolves with its base URL. */
  async function start(): Promise<string> {
    mkdirSync(site, { recursive: true });
    writeFileSync(join(site, 'index.html'), '<!doctype html><title>t</title>');
    const started = await startServerProcess({
      LOCKSTEP_SITE_DIR: site,
      LOCKSTEP_DATA_DIR: resolve('.data/it'),
      LOCKSTEP_LABS_DB: db,
      LOCKSTEP_NO_WARMUP: '1',
      // A lease left by the killed server runs out soon, so the next start takes its job.
      LOCKSTEP_GRADE_LEASE_S: '2',
    });
    server = started.server;
    return started.base;
  }

  function kill(signal: NodeJS.Signals): Promise<void> {
    const child = server!;
    return new Promise((done) => {
      child.removeAllListeners('exit');
      child.once('exit', () => done());
      child.kill(signal);
    });
  }

  afterAll(async () => {
    if (server && server.exitCode === null) await kill('SIGKILL');
  });

  it('loses nothing acknowledged when SIGKILLed mid-grading; the next start grades the rest, each once', async () => {
    let base = await start();
    const created = await createLab(base, settings());
    const labId = created.lab.id;
    const tokens = (await joinStudents(base, labId, 4, 'd')).map((j) => j.token);
    const book = () => gradebook(base, labId, created.instructorKey);
    const acks = await Promise.all(
      tokens.map((token) => submit(base, labId, token, solutionFiles(exercise))),
    );
    expect(acks.map((a) => a.status)).toEqual([202, 202, 202, 202]);
    const ids = acks.map((a) => a.body.id);
    // Killed while a grade is in progress: no shutdown hook, no flush, a lease left behind.
    await until(book, (g) => g.submissions.some((s) => s.state === 'grading'), 50);
    await kill('SIGKILL');
    // What the killed server left: the jobs it held mid-grade, still leased to it.
    const atKill = new DatabaseSync(db, { readOnly: true });
    const held = (
      atKill
        .prepare(
          "SELECT id FROM submissions WHERE lab_id = ? AND state = 'grading' AND lease_token IS NOT NULL",
        )
        .all(labId) as { id: string }[]
    ).map((r) => r.id);
    atKill.close();
    expect(held.length).toBeGreaterThan(0);

    base = await start();
    const done = await until(book, (g) => g.submissions.every(settled));
    expect(done.submissions.map((s) => s.id).sort()).toEqual([...ids].sort());
    expect(done.submissions.map((s) => `${s.state} ${s.verdict}`)).toEqual(Array(4).fill('graded pass'));
    for (const row of done.rows) expect(row.cells[0]).toMatchObject({ attempts: 1, pending: 0, failed: 0 });
    const again = await submission(base, labId, ids[0]!, tokens[0]!);
    expect(again.files).toEqual(solutionFiles(exercise));
    await kill('SIGTERM');

    // In the file: one row per acknowledged submission, each graded once, none leased any more.
    const raw = new DatabaseSync(db, { readOnly: true });
    const rows = raw
      .prepare('SELECT id, state, grading_attempts, lease_token FROM submissions WHERE lab_id = ?')
      .all(labId) as { id: string; state: string; grading_attempts: number; lease_token: string | null }[];
    raw.close();
    expect(rows).toHaveLength(4);
    // Those held by the killed server were leased again once its leases ran out: twice in all; the
    // others once. Each has one grade.
    for (const r of rows)
      expect(r).toEqual({
        id: r.id,
        state: 'graded',
        grading_attempts: held.includes(r.id) ? 2 : 1,
        lease_token: null,
      });

    base = await start();
    const me = (await http<StudentStanding>(base, 'GET', `/api/labs/${labId}/me`, undefined, tokens[1])).body;
    expect(me.submissions).toHaveLength(1);

    // SIGTERM mid-grading: the worker finishes or gives back what it holds, and leaves no lease.
    const more = await Promise.all(
      tokens.map((token) => submit(base, labId, token, solutionFiles(exercise))),
    );
    expect(more.map((a) => a.status)).toEqual([202, 202, 202, 202]);
    await until(book, (g) => g.submissions.some((s) => s.state === 'grading'), 50);
    await kill('SIGTERM');
    const after = new DatabaseSync(db, { readOnly: true });
    const left = after
      .prepare("SELECT state, lease_token FROM submissions WHERE lab_id = ? AND state NOT IN ('graded')")
      .all(labId) as { state: string; lease_token: string | null }[];
    after.close();
    for (const r of left) expect(r).toEqual({ state: 'queued', lease_token: null });
  }, 300_000);
});

describe('offline batch grading', () => {
  it('grades a folder of submissions with the real grader and writes the gradebook CSV', async () => {
    const root = join(tmp, 'batch', 'week-1');
    const write = (path: string, text: string) => {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), text);
    };
    write('s1/student.json', JSON.stringify({ name: 'Lovelace, Ada', email: 'ada@example.org' }));
    for (const [name, text] of Object.entries(solutionFiles(exercise))) write(`s1/${EXERCISE}/${name}`, text);
    for (const [name, text] of Object.entries(editableStarter(exercise)))
      write(`s2/${EXERCISE}/${name}`, text);
    write('s2/no-such-exercise/x.go', 'package x\n');
    symlinkSync('/etc/passwd', join(root, 's2', EXERCISE, 'passwd.go'));
    const out = join(tmp, 'batch.csv');
    const result = spawnSync(process.execPath, ['scripts/lab.ts', 'grade', root, '--out', out], {
      env: { ...process.env, LOCKSTEP_DATA_DIR: resolve('.data/it') },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/exercise "no-such-exercise": not in content\/exercises/);
    expect(result.stderr).toMatch(/passwd\.go: skipped \(not a regular file\)/);
    const max = maxOf(EXERCISE);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\r\n');
    expect(lines).toEqual([
      'lab,student_id,name,email,exercise,score,max_score,attempts,submitted_at,late',
      expect.stringMatching(
        new RegExp(
          `^week-1,s1,"Lovelace, Ada",ada@example.org,${EXERCISE},${max},${max},1,\\d{4}-.*Z,false$`,
        ),
      ),
      expect.stringMatching(new RegExp(`^week-1,s2,s2,,${EXERCISE},\\d+,${max},1,\\d{4}-.*Z,false$`)),
    ]);
    expect(Number(lines[2]!.split(',')[5])).toBeLessThan(max);

    // A refused submission is worded from its code, in the locale asked for.
    const refusedRoot = join(tmp, 'batch', 'week-2');
    mkdirSync(join(refusedRoot, 's3', EXERCISE), { recursive: true });
    writeFileSync(join(refusedRoot, 's3', EXERCISE, 'extra.go'), 'package x\n');
    const zh = spawnSync(
      process.execPath,
      ['scripts/lab.ts', 'grade', refusedRoot, '--locale', 'zh-cn', '--out', join(tmp, 'batch2.csv')],
      { env: { ...process.env, LOCKSTEP_DATA_DIR: resolve('.data/it') }, encoding: 'utf8', timeout: 120_000 },
    );
    expect(zh.status, zh.stderr).toBe(1);
    expect(zh.stderr).toContain(
      `✗ s3/${EXERCISE}: not graded: “extra.go”不是这个练习的文件；你可以提交的文件：${exercise.editable.join('、')}。`,
    );
    const badLocale = spawnSync(
      process.execPath,
      ['scripts/lab.ts', 'grade', refusedRoot, '--locale', 'fr'],
      {
        encoding: 'utf8',
      },
    );
    expect(badLocale.status).toBe(2);

    const usage = spawnSync(process.execPath, ['scripts/lab.ts', 'grade'], { encoding: 'utf8' });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/usage: npm run lab -- grade <folder>/);
  }, 150_000);
});
