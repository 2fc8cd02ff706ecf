/**
 * The HTTP API under bad input (every malformed request gets a 4xx JSON error, never a 5xx),
 * and the OpenAPI document checked against real responses. Beyond the checks here, the harness
 * checks every JSON answer of every suite that uses it against the document (openapi-check.ts).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { startRunner, mainProgram, type Runner } from './harness.ts';

let runner: Runner;
beforeAll(async () => {
  runner = await startRunner({ LOCKSTEP_NO_WARMUP: '1' });
}, 120_000);
afterAll(async () => runner?.close());

function expectClientError(res: { statusCode: number; json: Record<string, unknown> }): void {
  expect(res.statusCode).toBeGreaterThanOrEqual(400);
  expect(res.statusCode).toBeLessThan(500);
  expect(typeof res.json.error).toBe('string');
  expect(typeof res.json.message).toBe('string');
  expect(String(res.json.message).length).toBeGreaterThan(5);
}

describe('bad requests', () => {
  test.each([
    ['malformed JSON', '{"files": {'],
    ['empty body', ''],
    ['a JSON string', '"run"'],
    ['null', 'null'],
    ['files as an array', { files: ['main.go'], action: 'run' }],
    ['file content not a string', { files: { 'main.go': 42 }, action: 'run' }],
    ['unknown action', { files: { 'main.go': 'package main' }, action: 'build' }],
    ['missing action', { files: { 'main.go': 'package main' } }],
    ['missing files', { action: 'run' }],
    ['race not boolean', { files: { 'main.go': 'package main' }, action: 'run', race: 'yes' }],
    ['args not strings', { files: { 'main.go': 'package main' }, action: 'run', args: [1, 2] }],
    ['unknown property', { files: { 'main.go': 'package main' }, action: 'run', sudo: true }],
    ['no files at all', { files: {}, action: 'run' }],
    [
      '21 files',
      {
        files: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`f${i}.go`, 'package main'])),
        action: 'run',
      },
    ],
    [
      'stdin over 64 KiB',
      { files: { 'main.go': 'package main' }, action: 'run', stdin: 'x'.repeat(65 * 1024) },
    ],
    [
      'sources over 256 KiB',
      { files: { 'a.go': 'x'.repeat(200 * 1024), 'b.go': 'x'.repeat(100 * 1024) }, action: 'run' },
    ],
  ])('%s → 4xx with a message', async (_name, payload) => {
    expectClientError(await runner.post(payload));
  });

  test('a body over 1 MiB → 413', async () => {
    const res = await runner.post({ files: { 'main.go': 'x'.repeat(1100 * 1024) }, action: 'run' });
    expect(res.statusCode).toBe(413);
    expectClientError(res);
  });

  test('text/plain → 415', async () => {
    const res = await runner.post('package main', { 'content-type': 'text/plain' });
    expect(res.statusCode).toBe(415);
    expectClientError(res);
  });

  test('unknown API route → JSON 404', async () => {
    const res = await runner.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({
      error: 'not_found',
      params: { method: 'GET', path: '/api/nothing-here' },
    });
  });

  test('random JSON never gets a 5xx', async () => {
    // A small deterministic generator: shapes near the real request and far from it.
    let seed = 42;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const value = (depth: number): unknown => {
      const kind = pick(['str', 'num', 'bool', 'null', 'arr', 'obj', 'name']);
      if (depth > 2) return pick(['x', 1, true, null]);
      switch (kind) {
        case 'str':
          return 'x'.repeat(Math.floor(rand() * 40));
        case 'num':
          return rand() * 1e6 - 5e5;
        case 'bool':
          return rand() > 0.5;
        case 'null':
          return null;
        case 'arr':
          return Array.from({ length: Math.floor(rand() * 4) }, () => value(depth + 1));
        case 'name':
          return pick(['../x.go', 'main.go', '', 'a/b', 'ok.txt', '\u0000']);
        default:
          return Object.fromEntries(
            Array.from({ length: Math.floor(rand() * 4) }, () => [
              pick(['files', 'action', 'race', 'stdin', 'args', 'main.go', '../a.go', 'zz']),
              value(depth + 1),
            ]),
          );
      }
    };
    for (let i = 0; i < 150; i++) {
      const payload = {
        files: value(1),
        action: pick(['run', 'test', 'vet', 'fmt', 'x', 1]),
        ...(rand() > 0.5 ? { race: value(2) } : {}),
      };
      const res = await runner.post(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBeLessThan(500);
    }
  });
});

describe('OpenAPI document', () => {
  test('is published and describes the run and health routes', async () => {
    const res = await runner.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/run', '/api/health']));
  });

  test('real responses match the documented schemas', async () => {
    const doc = (await runner.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const schemaOf = (path: string, method: string, status: number) =>
      doc.paths[path][method].responses[String(status)].content['application/json'].schema;
    const validate = (schema: object, data: unknown) => {
      const ok = ajv.validate(schema, data);
      expect(ok, ajv.errorsText(ajv.errors)).toBe(true);
    };
    const health = await runner.app.inject({ method: 'GET', url: '/api/health' });
    validate(schemaOf('/api/health', 'get', 200), health.json());
    const run = await runner.post(mainProgram('package main\n\nfunc main() {}\n'));
    expect(run.statusCode).toBe(200);
    validate(schemaOf('/api/run', 'post', 200), run.json);
    const bad = await runner.post({ action: 'nope', files: {} });
    validate(schemaOf('/api/run', 'post', 400), bad.json);
  }, 120_000);
});
