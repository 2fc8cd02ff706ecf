/**
 * Bad lab requests change nothing, on both stores (a real SQLite file and a real PostgreSQL):
 * malformed JSON, the wrong media type, wrong types, unknown fields, unknown exercises and labs,
 * oversize files and bodies, bad file names, bad Idempotency-Keys and missing tokens each get a
 * 4xx JSON answer with an error code and a message (checked against the OpenAPI document), and
 * afterwards the database holds exactly the rows it held before — not a lab, student or
 * submission more — and the student has spent none of their one attempt.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../playground/src/app.ts';
import { loadConfig } from '../../playground/src/config.ts';
import { createSandboxedRunService } from '../../playground/src/sandboxed-run-service.ts';
import { exerciseCatalog, loadExercises } from '../../contract/exercise/load.ts';
import { solutionFiles } from '../../playground/src/grading/submission.ts';
import type { StudentStanding } from '../../contract/labs.ts';
import { checkResponsesAgainstOpenApi } from './openapi-check.ts';
import { startPostgres, type PostgresServer } from '../../scripts/postgres-server.ts';
import { EXERCISE, createLab, http, joinStudents, submit, type Res } from './lab-api.ts';

const exercises = exerciseCatalog(loadExercises());
const exercise = exercises.get(EXERCISE)!;
const tmp = mkdtempSync(join(tmpdir(), 'lockstep-bad-input-'));
let database: PostgresServer | null = null;

afterAll(async () => {
  await database?.remove();
  rmSync(tmp, { recursive: true, force: true });
});

type Counts = { labs: number; students: number; submissions: number };

interface Backend {
  name: string;
  /** Extra environment for the app, and how to count the rows it wrote. */
  open: () => Promise<{ env: Record<string, string>; count: () => Promise<Counts> }>;
}

const TABLES = ['labs', 'students', 'submissions'] as const;

