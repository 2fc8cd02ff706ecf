/**
 * The Timeline on the oldest Go the course supports: a real server with Go 1.24 first on PATH
 * builds its trace converter with that Go (golang.org/x/exp pinned at a version whose go.mod asks
 * for 1.24), records a traced run, and runs a program that calls trace.Start itself untraced,
 * saying why (runtime/trace's flight recorder, which records beside it, came in Go 1.25).
 * Skipped, with the reason, where no Go 1.24 can be had (tests/older-go.ts).
 */
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Health } from '../../contract/health.ts';
import type { RunResult } from '../../contract/run.ts';
import { olderGo } from '../older-go.ts';
import { makeSiteDir, startServerProcess, stopServer, type ServerProcess } from './server-process.ts';
import { http } from './lab-api.ts';

const found = olderGo();
const site = makeSiteDir();
const data = resolve('.data/it-older-go');
let server: ServerProcess | undefined;
let base = '';

const PROGRAMS = resolve(import.meta.dirname, '../../playground/trace-timeline/testdata/programs');
const mutexProgram = readFileSync(join(PROGRAMS, 'mutex', 'main.go'), 'utf8');

const tracesItself = `package main

import (
	"bytes"
	"fmt"
	"runtime/trace"
)

func main() {
	var buf bytes.Buffer
	if err := trace.Start(&buf); err != nil {
		fmt.Println("trace.Start:", err)
		return
	}
	trace.Stop()
	fmt.Println("own trace written:", buf.Len() > 0)
}
`;

beforeAll(async () => {
  if ('reason' in found) return;
  rmSync(data, { recursive: true, force: true });
  ({ server, base } = await startServerProcess({
    PATH: `${join(found.goroot, 'bin')}:${process.env.PATH ?? ''}`,
    GOROOT: found.goroot,
    GOTOOLCHAIN: 'local',
    LOCKSTEP_SITE_DIR: site,
    LOCKSTEP_DATA_DIR: data,
    LOCKSTEP_NO_WARMUP: '1',
  }));
}, 120_000);

afterAll(async () => {
  if (server) await stopServer(server);
  rmSync(site, { recursive: true, force: true });
});

const run = (main: string) =>
  http<RunResult>(base, 'POST', '/api/run', { action: 'run', files: { 'main.go': main }, trace: true });

describe.skipIf('reason' in found)(
  `a runner on Go 1.24${'reason' in found ? ` (${found.reason})` : ''}`,
  () => {
    it('records a timeline: three goroutines wait at mu.Lock() and are woken at mu.Unlock()', async () => {
      const health = (await http<Health>(base, 'GET', '/api/health')).body;
      expect(health.go.version).toMatch(/^go1\.24\./);
      expect(health.tracing.available).toBe(true);

      // The first traced job waits for the converter, built here with Go 1.24 (cold caches: slow).
      const { status, body } = await run(mutexProgram);
      expect(status).toBe(200);
      expect(body.status).toBe('ok');
      if (!body.trace || !('timeline' in body.trace))
        throw new Error(`no timeline: ${JSON.stringify(body.trace)}`);
      const waits = body.trace.timeline.spans.filter((s) => s.reason === 'mutex');
      expect(waits.length).toBeGreaterThanOrEqual(3);
      for (const wait of waits) {
        expect(wait.stack?.find((f) => f.file === 'main.go')?.line).toBe(26);
        expect([20, 29]).toContain(wait.wokenBy?.stack?.find((f) => f.file === 'main.go')?.line);
      }
      expect((await http<Health>(base, 'GET', '/api/health')).body.tracing).toEqual({
        available: true,
        converter: 'ready',
      });
    }, 600_000);

    it('runs a program that calls trace.Start itself untraced, its own trace intact, and says why', async () => {
      const { status, body } = await run(tracesItself);
      expect(status).toBe(200);
      expect(body.status).toBe('ok');
      expect(body.stdout).toBe('own trace written: true\n');
      expect(body.trace).toEqual({ missing: 'program_traces_itself' });
    }, 300_000);
  },
);
