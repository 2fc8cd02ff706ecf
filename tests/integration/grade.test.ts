/**
 * POST /api/grade and GET /api/exercises/:id against the real runner (queue, sandbox, parsers):
 * a wrong solution gets the failing test and its race, a deadlocked one the stuck test and the
 * line, the reference solution full marks; unknown exercises are 404, disallowed files 400; no
 * response ever carries a hidden test's source; the OpenAPI document lists both routes.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../playground/src/app.ts';
import { loadConfig } from '../../playground/src/config.ts';
import { createSandboxedRunService } from '../../playground/src/sandboxed-run-service.ts';
import { GradeResult, PublicExercise } from '../../contract/grade.ts';
import type { Health } from '../../contract/health.ts';
import { exerciseCatalog, loadExercises } from '../../contract/exercise/load.ts';
import type { Exercise } from '../../contract/exercise/types.ts';
import { editableStarter, solutionFiles } from '../../playground/src/grading/submission.ts';
import { gradeSummaryText, testNote } from '../../components/i18n/grade-texts.ts';
import { englishSentences } from '../english-sentence.ts';
import { checkResponsesAgainstOpenApi } from './openapi-check.ts';

const exercises = exerciseCatalog(loadExercises());
let app: FastifyInstance;
let violations: string[] = [];
/** Every response body of this file, searched for hidden sources at the end. */
const bodies: string[] = [];

/** The app as server.ts builds it, with the grading routes, on the shared warm data dir. */
async function buildGradingApp(): Promise<FastifyInstance> {
  const dataDir = resolve('.data/it'); // shared with the other integration tests: one warm cache
  mkdirSync(dataDir, { recursive: true });
  const config = loadConfig({ LOG_LEVEL: 'silent', LOCKSTEP_DATA_DIR: dataDir });
  const service = createSandboxedRunService(config);
  const built = await buildApp({ config, service, serveSite: false, exercises });
  violations = checkResponsesAgainstOpenApi(built);
  await built.ready();
  return built;
}

beforeAll(async () => {
  app = await buildGradingApp();
  for (let i = 0; i < 300; i++) {
    const state = ((await app.inject({ method: 'GET', url: '/api/health' })).json() as Health).cache.state;
    if (state === 'warm' || state === 'failed') break;
    await new Promise((r) => setTimeout(r, 500));
  }
}, 200_000);

afterAll(async () => {
  await app?.close();
  expect(violations, 'answers that break the OpenAPI document').toEqual([]);
});

function exercise(id: string): Exercise {
  const ex = exercises.get(id);
  if (!ex) throw new Error(`no exercise ${id}`);
  return ex;
}

async function grade(payload: unknown): Promise<{ statusCode: number; body: Record<string, unknown> }> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/grade',
    payload: JSON.stringify(payload),
    headers: { 'content-type': 'application/json', 'x-lockstep-client': 'grade-it' },
  });
  bodies.push(res.body);
  return { statusCode: res.statusCode, body: res.json() as Record<string, unknown> };
}

async function graded(
  exerciseId: string,
  files: Record<string, string>,
  locale?: 'en' | 'zh-cn',
): Promise<GradeResult> {
  const res = await grade({ exerciseId, files, ...(locale ? { locale } : {}) });
  expect(res.statusCode, JSON.stringify(res.body).slice(0, 500)).toBe(200);
  expect(Value.Check(GradeResult, res.body)).toBe(true);
  return res.body as unknown as GradeResult;
}

