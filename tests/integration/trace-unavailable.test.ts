/**
 * A server whose trace converter cannot be built, for real: its build needs golang.org/x/exp, and
 * this server runs as an offline host would (GOPROXY=off, an empty module cache) with a data dir
 * that holds no converter built before. Health says tracing is unavailable and why; a traced run
 * or test is refused with 503 trace_unavailable; untraced runs still work.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Health } from '../../contract/health.ts';
import { DATA_DIR, mainProgram, startRunner, type Runner } from './harness.ts';

const OWN_DATA_DIR = resolve('.data/it-no-converter');
const EMPTY_MODULE_CACHE = join(OWN_DATA_DIR, 'empty-modcache');
const HOST_ENV = ['GOPROXY', 'GOMODCACHE', 'GOFLAGS'] as const;
const savedEnv = Object.fromEntries(HOST_ENV.map((name) => [name, process.env[name]]));

let runner: Runner;

/**
 * The shared data dir's Go build cache and test2json, hard-linked (cheap) so this server does not
 * warm from cold; its tools dir gets no converter, so the converter must be built, and cannot be.
 */
function prepareDataDir(): void {
  rmSync(OWN_DATA_DIR, { recursive: true, force: true });
  mkdirSync(join(OWN_DATA_DIR, 'tools'), { recursive: true });
  mkdirSync(EMPTY_MODULE_CACHE, { recursive: true });
  if (existsSync(join(DATA_DIR, 'gocache')))
    execFileSync('cp', ['-al', join(DATA_DIR, 'gocache'), join(OWN_DATA_DIR, 'gocache')]);
  const tools = join(DATA_DIR, 'tools');
  for (const name of existsSync(tools) ? readdirSync(tools) : [])
    if (name.startsWith('test2json-'))
      execFileSync('cp', ['-al', join(tools, name), join(OWN_DATA_DIR, 'tools')]);
}

/** Health once the converter's build (started by the warm-up) is over, either way. */
async function healthAfterConverterBuild(): Promise<Health> {
  for (let i = 0; i < 600; i++) {
    const health = await runner.health();
    if (health.tracing.converter === 'ready' || health.tracing.converter === 'failed') return health;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the converter build did not end');
}

beforeAll(async () => {
  prepareDataDir();
  // The converter's build keeps the host's module settings (sandbox/machine/tools.ts): an offline host.
  process.env.GOPROXY = 'off';
  process.env.GOMODCACHE = EMPTY_MODULE_CACHE;
  delete process.env.GOFLAGS;
  runner = await startRunner({ LOCKSTEP_DATA_DIR: OWN_DATA_DIR });
}, 300_000);

afterAll(async () => {
  await runner?.close();
  for (const name of HOST_ENV) {
    const value = savedEnv[name];
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  rmSync(OWN_DATA_DIR, { recursive: true, force: true });
});

describe('a server that cannot build the trace converter', () => {
  it('says so in health: the sandbox works, tracing does not', async () => {
    const health = await healthAfterConverterBuild();
    expect(health.sandbox.available).toBe(true);
    expect(health.status).toBe('ok');
    expect(health.tracing).toEqual({
      available: false,
      reason: 'converter_unavailable',
      converter: 'failed',
    });
  }, 300_000);

  it('refuses traced runs and tests with 503 trace_unavailable, and runs untraced code', async () => {
    await healthAfterConverterBuild();
    const source = 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hello") }\n';
    const traced = await runner.post({ ...mainProgram(source), trace: true });
    expect(traced.statusCode).toBe(503);
    expect(traced.json).toMatchObject({ error: 'trace_unavailable' });
    const tracedTest = await runner.post({
      files: { 'a_test.go': 'package a\n\nimport "testing"\n\nfunc TestA(t *testing.T) {}\n' },
      action: 'test',
      trace: true,
    });
    expect(tracedTest.statusCode).toBe(503);
    expect(tracedTest.json).toMatchObject({ error: 'trace_unavailable' });
    const plain = await runner.run(mainProgram(source));
    expect(plain.statusCode).toBe(200);
    expect(plain.body.status).toBe('ok');
    expect(plain.body.stdout).toBe('hello\n');
    expect(plain.body).not.toHaveProperty('trace');
  }, 300_000);
});
