/**
 * Starts the real runner (sandbox, queue, parsers) behind the real HTTP app for integration
 * tests, with a private data directory, and checks that nothing is left behind and that every
 * JSON answer matched the OpenAPI document (close() fails otherwise).
 */
import { mkdirSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../playground/src/app.ts';
import { loadConfig } from '../../playground/src/config.ts';
import { createSandboxedRunService } from '../../playground/src/sandboxed-run-service.ts';
import type { RunRequest, RunResult } from '../../contract/run.ts';
import type { Health } from '../../contract/health.ts';
import type { Exercise } from '../../contract/exercise/types.ts';
import { checkResponsesAgainstOpenApi } from './openapi-check.ts';

export interface Runner {
  app: FastifyInstance;
  dataDir: string;
  run(request: RunRequest, client?: string): Promise<{ statusCode: number; body: RunResult }>;
  post(
    payload: unknown,
    headers?: Record<string, string>,
  ): Promise<{ statusCode: number; json: Record<string, unknown> }>;
  health(): Promise<Health>;
  /** Job directories of this process left in the data dir (not the pool of ready build caches). */
  leftovers(): string[];
  /** Resolves when the background cache warm-up has finished (so timings measure runs, not warming). */
  waitWarm(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Integration tests share one data directory so the Go build cache is warmed once, not per file
 * (a cold warm-up takes ~40 s); job directories carry the pid, so leftovers are checked per process.
 */
export const DATA_DIR = resolve('.data/it');

/**
 * Returns a started runner; env overrides the configuration (limits, concurrency…), exercises
 * the course's exercises (content/exercises by default).
 */
export async function startRunner(
  env: Record<string, string> = {},
  options: { exercises?: ReadonlyMap<string, Exercise> } = {},
): Promise<Runner> {
  // A test may give the runner a data dir of its own (LOCKSTEP_DATA_DIR), e.g. one without tools.
  const dataDir = env.LOCKSTEP_DATA_DIR ?? DATA_DIR;
  mkdirSync(dataDir, { recursive: true });
  const config = loadConfig({ LOG_LEVEL: 'silent', LOCKSTEP_DATA_DIR: dataDir, ...env });
  const service = createSandboxedRunService(config);
  const app = await buildApp({ config, service, serveSite: false, exercises: options.exercises });
  const contractViolations = checkResponsesAgainstOpenApi(app);
  await app.ready();
  const post = async (payload: unknown, headers: Record<string, string> = {}) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/run',
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
      headers: { 'content-type': 'application/json', ...headers },
    });
    return { statusCode: res.statusCode, json: res.json() as Record<string, unknown> };
  };
  return {
    app,
    dataDir,
    post,
    async run(request, client = 'it') {
      const res = await post(request, { 'x-lockstep-client': client });
      return { statusCode: res.statusCode, body: res.json as unknown as RunResult };
    },
    async health() {
      const res = await app.inject({ method: 'GET', url: '/api/health' });
      return res.json() as Health;
    },
    leftovers() {
      const jobs = join(dataDir, 'jobs');
      return existsSync(jobs)
        ? readdirSync(jobs).filter(
            (name) => name.startsWith(`job-${process.pid}-`) && !name.includes('-pool-'),
          )
        : [];
    },
    async waitWarm() {
      for (let i = 0; i < 300; i++) {
        const res = await app.inject({ method: 'GET', url: '/api/health' });
        const state = (res.json() as Health).cache.state;
        if (state === 'warm' || state === 'failed') return;
        await new Promise((r) => setTimeout(r, 500));
      }
      throw new Error('the build cache did not finish warming in 150 s');
    },
    async close() {
      await app.close();
      // Every answer any test got must match the published document.
      if (contractViolations.length > 0) {
        throw new Error(
          `Responses that break the OpenAPI document:\n${[...new Set(contractViolations)].join('\n')}`,
        );
      }
    },
  };
}

/** A one-file main package. */
export function mainProgram(source: string): RunRequest {
  return { files: { 'main.go': source }, action: 'run' };
}