const backends: Backend[] = [
  {
    name: 'SQLite',
    open: async () => {
      const file = join(tmp, 'labs.sqlite');
      return {
        env: { LOCKSTEP_LABS_DB: file },
        count: async () => {
          const db = new DatabaseSync(file, { readOnly: true });
          try {
            const n = (t: string) =>
              Number((db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n);
            return { labs: n('labs'), students: n('students'), submissions: n('submissions') };
          } finally {
            db.close();
          }
        },
      };
    },
  },
  {
    name: 'PostgreSQL',
    open: async () => {
      database = await startPostgres();
      const url = await database.createDatabase('bad_input');
      return {
        env: { LOCKSTEP_DATABASE_URL: url, LOCKSTEP_LABS_DB: join(tmp, 'unused.sqlite') },
        count: async () => {
          const client = new pg.Client({ connectionString: url });
          await client.connect();
          try {
            const counts = {} as Counts;
            for (const t of TABLES)
              counts[t] = Number((await client.query(`SELECT count(*) AS n FROM ${t}`)).rows[0].n);
            return counts;
          } finally {
            await client.end();
          }
        },
      };
    },
  },
];

/** Sends `body` as it is (not JSON-encoded), for bodies that are not JSON. */
async function raw(app: FastifyInstance, url: string, body: string, type: string, secret?: string) {
  const res = await app.inject({
    method: 'POST',
    url,
    payload: body,
    headers: { 'content-type': type, ...(secret ? { authorization: `Bearer ${secret}` } : {}) },
  });
  return { status: res.statusCode, type: String(res.headers['content-type'] ?? ''), body: res.json() };
}

describe.each(backends)('bad lab requests on $name', ({ open }) => {
  let app: FastifyInstance;
  let count: () => Promise<Counts>;
  let violations: string[] = [];
  let labId = '';
  let token = '';

  beforeAll(async () => {
    const opened = await open();
    count = opened.count;
    const config = loadConfig({
      LOG_LEVEL: 'silent',
      LOCKSTEP_DATA_DIR: resolve('.data/it'),
      LOCKSTEP_NO_WARMUP: '1',
      // Every refusal below is the request's own, not a rate limit.
      LOCKSTEP_LAB_SUBMIT_PER_MINUTE: '10000',
      LOCKSTEP_LAB_REQUESTS_PER_MINUTE: '10000',
      LOCKSTEP_LAB_CREATE_PER_MINUTE: '10000',
      ...opened.env,
    });
    // No grading worker: the one submission accepted at the end stays queued, as it was written.
    app = await buildApp({
      config,
      service: createSandboxedRunService(config),
      serveSite: false,
      exercises,
      gradingWorker: false,
    });
    violations = checkResponsesAgainstOpenApi(app);
    await app.ready();
    const { lab } = await createLab(app, { attemptLimit: 1 });
    labId = lab.id;
    token = (await joinStudents(app, labId, 1))[0]!.token;
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  /** Every refusal: the status wanted, JSON with an error code (and its params) and a message. */
  const refused = (res: Pick<Res, 'status' | 'body'>, status: number, code: string, params?: object) => {
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ error: code, message: expect.any(String) });
    if (params) expect((res.body as { params?: unknown }).params).toEqual(params);
    expect(res.body.message!.length).toBeGreaterThan(0);
  };

  it('refuses each with a 4xx JSON answer and writes no row', async () => {
    const before = await count();
    expect(before).toEqual({ labs: 1, students: 1, submissions: 0 });
    const submissions = `/api/labs/${labId}/submissions`;
    const json = 'application/json';

    // Creating a lab.
    refused(await raw(app, '/api/labs', '{"title": "Week 1",', json), 400, 'not_json');
    refused(await raw(app, '/api/labs', 'title=Week 1', 'text/plain'), 415, 'unsupported_media_type');
    refused(await raw(app, '/api/labs', '', json), 400, 'empty_body');
    const good = {
      title: 'Week 2',
      exercises: [EXERCISE],
      opensAt: '2026-01-01T00:00:00Z',
      dueAt: '2099-01-01T00:00:00Z',
      latePolicy: 'accept',
      latePenaltyPercent: 0,
      hints: false,
      solutions: false,
      attemptLimit: 1,
    };
    for (const [bad, code, params] of [
      [{ ...good, attemptLimit: 'many' }, 'bad_request', { path: '/attemptLimit', rule: 'anyOf' }],
      [
        { ...good, exercises: ['no-such-exercise'] },
        'invalid_lab_settings',
        { problems: ['unknown_exercises'], unknownExercises: ['no-such-exercise'] },
      ],
      [{ ...good, exercises: [] }, 'bad_request', { path: '/exercises', rule: 'minItems', limit: 1 }],
      [{ ...good, dueAt: 'tomorrow' }, 'bad_request', { path: '/dueAt', rule: 'format' }],
      [{ ...good, latePolicy: 'maybe' }, 'bad_request', { path: '/latePolicy', rule: 'anyOf' }],
      [
        { ...good, owner: 'mallory' },
        'bad_request',
        { path: '', rule: 'additionalProperties', field: 'owner' },
      ],
      [{ title: 'Week 2' }, 'bad_request', { path: '', rule: 'required', field: 'exercises' }],
    ] as const)
      refused(await http(app, 'POST', '/api/labs', bad), 400, code, params);

    // Joining.
    const students = `/api/labs/${labId}/students`;
    refused(await raw(app, students, '{"name": "Ada"', json), 400, 'not_json');
    for (const bad of [
      { name: 'Ada', studentId: 7 },
      { name: '', studentId: 's-100' },
      { name: 'Ada', studentId: ' leading space' },
      { name: 'Ada', studentId: 's-100', email: 'not an address' },
      { name: 'Ada', studentId: 's-100', admin: true },
    ])
      refused(await http(app, 'POST', students, bad), 400, 'bad_request');
    // No such lab, and a lab ID no lab can have: the same answer.
    for (const id of ['nolab00000', 'x', '..%2F..'])
      refused(
        await http(app, 'POST', `/api/labs/${id}/students`, { name: 'A', studentId: 's' }),
        404,
        'lab_not_found',
      );

    // Submitting.
    const files = solutionFiles(exercise);
    const name = Object.keys(files)[0]!;
    refused(await raw(app, submissions, '{"exerciseId": ', json, token), 400, 'not_json');
    for (const [bad, code, params] of [
      [
        { exerciseId: EXERCISE, files: Object.values(files) },
        'bad_request',
        { path: '/files', rule: 'type' },
      ],
      [{ exerciseId: 42, files }, 'bad_request', { path: '/exerciseId', rule: 'type' }],
      [{ exerciseId: '../etc', files }, 'bad_request', { path: '/exerciseId', rule: 'pattern' }],
      [
        { exerciseId: EXERCISE, files: {} },
        'bad_request',
        { path: '/files', rule: 'minProperties', limit: 1 },
      ],
      [{ exerciseId: EXERCISE, files: { '../x.go': 'package x\n' } }, 'bad_file_name', { file: '../x.go' }],
      [
        { exerciseId: EXERCISE, files: { [name]: 7 } },
        'bad_request',
        { path: `/files/${name}`, rule: 'type' },
      ],
      [{ exerciseId: EXERCISE, files, locale: 'fr' }, 'bad_request', { path: '/locale', rule: 'anyOf' }],
      [
        { exerciseId: EXERCISE, files, score: 100 },
        'bad_request',
        { path: '', rule: 'additionalProperties', field: 'score' },
      ],
      // One file over 256 KiB; 21 files.
      [
        { exerciseId: EXERCISE, files: { [name]: `package counter\n//${'x'.repeat(256 * 1024)}\n` } },
        'bad_request',
        { path: `/files/${name}`, rule: 'maxLength', limit: 256 * 1024 },
      ],
      [
        {
          exerciseId: EXERCISE,
          files: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`f${i}.go`, 'package counter\n'])),
        },
        'bad_request',
        { path: '/files', rule: 'maxProperties', limit: 20 },
      ],
    ] as const)
      refused(await http(app, 'POST', submissions, bad, token), 400, code, params);
    // A file the exercise does not take.
    refused(
      await submit(app, labId, token, { ...files, 'extra.go': 'package counter\n' }),
      400,
      'file_not_allowed',
      { file: 'extra.go', allowed: exercise.editable },
    );
    // Within 256 Ki characters but over 256 KiB of source (3 bytes a character): the grader's check.
    refused(
      await submit(app, labId, token, { [name]: `package counter\n// ${'中'.repeat(100 * 1024)}\n` }),
      400,
      'source_too_large',
    );
    // A body over 1 MiB is refused before it is parsed.
    const huge = Object.fromEntries(
      Array.from({ length: 5 }, (_, i) => [`f${i}.go`, `package counter\n//${'x'.repeat(250 * 1024)}\n`]),
    );
    refused(await submit(app, labId, token, huge), 413, 'too_large', { limitBytes: 1024 * 1024 });
    refused(
      await submit(app, labId, token, files, { exerciseId: 'rwmutex-cache' }),
      404,
      'exercise_not_in_lab',
      {
        exerciseId: 'rwmutex-cache',
      },
    );
    for (const key of ['short', 'has spaces in it', 'x'.repeat(65), 'ключ-ключ-ключ'])
      refused(await submit(app, labId, token, files, { idempotencyKey: key }), 400, 'bad_request');
    refused(await http(app, 'POST', submissions, { exerciseId: EXERCISE, files }), 401, 'unauthorized');
    refused(
      await http(app, 'POST', submissions, { exerciseId: EXERCISE, files }, `lst_${'x'.repeat(32)}`),
      401,
      'unauthorized',
    );

    // Nothing was written, and no attempt was spent: the one allowed submission is still open.
    expect(await count()).toEqual(before);
    const me = (await http<StudentStanding>(app, 'GET', `/api/labs/${labId}/me`, undefined, token)).body;
    expect(me.submissions).toEqual([]);
    expect(me.cells[0]).toMatchObject({ attempts: 0 });
    expect((await submit(app, labId, token, files, { idempotencyKey: 'the-good-one' })).status).toBe(202);
    expect(await count()).toEqual({ ...before, submissions: 1 });
    expect(violations, 'answers that break the OpenAPI document').toEqual([]);
  }, 120_000);
});