describe('GET /api/exercises/:id', () => {
  it('returns the public exercise in the locale, without hidden tests or the solution', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/exercises/lost-update-counter?locale=zh-cn' });
    bodies.push(res.body);
    expect(res.statusCode).toBe(200);
    const body = res.json() as PublicExercise;
    expect(Value.Check(PublicExercise, body)).toBe(true);
    expect(body.title).toBe('修复共享计数器的丢失更新');
    expect(body.files.map((f) => f.name)).toEqual(['counter.go', 'counter_test.go', 'go.mod']);
    expect(body.hiddenTests).toEqual({ count: 2, weight: 6 });
    expect(body.explanation).toBeUndefined();
    expect(res.body).not.toContain('sync.Mutex // guards n');
  });

  it('404s an unknown exercise and 400s an unknown locale', async () => {
    const missing = await app.inject({ method: 'GET', url: '/api/exercises/no-such-exercise' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({
      error: 'exercise_not_found',
      params: { exerciseId: 'no-such-exercise' },
    });
    const locale = await app.inject({ method: 'GET', url: '/api/exercises/lost-update-counter?locale=fr' });
    expect(locale.statusCode).toBe(400);
  });
});

describe('POST /api/grade', () => {
  it('grades the racy starter: the named test fails with its race, the run has the race reports', async () => {
    const g = await graded('lost-update-counter', editableStarter(exercise('lost-update-counter')));
    expect(g).toMatchObject({ verdict: 'fail', status: 'race', maxScore: 10 });
    expect(g.tests.find((t) => t.name === 'TestIncFromManyGoroutines')).toMatchObject({
      status: 'fail',
      race: true,
      score: 0,
      hidden: false,
    });
    expect(g.tests.find((t) => t.name === 'TestZeroValue')).toMatchObject({ status: 'pass', score: 1 });
    expect(g.run.races.length).toBeGreaterThan(0);
    expect(g.run.races[0]?.accesses.some((a) => a.stack.some((f) => f.file === 'counter.go'))).toBe(true);
    expect(g.explanation).toBeUndefined();
    // Why, as codes: the race note on the test, and the run's race summary with the grade's.
    expect(g.tests.find((t) => t.name === 'TestIncFromManyGoroutines')?.note?.code).toBe('race');
    expect(g.summary).toMatchObject({ code: 'failed', why: { code: expect.stringMatching(/^race\./) } });
  });

  it('grades a zh-cn request with the same codes, which read as Chinese; the API message stays English', async () => {
    const g = await graded('lost-update-counter', editableStarter(exercise('lost-update-counter')), 'zh-cn');
    expect(g).toMatchObject({ verdict: 'fail', status: 'race', summary: { code: 'failed' } });
    expect(g.tests.find((t) => t.name === 'TestIncFromManyGoroutines')?.note?.code).toBe('race');
    expect(g.message).toMatch(/tests did not pass/);
    const words = [gradeSummaryText('zh-cn', g.summary), ...g.tests.map((t) => testNote('zh-cn', t))];
    for (const text of words.filter(Boolean)) {
      expect(englishSentences(text), text).toEqual([]);
      expect(text).toMatch(/[\u4e00-\u9fff]|^\s*\w+_test\.go:\d+: /);
    }
  });

  it('catches an atomic Inc with a plain read in Value, in a hidden test', async () => {
    const files = {
      'counter.go':
        'package counter\n\nimport "sync/atomic"\n\ntype Counter struct{ n int64 }\n\nfunc (c *Counter) Inc() { atomic.AddInt64(&c.n, 1) }\n\nfunc (c *Counter) Value() int64 { return c.n }\n',
    };
    const g = await graded('lost-update-counter', files);
    expect(g.verdict).toBe('fail');
    expect(g.score).toBe(7);
    expect(g.tests.find((t) => t.score === 0)).toMatchObject({
      name: 'TestValueWhileIncrementing',
      hidden: true,
      race: true,
    });
  });

  it('gives the reference solution full marks and the explanation in the locale', async () => {
    const g = await graded('lost-update-counter', solutionFiles(exercise('lost-update-counter')), 'zh-cn');
    expect(g).toMatchObject({ verdict: 'pass', status: 'ok', score: 10, maxScore: 10, runs: 1 });
    expect(g.tests.every((t) => t.status === 'pass' && !t.race)).toBe(true);
    expect(g.explanation).toContain('为什么这样可行');
  });

  it('reports the forced AB/BA deadlock as found by the watchdog, with the line in the learner file', async () => {
    const g = await graded('transfer-lock-order', editableStarter(exercise('transfer-lock-order')));
    expect(g).toMatchObject({ verdict: 'fail', status: 'deadlock', score: 0 });
    const stuck = g.tests[0];
    expect(stuck).toMatchObject({ name: 'TestOppositeTransfersDoNotDeadlock', status: 'timeout' });
    expect(stuck?.message).toMatch(/Waiting in your code: bank\.go:\d+ in Transfer \(sync\.Mutex\.Lock\)/);
    expect(stuck?.note).toMatchObject({ code: 'neverFinished', why: { code: 'deadlock.blocked' } });
    expect(stuck?.note?.blocked).toContainEqual({
      file: 'bank.go',
      line: expect.any(Number),
      func: 'Transfer',
      state: 'sync.Mutex.Lock',
    });
    expect(testNote('zh-cn', stuck!)).toMatch(
      /^测试没有运行完。卡在你的代码中：bank\.go:\d+ 处的 Transfer（sync\.Mutex\.Lock）/,
    );
    expect(englishSentences(testNote('zh-cn', stuck!))).toEqual([]);
    expect(g.tests.slice(3).every((t) => t.status === 'missing' && t.hidden)).toBe(true);
    expect(g.tests.slice(3).every((t) => t.note?.code === 'notRun.stopped')).toBe(true);
  });

  it('404s an unknown exercise', async () => {
    const res = await grade({ exerciseId: 'no-such-exercise', files: { 'x.go': 'package x' } });
    expect(res.statusCode).toBe(404);
    expect(res.body).toMatchObject({
      error: 'exercise_not_found',
      params: { exerciseId: 'no-such-exercise' },
    });
  });

  it.each([['hidden_test.go'], ['counter_test.go'], ['extra.go']])(
    'refuses a learner file named %s with the names allowed',
    async (name) => {
      const res = await grade({
        exerciseId: 'lost-update-counter',
        files: {
          [name]: 'package counter\n\nimport "testing"\n\nfunc TestValueWhileIncrementing(t *testing.T) {}\n',
        },
      });
      expect(res.statusCode).toBe(400);
      expect(res.body).toMatchObject({
        error: 'file_not_allowed',
        params: { file: name, allowed: ['counter.go'] },
      });
      expect(String(res.body.message)).toContain('you may send: counter.go');
    },
  );

  it('400s malformed requests', async () => {
    for (const payload of [
      { exerciseId: 'lost-update-counter', files: { '../counter.go': 'x' } },
      { exerciseId: 'Lost Update', files: { 'counter.go': 'x' } },
      { exerciseId: 'lost-update-counter', files: {} },
      { exerciseId: 'lost-update-counter', files: { 'counter.go': 'x' }, locale: 'fr' },
    ]) {
      const res = await grade(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
  });

  it('a graded program cannot read the hidden tests it was compiled with', async () => {
    const thief = `package counter\n\nimport (\n\t"fmt"\n\t"os"\n)\n\nfunc init() {\n\tb, err := os.ReadFile("hidden_test.go")\n\tfmt.Println(string(b), err)\n}\n\ntype Counter struct{ n int64 }\n\nfunc (c *Counter) Inc() { c.n++ }\n\nfunc (c *Counter) Value() int64 { return c.n }\n`;
    const g = await graded('lost-update-counter', { 'counter.go': thief });
    expect(g.run.stdout, JSON.stringify(g).slice(0, 3000)).toMatch(/no such file or directory/);
  });
});

describe('test results the program prints itself', () => {
  // What a learner who knows the test names could try: imitate the test framework's framing
  // (^V-prefixed lines under -test.v=test2json) for every test, then exit before any test runs.
  const forger = (names: string[]): string =>
    `package counter\n\nimport (\n\t"fmt"\n\t"os"\n)\n\nfunc init() {\n\tfor _, name := range []string{${names.map((n) => JSON.stringify(n)).join(', ')}} {\n\t\tfmt.Printf("\\x16=== RUN   %s\\n\\x16--- PASS: %s (0.00s)\\n", name, name)\n\t}\n\tfmt.Print("\\x16PASS\\n")\n\tos.Exit(0)\n}\n\ntype Counter struct{ n int64 }\n\nfunc (c *Counter) Inc() { c.n++ }\n\nfunc (c *Counter) Value() int64 { return c.n }\n`;

  it('earn no points when the binary exits before the grader-made last test', async () => {
    const names = exercise('lost-update-counter').grading.tests.map((t) => t.name);
    const g = await graded('lost-update-counter', { 'counter.go': forger(names) });
    expect(g.run.tests.map((t) => t.name).sort()).toEqual([...names].sort()); // the imitation parsed
    expect(g).toMatchObject({ verdict: 'fail', score: 0, summary: { code: 'unverified' } });
    expect(g.message).toMatch(/ended before its last test/);
  });
});

describe('no response carries hidden test source', () => {
  it('checks every body of this file against every hidden line', () => {
    // A line any exercise shows publicly (an idiom such as `var wg sync.WaitGroup`) is no secret.
    const shown = [...exercises.values()]
      .flatMap((ex) => [...Object.values(ex.starter), ...Object.values(ex.tests)])
      .join('\n');
    const lines = [...exercises.values()].flatMap((ex) =>
      Object.values(ex.hidden)
        .flatMap((text) => text.split('\n'))
        .map((line) => line.trim())
        .filter((line) => line.length >= 16 && !shown.includes(line)),
    );
    expect(bodies.length).toBeGreaterThan(10);
    // Every string value of every body, unescaped, so a line split by JSON escapes is still found.
    const strings = (v: unknown): string[] =>
      typeof v === 'string'
        ? [v]
        : typeof v === 'object' && v !== null
          ? Object.values(v).flatMap(strings)
          : [];
    const text = bodies.flatMap((body) => strings(JSON.parse(body))).join('\n');
    for (const line of lines) expect(text).not.toContain(line);
  });
});

describe('OpenAPI', () => {
  it('documents POST /api/grade and GET /api/exercises/{id}', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { requestBody?: unknown; responses?: Record<string, unknown> }>>;
    };
    expect(doc.paths['/api/grade']?.post?.requestBody).toBeDefined();
    expect(Object.keys(doc.paths['/api/grade']?.post?.responses ?? {})).toEqual(
      expect.arrayContaining(['200', '400', '404']),
    );
    expect(doc.paths['/api/exercises/{id}']?.get?.responses?.['200']).toBeDefined();
  });

  it('documents the codes of a grade with their descriptions, for clients that word them', async () => {
    type Schema = { description?: string; properties?: Record<string, Schema>; items?: Schema };
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<
        string,
        Record<string, { responses: Record<string, { content: Record<string, { schema: Schema }> }> }>
      >;
    };
    const result = doc.paths['/api/grade']!.post!.responses['200']!.content['application/json']!.schema;
    const summary = result.properties!.summary!;
    const test = result.properties!.tests!.items!;
    expect(summary.description).toMatch(/code and its facts/);
    expect(summary.properties!.code!.description).toMatch(/passRace: .*unverified: /);
    expect(test.properties!.note!.description).toMatch(/Why a test did not pass/);
    expect(test.properties!.note!.properties!.code!.description).toMatch(/neverFinished: .*notCounted: /);
    expect(test.properties!.note!.properties!.blocked!.items!.description).toMatch(/learner's own files/);
    expect(result.properties!.run!.description).toContain('⟦hidden-test-source⟧');
    const locale = doc.paths['/api/grade']!.post as unknown as {
      requestBody: { content: Record<string, { schema: Schema }> };
    };
    expect(locale.requestBody.content['application/json']!.schema.properties!.locale!.description).toMatch(
      /explanation/,
    );
  });
});
